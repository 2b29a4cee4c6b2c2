/**
 * Financial goals (finansiella mål) of a plan period, evaluated on the budget, the latest forecast and the annual
 * accounts. Proposals show how a proposal meets them.
 */
@org.springframework.modulith.NamedInterface("goals")
package se.styr.economy.goals;
