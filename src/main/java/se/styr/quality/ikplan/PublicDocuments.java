package se.styr.quality.ikplan;

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
import se.styr.platform.Messages;
import se.styr.platform.NotFoundException;

/**
 * Decided risk analyses and internal-control plans without login, as a page and as open JSON: each decided version
 * exactly as it was decided (its stored HTML). Only {@code quality_document_version} is read, so a document that is
 * not decided has nothing to show.
 */
@Controller
@Tag(name = "Riskanalys och internkontrollplan (öppna data)", description = "Beslutade versioner, öppet utan inloggning")
class PublicDocuments {

    private final JdbcClient jdbc;
    private final Messages messages;

    PublicDocuments(JdbcClient jdbc, Messages messages) {
        this.jdbc = jdbc;
        this.messages = messages;
    }

    /** A decided version as the public list and the JSON show it. */
    record Decided(long id, String municipality, String body, int year, DocumentKind kind, String title, int number,
                   LocalDate decidedOn, String reference, String url) {
    }

    /** A decided version with its stored HTML. */
    record Published(Decided version, String html) {
    }

    private static final String DECIDED = """
            select v.id, m.name, u.name, v.year, v.kind, v.number, v.decided_on, v.decision_ref
            from quality_document_version v join org_unit u on u.id = v.body_unit_id join municipality m on m.id = v.municipality_id""";

    private List<Decided> query(String where, Object... params) {
        return jdbc.sql(DECIDED + where).params(params).query((rs, n) -> {
            DocumentKind kind = DocumentKind.valueOf(rs.getString(5));
            return new Decided(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4), kind,
                    messages.text("ikplan.document.title." + kind, String.valueOf(rs.getInt(4)), rs.getString(3)),
                    rs.getInt(6), rs.getDate(7).toLocalDate(), rs.getString(8), "/api/v1/public/quality-documents/" + rs.getLong(1));
        }).list();
    }

    private Published one(long id) {
        Decided d = query(" where v.id = ?", id).stream().findFirst().orElseThrow(() -> new NotFoundException("Dokumentet", id));
        return new Published(d, jdbc.sql("select html from quality_document_version where id = ?").param(id).query(String.class).single());
    }

    @GetMapping("/publicerat/kvalitet")
    String list(Model model) {
        model.addAttribute("documents", query(" order by v.decided_on desc, v.id desc"));
        return "quality/ikplan/public-documents";
    }

    @GetMapping("/publicerat/kvalitet/{id}")
    String show(@PathVariable long id, Model model) {
        Published p = one(id);
        model.addAttribute("decided", p.version());
        model.addAttribute("article", p.html());
        return "quality/ikplan/public-document";
    }

    @GetMapping("/api/v1/public/quality-documents")
    @ResponseBody
    @Operation(summary = "Beslutade riskanalyser och internkontrollplaner, senast beslutade först")
    List<Decided> all() {
        return query(" order by v.decided_on desc, v.id desc");
    }

    @GetMapping("/api/v1/public/quality-documents/{id}")
    @ResponseBody
    @Operation(summary = "En beslutad version med dess HTML, så som den beslutades")
    Published version(@PathVariable long id) {
        return one(id);
    }
}
