package se.styr.followup;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;
import se.styr.audit.AuditLog;
import se.styr.economy.followup.AnnualAccounts;
import se.styr.economy.followup.AnnualAccountsService;
import se.styr.economy.followup.EconomicFollowupService;
import se.styr.goals.AssignmentStatus;
import se.styr.goals.GoalObject;
import se.styr.goals.GoalQueries;
import se.styr.goals.GoalState;
import se.styr.goals.Kind;
import se.styr.goals.MeasureValue;
import se.styr.organisation.OrgUnit;
import se.styr.organisation.UnitTree;
import se.styr.platform.Messages;
import se.styr.platform.Pdf;
import se.styr.platform.StampedCache;
import se.styr.platform.SwedishFormat;

/**
 * Compiles a round into the committee's report and renders it: one Thymeleaf article for the screen, for the PDF
 * and for the decided version that is kept.
 *
 * <p>The current draft and its PDF are made once per change of the municipality's data, not once per reader: they are
 * cached under the audit log's data version ({@link AuditLog#dataVersion}), which every committed write raises. The
 * report reads far more than the round (goal objects, key figures and their values, the administration's reports, the
 * control plan, units, the municipality's tolerance, the plan period, the economic follow-up and the budget), so a
 * stamp of the whole municipality is the one that is certainly right: any write anywhere makes the next reader compile
 * again. Writes are rare next to reads (on a deadline day a few a minute, against dozens of readers a second), and a
 * compilation costs tens of milliseconds. Decided versions are stored HTML and never change; their PDFs are cached
 * for good.
 */
@Component
class ReportCompiler {

    private final RoundQueries queries;
    private final Rounds rounds;
    private final RoundPages pages;
    private final GoalQueries goals;
    private final UnitTree tree;
    private final Messages messages;
    private final ITemplateEngine templates;
    private final SwedishFormat sv;
    private final Pdf pdf;
    private final EconomicFollowupService economy;
    private final FollowupRepository repository;
    private final AuditLog audit;
    private final AnnualAccountsService annualAccounts;
    private final AnnualReviews annualReviews;
    private final StampedCache<Long, Draft> drafts;
    private final StampedCache<PdfKey, byte[]> pdfs;

    /** The current draft of a round's report, compiled and rendered as the page and the PDF show it. */
    record Draft(CompiledReport report, String article) {
    }

    /** A round's draft (version 0) or one of its decided versions. */
    private record PdfKey(long roundId, int version) {
    }

    ReportCompiler(RoundQueries queries, Rounds rounds, RoundPages pages, GoalQueries goals,
                   UnitTree tree, Messages messages, ITemplateEngine templates, SwedishFormat sv, Pdf pdf,
                   EconomicFollowupService economy, FollowupRepository repository, AuditLog audit,
                   AnnualAccountsService annualAccounts, AnnualReviews annualReviews,
                   @Value("${styr.report-cache.rounds:8}") int cachedRounds) {
        this.queries = queries;
        this.rounds = rounds;
        this.pages = pages;
        this.goals = goals;
        this.tree = tree;
        this.messages = messages;
        this.templates = templates;
        this.sv = sv;
        this.pdf = pdf;
        this.economy = economy;
        this.repository = repository;
        this.audit = audit;
        this.annualAccounts = annualAccounts;
        this.annualReviews = annualReviews;
        this.drafts = new StampedCache<>(cachedRounds);
        this.pdfs = new StampedCache<>(cachedRounds);
    }

    /**
     * The round's current draft, from the cache while the municipality's data is unchanged. The data version is read
     * before anything the report is made from, the round included, so a cached draft is never older than its version.
     */
    Draft draft(long roundId) {
        Round round = rounds.round(roundId);
        if (AuditLog.hasUncommittedWrites()) {
            return makeDraft(round);
        }
        long stamp = audit.dataVersion(round.municipalityId());
        return drafts.get(roundId, stamp, () -> makeDraft(repository.findRound(roundId).orElseThrow()));
    }

    /** The current draft as a PDF, rendered once per change of the municipality's data. */
    byte[] draftPdf(long roundId) {
        Round round = rounds.round(roundId);
        if (AuditLog.hasUncommittedWrites()) {
            Draft draft = makeDraft(round);
            return pdf(draft.article(), draft.report().title());
        }
        long stamp = audit.dataVersion(round.municipalityId());
        return pdfs.get(new PdfKey(roundId, 0), stamp, () -> {
            Draft draft = drafts.get(roundId, stamp, () -> makeDraft(repository.findRound(roundId).orElseThrow()));
            return pdf(draft.article(), draft.report().title());
        });
    }

