package se.styr.economy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
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
import se.styr.economy.EconomicFollowupRepository.Data;
import se.styr.economy.EconomicFollowupRepository.RowData;
import se.styr.economy.ForecastCalculator.InvestmentFigures;
import se.styr.organisation.OrgUnit;
import se.styr.organisation.Organisation;
import se.styr.platform.ConflictException;
import se.styr.platform.Messages;
import se.styr.platform.NotFoundException;
import se.styr.platform.Problems;
import se.styr.platform.SwedishFormat;

/**
 * Economic follow-up per committee and month (DOMAIN §7.2, §7.4): the committee's controller keeps a report with the
 * full-year forecast per account group against the revised budget, explains the deviations, reports investments and
 * submits it. The policy's rule is enforced here: a negative forecast cannot be submitted without an action plan for
 * a balanced economy decided at the same time.
 *
 * <p>Outcomes to date have one source, {@link EconomicOutcomes} (table economic_outcome). Where the units below a
 * committee have no outcomes of their own, the report page may type the committee's outcome to date; it is stored
 * there as the committee's own outcome of the report's month (the difference to the outcome up to the month before).
 */
@Service
public class EconomicFollowupService {

    static final String AUDIT_TYPE = "EKONOMISK_UPPFOLJNING";
    static final int MAX_TEXT = 4000;
    static final int MAX_REFERENCE = 100;
    /** Amounts are refused beyond a thousand billion kronor: no committee has such figures, and bigint stays safe. */
    static final long MAX_AMOUNT = 1_000_000_000_000_000L;

    private final EconomicFollowupRepository repository;
    private final BudgetService budgets;
    private final EconomicOutcomes outcomes;
    private final Volumes volumes;
    private final Organisation organisation;
    private final Access access;
    private final AuditLog audit;
    private final Messages messages;
    private final SwedishFormat sv;

    EconomicFollowupService(EconomicFollowupRepository repository, BudgetService budgets, EconomicOutcomes outcomes,
                            Volumes volumes, Organisation organisation, Access access, AuditLog audit, Messages messages,
                            SwedishFormat sv) {
        this.repository = repository;
        this.budgets = budgets;
        this.outcomes = outcomes;
        this.volumes = volumes;
        this.organisation = organisation;
        this.access = access;
        this.audit = audit;
        this.messages = messages;
        this.sv = sv;
    }

    // ---- reading

    /**
     * Per committee its latest report of the year with a month up to the given one. Rows a draft has no forecast for
     * yet count as their budget, so the forecast net cost is always a whole figure.
     */
    public List<CommitteeForecast> committeeForecasts(int year, int month) {
        YearBudget budget = yearBudget(year);
        Map<Long, Data> latest = latestUpTo(year, month);
        List<CommitteeForecast> result = new ArrayList<>();
        for (OrgUnit committee : budgets.committees()) {
            Data d = latest.get(committee.id());
            if (d == null) {
                continue;
            }
            Map<AccountGroup, Long> revised = revisedBudget(d, budget);
            Map<AccountGroup, Long> forecast = new EnumMap<>(AccountGroup.class);
            for (AccountGroup g : ForecastCalculator.OPERATING_ROWS) {
                forecast.put(g, d.row(g).forecast() != null ? d.row(g).forecast() : revised.get(g));
            }
            long budgetNet = AccountGroup.complete(revised).get(AccountGroup.VERKSAMHETENS_NETTOKOSTNADER);
            long forecastNet = AccountGroup.complete(forecast).get(AccountGroup.VERKSAMHETENS_NETTOKOSTNADER);
            long outcomeNet = outcomeToDate(committee.id(), year, d.month()).getOrDefault(AccountGroup.VERKSAMHETENS_NETTOKOSTNADER, 0L);
            result.add(new CommitteeForecast(committee.id(), year, d.month(), budgetNet, forecastNet, outcomeNet,
                    d.state() == EconomicFollowupState.INLAMNAD));
        }
        return result;
    }

