package se.styr.goals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static se.styr.goals.DemoChainTest.find;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;
import se.styr.StyrIntegrationTest;
import se.styr.audit.AuditLog;
import se.styr.organisation.Organisation;
import se.styr.platform.ValidationException;

/** Critical business factors (KVF) and internal-control points (IK) in the goal chain: rules, service, API, pages. */
@StyrIntegrationTest
@Transactional
@WithUserDetails("controller")
class QualityObjectsTest {

    @Autowired
    GoalService goals;
    @Autowired
    Organisation organisation;
    @Autowired
    AuditLog audit;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MockMvc mvc;

    private long municipality() {
        return organisation.municipalities().get(0).id();
    }

    private long unit(String code) {
        return organisation.units(municipality()).stream().filter(u -> code.equals(u.code())).findFirst().orElseThrow().id();
    }

    private long period() {
        // the goal chain's period (the demo also has the illustrative periods of the party proposals' base budgets)
        return organisation.periods(municipality()).stream().filter(p -> p.name().equals("Budget 2022–2024")).findFirst().orElseThrow().id();
    }

    private static List<String> keys(ValidationException e) {
        return e.problems().stream().map(ValidationException.Problem::messageKey).toList();
    }

    /** A critical factor owned by VON's administration, with every field of the other kinds filled in too. */
    private GoalObject factor(String title, Perspective perspective) {
        return new GoalObject(null, 0, Kind.KRITISK_FAKTOR, null, unit("VOF"), period(), 0, title, "Redovisas i kvalitetsberättelsen.",
                Direction.INCREASE, "%", "Kolada", "N00001", true, BigDecimal.ONE, null, "motivering", 3, "3.1", null, null,
                unit("VON"), java.time.LocalDate.of(2022, 12, 31), AssignmentStatus.PABORJAD, perspective, " Två gånger per år ",
                "Styrprocessen", 8, "Stickprov", "Förvaltningschef", FollowUpOccasion.ARSBOKSLUT, false, 0);
    }

    /** An internal-control point of VON, with the fields of a critical factor and a key figure filled in too. */
    private GoalObject controlPoint(String risk, Integer riskValue, FollowUpOccasion occasion) {
        return new GoalObject(null, 0, Kind.INTERNKONTROLLPUNKT, null, unit("VON"), period(), 0, risk,
                "Kontroll av att handlingar diarieförs korrekt.", Direction.DECREASE, "antal", null, null, null, null, null,
                null, null, null, null, null, null, null, null, Perspective.EKONOMI, "1 gång per år", " Ärendehanteringsprocessen ",
                riskValue, "Stickprov, 5 % av samtliga beställningar under året.", "Förvaltningschef", occasion, false, 0);
    }

    // ---- rules

    @Test
    void only_products_of_two_numbers_from_1_to_4_are_risk_values() {
        assertThat(IntStream.rangeClosed(0, 20).filter(GoalRules::isRiskValue).boxed().toList())
                .containsExactly(1, 2, 3, 4, 6, 8, 9, 12, 16);
        assertThat(GoalRules.isRiskValue(-4)).isFalse();
    }

