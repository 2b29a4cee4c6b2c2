package se.styr.followup;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import se.styr.accounts.Access;
import se.styr.followup.FollowupViews.FigureLine;
import se.styr.followup.FollowupViews.TaskView;
import se.styr.goals.Assessment;
import se.styr.goals.GoalObject;
import se.styr.goals.Kind;
import se.styr.goals.MeasureValue;
import se.styr.goals.Signal;
import se.styr.goals.SignalRules;
import se.styr.goals.Trend;
import se.styr.organisation.OrgUnit;
import se.styr.organisation.Organisation;
import se.styr.organisation.PlanPeriod;
import se.styr.platform.Messages;
import se.styr.platform.NotFoundException;
import se.styr.platform.Problems;

/**
 * What every part of the follow-up shares: finding a round or task of the current municipality, the day it is
 * (deadlines and opening dates are judged against it), how a task and a key figure's line are shown, and the
 * small rules on texts and order.
 */
@Component
class Rounds {

    static final ZoneId SWEDEN = ZoneId.of("Europe/Stockholm");
    static final int TEXT_MAX = 10_000;
    static final int SHORT_TEXT_MAX = 2_000;

    private final FollowupRepository repository;
    private final Organisation organisation;
    private final Access access;
    private final Messages messages;
    private final org.springframework.beans.factory.ObjectProvider<SignalRules> signalRules;
    private Clock clock = Clock.system(SWEDEN);

