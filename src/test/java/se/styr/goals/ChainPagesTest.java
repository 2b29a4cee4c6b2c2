package se.styr.goals;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;
import se.styr.StyrIntegrationTest;

@StyrIntegrationTest
@Transactional
class ChainPagesTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    /** Looked up without the service, which needs a logged-in person (MockMvc clears it after each request). */
    private GoalObject find(Kind kind, String titleStart) {
        long id = jdbc.sql("select id from goal_object where kind = ? and title like ?").params(kind.name(), titleStart + "%")
                .query(Long.class).single();
        return jdbc.sql("select version, owner_unit_id, period_id from goal_object where id = ?").param(id)
                .query((rs, n) -> new GoalObject(id, 0, kind, null, rs.getLong(2), rs.getLong(3), 0, titleStart, null, null,
                        null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                        null, null, null, null, null, null, null, false, rs.getInt(1)))
                .single();
    }

    @Test
    void pages_need_a_login() throws Exception {
        mvc.perform(get("/styrkedja")).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
        mvc.perform(get("/login")).andExpect(status().isOk()).andExpect(content().string(containsString("Logga in")));
    }

    @Test
    @WithUserDetails("politiker")
    void a_reader_sees_the_tree_and_an_indicator_but_no_edit_controls() throws Exception {
        mvc.perform(get("/styrkedja")).andExpect(status().isOk())
                .andExpect(content().string(containsString("Västsveriges vackraste kulturstad")))
                .andExpect(content().string(containsString("Experimentlust")))
                .andExpect(content().string(not(containsString("Nytt fokusområde"))));
        GoalObject indicator = find(Kind.INDIKATOR, "Företagsklimat");
        mvc.perform(get("/styrkedja/objekt/" + jdbc.sql("select parent_id from goal_object where id = ?").param(indicator.id())
                        .query(Long.class).single() + "/nod")).andExpect(status().isOk())
                .andExpect(content().string(containsString("Med anmärkning")));
        mvc.perform(get("/objekt/" + indicator.id())).andExpect(status().isOk())
                .andExpect(content().string(containsString("U07451")))
                .andExpect(content().string(containsString("<svg")))
                .andExpect(content().string(containsString("Ökad")))
                .andExpect(content().string(containsString("i önskad riktning")))
                .andExpect(content().string(containsString("74,6")))
                .andExpect(content().string(not(containsString("Redigera"))));
        mvc.perform(get("/objekt/" + indicator.id() + "/redigera")).andExpect(status().isOk());
        mvc.perform(post("/objekt/" + indicator.id() + "/avveckla").param("version", "0").with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(get("/admin/granskningslogg")).andExpect(status().isForbidden());
        mvc.perform(get("/objekt/999999")).andExpect(status().isNotFound());
    }

    @Test
    @WithUserDetails("admin")
    void a_form_with_bad_input_answers_400_with_swedish_messages() throws Exception {
        GoalObject goal = find(Kind.NAMNDMAL, "Öka antalet gruppboendeplatser");
        mvc.perform(post("/objekt").with(csrf())
                        .param("kind", "NYCKELTAL").param("parentId", goal.id().toString())
                        .param("ownerUnitId", Long.toString(goal.ownerUnitId())).param("periodId", goal.periodId().toString())
                        .param("title", "").param("direction", "INCREASE").param("measureUnit", "%")
                        .param("koladaId", "X1").param("nearTargetTolerance", "fem"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Ange en titel.")))
                .andExpect(content().string(containsString("Ange ett tal, till exempel 83,5.")));
    }

    @Test
    @WithUserDetails("admin")
    void creating_editing_and_entering_values_through_the_forms() throws Exception {
        GoalObject goal = find(Kind.NAMNDMAL, "Öka antalet gruppboendeplatser");
        mvc.perform(get("/objekt/ny").param("typ", "NYCKELTAL").param("forelder", goal.id().toString()))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Nytt Nyckeltal")));
        mvc.perform(post("/objekt").with(csrf())
                        .param("kind", "NYCKELTAL").param("parentId", goal.id().toString())
                        .param("ownerUnitId", Long.toString(goal.ownerUnitId())).param("periodId", goal.periodId().toString())
                        .param("title", "Andel med beslut om gruppbostad inom tre månader").param("direction", "INCREASE")
                        .param("measureUnit", "%").param("steering", "true").param("koladaId", ""))
                .andExpect(status().is3xxRedirection());
        GoalObject created = find(Kind.NYCKELTAL, "Andel med beslut om gruppbostad");

        mvc.perform(post("/objekt/" + created.id() + "/varden").with(csrf()).param("version", "0")
                        .param("rows[0].year", "2021").param("rows[0].outcome", "61,5").param("rows[0].target", "")
                        .param("rows[1].year", "").param("rows[1].outcome", "").param("rows[1].target", "")
                        .param("rows[2].year", "2022").param("rows[2].outcome", "105").param("rows[2].target", "90"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Ange ett värde mellan 0 och 100.")))
                .andExpect(content().string(containsString("id=\"rows2.outcome\"")));

        mvc.perform(post("/objekt/" + created.id() + "/varden").with(csrf()).param("version", "0")
                        .param("rows[0].year", "2021").param("rows[0].outcome", "61,5")
                        .param("rows[1].year", "2022").param("rows[1].outcome", "88").param("rows[1].target", "90"))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/objekt/" + created.id()));
        mvc.perform(get("/objekt/" + created.id())).andExpect(status().isOk())
                .andExpect(content().string(containsString("61,5")))
                .andExpect(content().string(containsString("Med anmärkning")));

        // Someone else saved in between: the stale form is refused with a conflict, not applied.
        mvc.perform(post("/objekt/" + created.id()).with(csrf()).param("version", "0")
                        .param("kind", "NYCKELTAL").param("ownerUnitId", Long.toString(goal.ownerUnitId()))
                        .param("periodId", goal.periodId().toString()).param("title", "Nytt namn")
                        .param("direction", "INCREASE").param("measureUnit", "%"))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("Någon annan har sparat ändringar")));
    }

    @Test
    @WithUserDetails("admin")
    void a_values_form_with_a_runaway_row_index_is_a_400_with_a_swedish_message() throws Exception {
        GoalObject places = find(Kind.NYCKELTAL, "Antal gruppboendeplatser LSS");
        mvc.perform(post("/objekt/" + places.id() + "/varden").with(csrf()).param("version", Integer.toString(places.version()))
                        .param("rows[300].year", "2021").param("rows[300].outcome", "72"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Formuläret har för många rader")));
        mvc.perform(post("/objekt/" + places.id() + "/varden").with(csrf()).param("version", Integer.toString(places.version()))
                        .param("rows[0].year", "2021").param("rows[0].outcome", "99999999999999999"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("högst 14 siffror")));
    }

    @Test
    @WithUserDetails("admin")
    void forms_without_csrf_token_are_refused() throws Exception {
        GoalObject goal = find(Kind.NAMNDMAL, "Öka antalet gruppboendeplatser");
        mvc.perform(post("/objekt/" + goal.id() + "/avveckla").param("version", "0")).andExpect(status().isForbidden());
    }

    @Test
    @WithUserDetails("admin")
    void the_administrator_browses_the_audit_log() throws Exception {
        GoalObject goal = find(Kind.NAMNDMAL, "Öka antalet gruppboendeplatser");
        mvc.perform(post("/objekt/" + goal.id() + "/bedomning").with(csrf()).param("version", Integer.toString(goal.version()))
                        .param("judgement", "DELVIS_UPPFYLLT").param("judgementText", "Platserna på Lapplandsgatan räknas."))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/admin/granskningslogg").param("objekt", goal.id().toString())).andExpect(status().isOk())
                .andExpect(content().string(containsString("HELT_UPPFYLLT")))
                .andExpect(content().string(containsString("DELVIS_UPPFYLLT")))
                .andExpect(content().string(containsString("admin")));
    }
}
