package se.styr.followup;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseBody;
import se.styr.platform.NotFoundException;

/**
 * Decided reports without login: each decided version exactly as it was decided (its stored HTML), with the decision
 * it refers to, as a page and as open JSON. Only {@code followup_report_version} is read, so nothing that is not
 * decided can be shown.
 */
@Controller
@Tag(name = "Uppföljningsrapporter (öppna data)", description = "Beslutade rapporter, öppet utan inloggning")
class PublicReports {

    private final JdbcClient jdbc;

    PublicReports(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A decided version as the public list shows it. */
    record Decided(long roundId, int number, String name, String body, LocalDate decidedOn, String decisionRef) {
    }

    /** A decided version as the open JSON lists it, with where its whole text is. */
    record Listed(Decided report, String url) {
    }

    /** A decided version with its stored HTML, exactly as it was decided. */
    record Published(Decided report, String html) {
    }

    private static final String DECIDED = """
            select v.round_id, v.number, r.name, u.name as body, v.decided_on, v.decision_ref
            from followup_report_version v join followup_round r on r.id = v.round_id join org_unit u on u.id = r.body_unit_id""";

    private List<Decided> all() {
        return jdbc.sql(DECIDED + " order by v.decided_on desc, v.round_id, v.number desc").query(Decided.class).list();
    }

    private Published one(long roundId, int number) {
        Decided decided = jdbc.sql(DECIDED + " where v.round_id = ? and v.number = ?").params(roundId, number)
                .query(Decided.class).optional().orElseThrow(() -> new NotFoundException("Rapporten", roundId));
        return new Published(decided, jdbc.sql("select html from followup_report_version where round_id = ? and number = ?")
                .params(roundId, number).query(String.class).single());
    }

    @GetMapping("/publicerat/rapporter")
    String list(Model model) {
        model.addAttribute("reports", all());
        return "followup/public-reports";
    }

    @GetMapping("/publicerat/rapporter/{roundId}/version/{number}")
    String show(@PathVariable long roundId, @PathVariable int number, Model model) {
        Published published = one(roundId, number);
        model.addAttribute("decided", published.report());
        model.addAttribute("article", published.html());
        return "followup/public-report";
    }

    @GetMapping("/api/v1/public/reports")
    @ResponseBody
    @Operation(summary = "Beslutade uppföljningsrapporter, senast beslutade först")
    List<Listed> listed() {
        return all().stream().map(d -> new Listed(d, "/api/v1/public/reports/" + d.roundId() + "/versions/" + d.number())).toList();
    }

    @GetMapping("/api/v1/public/reports/{roundId}/versions/{number}")
    @ResponseBody
    @Operation(summary = "En beslutad rapport med dess HTML, så som den beslutades")
    Published version(@PathVariable long roundId, @PathVariable int number) {
        return one(roundId, number);
    }
}
