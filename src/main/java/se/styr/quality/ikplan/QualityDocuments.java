package se.styr.quality.ikplan;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;
import se.styr.accounts.Access;
import se.styr.audit.AuditLog;
import se.styr.goals.GoalObject;
import se.styr.goals.GoalQueries;
import se.styr.organisation.OrgUnit;
import se.styr.platform.Messages;
import se.styr.platform.NotFoundException;
import se.styr.platform.Pdf;
import se.styr.platform.Problems;
import se.styr.quality.Risk;
import se.styr.quality.RiskMatrix;

/**
 * The risk analysis and the internal-control plan as documents: one Thymeleaf article per document, the same markup on
 * the page, in the PDF and in a decided version; a decided version is the article as it was, stored and never changed.
 */
@Service
public class QualityDocuments {

    static final String AUDIT_TYPE = "quality_document_version";

    /** A compiled document: its title and its article. */
    public record Compiled(DocumentKind kind, OrgUnit body, int year, String title, String article) {
    }

    private final PlanRepository repository;
    private final ControlPlanService plans;
    private final GoalQueries goals;
    private final ITemplateEngine templates;
    private final Messages messages;
    private final Pdf pdf;
    private final Access access;
    private final AuditLog audit;

    QualityDocuments(PlanRepository repository, ControlPlanService plans, GoalQueries goals, ITemplateEngine templates,
                     Messages messages, Pdf pdf, Access access, AuditLog audit) {
        this.repository = repository;
        this.plans = plans;
        this.goals = goals;
        this.templates = templates;
        this.messages = messages;
        this.pdf = pdf;
        this.access = access;
        this.audit = audit;
    }

    /** The document as it stands now (a draft until decided). */
    @Transactional(readOnly = true)
    public Compiled compile(DocumentKind kind, long bodyId, int year) {
        OrgUnit body = plans.body(bodyId);
        Context context = new Context(Messages.SWEDISH);
        context.setVariable("body", body);
        context.setVariable("year", year);
        String title = messages.text("ikplan.document.title." + kind, String.valueOf(year), body.name());
        context.setVariable("title", title);
        if (kind == DocumentKind.RISKANALYS) {
            List<Risk> risks = repository.risks(access.municipalityId(), List.of(body.id()), year);
            List<Long> handlers = risks.stream().map(Risk::goalObjectId).filter(Objects::nonNull).distinct().toList();
            Map<Long, String> titles = goals.objects(access.municipalityId(), handlers).stream()
                    .collect(Collectors.toMap(GoalObject::id, GoalObject::title));
            context.setVariable("risks", risks);
            context.setVariable("handledBy", titles);
            context.setVariable("matrix", RiskMatrix.of(risks));
        } else {
            context.setVariable("plan", plans.plan(body.id(), year));
        }
        return new Compiled(kind, body, year, title, templates.process("quality/ikplan/document-article", context));
    }

    /** A whole printable document around an article, as the PDF renders it. */
    public String document(String article, String title) {
        Context context = new Context(Messages.SWEDISH);
        context.setVariable("article", article);
        context.setVariable("title", title);
        return templates.process("followup/report-document", context);
    }

    public byte[] pdf(String article, String title) {
        return pdf.fromHtml(document(article, title), title);
    }

    public List<DocumentVersion> versions(DocumentKind kind, long bodyId, int year) {
        return repository.versions(access.municipalityId(), plans.body(bodyId).id(), year, kind);
    }

    public DocumentVersion version(long id) {
        return repository.version(access.municipalityId(), id).orElseThrow(() -> new NotFoundException("Versionen", id));
    }

    public String versionHtml(DocumentVersion v) {
        return repository.html(v.id()).orElseThrow(() -> new NotFoundException("Versionen", v.id()));
    }

    public String versionTitle(DocumentVersion v) {
        return messages.text("ikplan.document.title." + v.kind(), String.valueOf(v.year()), plans.body(v.bodyUnitId()).name())
                + " – " + messages.text("ikplan.document.version", v.number());
    }

    /** Marks the document decided: the article as it stands now is stored as the next version and never changes. */
    @Transactional
    public DocumentVersion decide(DocumentKind kind, long bodyId, int year, LocalDate decidedOn, String decisionRef) {
        OrgUnit body = plans.body(bodyId);
        access.require(Access.Action.EDIT_STRUCTURE, body.id());
        Problems p = new Problems();
        p.check(kind != null, "kind", "ikplan.validering.dokument");
        p.check(decidedOn != null, "decidedOn", "ikplan.validering.beslutsdatum");
        p.check(decisionRef != null && !decisionRef.isBlank(), "decisionRef", "ikplan.validering.paragraf");
        p.check(decisionRef == null || decisionRef.strip().length() <= 200, "decisionRef", "validering.text.lang", "200");
        if (kind != null && repository.pendingSubmission(body.id(), year, kind).isPresent()) {
            throw new se.styr.platform.ConflictException(AUDIT_TYPE, body.id(), "ikplan.document.inMinutes");
        }
        p.throwIfAny();
        return store(kind, body, year, decidedOn, decisionRef.strip());
    }

    /** Stores the document as it stands now as its next decided version (the typed decision's and the minutes' path). */
    DocumentVersion store(DocumentKind kind, OrgUnit body, int year, LocalDate decidedOn, String decisionRef) {
        Compiled compiled = compile(kind, body.id(), year);
        String html = templates.process("quality/ikplan/decided", decidedContext(compiled, decidedOn, decisionRef));
        DocumentVersion draft = new DocumentVersion(null, access.municipalityId(), body.id(), year, kind, 0, decidedOn,
                decisionRef, null, access.current().username());
        long id = repository.insert(draft, html);
        DocumentVersion saved = version(id);
        audit.record(saved.municipalityId(), AUDIT_TYPE, id, AuditLog.Action.SKAPAD, compiled.title() + ": version "
                + saved.number() + " beslutad " + decidedOn + " (" + saved.decisionRef() + ")", null, saved);
        return saved;
    }

    private static Context decidedContext(Compiled compiled, LocalDate decidedOn, String decisionRef) {
        Context context = new Context(Messages.SWEDISH);
        context.setVariable("article", compiled.article());
        context.setVariable("decidedOn", decidedOn);
        context.setVariable("decisionRef", decisionRef);
        return context;
    }
}
