package se.styr.economy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.test.context.support.WithUserDetails;
import org.springframework.transaction.annotation.Transactional;
import se.styr.MvcTestSupport;
import se.styr.QueryCounter;
import se.styr.StyrIntegrationTest;
import se.styr.economy.budget.BudgetService;
import se.styr.economy.followup.EconomicOutcomes;

/**
 * The economy's pages and lists read the committees and the units they show, not the whole organisation tree: the
 * statements of each are counted on the Alingsås demo, then hundreds of departments and units with outcomes are added
 * under two committees (in the test's transaction, rolled back), and each is counted again.
 */
@StyrIntegrationTest
@Transactional
class EconomyQueryCountTest extends MvcTestSupport {

    @Autowired
    BudgetService budgets;
    @Autowired
    EconomicOutcomes outcomes;

    private long unit(String code) {
        return id("select id from org_unit where code = ?", code);
    }

    private Map<String, String> pages() {
        long budget = id("select id from budget order by id fetch first 1 rows only");
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("economy", "controller /ekonomi");
        pages.put("budget", "controller /ekonomi/budget/" + budget);
        pages.put("follow-up overview", "controller /ekonomi/uppfoljning?ar=2022&manad=8");
        pages.put("a committee's report", "controller /ekonomi/uppfoljning/" + unit("VON") + "/2022/8");
        pages.put("financial goals", "controller /ekonomi/finansiella-mal");
        pages.put("proposals", "admin /forslag");
        pages.put("API forecasts", "politiker /api/v1/economic-forecasts?year=2022&month=8");
        pages.put("API budgets", "politiker /api/v1/budgets");
        pages.put("API periods", "politiker /api/v1/periods");
        pages.put("API proposals", "politiker /api/v1/proposals");
        return pages;
    }

    private Map<String, Integer> measure(Map<String, String> pages) throws Exception {
        return QueryCounter.perPage(mvc, users, pages, page -> { });
    }

    @Test
    void the_economy_reads_a_number_of_statements_that_does_not_grow_with_the_organisation() throws Exception {
        Map<String, String> pages = pages();
        measure(pages);
        Map<String, Integer> alingsas = measure(pages);
        grow(150);
        Map<String, Integer> grown = measure(pages);
        System.out.println("SQL-satser per ekonomisida (Alingsås → fler enheter): " + alingsas + " → " + grown);
        assertThat(grown).as("statements per page after the organisation grew").isEqualTo(alingsas);
    }

    @Test
    @WithUserDetails("controller")
    void committees_are_read_without_the_rest_of_the_tree_in_the_organisations_order() {
        grow(50);
        assertThat(budgets.committees()).isNotEmpty()
                .allSatisfy(c -> assertThat(BudgetService.COMMITTEE_TYPES).contains(c.type()))
                .extracting(c -> c.code()).contains("VON", "SN").doesNotHaveDuplicates();
        long von = unit("VON");
        // a committee's own units: its administration and the units added below it, not another committee's
        assertThat(outcomes.ownUnits(von)).contains(von, unit("VOF-AO")).doesNotContain(unit("SN"));
        assertThat(outcomes.ownUnits(von)).hasSizeGreaterThan(50);
    }

    /** Adds {@code perCommittee} departments, each with a unit and a month's outcome, under VON's and SN's administrations. */
    private void grow(int perCommittee) {
        long municipality = id("select municipality_id from org_unit where code = 'VON'");
        for (long parent : new long[] {unit("VOF-AO"), unit("SN")}) {
            for (int i = 0; i < perCommittee; i++) {
                long department = insertUnit(municipality, parent, "AVDELNING", "Tillväxtavdelning " + parent + "." + i);
                long unit = insertUnit(municipality, department, "ENHET", "Tillväxtenhet " + parent + "." + i);
                jdbc.sql("insert into economic_outcome (org_unit_id, year, month, account_group, amount) values (?, 2022, 3, 'PERSONALKOSTNADER', -1000)")
                        .param(unit).update();
            }
        }
    }

    private long insertUnit(long municipality, long parent, String type, String name) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("insert into org_unit (municipality_id, parent_id, type, name, position, active) values (?, ?, ?, ?, 100, true)")
                .params(municipality, parent, type, name).update(key, "id");
        return key.getKeyAs(Long.class);
    }
}
