package se.styr.goals;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.styr.accounts.Access;
import se.styr.audit.AuditLog;
import se.styr.organisation.Organisation;
import se.styr.platform.NotFoundException;
import se.styr.platform.Problems;

/** The goal chain: reading it with its assessments, and every change to it, checked, authorised and audited. */
@Service
public class GoalService {

    private static final String AUDIT_TYPE = "goal_object";

    private final GoalRepository repository;
    private final Organisation organisation;
    private final Access access;
    private final AuditLog audit;
    private final GoalRules rules;
    private final ChainReader reader;

    GoalService(GoalRepository repository, Organisation organisation, Access access, AuditLog audit, ChainReader reader) {
        this.repository = repository;
        this.reader = reader;
        this.organisation = organisation;
        this.access = access;
        this.audit = audit;
        this.rules = new GoalRules(organisation, repository);
    }

    // ---- reading

    public GoalObject get(long id) {
        return repository.find(id).filter(o -> o.municipalityId() == access.municipalityId())
                .orElseThrow(() -> new NotFoundException("Objektet", id));
    }

    /** Every object of the municipality (of a kind): for code that needs the whole chain, never for a page. */
    public List<GoalObject> list(Kind kind) {
        return repository.all(access.municipalityId()).stream().filter(o -> kind == null || o.kind() == kind).toList();
    }

    /** An object with its ancestors, children, values and assessment, read in a fixed number of queries. */
    public GoalViews.Details details(long id) {
        return reader.details(id);
    }

    /** A page of the municipality's objects, filtered as the API's list is (for choosing an object elsewhere). */
    public se.styr.platform.Paging.Page<GoalObject> page(Kind kind, Long body, Long periodId, Integer year, String query,
                                                          se.styr.platform.Paging paging) {
        return reader.list(kind, body, periodId, year, query, paging);
    }

    public List<MeasureValue> values(long id) {
        return repository.values(get(id).id());
    }

    // ---- writing

    /** What the rules say about an object, without saving it: for forms that also found unreadable input. */
    public List<se.styr.platform.ValidationException.Problem> problemsOf(GoalObject draft) {
        try {
            rules.check(normalise(draft));
            return List.of();
        } catch (se.styr.platform.ValidationException e) {
            return e.problems();
        }
    }

    @Transactional
    public GoalObject create(GoalObject draft) {
        long municipalityId = access.municipalityId();
        access.require(Access.Action.EDIT_STRUCTURE, draft.ownerUnitId());
        GoalObject o = normalise(draft.copy().id(null).municipalityId(municipalityId)
                .position(repository.nextPosition(municipalityId, draft.parentId()))
                .status(draft.kind() == Kind.UPPDRAG && draft.status() == null ? AssignmentStatus.EJ_PABORJAD : draft.status())
                .retired(false).version(0).build());
        rules.check(o);
        long id = repository.insert(o);
        GoalObject saved = repository.find(id).orElseThrow();
        audit.record(municipalityId, AUDIT_TYPE, id, AuditLog.Action.SKAPAD, summary(saved), null, saved);
        return saved;
    }

    /** Saves an edit of every field except the parent (see {@link #move}); {@code edited.version()} is the one read. */
    @Transactional
    public GoalObject update(GoalObject edited) {
        GoalObject current = get(edited.id());
        access.require(Access.Action.EDIT_STRUCTURE, current.ownerUnitId());
        if (edited.ownerUnitId() != current.ownerUnitId()) {
            access.require(Access.Action.EDIT_STRUCTURE, edited.ownerUnitId());
        }
        if (edited.kind() != current.kind()) {
            Problems.single("kind", "validering.typ.andras");
        }
        GoalObject o = normalise(edited.copy().id(current.id()).municipalityId(current.municipalityId())
                .kind(current.kind()).parentId(current.parentId()).position(current.position())
                .retired(current.retired()).build());
        rules.check(o);
        return save(current, o, AuditLog.Action.ANDRAD);
    }