    /** A decided version as a PDF: its HTML is kept as decided and never changes. */
    byte[] versionPdf(Round round, int number, Supplier<String> html) {
        return pdfs.get(new PdfKey(round.id(), number), 0, () -> pdf(html.get(), round.name()));
    }

    /** How many drafts and PDFs have been made (not taken from the cache) since the start; for tests. */
    int made() {
        return drafts.made() + pdfs.made();
    }

    /** Empties the cache; for tests that measure a compilation. */
    void forget() {
        drafts.clear();
        pdfs.clear();
    }

    private org.springframework.beans.factory.ObjectProvider<RoundContributions> contributions;

    /** The other modules' sections of the report (the follow-up of immediate actions), found when first needed. */
    @org.springframework.beans.factory.annotation.Autowired
    void setContributions(org.springframework.beans.factory.ObjectProvider<RoundContributions> contributions) {
        this.contributions = contributions;
    }

    private Draft makeDraft(Round round) {
        CompiledReport report = compile(round, null);
        return new Draft(report, article(report));
    }

    private DeferredControls deferred;

    @org.springframework.beans.factory.annotation.Autowired
    void setDeferred(DeferredControls deferred) {
        this.deferred = deferred;
    }

    /** Reads what the report shows in a fixed number of queries: the round's objects, their key figures and values. */
    CompiledReport compile(Round round, ReportVersion decided) {
        List<GoalObject> included = pages.objectsOf(round);
        Map<Long, Report> reports = queries.reportsOfUnit(round.id(), round.adminUnitId());
        long admin = round.adminUnitId();
        java.util.function.Function<GoalObject, Report> adminReport = o ->
                reports.getOrDefault(o.id(), Report.empty(round.id(), o.id(), admin));
        int year = round.year();
        List<Integer> years = List.of(year, year - 1, year - 2);

        Map<Long, GoalObject> priorityGoals = goals.objects(round.municipalityId(), included.stream()
                        .filter(o -> o.kind() == Kind.NAMNDMAL && o.parentId() != null).map(GoalObject::parentId).toList())
                .stream().collect(Collectors.toMap(GoalObject::id, o -> o));
        Set<Long> unitIds = new java.util.HashSet<>(List.of(round.bodyUnitId(), admin));
        included.stream().map(GoalObject::givenByUnitId).filter(Objects::nonNull).forEach(unitIds::add);
        Map<Long, OrgUnit> units = tree.byIds(unitIds);
        Map<GoalObject, List<CompiledReport.GoalEntry>> byPriority = new LinkedHashMap<>();
        List<CompiledReport.GoalEntry> workGoals = new ArrayList<>();
        List<CompiledReport.AssignmentEntry> assignments = new ArrayList<>();
        List<CompiledReport.FactorEntry> factors = new ArrayList<>();
        List<CompiledReport.ControlEntry> controls = new ArrayList<>();
        Map<Long, List<GoalObject>> figures = goals.activeChildren(included.stream().map(GoalObject::id).toList(), Kind.NYCKELTAL);
        Map<Long, List<MeasureValue>> values = goals.values(figures.values().stream().flatMap(List::stream).map(GoalObject::id).toList());
        Rounds.Judging judging = rounds.judging(round);
        // every key figure's line at once, so the rule chosen for a figure (SignalRules) is asked once for the report
        Map<Long, FollowupViews.FigureLine> lines = rounds.judged(round, figures.values().stream().flatMap(List::stream)
                        .map(f -> Rounds.administrationLine(round, judging, f, values.getOrDefault(f.id(), List.of()))).toList())
                .stream().collect(Collectors.toMap(l -> l.figure().id(), l -> l, (a, b) -> a));
        java.util.function.Function<GoalObject, List<CompiledReport.FigureRow>> rows = o ->
                figures(round, figures.getOrDefault(o.id(), List.of()), lines, values, years);
        // A control point keeps its number in the committee's plan, also when only some are due in this round.
        java.util.Collection<Long> bodyTree = tree.of(round.bodyUnitId()).ids();
        List<GoalObject> plan = goals.owned(round.municipalityId(), bodyTree,
                List.of(Kind.INTERNKONTROLLPUNKT), null, List.of());
        Map<Long, Integer> planNumber = new java.util.HashMap<>();
        plan.forEach(o -> planNumber.put(o.id(), planNumber.size() + 1));
        Map<GoalState, Integer> goalStates = new EnumMap<>(GoalState.class);
        int goalNumber = 0;
        List<GoalObject> committeeGoals = included.stream().filter(o -> o.kind() == Kind.NAMNDMAL)
                .sorted(Comparator.comparing((GoalObject o) -> o.parentId() == null || !priorityGoals.containsKey(o.parentId())
                        ? Integer.MAX_VALUE : priorityGoals.get(o.parentId()).position()).thenComparingInt(GoalObject::position))
                .toList();
        for (GoalObject o : committeeGoals) {
            Report r = adminReport.apply(o);
            GoalState state = r.assessment() == null ? null : GoalState.valueOf(r.assessment());
            goalStates.merge(state == null ? GoalState.EJ_UTVARDERAD : state, 1, Integer::sum);
            byPriority.computeIfAbsent(o.parentId() == null ? null : priorityGoals.get(o.parentId()), k -> new ArrayList<>())
                    .add(new CompiledReport.GoalEntry(++goalNumber, o, state, r.analysis(), rows.apply(o)));
        }
        for (GoalObject o : included) {
            Report r = adminReport.apply(o);
            switch (o.kind()) {
                case ARBETSMILJOMAL -> workGoals.add(new CompiledReport.GoalEntry(0, o,
                        r.assessment() == null ? null : GoalState.valueOf(r.assessment()), r.analysis(), rows.apply(o)));
                case UPPDRAG -> {
                    AssignmentStatus status = r.status() != null ? r.status() : o.status();
                    GoalState assessment = r.assessment() != null ? GoalState.valueOf(r.assessment())
                            : round.type() == RoundType.ARSBOKSLUT ? AnnualScale.assessmentOf(status) : null;
                    assignments.add(new CompiledReport.AssignmentEntry(o,
                            o.givenByUnitId() == null || !units.containsKey(o.givenByUnitId()) ? null : units.get(o.givenByUnitId()).label(),
                            status, assessment, r.analysis(), r.forecast()));
                }
                case KRITISK_FAKTOR -> factors.add(new CompiledReport.FactorEntry(o, r.analysis(), rows.apply(o)));
                case INTERNKONTROLLPUNKT -> controls.add(new CompiledReport.ControlEntry(planNumber.getOrDefault(o.id(), o.position()), o,
                        r.assessment() == null ? null : ControlAssessment.valueOf(r.assessment()), r.result(), r.action(), null));
                default -> {
                }
            }
        }
        // A point due in this round whose follow-up is moved to a later year is not asked of the units, but the report
        // names it, with what the administration wrote on it, if anything.
        Map<Long, Integer> movedAway = deferred == null ? Map.of() : deferred.movedAway(round, bodyTree);
        Set<Long> includedIds = included.stream().map(GoalObject::id).collect(Collectors.toSet());
        for (GoalObject o : plan) {
            if (movedAway.containsKey(o.id()) && !includedIds.contains(o.id()) && round.type().followsUp(o.followUpOccasion())) {
                Report r = adminReport.apply(o);
                controls.add(new CompiledReport.ControlEntry(planNumber.get(o.id()), o,
                        r.assessment() == null ? null : ControlAssessment.valueOf(r.assessment()), r.result(), r.action(),
                        movedAway.get(o.id())));
            }
        }
        controls.sort(Comparator.comparingInt(CompiledReport.ControlEntry::number));
        List<CompiledReport.GoalGroup> groups = byPriority.entrySet().stream()
                .map(e -> new CompiledReport.GoalGroup(e.getKey(), e.getValue())).toList();
        OrgUnit body = units.get(round.bodyUnitId());
        long allControlPoints = plan.size();
        boolean goalsReported = round.type().reportsGoals() || !included.isEmpty();
        boolean annual = round.type() == RoundType.ARSBOKSLUT;
        return new CompiledReport(round, round.name() + " – " + body.name(), body.name(), units.get(admin).name(),
                round.reportVersion(), decided, round.summary(), years,
                goalsIntro(body, round, committeeGoals.size(), goalStates), groups, workGoals,
                messages.text("rapport.uppdrag.intro", assignments.size()), assignments, factors,
                controlIntro(round, controls, allControlPoints), controls, goalsReported,
                economy.report(round.bodyUnitId(), round.year(), round.asOf().getMonthValue()).orElse(null),
                annual ? annualAccounts(round) : null, annual ? annualReviews.of(round) : null,
                contributions == null ? List.of() : contributions.orderedStream().flatMap(c -> c.sections(round).stream()).toList());
    }

