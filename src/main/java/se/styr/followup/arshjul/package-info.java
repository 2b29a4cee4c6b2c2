/**
 * The year's calendar (årshjul): the municipality's template of the year's follow-up rounds with their dates relative
 * to the year, and the command that creates a year's rounds for the committees through the follow-up module's own
 * round opening, previewed first, never twice.
 */
package se.styr.followup.arshjul;
