package se.styr.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import se.styr.MvcTestSupport;
import se.styr.TestEnvironment;
import se.styr.goals.Kind;
import se.styr.organisation.OrgUnitType;

/**
 * The generator on a small scale (1/20 of Göteborg) into an empty database of its own: the counts follow the scale,
 * the data keeps the chain's and the rounds' rules, the users log in with the configured password, and the main pages
 * render with the generated data.
 */
@SpringBootTest(properties = {"styr.demo.enabled=false", "styr.generate.scale=0.05", "styr.generate.password=prov-lösen-1"})
@AutoConfigureMockMvc
@Tag("db")
class MunicipalityGeneratorTest extends MvcTestSupport {

    @DynamicPropertySource
    static void emptyDatabase(DynamicPropertyRegistry registry) throws SQLException {
        if (TestEnvironment.postgresProfile()) {
            String db = System.getenv().getOrDefault("STYR_TEST_PG_DB", "styr_test") + "_gen";
            try (Connection c = DriverManager.getConnection(System.getenv().getOrDefault("STYR_TEST_PG_ADMIN_URL",
                    "jdbc:postgresql://127.0.0.1:5432/postgres"), System.getenv().getOrDefault("STYR_DB_USER", "postgres"),
                    System.getenv().getOrDefault("STYR_DB_PASSWORD", ""));
                 Statement s = c.createStatement()) {
                s.execute("drop database if exists " + db + " with (force)");
                s.execute("create database " + db);
            }
            registry.add("spring.datasource.url", () -> "jdbc:postgresql://127.0.0.1:5432/" + db);
        } else {
            registry.add("spring.datasource.url", () -> "jdbc:h2:mem:styrgen;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                    + "DEFAULT_NULL_ORDERING=HIGH;NON_KEYWORDS=YEAR,MONTH;DB_CLOSE_DELAY=-1");
        }
    }

    @Autowired
    MunicipalityGenerator generator;

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    @Test
    void theCountsFollowTheScaleAndWereAllWritten() {
        MunicipalityGenerator.Summary s = generator.generated;
        assertThat(s.orgUnits()).isEqualTo(Math.round(2035 * 0.05)).isEqualTo(count("select count(*) from org_unit"));
        assertThat(s.goalObjects()).isEqualTo(Math.round(22131 * 0.05)).isEqualTo(count("select count(*) from goal_object"));
        assertThat(s.values()).isEqualTo(Math.round(196468 * 0.05)).isEqualTo(count("select count(*) from measure_value"));
        // KF, KS, two committees (46 × 0,05) and one company (12 × 0,05)
        assertThat(s.bodies()).isEqualTo(5).isEqualTo(count("select count(*) from org_unit where type in ('KOMMUNFULLMAKTIGE', 'KOMMUNSTYRELSE', 'NAMND', 'BOLAG')"));
        assertThat(s.rounds()).isEqualTo(3).isEqualTo(count("select count(*) from followup_round where state = 'OPPEN'"));
        assertThat(s.tasks()).isPositive().isEqualTo(count("select count(*) from followup_task"));
        assertThat(s.shares()).isEqualTo(count("select count(*) from followup_share"));
        assertThat(s.reports()).isEqualTo(count("select count(*) from followup_report"));
        assertThat(count("select count(*) from plan_period")).isEqualTo(1);
        for (Kind kind : Kind.values()) {
            assertThat(count("select count(*) from goal_object where kind = '" + kind + "'")).as(kind.name()).isPositive();
        }
        // the database numbers new rows after the generated ones
        jdbc.sql("insert into org_unit (municipality_id, parent_id, type, name) select municipality_id, id, 'ENHET', 'Ny enhet' from org_unit where type = 'AVDELNING' limit 1").update();
        assertThat(count("select max(id) from org_unit")).isEqualTo(s.orgUnits() + 1);
        jdbc.sql("delete from org_unit where name = 'Ny enhet'").update();
    }

    @Test
    void everyObjectHasAParentAndOwnerItsKindAllows() {
        record Row(String kind, String parentKind, String ownerType) {
        }
        List<Row> rows = jdbc.sql("""
                select distinct o.kind, p.kind as parent_kind, u.type as owner_type from goal_object o
                left join goal_object p on p.id = o.parent_id join org_unit u on u.id = o.owner_unit_id""").query(Row.class).list();
        assertThat(rows).isNotEmpty().allSatisfy(r -> {
            Kind kind = Kind.valueOf(r.kind());
            assertThat(kind.allowsParent(r.parentKind() == null ? null : Kind.valueOf(r.parentKind()))).as(r.toString()).isTrue();
            assertThat(kind.allowsOwner(OrgUnitType.valueOf(r.ownerType()))).as(r.toString()).isTrue();
        });
        assertThat(count("select count(*) from measure_value v join goal_object o on o.id = v.object_id where o.kind not in ('INDIKATOR', 'NYCKELTAL')")).isZero();
    }

    @Test
    void theRoundsAreSharedAsARoundIsOpened() {
        // every share goes to a department or unit under the round's administration
        assertThat(count("""
                select count(*) from followup_share s join followup_round r on r.id = s.round_id join org_unit u on u.id = s.unit_id
                left join org_unit p on p.id = u.parent_id
                where not (u.type = 'AVDELNING' and u.parent_id = r.admin_unit_id or u.type = 'ENHET' and p.parent_id = r.admin_unit_id)""")).isZero();
        // goals to every department and unit of the administration
        assertThat(count("""
                select count(*) from followup_object fo join goal_object o on o.id = fo.object_id join followup_round r on r.id = fo.round_id
                where o.kind = 'NAMNDMAL' and (select count(*) from followup_share s where s.round_id = r.id and s.object_id = o.id)
                  <> (select count(*) from org_unit u left join org_unit p on p.id = u.parent_id
                      where u.parent_id = r.admin_unit_id or p.parent_id = r.admin_unit_id)""")).isZero();
        // one task per unit and part with something shared, and nothing else
        assertThat(count("""
                select count(*) from (select distinct s.round_id, s.unit_id, case o.kind when 'KRITISK_FAKTOR' then 'KVF'
                  when 'INTERNKONTROLLPUNKT' then 'IK' when 'UPPDRAG' then 'UPPDRAG' else 'MAL' end as part
                  from followup_share s join goal_object o on o.id = s.object_id) x""")).isEqualTo(count("select count(*) from followup_task"));
        assertThat(count("select count(*) from followup_object fo join goal_object o on o.id = fo.object_id "
                + "where o.kind = 'INTERNKONTROLLPUNKT' and o.follow_up_occasion = 'ARSBOKSLUT'")).isZero();
    }

    @Test
    void theMainPagesRenderWithTheGeneratedData() throws Exception {
        long round = count("select r.id from followup_round r join role_assignment a on a.org_unit_id = r.body_unit_id "
                + "join app_user u on u.id = a.user_id where u.username = 'controller'");
        long goal = count("select min(o.id) from goal_object o join followup_object fo on fo.object_id = o.id "
                + "where fo.round_id = " + round + " and o.kind = 'NAMNDMAL'");
        long figure = count("select min(id) from goal_object where kind = 'NYCKELTAL' and parent_id = " + goal);
        long body = count("select body_unit_id from followup_round where id = " + round);
        String goalTitle = jdbc.sql("select title from goal_object where id = ?").param(goal).query(String.class).single();

        mvc.perform(get("/styrkedja").with(as("politiker"))).andExpect(status().isOk()).andExpect(content().string(containsString("Kommunfullmäktige")));
        mvc.perform(get("/styrkedja").param("organ", String.valueOf(body)).with(as("controller"))).andExpect(status().isOk());
        mvc.perform(get("/objekt/" + goal).with(as("controller"))).andExpect(status().isOk());
        mvc.perform(get("/objekt/" + figure).with(as("controller"))).andExpect(status().isOk());
        mvc.perform(get("/uppfoljning/" + round).with(as("controller"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Delårsbokslut 2025")));
        mvc.perform(get("/uppfoljning/" + round + "/rapport").with(as("controller"))).andExpect(status().isOk())
                .andExpect(content().string(containsString(goalTitle)));
        mvc.perform(get("/").with(as("enhetschef"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Delårsbokslut 2025")));
        mvc.perform(get("/").with(as("controller"))).andExpect(status().isOk());
        // the configured password logs in over the API
        mvc.perform(get("/api/v1/tasks/mine").with(httpBasic("enhetschef", "prov-lösen-1"))).andExpect(status().isOk());
        mvc.perform(get("/api/v1/rounds").with(httpBasic("politiker", "styr-demo"))).andExpect(status().isUnauthorized());
    }

    @Test
    void aDatabaseThatIsNotEmptyIsRefused() {
        org.assertj.core.api.Assertions.assertThatThrownBy(generator::generate)
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("Databasen är inte tom");
    }
}
