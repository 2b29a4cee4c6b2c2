package se.styr.economy.followup;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.stereotype.Service;
import se.styr.accounts.Access;
import se.styr.economy.AccountGroup;
import se.styr.economy.budget.BudgetData;
import se.styr.economy.budget.BudgetService;
import se.styr.economy.followup.EconomicFollowupRepository.Data;
import se.styr.organisation.OrgUnit;
import se.styr.organisation.Organisation;
import se.styr.platform.Messages;
import se.styr.platform.NotFoundException;

/**
 * Economic follow-up per committee and month (DOMAIN §7.2, §7.4): the committee's controller keeps a report with the
 * full-year forecast per account group against the revised budget, explains the deviations, reports investments and
 * submits it ({@link EconomicFollowupEditing}). This class reads: the reports as the pages, the API and the follow-up
 * report show them, the overview per month and the committees' latest forecasts.
 *
 * <p>Outcomes to date have one source, {@link EconomicOutcomes} (table economic_outcome). Where the units below a
 * committee have no outcomes of their own, the report page may type the committee's outcome to date; it is stored
 * there as the committee's own outcome of the report's month (the difference to the outcome up to the month before).
 */
@Service
public class EconomicFollowupService {

    private final EconomicFollowupRepository repository;
    private final BudgetService budgets;
    private final EconomicOutcomes outcomes;
    private final Volumes volumes;
    private final Organisation organisation;
    private final Access access;
    private final Messages messages;

    EconomicFollowupService(EconomicFollowupRepository repository, BudgetService budgets, EconomicOutcomes outcomes,
                            Volumes volumes, Organisation organisation, Access access, Messages messages) {
        this.repository = repository;
        this.budgets = budgets;
        this.outcomes = outcomes;
        this.volumes = volumes;
        this.organisation = organisation;
        this.access = access;
        this.messages = messages;
    }

    // ---- reading

    /**
     * Per committee its latest report of the year with a month up to the given one. Rows a draft has no forecast for
     * yet count as their budget, so the forecast net cost is always a whole figure.
     */
    public List<CommitteeForecast> committeeForecasts(int year, int month) {
        Map<Long, Data> latest = latestUpTo(year, month);
        return forecasts(year, budgets.committees().stream().filter(c -> latest.containsKey(c.id())).toList(), latest);
    }

    /**
     * One page of {@link #committeeForecasts(int, int)}, optionally for one committee. The committees and their latest
     * reports are one query each (a row per committee); the outcomes to date are summed for the page's committees only,
     * in one query.
     */
    public se.styr.platform.Paging.Page<CommitteeForecast> committeeForecasts(int year, int month, Long body,
                                                                             se.styr.platform.Paging paging) {
        Map<Long, Data> latest = latestUpTo(year, month);
        List<OrgUnit> reported = budgets.committees().stream()
                .filter(c -> latest.containsKey(c.id()) && (body == null || c.id() == body)).toList();
        List<OrgUnit> page = reported.stream().skip(paging.offset()).limit(paging.size()).toList();
        return paging.of(reported.size(), forecasts(year, page, latest));
    }

    private List<CommitteeForecast> forecasts(int year, List<OrgUnit> page, Map<Long, Data> latest) {
        if (page.isEmpty()) {
            return List.of();
        }
        YearBudget budget = yearBudget(year);
        Map<Long, Integer> months = new HashMap<>();
        page.forEach(c -> months.put(c.id(), latest.get(c.id()).month()));
        Map<Long, Long> toDate = outcomes.netCostToDate(months, year);
        List<CommitteeForecast> result = new ArrayList<>();
        for (OrgUnit committee : page) {
            Data d = latest.get(committee.id());
            Map<AccountGroup, Long> revised = budget.revised(d);
            Map<AccountGroup, Long> forecast = new EnumMap<>(AccountGroup.class);
            for (AccountGroup g : ForecastCalculator.OPERATING_ROWS) {
                forecast.put(g, d.row(g).forecast() != null ? d.row(g).forecast() : revised.get(g));
            }
            long budgetNet = AccountGroup.complete(revised).get(AccountGroup.VERKSAMHETENS_NETTOKOSTNADER);
            long forecastNet = AccountGroup.complete(forecast).get(AccountGroup.VERKSAMHETENS_NETTOKOSTNADER);
            result.add(new CommitteeForecast(committee.id(), year, d.month(), budgetNet, forecastNet,
                    toDate.getOrDefault(committee.id(), 0L), d.state() == EconomicFollowupState.INLAMNAD));
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
        return view(in.applyTo(d, budget), budget, true);
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

    /** The right to write is checked before the input is read, so someone without it gets 403, not a 400 about the form. */
    void requireMayEdit(long unitId) {
        access.require(Access.Action.MANAGE_BUDGET, unitId);
    }

    /** {@link #requireMayEdit} for the committee of a stored report. */
    void requireMayEditReport(long reportId) {
        requireMayEdit(report(reportId).orgUnitId());
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

    // ---- computing a report

    Data data(long id) {
        return repository.find(id).filter(d -> d.municipalityId() == access.municipalityId())
                .orElseThrow(() -> new NotFoundException("Den ekonomiska uppföljningen", id));
    }

    YearBudget yearBudget(int year) {
        return new YearBudget(year, budgets.forYear(year).map(b -> budgets.data(b.id())).orElse(null));
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

    EconomicFollowupReport view(Data d, YearBudget budget, boolean editing) {
        OrgUnit committee = organisation.unit(d.orgUnitId());
        Map<AccountGroup, Long> revised = budget.revised(d);
        Map<AccountGroup, Long> budgetColumn = AccountGroup.complete(revised);
        Map<AccountGroup, Long> forecastTyped = forecast(d, budget, revised);
        Map<AccountGroup, Long> forecastColumn = ForecastCalculator.complete(forecastTyped);
        Data compared = d.compareWithId() == null ? null : repository.find(d.compareWithId())
                .filter(c -> c.orgUnitId() == d.orgUnitId() && c.year() == d.year()).orElse(null);
        Map<AccountGroup, Long> comparison = compared == null ? null
                : ForecastCalculator.complete(forecast(compared, budget, budget.revised(compared)));
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

    String label(AccountGroup g) {
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

}
