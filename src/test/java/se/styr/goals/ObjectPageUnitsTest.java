package se.styr.goals;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithUserDetails;
import se.styr.StyrIntegrationTest;
import se.styr.organisation.OrgUnit;

/** An object's page reads the units it names and the units above them, not the municipality's whole tree. */
@StyrIntegrationTest
@WithUserDetails("admin")
class ObjectPageUnitsTest {

    @Autowired
    ChainReader chain;
    @Autowired
    JdbcClient jdbc;

    @Test
    void a_key_figures_page_knows_its_owner_its_body_and_the_top_and_no_other_committee() {
        long goal = jdbc.sql("select id from goal_object where kind = 'NAMNDMAL' and title like 'Öka antalet gruppboendeplatser%'")
                .query(Long.class).single();
        long units = jdbc.sql("select count(*) from org_unit").query(Long.class).single();
        ChainReader.ObjectPage page = chain.page(goal);
        GoalObject o = page.details().object();
        ChainReader.Context c = page.context();
        assertThat(c.units()).containsKey(o.ownerUnitId()).hasSizeLessThan((int) units / 2);
        assertThat(c.units().get(c.top()).parentId()).isNull();
        assertThat(c.bodyOf(o.ownerUnitId())).extracting(OrgUnit::code).isEqualTo("VON");
        assertThat(c.units().values()).extracting(OrgUnit::code).doesNotContain("SN");
        assertThat(page.details().node().owner()).isNotNull();
        page.details().node().children().forEach(child -> assertThat(child.owner()).isNotNull());
        // the same details as the API reads them
        assertThat(chain.details(goal).node().object().id()).isEqualTo(goal);
    }
}
