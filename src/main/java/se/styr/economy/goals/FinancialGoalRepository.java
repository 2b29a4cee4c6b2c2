package se.styr.economy.goals;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import se.styr.economy.StatementLine;

@Repository
class FinancialGoalRepository {

    /** The figure a municipal forecast or outcome gives for the tax-financed investments (not a statement line). */
    static final String TAX_FINANCED_INVESTMENTS = "SKATTEFINANSIERADE_INVESTERINGAR";
    /** The tax-financed operations' share of the depreciation (negative), which the budget's tables do not split. */
    static final String TAX_FINANCED_DEPRECIATION = "SKATTEFINANSIERADE_AVSKRIVNINGAR";
    /** The municipal group's equity and total assets (its compiled accounts), which no statement of the municipality holds. */
    static final String GROUP_EQUITY = "KONCERNENS_EGET_KAPITAL";
    static final String GROUP_ASSETS = "KONCERNENS_SUMMA_TILLGANGAR";
    /** Figures a goal needs that are not lines of the municipality's statements. */
    static final java.util.Set<String> NOT_STATEMENT_LINES = java.util.Set.of(TAX_FINANCED_INVESTMENTS, TAX_FINANCED_DEPRECIATION,
            GROUP_EQUITY, GROUP_ASSETS);

    private final JdbcClient jdbc;

    FinancialGoalRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private static final String GOAL = "select id, period_id, position, kind, title, threshold, description, version from financial_goal";

    private static FinancialGoal goal(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new FinancialGoal(rs.getLong(1), rs.getLong(2), rs.getInt(3), FinancialGoalKind.valueOf(rs.getString(4)),
                rs.getString(5), rs.getBigDecimal(6), rs.getString(7), rs.getInt(8));
    }

    List<FinancialGoal> goals(long municipalityId, long periodId) {
        return jdbc.sql(GOAL + " where municipality_id = ? and period_id = ? order by position, id")
                .params(municipalityId, periodId).query(FinancialGoalRepository::goal).list();
    }

    Optional<FinancialGoal> find(long municipalityId, long id) {
        return jdbc.sql(GOAL + " where municipality_id = ? and id = ?").params(municipalityId, id)
                .query(FinancialGoalRepository::goal).optional();
    }

    long insert(long municipalityId, long periodId, int position, FinancialGoalKind kind, String title, BigDecimal threshold,
                String description) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into financial_goal (municipality_id, period_id, position, kind, title, threshold, description)
                        values (?, ?, ?, ?, ?, ?, ?)""")
                .params(municipalityId, periodId, position, kind.name(), title, threshold, description).update(keys, "id");
        return keys.getKey().longValue();
    }

    boolean update(long id, int version, FinancialGoalKind kind, String title, BigDecimal threshold, String description) {
        return jdbc.sql("""
                        update financial_goal set kind = ?, title = ?, threshold = ?, description = ?, version = version + 1
                        where id = ? and version = ?""")
                .params(kind.name(), title, threshold, description, id, version).update() == 1;
    }

    boolean delete(long id, int version) {
        return jdbc.sql("delete from financial_goal where id = ? and version = ?").params(id, version).update() == 1;
    }

    /** The figures of one basis, year and month, by line name. */
    Map<String, Long> figures(long municipalityId, FinancialBasis basis, int year, int month) {
        Map<String, Long> figures = new HashMap<>();
        jdbc.sql("select line, amount from municipal_figure where municipality_id = ? and basis = ? and year = ? and month = ?")
                .params(municipalityId, basis.name(), year, month)
                .query(rs -> {
                    figures.put(rs.getString(1), rs.getLong(2));
                });
        return figures;
    }

    /** The latest month up to {@code month} with any figure of the basis, or empty. */
    Optional<Integer> latestMonth(long municipalityId, FinancialBasis basis, int year, int month) {
        return jdbc.sql("select max(month) from municipal_figure where municipality_id = ? and basis = ? and year = ? and month <= ?")
                .params(municipalityId, basis.name(), year, month).query(Integer.class).optional();
    }

    void setFigure(long municipalityId, FinancialBasis basis, int year, int month, String line, Long amount) {
        jdbc.sql("delete from municipal_figure where municipality_id = ? and basis = ? and year = ? and month = ? and line = ?")
                .params(municipalityId, basis.name(), year, month, line).update();
        if (amount != null) {
            jdbc.sql("insert into municipal_figure (municipality_id, year, month, basis, line, amount) values (?, ?, ?, ?, ?, ?)")
                    .params(municipalityId, year, month, basis.name(), line, amount).update();
        }
    }

    static Map<StatementLine, Long> statementLines(Map<String, Long> figures) {
        Map<StatementLine, Long> lines = new EnumMap<>(StatementLine.class);
        figures.forEach((line, amount) -> {
            if (!NOT_STATEMENT_LINES.contains(line)) {
                lines.put(StatementLine.valueOf(line), amount);
            }
        });
        return lines;
    }
}
