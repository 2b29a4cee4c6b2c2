package se.styr.followup;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.styr.accounts.Access;
import se.styr.accounts.CurrentUser;
import se.styr.followup.FollowupViews.Branch;
import se.styr.followup.FollowupViews.Progress;
import se.styr.followup.FollowupViews.TaskView;
import se.styr.followup.FollowupViews.UnitRow;
import se.styr.followup.RoundQueries.BranchCount;
import se.styr.followup.RoundQueries.BranchTask;
import se.styr.goals.GoalObject;
import se.styr.organisation.OrgUnit;
import se.styr.organisation.UnitTree;
import se.styr.platform.NotFoundException;

/**
 * The round's page: its progress per department of the administration, counted in SQL, each department a summary
 * row that opens on demand to the rows of its units. A person's own department is open; a search by unit name shows
 * only the units found. The statements do not grow with the municipality: the rows read are those shown.
 */
@Service
class RoundProgress {

    /** At most this many tasks (up to four per unit) are shown for a search; a narrower search finds the rest. */
    static final int SEARCH_MAX_TASKS = 400;
    static final int SEARCH_MAX_LENGTH = 100;

    /** A department's page (without JavaScript) or its rows opened in place. */
    record BranchPage(Round round, OrgUnit body, OrgUnit admin, Branch branch) {
    }

    private final RoundQueries queries;
    private final RoundPages pages;
    private final Rounds rounds;
    private final FollowupRepository repository;
    private final MissingOutcomes missing;
    private final UnitTree tree;
    private final Access access;

    RoundProgress(RoundQueries queries, RoundPages pages, Rounds rounds, FollowupRepository repository,
                  MissingOutcomes missing, UnitTree tree, Access access) {
        this.queries = queries;
        this.pages = pages;
        this.rounds = rounds;
        this.repository = repository;
        this.missing = missing;
        this.tree = tree;
        this.access = access;
    }

    @Transactional(readOnly = true)
    public FollowupViews.RoundPage page(long roundId, String search) {
        Round round = rounds.round(roundId);
        Map<Long, OrgUnit> ends = tree.byIds(List.of(round.bodyUnitId(), round.adminUnitId()));
        List<OrgUnit> departments = tree.children(List.of(round.adminUnitId()));
        List<Long> roots = departments.stream().map(OrgUnit::id).toList();
        Map<Long, List<BranchCount>> counts = queries.branchCounts(roundId, roots).stream()
                .collect(Collectors.groupingBy(BranchCount::branchId));
        String words = searchText(search);
        List<BranchTask> tasks;
        Set<Long> open;
        boolean cut = false;
        if (words != null) {
            tasks = queries.branchTasks(roundId, roots, words, SEARCH_MAX_TASKS + 1);
            if (tasks.size() > SEARCH_MAX_TASKS) {
                cut = true;
                long lastUnit = tasks.get(SEARCH_MAX_TASKS).unit().id();
                tasks = tasks.stream().limit(SEARCH_MAX_TASKS).filter(t -> t.unit().id() != lastUnit).toList();
            }
            open = tasks.stream().map(BranchTask::branchId).collect(Collectors.toSet());
        } else {
            open = queries.branchesHolding(roots, ownUnits());
            tasks = queries.branchTasks(roundId, open, null, Integer.MAX_VALUE);
        }
        Map<Long, List<BranchTask>> tasksByBranch = tasks.stream().collect(Collectors.groupingBy(BranchTask::branchId));
        LocalDate today = rounds.today();
        List<Branch> branches = new ArrayList<>();
        for (OrgUnit d : departments) {
            if (counts.containsKey(d.id()) && (words == null || open.contains(d.id()))) {
                branches.add(branch(round, d, counts.get(d.id()), open.contains(d.id()), true, tasksByBranch.get(d.id()), today));
            }
        }
        List<RoundQueries.TaskCount> all = new ArrayList<>(counts.values().stream().flatMap(List::stream)
                .map(c -> new RoundQueries.TaskCount(roundId, c.state(), c.level(), c.count())).toList());
        Map<Long, List<BranchTask>> outside = queries.tasksOutside(roundId, roots).stream()
                .collect(Collectors.groupingBy(t -> t.unit().id(), LinkedHashMap::new, Collectors.toList()));
        for (List<BranchTask> unitTasks : outside.values()) {
            List<BranchCount> own = unitTasks.stream()
                    .map(t -> new BranchCount(t.unit().id(), t.task().part(), t.task().state(), t.unit().type(), 1)).toList();
            own.forEach(c -> all.add(new RoundQueries.TaskCount(roundId, c.state(), c.level(), 1)));
            boolean found = words == null || unitTasks.get(0).unit().name().toLowerCase(Locale.ROOT).contains(words.toLowerCase(Locale.ROOT));
            if (found) {
                branches.add(branch(round, unitTasks.get(0).unit(), own, true, false, unitTasks, today));
            }
        }
        List<GoalObject> included = pages.objectsOf(round);
        return new FollowupViews.RoundPage(round, ends.get(round.bodyUnitId()), ends.get(round.adminUnitId()),
                WorkPages.progress(round, all, today), branches, words, cut, pages.sharedObjects(round, included),
                pages.addable(round, included), repository.versions(roundId), missing.count(round));
    }

