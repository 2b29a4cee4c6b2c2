package se.styr.economy.allocation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.annotation.Transactional;
import se.styr.MvcTestSupport;
import se.styr.SignedIn;
import se.styr.StyrIntegrationTest;
import se.styr.economy.budget.Budget;
import se.styr.economy.budget.BudgetService;
import se.styr.platform.SwedishFormat;

/** The model's page through Spring's MVC test support: what a reader sees, the preview, saving, applying, Swedish 4xx. */
@StyrIntegrationTest
@Transactional
class AllocationPageTest extends MvcTestSupport {

    private static final String NBSP = "\u00a0";

    @Autowired
    AllocationService allocations;
    @Autowired
    BudgetService budgets;
    @Autowired
    SwedishFormat sv;

    long budgetId;
    AllocationService.View view;
    String page;

    @BeforeEach
    void demoModel() {
        SignedIn.as(users, "admin");
        budgetId = budgets.forYear(2022).orElseThrow().id();
        view = allocations.view(budgetId);
        page = "/ekonomi/resursfordelning/" + budgetId;
        SecurityContextHolder.clearContext();
    }

    @AfterEach
    void logOut() {
        SecurityContextHolder.clearContext();
    }

    private static String tkr(String figure) {
        return figure.replace(" ", NBSP);
    }

    /** The demo model's form as the page sends it, with some fields changed. */
    private MockHttpServletRequestBuilder form(MockHttpServletRequestBuilder request, Map<String, String> changes) {
        Map<String, String> fields = new HashMap<>(AllocationForm.of(view.model(), sv).values());
        fields.put("version", String.valueOf(view.version()));
        fields.putAll(changes);
        fields.forEach(request::param);
        return request.with(csrf());
    }

    @Test
    void aReaderSeesEveryCommitteesFrameExplainedAndTheGapToTheBudget() throws Exception {
        mvc.perform(get("/ekonomi/resursfordelning").with(as("politiker")))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl(page));
        mvc.perform(get(page).with(as("politiker")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Resursfördelning: Budget 2022–2024")))
                .andExpect(content().string(containsString("Pris- och löneuppräkning (50 % av PKV)")))
                .andExpect(content().string(containsString(tkr("18 012"))))
                .andExpect(content().string(containsString(tkr("4 968"))))
                .andExpect(content().string(containsString("Permanent: Nytt LSS-boende Kvarnbacken")))
                .andExpect(content().string(containsString(tkr("853 209"))))
                .andExpect(content().string(containsString(tkr("853 556"))))
                .andExpect(content().string(containsString("Skillnad: driftbudgeten − modellen")))
                .andExpect(content().string(containsString("Skillnaden visas, den döljs inte")))
                .andExpect(content().string(containsString("hx-post=\"/ekonomi/resursfordelning/" + budgetId + "/forhandsvisning\"")))
                .andExpect(content().string(containsString("bara administratörer och kommunens controllers kan spara")))
                .andExpect(content().string(not(containsString("Tillämpa ramarna på driftbudgeten"))));
        mvc.perform(get("/ekonomi/budget/" + budgetId).with(as("politiker")))
                .andExpect(content().string(containsString("href=\"" + page + "\"")));
    }

    @Test
    void thePreviewAnswersTheRecomputedTableAndSavesNothing() throws Exception {
        mvc.perform(form(post(page + "/forhandsvisning"), Map.of("pkvShare", "100")).with(as("politiker")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"resultat\"")))
                .andExpect(content().string(containsString("Pris- och löneuppräkning (100 % av PKV)")))
                .andExpect(content().string(containsString(tkr("36 024"))))
                .andExpect(content().string(containsString("hx-swap-oob=\"true\"")))
                .andExpect(content().string(not(containsString("<html"))));
        SignedIn.as(users, "politiker");
        assertThat(allocations.view(budgetId).model().pkvShare()).isEqualByComparingTo("50");

        mvc.perform(form(post(page + "/forhandsvisning"), Map.of("pkv_2022", "fyra", "targeted0_motivation", " ")).with(as("politiker")))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Ange ett tal, till exempel 83,5.")))
                .andExpect(content().string(containsString("Motivera den riktade tilldelningen (högst 500 tecken).")))
                .andExpect(content().string(containsString("href=\"#pkv_2022\"")));
    }

