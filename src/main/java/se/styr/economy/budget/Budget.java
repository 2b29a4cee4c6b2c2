package se.styr.economy.budget;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;

/**
 * One version of the municipality's budget for a plan period (e.g. "Budget 2022–2024", version 1). An illustrative
 * one belongs to a made-up period (an example base for proposals) and never governs a year.
 */
public record Budget(long id, long municipalityId, long periodId, String periodName, int firstYear, int lastYear,
                     int versionNo, BudgetState state, BigDecimal taxRate, LocalDate decidedOn, String decidedParagraph,
                     String decidedBy, int version, boolean illustrative) {

    /** How many years an investment budget covers. */
    public static final int INVESTMENT_YEARS = 5;

    public List<Integer> years() {
        return IntStream.rangeClosed(firstYear, lastYear).boxed().toList();
    }

    /** The committees' detail budgets show last year's budget before the period. */
    public List<Integer> detailYears() {
        return IntStream.rangeClosed(firstYear - 1, lastYear).boxed().toList();
    }

    public List<Integer> investmentYears() {
        return IntStream.range(firstYear, firstYear + INVESTMENT_YEARS).boxed().toList();
    }

    public boolean decided() {
        return state == BudgetState.BESLUTAD;
    }

    public String label() {
        return periodName + ", version " + versionNo;
    }
}