    /** The committee's report for exactly this year and month, if one has been made. */
    public Optional<EconomicFollowupReport> report(long unitId, int year, int month) {
        return repository.find(unitId, year, month).filter(d -> d.municipalityId() == access.municipalityId())
                .map(d -> view(d, yearBudget(year), false));
    }

    public EconomicFollowupReport report(long id) {
        Data d = data(id);
        return view(d, yearBudget(d.year()), false);
    }

    /** The report as its form shows it: with every column that can be typed in, also while empty. */
    EconomicFollowupReport form(long id) {
        Data d = data(id);
        return view(d, yearBudget(d.year()), true);
    }

    /** What the form would show with this input saved, to show a rejected form with its derived rows recomputed. */
    EconomicFollowupReport preview(long id, ReportInput in) {
        Data d = data(id);
        YearBudget budget = yearBudget(d.year());
        return view(apply(d, in, budget), budget, true);
    }

    /** The committee's reports of the year, by month. */
    List<EconomicFollowupReport> reports(long unitId, int year) {
        YearBudget budget = yearBudget(year);
        return repository.ofYear(access.municipalityId(), year).stream().filter(d -> d.orgUnitId() == unitId)
                .sorted(Comparator.comparingInt(Data::month)).map(d -> view(d, budget, false)).toList();
    }

    /** A committee's line on the overview: its latest report up to the month (null: none yet). */
    record OverviewRow(OrgUnit committee, EconomicFollowupReport report) {
        public Long deviation() {
            return report == null ? null : ForecastCalculator.minus(report.forecastNetCost(), report.budgetNetCost());
        }

        public Long change() {
            return report == null ? null : report.value(AccountGroup.VERKSAMHETENS_NETTOKOSTNADER.name(), ForecastCalculator.CHANGE);
        }
    }

    record Overview(int year, int month, List<OverviewRow> rows, long budgetNetCost, long forecastNetCost, long deviation,
                    long change, int reported) {
    }

    Overview overview(int year, int month) {
        YearBudget budget = yearBudget(year);
        Map<Long, Data> latest = latestUpTo(year, month);
        List<OverviewRow> rows = budgets.committees().stream()
                .map(c -> new OverviewRow(c, latest.containsKey(c.id()) ? view(latest.get(c.id()), budget, false) : null)).toList();
        List<OverviewRow> reported = rows.stream().filter(r -> r.report() != null).toList();
        return new Overview(year, month, rows, reported.stream().mapToLong(r -> r.report().budgetNetCost()).sum(),
                reported.stream().map(r -> r.report().forecastNetCost()).filter(Objects::nonNull).mapToLong(Long::longValue).sum(),
                reported.stream().map(OverviewRow::deviation).filter(Objects::nonNull).mapToLong(Long::longValue).sum(),
                reported.stream().map(OverviewRow::change).filter(Objects::nonNull).mapToLong(Long::longValue).sum(),
                reported.size());
    }

    /** The newest year and month of any report, to open the overview on. */
    Optional<int[]> latestMonth() {
        return repository.latestMonth(access.municipalityId());
    }

    boolean mayEdit(long unitId) {
        return access.may(Access.Action.MANAGE_BUDGET, unitId);
    }

    OrgUnit committee(long unitId) {
        return budgets.committees().stream().filter(u -> u.id() == unitId).findFirst()
                .orElseThrow(() -> new NotFoundException("Nämnden", unitId));
    }

    List<OrgUnit> committees() {
        return budgets.committees();
    }

    List<VolumeTable> volumes(long unitId) {
        return volumes.tables(unitId);
    }

    String monthName(int month) {
        return messages.text("economy.month." + month);
    }

    // ---- writing

