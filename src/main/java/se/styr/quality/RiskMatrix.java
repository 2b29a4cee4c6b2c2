package se.styr.quality;

import java.util.ArrayList;
import java.util.List;

/**
 * The 4×4 matrix of a register: probability upwards (Sannolik at the top, as the guideline prints it), consequence
 * to the right, each cell with its value, band and the numbers of the risks in it. Positions are for the inline SVG.
 */
public record RiskMatrix(List<Row> rows) {

    static final int LABEL_WIDTH = 130;
    static final int CELL_WIDTH = 116;
    static final int CELL_HEIGHT = 64;
    static final int AXIS_HEIGHT = 56;

    public record Cell(int probability, int consequence, int value, RiskScale.Band band, List<Integer> numbers, int x, int y) {

        /** The fill of the band, light enough for black text (red with white text) at AA contrast. */
        public String fill() {
            return switch (band) {
                case LAG -> "#d6efd6";
                case MEDEL -> "#ffe9a8";
                case HOG -> "#a4161a";
            };
        }

        public String ink() {
            return band == RiskScale.Band.HOG ? "#ffffff" : "#1a1a1a";
        }

        public RiskScale.Consequence consequenceLevel() {
            return RiskScale.Consequence.of(consequence);
        }

        public String numbersText() {
            return String.join(", ", numbers.stream().map(String::valueOf).toList());
        }
    }

    public record Row(int probability, int y, List<Cell> cells) {

        public RiskScale.Probability probabilityLevel() {
            return RiskScale.Probability.of(probability);
        }
    }

    /** The consequence levels in the matrix's column order. */
    public List<RiskScale.Consequence> consequences() {
        return List.of(RiskScale.Consequence.values());
    }

    public static RiskMatrix of(List<Risk> risks) {
        List<Row> rows = new ArrayList<>();
        for (int p = RiskScale.MAX; p >= 1; p--) {
            int y = (RiskScale.MAX - p) * CELL_HEIGHT;
            List<Cell> cells = new ArrayList<>();
            for (int c = 1; c <= RiskScale.MAX; c++) {
                final int probability = p;
                final int consequence = c;
                int value = RiskScale.value(p, c);
                List<Integer> numbers = risks.stream().filter(r -> r.probability() == probability && r.consequence() == consequence)
                        .map(Risk::number).sorted().toList();
                cells.add(new Cell(p, c, value, RiskScale.band(value), numbers, LABEL_WIDTH + (c - 1) * CELL_WIDTH, y));
            }
            rows.add(new Row(p, y, cells));
        }
        return new RiskMatrix(rows);
    }

    public Cell cell(int probability, int consequence) {
        return rows.get(RiskScale.MAX - probability).cells().get(consequence - 1);
    }

    public int width() {
        return LABEL_WIDTH + RiskScale.MAX * CELL_WIDTH;
    }

    public int height() {
        return RiskScale.MAX * CELL_HEIGHT + AXIS_HEIGHT;
    }

    public int gridHeight() {
        return RiskScale.MAX * CELL_HEIGHT;
    }

    public int cellWidth() {
        return CELL_WIDTH;
    }

    public int cellHeight() {
        return CELL_HEIGHT;
    }

    public int labelWidth() {
        return LABEL_WIDTH;
    }
}
