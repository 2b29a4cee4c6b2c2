package se.styr.followup;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.styr.accounts.Access;
import se.styr.audit.AuditLog;
import se.styr.goals.GoalObject;
import se.styr.goals.GoalQueries;
import se.styr.goals.GoalService;
import se.styr.goals.Kind;
import se.styr.organisation.OrgUnit;
import se.styr.organisation.OrgUnitType;
import se.styr.organisation.Organisation;
import se.styr.organisation.PlanPeriod;
import se.styr.organisation.UnitTree;
import se.styr.platform.Messages;
import se.styr.platform.NotFoundException;
import se.styr.platform.Problems;

/**
 * Commands on a follow-up round: opening it and sharing its objects down, its texts, deciding the committee's report
 * and reopening it for a correction. Every write is authorised against the organisation tree, validated whole,
 * saved with optimistic locking and audited, in one transaction. The units' reporting is in {@link Reporting}, the
 * task workflow in {@link TaskWorkflow}, and the pages' read models in {@link RoundPages} and {@link WorkPages}.
 */
@Service
public class FollowupService {

    /** The kinds of the goal chain a round reports on. */
    static final Set<Kind> REPORTED_KINDS = EnumSet.of(Kind.NAMNDMAL, Kind.ARBETSMILJOMAL, Kind.KRITISK_FAKTOR,
            Kind.INTERNKONTROLLPUNKT, Kind.UPPDRAG);

    private final FollowupRepository repository;
    private final RoundQueries queries;
    private final Rounds rounds;
    private final GoalService goals;
    private final GoalQueries goalQueries;
    private final Organisation organisation;
    private final UnitTree tree;
    private final Access access;
    private final AuditLog audit;
    private final Messages messages;
    private final AnnualReviews annualReviews;
    private final org.springframework.context.ApplicationEventPublisher events;
    private org.springframework.beans.factory.ObjectProvider<RoundContributions> contributions;
    private DeferredControls deferrals;

    FollowupService(FollowupRepository repository, RoundQueries queries, Rounds rounds, GoalService goals,
                    GoalQueries goalQueries, Organisation organisation, UnitTree tree, Access access, AuditLog audit,
                    Messages messages, AnnualReviews annualReviews, org.springframework.context.ApplicationEventPublisher events) {
        this.events = events;
        this.repository = repository;
        this.queries = queries;
        this.rounds = rounds;
        this.goals = goals;
        this.goalQueries = goalQueries;
        this.organisation = organisation;
        this.tree = tree;
        this.access = access;
        this.audit = audit;
        this.messages = messages;
        this.annualReviews = annualReviews;
    }

    /** The other modules' contributions to a round (their actions), found when first needed. */
    @org.springframework.beans.factory.annotation.Autowired
    void setContributions(org.springframework.beans.factory.ObjectProvider<RoundContributions> contributions) {
        this.contributions = contributions;
    }

    /** The internal-control points moved to a later year (the internal-control plan's), found when first needed. */
    @org.springframework.beans.factory.annotation.Autowired
    void setDeferrals(DeferredControls deferrals) {
        this.deferrals = deferrals;
    }

    /** A contributor changed what it shares in a round: its tasks follow, in the same transaction. */
    @org.springframework.context.event.EventListener
    void onContributionsChanged(RoundContributions.RoundItemsChanged changed) {
        syncTasks(repository.findRound(changed.roundId()).orElseThrow());
    }

    public Round round(long id) {
        return rounds.round(id);
    }

    public boolean mayManage(Round round) {
        return access.may(Access.Action.MANAGE_ROUNDS, round.bodyUnitId());
    }

    // ---- opening a round

    /** What an administrator fills in to open a round. */
    public record OpenRound(Long bodyUnitId, RoundType type, String name, java.time.LocalDate asOf, LocalDate opensOn,
                            LocalDate unitDeadline, LocalDate departmentDeadline) {
    }

