package se.styr.quality.ikplan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.transaction.annotation.Transactional;
import se.styr.MvcTestSupport;
import se.styr.StyrIntegrationTest;
import se.styr.followup.FollowupService;
import se.styr.followup.Round;
import se.styr.followup.RoundType;

/**
 * A point deferred to a later year is not followed up in its year's rounds and is in the later year's: the demo's
 * point 1 (2022 → 2023) is not asked for in Delårsbokslut 2022, and a deferral made, or taken back, while rounds are
 * open moves the point out of and into them, with the units' tasks following.
 */
@StyrIntegrationTest
@Transactional
class DeferredFollowupTest extends MvcTestSupport {

    static final String POINT_2 = "Risker i samband med organisationsförändringar";
    static final String POINT_6 = "Risk för att omställning till digital teknik";

    @Autowired
    FollowupService followup;

    @AfterEach
    void logOut() {
        SecurityContextHolder.clearContext();
    }

    private long von() {
        return id("select id from org_unit where code = 'VON'");
    }

    private long point(String titleStart) {
        return id("select id from goal_object where kind = 'INTERNKONTROLLPUNKT' and title like ? and owner_unit_id = ?", titleStart + "%", von());
    }

    private long interim2022() {
        return id("select id from followup_round where name = 'Delårsbokslut 2022'");
    }

    /** The positions of the round's control points. */
    private List<Integer> controlPoints(long roundId) {
        return jdbc.sql("""
                        select o.position from followup_object f join goal_object o on o.id = f.object_id
                        where f.round_id = ? and o.kind = 'INTERNKONTROLLPUNKT' order by o.position""")
                .param(roundId).query(Integer.class).list();
    }

    private List<String> sharedTo(long roundId, long pointId) {
        return jdbc.sql("select u.code from followup_share s join org_unit u on u.id = s.unit_id where s.round_id = ? and s.object_id = ? order by u.code")
                .params(roundId, pointId).query(String.class).list();
    }

    private long ikTask(long roundId, String unitCode) {
        return id("select t.id from followup_task t join org_unit u on u.id = t.unit_id where t.round_id = ? and u.code = ? and t.part = 'IK'",
                roundId, unitCode);
    }

    private long ikTasks(long roundId) {
        return id("select count(*) from followup_task where round_id = ? and part = 'IK'", roundId);
    }