    @Test
    void savingThroughThePageRedirectsWithANotice() throws Exception {
        mvc.perform(form(post(page), Map.of("pkvShare", "100", "group7_label", "", "targeted3_committee", "", "targeted3_amount", ""))
                        .with(as("admin")))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl(page))
                .andExpect(flash().attribute("notice", "Modellen är sparad."));
        SignedIn.as(users, "admin");
        AllocationService.View saved = allocations.view(budgetId);
        assertThat(saved.model().pkvShare()).isEqualByComparingTo("100");
        assertThat(saved.version()).isEqualTo(view.version() + 1);
        SecurityContextHolder.clearContext();

        // the same form again is stale now
        mvc.perform(form(post(page), Map.of("pkvShare", "75")).with(as("admin")))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("Någon annan har sparat ändringar")));
        mvc.perform(form(post(page), Map.of()).with(as("politiker"))).andExpect(status().isForbidden());
    }

    @Test
    void badInputIsAnsweredInSwedishWith400AndTheFormAsTyped() throws Exception {
        long von = jdbc.sql("select id from org_unit where code = 'VON'").query(Long.class).single();
        mvc.perform(form(post(page), Map.of("group6_2023", "−5", "pkv_2024", "45", "buffer_" + von, "0,5",
                        "targeted3_committee", String.valueOf(von), "targeted3_year", "2023", "targeted3_kind", "TILLFALLIG",
                        "targeted3_amount", "1 200", "targeted3_motivation", "")).with(as("admin")))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Formuläret innehåller fel")))
                .andExpect(content().string(containsString("Antalet invånare i åldersgruppen 80+ år för 2023 ska vara ett heltal mellan 0 och 100 000 000.")))
                .andExpect(content().string(containsString("PKV för 2024 ska vara mellan −10 och 30 procent")))
                .andExpect(content().string(containsString("Bufferten för Vård- och omsorgsnämnden ska vara minst 1 % av kommunbidraget")))
                .andExpect(content().string(containsString("Motivera den riktade tilldelningen")))
                .andExpect(content().string(containsString("value=\"1 200\"")))
                .andExpect(content().string(containsString("aria-describedby=\"targeted3_motivation-error\"")));
        SignedIn.as(users, "admin");
        assertThat(allocations.view(budgetId).version()).isEqualTo(view.version());
    }

    @Test
    void applyingThroughThePageWritesTheFramesWithANotice() throws Exception {
        mvc.perform(post(page + "/tillampa").with(csrf()).with(as("admin"))
                        .param("version", String.valueOf(view.version())).param("budgetVersion", String.valueOf(view.budget().version())))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("notice", containsString("Ramarna är inskrivna i driftbudgeten för: Vård- och omsorgsnämnden")));
        mvc.perform(post(page + "/tillampa").with(csrf()).with(as("admin"))
                        .param("version", String.valueOf(view.version())).param("budgetVersion", String.valueOf(view.budget().version())))
                .andExpect(status().isConflict());
        mvc.perform(get(page).with(as("admin"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Tillämpa ramarna på driftbudgeten")))
                .andExpect(content().string(not(containsString("Skillnaden visas, den döljs inte"))));
    }

    @Test
    void aBudgetWithoutAModelShowsTheFormToFillIn() throws Exception {
        SignedIn.as(users, "admin");
        Budget next = budgets.create(AllocationServiceTest.newPeriod(jdbc));
        SecurityContextHolder.clearContext();
        mvc.perform(get("/ekonomi/resursfordelning/" + next.id()).with(as("admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Modellen för den här budgetversionen är inte sparad ännu.")))
                .andExpect(content().string(containsString("Ramarna visas när modellen är fullständigt ifylld.")))
                .andExpect(content().string(containsString("value=\"" + tkr("853 556") + "\"")))
                .andExpect(content().string(containsString("2022 (basår)")));
    }
}