    /** The committee's accounts of the year; null when the round's body has no budget of its own (not a committee). */
    private AnnualAccounts annualAccounts(Round round) {
        try {
            return annualAccounts.committee(round.bodyUnitId(), round.year());
        } catch (se.styr.platform.NotFoundException e) {
            return null;
        }
    }

    private String goalsIntro(OrgUnit body, Round round, int count, Map<GoalState, Integer> states) {
        String breakdown = states.entrySet().stream()
                .map(e -> e.getValue() + " " + messages.text("state." + e.getKey()).toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(", "));
        return messages.text("rapport.mal.intro", body.name(), count, typeLabel(round), breakdown.isEmpty() ? "–" : breakdown);
    }

    private String controlIntro(Round round, List<CompiledReport.ControlEntry> controls, long total) {
        long without = controls.stream().filter(c -> c.assessment() == ControlAssessment.UTAN_ANMARKNING).count();
        long with = controls.stream().filter(c -> c.assessment() == ControlAssessment.MED_ANMARKNING).count();
        return messages.text("rapport.ik.intro", typeLabel(round), controls.size(), total, without, with,
                controls.size() - without - with);
    }

    private String typeLabel(Round round) {
        return messages.text("roundType." + round.type()).toLowerCase(Locale.ROOT);
    }

