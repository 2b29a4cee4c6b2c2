package se.styr.followup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import se.styr.MvcTestSupport;
import se.styr.QueryCounter;
import se.styr.StyrIntegrationTest;

/**
 * Every follow-up page reads what it shows with a bounded number of SQL statements that does not grow with the
 * municipality: each page is measured on the Alingsås demo, then the municipality grows by hundreds of units, goal
 * objects with key figures and values, shares, tasks, reports and outcomes, and each page is measured again. The
 * growth is written in the test's transaction and rolled back after it. The report and its PDF are measured both as a
 * reader gets them from the cache and as the first reader after a change, who compiles them.
 */
@StyrIntegrationTest
@org.springframework.transaction.annotation.Transactional
class FollowupQueryCountTest extends MvcTestSupport {

    /**
     * A page that needs more than this many statements reads per row somewhere. The compiled report is the largest
     * (61: it also asks the other modules' report columns and signal rules, each in a fixed number of statements).
     */
    private static final int BOUND = 64;

    @Autowired
    ReportCompiler compiler;

    private long unit(String code) {
        return id("select id from org_unit where code = ?", code);
    }

    /** The pages measured, each as the person who uses it. */
    private Map<String, String> pages() {
        long round = id("select id from followup_round where name = 'Delårsbokslut 2022'");
        long goal = id("select id from goal_object where kind = 'NAMNDMAL' and title like 'Öka antalet gruppboendeplatser%'");
        long figure = id("select id from goal_object where kind = 'NYCKELTAL' and title like 'Sjukfrånvaro Dag 59%'");
        long departmentTask = id("select id from followup_task where round_id = ? and unit_id = ? and part = 'MAL'", round, unit("VOF-AO"));
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("/ as controller", "controller /");
        pages.put("/ as enhetschef", "enhetschef /");
        pages.put("/ as avdelningschef", "avdelningschef /");
        pages.put("/ as admin", "admin /");
        pages.put("rounds", "controller /uppfoljning");
        pages.put("rounds (open)", "admin /uppfoljning?status=OPPEN");
        pages.put("overview", "controller /uppfoljning/" + round);
        pages.put("overview, own department open", "avdelningschef /uppfoljning/" + round);
        pages.put("overview, units found by name", "controller /uppfoljning/" + round + "?enhet=enhet");
        pages.put("department opened (htmx)", "controller /uppfoljning/" + round + "/avdelning/" + unit("VOF-AO") + "/rader?oppen=true");
        pages.put("department closed (htmx)", "controller /uppfoljning/" + round + "/avdelning/" + unit("VOF-AO") + "/rader?oppen=false");
        pages.put("department page", "controller /uppfoljning/" + round + "/avdelning/" + unit("VOF-AO"));
        pages.put("outcomes", "controller /uppfoljning/" + round + "/utfall?nyckeltal=" + figure);
        pages.put("task", "avdelningschef /uppfoljning/uppgift/" + departmentTask);
        pages.put("object (underlag)", "avdelningschef /uppfoljning/" + round + "/enhet/" + unit("VOF-AO") + "/objekt/" + goal + "?flik=underlag");
        pages.put("object (administration)", "controller /uppfoljning/" + round + "/enhet/" + id("select admin_unit_id from followup_round where id = ?", round) + "/objekt/" + goal);
        pages.put("sharing", "controller /uppfoljning/" + round + "/delning/" + goal);
        pages.put("report", "controller /uppfoljning/" + round + "/rapport");
        pages.put("report PDF", "controller /uppfoljning/" + round + "/rapport.pdf");
        pages.put("report, compiled", "controller /uppfoljning/" + round + "/rapport");
        pages.put("report PDF, rendered", "controller /uppfoljning/" + round + "/rapport.pdf");
        pages.put("API rounds", "controller /api/v1/rounds");
        pages.put("API start", "enhetschef /api/v1/tasks/mine");
        return pages;
    }

    private Map<String, Integer> measure(Map<String, String> pages) throws Exception {
        return QueryCounter.perPage(mvc, users, pages, page -> {
            if (page.endsWith(", compiled") || page.endsWith(", rendered")) {
                compiler.forget(); // measured as the first reader after a change: compiled (and rendered) afresh
            }
        });
    }

