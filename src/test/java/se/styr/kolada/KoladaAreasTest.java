package se.styr.kolada;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;
import se.styr.StyrIntegrationTest;

/** The administrator chooses the county and the comparison groups on /kolada/jamforelse; nobody else may. */
@StyrIntegrationTest
@Transactional
class KoladaAreasTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    private long alingsas() {
        return jdbc.sql("select id from municipality where kolada_id = '1489'").query(Long.class).single();
    }

    private long count(String sql) {
        return jdbc.sql(sql).param(alingsas()).query(Long.class).single();
    }

    private long audits(String type, String action) {
        return jdbc.sql("select count(*) from audit_entry where object_type = ? and action = ?").params(type, action)
                .query(Long.class).single();
    }

    @Test
    @WithUserDetails("admin")
    void the_administrator_sees_the_county_and_the_group_with_its_named_members() throws Exception {
        mvc.perform(get("/kolada")).andExpect(status().isOk()).andExpect(content().string(containsString("/kolada/jamforelse")));
        mvc.perform(get("/kolada/jamforelse")).andExpect(status().isOk())
                .andExpect(content().string(containsString("Valt län: Västra Götalands län (demo) (0014).")))
                .andExpect(content().string(containsString("Medlemmar i Liknande kommuner (demo) (G-DEMO)")))
                .andExpect(content().string(containsString("Borås")))
                .andExpect(content().string(containsString("name=\"_csrf\"")));
    }

    @Test
    @WithUserDetails("admin")
    void a_member_is_added_and_removed_audited() throws Exception {
        long before = count("select count(*) from kolada_group_member where municipality_id = ?");
        mvc.perform(post("/kolada/jamforelse/medlem").param("group", "G-DEMO").param("member", " 1401 ")
                        .param("memberTitle", "Härryda").with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/kolada/jamforelse"));
        assertThat(jdbc.sql("select title from kolada_group_member where municipality_id = ? and area = 'G-DEMO' and member = '1401'")
                .param(alingsas()).query(String.class).single()).isEqualTo("Härryda");
        assertThat(audits("kolada_group_member", "SKAPAD")).isEqualTo(1);
        // the same again is refused in Swedish, nothing added
        mvc.perform(post("/kolada/jamforelse/medlem").param("group", "G-DEMO").param("member", "1401")
                        .param("memberTitle", "Härryda").with(csrf()))
                .andExpect(status().isBadRequest()).andExpect(content().string(containsString("Kommunen 1401 finns redan i gruppen.")));
        mvc.perform(post("/kolada/jamforelse/medlem/ta-bort").param("group", "G-DEMO").param("member", "1490").with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(count("select count(*) from kolada_group_member where municipality_id = ?")).isEqualTo(before);
        assertThat(audits("kolada_group_member", "BORTTAGEN")).isEqualTo(1);
        // removed twice (a second tab): a conflict, not an error page
        mvc.perform(post("/kolada/jamforelse/medlem/ta-bort").param("group", "G-DEMO").param("member", "1490").with(csrf()))
                .andExpect(status().isConflict()).andExpect(content().string(containsString("redan tagits bort")));
    }

    @Test
    @WithUserDetails("admin")
    void bad_input_is_refused_with_swedish_messages_beside_the_fields() throws Exception {
        mvc.perform(post("/kolada/jamforelse/medlem").param("group", "G-DEMO").param("member", "0014").param("memberTitle", "")
                        .with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Kommunens id ska vara fyra siffror")))
                .andExpect(content().string(containsString("Ange ett namn.")))
                .andExpect(content().string(containsString("aria-invalid=\"true\"")));
        mvc.perform(post("/kolada/jamforelse/medlem").param("group", "G-DEMO").param("member", "1489").param("memberTitle", "Alingsås")
                        .with(csrf()))
                .andExpect(status().isBadRequest()).andExpect(content().string(containsString("inte jämföras med sig själv")));
        mvc.perform(post("/kolada/jamforelse/lan").param("countyArea", "0000").param("countyTitle", "Riket").param("current", "0014")
                        .with(csrf()))
                .andExpect(status().isBadRequest()).andExpect(content().string(containsString("inte 0000, som är riket")));
        mvc.perform(post("/kolada/jamforelse/grupp").param("groupArea", "x y").param("groupTitle", "Grupp").with(csrf()))
                .andExpect(status().isBadRequest()).andExpect(content().string(containsString("Gruppens id ska börja med G")));
        assertThat(audits("kolada_area", "SKAPAD") + audits("kolada_group_member", "SKAPAD")).isZero();
    }

    @Test
    @WithUserDetails("admin")
    void the_county_is_changed_old_to_new_and_a_stale_form_is_a_conflict() throws Exception {
        mvc.perform(post("/kolada/jamforelse/lan").param("countyArea", "0013").param("countyTitle", "Hallands län")
                        .param("current", "0014").with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select area from kolada_area where municipality_id = ? and kind = 'LAN'").param(alingsas())
                .query(String.class).list()).containsExactly("0013");
        assertThat(jdbc.sql("select old_value from audit_entry where object_type = 'kolada_area' and action = 'ANDRAD'")
                .query(String.class).single()).contains("0014");
        // a form read before that change
        mvc.perform(post("/kolada/jamforelse/lan").param("countyArea", "0012").param("countyTitle", "Skåne län")
                        .param("current", "0014").with(csrf()))
                .andExpect(status().isConflict()).andExpect(content().string(containsString("Någon annan har ändrat länet")));
        assertThat(jdbc.sql("select area from kolada_area where municipality_id = ? and kind = 'LAN'").param(alingsas())
                .query(String.class).single()).isEqualTo("0013");
    }

    @Test
    @WithUserDetails("admin")
    void a_group_is_added_and_removed_with_its_members() throws Exception {
        mvc.perform(post("/kolada/jamforelse/grupp").param("groupArea", "g124026").param("groupTitle", "Pendlingskommuner").with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(count("select count(*) from kolada_area where municipality_id = ? and area = 'G124026' and kind = 'GRUPP'")).isEqualTo(1);
        mvc.perform(post("/kolada/jamforelse/grupp/ta-bort").param("group", "G-DEMO").with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(count("select count(*) from kolada_group_member where municipality_id = ? and area = 'G-DEMO'")).isZero();
        mvc.perform(get("/kolada/jamforelse")).andExpect(status().isOk())
                .andExpect(content().string(containsString("Pendlingskommuner")))
                .andExpect(content().string(not(containsString("Liknande kommuner (demo)"))));
    }

    @Test
    @WithUserDetails("controller")
    void a_controller_without_the_administrators_right_is_refused() throws Exception {
        long before = count("select count(*) from kolada_group_member where municipality_id = ?");
        mvc.perform(get("/kolada/jamforelse")).andExpect(status().isForbidden());
        mvc.perform(post("/kolada/jamforelse/medlem/ta-bort").param("group", "G-DEMO").param("member", "1490").with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/kolada/jamforelse/lan").param("countyArea", "0013").param("countyTitle", "Hallands län").with(csrf()))
                .andExpect(status().isForbidden());
        assertThat(count("select count(*) from kolada_group_member where municipality_id = ?")).isEqualTo(before);
        mvc.perform(get("/kolada")).andExpect(status().isOk()).andExpect(content().string(not(containsString("/kolada/jamforelse"))));
    }

    @Test
    @WithUserDetails("politiker")
    void a_reader_is_refused() throws Exception {
        mvc.perform(get("/kolada/jamforelse")).andExpect(status().isForbidden());
        mvc.perform(post("/kolada/jamforelse/grupp").param("groupArea", "G1").param("groupTitle", "X").with(csrf()))
                .andExpect(status().isForbidden());
    }

    @Test
    @WithUserDetails("admin")
    void a_post_without_the_csrf_token_is_refused() throws Exception {
        mvc.perform(post("/kolada/jamforelse/grupp").param("groupArea", "G1").param("groupTitle", "X")).andExpect(status().isForbidden());
        assertThat(count("select count(*) from kolada_area where municipality_id = ? and area = 'G1'")).isZero();
    }
}
