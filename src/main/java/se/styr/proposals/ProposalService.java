package se.styr.proposals;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.styr.accounts.Access;
import se.styr.audit.AuditLog;
import se.styr.economy.allocation.AllocationService;
import se.styr.economy.budget.Budget;
import se.styr.economy.budget.BudgetData;
import se.styr.economy.budget.BudgetService;
import se.styr.economy.StatementLine;
import se.styr.organisation.OrgUnit;
import se.styr.organisation.OrgUnitType;
import se.styr.organisation.Organisation;
import se.styr.organisation.UnitTree;
import se.styr.platform.NotFoundException;
import se.styr.platform.Problems;
import tools.jackson.databind.json.JsonMapper;

/**
 * Party budget proposals: a party group's drafts are seen only by the group (and administrators); published versions
 * by everyone, also without logging in, from the snapshot taken when they were published.
 */
@Service
class ProposalService {

    static final String AUDIT_TYPE = "PROPOSAL";
    /** The largest tax change either way: 100 kronor per 100 kronor of tax base, which keeps its revenue within a long. */
    static final int MAX_TAX_CHANGE_ORE = 10_000;

    /**
     * A proposal computed on its base.
     *
     * @param baseLabel            the base budget version, e.g. "Budget 2022–2024, version 1"
     * @param noFinancialGoals     whether the base's period has no financial goals to check
     * @param illustrativeBase     whether the base is an illustrative budget, not one a council decided (false in
     *                             snapshots published before this was recorded)
     * @param resultBudget         the proposal's result budget: the base's result statement with the proposal's changes,
     *                             line by line (null in snapshots published before it was recorded)
     */
    record View(Proposal proposal, String municipality, String baseLabel, ProposalCalculator.Result result, boolean noFinancialGoals,
                boolean illustrativeBase, List<ResultLine> resultBudget) {
    }

    /** One line of a proposal's result budget with its amount per plan year (kronor). */
    record ResultLine(StatementLine line, Map<Integer, Long> amounts) {
    }

    private final ProposalRepository repository;
    private final BudgetService budgets;
    private final AllocationService allocation;
    private final Organisation organisation;
    private final UnitTree tree;
    private final Access access;
    private final AuditLog audit;
    private final JsonMapper json;
    private final ProposalFigures figures;

    ProposalService(ProposalRepository repository, BudgetService budgets, AllocationService allocation,
                    Organisation organisation, UnitTree tree, Access access, AuditLog audit, JsonMapper json,
                    ProposalFigures figures) {
        this.repository = repository;
        this.budgets = budgets;
        this.allocation = allocation;
        this.figures = figures;
        this.organisation = organisation;
        this.tree = tree;
        this.access = access;
        this.audit = audit;
        this.json = json;
    }

    /**
     * What the current user may see: every published version, and the drafts of their own party group; by party group
     * in the organisation's order, then by proposal, newest version first.
     */
    List<Proposal> visible() {
        List<OrgUnit> units = organisation.units(access.municipalityId());
        List<Long> order = units.stream().map(OrgUnit::id).toList();
        Map<Long, String> names = new HashMap<>();
        units.forEach(u -> names.put(u.id(), u.name()));
        return repository.all(access.municipalityId()).stream().filter(this::maySee).map(p -> p.withPartyName(names.get(p.partyUnitId())))
                .sorted(java.util.Comparator.comparingInt(p -> order.indexOf(p.partyUnitId()))).toList();
    }

    /** One page of what the current user may see (the API's list), filtered; named, in the order of {@link #visible()}. */
    se.styr.platform.Paging.Page<Proposal> visible(Long budgetId, Long party, ProposalState state, se.styr.platform.Paging paging) {
        List<Long> own = ownGroups().stream().map(OrgUnit::id).toList();
        se.styr.platform.Paging.Page<Proposal> page = repository.visible(access.municipalityId(), own, budgetId, party, state, paging);
        Map<Long, OrgUnit> parties = tree.byIds(page.items().stream().map(Proposal::partyUnitId).collect(java.util.stream.Collectors.toSet()));
        return paging.of(page.total(), page.items().stream()
                .map(p -> p.withPartyName(parties.containsKey(p.partyUnitId()) ? parties.get(p.partyUnitId()).name() : null)).toList());
    }

    Proposal proposal(long id) {
        return repository.find(id).filter(p -> p.municipalityId() == access.municipalityId()).filter(this::maySee).map(this::named)
                .orElseThrow(() -> new NotFoundException("Förslaget", id));
    }

    /** The proposal with its party group's name, which the organisation keeps. */
    Proposal named(Proposal p) {
        return p.withPartyName(organisation.findUnit(p.partyUnitId()).map(OrgUnit::name).orElse(null));
    }