    @Test
    void a_risk_value_of_7_is_refused_and_every_missing_field_is_reported_at_once() {
        long before = jdbc.sql("select count(*) from goal_object").query(Long.class).single();

        assertThatThrownBy(() -> goals.create(controlPoint(" ", 7, null))).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(keys(e)).containsExactlyInAnyOrder("validering.titel.tom", "validering.riskvarde",
                        "validering.uppfoljningstillfalle.kravs"));
        assertThat(jdbc.sql("select count(*) from goal_object").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void a_critical_factor_needs_a_perspective_and_texts_that_fit_their_columns() {
        GoalObject noPerspective = factor("Att brukarna är nöjda med hemtjänsten", null).copy().frequency("x".repeat(101)).build();
        assertThatThrownBy(() -> goals.create(noPerspective)).isInstanceOfSatisfying(ValidationException.class, e -> {
            assertThat(keys(e)).containsExactlyInAnyOrder("validering.perspektiv.kravs", "validering.text.lang");
            assertThat(e.problems()).extracting(ValidationException.Problem::field).contains("perspective", "frequency");
        });

        GoalObject longTexts = controlPoint("Risk för fel", 6, FollowUpOccasion.ARSBOKSLUT).copy().process("p".repeat(201))
                .controlMethod("m".repeat(2_001)).responsible("r".repeat(201)).build();
        assertThatThrownBy(() -> goals.create(longTexts)).isInstanceOfSatisfying(ValidationException.class, e ->
                assertThat(e.problems()).extracting(ValidationException.Problem::field)
                        .containsExactlyInAnyOrder("process", "controlMethod", "responsible"));
    }

    @Test
    void the_fields_of_other_kinds_are_cleared() {
        GoalObject kvf = goals.create(factor("Att verksamheten är kostnadseffektiv i hemtjänsten", Perspective.EKONOMI));
        assertThat(kvf.perspective()).isEqualTo(Perspective.EKONOMI);
        assertThat(kvf.frequency()).isEqualTo("Två gånger per år");
        assertThat(kvf.description()).isEqualTo("Redovisas i kvalitetsberättelsen.");
        assertThat(java.util.Arrays.asList(kvf.process(), kvf.riskValue(), kvf.controlMethod(), kvf.responsible(), kvf.followUpOccasion()))
                .containsOnlyNulls();
        assertThat(java.util.Arrays.asList(kvf.direction(), kvf.measureUnit(), kvf.koladaId(), kvf.steering(), kvf.nearTargetTolerance(),
                kvf.linkMotivation(), kvf.agenda2030Goal(), kvf.givenByUnitId(), kvf.dueDate(), kvf.status())).containsOnlyNulls();

        GoalObject ik = goals.create(controlPoint("Risk för brister i ärendehanteringen", 9, FollowUpOccasion.DELARS_OCH_ARSBOKSLUT));
        assertThat(ik.process()).isEqualTo("Ärendehanteringsprocessen");
        assertThat(ik.riskValue()).isEqualTo(9);
        assertThat(ik.followUpOccasion()).isEqualTo(FollowUpOccasion.DELARS_OCH_ARSBOKSLUT);
        assertThat(java.util.Arrays.asList(ik.perspective(), ik.frequency(), ik.direction(), ik.measureUnit())).containsOnlyNulls();

        GoalObject figure = goals.create(new GoalObject(null, 0, Kind.NYCKELTAL, kvf.id(), unit("VOF"), period(), 0,
                "Nettokostnadsavvikelse hemtjänst", null, Direction.DECREASE, "avvikelse i %", null, null, null, null, null,
                null, null, null, null, null, null, null, null, Perspective.MALGRUPP, "Varje månad", "Process", 4, "Metod",
                "Ansvarig", FollowUpOccasion.ARSBOKSLUT, false, 0));
        assertThat(figure.parentId()).isEqualTo(kvf.id());
        assertThat(java.util.Arrays.asList(figure.perspective(), figure.frequency(), figure.process(), figure.riskValue(),
                figure.controlMethod(), figure.responsible(), figure.followUpOccasion())).containsOnlyNulls();
    }

    @Test
    void the_occasion_says_which_reports_follow_a_point_up() {
        assertThat(FollowUpOccasion.DELARSBOKSLUT.includesInterim()).isTrue();
        assertThat(FollowUpOccasion.DELARSBOKSLUT.includesAnnual()).isFalse();
        assertThat(FollowUpOccasion.ARSBOKSLUT.includesInterim()).isFalse();
        assertThat(FollowUpOccasion.ARSBOKSLUT.includesAnnual()).isTrue();
        assertThat(FollowUpOccasion.DELARS_OCH_ARSBOKSLUT.includesInterim()).isTrue();
        assertThat(FollowUpOccasion.DELARS_OCH_ARSBOKSLUT.includesAnnual()).isTrue();
    }

    @Test
    void kinds_have_their_owners_and_key_figures_sit_under_critical_factors() {
        assertThat(Kind.KRITISK_FAKTOR.allowsNoParent()).isTrue();
        assertThat(Kind.INTERNKONTROLLPUNKT.allowsNoParent()).isTrue();
        assertThat(Kind.KRITISK_FAKTOR.childKinds()).containsExactly(Kind.NYCKELTAL);
        assertThat(Kind.INTERNKONTROLLPUNKT.childKinds()).isEmpty();
        assertThat(Kind.KRITISK_FAKTOR.isGoal()).isFalse();
        assertThat(Kind.INTERNKONTROLLPUNKT.isMeasure()).isFalse();
        assertThat(Kind.NYCKELTAL.allowsOwner(se.styr.organisation.OrgUnitType.FORVALTNING)).isTrue();

        GoalObject onAdministration = controlPoint("Risk för fel i attester", 4, FollowUpOccasion.ARSBOKSLUT).copy()
                .ownerUnitId(unit("VOF")).build();
        assertThatThrownBy(() -> goals.create(onAdministration)).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(keys(e)).containsExactly("validering.agare.typ"));
    }

