package se.styr.economy.budget;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import se.styr.economy.AccountGroup;
import se.styr.economy.StatementLine;
import se.styr.organisation.PlanPeriod;

@Repository
class BudgetRepository {

    /** A budget's own columns; its period's name and years belong to the organisation module and are added there. */
    record Row(long id, long municipalityId, long periodId, int versionNo, BudgetState state, java.math.BigDecimal taxRate,
               LocalDate decidedOn, String decidedParagraph, String decidedBy, int version) {

        Budget in(PlanPeriod period) {
            return new Budget(id, municipalityId, periodId, period.name(), period.firstYear(), period.lastYear(), versionNo,
                    state, taxRate, decidedOn, decidedParagraph, decidedBy, version, period.illustrative());
        }
    }

    private static final String ROW = """
            select id, municipality_id, period_id, version_no, state, tax_rate, decided_on, decided_paragraph, decided_by, version
            from budget""";

    private final JdbcClient jdbc;

    BudgetRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getInt(4), BudgetState.valueOf(rs.getString(5)),
                rs.getBigDecimal(6), rs.getObject(7, LocalDate.class), rs.getString(8), rs.getString(9), rs.getInt(10));
    }

    Optional<Row> find(long id) {
        return jdbc.sql(ROW + " where id = ?").param(id).query(BudgetRepository::row).optional();
    }

    List<Row> all(long municipalityId) {
        return jdbc.sql(ROW + " where municipality_id = ?").param(municipalityId).query(BudgetRepository::row).list();
    }

    /** One page of the versions, filtered by plan period, a year the period covers and state, newest first. */
    se.styr.platform.Paging.Page<Row> page(long municipalityId, Long periodId, Integer year, BudgetState state,
                                         se.styr.platform.Paging paging) {
        Map<String, Object> p = new HashMap<>();
        p.put("m", municipalityId);
        StringBuilder where = new StringBuilder(" from budget b join plan_period p on p.id = b.period_id where b.municipality_id = :m");
        if (periodId != null) {
            where.append(" and b.period_id = :period");
            p.put("period", periodId);
        }
        if (year != null) {
            where.append(" and p.first_year <= :year and p.last_year >= :year");
            p.put("year", year);
        }
        if (state != null) {
            where.append(" and b.state = :state");
            p.put("state", state.name());
        }
        long total = jdbc.sql("select count(*)" + where).params(p).query(Long.class).single();
        return paging.of(total, total == 0 ? List.of() : jdbc.sql("""
                        select b.id, b.municipality_id, b.period_id, b.version_no, b.state, b.tax_rate, b.decided_on,
                          b.decided_paragraph, b.decided_by, b.version""" + where
                        + " order by p.illustrative, p.first_year desc, b.period_id desc, b.version_no desc" + paging.limitOffset())
                .params(p).query(BudgetRepository::row).list());
    }

    long insert(long municipalityId, long periodId, int versionNo, java.math.BigDecimal taxRate, Long createdFrom) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("insert into budget (municipality_id, period_id, version_no, state, tax_rate, created_from) values (?, ?, ?, ?, ?, ?)")
                .params(municipalityId, periodId, versionNo, BudgetState.UTKAST.name(), taxRate, createdFrom)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    /** Bumps the version the editor read; false when someone else saved in between. */
    boolean touch(long id, int expectedVersion) {
        return jdbc.sql("update budget set version = version + 1 where id = ? and version = ?")
                .params(id, expectedVersion).update() == 1;
    }

    void decide(long id, LocalDate on, String paragraph, String by) {
        jdbc.sql("update budget set state = ?, decided_on = ?, decided_paragraph = ?, decided_by = ? where id = ?")
                .params(BudgetState.BESLUTAD.name(), on, paragraph, by, id).update();
    }

    /** When the version was sent to the council for decision; null when it was not. */
    java.time.OffsetDateTime readyForDecision(long id) {
        return jdbc.sql("select ready_for_decision_at from budget where id = ?").param(id)
                .query((rs, n) -> rs.getObject(1, java.time.OffsetDateTime.class)).optional().orElse(null);
    }

    void setReadyForDecision(long id, java.time.OffsetDateTime at) {
        jdbc.sql("update budget set ready_for_decision_at = ? where id = ?").params(at, id).update();
    }

    void setTaxRate(long id, java.math.BigDecimal rate) {
        jdbc.sql("update budget set tax_rate = ? where id = ?").params(rate, id).update();
    }

    BudgetData data(Budget budget, Map<Long, String> unitLabels) {
        long id = budget.id();
        Map<StatementLine, Map<Integer, Long>> statement = new EnumMap<>(StatementLine.class);
        jdbc.sql("select line, year, amount from budget_amount where budget_id = ?").param(id)
                .query(rs -> {
                    statement.computeIfAbsent(StatementLine.valueOf(rs.getString(1)), k -> new HashMap<>())
                            .put(rs.getInt(2), rs.getLong(3));
                });

        Map<Long, Map<Integer, Long>> frameAmounts = new HashMap<>();
        jdbc.sql("""
                        select a.line_id, a.year, a.amount from budget_frame_amount a
                        join budget_frame_line l on l.id = a.line_id where l.budget_id = ?""").param(id)
                .query(rs -> {
                    frameAmounts.computeIfAbsent(rs.getLong(1), k -> new HashMap<>()).put(rs.getInt(2), rs.getLong(3));
                });
        List<BudgetData.FrameLine> frames = jdbc.sql(
                        "select id, org_unit_id, label, kind, position from budget_frame_line where budget_id = ? order by position, id")
                .param(id)
                .query((rs, n) -> new BudgetData.FrameLine(rs.getLong(1), (Long) rs.getObject(2, Long.class), rs.getString(3),
                        FrameKind.valueOf(rs.getString(4)), rs.getInt(5), frameAmounts.getOrDefault(rs.getLong(1), Map.of())))
                .list();

        Map<Long, Map<Integer, Long>> investmentAmounts = new HashMap<>();
        jdbc.sql("""
                        select a.line_id, a.year, a.amount from investment_amount a
                        join investment_line l on l.id = a.line_id where l.budget_id = ?""").param(id)
                .query(rs -> {
                    investmentAmounts.computeIfAbsent(rs.getLong(1), k -> new HashMap<>()).put(rs.getInt(2), rs.getLong(3));
                });
        List<BudgetData.InvestmentLine> investments = jdbc.sql("""
                        select id, org_unit_id, parent_id, label, fee_financed, position
                        from investment_line where budget_id = ? order by position, id""")
                .param(id)
                .query((rs, n) -> new BudgetData.InvestmentLine(rs.getLong(1), (Long) rs.getObject(2, Long.class),
                        (Long) rs.getObject(3, Long.class), rs.getString(4), rs.getBoolean(5), rs.getInt(6),
                        investmentAmounts.getOrDefault(rs.getLong(1), Map.of())))
                .list();

        Map<Long, Map<AccountGroup, Map<Integer, Long>>> committees = new LinkedHashMap<>();
        jdbc.sql("select org_unit_id, account_group, year, amount from committee_budget_amount where budget_id = ? order by org_unit_id")
                .param(id)
                .query(rs -> {
                    committees.computeIfAbsent(rs.getLong(1), k -> new EnumMap<>(AccountGroup.class))
                            .computeIfAbsent(AccountGroup.valueOf(rs.getString(2)), k -> new HashMap<>())
                            .put(rs.getInt(3), rs.getLong(4));
                });

        List<BudgetData.Printed> printed = jdbc.sql("select table_code, org_unit_id, line, year, amount from budget_printed where budget_id = ?")
                .param(id)
                .query((rs, n) -> new BudgetData.Printed(rs.getString(1), (Long) rs.getObject(2, Long.class), rs.getString(3),
                        rs.getInt(4), rs.getLong(5)))
                .list();
        return new BudgetData(budget, statement, frames, investments, committees, printed, unitLabels);
    }

    void setStatementAmount(long budgetId, StatementLine line, int year, Long amount) {
        jdbc.sql("delete from budget_amount where budget_id = ? and line = ? and year = ?").params(budgetId, line.name(), year).update();
        if (amount != null) {
            jdbc.sql("insert into budget_amount (budget_id, line, year, amount) values (?, ?, ?, ?)")
                    .params(budgetId, line.name(), year, amount).update();
        }
    }

    long insertFrameLine(long budgetId, Long orgUnitId, String label, FrameKind kind, int position) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("insert into budget_frame_line (budget_id, org_unit_id, label, kind, position) values (?, ?, ?, ?, ?)")
                .params(budgetId, orgUnitId, label, kind.name(), position).update(keys, "id");
        return keys.getKey().longValue();
    }

    void setFrameAmount(long lineId, int year, Long amount) {
        jdbc.sql("delete from budget_frame_amount where line_id = ? and year = ?").params(lineId, year).update();
        if (amount != null) {
            jdbc.sql("insert into budget_frame_amount (line_id, year, amount) values (?, ?, ?)").params(lineId, year, amount).update();
        }
    }

    long insertInvestmentLine(long budgetId, Long orgUnitId, Long parentId, String label, boolean feeFinanced, int position) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into investment_line (budget_id, org_unit_id, parent_id, label, fee_financed, position)
                        values (?, ?, ?, ?, ?, ?)""")
                .params(budgetId, orgUnitId, parentId, label, feeFinanced, position).update(keys, "id");
        return keys.getKey().longValue();
    }

    void setInvestmentAmount(long lineId, int year, Long amount) {
        jdbc.sql("delete from investment_amount where line_id = ? and year = ?").params(lineId, year).update();
        if (amount != null) {
            jdbc.sql("insert into investment_amount (line_id, year, amount) values (?, ?, ?)").params(lineId, year, amount).update();
        }
    }

    void setCommitteeAmount(long budgetId, long unitId, AccountGroup group, int year, Long amount) {
        jdbc.sql("delete from committee_budget_amount where budget_id = ? and org_unit_id = ? and account_group = ? and year = ?")
                .params(budgetId, unitId, group.name(), year).update();
        if (amount != null) {
            jdbc.sql("insert into committee_budget_amount (budget_id, org_unit_id, account_group, year, amount) values (?, ?, ?, ?, ?)")
                    .params(budgetId, unitId, group.name(), year, amount).update();
        }
    }

    void insertPrinted(long budgetId, BudgetData.Printed p) {
        jdbc.sql("insert into budget_printed (budget_id, table_code, org_unit_id, line, year, amount) values (?, ?, ?, ?, ?, ?)")
                .params(budgetId, p.table(), p.orgUnitId(), p.line(), p.year(), p.amount()).update();
    }

    /** Copies every typed figure of one version into a new one; sub-lines keep their parents. */
    void copyContents(BudgetData from, long to) {
        copyContents(from, to, null);
    }

    /**
     * Copies the typed figures of one budget into another; with {@code into} (a budget of a later plan period) only
     * the years that budget shows: its years in the statements and the operating budget, its investment years, and
     * its detail years (which begin with the year before the period) in the committees' budgets.
     */
    void copyContents(BudgetData from, long to, Budget into) {
        java.util.function.IntPredicate years = y -> into == null || into.years().contains(y);
        java.util.function.IntPredicate investmentYears = y -> into == null || into.investmentYears().contains(y);
        java.util.function.IntPredicate detailYears = y -> into == null || into.detailYears().contains(y);
        from.statement().forEach((line, amounts) -> amounts.forEach((year, amount) -> {
            if (years.test(year)) {
                setStatementAmount(to, line, year, amount);
            }
        }));
        for (BudgetData.FrameLine line : from.frames()) {
            long copy = insertFrameLine(to, line.orgUnitId(), line.label(), line.kind(), line.position());
            line.amounts().forEach((year, amount) -> {
                if (years.test(year)) {
                    setFrameAmount(copy, year, amount);
                }
            });
        }
        Map<Long, Long> copies = new HashMap<>();
        List<BudgetData.InvestmentLine> pending = new ArrayList<>(from.investments());
        while (!pending.isEmpty()) {
            var it = pending.iterator();
            while (it.hasNext()) {
                BudgetData.InvestmentLine line = it.next();
                if (line.parentId() == null || copies.containsKey(line.parentId())) {
                    long copy = insertInvestmentLine(to, line.orgUnitId(), line.parentId() == null ? null : copies.get(line.parentId()),
                            line.label(), line.feeFinanced(), line.position());
                    copies.put(line.id(), copy);
                    line.amounts().forEach((year, amount) -> {
                        if (investmentYears.test(year)) {
                            setInvestmentAmount(copy, year, amount);
                        }
                    });
                    it.remove();
                }
            }
        }
        from.committees().forEach((unit, groups) -> groups.forEach((group, amounts) -> amounts.forEach((year, amount) -> {
            if (detailYears.test(year)) {
                setCommitteeAmount(to, unit, group, year, amount);
            }
        })));
    }
}
