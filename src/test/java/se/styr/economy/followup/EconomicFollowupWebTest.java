package se.styr.economy.followup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.annotation.Transactional;
import se.styr.MvcTestSupport;
import se.styr.SignedIn;
import se.styr.StyrIntegrationTest;
import se.styr.followup.FollowupService;
import se.styr.followup.RoundType;

/**
 * The economic follow-up pages and API through Spring's MVC test support, and its section in the compiled follow-up
 * report and that report's PDF. Each test's writes are rolled back.
 */
@StyrIntegrationTest
@Transactional
class EconomicFollowupWebTest extends MvcTestSupport {

    private static final String NBSP = "\u00a0";

    @Autowired
    FollowupService rounds;
    @Autowired
    EconomicFollowupService followup;
    @Autowired
    EconomicFollowupEditing editing;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private long unit(String code) {
        return jdbc.sql("select id from org_unit where code = ?").param(code).query(Long.class).single();
    }

    private long reportId(String code, int month) {
        return jdbc.sql("select id from economic_report where org_unit_id = ? and year = 2022 and month = ?")
                .params(unit(code), month).query(Long.class).single();
    }

    private int version(long reportId) {
        return jdbc.sql("select version from economic_report where id = ?").param(reportId).query(Integer.class).single();
    }

    /** The form of a report with every operating forecast (tkr) and the action given. */
    private MockHttpServletRequestBuilder save(long id, String action, String revenue, String staff) {
        return post("/ekonomi/uppfoljning/rapport/" + id).with(csrf()).with(as("controller"))
                .param("version", String.valueOf(version(id))).param("type", "MANADSUPPFOLJNING").param("action", action)
                .param("VERKSAMHETENS_INTAKTER_BUDGET", "195 144").param("VERKSAMHETENS_INTAKTER_PROGNOS", revenue)
                .param("PERSONALKOSTNADER_BUDGET", "−717 534").param("PERSONALKOSTNADER_PROGNOS", staff)
                .param("LOKALHYROR_PROGNOS", "−93 004").param("KOP_AV_TJANSTER_PROGNOS", "−160 751")
                .param("OVRIGA_KOSTNADER_PROGNOS", "−77 411").param("FINANSNETTO_PROGNOS", "0")
                .param("explanation_PERSONALKOSTNADER", "Höga kostnader för inhyrd personal.");
    }

