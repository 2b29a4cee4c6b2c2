/**
 * Excel: export of the economy tables, and import of detail budgets and monthly outcomes (templates, upload, jobs).
 * Used only inside the economy module.
 */
package se.styr.economy.excel;
