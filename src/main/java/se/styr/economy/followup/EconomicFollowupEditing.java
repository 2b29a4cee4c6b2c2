package se.styr.economy.followup;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.styr.accounts.Access;
import se.styr.audit.AuditLog;
import se.styr.economy.AccountGroup;
import se.styr.economy.budget.BudgetData;
import se.styr.economy.budget.BudgetService;
import se.styr.economy.followup.EconomicFollowupRepository.Data;
import se.styr.economy.followup.EconomicFollowupRepository.RowData;
import se.styr.economy.followup.ForecastCalculator.InvestmentFigures;
import se.styr.organisation.OrgUnit;
import se.styr.platform.ConflictException;
import se.styr.platform.Messages;
import se.styr.platform.Problems;
import se.styr.platform.SwedishFormat;

/**
 * A committee's economic report being written: created for a month, saved and submitted, reopened. Every save is
 * checked whole before anything is written (Swedish messages), locked against the version the editor read, and
 * audited old → new. The policy's rule is enforced here: a negative forecast cannot be submitted without an action
 * plan for a balanced economy decided at the same time.
 */
@Service
class EconomicFollowupEditing {

    static final String AUDIT_TYPE = "EKONOMISK_UPPFOLJNING";
    static final int MAX_TEXT = 4000;
    static final int MAX_REFERENCE = 100;
    /** Amounts are refused beyond a thousand billion kronor: no committee has such figures, and bigint stays safe. */
    static final long MAX_AMOUNT = 1_000_000_000_000_000L;

    private final EconomicFollowupService followups;
    private final EconomicFollowupRepository repository;
    private final BudgetService budgets;
    private final EconomicOutcomes outcomes;
    private final Access access;
    private final AuditLog audit;
    private final Messages messages;
    private final SwedishFormat sv;

    EconomicFollowupEditing(EconomicFollowupService followups, EconomicFollowupRepository repository, BudgetService budgets,
                            EconomicOutcomes outcomes, Access access, AuditLog audit, Messages messages, SwedishFormat sv) {
        this.followups = followups;
        this.repository = repository;
        this.budgets = budgets;
        this.outcomes = outcomes;
        this.access = access;
        this.audit = audit;
        this.messages = messages;
        this.sv = sv;
    }

    /**
     * A new draft for the committee's month. It compares with the committee's previous report of the year and starts
     * from its budget adjustments and forecasts; explanations are written anew.
     */
    @Transactional
    EconomicFollowupReport create(long unitId, int year, int month, EconomicFollowupType type) {
        OrgUnit committee = followups.committee(unitId);
        access.require(Access.Action.MANAGE_BUDGET, unitId);
        Problems p = new Problems();
        p.check(month >= 1 && month <= 12, "month", "ekuppf.error.month");
        p.check(type != null, "type", "validering.val");
        p.check(budgets.forYear(year).isPresent(), "year", "ekuppf.error.noBudget", String.valueOf(year));
        p.check(repository.find(unitId, year, month).isEmpty(), "month", "ekuppf.error.exists", committee.name(),
                followups.monthName(Math.max(1, Math.min(12, month))), String.valueOf(year));
        p.throwIfAny();
        Optional<Data> previous = repository.ofYear(access.municipalityId(), year).stream()
                .filter(d -> d.orgUnitId() == unitId && d.month() < month).max(Comparator.comparingInt(Data::month));
        long id = repository.insert(access.municipalityId(), unitId, year, month, type, previous.map(Data::id).orElse(null));
        previous.ifPresent(prev -> {
            prev.rows().forEach((g, r) -> repository.setRow(id, g, new RowData(r.budget(), r.forecast(), null)));
            prev.investments().forEach((line, f) -> repository.setInvestment(id, line, new InvestmentFigures(f.forecast(), null, null)));
        });
        EconomicFollowupReport created = followups.report(id);
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("nämnd", committee.name());
        values.put("rapport", created.title());
        values.put("jämförs med", created.compareWithTitle());
        audit.record(access.municipalityId(), AUDIT_TYPE, id, AuditLog.Action.SKAPAD,
                "Ekonomisk uppföljning skapad: " + committee.name() + ", " + created.title(), null, values);
        return created;
    }

    /** The input that changes nothing: what the API starts from. */
    ReportInput unchanged(long id) {
        Data d = followups.data(id);
        return new ReportInput(d.type(), d.compareWithId(), d.summary(), Map.of(), Map.of(), Map.of(), Map.of(), Map.of(),
                d.actionPlan(), d.actionPlanDecidedOn(), d.actionPlanReference());
    }

