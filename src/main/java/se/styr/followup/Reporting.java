package se.styr.followup;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.styr.accounts.Access;
import se.styr.audit.AuditLog;
import se.styr.goals.AssignmentStatus;
import se.styr.goals.GoalObject;
import se.styr.goals.GoalService;
import se.styr.goals.GoalState;
import se.styr.goals.Kind;
import se.styr.goals.Signal;
import se.styr.goals.Trend;
import se.styr.organisation.OrgUnit;
import se.styr.organisation.Organisation;
import se.styr.organisation.UnitTree;
import se.styr.platform.NotFoundException;
import se.styr.platform.Problems;

/**
 * Reporting in a round: a unit's report on an object (analysis, assessment, result and action, status and forecast)
 * and the controllers' outcomes per unit for a key figure. Saving a unit's first report starts its task.
 */
@Service
public class Reporting {

    private static final BigDecimal NUMBER_LIMIT = new BigDecimal("100000000000000");

    private final FollowupRepository repository;
    private final RoundQueries queries;
    private final Rounds rounds;
    private final TaskWorkflow workflow;
    private final GoalService goals;
    private final Organisation organisation;
    private final UnitTree tree;
    private final Access access;
    private final AuditLog audit;

    Reporting(FollowupRepository repository, RoundQueries queries, Rounds rounds, TaskWorkflow workflow, GoalService goals,
              Organisation organisation, UnitTree tree, Access access, AuditLog audit) {
        this.repository = repository;
        this.queries = queries;
        this.rounds = rounds;
        this.workflow = workflow;
        this.goals = goals;
        this.organisation = organisation;
        this.tree = tree;
        this.access = access;
        this.audit = audit;
    }

    /** A controller's entry of one unit's outcome for a key figure; overriding signal or trend needs a reason. */
    public record OutcomeInput(Long unitId, BigDecimal outcome, BigDecimal target, BigDecimal previousOutcome,
                               Signal signalOverride, Trend trendOverride, String reason, Integer version) {
    }

