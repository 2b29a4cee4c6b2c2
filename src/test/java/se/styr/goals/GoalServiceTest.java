package se.styr.goals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static se.styr.goals.DemoChainTest.find;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.transaction.annotation.Transactional;
import se.styr.StyrIntegrationTest;
import se.styr.audit.AuditLog;
import se.styr.organisation.Organisation;
import se.styr.platform.ConflictException;
import se.styr.platform.ValidationException;

@StyrIntegrationTest
@Transactional
@WithUserDetails("admin")
class GoalServiceTest {

    @Autowired
    ChainReader chain;
    @Autowired
    GoalService goals;
    @Autowired
    Organisation organisation;
    @Autowired
    AuditLog audit;
    @Autowired
    JdbcClient jdbc;

    private long unit(String code) {
        return organisation.units(municipality()).stream().filter(u -> code.equals(u.code())).findFirst().orElseThrow().id();
    }

    private long municipality() {
        return organisation.municipalities().get(0).id();
    }

    private long period() {
        // the goal chain's period (the demo also has the illustrative periods of the party proposals' base budgets)
        return organisation.periods(municipality()).stream().filter(p -> p.name().equals("Budget 2022–2024")).findFirst().orElseThrow().id();
    }

    private GoalObject keyFigure(Long parentId, String title, String unit, String kolada) {
        return new GoalObject(null, 0, Kind.NYCKELTAL, parentId, unit("VON"), period(), 0, title, null, Direction.INCREASE,
                unit, "Egen mätning", kolada, true, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, false, 0);
    }

    private static List<String> keys(ValidationException e) {
        return e.problems().stream().map(ValidationException.Problem::messageKey).toList();
    }

    @Test
    void creating_a_key_figure_stores_it_and_audits_it() {
        GoalObject goal = find(goals, Kind.NAMNDMAL, "Öka antalet gruppboendeplatser");
        GoalObject created = goals.create(keyFigure(goal.id(), "Antal platser i servicebostad", "antal", "U28570"));

        assertThat(created.id()).isNotNull();
        assertThat(created.version()).isZero();
        assertThat(goals.details(goal.id()).node().children()).extracting(n -> n.object().title())
                .contains("Antal platser i servicebostad");
        var entries = audit.find(municipality(), "goal_object", created.id(), null, 0, 10).entries();
        assertThat(entries).hasSize(1);
        assertThat(entries.get(0).actor()).isEqualTo("admin");
        assertThat(entries.get(0).action()).isEqualTo("SKAPAD");
        assertThat(entries.get(0).newValue()).containsEntry("title", "Antal platser i servicebostad");
    }