    Rounds(FollowupRepository repository, Organisation organisation, Access access, Messages messages,
           org.springframework.beans.factory.ObjectProvider<SignalRules> signalRules) {
        this.repository = repository;
        this.organisation = organisation;
        this.access = access;
        this.messages = messages;
        this.signalRules = signalRules;
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    /** For tests that need another day than today. */
    void useClock(Clock clock) {
        this.clock = clock;
    }

    Round round(long id) {
        return repository.findRound(id).filter(r -> r.municipalityId() == access.municipalityId())
                .orElseThrow(() -> new NotFoundException("Uppföljningen", id));
    }

    Task task(long taskId) {
        Task task = repository.findTask(taskId).orElseThrow(() -> new NotFoundException("Uppgiften", taskId));
        round(task.roundId());
        return task;
    }

    static void requireOpen(Round round) {
        Problems.when(round.isDecided(), "round", "uppf.validering.beslutad");
    }

    String taskTitle(Round round, Part part, OrgUnit unit) {
        return messages.text("uppf.uppgift.titel", messages.text("part." + part),
                messages.text("roundType." + round.type()).toLowerCase(Locale.ROOT), unit.name());
    }

    TaskView taskView(Round round, Task t, OrgUnit unit) {
        LocalDate due = round.deadlineFor(unit.type());
        boolean overdue = !round.isDecided() && !t.state().isDone() && due != null && today().isAfter(due);
        return new TaskView(t, round, unit, taskTitle(round, t.part(), unit), due, overdue);
    }

    static FollowupViews.Progress progress(List<TaskView> tasks) {
        Map<TaskState, Integer> byState = new EnumMap<>(TaskState.class);
        tasks.forEach(t -> byState.merge(t.task().state(), 1, Integer::sum));
        return new FollowupViews.Progress(tasks.size(), byState, (int) tasks.stream().filter(TaskView::overdue).count());
    }

    /** What a key figure's signal is judged with in a round: the municipality's tolerance and the plan's first year. */
    record Judging(BigDecimal tolerance, Integer firstYear) {
    }

    Judging judging(Round round) {
        return new Judging(organisation.municipality(round.municipalityId()).nearTargetTolerance(),
                round.periodId() == null ? null : organisation.findPeriod(round.periodId()).map(PlanPeriod::firstYear).orElse(null));
    }

    /** A key figure's line for one unit: the unit's outcome against its target, with signal and trend. */
    static FigureLine figureLine(Round round, Judging judging, GoalObject figure, Outcome outcome, List<MeasureValue> values) {
        BigDecimal tolerance = figure.nearTargetTolerance() != null ? figure.nearTargetTolerance() : judging.tolerance();
        BigDecimal target = outcome != null && outcome.target() != null ? outcome.target() : targetFor(values, round.year());
        BigDecimal value = outcome == null ? null : outcome.outcome();
        Signal signal = Assessment.evaluate(figure.direction(), round.year(), value, round.year(), target,
                Assessment.baseline(values, judging.firstYear()), tolerance).signal();
        Trend trend = Assessment.trend(Arrays.asList(
                new MeasureValue(round.year() - 1, outcome == null ? null : outcome.previousOutcome(), null),
                new MeasureValue(round.year(), value, null)));
        boolean signalOverridden = outcome != null && outcome.signalOverride() != null;
        boolean trendOverridden = outcome != null && outcome.trendOverride() != null;
        return new FigureLine(figure, outcome, target, signalOverridden ? outcome.signalOverride() : signal,
                trendOverridden ? outcome.trendOverride() : trend, signalOverridden, trendOverridden);
    }

    /**
     * The lines judged by the rule chosen for each figure in another module ({@link SignalRules}, the guidelines' rules
     * of the Kolada module): the round's outcome against its target, every line asked in one call, so a page or report
     * costs the same whatever its number of figures. A signal set by hand stands; a figure without a rule keeps Styr's.
     */
    List<FigureLine> judged(Round round, List<FigureLine> lines) {
        java.util.function.Function<FigureLine, SignalRules.Case> caseOf = l -> l.signalOverridden() || l.missing() ? null
                : new SignalRules.Case(l.figure(), round.year(), l.outcome().outcome(), l.target());
        Map<SignalRules.Case, SignalRules.Judged> judged = SignalRules.judgeAll(signalRules.orderedStream().toList(),
                lines.stream().map(caseOf).toList());
        if (judged.isEmpty()) {
            return lines;
        }
        return lines.stream().map(l -> {
            SignalRules.Case c = caseOf.apply(l);
            SignalRules.Judged j = c == null ? null : judged.get(c);
            return j == null ? l : new FigureLine(l.figure(), l.outcome(), l.target(), j.signal(), l.trend(),
                    l.signalOverridden(), l.trendOverridden());
        }).toList();
    }

    /** At the administration level a key figure is the committee's own series in the goal chain. */
    static FigureLine administrationLine(Round round, Judging judging, GoalObject figure, List<MeasureValue> values) {
        BigDecimal outcome = values.stream().filter(v -> v.year() == round.year()).map(MeasureValue::outcome)
                .filter(java.util.Objects::nonNull).findFirst().orElse(null);
        BigDecimal previous = values.stream().filter(v -> v.year() < round.year() && v.outcome() != null)
                .max(Comparator.comparingInt(MeasureValue::year)).map(MeasureValue::outcome).orElse(null);
        Outcome asOutcome = new Outcome(null, round.id(), figure.id(), round.adminUnitId(), outcome, null, previous,
                null, null, null, 0);
        return figureLine(round, judging, figure, asOutcome, values);
    }

    /** The key figure's target for the year, or the nearest later one. */
    static BigDecimal targetFor(List<MeasureValue> values, int year) {
        return values.stream().filter(v -> v.target() != null && v.year() >= year)
                .min(Comparator.comparingInt(MeasureValue::year)).map(MeasureValue::target).orElse(null);
    }

    /** The order of a round's objects in lists and the report: by part, goals before work-environment goals, position. */
    static Comparator<GoalObject> objectOrder() {
        return Comparator.comparing((GoalObject o) -> Part.of(o.kind()))
                .thenComparing(o -> o.kind() == Kind.ARBETSMILJOMAL)
                .thenComparingInt(GoalObject::position).thenComparing(GoalObject::id);
    }

    /** What a unit must have written on an object before its task can be marked done. */
    static boolean isComplete(GoalObject o, Report r) {
        if (!r.exists()) {
            return false;
        }
        return switch (Part.of(o.kind())) {
            case IK -> r.assessment() != null && r.result() != null;
            case UPPDRAG -> r.analysis() != null && r.status() != null;
            default -> r.analysis() != null;
        };
    }

    static String text(Problems p, String field, String value, int max) {
        String s = blankToNull(value);
        p.check(s == null || s.length() <= max, field, "validering.text.lang", max);
        return s;
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    static String actor() {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        return auth == null ? "system" : auth.getName();
    }
}
