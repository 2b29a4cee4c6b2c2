package se.styr.economy.budget;

/** A budget version is drafted, then decided (and frozen); a revision replaces it with a new draft version. */
public enum BudgetState { UTKAST, BESLUTAD }