    boolean maySee(Proposal p) {
        return p.published() || access.may(Access.Action.PROPOSE, p.partyUnitId());
    }

    boolean mayEdit(Proposal p) {
        return access.may(Access.Action.PROPOSE, p.partyUnitId());
    }

    /** The party groups the current user writes proposals for. */
    List<OrgUnit> ownGroups() {
        return organisation.units(access.municipalityId(), Set.of(OrgUnitType.PARTIGRUPP)).stream()
                .filter(u -> access.may(Access.Action.PROPOSE, u.id())).toList();
    }

    List<Budget> bases() {
        return budgets.budgets();
    }

    /**
     * A new, empty proposal on a base: it starts from the PKV and volume shares of the base's allocation model, or full
     * compensation (100 %) when the base has no saved model.
     */
    Proposal empty(long budgetId, long partyUnitId) {
        Budget base = budgets.budget(budgetId);
        organisation.findUnit(partyUnitId).filter(u -> u.type() == OrgUnitType.PARTIGRUPP && u.municipalityId() == base.municipalityId())
                .orElseThrow(() -> new NotFoundException("Partigruppen", partyUnitId));
        AllocationService.View model = allocation.view(budgetId);
        BigDecimal full = BigDecimal.valueOf(100);
        return new Proposal(0, 0, base.municipalityId(), budgetId, partyUnitId, null, 1, ProposalState.UTKAST, "", null, 0, Map.of(),
                null, model.saved() ? model.model().pkvShare() : full, model.saved() ? model.model().volumeShare() : full,
                List.of(), List.of(), null, null, 0);
    }

    /** A published version from its snapshot (no login needed); empty when there is no such published version. */
    Optional<View> published(long id) {
        return repository.snapshot(id).map(s -> json.readValue(s, View.class));
    }

    /** The published snapshot exactly as stored, for the open JSON API. */
    Optional<String> publishedJson(long id) {
        return repository.snapshot(id);
    }

    List<View> allPublished() {
        return repository.publishedSnapshots().stream().map(e -> json.readValue(e.getValue(), View.class)).toList();
    }

    /** One page of the published versions, for the open API: only the page's snapshots are read. */
    se.styr.platform.Paging.Page<View> published(se.styr.platform.Paging paging) {
        long total = repository.countPublished();
        return paging.of(total, total == 0 ? List.of() : repository.publishedSnapshots(paging).stream()
                .map(e -> json.readValue(e.getValue(), View.class)).toList());
    }

    /** A published version as its snapshot shows it (computed now while the snapshot is still to be taken), a draft computed now. */
    View view(Proposal p) {
        return p.published() ? published(p.id()).orElseGet(() -> compute(p)) : compute(p);
    }

    /** Computes a proposal (saved or typed) on its base budget, with every check. */
    View compute(Proposal p) {
        return figures.compute(p);
    }

    /** What a proposal typed in the editor gives, without saving; bad input is refused as on save. */
    View preview(Proposal p) {
        validate(p);
        return compute(p);
    }

    /** Refuses (403) one who may not write the party's proposals, before their input is looked at. */
    void requireMayPropose(long partyUnitId) {
        access.require(Access.Action.PROPOSE, partyUnitId);
    }

    @Transactional
    long create(Proposal p) {
        access.require(Access.Action.PROPOSE, p.partyUnitId());
        validate(p);
        long proposalId = repository.create(access.municipalityId(), p.budgetId(), p.partyUnitId());
        long id = repository.insertVersion(proposalId, 1, p);
        audit.record(access.municipalityId(), AUDIT_TYPE, id, AuditLog.Action.SKAPAD, "Budgetförslag skapat: " + p.title(), null, p);
        return id;
    }

    /**
     * Saves a draft; saving a published version starts the next version as a draft and leaves the published one as it
     * was. Returns the id of the version saved.
     */
    @Transactional
    long save(long id, int version, Proposal typed) {
        Proposal old = proposal(id);
        access.require(Access.Action.PROPOSE, old.partyUnitId());
        Proposal p = old.withContentsOf(typed);
        validate(p);
        if (old.published()) {
            Problems.when(repository.draftOf(old.proposalId()).isPresent(), "version", "proposals.error.draftExists");
            long next = repository.insertVersion(old.proposalId(), repository.lastVersionNo(old.proposalId()) + 1, p);
            audit.record(access.municipalityId(), AUDIT_TYPE, next, AuditLog.Action.SKAPAD,
                    "Ny version av budgetförslaget: " + p.title(), null, p);
            return next;
        }
        repository.update(id, version, p);
        audit.record(access.municipalityId(), AUDIT_TYPE, id, AuditLog.Action.ANDRAD, "Budgetförslag ändrat: " + p.title(), old, p);
        return id;
    }

