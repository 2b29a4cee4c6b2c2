package se.styr.economy.followup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static se.styr.economy.AccountGroup.ARETS_RESULTAT;
import static se.styr.economy.AccountGroup.KOP_AV_TJANSTER;
import static se.styr.economy.AccountGroup.LOKALHYROR;
import static se.styr.economy.AccountGroup.OVRIGA_KOSTNADER;
import static se.styr.economy.AccountGroup.PERSONALKOSTNADER;
import static se.styr.economy.AccountGroup.VERKSAMHETENS_INTAKTER;
import static se.styr.economy.AccountGroup.VERKSAMHETENS_KOSTNADER;
import static se.styr.economy.AccountGroup.VERKSAMHETENS_NETTOKOSTNADER;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.annotation.Transactional;
import se.styr.SignedIn;
import se.styr.StyrIntegrationTest;
import se.styr.economy.AccountGroup;
import se.styr.economy.EconomyTable;
import se.styr.platform.ConflictException;
import se.styr.platform.ValidationException;

/**
 * The economic follow-up on the demo's Vård- och omsorgsnämnden 2022 (seed 004): the seed's tables reproduced, the
 * policy's rule on negative forecasts, rights, conflicts and the audit. Each test's writes are rolled back.
 */
@StyrIntegrationTest
@Transactional
class EconomicFollowupServiceTest {

    @Autowired
    EconomicFollowupService followup;
    @Autowired
    EconomicFollowupEditing editing;
    @Autowired
    EconomicOutcomes outcomes;
    @Autowired
    UserDetailsService users;
    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private long unit(String code) {
        return jdbc.sql("select id from org_unit where code = ?").param(code).query(Long.class).single();
    }

    private static Long tkr(EconomicFollowupReport r, AccountGroup row, String column) {
        Long kronor = r.value(row.name(), column);
        return kronor == null ? null : kronor / 1000;
    }

    private static List<Long> column(EconomicFollowupReport r, String column) {
        return java.util.Arrays.stream(AccountGroup.values()).map(g -> tkr(r, g, column)).toList();
    }

    /** A save that sets the forecasts (tkr) and nothing else. */
    private static ReportInput forecast(EconomicFollowupReport r, long revenue, long staff, long premises, long services, long other) {
        Map<AccountGroup, Long> f = new EnumMap<>(AccountGroup.class);
        f.put(VERKSAMHETENS_INTAKTER, revenue * 1000);
        f.put(PERSONALKOSTNADER, staff * 1000);
        f.put(LOKALHYROR, premises * 1000);
        f.put(KOP_AV_TJANSTER, services * 1000);
        f.put(OVRIGA_KOSTNADER, other * 1000);
        return new ReportInput(r.type(), r.compareWithId(), r.summary(), Map.of(), f, Map.of(), Map.of(), Map.of(), null, null, null);
    }

    private static ReportInput withPlan(ReportInput in, String plan, LocalDate on, String reference) {
        return new ReportInput(in.type(), in.compareWithId(), in.summary(), in.budget(), in.forecast(), in.outcome(),
                in.explanations(), in.investments(), plan, on, reference);
    }

    /** A new draft for VON, October 2022: after the demo's reports, so it compares with August's. */
    private EconomicFollowupReport october() {
        SignedIn.as(users, "controller");
        return editing.create(unit("VON"), 2022, 10, EconomicFollowupType.MANADSUPPFOLJNING);
    }

    @Test
    void march_reproduces_the_seeds_table_as_its_first_forecast() {
        SignedIn.as(users, "politiker");

        EconomicFollowupReport march = followup.report(unit("VON"), 2022, 3).orElseThrow();

        assertThat(march.title()).isEqualTo("Månadsuppföljning per mars 2022");
        assertThat(march.operatingColumns()).containsExactly("BUDGET", "PROGNOS", "AVVIKELSE");
        assertThat(march.compareWithId()).isNull();
        assertThat(column(march, "BUDGET")).containsExactly(195_144L, -717_534L, -93_004L, -160_751L, -77_411L, -1_048_700L,
                -853_556L, 853_556L, 0L, 0L);
        assertThat(column(march, "PROGNOS")).containsExactly(217_796L, -724_465L, -93_004L, -171_895L, -81_988L, -1_071_352L,
                -853_556L, 853_556L, 0L, 0L);
        assertThat(column(march, "AVVIKELSE")).containsExactly(22_652L, -6_931L, 0L, -11_144L, -4_577L, -22_652L, 0L, 0L, 0L, 0L);
        assertThat(march.submitted()).isTrue();
        assertThat(march.explanations()).extracting(EconomicFollowupReport.Explanation::text)
                .allSatisfy(t -> assertThat(t).isNotBlank());
    }