    @Test
    void the_interim_round_2022_does_not_ask_for_point_1_deferred_to_2023() throws Exception {
        long round = interim2022();
        long point1 = point(ControlPlanTest.POINT_1);
        // points 2, 6 and 7 are due at the interim report; point 1 was due too, but is followed up in 2023
        assertThat(controlPoints(round)).containsExactly(2, 6, 7);
        assertThat(sharedTo(round, point1)).isEmpty();
        // Förvaltningskontoret's task asks for points 2 and 6, not for point 1
        mvc.perform(get("/uppfoljning/uppgift/" + ikTask(round, "VOF-FK")).with(as("controller")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(POINT_2)))
                .andExpect(content().string(containsString(POINT_6)))
                .andExpect(content().string(not(containsString(ControlPlanTest.POINT_1))));
        // the plan still says why, and what the administration wrote on it in the interim report
        mvc.perform(get("/kvalitet/internkontroll").param("organ", String.valueOf(von())).param("ar", "2022").with(as("politiker")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Uppföljningen flyttas till 2023")));
        // the compiled report names it as moved, with the administration's note, as the seed's interim report does
        mvc.perform(get("/uppfoljning/" + round + "/rapport").with(as("politiker")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("1. " + ControlPlanTest.POINT_1)))
                .andExpect(content().string(containsString("Uppföljningen flyttad till 2023")))
                .andExpect(content().string(containsString("Vid delårsbokslut har 4 av nämndens 7 internkontrollpunkter följts upp.")));
        // it is not offered to be taken into the round, and taking it in is refused in Swedish
        mvc.perform(get("/uppfoljning/" + round).with(as("controller")))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString(ControlPlanTest.POINT_1))));
        SecurityContextHolder.getContext().setAuthentication(authentication("controller"));
        int version = followup.round(round).version();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> followup.share(round, point1, true,
                        java.util.Set.of(id("select id from org_unit where code = 'VOF-FK'")), version))
                .isInstanceOfSatisfying(se.styr.platform.ValidationException.class, e -> assertThat(e.problems())
                        .extracting(se.styr.platform.ValidationException.Problem::messageKey).containsExactly("uppf.validering.flyttad"));
        assertThat(sharedTo(round, point1)).isEmpty();
    }

    @Test
    void a_deferral_moves_the_point_out_of_its_years_open_rounds_into_the_later_years_and_back_when_taken_back() throws Exception {
        long round = interim2022();
        long point2 = point(POINT_2);
        long point6 = point(POINT_6);
        long before = id("select coalesce(max(id), 0) from audit_entry");
        mvc.perform(post("/kvalitet/internkontroll/" + point2 + "/uppskjut").with(as("controller")).with(csrf())
                        .param("organ", String.valueOf(von())).param("ar", "2022").param("deferredTo", "2025").param("version", "")
                        .param("reason", "Omorganisationen skjuts upp till 2025."))
                .andExpect(status().is3xxRedirection());
        assertThat(controlPoints(round)).containsExactly(6, 7);
        assertThat(sharedTo(round, point2)).isEmpty();
        // Förvaltningskontoret still has point 6 to report, so its task stays
        assertThat(ikTasks(round)).isEqualTo(2);
        // the round's sharing is audited old → new beside the deferral
        assertThat(jdbc.sql("select object_type from audit_entry where id > ? order by id").param(before).query(String.class).list())
                .containsExactly("internal_control_deferral", "followup_share");
        String change = jdbc.sql("select new_value from audit_entry where id > ? and object_type = 'followup_share'").param(before)
                .query(String.class).single();
        assertThat(change).contains("false");

        // deferring point 6 as well leaves Förvaltningskontoret nothing to report: its task goes
        mvc.perform(post("/kvalitet/internkontroll/" + point6 + "/uppskjut").with(as("controller")).with(csrf())
                        .param("organ", String.valueOf(von())).param("ar", "2022").param("deferredTo", "2023").param("version", "")
                        .param("reason", "Strategin beslutas först 2023."))
                .andExpect(status().is3xxRedirection());
        assertThat(controlPoints(round)).containsExactly(7);
        assertThat(ikTasks(round)).isEqualTo(1);

        // a round of 2025 takes in point 2, though its plan period (2022–2024) has ended
        SecurityContextHolder.getContext().setAuthentication(authentication("controller"));
        Round r2025 = followup.open(new FollowupService.OpenRound(von(), RoundType.DELARSBOKSLUT, null, LocalDate.of(2025, 8, 31),
                LocalDate.of(2025, 8, 12), LocalDate.of(2025, 8, 23), LocalDate.of(2025, 8, 30)));
        assertThat(controlPoints(r2025.id())).containsExactly(2);
        assertThat(sharedTo(r2025.id(), point2)).isNotEmpty().allMatch(code -> code.startsWith("VOF-"));
        assertThat(ikTasks(r2025.id())).isEqualTo(sharedTo(r2025.id(), point2).size());
        SecurityContextHolder.clearContext();

        // taken back: point 2 leaves the round of 2025 and is in the interim round 2022 again, shared to the departments
        mvc.perform(post("/kvalitet/internkontroll/" + point2 + "/aterta").with(as("controller")).with(csrf())
                        .param("organ", String.valueOf(von())).param("ar", "2022").param("version", "0"))
                .andExpect(status().is3xxRedirection());
        assertThat(controlPoints(r2025.id())).isEmpty();
        assertThat(ikTasks(r2025.id())).isZero();
        assertThat(controlPoints(round)).containsExactly(2, 7);
        assertThat(sharedTo(round, point2)).contains("VOF-FK");
        mvc.perform(get("/uppfoljning/uppgift/" + ikTask(round, "VOF-FK")).with(as("controller")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(POINT_2)))
                .andExpect(content().string(not(containsString(ControlPlanTest.POINT_1))));
    }

    @Test
    void a_decided_round_keeps_what_it_followed_up() throws Exception {
        long round = interim2022();
        jdbc.sql("update followup_round set state = 'BESLUTAD' where id = ?").param(round).update();
        mvc.perform(post("/kvalitet/internkontroll/" + point(POINT_2) + "/uppskjut").with(as("controller")).with(csrf())
                        .param("organ", String.valueOf(von())).param("ar", "2022").param("deferredTo", "2023").param("version", "")
                        .param("reason", "Flyttas."))
                .andExpect(status().is3xxRedirection());
        assertThat(controlPoints(round)).containsExactly(2, 6, 7);
    }

    private UsernamePasswordAuthenticationToken authentication(String username) {
        UserDetails u = users.loadUserByUsername(username);
        return new UsernamePasswordAuthenticationToken(u, null, u.getAuthorities());
    }
}