    @Transactional
    public Round open(OpenRound in) {
        long municipalityId = access.municipalityId();
        Problems p = new Problems();
        OrgUnit body = in.bodyUnitId() == null ? null : organisation.findUnit(in.bodyUnitId())
                .filter(u -> u.municipalityId() == municipalityId).orElse(null);
        OrgUnit admin = null;
        if (body == null) {
            p.add("bodyUnitId", "uppf.validering.organ");
        } else {
            access.require(Access.Action.MANAGE_ROUNDS, body.id());
            admin = administrationOf(body);
            p.check(admin != null, "bodyUnitId", "uppf.validering.forvaltning", body.name());
        }
        p.check(in.type() != null, "type", "validering.val");
        p.check(in.asOf() != null, "asOf", "validering.datum");
        p.check(in.opensOn() != null, "opensOn", "validering.datum");
        p.check(in.unitDeadline() != null, "unitDeadline", "validering.datum");
        p.check(in.departmentDeadline() != null, "departmentDeadline", "validering.datum");
        if (in.opensOn() != null && in.unitDeadline() != null) {
            p.check(!in.unitDeadline().isBefore(in.opensOn()), "unitDeadline", "uppf.validering.deadline.oppnar");
        }
        if (in.unitDeadline() != null && in.departmentDeadline() != null) {
            p.check(!in.departmentDeadline().isBefore(in.unitDeadline()), "departmentDeadline", "uppf.validering.deadline.ordning");
        }
        String name = Rounds.blankToNull(in.name());
        if (name == null && in.type() != null && in.asOf() != null) {
            name = messages.text("roundType." + in.type()) + " " + in.asOf().getYear();
        }
        p.check(name == null || name.length() <= 200, "name", "validering.titel.lang", 200);
        p.throwIfAny();

        Long periodId = organisation.periods(municipalityId).stream().filter(pp -> pp.contains(in.asOf().getYear()))
                .map(PlanPeriod::id).findFirst().orElse(null);
        Map<OrgUnitType, LocalDate> deadlines = new LinkedHashMap<>();
        deadlines.put(OrgUnitType.ENHET, in.unitDeadline());
        deadlines.put(OrgUnitType.AVDELNING, in.departmentDeadline());
        Round draft = new Round(0, municipalityId, body.id(), admin.id(), periodId, in.type(), name, in.asOf(),
                in.opensOn(), null, RoundState.OPPEN, 1, 0, deadlines);
        long id = repository.insertRound(draft);
        Round round = repository.findRound(id).orElseThrow();
        for (Part part : Part.values()) {
            repository.setInstruction(id, part, messages.text(in.type() == RoundType.ARSBOKSLUT
                    ? "uppf.instruktion.ARSBOKSLUT." + part : "uppf.instruktion." + part));
        }
        List<OrgUnit> reporting = RoundPages.reportingUnits(tree.of(round.adminUnitId())).stream()
                .map(FollowupViews.OutcomeUnit::unit).toList();
        for (GoalObject o : candidates(round)) {
            repository.addObject(id, o.id());
            Part part = Part.of(o.kind());
            Set<Long> shareTo = part == Part.IK ? controlShares(reporting) : reporting.stream().filter(u -> part == Part.MAL
                    || part == Part.KVF || u.type() == OrgUnitType.AVDELNING).map(OrgUnit::id).collect(Collectors.toCollection(LinkedHashSet::new));
            repository.replaceShares(id, o.id(), shareTo);
        }
        syncTasks(round);
        audit.record(municipalityId, "followup_round", id, AuditLog.Action.SKAPAD, "Uppföljning: " + name, null, round);
        return round;
    }

    /** The administration under a committee that compiles its report: its first active förvaltning. */
    private OrgUnit administrationOf(OrgUnit body) {
        return tree.children(List.of(body.id())).stream()
                .filter(u -> u.active() && u.type() == OrgUnitType.FORVALTNING)
                .findFirst().orElse(null);
    }

    /**
     * The objects a new round reports on: the committee's goals, critical factors, control points due and assignments.
     * A control point whose follow-up of the round's year is moved to a later year is left out; one moved into the
     * round's year from an earlier one (perhaps of an ended plan period) is taken in.
     */
    private List<GoalObject> candidates(Round round) {
        Set<Long> subtree = organisation.subtree(round.bodyUnitId());
        List<ControlDeferrals.Moved> moved = moved(round, subtree);
        Set<Long> away = moved.stream().filter(d -> d.year() == round.year()).map(ControlDeferrals.Moved::pointId)
                .collect(Collectors.toSet());
        List<GoalObject> owned = goalQueries.owned(round.municipalityId(), subtree, REPORTED_KINDS, round.periodId(), List.of());
        Set<Long> ownedIds = owned.stream().map(GoalObject::id).collect(Collectors.toSet());
        List<Long> into = moved.stream().filter(d -> d.deferredTo() == round.year()).map(ControlDeferrals.Moved::pointId)
                .filter(id -> !ownedIds.contains(id) && !away.contains(id)).distinct().toList();
        List<GoalObject> all = new java.util.ArrayList<>(owned);
        if (!into.isEmpty()) {
            all.addAll(goalQueries.objects(round.municipalityId(), into));
        }
        return all.stream()
                .filter(o -> !o.retired() && !away.contains(o.id()))
                .filter(o -> o.kind() == Kind.INTERNKONTROLLPUNKT ? round.type().followsUp(o.followUpOccasion())
                        : round.type().reportsGoals())
                .sorted(Rounds.objectOrder())
                .toList();
    }

