package se.styr.followup;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import se.styr.goals.GoalObject;
import se.styr.goals.Signal;
import se.styr.goals.Trend;
import se.styr.organisation.OrgUnit;

/** What the pages and the API show of follow-up rounds. */
public final class FollowupViews {

    private FollowupViews() {
    }

    /** A task with what a person needs to see in a list: its title, deadline and whether it is late. */
    public record TaskView(Task task, Round round, OrgUnit unit, String title, LocalDate dueOn, boolean overdue) {
    }

    /** How far a round has come: tasks per state and how many are late. */
    public record Progress(int total, Map<TaskState, Integer> byState, int overdue) {

        public int count(TaskState state) {
            return byState.getOrDefault(state, 0);
        }

        /** Share of tasks approved, in whole per cent. */
        public int approvedPercent() {
            return total == 0 ? 0 : count(TaskState.GODKAND) * 100 / total;
        }
    }

    static final Progress NO_TASKS = new Progress(0, Map.of(), 0);

    /**
     * A department of the round's administration with the tasks of its units counted per part; open, with the rows of
     * its units (all of them, or those a search found). A unit outside the administration's departments (moved since
     * the round opened) is its own branch ({@code department} false), always open.
     */
    public record Branch(OrgUnit unit, Map<Part, Progress> parts, Progress total, boolean open, boolean department,
                         List<UnitRow> rows) {

        public Progress part(Part part) {
            return parts.getOrDefault(part, NO_TASKS);
        }
    }

    /**
     * The round's page: its progress per department, each closed but the person's own (or, with a search, those with
     * units whose name matched, showing only those), its objects and sharing, what could be added, and its versions.
     *
     * @param searchCut more units matched than are shown
     */
    public record RoundPage(Round round, OrgUnit body, OrgUnit admin, Progress progress, List<Branch> branches,
                            String search, boolean searchCut, List<SharedObject> objects, List<GoalObject> addable,
                            List<ReportVersion> versions, int missingOutcomes) {
    }

    public record RoundSummary(Round round, OrgUnit body, OrgUnit admin, Progress progress) {
    }

    /** A department or unit in the progress table, with its task per part (null where it has none). */
    public record UnitRow(OrgUnit unit, int depth, Map<Part, TaskView> tasks) {
    }

    public record SharedObject(GoalObject object, Part part, int unitCount) {
    }

    /** A round with its progress per unit, its objects, the committee's objects that could be added, and its versions. */
    public record Overview(Round round, OrgUnit body, OrgUnit admin, Progress progress, List<UnitRow> units,
                           List<SharedObject> objects, List<GoalObject> addable, List<ReportVersion> versions,
                           int missingOutcomes) {
    }

    /** A key figure as one unit sees it in a round: its outcome, target, signal and trend. */
    public record FigureLine(GoalObject figure, Outcome outcome, BigDecimal target, Signal signal, Trend trend,
                             boolean signalOverridden, boolean trendOverridden) {

        public boolean missing() {
            return outcome == null || outcome.outcome() == null;
        }
    }

    /** What a unit below reported on the same object, for the Underlag tab. */
    public record UnderlagRow(OrgUnit unit, int depth, TaskState state, Report report, List<FigureLine> figures) {
    }

    public record ObjectLine(GoalObject object, Report report, boolean complete) {
    }

    public record TaskPage(TaskView task, List<ObjectLine> objects, List<TaskView> below, boolean mayReport,
                           boolean mayApprove, List<RoundContributions.Item> contributed) {
    }

    public record ObjectPage(Round round, OrgUnit unit, GoalObject object, Part part, TaskView task, Report report,
                             List<FigureLine> figures, String instructions, List<UnderlagRow> underlag,
                             boolean administrationLevel, boolean editable) {
    }

    /** Something a person should act on, shown on their start page. */
    public record Notice(String kind, String text, String link) {
    }

    public record StartPage(List<TaskView> toReport, List<TaskView> toApprove, List<Notice> notices,
                            List<RoundSummary> rounds, long roundCount, List<SubstituteWork> asSubstitute) {
    }

    /** "Mina uppgifter som vikarie": the tasks of someone the person stands in for, and from whom. */
    public record SubstituteWork(se.styr.accounts.Substitution substitution, List<TaskView> toReport,
                                 List<TaskView> toApprove) {
    }

    /** The departments and units an object can be shared to, indented by depth below the administration. */
    public record SharingPage(GoalObject object, Part part, boolean included, List<OutcomeUnit> units,
                              java.util.Set<Long> sharedTo) {
    }

    public record OutcomeUnit(OrgUnit unit, int depth) {
    }

    public record OutcomeRow(OrgUnit unit, int depth, FigureLine line) {
    }

    public record OutcomesPage(Round round, List<GoalObject> figures, Map<Long, Integer> missingByFigure,
                               GoalObject selected, List<OutcomeRow> rows) {
    }
}