    // ---- service: create, edit, audit, retire

    @Test
    void a_controller_creates_and_edits_a_critical_factor_and_its_key_figure_with_audit() {
        GoalObject kvf = goals.create(factor("Att brukarna känner sig trygga i korttidsboendet", Perspective.MALGRUPP));
        GoalObject figure = goals.create(new GoalObject(null, 0, Kind.NYCKELTAL, kvf.id(), unit("VOF"), period(), 0,
                "Brukaren känner sig trygg i korttidsboendet, andel (%)", null, Direction.INCREASE, "%", null, null, null,
                null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, false, 0));
        goals.setValues(figure.id(), figure.version(), List.of(new MeasureValue(2021, new BigDecimal("78"), null),
                new MeasureValue(2022, null, new BigDecimal("85"))));

        GoalObject edited = goals.update(kvf.copy().perspective(Perspective.VERKSAMHET).frequency("1 gång per år").build());
        assertThat(edited.version()).isEqualTo(kvf.version() + 1);
        assertThat(edited.perspective()).isEqualTo(Perspective.VERKSAMHET);
        assertThat(edited.frequency()).isEqualTo("1 gång per år");
        assertThat(goals.details(kvf.id()).node().children()).extracting(n -> n.object().title())
                .containsExactly("Brukaren känner sig trygg i korttidsboendet, andel (%)");
        assertThat(goals.details(figure.id()).node().headline().signal()).isEqualTo(Signal.MED_ANMARKNING);

        var entries = audit.find(municipality(), "goal_object", kvf.id(), null, 0, 10).entries();
        assertThat(entries).extracting(se.styr.audit.AuditEntry::action).containsExactly("ANDRAD", "SKAPAD");
        assertThat(entries.get(0).oldValue()).containsEntry("perspective", "MALGRUPP");
        assertThat(entries.get(0).newValue()).containsEntry("perspective", "VERKSAMHET").containsEntry("frequency", "1 gång per år");

        goals.retire(kvf.id(), edited.version());
        assertThat(goals.get(figure.id()).retired()).as("retiring a factor retires its key figures").isTrue();
    }

