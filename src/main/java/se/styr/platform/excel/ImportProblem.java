package se.styr.platform.excel;

/**
 * One problem of an imported file: a cell (sheet, 1-based row and column letter, as Excel shows them) or the whole
 * file (all three null). {@code message} is the Swedish text of the problem, {@code text} the whole sentence with the
 * place ("Blad Utfall, rad 7, kolumn E: …").
 */
public record ImportProblem(String sheet, Integer row, String column, String message, String text) {
}