    @Transactional
    public void saveOutcomes(long roundId, long figureId, List<OutcomeInput> rows) {
        Round round = rounds.round(roundId);
        if (rows.isEmpty()) { // the rights are checked per row below: a save of no rows still needs the round's
            access.require(Access.Action.MANAGE_ROUNDS, round.bodyUnitId());
        }
        Rounds.requireOpen(round);
        GoalObject figure = goals.get(figureId);
        Problems p = new Problems();
        p.check(figure.kind() == Kind.NYCKELTAL && figure.parentId() != null
                && queries.includes(roundId, figure.parentId()), "figure", "uppf.validering.nyckeltal");
        p.throwIfAny();
        Set<Long> sharedTo = queries.sharedTo(roundId, figure.parentId());
        Map<Long, Outcome> existing = queries.outcomes(roundId, List.of(figureId), null).stream()
                .collect(Collectors.toMap(Outcome::unitId, Function.identity()));
        List<Outcome> toSave = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            OutcomeInput in = rows.get(i);
            String field = "rows[" + i + "]";
            if (in.unitId() == null || !sharedTo.contains(in.unitId())) {
                p.add(field + ".unitId", "uppf.validering.enhet", in.unitId());
                continue;
            }
            access.require(Access.Action.MANAGE_ROUNDS, in.unitId());
            checkNumber(p, field + ".outcome", in.outcome());
            checkNumber(p, field + ".target", in.target());
            checkNumber(p, field + ".previousOutcome", in.previousOutcome());
            String reason = Rounds.blankToNull(in.reason());
            boolean override = in.signalOverride() != null || in.trendOverride() != null;
            p.check(!override || reason != null, field + ".reason", "uppf.validering.orsak");
            p.check(reason == null || reason.length() <= Rounds.SHORT_TEXT_MAX, field + ".reason", "validering.text.lang", Rounds.SHORT_TEXT_MAX);
            Outcome current = existing.get(in.unitId());
            int version = in.version() == null ? 0 : in.version();
            toSave.add(new Outcome(current == null ? null : current.id(), roundId, figureId, in.unitId(), in.outcome(),
                    in.target(), in.previousOutcome(), in.signalOverride(), in.trendOverride(), override ? reason : null, version));
        }
        p.throwIfAny();
        Map<Long, OrgUnit> units = tree.byIds(toSave.stream().map(Outcome::unitId).toList());
        for (Outcome o : toSave) {
            Outcome before = existing.get(o.unitId());
            if (before != null && sameValues(before, o) && before.version() == o.version()) {
                continue;
            }
            if (before == null && o.outcome() == null && o.target() == null && o.previousOutcome() == null
                    && o.signalOverride() == null && o.trendOverride() == null) {
                continue;
            }
            repository.saveOutcome(o);
            audit.record(round.municipalityId(), "followup_outcome", figureId, before == null ? AuditLog.Action.SKAPAD : AuditLog.Action.ANDRAD,
                    "Utfall " + round.name() + ": " + figure.title() + ", " + units.get(o.unitId()).name(), before, o);
        }
    }

    private static boolean sameValues(Outcome a, Outcome b) {
        return eq(a.outcome(), b.outcome()) && eq(a.target(), b.target()) && eq(a.previousOutcome(), b.previousOutcome())
                && a.signalOverride() == b.signalOverride() && a.trendOverride() == b.trendOverride()
                && Objects.equals(a.overrideReason(), b.overrideReason());
    }

    private static boolean eq(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    private static void checkNumber(Problems p, String field, BigDecimal n) {
        p.check(n == null || (n.abs().compareTo(NUMBER_LIMIT) < 0 && n.stripTrailingZeros().scale() <= 4), field, "validering.tal.storlek");
    }

    /** What a unit writes on one object. {@code assessment} is a GoalState or a ControlAssessment name, by object. */
    public record ReportInput(String analysis, String assessment, String result, String action, AssignmentStatus status,
                              String forecast) {
    }

    @Transactional
    public Report saveReport(long roundId, long unitId, long objectId, ReportInput in, int version) {
        Round round = rounds.round(roundId);
        Rounds.requireOpen(round);
        if (!queries.includes(roundId, objectId)) {
            throw new NotFoundException("Objektet i uppföljningen", objectId);
        }
        GoalObject object = goals.get(objectId);
        boolean adminLevel = unitId == round.adminUnitId();
        Part part = Part.of(object.kind());
        if (!adminLevel && !queries.isShared(roundId, objectId, unitId)) {
            throw new NotFoundException("Objektet för enheten", objectId);
        }
        access.require(Access.Action.REPORT, unitId);
        Task task = queries.task(roundId, unitId, part).orElse(null);
        Problems.when(!adminLevel && (task == null || !task.state().isOpen()), "task", "uppf.validering.klarmarkerad");
        Problems.when(!adminLevel && rounds.today().isBefore(round.opensOn()), "task", "uppf.validering.inteOppnad", round.opensOn());

        Problems p = new Problems();
        String analysis = Rounds.text(p, "analysis", in.analysis(), Rounds.TEXT_MAX);
        String result = part == Part.IK ? Rounds.text(p, "result", in.result(), Rounds.TEXT_MAX) : null;
        String action = part == Part.IK ? Rounds.text(p, "action", in.action(), Rounds.TEXT_MAX) : null;
        String forecast = part == Part.UPPDRAG ? Rounds.text(p, "forecast", in.forecast(), Rounds.SHORT_TEXT_MAX) : null;
        AssignmentStatus status = part == Part.UPPDRAG ? in.status() : null;
        String assessment = Rounds.blankToNull(in.assessment());
        if (assessment != null) {
            boolean valid = switch (part) {
                case IK -> isOneOf(ControlAssessment.class, assessment);
                case MAL -> adminLevel && isOneOf(GoalState.class, assessment);
                case UPPDRAG -> adminLevel && isOneOf(GoalState.class, assessment) && !assessment.equals(GoalState.EJ_UTVARDERAD.name());
                case KVF, ATGARD -> false;
            };
            p.check(valid, "assessment", "validering.val");
        }
        if (!p.has("assessment")) {
            AnnualScale.check(round.type(), part, assessment, status, p);
        }
        p.throwIfAny();
        Report current = repository.findReport(roundId, objectId, unitId).orElse(null);
        Report after = new Report(current == null ? null : current.id(), roundId, objectId, unitId, analysis, assessment,
                result, action, status, forecast, null, null, version);
        repository.saveReport(after, Rounds.actor());
        Report saved = repository.findReport(roundId, objectId, unitId).orElseThrow();
        audit.record(round.municipalityId(), "followup_report", saved.id(), current == null ? AuditLog.Action.SKAPAD : AuditLog.Action.ANDRAD,
                "Rapportering " + round.name() + ": " + object.title() + ", " + organisation.unit(unitId).name(),
                current == null ? null : reportFields(current), reportFields(saved));
        if (task != null && task.state() == TaskState.EJ_PABORJAD) {
            workflow.setTaskState(round, task, TaskState.PAGAR, task.comment(), false);
        }
        return saved;
    }

    private static Map<String, Object> reportFields(Report r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("analys", r.analysis());
        m.put("bedomning", r.assessment());
        m.put("resultat", r.result());
        m.put("atgard", r.action());
        m.put("status", r.status());
        m.put("prognos", r.forecast());
        return m;
    }

    private static <E extends Enum<E>> boolean isOneOf(Class<E> type, String value) {
        return Arrays.stream(type.getEnumConstants()).anyMatch(e -> e.name().equals(value));
    }
}
