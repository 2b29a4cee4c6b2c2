package se.styr.platform;

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

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import se.styr.MvcTestSupport;
import se.styr.StyrIntegrationTest;

/**
 * The input rules every module shares ({@link InputRules}): no control or bidi-override characters in any text, no
 * dates outside 1900–2200, in forms and in JSON; and the defects found beside them (paging overflow, a missing share
 * in a proposal, validation before the right to write).
 */
@StyrIntegrationTest
@se.styr.OwnDatabase
class InputRulesTest extends MvcTestSupport {

    private static final String FORBIDDEN = "otillåtet tecken";

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    private long unit(String code) {
        return jdbc.sql("select id from org_unit where code = ?").param(code).query(Long.class).single();
    }

    @Test
    void theRuleFindsControlAndBidiCharactersButNotLineBreaksOrTabs() {
        assertThat(InputRules.forbiddenCharacter("Rad ett\nRad två\r\n\tindrag – ”citat” €")).isEqualTo(-1);
        assertThat(InputRules.forbiddenCharacter("a\u0000b")).isEqualTo(1);
        assertThat(InputRules.forbiddenCharacter("\u001b[31m")).isZero();
        assertThat(InputRules.forbiddenCharacter("x\u0085")).isEqualTo(1);
        for (char c : new char[] {'\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069'}) {
            assertThat(InputRules.forbiddenCharacter("abc" + c)).isEqualTo(3);
        }
        assertThat(InputRules.saneDate(java.time.LocalDate.of(1900, 1, 1))).isTrue();
        assertThat(InputRules.saneDate(java.time.LocalDate.of(2200, 12, 31))).isTrue();
        assertThat(InputRules.saneDate(java.time.LocalDate.of(0, 1, 1))).isFalse();
        assertThat(InputRules.saneDate(java.time.LocalDate.of(-1, 1, 1))).isFalse();
        assertThat(InputRules.saneDate(java.time.LocalDate.of(99999, 12, 31))).isFalse();
    }

