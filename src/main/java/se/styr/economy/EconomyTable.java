package se.styr.economy;

import java.util.List;

/**
 * A table of amounts as the seeds print them: rows of whole kronor per column (a year, or budget / forecast /
 * deviation). The same record feeds the page, the PDF and the Excel export. Where the decided document printed a
 * derived figure that differs from the computed one, the row keeps the printed figure beside it.
 */
public record EconomyTable(String code, String title, List<String> columns, List<Row> rows) {

    public enum RowKind { INPUT, DERIVED, HEADING }

    /** How far a printed figure can be from the computed one through rounding each line to tkr: 1 tkr. */
    public static final long ROUNDING = 1000;

    /**
     * @param key     stable key of the row, e.g. a {@link StatementLine} or {@link AccountGroup} name, or a line id
     * @param values  one per column, null where there is nothing
     * @param printed one per column, null where nothing different was printed
     */
    public record Row(String key, String label, RowKind kind, int indent, List<Long> values, List<Long> printed) {

        public boolean derived() {
            return kind == RowKind.DERIVED;
        }

        public Long printedAt(int column) {
            return printed == null ? null : printed.get(column);
        }

        /**
         * Printed minus computed, where the document printed another figure because it rounds each line to tkr (at
         * most {@link #ROUNDING} apart). A larger gap means the typed figures have changed since the document was
         * printed, and the printed figure no longer says anything about this computation.
         */
        public Long differenceAt(int column) {
            Long p = printedAt(column);
            Long v = values.get(column);
            return p == null || v == null || p.equals(v) || Math.abs(p - v) > ROUNDING ? null : p - v;
        }

        public boolean hasDifference() {
            for (int i = 0; i < values.size(); i++) {
                if (differenceAt(i) != null) {
                    return true;
                }
            }
            return false;
        }
    }

    public Row row(String key) {
        return rows.stream().filter(r -> r.key().equals(key)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No row " + key + " in " + code));
    }

    public boolean hasDifferences() {
        return rows.stream().anyMatch(Row::hasDifference);
    }
}
