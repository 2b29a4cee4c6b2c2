package se.styr.economy.goals;

/** What a financial goal is evaluated on: the decided budget, the latest forecast, or the annual accounts. */
public enum FinancialBasis { BUDGET, PROGNOS, UTFALL }