    /** The object's key figures at the administration level: the committee's own series in the goal chain. */
    private static List<CompiledReport.FigureRow> figures(Round round, List<GoalObject> figures,
                                                         Map<Long, FollowupViews.FigureLine> lines,
                                                         Map<Long, List<MeasureValue>> allValues, List<Integer> years) {
        List<CompiledReport.FigureRow> rows = new ArrayList<>();
        for (GoalObject f : figures) {
            List<MeasureValue> values = allValues.getOrDefault(f.id(), List.of());
            FollowupViews.FigureLine line = lines.get(f.id());
            BigDecimal target = values.stream().filter(v -> v.year() == round.year()).map(MeasureValue::target)
                    .filter(Objects::nonNull).findFirst().orElse(Rounds.targetFor(values, round.year()));
            List<BigDecimal> outcomes = years.stream().map(y -> values.stream().filter(v -> v.year() == y)
                    .map(MeasureValue::outcome).filter(Objects::nonNull).findFirst().orElse(null)).toList();
            rows.add(new CompiledReport.FigureRow(f, target, outcomes, line.signal(), line.trend()));
        }
        return rows;
    }

    /** The article of a version being decided, as it is kept: with the decision and the tasks not approved then. */
    String decidedArticle(Round decided, FollowupService.Decision in) {
        Unapproved unapproved = Unapproved.of(queries, decided);
        return article(compile(decided, new ReportVersion(0, decided.id(), decided.reportVersion(), in.decidedOn(),
                in.decisionRef(), in.note(), null, null, unapproved.count())));
    }

    private List<ReportColumns> columns = List.of();

    /** The other modules' extra columns beside the key figures' outcomes (none when no module offers one). */
    @org.springframework.beans.factory.annotation.Autowired(required = false)
    void setColumns(List<ReportColumns> columns) {
        this.columns = columns;
    }

    private static List<GoalObject> figures(CompiledReport report) {
        List<GoalObject> figures = new ArrayList<>();
        report.goalGroups().forEach(g -> g.goals().forEach(e -> e.figures().forEach(f -> figures.add(f.figure()))));
        report.workGoals().forEach(e -> e.figures().forEach(f -> figures.add(f.figure())));
        report.factors().forEach(e -> e.figures().forEach(f -> figures.add(f.figure())));
        return figures;
    }

    /** The report as an HTML article: the same markup on the page, in the PDF and in the kept decided version. */
    String article(CompiledReport report) {
        Context context = new Context(Messages.SWEDISH);
        context.setVariable("r", report);
        List<GoalObject> figures = figures(report);
        boolean extras = !figures.isEmpty() && !report.outcomeYears().isEmpty();
        int year = extras ? report.outcomeYears().stream().mapToInt(Integer::intValue).max().getAsInt() : 0;
        List<ReportColumns.Column> added = new ArrayList<>();
        Map<Long, String> charts = new java.util.HashMap<>();
        if (extras) {
            columns.forEach(c -> {
                ReportColumns.Additions a = c.additions(figures, year);
                added.addAll(a.columns());
                charts.putAll(a.charts());
            });
        }
        context.setVariable("columns", added);
        context.setVariable("charts", charts);
        context.setVariable("sv", sv);
        return templates.process("followup/report-article", context);
    }

    /** A whole printable document around an article. */
    String document(String article, String title) {
        Context context = new Context(Messages.SWEDISH);
        context.setVariable("article", article);
        context.setVariable("title", title);
        return templates.process("followup/report-document", context);
    }

    byte[] pdf(String article, String title) {
        return pdf.fromHtml(document(article, title), title);
    }
}
