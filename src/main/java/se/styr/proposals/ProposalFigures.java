package se.styr.proposals;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.stereotype.Component;
import se.styr.economy.StatementLine;
import se.styr.economy.allocation.AllocationModel;
import se.styr.economy.allocation.AllocationResult;
import se.styr.economy.allocation.AllocationService;
import se.styr.economy.budget.Budget;
import se.styr.economy.budget.BudgetData;
import se.styr.economy.budget.BudgetService;
import se.styr.economy.budget.ComputedBudget;
import se.styr.economy.goals.FinancialGoalService;
import se.styr.organisation.Organisation;

/** A proposal's figures on its base budget: the base as the calculator sees it, the result budget and every check. */
@Component
class ProposalFigures {

    private final BudgetService budgets;
    private final AllocationService allocation;
    private final FinancialGoalService financialGoals;
    private final Organisation organisation;

    ProposalFigures(BudgetService budgets, AllocationService allocation, FinancialGoalService financialGoals, Organisation organisation) {
        this.budgets = budgets;
        this.allocation = allocation;
        this.financialGoals = financialGoals;
        this.organisation = organisation;
    }

    /** Computes a proposal (saved or typed) on its base budget, with every check. */
    ProposalService.View compute(Proposal p) {
        BudgetData data = budgets.data(p.budgetId());
        Budget base = data.budget();
        ComputedBudget computed = budgets.computed(base.id());
        return checked(p, base, computed, ProposalCalculator.compute(base(data, computed, p), p));
    }

    /** A computed proposal with the municipality's financial goals checked on its figures. */
    ProposalService.View checked(Proposal p, Budget base, ComputedBudget computed, ProposalCalculator.Result result) {
        Map<Integer, Map<StatementLine, Long>> lines = lines(computed, result);
        List<FinancialGoalService.Check> goalChecks = financialGoals.evaluate(base.periodId(), lines, computed.taxFinancedInvestments());
        List<ProposalCalculator.Check> checks = new ArrayList<>(result.checks());
        goalChecks.forEach(c -> checks.add(new ProposalCalculator.Check(ProposalCalculator.CheckKind.FINANSIELLT_MAL, c.year(), c.goal().title(),
                !c.evaluated() ? ProposalCalculator.CheckStatus.UNDERLAG_SAKNAS
                        : c.met() ? ProposalCalculator.CheckStatus.UPPFYLLT : ProposalCalculator.CheckStatus.EJ_UPPFYLLT,
                c.value(), c.reference(), c.percent())));
        ProposalCalculator.Result checked = new ProposalCalculator.Result(result.years(), result.baseTaxRate(), result.taxRate(),
                result.compensated(), result.committees(), result.yearResults(), checks);
        List<ProposalService.ResultLine> resultBudget = StatementLine.of(StatementLine.Statement.RESULTAT).stream()
                .map(line -> {
                    Map<Integer, Long> amounts = new TreeMap<>();
                    lines.forEach((year, amountOf) -> {
                        if (amountOf.get(line) != null) {
                            amounts.put(year, amountOf.get(line));
                        }
                    });
                    return new ProposalService.ResultLine(line, amounts);
                })
                .filter(l -> !l.amounts().isEmpty()).toList();
        return new ProposalService.View(p, organisation.municipality(base.municipalityId()).name(), base.label(), checked, goalChecks.isEmpty(),
                base.illustrative(), resultBudget);
    }

    /** The base budget as the calculator sees it, with the proposal's PKV and volume shares run through its allocation model. */
    ProposalCalculator.Base base(BudgetData data, ComputedBudget computed, Proposal p) {
        Budget budget = data.budget();
        Map<Long, String> committees = new LinkedHashMap<>();
        Map<Long, Map<Integer, Long>> frames = new HashMap<>();
        for (BudgetData.FrameLine line : data.frames()) {
            if (line.orgUnitId() != null) {
                committees.putIfAbsent(line.orgUnitId(), line.label());
                line.amounts().forEach((year, amount) -> frames.computeIfAbsent(line.orgUnitId(), k -> new TreeMap<>()).merge(year, amount, Long::sum));
            }
        }
        Map<Integer, Long> taxes = new TreeMap<>();
        Map<Integer, Long> grants = new TreeMap<>();
        Map<Integer, Long> result = new TreeMap<>();
        for (int year : budget.years()) {
            taxes.put(year, computed.line(StatementLine.SKATTEINTAKTER, year));
            grants.put(year, computed.line(StatementLine.GENERELLA_STATSBIDRAG, year));
            result.put(year, computed.line(StatementLine.ARETS_RESULTAT, year));
        }
        return new ProposalCalculator.Base(budget.years(), budget.taxRate(), committees, frames, taxes, grants, result,
                compensation(budget.id(), p));
    }

    /** The proposal's PKV and volume shares through the base's allocation model, minus the model's own result; null without a model. */
    private Map<Long, Map<Integer, Long>> compensation(long budgetId, Proposal p) {
        AllocationService.View model = allocation.view(budgetId);
        if (!model.saved() || model.result() == null) {
            return null;
        }
        AllocationModel m = model.model();
        AllocationResult own = allocation.preview(budgetId, new AllocationModel(p.pkvShare(), p.volumeShare(), m.pkv(), m.ageGroups(),
                m.committees(), m.targeted()));
        Map<Long, Map<Integer, Long>> difference = new HashMap<>();
        for (AllocationResult.CommitteeResult c : own.committees()) {
            for (AllocationResult.Year y : c.years()) {
                long delta = y.frame() - model.result().committee(c.orgUnitId()).year(y.year()).frame();
                difference.computeIfAbsent(c.orgUnitId(), k -> new TreeMap<>()).put(y.year(), delta);
            }
        }
        return difference;
    }

    /**
     * The base's statement lines with the proposal's changes: more tax, other net costs, another result; equity (and
     * with it total assets, as cash) carries the accumulated change of the result.
     */
    private static Map<Integer, Map<StatementLine, Long>> lines(ComputedBudget computed, ProposalCalculator.Result result) {
        Map<Integer, Map<StatementLine, Long>> lines = new TreeMap<>();
        long accumulated = 0;
        for (ProposalCalculator.Year y : result.yearResults()) {
            Map<StatementLine, Long> year = new EnumMap<>(StatementLine.class);
            computed.lines().forEach((line, years) -> {
                if (years.get(y.year()) != null) {
                    year.put(line, years.get(y.year()));
                }
            });
            long delta = y.result() - y.baseResult();
            accumulated += delta;
            year.merge(StatementLine.SKATTEINTAKTER, y.taxChange(), Long::sum);
            for (StatementLine l : List.of(StatementLine.NETTOKOSTNADER_EXKL_AVSKRIVNINGAR, StatementLine.VERKSAMHETENS_NETTOKOSTNADER)) {
                year.merge(l, -y.frameChange(), Long::sum);
            }
            for (StatementLine l : List.of(StatementLine.VERKSAMHETENS_RESULTAT, StatementLine.RESULTAT_EFTER_FINANSIELLA_POSTER,
                    StatementLine.ARETS_RESULTAT)) {
                year.merge(l, delta, Long::sum);
            }
            for (StatementLine l : List.of(StatementLine.EGET_KAPITAL, StatementLine.SUMMA_TILLGANGAR,
                    StatementLine.SUMMA_EGET_KAPITAL_OCH_SKULDER, StatementLine.OMSATTNINGSTILLGANGAR)) {
                if (year.containsKey(l)) {
                    year.merge(l, accumulated, Long::sum);
                }
            }
            lines.put(y.year(), year);
        }
        return lines;
    }
}