    @Test
    void may_forecasts_ten_million_surplus_and_its_change_against_april_is_computed() {
        SignedIn.as(users, "politiker");

        EconomicFollowupReport may = followup.report(unit("VON"), 2022, 5).orElseThrow();

        assertThat(column(may, "AVVIKELSE")).containsExactly(26_956L, 3_323L, -822L, -8_655L, -10_802L, -16_956L, 10_000L, 0L, 0L, 10_000L);
        assertThat(may.forecastResult()).isEqualTo(10_000_000L);
        assertThat(may.negativeForecast()).isFalse();
        assertThat(may.compareWithTitle()).isEqualTo("Fördjupad månadsuppföljning per april 2022");
        assertThat(column(may, "FORANDRING")).containsExactly(4_714L, 12_923L, 0L, -4_235L, -3_402L, 5_286L, 10_000L, 0L, 0L, 10_000L);
    }

    @Test
    void the_interim_report_compares_with_april_and_shows_investments_outcomes_and_rounding() {
        SignedIn.as(users, "politiker");
        EconomicFollowupReport april = followup.report(unit("VON"), 2022, 4).orElseThrow();

        EconomicFollowupReport august = followup.report(unit("VON"), 2022, 8).orElseThrow();

        assertThat(august.compareWithId()).as("the interim report chooses April, not May").isEqualTo(april.id());
        assertThat(august.operating().columns()).contains("Förändring mot prognos april", "Utfall t.o.m. augusti 2022",
                "Utfall t.o.m. augusti 2021");
        assertThat(tkr(august, VERKSAMHETENS_INTAKTER, "FORANDRING")).isEqualTo(6_758L);
        assertThat(tkr(august, OVRIGA_KOSTNADER, "FORANDRING")).isEqualTo(-7_700L);
        assertThat(tkr(august, ARETS_RESULTAT, "PROGNOS")).isZero();
        assertThat(tkr(august, ARETS_RESULTAT, "UTFALL")).isEqualTo(12_500L);
        assertThat(tkr(august, PERSONALKOSTNADER, "DIFF_FG")).isEqualTo(-19_800L);
        assertThat(august.outcomeSource()).isEqualTo(EconomicFollowupReport.OutcomeSource.TYPED);
        assertThat(august.outcomeNetCostToDate()).isEqualTo(-556_537_000L);

        EconomyTable investments = august.investments();
        assertThat(investments.rows()).extracting(EconomyTable.Row::label)
                .containsExactly("Reinvestering", "Inventarier", "Vårdarhjälpmedel", "Sängar", "Totala utgifter");
        assertThat(investments.row("TOTAL").values())
                .containsExactly(5_300_000L, 3_200_000L, 2_100_000L, 1_169_000L, 3_240_000L, -2_071_000L);
        assertThat(investments.rows().get(2).values()).containsExactly(350_000L, 700_000L, -350_000L, 317_000L, 532_000L, -215_000L);
        assertThat(investments.row("TOTAL").printedAt(3)).as("the seed prints 1 170").isEqualTo(1_170_000L);
        assertThat(april.investments().row("TOTAL").values()).containsExactly(5_300_000L, 5_300_000L, 0L);
        assertThat(august.volumes()).extracting(VolumeTable::title).containsExactly(
                "Äldreomsorg: antal personer och hemtjänsttimmar", "Äldreomsorg: antal boendeplatser",
                "Funktionsstöd: antal personer", "Funktionsstöd: antal boendeplatser");
        assertThat(august.volumes().get(0).columns()).containsExactly("2020.01", "2021.01", "2021.11", "Prognos 2022.12");
        assertThat(august.volumes().get(0).rows().get(2).values()).extracting(java.math.BigDecimal::intValue)
                .containsExactly(35_040, 33_096, 34_417, 35_000);
    }

