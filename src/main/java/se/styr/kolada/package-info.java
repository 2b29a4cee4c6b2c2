/**
 * Kolada: a local copy of Kolada's KPI metadata, the values of the linked key figures for the municipality, the whole
 * country (Riket, 0000), its county and chosen groups, fetched from Kolada's v3 API or read from a file; the outcomes
 * they fill in the goal chain, the comparison beside each linked figure, and the guidelines' assessment rules. The only
 * integration boundary to Kolada is {@link se.styr.kolada.KoladaClient}. See docs/kolada.md.
 */
package se.styr.kolada;