    /**
     * Saves the draft and, with {@code submit}, submits it: all or nothing, against the version the editor read.
     * Submitting needs a forecast on every row, a revised budget within the frame, and, when the forecast result is
     * negative, an action plan with the committee's decision.
     */
    @Transactional
    EconomicFollowupReport save(long id, int version, ReportInput in, boolean submit) {
        Data before = followups.data(id);
        OrgUnit committee = followups.committee(before.orgUnitId());
        access.require(Access.Action.MANAGE_BUDGET, committee.id());
        YearBudget budget = followups.yearBudget(before.year());
        Problems p = new Problems();
        if (before.state() == EconomicFollowupState.INLAMNAD) {
            p.add("version", "ekuppf.error.submitted");
            p.throwIfAny();
        }
        validate(before, in, budget, p);
        p.throwIfAny();
        Data after = in.applyTo(before, budget);
        EconomicFollowupReport view = followups.view(after, budget, true);
        checkFrame(after, budget, submit, p);
        if (submit) {
            for (AccountGroup g : ForecastCalculator.OPERATING_ROWS) {
                p.check(after.row(g).forecast() != null, g.name() + "_" + ForecastCalculator.FORECAST, "ekuppf.error.forecastMissing", followups.label(g));
            }
            if (view.negativeForecast()) {
                String deficit = sv.tkr(BigDecimal.valueOf(-view.forecastResult()));
                p.check(after.actionPlan() != null, "actionPlan", "ekuppf.error.actionPlan", deficit);
                p.check(after.actionPlanDecidedOn() != null, "actionPlanDecidedOn", "ekuppf.error.actionPlanDecidedOn");
                p.check(after.actionPlanReference() != null, "actionPlanReference", "ekuppf.error.actionPlanReference");
            }
        }
        p.throwIfAny();
        if (!repository.touch(id, version)) {
            throw new ConflictException("Ekonomiska uppföljningen", id);
        }
        Map<String, String> old = new LinkedHashMap<>();
        Map<String, String> changed = new LinkedHashMap<>();
        writeHeader(before, after, old, changed);
        for (AccountGroup g : AccountGroup.typed()) {
            if (!before.row(g).equals(after.row(g))) {
                repository.setRow(id, g, after.row(g));
                describe(followups.label(g) + " budget", before.row(g).budget(), after.row(g).budget(), old, changed);
                describe(followups.label(g) + " prognos", before.row(g).forecast(), after.row(g).forecast(), old, changed);
                text(followups.label(g) + " förklaring", before.row(g).explanation(), after.row(g).explanation(), old, changed);
            }
        }
        Map<Long, String> lineLabels = budget.investments(committee.id()).stream()
                .collect(Collectors.toMap(BudgetData.InvestmentLine::id, BudgetData.InvestmentLine::label));
        after.investments().forEach((line, f) -> {
            InvestmentFigures was = before.investments().getOrDefault(line, new InvestmentFigures(null, null, null));
            if (!was.equals(f)) {
                repository.setInvestment(id, line, f);
                String l = lineLabels.get(line);
                describe(l + " prognos", was.forecast(), f.forecast(), old, changed);
                describe(l + " utfall", was.outcome(), f.outcome(), old, changed);
                describe(l + " utfall föregående år", was.outcomeLastYear(), f.outcomeLastYear(), old, changed);
            }
        });
        writeOutcomes(committee, before, in.outcome());
        String what = committee.name() + ", " + view.title();
        if (!changed.isEmpty()) {
            audit.record(access.municipalityId(), AUDIT_TYPE, id, AuditLog.Action.ANDRAD,
                    "Ekonomisk uppföljning ändrad: " + what, old, changed);
        }
        if (submit) {
            repository.setState(id, EconomicFollowupState.INLAMNAD, OffsetDateTime.now(ZoneOffset.UTC), access.current().username());
            Map<String, String> state = new LinkedHashMap<>();
            state.put("status", EconomicFollowupState.INLAMNAD.name());
            if (view.negativeForecast()) {
                state.put("prognos årets resultat", tkr(view.forecastResult()));
                state.put("åtgärdsplan beslutad", after.actionPlanDecidedOn() + ", " + after.actionPlanReference());
            }
            audit.record(access.municipalityId(), AUDIT_TYPE, id, AuditLog.Action.ANDRAD, "Ekonomisk uppföljning inlämnad: " + what,
                    Map.of("status", before.state().name()), state);
        }
        return followups.report(id);
    }

