package se.styr.proposals;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import se.styr.economy.budget.Budget;
import se.styr.economy.budget.BudgetData;
import se.styr.economy.budget.BudgetService;
import se.styr.economy.budget.ComputedBudget;
import se.styr.proposals.ProposalService.View;

/** Proposals beside the majority's budget they change, computed on the same base with the same checks. */
@Service
class ProposalComparisons {

    private final ProposalService proposals;
    private final BudgetService budgets;
    private final ProposalFigures figures;

    ProposalComparisons(ProposalService proposals, BudgetService budgets, ProposalFigures figures) {
        this.proposals = proposals;
        this.budgets = budgets;
        this.figures = figures;
    }

    ProposalComparison compare(long budgetId, List<Long> ids) {
        return comparison(budgetId, List.of(), ids);
    }

    /**
     * Any set of proposals, each beside the majority's budget it changes: one comparison per base budget with a chosen
     * proposal, in the bases' order, and the base {@code budget} even without one. Without either, the first base alone.
     */
    List<ProposalComparison> compareAll(Long budget, List<Long> ids) {
        if (budget != null) {
            budgets.budget(budget);
        }
        List<Proposal> chosen = ids.stream().distinct().map(proposals::proposal).toList();
        List<Budget> bases = proposals.bases();
        List<ProposalComparison> comparisons = new ArrayList<>();
        for (Budget base : bases) {
            List<Long> on = chosen.stream().filter(p -> p.budgetId() == base.id()).map(Proposal::id).toList();
            if (!on.isEmpty() || Long.valueOf(base.id()).equals(budget)) {
                comparisons.add(compare(base.id(), on));
            }
        }
        if (comparisons.isEmpty() && !bases.isEmpty()) {
            comparisons.add(compare(bases.get(0).id(), List.of()));
        }
        return comparisons;
    }

    /**
     * The proposal being edited, as typed and not saved, beside the majority's budget and the chosen other proposals
     * on the same base: what the editor shows as numbers change. Bad input is refused as on save.
     */
    ProposalComparison compareTyped(Proposal typed, List<Long> others) {
        View current = proposals.preview(typed);
        View first = new View(proposals.named(typed), current.municipality(), current.baseLabel(), current.result(), current.noFinancialGoals(),
                current.illustrativeBase(), current.resultBudget());
        return comparison(typed.budgetId(), List.of(first), others.stream().filter(id -> id != typed.id()).toList());
    }

    /** The majority's budget with the views given and the visible proposals {@code ids} on the same base (others are left out). */
    private ProposalComparison comparison(long budgetId, List<View> first, List<Long> ids) {
        Budget base = budgets.budget(budgetId);
        List<View> views = new ArrayList<>(first);
        ids.stream().distinct().map(proposals::proposal).filter(p -> p.budgetId() == budgetId).map(proposals::view).forEach(views::add);
        Proposal none = new Proposal(0, 0, base.municipalityId(), budgetId, 0, null, 0, ProposalState.UTKAST, base.label(), null, 0,
                Map.of(), null, BigDecimal.ZERO, BigDecimal.ZERO, List.of(), List.of(), null, null, 0);
        BudgetData data = budgets.data(budgetId);
        ComputedBudget computed = budgets.computed(budgetId);
        ProposalCalculator.Base b = figures.base(data, computed, none);
        ProposalCalculator.Base withoutModel = new ProposalCalculator.Base(b.years(), b.taxRate(), b.committees(), b.baseFrames(),
                b.taxes(), b.grants(), b.result(), null);
        View majority = figures.checked(none, base, computed, ProposalCalculator.compute(withoutModel, none));
        return new ProposalComparison(base, majority.result(), views, !first.isEmpty());
    }
}