    /**
     * A new draft for the committee's month. It compares with the committee's previous report of the year and starts
     * from its budget adjustments and forecasts; explanations are written anew.
     */
    @Transactional
    EconomicFollowupReport create(long unitId, int year, int month, EconomicFollowupType type) {
        OrgUnit committee = committee(unitId);
        access.require(Access.Action.MANAGE_BUDGET, unitId);
        Problems p = new Problems();
        p.check(month >= 1 && month <= 12, "month", "ekuppf.error.month");
        p.check(type != null, "type", "validering.val");
        p.check(budgets.forYear(year).isPresent(), "year", "ekuppf.error.noBudget", String.valueOf(year));
        p.check(repository.find(unitId, year, month).isEmpty(), "month", "ekuppf.error.exists", committee.name(),
                monthName(Math.max(1, Math.min(12, month))), String.valueOf(year));
        p.throwIfAny();
        Optional<Data> previous = repository.ofYear(access.municipalityId(), year).stream()
                .filter(d -> d.orgUnitId() == unitId && d.month() < month).max(Comparator.comparingInt(Data::month));
        long id = repository.insert(access.municipalityId(), unitId, year, month, type, previous.map(Data::id).orElse(null));
        previous.ifPresent(prev -> {
            prev.rows().forEach((g, r) -> repository.setRow(id, g, new RowData(r.budget(), r.forecast(), null)));
            prev.investments().forEach((line, f) -> repository.setInvestment(id, line, new InvestmentFigures(f.forecast(), null, null)));
        });
        EconomicFollowupReport created = report(id);
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("nämnd", committee.name());
        values.put("rapport", created.title());
        values.put("jämförs med", created.compareWithTitle());
        audit.record(access.municipalityId(), AUDIT_TYPE, id, AuditLog.Action.SKAPAD,
                "Ekonomisk uppföljning skapad: " + committee.name() + ", " + created.title(), null, values);
        return created;
    }

    /**
     * What a save sets. Scalars are the whole new state; the maps are changes: a key that is present sets its
     * figure (null clears it), an absent key leaves it as it is. {@code budget} is the revised budget of an operating
     * row (null: back to the detail budget), {@code outcome} the committee's typed outcome to date.
     */
    record ReportInput(EconomicFollowupType type, Long compareWithId, String summary, Map<AccountGroup, Long> budget,
                       Map<AccountGroup, Long> forecast, Map<AccountGroup, Long> outcome,
                       Map<AccountGroup, String> explanations, Map<Long, InvestmentFigures> investments, String actionPlan,
                       LocalDate actionPlanDecidedOn, String actionPlanReference) {
    }

