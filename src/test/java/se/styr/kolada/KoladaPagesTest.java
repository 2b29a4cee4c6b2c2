package se.styr.kolada;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;
import se.styr.StyrIntegrationTest;

/** The comparison beside a linked key figure from the demo's offline extract, the search, linking and the rule. */
@StyrIntegrationTest
@Transactional
class KoladaPagesTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    private long figure(String kpi) {
        return jdbc.sql("select id from goal_object where kind = 'NYCKELTAL' and kolada_id = ?").param(kpi).query(Long.class).single();
    }

    @Test
    @WithUserDetails("controller")
    void a_linked_figure_stands_beside_riket_and_its_group_with_its_rank_and_source() throws Exception {
        long id = figure("U21468");
        mvc.perform(get("/objekt/" + id)).andExpect(status().isOk())
                .andExpect(content().string(containsString("/kolada/objekt/" + id)));
        mvc.perform(get("/kolada/objekt/" + id)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Riket")))
                .andExpect(content().string(containsString("Liknande kommuner (demo)")))
                .andExpect(content().string(containsString("Västra Götalands län (demo)")))
                .andExpect(content().string(containsString("<svg")))
                .andExpect(content().string(containsString("role=\"img\"")))
                .andExpect(content().string(containsString(place("U21468")))) // among the extract's municipalities of the county
                .andExpect(content().string(containsString("Inmatat för hand")))
                .andExpect(content().string(containsString("Källa: Kolada")));
    }

    /** "Plats n av m" for Alingsås' latest year, counted from the stored values of municipalities (not 00.., not groups). */
    private String place(String kpi) {
        int year = jdbc.sql("select max(year) from kolada_value where kpi = ? and area = '1489' and sex = 'T' and amount is not null")
                .param(kpi).query(Integer.class).single();
        java.math.BigDecimal own = jdbc.sql("select amount from kolada_value where kpi = ? and area = '1489' and year = ? and sex = 'T'")
                .params(kpi, year).query(java.math.BigDecimal.class).single();
        java.util.List<java.math.BigDecimal> all = jdbc.sql("select area, amount from kolada_value where kpi = ? and year = ? and sex = 'T' and amount is not null")
                .params(kpi, year).query((rs, n) -> rs.getString(1).matches("\\d{4}") && !rs.getString(1).startsWith("00") ? rs.getBigDecimal(2) : null)
                .list().stream().filter(java.util.Objects::nonNull).toList();
        Assertions.assertThat(all.size()).as("the county's municipalities in the demo extract").isGreaterThan(40);
        return "Plats " + (all.stream().filter(v -> v.compareTo(own) > 0).count() + 1) + " av " + all.size();
    }

    @Test
    @WithUserDetails("controller")
    void the_rule_of_the_guidelines_judges_against_riket() throws Exception {
        long id = figure("U21468");
        mvc.perform(post("/kolada/objekt/" + id + "/regel").param("rule", "RIKET").with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/objekt/" + id));
        // 95 in 2020 against Riket's 88 (the seed's national average): above it
        mvc.perform(get("/kolada/objekt/" + id)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Utan anmärkning")))
                .andExpect(content().string(containsString("Högre än rikets medelvärde")));
        Assertions.assertThat(jdbc.sql("select count(*) from audit_entry where object_type = 'kolada_rule' and object_id = ?")
                .param(id).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    @WithUserDetails("controller")
    void a_figure_is_found_by_words_and_linked() throws Exception {
        long id = jdbc.sql("select min(id) from goal_object where kind = 'NYCKELTAL' and kolada_id is null").query(Long.class).single();
        int version = jdbc.sql("select version from goal_object where id = ?").param(id).query(Integer.class).single();
        mvc.perform(get("/kolada/objekt/" + id).param("q", "trivs alltid")).andExpect(status().isOk())
                .andExpect(content().string(containsString("Koppla U28524")));
        mvc.perform(post("/kolada/objekt/" + id + "/koppla").param("kpi", "u28524").param("version", String.valueOf(version)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        Assertions.assertThat(jdbc.sql("select kolada_id from goal_object where id = ?").param(id).query(String.class).single())
                .isEqualTo("U28524");
        mvc.perform(get("/kolada").param("q", "U28524")).andExpect(status().isOk())
                .andExpect(content().string(containsString("Brukaren trivs alltid hemma")));
        // the linked figure offers every rule, Styr's chosen until another is saved
        mvc.perform(get("/kolada/objekt/" + id)).andExpect(status().isOk())
                .andExpect(content().string(containsString("<label for=\"kolada-rule\">")))
                .andExpect(content().string(containsString("<option value=\"STYR\" selected=\"selected\">")))
                .andExpect(content().string(containsString("<option value=\"RIKET\"")))
                .andExpect(content().string(containsString("Spara regel")));
    }

    @Test
    @WithUserDetails("controller")
    void the_compiled_report_prints_riket_beside_the_linked_figures() throws Exception {
        long round = jdbc.sql("select min(r.id) from followup_round r join org_unit u on u.id = r.body_unit_id where u.code = 'VON'")
                .query(Long.class).single();
        mvc.perform(get("/uppfoljning/" + round + "/rapport")).andExpect(status().isOk())
                .andExpect(content().string(containsString("Riket 20")))
                .andExpect(content().string(containsString("Riket: Källa: Kolada")))
                .andExpect(content().string(containsString("Västra Götalands län (demo) 20")))
                .andExpect(content().string(containsString("Liknande kommuner (demo), medel 20")))
                .andExpect(content().string(containsString("Liknande kommuner (demo): medelvärdet av gruppens kommuner, Källa: Kolada.")))
                .andExpect(content().string(containsString(">Placering 20")))
                .andExpect(content().string(containsString("Placering: bland alla kommuner med värde för året")));
        // below each table, every Kolada-linked figure's comparison over the years, as on its own page, in one chart each
        String report = mvc.perform(get("/uppfoljning/" + round + "/rapport")).andReturn().getResponse().getContentAsString();
        // e.g. the LSS users' judgement (linked to Kolada) has its chart, titled by the figure, its description with the values
        long lss = jdbc.sql("select min(id) from goal_object where title = 'Brukarbedömning boende LSS totalt - Brukaren trivs alltid hemma'")
                .query(Long.class).single();
        Assertions.assertThat(report).contains("aria-labelledby=\"kolada-chart-title-" + lss + " kolada-chart-desc-" + lss + "\"")
                .contains("<title id=\"kolada-chart-title-" + lss + "\">Diagram: Brukarbedömning boende LSS totalt")
                .containsPattern("<desc id=\"kolada-chart-desc-" + lss + "\">[^<]*: Alingsås kommun [0-9,]+ \\(20\\d\\d\\); Riket [0-9,]+ ");
        // its rank among every municipality with a value in Kolada's latest year, as its own page counts it (its last year)
        String rank = mvc.perform(get("/kolada/objekt/" + lss)).andReturn().getResponse().getContentAsString()
                .replaceAll("(?s).*(Plats \\d+ av \\d+).*", "$1");
        Assertions.assertThat(rank).startsWith("Plats ");
        Assertions.assertThat(report).containsPattern("<td class=\"num\">" + rank + " \\(20\\d\\d\\)</td>");
        // one chart per figure, each figure's chart once, and no chart for a figure without Kolada's values
        java.util.List<String> charted = java.util.regex.Pattern.compile("<title id=\"kolada-chart-title-(\\d+)\">").matcher(report)
                .results().map(m -> m.group(1)).toList();
        Assertions.assertThat(charted).doesNotHaveDuplicates().hasSize(report.split("<svg class=\"chart\"", -1).length - 1);
        for (String id : charted) {
            Assertions.assertThat(jdbc.sql("select count(*) from goal_object o join kolada_value v on v.kpi = o.kolada_id where o.id = ?")
                    .param(Long.parseLong(id)).query(Long.class).single()).isPositive();
        }
        Assertions.assertThat(report).contains("Källa: Kolada. Kommunen, riket, länet").contains("Alingsås kommun</span>")
                .contains("Liknande kommuner (demo), medel</span>");
        byte[] pdf = mvc.perform(get("/uppfoljning/" + round + "/rapport.pdf")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsByteArray();
        Assertions.assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    }

    @Test
    @WithUserDetails("politiker")
    void a_reader_sees_the_comparison_but_no_forms() throws Exception {
        mvc.perform(get("/kolada/objekt/" + figure("U21468"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Riket")))
                .andExpect(content().string(not(containsString("Spara regel"))));
        mvc.perform(post("/kolada/varden/hamta").with(csrf())).andExpect(status().isForbidden());
    }

    @Test
    @WithUserDetails("admin")
    void the_page_and_its_errors_are_in_swedish_from_the_bundle() throws Exception {
        mvc.perform(get("/kolada")).andExpect(status().isOk())
                .andExpect(content().string(containsString("Den lokala kopian har")))
                .andExpect(content().string(containsString("Hämta värden från Kolada nu")))
                .andExpect(content().string(not(containsString("??kolada"))));
        mvc.perform(post("/kolada/varden/fil").with(csrf())).andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("error", "Välj en fil att läsa in."));
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart("/kolada/varden/fil")
                        .file(new org.springframework.mock.web.MockMultipartFile("file", "v.csv", "text/csv",
                                "kpi;municipality;year;sex;value\nU21468;1489;tjugo;T;91\n".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("error", "Rad 2 i filen v.csv går inte att läsa (kpi, kommun, år, kön T/K/M, värde). Inget sparades."));
    }
}
