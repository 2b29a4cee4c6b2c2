package se.styr.economy.followup;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import se.styr.economy.AccountGroup;
import se.styr.economy.followup.ForecastCalculator.InvestmentFigures;

@Repository
class EconomicFollowupRepository {

    /** What is stored of one report. */
    record Data(long id, long municipalityId, long orgUnitId, int year, int month, EconomicFollowupType type,
                Long compareWithId, EconomicFollowupState state, String summary, String actionPlan,
                LocalDate actionPlanDecidedOn, String actionPlanReference, OffsetDateTime submittedAt, String submittedBy,
                int version, Map<AccountGroup, RowData> rows, Map<Long, InvestmentFigures> investments,
                Map<String, Map<String, Map<String, Long>>> printed) {

        RowData row(AccountGroup g) {
            return rows.getOrDefault(g, RowData.EMPTY);
        }

        Map<String, Map<String, Long>> printed(String table) {
            return printed.getOrDefault(table, Map.of());
        }
    }

    /** One typed account group: the revised budget (null: the detail budget's), the forecast and the explanation. */
    record RowData(Long budget, Long forecast, String explanation) {
        static final RowData EMPTY = new RowData(null, null, null);
    }

    private static final String REPORT = """
            select id, municipality_id, org_unit_id, year, month, type, compare_with_id, state, summary, action_plan,
                   action_plan_decided_on, action_plan_reference, submitted_at, submitted_by, version
            from economic_report""";

    private final JdbcClient jdbc;

    EconomicFollowupRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Data> find(long id) {
        return load(" where id = ?", id).stream().findFirst();
    }

    Optional<Data> find(long unitId, int year, int month) {
        return load(" where org_unit_id = ? and year = ? and month = ?", unitId, year, month).stream().findFirst();
    }

    /** One committee's reports of the year. */
    List<Data> ofCommittee(long unitId, int year) {
        return load(" where org_unit_id = ? and year = ?", unitId, year);
    }

    /** Every report of the municipality's year, by committee and month. */
    List<Data> ofYear(long municipalityId, int year) {
        return load(" where municipality_id = ? and year = ?", municipalityId, year);
    }

    /** The newest year and month anything was reported for. */
    Optional<int[]> latestMonth(long municipalityId) {
        return jdbc.sql("select year, month from economic_report where municipality_id = ? order by year desc, month desc limit 1")
                .param(municipalityId).query((rs, n) -> new int[] {rs.getInt(1), rs.getInt(2)}).optional();
    }

