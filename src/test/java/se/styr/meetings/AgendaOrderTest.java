package se.styr.meetings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.annotation.Transactional;
import se.styr.AuditTrail;
import se.styr.MvcTestSupport;
import se.styr.StyrIntegrationTest;

/**
 * The agenda of VON's meeting of 2022-09-27 reordered as a drag and drop leaves it: the whole order in one post, with
 * the order the page showed. Applied and audited old → new; a stale order is the Swedish 409; an order that is not the
 * agenda's items is a 400; approved minutes refuse it; nothing is written by a refused call.
 */
@StyrIntegrationTest
@Transactional
class AgendaOrderTest extends MvcTestSupport {

    private long meeting(String on) {
        return jdbc.sql("select id from meeting where meets_on = ?").param(java.sql.Date.valueOf(on)).query(Long.class).single();
    }

    private List<Long> order(long meeting) {
        return jdbc.sql("select id from agenda_item where meeting_id = ? order by position, id").param(meeting).query(Long.class).list();
    }

    private long item(long meeting, int caseNumber) {
        return jdbc.sql("select a.id from agenda_item a join meeting_case c on c.id = a.case_id where a.meeting_id = ? and c.number = ?")
                .params(meeting, caseNumber).query(Long.class).single();
    }

    private static String csv(List<Long> ids) {
        return ids.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    private MockHttpServletRequestBuilder reorder(long meeting, List<Long> seen, List<Long> order, Long moved) {
        MockHttpServletRequestBuilder b = post("/namnd/sammantraden/{id}/ordning", meeting).param("tidigare", csv(seen))
                .param("ordning", csv(order)).with(csrf());
        return moved == null ? b : b.param("flyttad", "" + moved);
    }

    @Test
    void the_dragged_order_is_applied_numbered_anew_and_audited() throws Exception {
        long m = meeting("2022-09-27");
        List<Long> before = order(m);
        long delars = item(m, 229);
        // the delårsbokslut (5. in the seed's agenda) dragged to the top
        List<Long> after = new ArrayList<>(before);
        after.remove(delars);
        after.add(0, delars);
        AuditTrail trail = AuditTrail.mark(jdbc);
        mvc.perform(reorder(m, before, after, delars).header("HX-Request", "true").with(as("sekreterare")))
                .andExpect(status().isOk())
                // the agenda comes back renumbered, with the announcement for the live region
                .andExpect(content().string(containsString("hx-swap-oob=\"innerHTML:#agenda-status\"")))
                .andExpect(content().string(containsString(
                        "Ärendelistans nya ordning är sparad: Delårsbokslut för vård- och omsorgsnämnden 2022 är nu punkt 1.")))
                .andExpect(content().string(containsString("value=\"" + csv(after) + "\"")))
                .andExpect(content().string(not(containsString("<html"))));
        assertThat(order(m)).containsExactlyElementsOf(after);
        trail.changed(MeetingService.AUDIT_TYPE, m, "sekreterare", "5. Delårsbokslut för vård- och omsorgsnämnden 2022 (2022.229 VON)",
                "1. Delårsbokslut för vård- och omsorgsnämnden 2022 (2022.229 VON)");
        mvc.perform(get("/namnd/sammantraden/{id}", m).with(as("sekreterare"))).andExpect(status().isOk())
                .andExpect(content().string(containsString("data-reorder=\"agenda-order\"")))
                .andExpect(content().string(containsString("draggable=\"true\"")));

        // a plain post (no script) is applied too and leads back to the meeting
        mvc.perform(reorder(m, after, before, null).with(as("sekreterare")))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/namnd/sammantraden/" + m));
        assertThat(order(m)).containsExactlyElementsOf(before);
    }

    @Test
    void an_order_made_from_an_agenda_that_has_changed_since_is_refused_with_409() throws Exception {
        long m = meeting("2022-09-27");
        List<Long> seen = order(m);
        // someone moved an item with the buttons after the page was read
        mvc.perform(post("/namnd/sammantraden/{id}/punkter/{item}/flytta", m, item(m, 229)).param("riktning", "upp")
                .with(as("sekreterare")).with(csrf())).andExpect(status().is3xxRedirection());
        List<Long> now = order(m);
        assertThat(now).isNotEqualTo(seen);
        List<Long> mine = new ArrayList<>(seen);
        Collections.reverse(mine);
        AuditTrail trail = AuditTrail.mark(jdbc);
        mvc.perform(reorder(m, seen, mine, mine.get(0)).header("HX-Request", "true").with(as("sekreterare")))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("Ärendelistan har ändrats sedan du öppnade sidan")))
                // the list shown is the current one, ready for a new try
                .andExpect(content().string(containsString("value=\"" + csv(now) + "\"")));
        mvc.perform(reorder(m, seen, mine, null).with(as("sekreterare")))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("Ärendelistan har ändrats sedan du öppnade sidan")));
        assertThat(order(m)).containsExactlyElementsOf(now);
        trail.nothingWritten();
    }

    @Test
    void an_order_that_is_not_the_agendas_items_is_refused() throws Exception {
        long m = meeting("2022-09-27");
        List<Long> seen = order(m);
        long other = order(meeting("2022-09-20")).get(0);
        List<Long> missing = seen.subList(1, seen.size());
        List<Long> doubled = new ArrayList<>(seen);
        doubled.set(0, seen.get(1));
        List<Long> foreign = new ArrayList<>(seen);
        foreign.set(0, other);
        AuditTrail trail = AuditTrail.mark(jdbc);
        for (List<Long> wrong : List.of(missing, doubled, foreign)) {
            mvc.perform(reorder(m, seen, wrong, null).with(as("sekreterare")))
                    .andExpect(status().isBadRequest())
                    .andExpect(content().string(containsString("Ordningen stämmer inte med ärendelistans punkter")));
        }
        mvc.perform(reorder(m, seen, foreign, null).header("HX-Request", "true").with(as("sekreterare")))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Ordningen stämmer inte med ärendelistans punkter")));
        for (String garbage : new String[] {"", "1,,2", "x", "1;2"}) {
            mvc.perform(post("/namnd/sammantraden/{id}/ordning", m).param("tidigare", csv(seen)).param("ordning", garbage)
                    .with(csrf()).with(as("sekreterare"))).andExpect(status().isBadRequest());
        }
        mvc.perform(post("/namnd/sammantraden/{id}/ordning", m).with(csrf()).with(as("sekreterare")))
                .andExpect(status().isBadRequest());
        assertThat(order(m)).containsExactlyElementsOf(seen);
        trail.nothingWritten();
    }

    @Test
    void approved_minutes_and_refused_users_change_nothing() throws Exception {
        // the working committee's minutes of 2022-09-20 (§ 67) are approved and frozen
        long au = meeting("2022-09-20");
        List<Long> frozen = order(au);
        mvc.perform(reorder(au, frozen, frozen, null).with(as("sekreterare")))
                .andExpect(status().isConflict()).andExpect(content().string(containsString("Protokollet är justerat och kan inte ändras")));
        mvc.perform(reorder(au, frozen, frozen, null).header("HX-Request", "true").with(as("admin")))
                .andExpect(status().isConflict()).andExpect(content().string(containsString("Protokollet är justerat och kan inte ändras")));
        mvc.perform(get("/namnd/sammantraden/{id}", au).with(as("sekreterare"))).andExpect(status().isOk())
                .andExpect(content().string(not(containsString("draggable=\"true\""))));

        long m = meeting("2022-09-27");
        List<Long> seen = order(m);
        List<Long> reversed = new ArrayList<>(seen);
        Collections.reverse(reversed);
        mvc.perform(reorder(m, seen, reversed, null).with(as("politiker"))).andExpect(status().isForbidden());
        mvc.perform(reorder(m, seen, reversed, null).with(as("controller"))).andExpect(status().isForbidden());
        mvc.perform(post("/namnd/sammantraden/{id}/ordning", m).param("tidigare", csv(seen)).param("ordning", csv(reversed))
                .with(as("sekreterare"))).andExpect(status().isForbidden()); // no CSRF token
        assertThat(order(m)).containsExactlyElementsOf(seen);
    }
}