    @Test
    void committee_forecasts_give_each_committees_latest_report_up_to_the_month() {
        SignedIn.as(users, "politiker");
        long von = unit("VON");

        List<CommitteeForecast> june = followup.committeeForecasts(2022, 6);
        List<CommitteeForecast> august = followup.committeeForecasts(2022, 8);

        assertThat(june).filteredOn(f -> f.orgUnitId() == von).singleElement()
                .isEqualTo(new CommitteeForecast(von, 2022, 5, -853_556_000L, -843_556_000L, 0L, true));
        assertThat(august).filteredOn(f -> f.orgUnitId() == von).singleElement()
                .isEqualTo(new CommitteeForecast(von, 2022, 8, -853_556_000L, -853_556_000L, -556_537_000L, false));
        assertThat(followup.committeeForecasts(2022, 2)).noneMatch(f -> f.orgUnitId() == von);
        assertThat(followup.committeeForecasts(2023, 12)).isEmpty();
    }

    @Test
    void a_new_report_compares_with_the_previous_one_and_starts_from_its_forecast() {
        EconomicFollowupReport october = october();

        assertThat(october.compareWithTitle()).isEqualTo("Delårsbokslut per augusti 2022");
        assertThat(tkr(october, VERKSAMHETENS_INTAKTER, "PROGNOS")).isEqualTo(224_144L);
        assertThat(tkr(october, VERKSAMHETENS_INTAKTER, "BUDGET")).as("the revised budget carried over").isEqualTo(195_144L);
        assertThat(october.explanations()).allMatch(e -> e.text() == null);
        assertThat(october.state()).isEqualTo(EconomicFollowupState.UTKAST);
        assertThatThrownBy(() -> editing.create(unit("VON"), 2022, 10, EconomicFollowupType.MANADSUPPFOLJNING))
                .isInstanceOf(ValidationException.class).hasMessageContaining("ekuppf.error.exists");
        assertThatThrownBy(() -> editing.create(unit("VON"), 2031, 1, EconomicFollowupType.MANADSUPPFOLJNING))
                .isInstanceOf(ValidationException.class).hasMessageContaining("ekuppf.error.noBudget");
    }