    @Test
    void every_bad_field_gets_its_swedish_message_and_nothing_is_stored() {
        long before = jdbc.sql("select count(*) from goal_object").query(Long.class).single();
        GoalObject bad = new GoalObject(null, 0, Kind.NYCKELTAL, null, unit("VON"), period(), 0, "  ", null, null,
                null, null, "07702", null, BigDecimal.valueOf(120), null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, false, 0);

        assertThatThrownBy(() -> goals.create(bad)).isInstanceOfSatisfying(ValidationException.class, e ->
                assertThat(keys(e)).contains("validering.titel.tom", "validering.forelder.kravs", "validering.riktning.kravs",
                        "validering.enhet.kravs", "validering.kolada", "validering.procent"));
        assertThat(jdbc.sql("select count(*) from goal_object").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void a_committee_goal_cannot_point_to_an_indicator_of_another_period() {
        jdbc.sql("insert into plan_period (municipality_id, name, first_year, last_year) values (?, 'Budget 2025–2027', 2025, 2027)")
                .param(municipality()).update();
        long otherPeriod = organisation.periods(municipality()).stream().filter(p -> p.firstYear() == 2025).findFirst().orElseThrow().id();
        GoalObject kfGoal = find(goals, Kind.PRIORITERAT_MAL, "Alingsåsarna har inflytande");
        GoalObject indicator = find(goals, Kind.INDIKATOR, "Delaktighetsindex");
        GoalObject committeeGoal = new GoalObject(null, 0, Kind.NAMNDMAL, kfGoal.id(), unit("VON"), otherPeriod, 0,
                "Fler brukare ska vara delaktiga", null, null, null, null, null, null, null, indicator.id(), null, 21, "11.3",
                null, null, null, null, null, null, null, null, null, null, null, null, false, 0);

        assertThatThrownBy(() -> goals.create(committeeGoal)).isInstanceOfSatisfying(ValidationException.class, e ->
                assertThat(keys(e)).contains("validering.indikator.period", "validering.period.forelder",
                        "validering.agenda2030.mal", "validering.agenda2030.delmal"));
    }

    @Test
    void a_committee_goal_without_indicator_needs_a_motivation() {
        GoalObject kfGoal = find(goals, Kind.PRIORITERAT_MAL, "Alingsåsarna har inflytande");
        GoalObject committeeGoal = new GoalObject(null, 0, Kind.NAMNDMAL, kfGoal.id(), unit("VON"), period(), 0,
                "Fler brukare ska vara delaktiga", null, null, null, null, null, null, null, null, " ", null, null,
                null, null, null, null, null, null, null, null, null, null, null, null, false, 0);

        assertThatThrownBy(() -> goals.create(committeeGoal)).isInstanceOfSatisfying(ValidationException.class, e ->
                assertThat(keys(e)).containsExactly("validering.motivering.kravs"));
    }

    @Test
    void targets_outside_the_plan_period_and_percentages_over_100_are_refused_whole() {
        GoalObject email = find(goals, Kind.NYCKELTAL, "Andel som får svar på e-post inom 1 dygn äldre");
        List<MeasureValue> before = goals.values(email.id());

        assertThatThrownBy(() -> goals.setValues(email.id(), email.version(), List.of(
                new MeasureValue(2021, new BigDecimal("92"), null),
                new MeasureValue(2026, null, new BigDecimal("95")),
                new MeasureValue(2022, new BigDecimal("101"), new BigDecimal("90")))))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(keys(e)).containsExactly("validering.malvarde.ar", "validering.procent");
                    assertThat(e.problems().get(0).field()).isEqualTo("values[1].target");
                });
        assertThat(goals.values(email.id())).isEqualTo(before);
    }

