/**
 * Import och export: bringing an existing municipality in from Excel and giving its data back in the same format.
 * The organisation, the people with their roles and the goal chain each have a template; an import is checked and
 * previewed (what is new, changed, unchanged) before the user confirms it, and is written whole or not at all through
 * the owning modules' services, so their rights, rules and audit apply as for a hand edit.
 */
package se.styr.transfer;