    private List<ControlDeferrals.Moved> moved(Round round, Set<Long> subtree) {
        return deferrals == null ? List.of() : deferrals.concerning(round, subtree);
    }

    /** The units a control point is shared to when it enters a round: the administration's departments. */
    private static Set<Long> controlShares(List<OrgUnit> reporting) {
        return reporting.stream().filter(u -> u.type() == OrgUnitType.AVDELNING).map(OrgUnit::id)
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /**
     * A control point's deferral was made, changed or taken back: every round that is not decided, of a year concerned
     * and of the body that owns the point, takes the point in or leaves it out, and its tasks follow. A point leaving a
     * round loses its shares there; what units wrote on it is kept, and is there again if the point comes back.
     * Audited as a change of the sharing, old → new.
     */
    @org.springframework.context.event.EventListener
    void onControlDeferralChanged(ControlDeferrals.Changed changed) {
        GoalObject point = goalQueries.objects(changed.municipalityId(), List.of(changed.pointId())).stream().findFirst().orElse(null);
        if (point == null || point.kind() != Kind.INTERNKONTROLLPUNKT) {
            return;
        }
        for (Round round : repository.undecidedRounds(changed.municipalityId(), changed.years())) {
            Set<Long> subtree = organisation.subtree(round.bodyUnitId());
            if (!subtree.contains(point.ownerUnitId()) || !round.type().followsUp(point.followUpOccasion())) {
                continue;
            }
            boolean wanted = candidates(round).stream().anyMatch(o -> o.id().equals(point.id()));
            boolean included = queries.includes(round.id(), point.id());
            if (wanted == included) {
                continue;
            }
            Set<Long> before = queries.sharedTo(round.id(), point.id());
            Set<Long> after = wanted ? controlShares(RoundPages.reportingUnits(tree.of(round.adminUnitId())).stream()
                    .map(FollowupViews.OutcomeUnit::unit).toList()) : Set.of();
            repository.updateRound(round.id(), round.version(), round.summary(), round.state(), round.reportVersion());
            if (wanted) {
                repository.addObject(round.id(), point.id());
            }
            repository.replaceShares(round.id(), point.id(), after);
            if (!wanted) {
                repository.removeObject(round.id(), point.id());
            }
            syncTasks(round);
            audit.record(round.municipalityId(), "followup_share", point.id(), AuditLog.Action.ANDRAD,
                    "Delning i " + round.name() + ": " + point.title() + (wanted ? " (uppföljningen flyttad hit)" : " (uppföljningen flyttad)"),
                    Map.of("ingar", included, "enheter", before), Map.of("ingar", wanted, "enheter", after));
        }
    }

    /** One task per unit and part that has something shared to it; tasks left without objects go. */
    private void syncTasks(Round round) {
        Map<Long, GoalObject> objects = goalQueries.objects(round.municipalityId(), repository.objectIds(round.id())).stream()
                .collect(Collectors.toMap(GoalObject::id, Function.identity()));
        Set<String> needed = new LinkedHashSet<>();
        for (FollowupRepository.Share s : repository.shares(round.id())) {
            GoalObject o = objects.get(s.objectId());
            if (o != null) {
                needed.add(s.unitId() + ":" + Part.of(o.kind()));
            }
        }
        if (contributions != null) {
            contributions.orderedStream().forEach(c -> c.unitsToReport(round.id()).forEach(u -> needed.add(u + ":" + Part.ATGARD)));
        }
        Set<String> existing = new HashSet<>();
        List<Long> removed = new java.util.ArrayList<>();
        for (Task t : repository.tasks(round.id())) {
            String key = t.unitId() + ":" + t.part();
            if (needed.contains(key)) {
                existing.add(key);
            } else {
                repository.deleteTask(t.id());
                removed.add(t.id());
            }
        }
        if (!removed.isEmpty()) {
            events.publishEvent(new TaskEvents.Removed(round.municipalityId(), round.id(), removed));
        }
        List<Long> opened = new java.util.ArrayList<>();
        for (String key : needed) {
            if (!existing.contains(key)) {
                String[] parts = key.split(":");
                opened.add(repository.insertTask(round.id(), Long.parseLong(parts[0]), Part.valueOf(parts[1])));
            }
        }
        if (!opened.isEmpty()) {
            events.publishEvent(new TaskEvents.Opened(round.municipalityId(), round.id(), round.opensOn(), opened));
        }
    }

    // ---- sharing and texts

    /** Shares an object down to exactly these units; not included, it leaves the round. */
    @Transactional
    public void share(long roundId, long objectId, boolean included, Set<Long> unitIds, int roundVersion) {
        Round round = round(roundId);
        access.require(Access.Action.MANAGE_ROUNDS, round.bodyUnitId());
        Rounds.requireOpen(round);
        GoalObject object = goals.get(objectId);
        Problems p = new Problems();
        p.check(Part.of(object.kind()) != null && !object.retired()
                && organisation.subtree(round.bodyUnitId()).contains(object.ownerUnitId()), "objectId", "uppf.validering.objekt");
        p.throwIfAny();
        if (included && object.kind() == Kind.INTERNKONTROLLPUNKT && !queries.includes(roundId, objectId)) {
            Integer movedTo = moved(round, organisation.subtree(round.bodyUnitId())).stream()
                    .filter(d -> d.pointId() == objectId && d.year() == round.year()).map(ControlDeferrals.Moved::deferredTo)
                    .findFirst().orElse(null);
            Problems.when(movedTo != null, "objectId", "uppf.validering.flyttad", String.valueOf(movedTo));
        }
        UnitTree.Subtree admin = tree.of(round.adminUnitId());
        Set<Long> allowed = RoundPages.reportingUnits(admin).stream().map(u -> u.unit().id()).collect(Collectors.toSet());
        Set<Long> wanted = included ? new LinkedHashSet<>(unitIds) : Set.of();
        Map<Long, Report> reports = queries.reportsOnObject(roundId, objectId);
        Set<Long> named = new java.util.HashSet<>(wanted);
        named.addAll(reports.keySet());
        Map<Long, OrgUnit> units = tree.byIds(named);
        for (Long u : wanted) {
            p.check(allowed.contains(u), "units", "uppf.validering.enhet", units.containsKey(u) ? units.get(u).name() : u);
        }
        Set<Long> before = queries.sharedTo(roundId, objectId);
        boolean wasIncluded = queries.includes(roundId, objectId);
        for (Report r : reports.values()) {
            if (!wanted.contains(r.unitId()) && r.unitId() != round.adminUnitId()) {
                p.add("units", "uppf.validering.harRapport", units.get(r.unitId()).name());
            }
            if (!included && r.unitId() == round.adminUnitId()) {
                p.add("included", "uppf.validering.harRapport", units.get(r.unitId()).name());
            }
        }
        p.throwIfAny();
        repository.updateRound(round.id(), roundVersion, round.summary(), round.state(), round.reportVersion());
        if (included && !wasIncluded) {
            repository.addObject(roundId, objectId);
        }
        repository.replaceShares(roundId, objectId, wanted);
        if (!included && wasIncluded) {
            repository.removeObject(roundId, objectId);
        }
        syncTasks(round);
        audit.record(round.municipalityId(), "followup_share", objectId, AuditLog.Action.ANDRAD,
                "Delning i " + round.name() + ": " + object.title(),
                Map.of("ingar", wasIncluded, "enheter", before), Map.of("ingar", included, "enheter", wanted));
    }

    /** The administration's opening text of the report and the round's instructions per part. */
    @Transactional
    public Round saveTexts(long roundId, int version, String summary, Map<Part, String> instructions) {
        Round round = round(roundId);
        access.require(Access.Action.MANAGE_ROUNDS, round.bodyUnitId());
        Rounds.requireOpen(round);
        Problems p = new Problems();
        String text = Rounds.blankToNull(summary);
        p.check(text == null || text.length() <= 20_000, "summary", "validering.text.lang", 20_000);
        instructions.forEach((part, t) -> p.check(t == null || t.strip().length() <= Rounds.TEXT_MAX, "instructions[" + part + "]",
                "validering.text.lang", Rounds.TEXT_MAX));
        p.throwIfAny();
        Map<Part, String> before = repository.instructions(roundId);
        repository.updateRound(roundId, version, text, round.state(), round.reportVersion());
        instructions.forEach((part, t) -> repository.setInstruction(roundId, part, t == null ? "" : t.strip()));
        Round after = repository.findRound(roundId).orElseThrow();
        audit.record(round.municipalityId(), "followup_round", roundId, AuditLog.Action.ANDRAD, "Texter: " + round.name(),
                Map.of("summary", String.valueOf(round.summary()), "instructions", before),
                Map.of("summary", String.valueOf(text), "instructions", repository.instructions(roundId)));
        return after;
    }

    // ---- deciding

    /** What is recorded when the committee has decided the report. */
    public record Decision(LocalDate decidedOn, String decisionRef, String note, boolean confirmUnapproved) {
    }

    /**
     * The committee has decided the report: the round is frozen and this version is kept exactly as decided. A report
     * whose tasks are not all approved is decided only when that is confirmed; the number of tasks not approved is
     * kept with the version and in the audit log. An årsbokslut must first say whether the internal-control plan was
     * followed.
     */
    @Transactional
    public Round decide(long roundId, int version, Decision in, Function<Round, String> render) {
        Round round = round(roundId);
        access.require(Access.Action.MANAGE_ROUNDS, round.bodyUnitId());
        Rounds.requireOpen(round);
        Problems p = new Problems();
        LocalDate decidedOn = in.decidedOn();
        p.check(decidedOn != null, "decidedOn", "validering.datum");
        p.check(decidedOn == null || !decidedOn.isBefore(round.asOf()), "decidedOn", "uppf.validering.beslutsdatum");
        String ref = Rounds.text(p, "decisionRef", in.decisionRef(), 200);
        p.check(ref != null, "decisionRef", "uppf.validering.paragraf");
        p.check(repository.readyForDecision(roundId) == null, "decisionRef", "uppf.validering.iProtokollet");
        String why = Rounds.text(p, "note", in.note(), Rounds.SHORT_TEXT_MAX);
        p.check(round.reportVersion() == 1 || why != null, "note", "uppf.validering.rattelse");
        Unapproved unapproved = Unapproved.of(queries, round);
        p.check(unapproved.count() == 0 || in.confirmUnapproved(), "confirmUnapproved", "uppf.validering.ejGodkanda",
                unapproved.count(), unapproved.total());
        if (round.type() == RoundType.ARSBOKSLUT) {
            p.check(annualReviews.of(round).controlPlanFollowed() != null, "controlPlanFollowed", "uppf.validering.planfragan");
        }
        p.throwIfAny();
        repository.updateRound(roundId, version, round.summary(), RoundState.BESLUTAD, round.reportVersion());
        Round decided = repository.findRound(roundId).orElseThrow();
        String html = render.apply(decided);
        repository.insertVersion(roundId, decided.reportVersion(), decidedOn, ref, why, unapproved.count(), html, Rounds.actor());
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("uppfoljning", decided);
        after.put("ejGodkandaUppgifter", unapproved.count());
        after.put("uppgifter", unapproved.total());
        after.put("bekraftatEjGodkanda", unapproved.count() > 0);
        audit.record(round.municipalityId(), "followup_round", roundId, AuditLog.Action.ANDRAD,
                "Beslutad version " + decided.reportVersion() + ": " + round.name() + " (" + ref + ")"
                        + (unapproved.count() > 0 ? messages.text("uppf.beslutadTrots", unapproved.count(), unapproved.total()) : ""),
                round, after);
        return decided;
    }

    /** Opens a decided round for a correction; the decided versions stay as they were, the next one gets a new number. */
    @Transactional
    public Round reopen(long roundId, int version, String reason) {
        Round round = round(roundId);
        access.require(Access.Action.MANAGE_ROUNDS, round.bodyUnitId());
        Problems.when(!round.isDecided(), "round", "uppf.validering.inteBeslutad");
        Problems p = new Problems();
        String why = Rounds.text(p, "reason", reason, Rounds.SHORT_TEXT_MAX);
        p.check(why != null, "reason", "uppf.validering.rattelse");
        p.throwIfAny();
        repository.updateRound(roundId, version, round.summary(), RoundState.OPPEN, round.reportVersion() + 1);
        repository.setReadyForDecision(roundId, null);
        Round reopened = repository.findRound(roundId).orElseThrow();
        audit.record(round.municipalityId(), "followup_round", roundId, AuditLog.Action.ANDRAD,
                "Öppnad för rättelse (version " + reopened.reportVersion() + "): " + why, round, reopened);
        return reopened;
    }

    public List<ReportVersion> versions(long roundId) {
        return repository.versions(round(roundId).id());
    }

    public String versionHtml(long roundId, int number) {
        return repository.versionHtml(round(roundId).id(), number)
                .orElseThrow(() -> new NotFoundException("Version", number));
    }

    Map<Part, String> instructions(Round round) {
        return repository.instructions(round.id());
    }
}
