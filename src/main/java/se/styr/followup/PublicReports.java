package se.styr.followup;

import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import se.styr.platform.NotFoundException;

/**
 * Decided reports without login: each decided version exactly as it was decided (its stored HTML), with the decision
 * it refers to. Only {@code followup_report_version} is read, so nothing that is not decided can be shown.
 */
@Controller
class PublicReports {

    private final JdbcClient jdbc;

    PublicReports(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A decided version as the public list shows it. */
    record Decided(long roundId, int number, String name, String body, LocalDate decidedOn, String decisionRef) {
    }

    private static final String DECIDED = """
            select v.round_id, v.number, r.name, u.name as body, v.decided_on, v.decision_ref
            from followup_report_version v join followup_round r on r.id = v.round_id join org_unit u on u.id = r.body_unit_id""";

    @GetMapping("/publicerat/rapporter")
    String list(Model model) {
        model.addAttribute("reports", jdbc.sql(DECIDED + " order by v.decided_on desc, v.round_id, v.number desc")
                .query(Decided.class).list());
        return "followup/public-reports";
    }

    @GetMapping("/publicerat/rapporter/{roundId}/version/{number}")
    String show(@PathVariable long roundId, @PathVariable int number, Model model) {
        Decided decided = jdbc.sql(DECIDED + " where v.round_id = ? and v.number = ?").params(roundId, number)
                .query(Decided.class).optional().orElseThrow(() -> new NotFoundException("Rapporten", roundId));
        model.addAttribute("decided", decided);
        model.addAttribute("article", jdbc.sql("select html from followup_report_version where round_id = ? and number = ?")
                .params(roundId, number).query(String.class).single());
        return "followup/public-report";
    }
}