    @Test
    void a_controller_creates_and_edits_an_internal_control_point_with_audit() {
        GoalObject ik = goals.create(controlPoint("Vi följer inte ramavtal", 12, FollowUpOccasion.DELARSBOKSLUT));

        GoalObject edited = goals.update(ik.copy().riskValue(16).followUpOccasion(FollowUpOccasion.ARSBOKSLUT)
                .responsible("Enhetschef ekonomi").build());
        assertThat(edited.riskValue()).isEqualTo(16);
        assertThat(edited.followUpOccasion()).isEqualTo(FollowUpOccasion.ARSBOKSLUT);
        assertThat(edited.responsible()).isEqualTo("Enhetschef ekonomi");
        assertThat(goals.list(Kind.INTERNKONTROLLPUNKT)).extracting(GoalObject::title).contains("Vi följer inte ramavtal");

        var entry = audit.find(municipality(), "goal_object", ik.id(), null, 0, 1).entries().get(0);
        assertThat(entry.oldValue()).containsEntry("riskValue", 12).containsEntry("followUpOccasion", "DELARSBOKSLUT");
        assertThat(entry.newValue()).containsEntry("riskValue", 16).containsEntry("followUpOccasion", "ARSBOKSLUT");

        assertThatThrownBy(() -> goals.update(edited.copy().riskValue(10).build()))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(keys(e)).containsExactly("validering.riskvarde"));
        assertThatThrownBy(() -> goals.judge(ik.id(), edited.version(), GoalState.HELT_UPPFYLLT, "Klart."))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(keys(e)).contains("validering.bedomning.typ"));
    }

    @Test
    @WithUserDetails("enhetschef")
    void a_unit_reporter_creates_no_control_points() {
        assertThatThrownBy(() -> goals.create(controlPoint("Risk", 4, FollowUpOccasion.ARSBOKSLUT)))
                .isInstanceOf(AccessDeniedException.class);
    }

    // ---- JSON API

    @Test
    void the_api_creates_and_changes_control_points_and_critical_factors_and_answers_in_swedish() throws Exception {
        String point = """
                {"kind":"INTERNKONTROLLPUNKT","ownerUnitId":%d,"periodId":%d,"title":"Risk för felaktiga utbetalningar",
                 "description":"Kontroll av att fakturor attesteras.","process":"Inköpsprocessen","riskValue":7,
                 "controlMethod":"Stickprov, 5%% av samtliga beställningar under året","responsible":"Controller",
                 "followUpOccasion":"DELARSBOKSLUT"}""".formatted(unit("VON"), period());
        mvc.perform(post("/api/v1/objects").with(httpBasic("controller", "styr-demo"))
                        .contentType(MediaType.APPLICATION_JSON).content(point))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.riskValue[0]")
                        .value("Riskvärdet är sannolikhet gånger konsekvens, båda 1–4. Ange 1, 2, 3, 4, 6, 8, 9, 12 eller 16."));

        String created = mvc.perform(post("/api/v1/objects").with(httpBasic("controller", "styr-demo"))
                        .contentType(MediaType.APPLICATION_JSON).content(point.replace("\"riskValue\":7", "\"riskValue\":6")))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.object.kind").value("INTERNKONTROLLPUNKT"))
                .andExpect(jsonPath("$.object.riskValue").value(6))
                .andExpect(jsonPath("$.object.process").value("Inköpsprocessen"))
                .andExpect(jsonPath("$.object.followUpOccasion").value("DELARSBOKSLUT"))
                .andExpect(jsonPath("$.object.perspective").doesNotExist())
                .andReturn().getResponse().getContentAsString();
        String id = created.substring(created.indexOf("\"id\":") + 5, created.indexOf(',', created.indexOf("\"id\":")));

        mvc.perform(put("/api/v1/objects/" + id).with(httpBasic("controller", "styr-demo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(point.replace("\"riskValue\":7", "\"riskValue\":12")
                                .replace("\"DELARSBOKSLUT\"", "\"DELARS_OCH_ARSBOKSLUT\"").replace("}", ",\"version\":0}")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.object.riskValue").value(12))
                .andExpect(jsonPath("$.object.followUpOccasion").value("DELARS_OCH_ARSBOKSLUT"))
                .andExpect(jsonPath("$.object.version").value(1));

        String factor = """
                {"kind":"KRITISK_FAKTOR","ownerUnitId":%d,"periodId":%d,"title":"Att brukarna är nöjda med maten",
                 "frequency":"1 gång per år"}""".formatted(unit("VOF"), period());
        mvc.perform(post("/api/v1/objects").with(httpBasic("controller", "styr-demo"))
                        .contentType(MediaType.APPLICATION_JSON).content(factor))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.perspective[0]").value(containsString("Välj perspektiv")));
        mvc.perform(post("/api/v1/objects").with(httpBasic("controller", "styr-demo"))
                        .contentType(MediaType.APPLICATION_JSON).content(factor.replace("{", "{\"perspective\":\"MALGRUPP\",")))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.object.perspective").value("MALGRUPP"))
                .andExpect(jsonPath("$.object.frequency").value("1 gång per år"))
                .andExpect(jsonPath("$.object.riskValue").doesNotExist());
        mvc.perform(get("/api/v1/objects").param("kind", "KRITISK_FAKTOR").with(httpBasic("politiker", "styr-demo")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.total").value(20))
                .andExpect(jsonPath("$.items.length()").value(20));
    }

    // ---- pages

    @Test
    void the_forms_offer_create_and_edit_control_points_and_factors() throws Exception {
        long von = unit("VON");
        mvc.perform(get("/styrkedja").param("organ", Long.toString(von))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Ny kritisk verksamhetsfaktor")))
                .andExpect(content().string(containsString("Ny internkontrollpunkt")))
                .andExpect(content().string(containsString("Brister i det systematiska brandskyddsarbetet (SBA)")));
        mvc.perform(get("/objekt/ny").param("typ", "INTERNKONTROLLPUNKT").param("organ", Long.toString(von)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<h1>Ny internkontrollpunkt</h1>")))
                .andExpect(content().string(containsString("<label for=\"riskValue\">Riskvärde</label>")))
                .andExpect(content().string(containsString("<label for=\"description\">Vad ska kontrolleras?</label>")))
                .andExpect(content().string(containsString("Delårs- och årsbokslut")))
                .andExpect(content().string(not(containsString("id=\"perspective\""))));
        mvc.perform(get("/objekt/ny").param("typ", "KRITISK_FAKTOR").param("organ", Long.toString(von)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<label for=\"perspective\">Perspektiv</label>")))
                .andExpect(content().string(containsString("Medarbetare")))
                .andExpect(content().string(not(containsString("id=\"riskValue\""))));

        mvc.perform(post("/objekt").with(csrf()).param("kind", "INTERNKONTROLLPUNKT").param("ownerUnitId", Long.toString(von))
                        .param("periodId", Long.toString(period())).param("title", "Risk för att avtal inte följs")
                        .param("riskValue", "sju").param("followUpOccasion", ""))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Ange ett heltal.")))
                .andExpect(content().string(containsString("Välj när kontrollen följs upp")));
        mvc.perform(post("/objekt").with(csrf()).param("kind", "INTERNKONTROLLPUNKT").param("ownerUnitId", Long.toString(von))
                        .param("periodId", Long.toString(period())).param("title", "Risk för att avtal inte följs")
                        .param("process", "Inköpsprocessen").param("riskValue", "12").param("responsible", "Controller")
                        .param("controlMethod", "Stickprov").param("followUpOccasion", "ARSBOKSLUT"))
                .andExpect(status().is3xxRedirection());
        long id = jdbc.sql("select id from goal_object where title = 'Risk för att avtal inte följs'").query(Long.class).single();
        mvc.perform(get("/objekt/" + id)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Inköpsprocessen")))
                .andExpect(content().string(containsString("Årsbokslut")))
                .andExpect(content().string(containsString("<dd>12</dd>")));
        mvc.perform(get("/objekt/" + id + "/redigera")).andExpect(status().isOk())
                .andExpect(content().string(containsString("value=\"12\"")));
        mvc.perform(post("/objekt/" + id).with(csrf()).param("version", "0").param("ownerUnitId", Long.toString(von))
                        .param("periodId", Long.toString(period())).param("title", "Risk för att avtal inte följs")
                        .param("riskValue", "16").param("followUpOccasion", "DELARS_OCH_ARSBOKSLUT"))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select risk_value from goal_object where id = ?").param(id).query(Integer.class).single())
                .isEqualTo(16);
    }
}
