package se.styr.economy.followup;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import se.styr.economy.AccountGroup;
import se.styr.economy.budget.BudgetCalculator;
import se.styr.economy.budget.BudgetData;
import se.styr.economy.followup.EconomicFollowupRepository.Data;

/** The budget of a year as the committees' reports use it: detail budgets, grants and investment lines. */
record YearBudget(int year, BudgetData data) {

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

    /** The revised budget per typed group: the report's adjustments over the detail budget, the grant as the frame. */
    Map<AccountGroup, Long> revised(Data d) {
        Map<AccountGroup, Long> detail = detail(d.orgUnitId());
        Map<AccountGroup, Long> revised = new EnumMap<>(AccountGroup.class);
        for (AccountGroup g : ForecastCalculator.OPERATING_ROWS) {
            Long v = effective(d.row(g).budget(), detail.get(g));
            if (v != null) {
                revised.put(g, v);
            }
        }
        revised.put(AccountGroup.FINANSNETTO, detail.getOrDefault(AccountGroup.FINANSNETTO, 0L));
        revised.put(AccountGroup.KOMMUNBIDRAG, frame(d.orgUnitId()));
        return revised;
    }

    /** A report's adjusted budget figure, or the detail budget's where there is none. */
    static Long effective(Long adjusted, Long detail) {
        return adjusted != null ? adjusted : detail;
    }
}