    @Test
    void every_page_reads_with_a_bounded_number_of_statements_that_does_not_grow_with_the_municipality() throws Exception {
        Map<String, String> pages = pages();
        measure(pages); // warm-up: caches of the first request do not count
        Map<String, Integer> alingsas = measure(pages);
        grow(200, 300);
        Map<String, Integer> grown = measure(pages);
        System.out.println("SQL-satser per sida (Alingsås → större kommun): " + alingsas + " → " + grown);
        assertThat(alingsas.values()).allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(BOUND));
        assertThat(grown).as("statements per page after the municipality grew").isEqualTo(alingsas);
        long open = id("select count(*) from followup_round where state = 'OPPEN'");
        String start = mvc.perform(get("/").with(user(users.loadUserByUsername("admin")))).andReturn().getResponse().getContentAsString();
        assertThat(start).as("the administrator's start page lists the first open rounds and links to all")
                .contains("Alla " + open + " pågående uppföljningar", "/uppfoljning?status=OPPEN", "Delårsbokslut 2022");
    }

    /**
     * Adds {@code units} units under Äldreomsorg, each shared the round's goals with a task, a report and an outcome,
     * as many units under another committee, and {@code objects} committee goals of that committee with a key figure
     * and values each, plus key figures under the round's goals.
     */
    private void grow(int units, int objects) {
        long municipality = id("select municipality_id from org_unit where code = 'VOF-AO'");
        long round = id("select id from followup_round where name = 'Delårsbokslut 2022'");
        long department = unit("VOF-AO");
        long otherBody = id("select id from org_unit where type = 'NAMND' and id <> (select body_unit_id from followup_round where id = ?) order by id fetch first 1 rows only", round);
        List<Long> goals = jdbc.sql("select o.object_id from followup_object o join goal_object g on g.id = o.object_id where o.round_id = ? and g.kind = 'NAMNDMAL'")
                .param(round).query(Long.class).list();
        long figure = id("select id from goal_object where kind = 'NYCKELTAL' and title like 'Sjukfrånvaro Dag 59%'");
        for (int i = 0; i < units; i++) {
            long unit = insertUnit(municipality, department, "ENHET", "Tillväxtenhet " + i);
            insertUnit(municipality, otherBody, "ENHET", "Annan enhet " + i);
            for (long goal : goals) {
                jdbc.sql("insert into followup_share (round_id, object_id, unit_id) values (?, ?, ?)").params(round, goal, unit).update();
            }
            jdbc.sql("insert into followup_task (round_id, unit_id, part, state, version) values (?, ?, 'MAL', ?, 0)")
                    .params(round, unit, i % 3 == 0 ? "KLARMARKERAD" : "PAGAR").update();
            jdbc.sql("insert into followup_report (round_id, object_id, unit_id, analysis, updated_at, updated_by, version) values (?, ?, ?, ?, current_timestamp, 'test', 1)")
                    .params(round, goals.get(0), unit, "Analys " + i).update();
            jdbc.sql("insert into followup_outcome (round_id, object_id, unit_id, outcome, version) values (?, ?, ?, ?, 1)")
                    .params(round, figure, unit, 3 + i % 5).update();
        }
        // Rounds of other committees, open and decided, for the lists and the administrator's start page.
        long otherAdmin = insertUnit(municipality, otherBody, "FORVALTNING", "Annan förvaltning");
        for (int i = 0; i < units / 2; i++) {
            jdbc.sql("""
                            insert into followup_round (municipality_id, body_unit_id, admin_unit_id, type, name, as_of, opens_on, state)
                            values (?, ?, ?, 'MANADSUPPFOLJNING', ?, ?, ?, ?)""")
                    .params(municipality, otherBody, otherAdmin, "Månadsuppföljning " + i, java.time.LocalDate.of(2010 + i % 5, 1 + i % 12, 28),
                            java.time.LocalDate.of(2010 + i % 5, 1 + i % 12, 1), i % 2 == 0 ? "OPPEN" : "BESLUTAD").update();
        }
        for (int i = 0; i < objects; i++) {
            long goal = insertObject(municipality, "NAMNDMAL", null, otherBody, "Tillväxtmål " + i);
            long kf = insertObject(municipality, "NYCKELTAL", goal, otherBody, "Tillväxtnyckeltal " + i);
            for (int year = 2019; year <= 2024; year++) {
                jdbc.sql("insert into measure_value (object_id, year, outcome, target) values (?, ?, ?, ?)").params(kf, year, i, i + 1).update();
            }
        }
        for (long goal : goals) {
            for (int i = 0; i < 3; i++) {
                long kf = insertObject(municipality, "NYCKELTAL", goal, id("select owner_unit_id from goal_object where id = ?", goal), "Nytt nyckeltal " + i);
                jdbc.sql("insert into measure_value (object_id, year, outcome, target) values (?, 2022, 1, 2)").param(kf).update();
            }
        }
    }

    private long insertUnit(long municipality, long parent, String type, String name) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("insert into org_unit (municipality_id, parent_id, type, name, position, active) values (?, ?, ?, ?, 100, true)")
                .params(municipality, parent, type, name).update(key, "id");
        return key.getKeyAs(Long.class);
    }

    private long insertObject(long municipality, String kind, Long parent, long owner, String title) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("insert into goal_object (municipality_id, kind, parent_id, owner_unit_id, position, title, direction) values (?, ?, ?, ?, 100, ?, ?)")
                .params(municipality, kind, parent, owner, title, kind.equals("NYCKELTAL") ? "INCREASE" : null).update(key, "id");
        return key.getKeyAs(Long.class);
    }
}
