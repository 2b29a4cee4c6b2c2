package se.styr.economy.followup;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Service;
import se.styr.accounts.Access;
import se.styr.economy.AccountGroup;
import se.styr.economy.followup.EconomicFollowupRepository.Data;
import se.styr.organisation.OrgUnit;
import se.styr.platform.Messages;
import se.styr.platform.Paging;

/**
 * The economy of the årsbokslut (seed 004, Anvisningar årsbokslut): a committee's operating table with the year's
 * outcome (bokslut) and the forecast accuracy of its submitted forecasts, and the forecast accuracy of every committee
 * and of the municipality. Reads in a fixed number of queries: the year's reports, the budget, the outcomes.
 */
@Service
public class AnnualAccountsService {

    private final EconomicFollowupService followup;
    private final EconomicFollowupRepository repository;
    private final EconomicOutcomes outcomes;
    private final Access access;
    private final Messages messages;

    AnnualAccountsService(EconomicFollowupService followup, EconomicFollowupRepository repository,
                          EconomicOutcomes outcomes, Access access, Messages messages) {
        this.followup = followup;
        this.repository = repository;
        this.outcomes = outcomes;
        this.access = access;
        this.messages = messages;
    }

    /** The committee's annual accounts for the year. */
    public AnnualAccounts committee(long unitId, int year) {
        OrgUnit committee = followup.committee(unitId);
        YearBudget budget = followup.yearBudget(year);
        List<Data> reports = repository.ofCommittee(committee.id(), year);
        Map<Long, Integer> lastMonth = outcomes.lastMonths(List.of(unitId), year);
        Map<Long, Integer> lastMonthBefore = outcomes.lastMonths(List.of(unitId), year - 1);
        boolean closed = lastMonth.getOrDefault(unitId, 0) == 12;
        Map<AccountGroup, Long> budgetColumn = AccountGroup.complete(budgetOf(committee.id(), reports, budget));
        Map<AccountGroup, Long> outcome = AnnualCalculator.outcomeColumn(outcomes.toDate(unitId, year, 12), budget.frame(unitId));
        Map<AccountGroup, Long> lastYear = lastMonthBefore.getOrDefault(unitId, 0) == 12
                ? AnnualCalculator.outcomeColumn(outcomes.toDate(unitId, year - 1, 12), null) : Map.of();

        String y = String.valueOf(year);
        String before = String.valueOf(year - 1);
        Map<String, String> labels = new HashMap<>();
        labels.put(ForecastCalculator.OPERATING, messages.text("ekuppf.table.operating"));
        labels.put(AnnualCalculator.BUDGET, messages.text("ekuppf.col.budget", y));
        labels.put(AnnualCalculator.OUTCOME, closed ? messages.text("arsbokslut.col.bokslut", y)
                : messages.text("ekuppf.col.outcome", followup.monthName(Math.max(1, lastMonth.getOrDefault(unitId, 12))), y));
        labels.put(AnnualCalculator.DEVIATION, messages.text(closed ? "arsbokslut.col.avvikelse" : "arsbokslut.col.avvikelseUtfall", y));
        labels.put(AnnualCalculator.OUTCOME_LAST_YEAR, messages.text("arsbokslut.col.bokslut", before));
        labels.put(AnnualCalculator.DIFFERENCE, messages.text("arsbokslut.col.diff", y, before));
        ForecastCalculator.Table table = AnnualCalculator.operating(budgetColumn, outcome, lastYear, labels, followup::label);
        ForecastAccuracy accuracy = AnnualCalculator.accuracy(unitId, committee.name(), year, forecasts(reports, budget),
                budgetColumn.get(AccountGroup.VERKSAMHETENS_NETTOKOSTNADER),
                closed ? outcome.get(AccountGroup.VERKSAMHETENS_NETTOKOSTNADER) : null);
        return new AnnualAccounts(unitId, committee.name(), year, table.table(), table.keys(), !outcome.isEmpty(), accuracy);
    }