    @Test
    void a_negative_forecast_is_blocked_without_an_action_plan_and_submitted_with_one() {
        EconomicFollowupReport october = october();
        // Staff costs 12 000 tkr over budget, nothing to offset them: årets resultat −12 000.
        ReportInput deficit = forecast(october, 195_144, -729_534, -93_004, -160_751, -77_411);

        assertThatThrownBy(() -> editing.save(october.id(), october.version(), deficit, true))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems())
                        .extracting(ValidationException.Problem::field)
                        .containsExactly("actionPlan", "actionPlanDecidedOn", "actionPlanReference"));
        EconomicFollowupReport unchanged = followup.report(october.id());
        assertThat(unchanged.version()).as("nothing written").isEqualTo(october.version());
        assertThat(tkr(unchanged, PERSONALKOSTNADER, "PROGNOS")).isEqualTo(-723_434L);
        assertThat(unchanged.state()).isEqualTo(EconomicFollowupState.UTKAST);

        // As a draft it may be saved: the page then says up front that a plan is needed.
        EconomicFollowupReport draft = editing.save(october.id(), october.version(), deficit, false);
        assertThat(draft.negativeForecast()).isTrue();
        assertThat(draft.forecastResult()).isEqualTo(-12_000_000L);
        assertThat(draft.state()).isEqualTo(EconomicFollowupState.UTKAST);

        EconomicFollowupReport submitted = editing.save(draft.id(), draft.version(),
                withPlan(deficit, "Vakanser hålls öppna och inhyrd personal avvecklas under hösten.", LocalDate.of(2022, 11, 22),
                        "§ 95, 2022.260 VON"), true);
        assertThat(submitted.state()).isEqualTo(EconomicFollowupState.INLAMNAD);
        assertThat(submitted.actionPlan().reference()).isEqualTo("§ 95, 2022.260 VON");
        assertThat(submitted.submittedBy()).isEqualTo(jdbc.sql("select display_name from app_user where username = 'controller'")
                .query(String.class).single());
        assertThat(submitted.submittedAt()).isNotNull();
        assertThatThrownBy(() -> editing.save(submitted.id(), submitted.version(), deficit, false))
                .isInstanceOf(ValidationException.class).hasMessageContaining("ekuppf.error.submitted");
    }

    @Test
    void a_balanced_or_positive_forecast_needs_no_action_plan_but_every_row_needs_a_forecast() {
        EconomicFollowupReport october = october();
        Map<AccountGroup, Long> partial = new EnumMap<>(AccountGroup.class);
        partial.put(PERSONALKOSTNADER, null);
        ReportInput missing = new ReportInput(october.type(), october.compareWithId(), null, Map.of(), partial, Map.of(),
                Map.of(), Map.of(), null, null, null);

        assertThatThrownBy(() -> editing.save(october.id(), october.version(), missing, true))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems())
                        .extracting(ValidationException.Problem::field).containsExactly("PERSONALKOSTNADER_PROGNOS"));

        EconomicFollowupReport submitted = editing.save(october.id(), october.version(),
                forecast(october, 230_000, -723_434, -94_104, -167_651, -92_511), true);
        assertThat(submitted.forecastResult()).isEqualTo(5_856_000L);
        assertThat(submitted.state()).isEqualTo(EconomicFollowupState.INLAMNAD);
    }

    @Test
    void the_budget_is_revised_only_within_the_frame() {
        EconomicFollowupReport october = october();
        Map<AccountGroup, Long> outside = new EnumMap<>(AccountGroup.class);
        outside.put(VERKSAMHETENS_INTAKTER, 200_000_000L);
        ReportInput tooMuch = new ReportInput(october.type(), october.compareWithId(), null, outside, Map.of(), Map.of(),
                Map.of(), Map.of(), null, null, null);

        assertThatThrownBy(() -> editing.save(october.id(), october.version(), tooMuch, false))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems().get(0).messageKey())
                        .isEqualTo("ekuppf.error.frame"));

        // A technical redistribution: 916 more revenue and 916 more staff cost keeps the net cost at the frame.
        Map<AccountGroup, Long> moved = new EnumMap<>(AccountGroup.class);
        moved.put(VERKSAMHETENS_INTAKTER, 196_060_000L);
        moved.put(PERSONALKOSTNADER, -718_450_000L);
        EconomicFollowupReport saved = editing.save(october.id(), october.version(), new ReportInput(october.type(),
                october.compareWithId(), null, moved, Map.of(), Map.of(), Map.of(), Map.of(), null, null, null), false);
        assertThat(tkr(saved, VERKSAMHETENS_KOSTNADER, "BUDGET")).isEqualTo(-1_049_616L);
        assertThat(tkr(saved, VERKSAMHETENS_NETTOKOSTNADER, "BUDGET")).isEqualTo(-853_556L);
        assertThat(tkr(saved, VERKSAMHETENS_INTAKTER, "AVVIKELSE")).isEqualTo(224_144L - 196_060L);
    }

    @Test
    void a_typed_outcome_to_date_is_kept_as_the_committees_own_outcome_of_the_month() {
        EconomicFollowupReport october = october();
        long von = unit("VON");
        Map<AccountGroup, Long> typed = new EnumMap<>(AccountGroup.class);
        typed.put(VERKSAMHETENS_INTAKTER, 190_000_000L);

        EconomicFollowupReport saved = editing.save(october.id(), october.version(), new ReportInput(october.type(),
                october.compareWithId(), null, Map.of(), Map.of(), typed, Map.of(), Map.of(), null, null, null), false);

        assertThat(tkr(saved, VERKSAMHETENS_INTAKTER, "UTFALL")).isEqualTo(190_000L);
        assertThat(outcomes.toDate(von, 2022, 10).get(VERKSAMHETENS_INTAKTER)).as("one source: economic_outcome").isEqualTo(190_000_000L);
        assertThat(jdbc.sql("select amount from economic_outcome where org_unit_id = ? and year = 2022 and month = 10 and account_group = 'VERKSAMHETENS_INTAKTER'")
                .param(von).query(Long.class).single()).as("the month's own amount: to date minus August's 155 096").isEqualTo(34_904_000L);
        assertThat(outcomes.toDate(von, 2022, 8).get(VERKSAMHETENS_INTAKTER)).as("earlier months untouched").isEqualTo(155_096_000L);

        // Once the administration's units have outcomes of their own, the committee's outcome is theirs to sum.
        jdbc.sql("insert into economic_outcome (org_unit_id, year, month, account_group, amount) values (?, 2022, 9, 'PERSONALKOSTNADER', -1000)")
                .param(unit("VOF-HN")).update();
        EconomicFollowupReport fromUnits = followup.form(october.id());
        assertThat(fromUnits.outcomeSource()).isEqualTo(EconomicFollowupReport.OutcomeSource.UNITS);
        typed.put(VERKSAMHETENS_INTAKTER, 191_000_000L);
        assertThatThrownBy(() -> editing.save(october.id(), saved.version(), new ReportInput(october.type(),
                october.compareWithId(), null, Map.of(), Map.of(), typed, Map.of(), Map.of(), null, null, null), false))
                .isInstanceOf(ValidationException.class).hasMessageContaining("ekuppf.error.outcomeFromUnits");
    }

    @Test
    void a_controller_of_one_committee_cannot_create_or_edit_another_committees_report() {
        SignedIn.as(users, "admin");
        EconomicFollowupReport social = editing.create(unit("SN"), 2022, 3, EconomicFollowupType.MANADSUPPFOLJNING);
        SignedIn.as(users, "controller");

        assertThatThrownBy(() -> editing.create(unit("SN"), 2022, 4, EconomicFollowupType.MANADSUPPFOLJNING))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> editing.save(social.id(), social.version(), forecast(social, 1, -1, 0, 0, 0), false))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(followup.mayEdit(unit("SN"))).isFalse();
        assertThat(followup.mayEdit(unit("VON"))).isTrue();
        SignedIn.as(users, "politiker");
        assertThatThrownBy(() -> editing.create(unit("VON"), 2022, 11, EconomicFollowupType.MANADSUPPFOLJNING))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void a_stale_version_is_a_conflict_and_changes_nothing() {
        EconomicFollowupReport october = october();
        EconomicFollowupReport saved = editing.save(october.id(), october.version(),
                forecast(october, 230_000, -723_434, -94_104, -167_651, -92_511), false);

        assertThatThrownBy(() -> editing.save(october.id(), october.version(),
                forecast(october, 1, -1, -1, -1, -1), false)).isInstanceOf(ConflictException.class);
        assertThat(tkr(followup.report(october.id()), VERKSAMHETENS_INTAKTER, "PROGNOS")).isEqualTo(230_000L);
        assertThat(followup.report(october.id()).version()).isEqualTo(saved.version());
        assertThatThrownBy(() -> editing.reopen(october.id(), saved.version()))
                .isInstanceOf(ValidationException.class).hasMessageContaining("ekuppf.error.notSubmitted");
    }

    @Test
    void saving_submitting_and_reopening_are_audited_from_old_to_new() {
        EconomicFollowupReport october = october();
        EconomicFollowupReport submitted = editing.save(october.id(), october.version(),
                forecast(october, 230_000, -723_434, -94_104, -167_651, -92_511), true);
        EconomicFollowupReport reopened = editing.reopen(submitted.id(), submitted.version());

        assertThat(reopened.state()).isEqualTo(EconomicFollowupState.UTKAST);
        List<Map<String, Object>> entries = jdbc.sql("""
                        select action, summary, old_value, new_value from audit_entry
                        where object_type = 'EKONOMISK_UPPFOLJNING' and object_id = ? order by id""")
                .param(october.id()).query().listOfRows();
        assertThat(entries).extracting(e -> (String) e.get("summary")).containsExactly(
                "Ekonomisk uppföljning skapad: Vård- och omsorgsnämnden, Månadsuppföljning per oktober 2022",
                "Ekonomisk uppföljning ändrad: Vård- och omsorgsnämnden, Månadsuppföljning per oktober 2022",
                "Ekonomisk uppföljning inlämnad: Vård- och omsorgsnämnden, Månadsuppföljning per oktober 2022",
                "Ekonomisk uppföljning öppnad igen: Vård- och omsorgsnämnden, Månadsuppföljning per oktober 2022");
        assertThat(String.valueOf(entries.get(1).get("old_value"))).contains("Verksamhetens intäkter prognos", "224\u00a0144 tkr");
        assertThat(String.valueOf(entries.get(1).get("new_value"))).contains("Verksamhetens intäkter prognos", "230\u00a0000 tkr");
        assertThat(String.valueOf(entries.get(3).get("old_value"))).contains("INLAMNAD");
        assertThat(String.valueOf(entries.get(3).get("new_value"))).contains("UTKAST");
    }
}
