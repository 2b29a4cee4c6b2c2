package se.styr.economy.goals;

import java.math.BigDecimal;

/** A goal for sound finances in a plan period. */
public record FinancialGoal(long id, long periodId, int position, FinancialGoalKind kind, String title, BigDecimal threshold,
                            String description, int version) {
}
