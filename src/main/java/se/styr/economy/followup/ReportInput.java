package se.styr.economy.followup;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import se.styr.economy.AccountGroup;
import se.styr.economy.followup.EconomicFollowupRepository.Data;
import se.styr.economy.followup.EconomicFollowupRepository.RowData;
import se.styr.economy.followup.ForecastCalculator.InvestmentFigures;

/**
 * What a save of a committee's economic report sets. Scalars are the whole new state; the maps are changes: a key
 * that is present sets its figure (null clears it), an absent key leaves it as it is. {@code budget} is the revised
 * budget of an operating row (null: back to the detail budget), {@code outcome} the committee's typed outcome to date.
 */
record ReportInput(EconomicFollowupType type, Long compareWithId, String summary, Map<AccountGroup, Long> budget,
                   Map<AccountGroup, Long> forecast, Map<AccountGroup, Long> outcome,
                   Map<AccountGroup, String> explanations, Map<Long, InvestmentFigures> investments, String actionPlan,
                   LocalDate actionPlanDecidedOn, String actionPlanReference) {

    /** The stored report with the input applied, as it would be after the save. */
    Data applyTo(Data d, YearBudget budget) {
        Map<AccountGroup, Long> detail = budget.detail(d.orgUnitId());
        Map<AccountGroup, RowData> rows = new EnumMap<>(AccountGroup.class);
        for (AccountGroup g : AccountGroup.typed()) {
            RowData r = d.row(g);
            Long b = r.budget();
            if (this.budget().containsKey(g)) {
                Long typed = this.budget().get(g);
                // A figure equal to the detail budget is no adjustment; shown rounded to tkr, unchanged is unchanged.
                b = typed == null || typed.equals(detail.get(g)) ? null : sameTkr(typed, YearBudget.effective(r.budget(), detail.get(g))) ? r.budget() : typed;
            }
            Long f = forecast().containsKey(g) ? keepUnlessChanged(forecast().get(g), r.forecast()) : r.forecast();
            String e = explanations().containsKey(g) ? blankToNull(explanations().get(g)) : r.explanation();
            RowData row = new RowData(b, f, e);
            if (!row.equals(RowData.EMPTY)) {
                rows.put(g, row);
            }
        }
        Map<Long, InvestmentFigures> investments = new HashMap<>(d.investments());
        investments().forEach((line, f) -> {
            InvestmentFigures was = d.investments().getOrDefault(line, new InvestmentFigures(null, null, null));
            investments.put(line, new InvestmentFigures(keepUnlessChanged(f.forecast(), was.forecast()),
                    keepUnlessChanged(f.outcome(), was.outcome()), keepUnlessChanged(f.outcomeLastYear(), was.outcomeLastYear())));
        });
        return new Data(d.id(), d.municipalityId(), d.orgUnitId(), d.year(), d.month(), type(), compareWithId(),
                d.state(), blankToNull(summary()), blankToNull(actionPlan()), actionPlanDecidedOn(),
                blankToNull(actionPlanReference()), d.submittedAt(), d.submittedBy(), d.version(), rows, investments, d.printed());
    }

    /** Forms show kronor as whole tkr: a figure sent back as shown leaves the exact one as it was. */
    private static Long keepUnlessChanged(Long typed, Long stored) {
        return sameTkr(typed, stored) ? stored : typed;
    }

    static boolean sameTkr(Long typed, Long stored) {
        if (typed == null || stored == null) {
            return Objects.equals(typed, stored);
        }
        return typed.equals(stored) || (typed % 1000 == 0
                && BigDecimal.valueOf(stored).divide(BigDecimal.valueOf(1000)).setScale(0, java.math.RoundingMode.HALF_UP)
                .longValueExact() * 1000 == typed);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
