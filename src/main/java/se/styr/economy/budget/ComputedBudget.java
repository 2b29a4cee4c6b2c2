package se.styr.economy.budget;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import se.styr.economy.EconomyTable;
import se.styr.economy.StatementLine;

/** A budget version with every derived line computed, as tables in the seeds' layout. */
public record ComputedBudget(Budget budget,
                             EconomyTable result,
                             EconomyTable balance,
                             EconomyTable cashFlow,
                             EconomyTable frames,
                             EconomyTable investments,
                             Map<Long, EconomyTable> committees,
                             Map<StatementLine, Map<Integer, Long>> lines,
                             Map<Integer, Long> taxFinancedInvestments) {

    public long line(StatementLine line, int year) {
        Long v = lines.getOrDefault(line, Map.of()).get(year);
        return v == null ? 0 : v;
    }

    /** Skatteintäkter plus generella statsbidrag och utjämning. */
    public long taxesAndGrants(int year) {
        return line(StatementLine.SKATTEINTAKTER, year) + line(StatementLine.GENERELLA_STATSBIDRAG, year);
    }

    /** Årets resultat in percent of taxes and general grants, two decimals (null without taxes). */
    public BigDecimal resultShare(int year) {
        return BudgetCalculator.percent(line(StatementLine.ARETS_RESULTAT, year), taxesAndGrants(year));
    }

    public List<EconomyTable> municipalTables() {
        return List.of(result, balance, cashFlow, frames, investments);
    }

    public EconomyTable table(String code) {
        Long committee = BudgetCells.committeeOf(code);
        if (committee != null && committees.containsKey(committee)) {
            return committees.get(committee);
        }
        return municipalTables().stream().filter(t -> t.code().equals(code)).findFirst()
                .orElseThrow(() -> new se.styr.platform.NotFoundException("Tabellen", code));
    }
}
