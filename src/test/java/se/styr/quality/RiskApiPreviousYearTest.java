package se.styr.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.transaction.annotation.Transactional;
import se.styr.MvcTestSupport;
import se.styr.QueryCounter;
import se.styr.StyrIntegrationTest;

/** The risk API gives a carried risk's value of last year beside this year's, as the register page does. */
@StyrIntegrationTest
@Transactional
class RiskApiPreviousYearTest extends MvcTestSupport {

    private long von() {
        return id("select id from org_unit where code = 'VON'");
    }

    private long risk(int year, int number) {
        return id("select id from risk where body_unit_id = ? and year = ? and number = ?", von(), year, number);
    }

    @Test
    void a_carried_risk_gives_last_years_value_beside_this_years_in_the_list_and_alone() throws Exception {
        long von = von();
        // last year's register has no predecessor
        mvc.perform(get("/api/v1/risks/" + risk(2022, 2)).with(as("politiker")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.value").value(12))
                .andExpect(jsonPath("$.previous").value(Matchers.nullValue()));
        mvc.perform(post("/kvalitet/risker/overfor").with(as("controller")).with(csrf())
                        .param("organ", String.valueOf(von)).param("ar", "2022"))
                .andExpect(status().is3xxRedirection());
        long carried = risk(2023, 2);
        // reassessed through the API: risk 2 goes from 12 (3 × 4) to 6 (2 × 3)
        mvc.perform(put("/api/v1/risks/" + carried).with(as("controller")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"description\":\"Ny bedömning\",\"probability\":2,\"consequence\":3,\"version\":0}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.value").value(6))
                .andExpect(jsonPath("$.previous.value").value(12))
                .andExpect(jsonPath("$.previous.year").value(2022))
                .andExpect(jsonPath("$.previous.riskId").value(risk(2022, 2)));
        mvc.perform(get("/api/v1/risks/" + carried).with(as("politiker")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.value").value(6))
                .andExpect(jsonPath("$.band").value("MEDEL"))
                .andExpect(jsonPath("$.previous.value").value(12))
                .andExpect(jsonPath("$.previous.probability").value(3))
                .andExpect(jsonPath("$.previous.consequence").value(4))
                .andExpect(jsonPath("$.previous.number").value(2))
                .andExpect(jsonPath("$.previous.band").value("MEDEL"));
        // the list of the year: every risk carried, each with last year's value
        mvc.perform(get("/api/v1/risks").param("body", String.valueOf(von)).param("year", "2023").param("size", "50").with(as("politiker")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(17))
                .andExpect(jsonPath("$.items[?(@.risk.number == 2)].value").value(Matchers.contains(6)))
                .andExpect(jsonPath("$.items[?(@.risk.number == 2)].previous.value").value(Matchers.contains(12)))
                .andExpect(jsonPath("$.items[?(@.risk.number == 12)].previous.value").value(Matchers.contains(3)))
                .andExpect(jsonPath("$.items[*].previous.year").value(Matchers.everyItem(Matchers.is(2022))))
                .andExpect(jsonPath("$.items[*].previous.year").value(Matchers.hasSize(17)));
        // a risk added this year has none
        mvc.perform(post("/api/v1/risks").with(as("controller")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"bodyUnitId\":" + von + ",\"year\":2023,\"description\":\"Ny risk\",\"probability\":1,\"consequence\":1}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.previous").value(Matchers.nullValue()));
    }

    @Test
    void the_list_reads_last_years_values_in_one_statement_whatever_the_page() throws Exception {
        mvc.perform(post("/kvalitet/risker/overfor").with(as("controller")).with(csrf())
                        .param("organ", String.valueOf(von())).param("ar", "2022"))
                .andExpect(status().is3xxRedirection());
        int small = count("2");
        int large = count("50");
        assertThat(large).isEqualTo(small);
    }

    private int count(String size) throws Exception {
        QueryCounter.reset();
        mvc.perform(get("/api/v1/risks").param("body", String.valueOf(von())).param("year", "2023").param("size", size).with(as("politiker")))
                .andExpect(status().isOk());
        return QueryCounter.statements();
    }
}