    /** A submitted report back to a draft, to be corrected and submitted again. */
    @Transactional
    EconomicFollowupReport reopen(long id, int version) {
        Data d = followups.data(id);
        OrgUnit committee = followups.committee(d.orgUnitId());
        access.require(Access.Action.MANAGE_BUDGET, committee.id());
        Problems.when(d.state() != EconomicFollowupState.INLAMNAD, "version", "ekuppf.error.notSubmitted");
        if (!repository.touch(id, version)) {
            throw new ConflictException("Ekonomiska uppföljningen", id);
        }
        repository.setState(id, EconomicFollowupState.UTKAST, null, null);
        EconomicFollowupReport view = followups.report(id);
        Map<String, String> old = new LinkedHashMap<>();
        old.put("status", d.state().name());
        old.put("inlämnad", d.submittedAt() + " av " + d.submittedBy());
        audit.record(access.municipalityId(), AUDIT_TYPE, id, AuditLog.Action.ANDRAD,
                "Ekonomisk uppföljning öppnad igen: " + committee.name() + ", " + view.title(), old,
                Map.of("status", EconomicFollowupState.UTKAST.name()));
        return view;
    }

    private void validate(Data d, ReportInput in, YearBudget budget, Problems p) {
        p.check(in.type() != null, "type", "validering.val");
        if (in.compareWithId() != null) {
            Optional<Data> c = repository.find(in.compareWithId());
            p.check(c.isPresent() && c.get().orgUnitId() == d.orgUnitId() && c.get().year() == d.year() && c.get().month() < d.month(),
                    "compareWithId", "ekuppf.error.compareWith");
        }
        checkText(in.summary(), MAX_TEXT, "summary", p);
        checkText(in.actionPlan(), MAX_TEXT, "actionPlan", p);
        checkText(in.actionPlanReference(), MAX_REFERENCE, "actionPlanReference", p);
        in.explanations().forEach((g, text) -> {
            p.check(ForecastCalculator.OPERATING_ROWS.contains(g), "explanation_" + g.name(), "economy.error.derived", followups.label(g));
            checkText(text, MAX_TEXT, "explanation_" + g.name(), p);
        });
        in.budget().forEach((g, amount) -> {
            String field = g.name() + "_" + ForecastCalculator.BUDGET;
            if (!ForecastCalculator.OPERATING_ROWS.contains(g)) {
                p.add(field, "economy.error.derived", followups.label(g));
            } else {
                checkSign(g, amount, field, p);
            }
        });
        in.forecast().forEach((g, amount) -> {
            String field = g.name() + "_" + ForecastCalculator.FORECAST;
            if (!ForecastCalculator.OPERATING_ROWS.contains(g) && g != AccountGroup.FINANSNETTO) {
                p.add(field, "economy.error.derived", followups.label(g));
            } else {
                checkSign(g, amount, field, p);
            }
        });
        if (!in.outcome().isEmpty()) {
            boolean typable = !outcomes.unitsBelowHaveOutcomes(d.orgUnitId(), d.year());
            Map<AccountGroup, Long> current = followups.outcomeToDate(d.orgUnitId(), d.year(), d.month());
            in.outcome().forEach((g, amount) -> {
                String field = g.name() + "_" + ForecastCalculator.OUTCOME;
                if (g.derived()) {
                    p.add(field, "economy.error.derived", followups.label(g));
                } else if (!typable && !ReportInput.sameTkr(amount, current.get(g))) {
                    p.add(field, "ekuppf.error.outcomeFromUnits");
                } else {
                    checkSign(g, amount, field, p);
                }
            });
        }
        Set<Long> leaves = leafLines(budget.investments(d.orgUnitId()));
        in.investments().forEach((line, f) -> {
            String field = "L" + line + "_" + ForecastCalculator.FORECAST;
            if (!leaves.contains(line)) {
                p.add(field, "economy.error.line", line);
                return;
            }
            checkInvestment(f.forecast(), "L" + line + "_" + ForecastCalculator.FORECAST, p);
            checkInvestment(f.outcome(), "L" + line + "_" + ForecastCalculator.OUTCOME, p);
            checkInvestment(f.outcomeLastYear(), "L" + line + "_" + ForecastCalculator.OUTCOME_LAST_YEAR, p);
        });
    }

    /**
     * A revised budget is a technical redistribution within the frame: the operating rows' net cost stays equal to
     * the grant. Checked whenever the budget was adjusted, and always on submission.
     */
    private void checkFrame(Data after, YearBudget budget, boolean submit, Problems p) {
        boolean adjusted = ForecastCalculator.OPERATING_ROWS.stream().anyMatch(g -> after.row(g).budget() != null);
        if (!adjusted && !submit) {
            return;
        }
        long frame = budget.frame(after.orgUnitId());
        long net = ForecastCalculator.netCost(budget.revised(after));
        p.check(net == -frame, ForecastCalculator.OPERATING_ROWS.get(0).name() + "_" + ForecastCalculator.BUDGET,
                "ekuppf.error.frame", sv.tkr(BigDecimal.valueOf(-frame)), sv.tkr(BigDecimal.valueOf(net)));
    }

