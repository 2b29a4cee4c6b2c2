/**
 * Reading .xlsx files for imports and running imports as background jobs: the workbook read as streamed cells with
 * limits (size, rows, zip bombs, encrypted and old files), the problems of a file with sheet, row and column, and the
 * jobs with their progress, preview and heartbeat in {@code import_job}. Used by every module that imports Excel.
 */
@org.springframework.modulith.NamedInterface("excel")
package se.styr.platform.excel;