    /** The input that changes nothing: what the API starts from. */
    ReportInput unchanged(long id) {
        Data d = data(id);
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
        Data before = data(id);
        OrgUnit committee = committee(before.orgUnitId());
        access.require(Access.Action.MANAGE_BUDGET, committee.id());
        YearBudget budget = yearBudget(before.year());
        Problems p = new Problems();
        if (before.state() == EconomicFollowupState.INLAMNAD) {
            p.add("version", "ekuppf.error.submitted");
            p.throwIfAny();
        }
        validate(before, in, budget, p);
        p.throwIfAny();
        Data after = apply(before, in, budget);
        EconomicFollowupReport view = view(after, budget, true);
        checkFrame(after, budget, submit, p);
        if (submit) {
            for (AccountGroup g : ForecastCalculator.OPERATING_ROWS) {
                p.check(after.row(g).forecast() != null, g.name() + "_" + ForecastCalculator.FORECAST, "ekuppf.error.forecastMissing", label(g));
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
                describe(label(g) + " budget", before.row(g).budget(), after.row(g).budget(), old, changed);
                describe(label(g) + " prognos", before.row(g).forecast(), after.row(g).forecast(), old, changed);
                text(label(g) + " förklaring", before.row(g).explanation(), after.row(g).explanation(), old, changed);
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
        return report(id);
    }

    /** A submitted report back to a draft, to be corrected and submitted again. */
    @Transactional
    EconomicFollowupReport reopen(long id, int version) {
        Data d = data(id);
        OrgUnit committee = committee(d.orgUnitId());
        access.require(Access.Action.MANAGE_BUDGET, committee.id());
        Problems.when(d.state() != EconomicFollowupState.INLAMNAD, "version", "ekuppf.error.notSubmitted");
        if (!repository.touch(id, version)) {
            throw new ConflictException("Ekonomiska uppföljningen", id);
        }
        repository.setState(id, EconomicFollowupState.UTKAST, null, null);
        EconomicFollowupReport view = report(id);
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
            p.check(ForecastCalculator.OPERATING_ROWS.contains(g), "explanation_" + g.name(), "economy.error.derived", label(g));
            checkText(text, MAX_TEXT, "explanation_" + g.name(), p);
        });
        in.budget().forEach((g, amount) -> {
            String field = g.name() + "_" + ForecastCalculator.BUDGET;
            if (!ForecastCalculator.OPERATING_ROWS.contains(g)) {
                p.add(field, "economy.error.derived", label(g));
            } else {
                checkSign(g, amount, field, p);
            }
        });
        in.forecast().forEach((g, amount) -> {
            String field = g.name() + "_" + ForecastCalculator.FORECAST;
            if (!ForecastCalculator.OPERATING_ROWS.contains(g) && g != AccountGroup.FINANSNETTO) {
                p.add(field, "economy.error.derived", label(g));
            } else {
                checkSign(g, amount, field, p);
            }
        });
        if (!in.outcome().isEmpty()) {
            boolean typable = !outcomes.unitsBelowHaveOutcomes(d.orgUnitId(), d.year());
            Map<AccountGroup, Long> current = outcomeToDate(d.orgUnitId(), d.year(), d.month());
            in.outcome().forEach((g, amount) -> {
                String field = g.name() + "_" + ForecastCalculator.OUTCOME;
                if (g.derived()) {
                    p.add(field, "economy.error.derived", label(g));
                } else if (!typable && !sameTkr(amount, current.get(g))) {
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
        long net = ForecastCalculator.netCost(revisedBudget(after, budget));
        p.check(net == -frame, ForecastCalculator.OPERATING_ROWS.get(0).name() + "_" + ForecastCalculator.BUDGET,
                "ekuppf.error.frame", sv.tkr(BigDecimal.valueOf(-frame)), sv.tkr(BigDecimal.valueOf(net)));
    }

    private void checkSign(AccountGroup g, Long amount, String field, Problems p) {
        if (amount == null) {
            return;
        }
        if (Math.abs(amount) > MAX_AMOUNT) {
            p.add(field, "economy.error.amount", label(g));
        } else if (g.cost() && amount > 0) {
            p.add(field, "economy.error.costSign", label(g));
        } else if ((g == AccountGroup.VERKSAMHETENS_INTAKTER || g == AccountGroup.KOMMUNBIDRAG) && amount < 0) {
            p.add(field, "economy.error.revenueSign", label(g));
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

    /** The stored report with the input applied, as it would be after the save. */
    private Data apply(Data d, ReportInput in, YearBudget budget) {
        Map<AccountGroup, Long> detail = budget.detail(d.orgUnitId());
        Map<AccountGroup, RowData> rows = new EnumMap<>(AccountGroup.class);
        for (AccountGroup g : AccountGroup.typed()) {
            RowData r = d.row(g);
            Long b = r.budget();
            if (in.budget().containsKey(g)) {
                Long typed = in.budget().get(g);
                // A figure equal to the detail budget is no adjustment; shown rounded to tkr, unchanged is unchanged.
                b = typed == null || typed.equals(detail.get(g)) ? null : sameTkr(typed, effective(r.budget(), detail.get(g))) ? r.budget() : typed;
            }
            Long f = in.forecast().containsKey(g) ? keepUnlessChanged(in.forecast().get(g), r.forecast()) : r.forecast();
            String e = in.explanations().containsKey(g) ? blankToNull(in.explanations().get(g)) : r.explanation();
            RowData row = new RowData(b, f, e);
            if (!row.equals(RowData.EMPTY)) {
                rows.put(g, row);
            }
        }
        Map<Long, InvestmentFigures> investments = new HashMap<>(d.investments());
        in.investments().forEach((line, f) -> {
            InvestmentFigures was = d.investments().getOrDefault(line, new InvestmentFigures(null, null, null));
            investments.put(line, new InvestmentFigures(keepUnlessChanged(f.forecast(), was.forecast()),
                    keepUnlessChanged(f.outcome(), was.outcome()), keepUnlessChanged(f.outcomeLastYear(), was.outcomeLastYear())));
        });
        return new Data(d.id(), d.municipalityId(), d.orgUnitId(), d.year(), d.month(), in.type(), in.compareWithId(),
                d.state(), blankToNull(in.summary()), blankToNull(in.actionPlan()), in.actionPlanDecidedOn(),
                blankToNull(in.actionPlanReference()), d.submittedAt(), d.submittedBy(), d.version(), rows, investments, d.printed());
    }

    private static Long effective(Long adjusted, Long detail) {
        return adjusted != null ? adjusted : detail;
    }

    /** Forms show kronor as whole tkr: a figure sent back as shown leaves the exact one as it was. */
    private static Long keepUnlessChanged(Long typed, Long stored) {
        return sameTkr(typed, stored) ? stored : typed;
    }

    private static boolean sameTkr(Long typed, Long stored) {
        if (typed == null || stored == null) {
            return Objects.equals(typed, stored);
        }
        return typed.equals(stored) || (typed % 1000 == 0
                && BigDecimal.valueOf(stored).divide(BigDecimal.valueOf(1000)).setScale(0, java.math.RoundingMode.HALF_UP)
                .longValueExact() * 1000 == typed);
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
        Map<AccountGroup, Long> current = outcomeToDate(committee.id(), d.year(), d.month());
        Map<AccountGroup, Long> before = d.month() == 1 ? Map.of() : outcomeToDate(committee.id(), d.year(), d.month() - 1);
        List<EconomicOutcomes.Row> rows = new ArrayList<>();
        typed.forEach((g, amount) -> {
            if (sameTkr(amount, current.get(g))) {
                return;
            }
            if (amount == null) {
                outcomes.remove(committee.id(), d.year(), d.month(), g);
                audit.record(access.municipalityId(), "UTFALL", null, AuditLog.Action.BORTTAGEN,
                        "Utfall borttaget: " + committee.name() + ", " + label(g) + " " + d.year() + "-" + d.month(),
                        Map.of("utfall", tkr(current.get(g))), null);
            } else {
                rows.add(new EconomicOutcomes.Row(committee.id(), d.year(), d.month(), g, amount - before.getOrDefault(g, 0L)));
            }
        });
        outcomes.replace(rows, messages.text("ekuppf.outcome.source"));
    }

    // ---- computing a report

    private Data data(long id) {
        return repository.find(id).filter(d -> d.municipalityId() == access.municipalityId())
                .orElseThrow(() -> new NotFoundException("Den ekonomiska uppföljningen", id));
    }

    /** The budget of a year as the reports use it. */
    private record YearBudget(int year, BudgetData data) {

        /** The committee's detail budget of the year, per typed group. */
        Map<AccountGroup, Long> detail(long unit) {
            Map<AccountGroup, Long> detail = new EnumMap<>(AccountGroup.class);
            if (data != null) {
                data.committees().getOrDefault(unit, Map.of()).forEach((g, years) -> {
                    if (years.get(year) != null) {
                        detail.put(g, years.get(year));
                    }
                });
            }
            return detail;
        }

        /** The committee's grant (kommunbidrag) in the operating budget. */
        long frame(long unit) {
            Long grant = data == null ? null : BudgetCalculator.grant(data, unit, year);
            return grant == null ? 0 : grant;
        }

        List<BudgetData.InvestmentLine> investments(long unit) {
            return data == null ? List.of() : data.investments().stream().filter(l -> Objects.equals(l.orgUnitId(), unit)).toList();
        }
    }

    private YearBudget yearBudget(int year) {
        return new YearBudget(year, budgets.forYear(year).map(b -> budgets.data(b.id())).orElse(null));
    }

    /** The revised budget per typed group: the report's adjustments over the detail budget, the grant as the frame. */
    private static Map<AccountGroup, Long> revisedBudget(Data d, YearBudget budget) {
        Map<AccountGroup, Long> detail = budget.detail(d.orgUnitId());
        Map<AccountGroup, Long> revised = new EnumMap<>(AccountGroup.class);
        for (AccountGroup g : ForecastCalculator.OPERATING_ROWS) {
            Long v = effective(d.row(g).budget(), detail.get(g));
            if (v != null) {
                revised.put(g, v);
            }
        }
        revised.put(AccountGroup.FINANSNETTO, detail.getOrDefault(AccountGroup.FINANSNETTO, 0L));
        revised.put(AccountGroup.KOMMUNBIDRAG, budget.frame(d.orgUnitId()));
        return revised;
    }

    /** The forecast per typed group; the grant is the frame, finansnetto as budgeted unless forecast otherwise. */
    private static Map<AccountGroup, Long> forecast(Data d, YearBudget budget, Map<AccountGroup, Long> revised) {
        Map<AccountGroup, Long> forecast = new EnumMap<>(AccountGroup.class);
        for (AccountGroup g : ForecastCalculator.OPERATING_ROWS) {
            if (d.row(g).forecast() != null) {
                forecast.put(g, d.row(g).forecast());
            }
        }
        Long financial = d.row(AccountGroup.FINANSNETTO).forecast();
        forecast.put(AccountGroup.FINANSNETTO, financial != null ? financial : revised.get(AccountGroup.FINANSNETTO));
        forecast.put(AccountGroup.KOMMUNBIDRAG, budget.frame(d.orgUnitId()));
        return forecast;
    }

    private static boolean complete(Map<AccountGroup, Long> forecast) {
        return ForecastCalculator.OPERATING_ROWS.stream().allMatch(forecast::containsKey);
    }

    private EconomicFollowupReport view(Data d, YearBudget budget, boolean editing) {
        OrgUnit committee = organisation.unit(d.orgUnitId());
        Map<AccountGroup, Long> revised = revisedBudget(d, budget);
        Map<AccountGroup, Long> budgetColumn = AccountGroup.complete(revised);
        Map<AccountGroup, Long> forecastTyped = forecast(d, budget, revised);
        Map<AccountGroup, Long> forecastColumn = ForecastCalculator.complete(forecastTyped);
        Data compared = d.compareWithId() == null ? null : repository.find(d.compareWithId())
                .filter(c -> c.orgUnitId() == d.orgUnitId() && c.year() == d.year()).orElse(null);
        Map<AccountGroup, Long> comparison = compared == null ? null
                : ForecastCalculator.complete(forecast(compared, budget, revisedBudget(compared, budget)));
        Map<AccountGroup, Long> outcome = outcomeToDate(d.orgUnitId(), d.year(), d.month());
        Map<AccountGroup, Long> lastYear = outcomeToDate(d.orgUnitId(), d.year() - 1, d.month());
        boolean fromUnits = outcomes.unitsBelowHaveOutcomes(d.orgUnitId(), d.year());
        EconomicFollowupReport.OutcomeSource source = fromUnits ? EconomicFollowupReport.OutcomeSource.UNITS
                : outcome.isEmpty() ? EconomicFollowupReport.OutcomeSource.NONE : EconomicFollowupReport.OutcomeSource.TYPED;
        boolean draft = d.state() == EconomicFollowupState.UTKAST;

        String month = monthName(d.month());
        String year = String.valueOf(d.year());
        String lastYearText = String.valueOf(d.year() - 1);
        Map<String, String> labels = new HashMap<>();
        labels.put(ForecastCalculator.OPERATING, messages.text("ekuppf.table.operating"));
        labels.put(ForecastCalculator.INVESTMENTS, messages.text("ekuppf.table.investments"));
        labels.put(ForecastCalculator.BUDGET, messages.text("ekuppf.col.budget", year));
        labels.put(ForecastCalculator.FORECAST, messages.text("ekuppf.col.forecast", year));
        labels.put(ForecastCalculator.DEVIATION, messages.text("ekuppf.col.deviation", year));
        labels.put(ForecastCalculator.CHANGE, compared == null ? "" : messages.text("ekuppf.col.change", monthName(compared.month())));
        labels.put(ForecastCalculator.OUTCOME, messages.text("ekuppf.col.outcome", month, year));
        labels.put(ForecastCalculator.OUTCOME_LAST_YEAR, messages.text("ekuppf.col.outcome", month, lastYearText));
        labels.put(ForecastCalculator.DIFFERENCE, messages.text("ekuppf.col.difference", lastYearText));
        ForecastCalculator.Table operating = ForecastCalculator.operating(AccountGroup.completeIfDetailed(revised), forecastColumn, comparison, outcome,
                lastYear, editing && draft && !fromUnits, labels, this::label, d.printed(ForecastCalculator.OPERATING));

        List<BudgetData.InvestmentLine> lines = budget.investments(d.orgUnitId());
        ForecastCalculator.Table investments = null;
        if (!lines.isEmpty() && (editing || !d.investments().isEmpty())) {
            labels.put(ForecastCalculator.DIFFERENCE, messages.text("ekuppf.col.investmentDifference", lastYearText, year));
            investments = ForecastCalculator.investments(d.year(), lines, d.investments(), editing && draft, labels,
                    messages.text("ekuppf.investments.total"), d.printed(ForecastCalculator.INVESTMENTS));
        }
        List<EconomicFollowupReport.Explanation> explanations = ForecastCalculator.OPERATING_ROWS.stream()
                .map(g -> new EconomicFollowupReport.Explanation(g, label(g), d.row(g).explanation())).toList();
        boolean forecastComplete = complete(forecastTyped);
        EconomicFollowupReport.ActionPlan plan = d.actionPlan() == null && d.actionPlanDecidedOn() == null && d.actionPlanReference() == null
                ? null : new EconomicFollowupReport.ActionPlan(d.actionPlan(), d.actionPlanDecidedOn(), d.actionPlanReference());
        return new EconomicFollowupReport(d.id(), d.orgUnitId(), committee.name(), d.year(), d.month(), d.type(), d.state(),
                d.version(), title(d), d.compareWithId(), compared == null ? null : title(compared), d.summary(),
                operating.table(), operating.keys(), explanations,
                investments == null ? null : investments.table(), investments == null ? List.of() : investments.keys(),
                volumes.tables(d.orgUnitId(), d.year(), d.month()), budget.frame(d.orgUnitId()),
                budgetColumn.get(AccountGroup.VERKSAMHETENS_NETTOKOSTNADER),
                forecastComplete ? forecastColumn.get(AccountGroup.VERKSAMHETENS_NETTOKOSTNADER) : null,
                forecastComplete ? forecastColumn.get(AccountGroup.ARETS_RESULTAT) : null,
                outcome.getOrDefault(AccountGroup.VERKSAMHETENS_NETTOKOSTNADER, 0L), source, plan,
                access.displayName(d.submittedBy()), d.submittedAt());
    }

    private String title(Data d) {
        return messages.text("ekuppf.title", messages.text("ekuppf.type." + d.type()), monthName(d.month()), String.valueOf(d.year()));
    }

    private String label(AccountGroup g) {
        return messages.text("economy.group." + g.name());
    }

    /** Per committee its latest report of the year up to the month. */
    private Map<Long, Data> latestUpTo(int year, int month) {
        Map<Long, Data> latest = new HashMap<>();
        for (Data d : repository.ofYear(access.municipalityId(), year)) {
            if (d.month() <= month && (!latest.containsKey(d.orgUnitId()) || latest.get(d.orgUnitId()).month() < d.month())) {
                latest.put(d.orgUnitId(), d);
            }
        }
        return latest;
    }

    // ---- outcomes: one source, economic_outcome

    Map<AccountGroup, Long> outcomeToDate(long unitId, int year, int month) {
        return outcomes.toDate(unitId, year, month);
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

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