    @Test
    void goals_aTitleWithABidiOverrideIsRefused() throws Exception {
        long before = count("goal_object");
        mvc.perform(post("/objekt").with(as("admin")).with(csrf()).param("kind", "FOKUSOMRADE")
                        .param("title", "Trygg\u202Ekommun").param("ownerId", String.valueOf(unit("KF"))))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString(FORBIDDEN)))
                .andExpect(content().string(containsString("U+202E, tecken nummer 6")));
        assertThat(count("goal_object")).isEqualTo(before);
    }

    @Test
    void followup_aRoundNamedWithNulOrDatedOutsideTheRangeIsRefused() throws Exception {
        long before = count("followup_round");
        mvc.perform(post("/uppfoljning").with(as("admin")).with(csrf()).param("name", "Delår\u0000")
                        .param("bodyUnitId", String.valueOf(unit("KS"))).param("type", "DELARSBOKSLUT")
                        .param("asOf", "2022-08-31").param("opensOn", "2022-09-01")
                        .param("unitDeadline", "2022-09-20").param("departmentDeadline", "2022-09-27"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString(FORBIDDEN)));
        for (String date : new String[] {"0000-01-01", "-0001-01-01", "+99999-12-31", "1899-12-31", "2201-01-01"}) {
            mvc.perform(post("/uppfoljning").with(as("admin")).with(csrf())
                            .param("bodyUnitId", String.valueOf(unit("KS"))).param("type", "DELARSBOKSLUT")
                            .param("asOf", date).param("opensOn", "2022-09-01")
                            .param("unitDeadline", "2022-09-20").param("departmentDeadline", "2022-09-27"))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().string(containsString("Ange ett datum mellan 1900-01-01 och 2200-12-31.")));
        }
        mvc.perform(post("/api/v1/rounds").with(httpBasic("admin", "styr-demo")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"bodyUnitId\": " + unit("KS") + ", \"type\": \"DELARSBOKSLUT\", \"asOf\": \"+99999-12-31\","
                                + " \"opensOn\": \"2022-09-01\", \"unitDeadline\": \"2022-09-20\", \"departmentDeadline\": \"2022-09-27\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors.asOf[0]").value("Ange ett datum mellan 1900-01-01 och 2200-12-31."));
        assertThat(count("followup_round")).isEqualTo(before);
    }

    @Test
    void economy_anExplanationWithAnIsolateIsRefusedInTheApi() throws Exception {
        var report = jdbc.sql("select id, version from economic_report where org_unit_id = ? and state = 'UTKAST' order by id limit 1")
                .param(unit("VON")).query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).single();
        mvc.perform(put("/api/v1/economic-reports/" + report[0] + "/forecast").with(httpBasic("admin", "styr-demo"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"version\": " + report[1] + ", \"rows\": [{\"group\": \"PERSONALKOSTNADER\", \"forecast\": -1000,"
                                + " \"explanation\": \"\u2066dold\u2069 text\"}]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors['rows[0].explanation'][0]").value(containsString(FORBIDDEN)))
                .andExpect(content().string(not(containsString("Exception"))));
        assertThat(jdbc.sql("select version from economic_report where id = ?").param(report[0]).query(Long.class).single())
                .isEqualTo(report[1]);
    }

    @Test
    void proposals_aTitleWithNulIsRefusedAndAMissingShareIsASwedish400() throws Exception {
        long base = jdbc.sql("select p.budget_id from proposal p join proposal_version v on v.proposal_id = p.id"
                + " where v.title like 'Vänsterpartiets budgetförslag 2026%' order by v.id limit 1").query(Long.class).single();
        String party = String.valueOf(unit("V"));
        long before = count("proposal_version");
        mvc.perform(post("/forslag/forhandsgranska").with(as("partiV")).with(csrf()).param("budgetId", String.valueOf(base))
                        .param("partyUnitId", party).param("title", "Prov\u0000").param("pkvShare", "100").param("volumeShare", "100"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString(FORBIDDEN)));
        for (String path : new String[] {"/forslag/forhandsgranska", "/forslag"}) {
            mvc.perform(post(path).with(as("partiV")).with(csrf()).param("budgetId", String.valueOf(base))
                            .param("partyUnitId", party).param("title", "Prov").param("volumeShare", "100"))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().string(containsString("Pris- och löneuppräkningen (PKV, % av full kompensation) saknas")));
            mvc.perform(post(path).with(as("partiV")).with(csrf()).param("budgetId", String.valueOf(base))
                            .param("partyUnitId", party).param("title", "Prov").param("pkvShare", "100"))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().string(containsString("Volymkompensationen (% av full kompensation) saknas")));
        }
        long own = jdbc.sql("select p.id from proposal p join proposal_version v on v.proposal_id = p.id"
                + " where v.title like 'Vänsterpartiets budgetförslag 2026%' order by v.id limit 1").query(Long.class).single();
        mvc.perform(post("/forslag/" + own).with(as("partiV")).with(csrf()).param("version", "1").param("title", "Prov"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("saknas: ange en andel mellan 0 och 200 %")));
        assertThat(count("proposal_version")).isEqualTo(before);
    }

    @Test
    void substitutes_controlCharactersAndDatesOutsideTheRangeAreRefusedInTheApi() throws Exception {
        long before = count("substitute");
        mvc.perform(post("/api/v1/substitutes").with(httpBasic("controller", "styr-demo")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"substitute\": \"admin\\u0000\", \"from\": \"2030-01-01\", \"to\": \"2030-02-01\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.substitute[0]").value(containsString(FORBIDDEN)));
        for (String date : new String[] {"0000-01-01", "-0001-01-01", "+99999-12-31"}) {
            mvc.perform(post("/api/v1/substitutes").with(httpBasic("controller", "styr-demo")).contentType(MediaType.APPLICATION_JSON)
                            .content("{\"substitute\": \"admin\", \"from\": \"2030-01-01\", \"to\": \"" + date + "\"}"))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors.to[0]").value("Ange ett datum mellan 1900-01-01 och 2200-12-31."));
            mvc.perform(post("/vikarie").with(as("controller")).with(csrf()).param("substitute", "admin")
                            .param("from", "2030-01-01").param("to", date))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().string(containsString("Ange ett datum mellan 1900-01-01 och 2200-12-31.")));
        }
        assertThat(count("substitute")).isEqualTo(before);
    }

    @Test
    void theLastPossiblePageOfTheAuditLogIsAnEmptyPageNotAnOverflow() throws Exception {
        mvc.perform(get("/api/v1/audit").param("page", String.valueOf(Integer.MAX_VALUE)).with(httpBasic("admin", "styr-demo")))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors.page[0]").value(org.hamcrest.Matchers.startsWith("Ange sidan som ett heltal från 1 till")));
        mvc.perform(get("/api/v1/audit").param("page", "1000000").with(httpBasic("admin", "styr-demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items.length()").value(0));
        mvc.perform(get("/admin/granskningslogg").param("sida", String.valueOf(Integer.MAX_VALUE)).with(as("admin")))
                .andExpect(status().isOk());
    }

    @Test
    void volumesAndReportsCheckTheRightToWriteBeforeTheInput() throws Exception {
        long von = unit("VON");
        long report = jdbc.sql("select id from economic_report where org_unit_id = ? order by id limit 1").param(von).query(Long.class).single();
        // a reader with a form that is wrong as well: the missing right is what is answered
        mvc.perform(post("/ekonomi/uppfoljning/" + von + "/volymer").with(as("politiker")).with(csrf()).param("stamp", "fel"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/ekonomi/uppfoljning/" + von + "/volymer/matt").with(as("politiker")).with(csrf()).param("parentId", "x"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/ekonomi/uppfoljning/" + von + "/2022/11").with(as("politiker")).with(csrf()).param("type", "FEL"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/ekonomi/uppfoljning/rapport/" + report).with(as("politiker")).with(csrf()).param("PERSONALKOSTNADER_PROGNOS", "x"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/ekonomi/uppfoljning/rapport/" + report + "/oppna").with(as("politiker")).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(put("/api/v1/economic-reports/" + report + "/forecast").with(httpBasic("politiker", "styr-demo"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"rows\": [{\"group\": null}]}"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/economic-reports/" + report + "/reopen").with(httpBasic("politiker", "styr-demo"))
                        .contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isForbidden());
    }

    @Test
    void decidingAndOpeningCheckTheRightBeforeTheInput() throws Exception {
        long round = jdbc.sql("select id from followup_round where name = 'Delårsbokslut 2022'").query(Long.class).single();
        long budget = jdbc.sql("select min(id) from budget").query(Long.class).single();
        // a reader whose form is wrong as well: the missing right is what is answered, and nothing is written
        mvc.perform(post("/uppfoljning/" + round + "/beslut").with(as("politiker")).with(csrf()).param("decidedOn", "inte ett datum"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/uppfoljning").with(as("politiker")).with(csrf()).param("bodyUnitId", String.valueOf(unit("VON")))
                        .param("asOf", "inte ett datum"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/ekonomi/budget/" + budget + "/beslut").with(as("politiker")).with(csrf()).param("decidedOn", "x"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/ekonomi/budget/" + budget + "/revidera").with(as("politiker")).with(csrf()).param("version", "x"))
                .andExpect(status().isForbidden());
        assertThat(jdbc.sql("select state from followup_round where id = ?").param(round).query(String.class).single())
                .isEqualTo("OPPEN");
    }
}
