/**
 * The municipality's budget per plan period and version: the typed lines, the derived statements (result, balance,
 * cash flow), the operating and investment budgets and the committees' detail budgets, decision and revision.
 * Proposals build on budgets, so the package is an interface of the economy module.
 */
@org.springframework.modulith.NamedInterface("budget")
package se.styr.economy.budget;