    private void checkSign(AccountGroup g, Long amount, String field, Problems p) {
        if (amount == null) {
            return;
        }
        if (Math.abs(amount) > MAX_AMOUNT) {
            p.add(field, "economy.error.amount", followups.label(g));
        } else if (g.cost() && amount > 0) {
            p.add(field, "economy.error.costSign", followups.label(g));
        } else if ((g == AccountGroup.VERKSAMHETENS_INTAKTER || g == AccountGroup.KOMMUNBIDRAG) && amount < 0) {
            p.add(field, "economy.error.revenueSign", followups.label(g));
        }
    }

    private static void checkInvestment(Long amount, String field, Problems p) {
        if (amount != null && (amount < 0 || amount > MAX_AMOUNT)) {
            p.add(field, "ekuppf.error.investment");
        }
    }

    private static void checkText(String text, int max, String field, Problems p) {
        p.check(text == null || text.length() <= max, field, "validering.text.lang", max);
    }

    private void writeHeader(Data before, Data after, Map<String, String> old, Map<String, String> changed) {
        boolean same = before.type() == after.type() && Objects.equals(before.compareWithId(), after.compareWithId())
                && Objects.equals(before.summary(), after.summary()) && Objects.equals(before.actionPlan(), after.actionPlan())
                && Objects.equals(before.actionPlanDecidedOn(), after.actionPlanDecidedOn())
                && Objects.equals(before.actionPlanReference(), after.actionPlanReference());
        if (same) {
            return;
        }
        repository.updateHeader(after.id(), after.type(), after.compareWithId(), after.summary(), after.actionPlan(),
                after.actionPlanDecidedOn(), after.actionPlanReference());
        text("typ", before.type().name(), after.type().name(), old, changed);
        text("jämförs med", String.valueOf(before.compareWithId()), String.valueOf(after.compareWithId()), old, changed);
        text("sammanfattning", before.summary(), after.summary(), old, changed);
        text("åtgärdsplan", before.actionPlan(), after.actionPlan(), old, changed);
        text("åtgärdsplan beslutad", String.valueOf(before.actionPlanDecidedOn()), String.valueOf(after.actionPlanDecidedOn()), old, changed);
        text("åtgärdsplan beslut", before.actionPlanReference(), after.actionPlanReference(), old, changed);
    }

    /**
     * Stores typed outcomes to date as the committee's own outcome of the report's month: the difference to its
     * outcome up to the month before. A cleared figure removes the month's own row.
     */
    private void writeOutcomes(OrgUnit committee, Data d, Map<AccountGroup, Long> typed) {
        if (typed.isEmpty()) {
            return;
        }
        Map<AccountGroup, Long> current = followups.outcomeToDate(committee.id(), d.year(), d.month());
        Map<AccountGroup, Long> before = d.month() == 1 ? Map.of() : followups.outcomeToDate(committee.id(), d.year(), d.month() - 1);
        List<EconomicOutcomes.Row> rows = new ArrayList<>();
        typed.forEach((g, amount) -> {
            if (ReportInput.sameTkr(amount, current.get(g))) {
                return;
            }
            if (amount == null) {
                outcomes.remove(committee.id(), d.year(), d.month(), g);
                audit.record(access.municipalityId(), "UTFALL", null, AuditLog.Action.BORTTAGEN,
                        "Utfall borttaget: " + committee.name() + ", " + followups.label(g) + " " + d.year() + "-" + d.month(),
                        Map.of("utfall", tkr(current.get(g))), null);
            } else {
                rows.add(new EconomicOutcomes.Row(committee.id(), d.year(), d.month(), g, amount - before.getOrDefault(g, 0L)));
            }
        });
        outcomes.replace(rows, messages.text("ekuppf.outcome.source"));
    }

    private static Set<Long> leafLines(List<BudgetData.InvestmentLine> lines) {
        Set<Long> parents = lines.stream().map(BudgetData.InvestmentLine::parentId).filter(Objects::nonNull).collect(Collectors.toSet());
        return lines.stream().map(BudgetData.InvestmentLine::id).filter(id -> !parents.contains(id)).collect(Collectors.toSet());
    }

    // ---- audit texts

    private void describe(String key, Long was, Long now, Map<String, String> old, Map<String, String> changed) {
        if (!Objects.equals(was, now)) {
            old.put(key, tkr(was));
            changed.put(key, tkr(now));
        }
    }

    private static void text(String key, String was, String now, Map<String, String> old, Map<String, String> changed) {
        if (!Objects.equals(was, now)) {
            old.put(key, was == null ? "–" : was);
            changed.put(key, now == null ? "–" : now);
        }
    }

    private String tkr(Long kronor) {
        return kronor == null ? "–" : sv.tkrExact(kronor) + " tkr";
    }
}
