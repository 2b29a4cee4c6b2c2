package se.styr.followup;

import java.math.BigDecimal;
import java.util.List;
import se.styr.economy.followup.AnnualAccounts;
import se.styr.economy.followup.EconomicFollowupReport;
import se.styr.goals.AssignmentStatus;
import se.styr.goals.GoalObject;
import se.styr.goals.GoalState;
import se.styr.goals.Signal;
import se.styr.goals.Trend;

/**
 * The committee's report of a round, in the order of the seeds' interim report: the administration's summary,
 * goal follow-up per KF priority goal, work-environment goals, assignments, critical factors, internal control and
 * the economy. A monthly round has no goals, assignments or control points ({@code goalsReported} false): its report
 * is the summary and the economy.
 *
 * <p>An årsbokslut is the year's report: goals and assignments judged on the two-level scale ({@link AnnualScale}),
 * the economy with the year's outcome and the forecast accuracy ({@code annual}), and the committee's answers on
 * whether it followed its plan ({@code review}).
 *
 * @param economy the committee's economic report for the round's year and month; null when none has been made
 * @param annual  the year's accounts and forecast accuracy; null unless the round is an årsbokslut of a committee
 * @param review  the årsbokslut's questions on the plan and the forecast comment; null unless an årsbokslut
 */
public record CompiledReport(Round round, String title, String bodyName, String adminName, int version,
                             ReportVersion decided, String summary, List<Integer> outcomeYears, String goalsIntro,
                             List<GoalGroup> goalGroups, List<GoalEntry> workGoals, String assignmentsIntro,
                             List<AssignmentEntry> assignments, List<FactorEntry> factors, String controlIntro,
                             List<ControlEntry> controls, boolean goalsReported, EconomicFollowupReport economy,
                             AnnualAccounts annual, AnnualReview review, List<RoundContributions.Section> contributed) {

    public boolean annualReport() {
        return round.type() == RoundType.ARSBOKSLUT;
    }

    /** A KF priority goal (null for goals without one) and the committee goals under it. */
    public record GoalGroup(GoalObject priorityGoal, List<GoalEntry> goals) {
    }

    public record GoalEntry(int number, GoalObject goal, GoalState assessment, String analysis, List<FigureRow> figures) {
    }

    /** A key figure as the report prints it: the year's target, outcomes for the years shown, signal and trend. */
    public record FigureRow(GoalObject figure, BigDecimal target, List<BigDecimal> outcomes, Signal signal, Trend trend) {
    }

    public record AssignmentEntry(GoalObject assignment, String givenBy, AssignmentStatus status, GoalState assessment,
                                  String analysis, String forecast) {
    }

    public record FactorEntry(GoalObject factor, String analysis, List<FigureRow> figures) {
    }

    /** {@code deferredTo}: the year the point's follow-up of this year is moved to, or null when it is followed up here. */
    public record ControlEntry(int number, GoalObject point, ControlAssessment assessment, String result, String action,
                               Integer deferredTo) {
    }
}