    /** One department of the round's administration, open (with the rows of its units) or closed. */
    @Transactional(readOnly = true)
    public BranchPage branch(long roundId, long unitId, boolean open) {
        Round round = rounds.round(roundId);
        Map<Long, OrgUnit> units = tree.byIds(List.of(unitId, round.bodyUnitId(), round.adminUnitId()));
        OrgUnit unit = units.get(unitId);
        if (unit == null || !Objects.equals(unit.parentId(), round.adminUnitId())) {
            throw new NotFoundException("Avdelningen i uppföljningen", unitId);
        }
        List<BranchTask> tasks = open ? queries.branchTasks(roundId, List.of(unitId), null, Integer.MAX_VALUE) : List.of();
        return new BranchPage(round, units.get(round.bodyUnitId()), units.get(round.adminUnitId()),
                branch(round, unit, queries.branchCounts(roundId, List.of(unitId)), open, true, tasks, rounds.today()));
    }

    private Branch branch(Round round, OrgUnit unit, List<BranchCount> counts, boolean open, boolean department,
                          List<BranchTask> tasks, LocalDate today) {
        Map<Part, Progress> parts = new EnumMap<>(Part.class);
        counts.stream().collect(Collectors.groupingBy(BranchCount::part)).forEach((part, ofPart) ->
                parts.put(part, WorkPages.progress(round, ofPart.stream().map(RoundProgress::asTaskCount).toList(), today)));
        Progress total = WorkPages.progress(round, counts.stream().map(RoundProgress::asTaskCount).toList(), today);
        return new Branch(unit, parts, total, open, department, open && tasks != null ? rows(round, tasks) : List.of());
    }

    private static RoundQueries.TaskCount asTaskCount(BranchCount c) {
        return new RoundQueries.TaskCount(0, c.state(), c.level(), c.count());
    }

    /** One row per unit, in the order read (depth first), with its task per part. */
    private List<UnitRow> rows(Round round, List<BranchTask> tasks) {
        Map<Long, UnitRow> rows = new LinkedHashMap<>();
        for (BranchTask t : tasks) {
            UnitRow row = rows.computeIfAbsent(t.unit().id(), id -> new UnitRow(t.unit(), t.depth(), new EnumMap<>(Part.class)));
            TaskView view = rounds.taskView(round, t.task(), t.unit());
            row.tasks().put(t.task().part(), view);
        }
        return List.copyOf(rows.values());
    }

    /** The units the person has a role for: their own department is open on the page. */
    private Set<Long> ownUnits() {
        return access.findCurrent().map(CurrentUser::roles).orElse(List.of()).stream()
                .map(CurrentUser.RoleScope::unitId).filter(Objects::nonNull).collect(Collectors.toSet());
    }

    /** The search as typed, without surrounding spaces; null when blank. Overlong input is cut. */
    static String searchText(String search) {
        if (search == null || search.isBlank()) {
            return null;
        }
        String s = search.strip();
        return s.length() > SEARCH_MAX_LENGTH ? s.substring(0, SEARCH_MAX_LENGTH) : s;
    }
}