    @Test
    void numbers_too_large_or_too_precise_for_the_column_are_refused_not_a_database_error() {
        GoalObject places = find(goals, Kind.NYCKELTAL, "Antal gruppboendeplatser LSS");

        assertThatThrownBy(() -> goals.setValues(places.id(), places.version(), List.of(
                new MeasureValue(2021, new BigDecimal("1E20"), null),
                new MeasureValue(2022, new BigDecimal("72.123456"), new BigDecimal("80")))))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(keys(e)).containsExactly("validering.tal.storlek", "validering.tal.storlek");
                    assertThat(e.problems()).extracting(ValidationException.Problem::field)
                            .containsExactly("values[0].outcome", "values[1].outcome");
                });
    }

    @Test
    void texts_longer_than_their_columns_are_refused() {
        GoalObject kfGoal = find(goals, Kind.PRIORITERAT_MAL, "Alingsåsarna har inflytande");
        GoalObject committeeGoal = new GoalObject(null, 0, Kind.NAMNDMAL, kfGoal.id(), unit("VON"), period(), 0,
                "Fler brukare ska vara delaktiga", null, null, null, null, null, null, null, null, "x".repeat(2_001), null,
                null, null, null, null, null, null, null, null, null, null, null, null, null, false, 0);

        assertThatThrownBy(() -> goals.create(committeeGoal)).isInstanceOfSatisfying(ValidationException.class, e ->
                assertThat(keys(e)).containsExactly("validering.text.lang"));
    }

    @Test
    void entering_values_recomputes_the_signal_and_audits_old_and_new() {
        GoalObject places = find(goals, Kind.NYCKELTAL, "Antal gruppboendeplatser LSS");
        List<MeasureValue> values = List.of(new MeasureValue(2021, new BigDecimal("72"), null),
                new MeasureValue(2022, new BigDecimal("80"), new BigDecimal("80")));

        goals.setValues(places.id(), places.version(), values);

        assertThat(goals.details(places.id()).node().headline().signal()).isEqualTo(Signal.UTAN_ANMARKNING);
        var entry = audit.find(municipality(), "measure_value", places.id(), null, 0, 1).entries().get(0);
        assertThat(entry.changes()).hasSize(1);
        assertThat(entry.oldValue().toString()).contains("72");
        // 2022's outcome went from 72 to 80 against its target 80
        assertThat(entry.oldValue().toString()).contains("{year=2022, outcome=72.0, target=80.0}");
        assertThat(entry.newValue().toString()).containsPattern("\\{year=2022, outcome=80(\\.0)?, target=80(\\.0)?}");
        assertThat(goals.get(places.id()).version()).isEqualTo(places.version() + 1);
    }

    @Test
    void a_stale_version_is_a_conflict_not_a_lost_edit() {
        GoalObject goal = find(goals, Kind.NAMNDMAL, "Öka antalet gruppboendeplatser");
        GoalObject first = goals.judge(goal.id(), goal.version(), GoalState.I_HOG_GRAD_UPPFYLLT, "Första analysen.");

        assertThat(first.version()).isEqualTo(goal.version() + 1);
        assertThatThrownBy(() -> goals.judge(goal.id(), goal.version(), GoalState.EJ_UPPFYLLT, "Andra analysen."))
                .isInstanceOf(ConflictException.class);
        assertThat(goals.get(goal.id()).judgementText()).isEqualTo("Första analysen.");
    }

    @Test
    void a_judgement_needs_an_analysis() {
        GoalObject goal = find(goals, Kind.NAMNDMAL, "Öka antalet gruppboendeplatser");
        assertThatThrownBy(() -> goals.judge(goal.id(), goal.version(), GoalState.HELT_UPPFYLLT, " "))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(keys(e)).containsExactly("validering.bedomning.text"));
    }

    @Test
    void move_and_retire_keep_the_tree_consistent() {
        GoalObject from = find(goals, Kind.NAMNDMAL, "Öka antalet gruppboendeplatser");
        GoalObject to = find(goals, Kind.NAMNDMAL, "Andelen nöjda brukare");
        GoalObject figure = goals.create(keyFigure(from.id(), "Väntande på gruppbostad", "antal", null));

        GoalObject moved = goals.move(figure.id(), to.id(), figure.version());
        assertThat(moved.parentId()).isEqualTo(to.id());

        assertThatThrownBy(() -> goals.move(figure.id(), null, moved.version()))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(keys(e)).contains("validering.forelder.kravs"));
        assertThatThrownBy(() -> goals.move(to.id(), figure.id(), goals.get(to.id()).version()))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(keys(e)).contains("validering.forelder.typ"));

        GoalObject current = goals.get(to.id());
        goals.retire(to.id(), current.version());
        assertThat(goals.get(to.id()).retired()).isTrue();
        assertThat(goals.get(figure.id()).retired()).as("retiring a goal retires its key figures").isTrue();
        se.styr.platform.Paging first = new se.styr.platform.Paging(1, 20);
        assertThat(chain.search(chain.context(), "Väntande på gruppbostad", null, false, first).total()).isZero();
        assertThat(chain.search(chain.context(), "Väntande på gruppbostad", null, true, first).total()).isEqualTo(1);

        goals.reactivate(to.id(), goals.get(to.id()).version());
        assertThat(goals.get(to.id()).retired()).isFalse();
    }

    @Test
    @WithUserDetails("politiker")
    void a_reader_changes_nothing() {
        GoalObject goal = find(goals, Kind.NAMNDMAL, "Öka antalet gruppboendeplatser");
        assertThatThrownBy(() -> goals.judge(goal.id(), goal.version(), GoalState.EJ_UPPFYLLT, "Nej."))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> goals.create(keyFigure(goal.id(), "X", "antal", null))).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    @WithUserDetails("controller")
    void a_von_controller_edits_von_but_not_kf() {
        GoalObject vonGoal = find(goals, Kind.NAMNDMAL, "Öka antalet gruppboendeplatser");
        GoalObject kfGoal = find(goals, Kind.PRIORITERAT_MAL, "Alingsåsarna har inflytande");

        assertThat(goals.create(keyFigure(vonGoal.id(), "Platser i korttidsboende", "antal", null)).id()).isNotNull();
        assertThatThrownBy(() -> goals.retire(kfGoal.id(), kfGoal.version())).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    @WithUserDetails("enhetschef")
    void a_unit_reporter_cannot_build_structure_or_report_for_the_committee() {
        GoalObject vonGoal = find(goals, Kind.NAMNDMAL, "Öka antalet gruppboendeplatser");
        assertThatThrownBy(() -> goals.create(keyFigure(vonGoal.id(), "Y", "antal", null))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> goals.judge(vonGoal.id(), vonGoal.version(), GoalState.EJ_UPPFYLLT, "Nej."))
                .isInstanceOf(AccessDeniedException.class);
    }
}