    /**
     * Every committee's forecast accuracy in the year and the municipality's, one page of committees at a time (the
     * total is over all). Committees that submitted no forecast in the year are left out.
     */
    public MunicipalForecastAccuracy municipality(int year, Paging paging) {
        YearBudget budget = followup.yearBudget(year);
        Map<Long, List<Data>> byCommittee = new HashMap<>();
        repository.ofYear(access.municipalityId(), year)
                .forEach(d -> byCommittee.computeIfAbsent(d.orgUnitId(), k -> new ArrayList<>()).add(d));
        List<OrgUnit> committees = followup.committees().stream().filter(c -> byCommittee.containsKey(c.id())).toList();
        Map<Long, Integer> monthTwelve = new HashMap<>();
        committees.forEach(c -> monthTwelve.put(c.id(), 12));
        Map<Long, Integer> lastMonth = outcomes.lastMonths(monthTwelve.keySet(), year);
        Map<Long, Long> netCost = outcomes.netCostToDate(monthTwelve, year);
        List<ForecastAccuracy> all = new ArrayList<>();
        TreeMap<Integer, String> titles = new TreeMap<>();
        for (OrgUnit c : committees) {
            List<Data> reports = byCommittee.get(c.id());
            Long budgetNet = AccountGroup.complete(budgetOf(c.id(), reports, budget)).get(AccountGroup.VERKSAMHETENS_NETTOKOSTNADER);
            boolean closed = lastMonth.getOrDefault(c.id(), 0) == 12;
            List<AnnualCalculator.Forecast> forecasts = forecasts(reports, budget);
            forecasts.forEach(f -> titles.putIfAbsent(f.month(), f.title()));
            all.add(AnnualCalculator.accuracy(c.id(), c.name(), year, forecasts, budgetNet, closed ? netCost.getOrDefault(c.id(), 0L) : null));
        }
        List<Integer> months = List.copyOf(titles.keySet());
        Map<Integer, String> monthTitles = new HashMap<>();
        titles.forEach((m, t) -> monthTitles.put(m, messages.text("arsbokslut.tillfalle", followup.monthName(m))));
        ForecastAccuracy total = AnnualCalculator.total(messages.text("arsbokslut.kommunen"), year, months, all, monthTitles);
        List<ForecastAccuracy> page = all.stream().skip(paging.offset()).limit(paging.size()).toList();
        return new MunicipalForecastAccuracy(year, months, paging.of(all.size(), page), total);
    }

    /** The year's budget: the revised budget of the latest report, or the detail budget with the frame. */
    private static Map<AccountGroup, Long> budgetOf(long unitId, List<Data> reports, YearBudget budget) {
        Data latest = reports.stream().max(Comparator.comparingInt(Data::month)).orElse(null);
        if (latest != null) {
            return budget.revised(latest);
        }
        Map<AccountGroup, Long> detail = new EnumMap<>(AccountGroup.class);
        detail.putAll(budget.detail(unitId));
        detail.putIfAbsent(AccountGroup.FINANSNETTO, 0L);
        detail.put(AccountGroup.KOMMUNBIDRAG, budget.frame(unitId));
        return detail;
    }

    /**
     * The forecasts the committee submitted during the year (not December's, which is the bokslut), each as its net
     * cost against its own budget; a row without a forecast counts as budgeted, as in the overview of forecasts.
     */
    private List<AnnualCalculator.Forecast> forecasts(List<Data> reports, YearBudget budget) {
        List<AnnualCalculator.Forecast> forecasts = new ArrayList<>();
        for (Data d : reports) {
            if (d.month() >= 12 || d.state() != EconomicFollowupState.INLAMNAD) {
                continue;
            }
            Map<AccountGroup, Long> revised = budget.revised(d);
            Map<AccountGroup, Long> forecast = new EnumMap<>(AccountGroup.class);
            for (AccountGroup g : ForecastCalculator.OPERATING_ROWS) {
                forecast.put(g, d.row(g).forecast() != null ? d.row(g).forecast() : revised.get(g));
            }
            forecasts.add(new AnnualCalculator.Forecast(d.month(), d.type(),
                    messages.text("ekuppf.title", messages.text("ekuppf.type." + d.type()), followup.monthName(d.month()),
                            String.valueOf(d.year())),
                    AccountGroup.complete(revised).get(AccountGroup.VERKSAMHETENS_NETTOKOSTNADER),
                    AccountGroup.complete(forecast).get(AccountGroup.VERKSAMHETENS_NETTOKOSTNADER)));
        }
        return forecasts;
    }
}