    @Transactional
    void publish(long id, int version) {
        Proposal p = proposal(id);
        access.require(Access.Action.PROPOSE, p.partyUnitId());
        Problems.when(p.published(), "version", "proposals.error.published");
        LocalDateTime now = LocalDateTime.now().withNano(0);
        String by = access.current().username();
        repository.publish(id, version, json.writeValueAsString(compute(p.asPublished(now, p.version() + 1))), now, by);
        audit.record(access.municipalityId(), AUDIT_TYPE, id, AuditLog.Action.ANDRAD, "Budgetförslag publicerat: " + p.title(),
                Map.of("status", p.state().name(), "version", p.versionNo()),
                Map.of("status", ProposalState.PUBLICERAD.name(), "version", p.versionNo(), "publicerat", now.toString(), "av", by));
    }

    /**
     * Takes the snapshot of a version recorded as published without one (as the demo data loads them), computed as the
     * user who published it is signed in now.
     */
    @Transactional
    void completePublication(long id) {
        Proposal p = named(repository.find(id).orElseThrow());
        // who published stays in the table, not in the public snapshot
        repository.storeSnapshot(id, json.writeValueAsString(compute(p.asPublished(p.publishedAt(), p.version()))));
    }

    /** Checks a proposal against its base: committees in the base, years in the period, tax bases, shares. */
    void validate(Proposal p) {
        new Problems().addAll(problems(p)).throwIfAny();
    }

    /** A share of full compensation: given, and 0–200 %. */
    private static void share(Problems problems, String field, BigDecimal share) {
        if (share == null) {
            problems.add(field, "proposals.error.shareMissing." + field);
        } else {
            problems.check(share.signum() >= 0 && share.compareTo(BigDecimal.valueOf(200)) <= 0, field, "proposals.error.share");
        }
    }

    /** What is wrong with a proposal for its base (nothing is computed or saved). */
    List<se.styr.platform.ValidationException.Problem> problems(Proposal p) {
        BudgetData data = budgets.data(p.budgetId());
        Budget base = data.budget();
        Set<Long> committees = new java.util.HashSet<>();
        data.frames().forEach(l -> {
            if (l.orgUnitId() != null) {
                committees.add(l.orgUnitId());
            }
        });
        Set<Long> named = new java.util.HashSet<>();
        named.add(p.partyUnitId());
        p.changes().forEach(c -> named.add(c.orgUnitId()));
        Map<Long, OrgUnit> units = new HashMap<>(tree.byIds(named));
        units.values().removeIf(u -> u.municipalityId() != base.municipalityId());
        OrgUnit party = units.get(p.partyUnitId());
        Problems problems = new Problems();
        problems.check(party != null && party.type() == OrgUnitType.PARTIGRUPP,
                "partyUnitId", "proposals.error.party");
        problems.check(p.title() != null && !p.title().isBlank(), "title", "proposals.error.title");
        problems.check(Math.abs(p.taxChangeOre()) <= MAX_TAX_CHANGE_ORE, "taxChangeOre", "proposals.error.oreRange");
        problems.check(p.resultTarget() == null || p.resultTarget().abs().compareTo(BigDecimal.valueOf(100)) <= 0, "resultTarget",
                "proposals.error.resultTarget");
        for (int i = 0; i < p.changes().size(); i++) {
            Proposal.FrameChange c = p.changes().get(i);
            String field = "change" + i;
            problems.check(committees.contains(c.orgUnitId()), field + ".unit", "proposals.error.committee",
                    units.containsKey(c.orgUnitId()) ? units.get(c.orgUnitId()).name() : String.valueOf(c.orgUnitId()), base.label());
            problems.check(base.years().contains(c.year()), field + ".year", "proposals.error.year", String.valueOf(c.year()),
                    String.valueOf(base.firstYear()), String.valueOf(base.lastYear()));
        }
        p.taxBase().forEach((year, amount) -> {
            problems.check(base.years().contains(year), "taxBase" + year, "proposals.error.year", String.valueOf(year),
                    String.valueOf(base.firstYear()), String.valueOf(base.lastYear()));
            problems.check(amount >= 0, "taxBase" + year, "proposals.error.taxBaseNegative", String.valueOf(year));
        });
        if (p.taxChangeOre() != 0) {
            for (int year : base.years()) {
                problems.check(p.taxBase().get(year) != null, "taxBase" + year, "proposals.error.taxBaseMissing", String.valueOf(year));
            }
        }
        share(problems, "pkvShare", p.pkvShare());
        share(problems, "volumeShare", p.volumeShare());
        try {
            problems.throwIfAny();
            return List.of();
        } catch (se.styr.platform.ValidationException e) {
            return e.problems();
        }
    }
}
