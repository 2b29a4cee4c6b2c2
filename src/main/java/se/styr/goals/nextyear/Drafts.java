package se.styr.goals.nextyear;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.styr.accounts.Access;
import se.styr.audit.AuditLog;
import se.styr.goals.GoalObject;
import se.styr.goals.GoalQueries;
import se.styr.organisation.PlanPeriod;
import se.styr.platform.ConflictException;
import se.styr.platform.NotFoundException;
import se.styr.platform.Paging;
import se.styr.platform.Problems;

/**
 * The internal-control plan of the next period as drafts: each point of the old plan waits (UTKAST) until the
 * controller confirms it, which creates the point in the new period linked to the old one, or drops it (STRUKEN).
 */
@Service
public class Drafts {

    public enum State { UTKAST, BEKRAFTAD, STRUKEN }

    /** A draft with what the old point says, so it can be judged without opening the old plan. */
    public record Draft(long id, long periodId, long predecessorId, State state, Long successorId, int version, String title,
                        String process, Integer riskValue, String controlMethod, long ownerUnitId, String ownerName,
                        String decidedBy) {
    }

    private static final String SELECT = """
            select d.id, d.period_id, d.predecessor_id, d.state, d.successor_id, d.version, o.title, o.process, o.risk_value,
              o.control_method, o.owner_unit_id, u.name, d.decided_by
            from internal_control_draft d join goal_object o on o.id = d.predecessor_id join org_unit u on u.id = o.owner_unit_id""";

    private final JdbcClient jdbc;
    private final CarryRepository repository;
    private final CarryOver carry;
    private final GoalQueries goals;
    private final Access access;
    private final AuditLog audit;

    Drafts(JdbcClient jdbc, CarryRepository repository, CarryOver carry, GoalQueries goals, Access access, AuditLog audit) {
        this.jdbc = jdbc;
        this.repository = repository;
        this.carry = carry;
        this.goals = goals;
        this.access = access;
        this.audit = audit;
    }

    static long pending(CarryRepository repository, long periodId) {
        return repository.pendingDrafts(periodId);
    }

    /** The drafts of the period, waiting ones first, by owner and risk (highest first), one page at a time. */
    @Transactional(readOnly = true)
    public Paging.Page<Draft> list(long periodId, State state, Paging paging) {
        carry.requirePlanner();
        PlanPeriod period = carry.period(periodId);
        String where = " where d.municipality_id = :m and d.period_id = :p" + (state == null ? "" : " and d.state = :s");
        long total = jdbc.sql("select count(*) from internal_control_draft d" + where)
                .param("m", period.municipalityId()).param("p", period.id()).param("s", state == null ? "" : state.name())
                .query(Long.class).single();
        List<Draft> items = total == 0 ? List.of() : jdbc.sql(SELECT + where
                        + " order by case when d.state = 'UTKAST' then 0 else 1 end, u.name, o.risk_value desc, o.position, d.id"
                        + paging.limitOffset())
                .param("m", period.municipalityId()).param("p", period.id()).param("s", state == null ? "" : state.name())
                .query(Drafts::map).list();
        return paging.of(total, items);
    }

    Draft get(long id) {
        return find(id).orElseThrow(() -> new NotFoundException("Utkastet", id));
    }

    private Optional<Draft> find(long id) {
        return jdbc.sql(SELECT + " where d.id = :id and d.municipality_id = :m").param("id", id)
                .param("m", access.municipalityId()).query(Drafts::map).optional();
    }

    /** Confirms the draft: the point is created in the new period, linked to the old one. */
    @Transactional
    public Draft confirm(long id, int version) {
        Draft d = decidable(id);
        repository.copyLevel(d.periodId(), List.of(d.predecessorId()));
        long successor = repository.successors(List.of(d.predecessorId())).get(d.predecessorId());
        decide(d, version, State.BEKRAFTAD, successor);
        GoalObject created = goals.objects(access.municipalityId(), List.of(successor)).get(0);
        audit.record(access.municipalityId(), "goal_object", successor, AuditLog.Action.SKAPAD,
                created.kind().name() + ": " + created.title() + " (bekräftat utkast, överförd från id " + d.predecessorId() + ")",
                null, created);
        return get(id);
    }

    /** Drops the draft: the point is not part of the new period's plan. */
    @Transactional
    public Draft drop(long id, int version) {
        Draft d = decidable(id);
        decide(d, version, State.STRUKEN, null);
        return get(id);
    }

    private Draft decidable(long id) {
        Draft d = get(id);
        access.require(Access.Action.EDIT_STRUCTURE, d.ownerUnitId());
        Problems.when(d.state() != State.UTKAST, "state", "nastaar.validering.beslutat");
        return d;
    }

    private void decide(Draft d, int version, State state, Long successor) {
        int rows = jdbc.sql("""
                        update internal_control_draft set state = :s, successor_id = :successor, decided_by = :by,
                          decided_at = :at, version = version + 1
                        where id = :id and version = :v and state = 'UTKAST'""")
                .param("s", state.name()).param("successor", successor).param("by", access.current().username())
                .param("at", OffsetDateTime.now(ZoneOffset.UTC)).param("id", d.id()).param("v", version).update();
        if (rows == 0) {
            throw new ConflictException("internal_control_draft", d.id());
        }
        audit.record(access.municipalityId(), "internal_control_draft", d.id(), AuditLog.Action.ANDRAD,
                "Internkontrollpunkt " + (state == State.BEKRAFTAD ? "bekräftad" : "struken") + " för nästa år: " + d.title(),
                Map.of("state", d.state().name()), Map.of("state", state.name()));
    }

    private static Draft map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Draft(rs.getLong(1), rs.getLong(2), rs.getLong(3), State.valueOf(rs.getString(4)),
                rs.getObject(5, Long.class), rs.getInt(6), rs.getString(7), rs.getString(8), rs.getObject(9, Integer.class),
                rs.getString(10), rs.getLong(11), rs.getString(12), rs.getString(13));
    }
}