    @Transactional
    public GoalObject move(long id, Long newParentId, int version) {
        GoalObject current = get(id);
        access.require(Access.Action.EDIT_STRUCTURE, current.ownerUnitId());
        int position = repository.nextPosition(current.municipalityId(), newParentId);
        GoalObject moved = current.copy().parentId(newParentId).position(position).version(version).build();
        rules.check(moved);
        return save(current, moved, AuditLog.Action.FLYTTAD);
    }

    /** Retires the object and everything below it; retired objects stay readable but leave the tree. */
    @Transactional
    public GoalObject retire(long id, int version) {
        GoalObject current = get(id);
        access.require(Access.Action.EDIT_STRUCTURE, current.ownerUnitId());
        Problems.when(current.retired(), "retired", "validering.redan.avvecklad");
        GoalObject saved = save(current, current.copy().retired(true).version(version).build(), AuditLog.Action.AVVECKLAD);
        for (GoalObject child : repository.children(id)) {
            if (!child.retired()) {
                retire(child.id(), child.version());
            }
        }
        return saved;
    }

    @Transactional
    public GoalObject reactivate(long id, int version) {
        GoalObject current = get(id);
        access.require(Access.Action.EDIT_STRUCTURE, current.ownerUnitId());
        Problems.when(!current.retired(), "retired", "validering.inte.avvecklad");
        GoalObject o = current.copy().retired(false).version(version).build();
        rules.check(o);
        return save(current, o, AuditLog.Action.ATERAKTIVERAD);
    }

    /** Replaces the outcomes and targets of a key figure with the given rows, all or nothing. */
    @Transactional
    public List<MeasureValue> setValues(long id, int version, List<MeasureValue> values) {
        GoalObject o = get(id);
        access.require(Access.Action.ENTER_VALUES, o.ownerUnitId());
        List<MeasureValue> sorted = values.stream().sorted(Comparator.comparingInt(MeasureValue::year)).toList();
        rules.checkValues(o, values);
        List<MeasureValue> before = repository.values(id);
        repository.touch(id, version);
        repository.replaceValues(id, sorted);
        List<MeasureValue> after = repository.values(id);
        audit.record(o.municipalityId(), "measure_value", id, AuditLog.Action.ANDRAD,
                "Utfall och målvärden: " + o.title(), Map.of("values", before), Map.of("values", after));
        return after;
    }

    /** The values of several of the municipality's objects, in one query (for modules that work on many at once). */
    public Map<Long, List<MeasureValue>> valuesOf(java.util.Collection<Long> ids) {
        return repository.valuesOf(ids);
    }

    /** The municipality's key figures and indicators linked to a Kolada KPI (for an import that runs without a user). */
    public List<GoalObject> linkedToKolada(long municipalityId) {
        return repository.all(municipalityId).stream()
                .filter(o -> o.kind().isMeasure() && o.koladaId() != null && !o.retired()).toList();
    }

    /** Links a key figure or indicator to a Kolada KPI (null: unlinks it); checked, authorised and audited. */
    @Transactional
    public GoalObject linkKolada(long id, int version, String koladaId) {
        GoalObject current = get(id);
        return update(current.copy().koladaId(koladaId).version(version).build());
    }

    /**
     * Outcomes fetched from an outside source (Kolada) for the years given, keeping each year's target: written for the
     * municipality without a signed-in user (a scheduled import), audited as the source. The caller decides which
     * years it may write, so that a value typed by hand is never overwritten.
     */
    @Transactional
    public void importOutcomes(long municipalityId, long id, Map<Integer, java.math.BigDecimal> outcomes, String source) {
        GoalObject o = repository.find(id).filter(x -> x.municipalityId() == municipalityId)
                .orElseThrow(() -> new NotFoundException("Objektet", id));
        if (outcomes.isEmpty() || !o.kind().isMeasure()) {
            return;
        }
        List<MeasureValue> before = repository.values(id);
        outcomes.forEach((year, value) -> repository.putOutcome(id, year, value));
        repository.bump(id);
        audit.recordAs(source, municipalityId, "measure_value", id, AuditLog.Action.ANDRAD,
                "Utfall från " + source + ": " + o.title(), Map.of("values", before), Map.of("values", repository.values(id)));
    }