    private List<Data> load(String where, Object... params) {
        List<Object[]> headers = jdbc.sql(REPORT + where + " order by org_unit_id, month").params(params)
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getInt(4), rs.getInt(5),
                        EconomicFollowupType.valueOf(rs.getString(6)), rs.getObject(7, Long.class),
                        EconomicFollowupState.valueOf(rs.getString(8)), rs.getString(9), rs.getString(10),
                        rs.getObject(11, LocalDate.class), rs.getString(12), rs.getObject(13, OffsetDateTime.class),
                        rs.getString(14), rs.getInt(15)})
                .list();
        if (headers.isEmpty()) {
            return List.of();
        }
        String ids = "select id from economic_report" + where;
        Map<Long, Map<AccountGroup, RowData>> rows = new HashMap<>();
        jdbc.sql("select report_id, account_group, budget, forecast, explanation from economic_report_row where report_id in (" + ids + ")")
                .params(params)
                .query(rs -> {
                    rows.computeIfAbsent(rs.getLong(1), k -> new EnumMap<>(AccountGroup.class))
                            .put(AccountGroup.valueOf(rs.getString(2)), new RowData(rs.getObject(3, Long.class),
                                    rs.getObject(4, Long.class), rs.getString(5)));
                });
        Map<Long, Map<Long, InvestmentFigures>> investments = new HashMap<>();
        jdbc.sql("select report_id, line_id, forecast, outcome, outcome_last_year from economic_report_investment where report_id in (" + ids + ")")
                .params(params)
                .query(rs -> {
                    investments.computeIfAbsent(rs.getLong(1), k -> new HashMap<>()).put(rs.getLong(2),
                            new InvestmentFigures(rs.getObject(3, Long.class), rs.getObject(4, Long.class), rs.getObject(5, Long.class)));
                });
        Map<Long, Map<String, Map<String, Map<String, Long>>>> printed = new HashMap<>();
        jdbc.sql("select report_id, table_code, row_key, column_key, amount from economic_report_printed where report_id in (" + ids + ")")
                .params(params)
                .query(rs -> {
                    printed.computeIfAbsent(rs.getLong(1), k -> new HashMap<>()).computeIfAbsent(rs.getString(2), k -> new HashMap<>())
                            .computeIfAbsent(rs.getString(3), k -> new HashMap<>()).put(rs.getString(4), rs.getLong(5));
                });
        List<Data> result = new ArrayList<>();
        for (Object[] h : headers) {
            long id = (Long) h[0];
            result.add(new Data(id, (Long) h[1], (Long) h[2], (Integer) h[3], (Integer) h[4], (EconomicFollowupType) h[5],
                    (Long) h[6], (EconomicFollowupState) h[7], (String) h[8], (String) h[9], (LocalDate) h[10],
                    (String) h[11], (OffsetDateTime) h[12], (String) h[13], (Integer) h[14],
                    rows.getOrDefault(id, Map.of()), investments.getOrDefault(id, Map.of()), printed.getOrDefault(id, Map.of())));
        }
        return result;
    }

    long insert(long municipalityId, long unitId, int year, int month, EconomicFollowupType type, Long compareWithId) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into economic_report (municipality_id, org_unit_id, year, month, type, compare_with_id, state, version)
                        values (?, ?, ?, ?, ?, ?, ?, 1)""")
                .params(municipalityId, unitId, year, month, type.name(), compareWithId, EconomicFollowupState.UTKAST.name())
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    /** Bumps the version the editor read; false when someone else saved in between. */
    boolean touch(long id, int expectedVersion) {
        return jdbc.sql("update economic_report set version = version + 1 where id = ? and version = ?")
                .params(id, expectedVersion).update() == 1;
    }

    void updateHeader(long id, EconomicFollowupType type, Long compareWithId, String summary, String actionPlan,
                      LocalDate decidedOn, String reference) {
        jdbc.sql("""
                        update economic_report set type = ?, compare_with_id = ?, summary = ?, action_plan = ?,
                               action_plan_decided_on = ?, action_plan_reference = ? where id = ?""")
                .params(type.name(), compareWithId, summary, actionPlan, decidedOn, reference, id).update();
    }

    void setState(long id, EconomicFollowupState state, OffsetDateTime at, String by) {
        jdbc.sql("update economic_report set state = ?, submitted_at = ?, submitted_by = ? where id = ?")
                .params(state.name(), at, by, id).update();
    }

    void setRow(long reportId, AccountGroup group, RowData row) {
        jdbc.sql("delete from economic_report_row where report_id = ? and account_group = ?").params(reportId, group.name()).update();
        if (row.budget() != null || row.forecast() != null || row.explanation() != null) {
            jdbc.sql("insert into economic_report_row (report_id, account_group, budget, forecast, explanation) values (?, ?, ?, ?, ?)")
                    .params(reportId, group.name(), row.budget(), row.forecast(), row.explanation()).update();
        }
    }

    void setInvestment(long reportId, long lineId, InvestmentFigures f) {
        jdbc.sql("delete from economic_report_investment where report_id = ? and line_id = ?").params(reportId, lineId).update();
        if (f.forecast() != null || f.outcome() != null || f.outcomeLastYear() != null) {
            jdbc.sql("insert into economic_report_investment (report_id, line_id, forecast, outcome, outcome_last_year) values (?, ?, ?, ?, ?)")
                    .params(reportId, lineId, f.forecast(), f.outcome(), f.outcomeLastYear()).update();
        }
    }
}
