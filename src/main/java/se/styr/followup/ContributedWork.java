package se.styr.followup;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.styr.accounts.Access;
import se.styr.organisation.OrgUnit;
import se.styr.organisation.UnitTree;
import se.styr.platform.Problems;

/**
 * What a {@link RoundContributions contributor} may ask of the follow-up: the rounds it can share into, the units that
 * report in a round, and whether a unit may write its report now. The rules are the follow-up's own (a decided round is
 * closed, a task marked done is closed, reporting follows {@code REPORT} on the unit, sharing {@code MANAGE_ROUNDS}).
 */
@Service
public class ContributedWork {

    private final Rounds rounds;
    private final RoundQueries queries;
    private final UnitTree tree;
    private final Access access;
    private final TaskWorkflow workflow;
    private final JdbcClient jdbc;
    private final FollowupRepository repository;

    ContributedWork(Rounds rounds, RoundQueries queries, UnitTree tree, Access access, TaskWorkflow workflow, JdbcClient jdbc,
                    FollowupRepository repository) {
        this.repository = repository;
        this.rounds = rounds;
        this.queries = queries;
        this.tree = tree;
        this.access = access;
        this.workflow = workflow;
        this.jdbc = jdbc;
    }

    public Round round(long roundId) {
        return rounds.round(roundId);
    }

    /** The rounds of the body that are not decided, newest first: those an action can still be shared into. */
    public List<Round> openRounds(long bodyUnitId) {
        List<Long> ids = jdbc.sql("select id from followup_round where municipality_id = ? and body_unit_id = ? and state <> 'BESLUTAD'")
                .params(access.municipalityId(), bodyUnitId).query(Long.class).list();
        return repository.rounds(ids);
    }

    /** Every round of the body, decided or not, newest first: e.g. to point at a report as evidence. */
    public List<Round> bodyRounds(long bodyUnitId) {
        List<Long> ids = jdbc.sql("select id from followup_round where municipality_id = ? and body_unit_id = ?")
                .params(access.municipalityId(), bodyUnitId).query(Long.class).list();
        return repository.rounds(ids);
    }

    /** These rounds of the municipality, newest first. */
    public List<Round> rounds(java.util.Collection<Long> ids) {
        return repository.rounds(ids).stream().filter(r -> r.municipalityId() == access.municipalityId()).toList();
    }

    /** The departments and units that report in the round, in the tree's order, each with its depth below the administration. */
    public List<ReportingUnit> reportingUnits(long roundId) {
        Round round = rounds.round(roundId);
        return RoundPages.reportingUnits(tree.of(round.adminUnitId())).stream()
                .map(u -> new ReportingUnit(u.unit(), u.depth())).toList();
    }

    public record ReportingUnit(OrgUnit unit, int depth) {
    }

    public boolean mayManage(Round round) {
        return !round.isDecided() && access.may(Access.Action.MANAGE_ROUNDS, round.bodyUnitId());
    }

    /** Refuses unless the person may share in the round and the round is not decided; checks the units given. */
    public void requireSharing(Round round, Set<Long> unitIds) {
        access.require(Access.Action.MANAGE_ROUNDS, round.bodyUnitId());
        Rounds.requireOpen(round);
        Set<Long> allowed = reportingUnits(round.id()).stream().map(u -> u.unit().id()).collect(Collectors.toSet());
        Set<Long> refused = unitIds.stream().filter(u -> !allowed.contains(u)).collect(Collectors.toSet());
        if (!refused.isEmpty()) {
            java.util.Map<Long, OrgUnit> names = tree.byIds(refused);
            Problems p = new Problems();
            refused.forEach(u -> p.add("units", "uppf.validering.enhet", names.containsKey(u) ? names.get(u).name() : u));
            p.throwIfAny();
        }
    }

    /** Whether the unit's task of part ATGARD is open for its reporter now. */
    public boolean mayReport(Round round, long unitId) {
        Task task = queries.task(round.id(), unitId, Part.ATGARD).orElse(null);
        return !round.isDecided() && task != null && task.state().isOpen() && !rounds.today().isBefore(round.opensOn())
                && access.may(Access.Action.REPORT, unitId);
    }

    /** Where the unit's task of the round's actions is, or null when it has none. */
    public String taskLink(long roundId, long unitId) {
        return queries.task(roundId, unitId, Part.ATGARD).map(t -> TaskDirectory.link(t.id())).orElse(null);
    }

    /**
     * Refuses unless the unit may write its report in the round now (the same rules as a report on an object of the
     * goal chain), and marks its task begun.
     */
    @Transactional
    public void beginReport(long roundId, long unitId) {
        Round round = rounds.round(roundId);
        Rounds.requireOpen(round);
        access.require(Access.Action.REPORT, unitId);
        Task task = queries.task(roundId, unitId, Part.ATGARD).orElse(null);
        Problems.when(task == null || !task.state().isOpen(), "task", "uppf.validering.klarmarkerad");
        Problems.when(rounds.today().isBefore(round.opensOn()), "task", "uppf.validering.inteOppnad", round.opensOn());
        if (task.state() == TaskState.EJ_PABORJAD) {
            workflow.setTaskState(round, task, TaskState.PAGAR, task.comment(), false);
        }
    }
}