    /** A written professional judgement of a goal's state (or of an assignment), or null to fall back on the derived one. */
    @Transactional
    public GoalObject judge(long id, int version, GoalState state, String text) {
        GoalObject current = get(id);
        access.require(Access.Action.ENTER_VALUES, current.ownerUnitId());
        GoalObject o = current.copy().judgement(state).judgementText(state == null ? null : blankToNull(text))
                .version(version).build();
        rules.check(o);
        return save(current, o, AuditLog.Action.ANDRAD);
    }

    @Transactional
    public GoalObject setStatus(long id, int version, AssignmentStatus status) {
        GoalObject current = get(id);
        access.require(Access.Action.ENTER_VALUES, current.ownerUnitId());
        Problems.when(current.kind() != Kind.UPPDRAG, "status", "validering.status.typ");
        GoalObject o = current.copy().status(status).version(version).build();
        rules.check(o);
        return save(current, o, AuditLog.Action.ANDRAD);
    }

    public boolean mayEditStructure(GoalObject o) {
        return access.may(Access.Action.EDIT_STRUCTURE, o.ownerUnitId());
    }

    public boolean mayEnterValues(GoalObject o) {
        return access.may(Access.Action.ENTER_VALUES, o.ownerUnitId());
    }

    private GoalObject save(GoalObject before, GoalObject after, AuditLog.Action action) {
        repository.update(after);
        GoalObject saved = repository.find(after.id()).orElseThrow();
        audit.record(saved.municipalityId(), AUDIT_TYPE, saved.id(), action, summary(saved), before, saved);
        return saved;
    }

    /** Trims text, turns blanks into nulls and clears the fields that do not belong to the kind. */
    private static GoalObject normalise(GoalObject o) {
        boolean measure = o.kind().isMeasure();
        boolean committeeGoal = o.kind() == Kind.NAMNDMAL;
        boolean assignment = o.kind() == Kind.UPPDRAG;
        boolean factor = o.kind() == Kind.KRITISK_FAKTOR;
        boolean control = o.kind() == Kind.INTERNKONTROLLPUNKT;
        String kolada = blankToNull(o.koladaId());
        return new GoalObject(o.id(), o.municipalityId(), o.kind(), o.parentId(), o.ownerUnitId(), o.periodId(),
                o.position(), o.title() == null ? null : o.title().strip(), blankToNull(o.description()),
                measure ? o.direction() : null, measure ? blankToNull(o.measureUnit()) : null,
                measure ? blankToNull(o.source()) : null, measure && kolada != null ? kolada.toUpperCase() : null,
                measure ? (o.steering() == null ? Boolean.TRUE : o.steering()) : null,
                measure ? o.nearTargetTolerance() : null,
                committeeGoal ? o.linkedIndicatorId() : null, committeeGoal ? blankToNull(o.linkMotivation()) : null,
                committeeGoal || o.kind() == Kind.ARBETSMILJOMAL ? o.agenda2030Goal() : null,
                committeeGoal || o.kind() == Kind.ARBETSMILJOMAL ? blankToNull(o.agenda2030Target()) : null,
                o.judgement(), o.judgement() == null ? null : blankToNull(o.judgementText()),
                assignment ? o.givenByUnitId() : null, assignment ? o.dueDate() : null, assignment ? o.status() : null,
                factor ? o.perspective() : null, factor ? blankToNull(o.frequency()) : null,
                control ? blankToNull(o.process()) : null, control ? o.riskValue() : null,
                control ? blankToNull(o.controlMethod()) : null, control ? blankToNull(o.responsible()) : null,
                control ? o.followUpOccasion() : null,
                o.retired(), o.version());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String summary(GoalObject o) {
        return o.kind().name() + ": " + o.title();
    }
}