    @Test
    void the_overview_shows_each_committees_latest_report_and_the_municipalitys_totals() throws Exception {
        mvc.perform(get("/ekonomi/uppfoljning").param("ar", "2022").param("manad", "6").with(as("politiker")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Ekonomisk uppföljning juni 2022")))
                .andExpect(content().string(containsString("Månadsuppföljning per maj 2022")))
                .andExpect(content().string(containsString("−843" + NBSP + "556")))
                .andExpect(content().string(containsString("Ingen rapport för juni 2022")))
                .andExpect(content().string(containsString("Kommunen totalt (1 av 10 nämnder har rapporterat)")));
        mvc.perform(get("/ekonomi/uppfoljning").with(as("politiker"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Delårsbokslut per augusti 2022")));
        mvc.perform(get("/ekonomi").with(as("politiker"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"/ekonomi/uppfoljning\"")));
    }

    @Test
    void a_reader_sees_the_seeds_tables_and_no_form() throws Exception {
        long von = unit("VON");
        mvc.perform(get("/ekonomi/uppfoljning/" + von + "/2022/3").with(as("politiker"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Vård- och omsorgsnämnden: Månadsuppföljning per mars 2022")))
                .andExpect(content().string(containsString("Avv. prognos/ budget 2022")))
                .andExpect(content().string(containsString("22" + NBSP + "652")))
                .andExpect(content().string(containsString("−6" + NBSP + "931")))
                .andExpect(content().string(containsString("Årets första prognos")))
                .andExpect(content().string(containsString("Inlämnad")))
                .andExpect(content().string(containsString("Du kan läsa uppföljningen")))
                .andExpect(content().string(not(containsString("name=\"PERSONALKOSTNADER_PROGNOS\""))));
        mvc.perform(get("/ekonomi/uppfoljning/" + von + "/2022/8").with(as("politiker"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Förändring mot prognos april")))
                .andExpect(content().string(containsString("(tryckt: 1" + NBSP + "170)")))
                .andExpect(content().string(containsString("Totala utgifter")))
                .andExpect(content().string(containsString("Prognos 2022.12")))
                .andExpect(content().string(containsString("varav extern regi")));
        mvc.perform(get("/ekonomi/uppfoljning/" + von + "/2022/6").with(as("politiker"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Det finns ingen ekonomisk uppföljning för Vård- och omsorgsnämnden per juni 2022 ännu.")))
                .andExpect(content().string(not(containsString("Skapa uppföljningen"))));
        mvc.perform(get("/ekonomi/uppfoljning/" + von + "/volymer").with(as("politiker"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Hemtjänst i ordinärt boende")))
                .andExpect(content().string(not(containsString("För in värden"))));
    }

    @Test
    void the_controller_creates_a_report_is_blocked_on_a_deficit_and_submits_with_an_action_plan() throws Exception {
        long von = unit("VON");
        mvc.perform(post("/ekonomi/uppfoljning/" + von + "/2022/10").with(csrf()).with(as("controller")).param("type", "MANADSUPPFOLJNING"))
                .andExpect(status().is3xxRedirection());
        long id = reportId("VON", 10);
        mvc.perform(get("/ekonomi/uppfoljning/" + von + "/2022/10").with(as("controller"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("name=\"PERSONALKOSTNADER_PROGNOS\"")))
                .andExpect(content().string(containsString("name=\"VERKSAMHETENS_INTAKTER_UTFALL\"")))
                .andExpect(content().string(containsString("Lämna in")));

        mvc.perform(save(id, "lamna-in", "195 144", "tolv miljoner")).andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Ange ett tal")));
        int before = version(id);
        mvc.perform(save(id, "lamna-in", "195 144", "−729 534")).andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Prognosen visar ett underskott på 12" + NBSP + "000 tkr. En negativ prognos kan inte lämnas in")))
                .andExpect(content().string(containsString("Prognosen visar ett underskott på 12" + NBSP + "000 tkr. En nämnd får inte")))
                .andExpect(content().string(containsString("value=\"−729 534\"")));
        assertThat(version(id)).as("nothing written").isEqualTo(before);

        mvc.perform(save(id, "lamna-in", "195 144", "−729 534").param("actionPlan", "Vakanser hålls öppna.")
                        .param("actionPlanDecidedOn", "2022-11-22").param("actionPlanReference", "§ 95, 2022.260 VON"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/ekonomi/uppfoljning/" + von + "/2022/10").with(as("controller"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Status: Inlämnad")))
                .andExpect(content().string(containsString("Beslutad 2022-11-22, § 95, 2022.260 VON.")))
                .andExpect(content().string(containsString("Höga kostnader för inhyrd personal.")))
                .andExpect(content().string(containsString("Öppna igen")));

        mvc.perform(post("/ekonomi/uppfoljning/rapport/" + id + "/oppna").with(csrf()).with(as("controller")).param("version", "1"))
                .andExpect(status().isConflict()).andExpect(content().string(containsString("Objektet har ändrats av någon annan")));
        mvc.perform(post("/ekonomi/uppfoljning/rapport/" + id + "/oppna").with(csrf()).with(as("controller"))
                .param("version", String.valueOf(version(id)))).andExpect(status().is3xxRedirection());
        assertThat(followupState(id)).isEqualTo("UTKAST");
    }

    private String followupState(long id) {
        return jdbc.sql("select state from economic_report where id = ?").param(id).query(String.class).single();
    }

    @Test
    void a_controller_of_vard_och_omsorg_cannot_touch_socialnamndens_report() throws Exception {
        SignedIn.as(users, "admin");
        long social = editing.create(unit("SN"), 2022, 3, EconomicFollowupType.MANADSUPPFOLJNING).id();
        SecurityContextHolder.clearContext();

        mvc.perform(post("/ekonomi/uppfoljning/" + unit("SN") + "/2022/4").with(csrf()).with(as("controller")).param("type", "MANADSUPPFOLJNING"))
                .andExpect(status().isForbidden());
        mvc.perform(save(social, "spara", "1", "−1")).andExpect(status().isForbidden());
        mvc.perform(get("/ekonomi/uppfoljning/" + unit("SN") + "/2022/3").with(as("controller"))).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("name=\"PERSONALKOSTNADER_PROGNOS\""))));
    }

    @Test
    void volumes_are_entered_per_month_stamp_by_the_controller() throws Exception {
        long von = unit("VON");
        long measure = jdbc.sql("select id from volume_measure where org_unit_id = ? and position = 1").param(von).query(Long.class).single();
        int v = jdbc.sql("select version from volume_measure where id = ?").param(measure).query(Integer.class).single();
        mvc.perform(post("/ekonomi/uppfoljning/" + von + "/volymer").with(csrf()).with(as("controller"))
                        .param("stamp", "2022-08").param("kind", "UTFALL").param("M" + measure, "725").param("v" + measure, "" + v))
                .andExpect(status().isBadRequest()).andExpect(content().string(containsString("Ange månaden som ÅÅÅÅ.MM")));
        mvc.perform(post("/ekonomi/uppfoljning/" + von + "/volymer").with(csrf()).with(as("controller"))
                        .param("stamp", "2022.08").param("kind", "UTFALL").param("M" + measure, "725").param("v" + measure, "" + v))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/ekonomi/uppfoljning/" + von + "/volymer").with(csrf()).with(as("controller"))
                        .param("stamp", "2022.08").param("kind", "UTFALL").param("M" + measure, "730").param("v" + measure, "" + v))
                .andExpect(status().isConflict());
        mvc.perform(get("/ekonomi/uppfoljning/" + von + "/2022/8").with(as("politiker"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("2022.08")))
                .andExpect(content().string(containsString(">725<")));
        mvc.perform(post("/ekonomi/uppfoljning/" + von + "/volymer/matt").with(csrf()).with(as("controller"))
                        .param("area", "Äldreomsorg: antal boendeplatser").param("name", "Korttidsplatser demens").param("unit", "platser"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/ekonomi/uppfoljning/" + unit("SN") + "/volymer/matt").with(csrf()).with(as("controller"))
                        .param("area", "Socialtjänst").param("name", "Placeringar"))
                .andExpect(status().isForbidden());
    }

    @Test
    void an_investment_field_naming_no_possible_line_is_a_swedish_400_and_saves_nothing() throws Exception {
        long id = reportId("VON", 8);
        int before = version(id);
        mvc.perform(post("/ekonomi/uppfoljning/rapport/" + id).with(csrf()).with(as("controller"))
                        .param("version", String.valueOf(before)).param("type", "MANADSUPPFOLJNING").param("action", "spara")
                        .param("L99999999999999999999_PROGNOS", "1 000"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Ange ett heltal.")));
        assertThat(version(id)).isEqualTo(before);
    }

    @Test
    void volumes_posted_without_the_version_read_are_a_400_not_a_conflict() throws Exception {
        long von = unit("VON");
        long measure = jdbc.sql("select id from volume_measure where org_unit_id = ? and position = 1").param(von).query(Long.class).single();
        for (String version : new String[] {null, "sju"}) {
            MockHttpServletRequestBuilder post = post("/ekonomi/uppfoljning/" + von + "/volymer").with(csrf()).with(as("controller"))
                    .param("stamp", "2022.08").param("kind", "UTFALL").param("M" + measure, "725");
            if (version != null) {
                post.param("v" + measure, version);
            }
            mvc.perform(post).andExpect(status().isBadRequest())
                    .andExpect(content().string(containsString("Versionen saknas. Öppna objektet på nytt.")));
        }
        assertThat(jdbc.sql("select count(*) from volume_value where measure_id = ? and year = 2022 and month = 8 and forecast = false")
                .param(measure).query(Long.class).single()).isZero();
    }

    @Test
    void the_api_saves_a_forecast_of_the_financial_net_and_keeps_explanations_a_row_does_not_send() throws Exception {
        long von = unit("VON");
        mvc.perform(post("/api/v1/committees/" + von + "/economic-reports/2022/11").with(httpBasic("controller", "styr-demo"))
                .contentType(MediaType.APPLICATION_JSON).content("{}")).andExpect(status().isCreated());
        long id = reportId("VON", 11);
        mvc.perform(put("/api/v1/economic-reports/" + id + "/forecast").with(httpBasic("controller", "styr-demo"))
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"version": %d, "rows": [{"group": "PERSONALKOSTNADER", "forecast": -729534000, "explanation": "Övertid"}]}"""
                                .formatted(version(id))))
                .andExpect(status().isOk());
        mvc.perform(put("/api/v1/economic-reports/" + id + "/forecast").with(httpBasic("controller", "styr-demo"))
                        .contentType(MediaType.APPLICATION_JSON).content("""
                                {"version": %d, "rows": [{"group": "FINANSNETTO", "forecast": -1000000},
                                                         {"group": "PERSONALKOSTNADER", "forecast": -731534000}]}"""
                                .formatted(version(id))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.explanations[?(@.group == 'PERSONALKOSTNADER')].text").value("Övertid"));
        assertThat(jdbc.sql("select forecast from economic_report_row where report_id = ? and account_group = 'FINANSNETTO'")
                .param(id).query(Long.class).single()).isEqualTo(-1_000_000L);
        assertThat(jdbc.sql("select forecast from economic_report_row where report_id = ? and account_group = 'PERSONALKOSTNADER'")
                .param(id).query(Long.class).single()).isEqualTo(-731_534_000L);
    }

    @Test
    void the_api_reads_a_report_lists_forecasts_and_enforces_the_action_plan_rule() throws Exception {
        long von = unit("VON");
        mvc.perform(get("/api/v1/committees/" + von + "/economic-reports/2022/5").with(httpBasic("politiker", "styr-demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.title").value("Månadsuppföljning per maj 2022"))
                .andExpect(jsonPath("$.forecastResult").value(10_000_000))
                .andExpect(jsonPath("$.operatingColumns[3]").value("FORANDRING"))
                .andExpect(jsonPath("$.operating.rows[9].key").value("ARETS_RESULTAT"))
                .andExpect(jsonPath("$.operating.rows[9].values[2]").value(10_000_000));
        mvc.perform(get("/api/v1/economic-forecasts").param("year", "2022").param("month", "6").with(httpBasic("politiker", "styr-demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[?(@.orgUnitId == " + von + ")].forecastNetCost").value(-843_556_000));
        // a missing parameter is a Swedish problem, not Spring's English error
        mvc.perform(get("/api/v1/economic-forecasts").param("year", "2022").with(httpBasic("politiker", "styr-demo")))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.detail").value("Parametern month saknas."));

        String created = mvc.perform(post("/api/v1/committees/" + von + "/economic-reports/2022/11").with(httpBasic("controller", "styr-demo"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"type\":\"MANADSUPPFOLJNING\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        assertThat(created).contains("\"compareWithTitle\":\"Delårsbokslut per augusti 2022\"");
        long id = reportId("VON", 11);
        String deficit = """
                {"version": %d, "submit": true, "rows": [{"group": "PERSONALKOSTNADER", "forecast": -733434000, "explanation": "Övertid"}]}""";
        mvc.perform(put("/api/v1/economic-reports/" + id + "/forecast").with(httpBasic("controller", "styr-demo"))
                        .contentType(MediaType.APPLICATION_JSON).content(deficit.formatted(version(id))))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors.actionPlan[0]").value(containsString("underskott på 10" + NBSP + "000 tkr")));
        mvc.perform(put("/api/v1/economic-reports/" + id + "/forecast").with(httpBasic("controller", "styr-demo"))
                        .contentType(MediaType.APPLICATION_JSON).content(deficit.formatted(version(id)).replace("\"submit\": true,",
                                "\"submit\": true, \"actionPlan\": \"Inhyrd personal avvecklas.\", \"actionPlanDecidedOn\": \"2022-12-13\", \"actionPlanReference\": \"§ 110\",")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("INLAMNAD"))
                .andExpect(jsonPath("$.forecastResult").value(-10_000_000))
                .andExpect(jsonPath("$.actionPlan.reference").value("§ 110"));
        mvc.perform(put("/api/v1/economic-reports/" + id + "/forecast").with(httpBasic("controller", "styr-demo"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"version\": 1, \"rows\": []}"))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/api/v1/committees/" + unit("SN") + "/economic-reports/2022/11").with(httpBasic("controller", "styr-demo"))
                        .contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isForbidden());
        mvc.perform(get("/v3/api-docs")).andExpect(status().isOk())
                .andExpect(content().string(containsString("/api/v1/economic-reports/{id}/forecast")))
                .andExpect(content().string(containsString("/api/v1/economic-forecasts")))
                .andExpect(content().string(containsString("Ekonomisk uppföljning")));
    }

    @Test
    void the_interim_reports_compiled_report_and_its_pdf_carry_the_economy_section() throws Exception {
        long round = jdbc.sql("select id from followup_round where name = 'Delårsbokslut 2022'").query(Long.class).single();

        mvc.perform(get("/uppfoljning/" + round + "/rapport").with(as("politiker"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Måluppföljning")))
                .andExpect(content().string(containsString("Delårsbokslut per augusti 2022, Utkast.")))
                .andExpect(content().string(containsString("Förändring mot prognos april")))
                .andExpect(content().string(containsString("(tryckt: 1" + NBSP + "170)")))
                .andExpect(content().string(containsString("Äldreomsorg: antal boendeplatser")));
        byte[] pdf = mvc.perform(get("/uppfoljning/" + round + "/rapport.pdf").with(as("politiker")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc).replace(NBSP, " ").replaceAll("\\s+", " ");
            assertThat(text).contains("Ekonomi", "Delårsbokslut per augusti 2022", "Prognos helår 2022", "Totala utgifter",
                    "(tryckt: 1 170)", "Hemtjänst i ordinärt boende", "Måluppföljning");
        }
    }

    @Test
    void a_monthly_rounds_report_is_its_economy_or_says_there_is_none_yet() throws Exception {
        SignedIn.as(users, "controller");
        long march = rounds.open(new FollowupService.OpenRound(unit("VON"), RoundType.MANADSUPPFOLJNING, null,
                LocalDate.of(2022, 3, 31), LocalDate.of(2022, 4, 1), LocalDate.of(2022, 4, 8), LocalDate.of(2022, 4, 12))).id();
        long june = rounds.open(new FollowupService.OpenRound(unit("VON"), RoundType.MANADSUPPFOLJNING, "Månadsuppföljning juni 2022",
                LocalDate.of(2022, 6, 30), LocalDate.of(2022, 7, 1), LocalDate.of(2022, 7, 8), LocalDate.of(2022, 7, 12))).id();
        SecurityContextHolder.clearContext();

        mvc.perform(get("/uppfoljning/" + march + "/rapport").with(as("politiker"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Månadsuppföljning per mars 2022, Inlämnad.")))
                .andExpect(content().string(containsString("22" + NBSP + "652")))
                .andExpect(content().string(not(containsString("Måluppföljning"))))
                .andExpect(content().string(not(containsString("Uppföljning av internkontroll"))));
        byte[] pdf = mvc.perform(get("/uppfoljning/" + march + "/rapport.pdf").with(as("politiker")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc).replace(NBSP, " ").replaceAll("\\s+", " ");
            assertThat(text).contains("Ekonomi", "Månadsuppföljning per mars 2022", "22 652", "−11 144", "Avv. prognos/ budget 2022");
        }
        mvc.perform(get("/uppfoljning/" + june + "/rapport").with(as("politiker"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Nämnden har ingen ekonomisk uppföljning per juni 2022 ännu.")));
    }
}
