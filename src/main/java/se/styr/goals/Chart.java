package se.styr.goals;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import se.styr.platform.SwedishFormat;

/**
 * Geometry of the outcome/target chart, drawn by the template as inline SVG so the same markup works on screen and
 * in a PDF. The numbers are also in the table beside it; the chart's title and description say what it shows.
 */
public record Chart(int width, int height, String outcomeLine, List<Point> outcomes, List<Point> targets, List<Tick> yTicks,
             List<Tick> xTicks, String summary) {

    public record Point(double x, double y, String label) {
    }

    public record Tick(double position, String label) {
    }

    static final int WIDTH = 560;
    static final int HEIGHT = 260;
    private static final int LEFT = 60;
    private static final int RIGHT = 20;
    private static final int TOP = 20;
    private static final int BOTTOM = 40;

    static Chart of(List<MeasureValue> values, SwedishFormat sv) {
        List<BigDecimal> all = new ArrayList<>();
        values.forEach(v -> {
            if (v.outcome() != null) all.add(v.outcome());
            if (v.target() != null) all.add(v.target());
        });
        if (all.isEmpty()) {
            return null;
        }
        int firstYear = values.stream().mapToInt(MeasureValue::year).min().orElseThrow();
        int lastYear = values.stream().mapToInt(MeasureValue::year).max().orElseThrow();
        double max = all.stream().max(BigDecimal::compareTo).orElseThrow().doubleValue();
        double min = Math.min(0, all.stream().min(BigDecimal::compareTo).orElseThrow().doubleValue());
        double step = niceStep((max - min) / 4);
        double top = Math.ceil(max / step) * step;
        if (top <= min) {
            top = min + step;
        }
        double bottom = Math.floor(min / step) * step;
        double plotW = WIDTH - LEFT - RIGHT;
        double plotH = HEIGHT - TOP - BOTTOM;
        int span = Math.max(1, lastYear - firstYear);
        double yTop = top;
        double yBottom = bottom;
        java.util.function.IntToDoubleFunction x = year -> LEFT + (lastYear == firstYear ? plotW / 2 : plotW * (year - firstYear) / span);
        java.util.function.DoubleUnaryOperator y = v -> TOP + plotH * (yTop - v) / (yTop - yBottom);

        List<Point> outcomes = new ArrayList<>();
        List<Point> targets = new ArrayList<>();
        for (MeasureValue v : values) {
            if (v.outcome() != null) {
                outcomes.add(new Point(round(x.applyAsDouble(v.year())), round(y.applyAsDouble(v.outcome().doubleValue())),
                        "Utfall " + v.year() + ": " + sv.number(v.outcome())));
            }
            if (v.target() != null) {
                targets.add(new Point(round(x.applyAsDouble(v.year())), round(y.applyAsDouble(v.target().doubleValue())),
                        "Målvärde " + v.year() + ": " + sv.number(v.target())));
            }
        }
        StringBuilder line = new StringBuilder();
        outcomes.forEach(p -> line.append(p.x()).append(',').append(p.y()).append(' '));
        List<Tick> yTicks = new ArrayList<>();
        for (double v = bottom; v <= top + step / 2; v += step) {
            yTicks.add(new Tick(round(y.applyAsDouble(v)), sv.number(BigDecimal.valueOf(v).setScale(2, RoundingMode.HALF_UP))));
        }
        List<Tick> xTicks = new ArrayList<>();
        int yearStep = span > 12 ? 2 : 1;
        for (int year = firstYear; year <= lastYear; year += yearStep) {
            xTicks.add(new Tick(round(x.applyAsDouble(year)), Integer.toString(year)));
        }
        String summary = String.join("; ", outcomes.stream().map(Point::label).toList())
                + (targets.isEmpty() ? "" : ". " + String.join("; ", targets.stream().map(Point::label).toList()));
        return new Chart(WIDTH, HEIGHT, line.toString().strip(), outcomes, targets, yTicks, xTicks, summary);
    }

    public int plotLeft() {
        return LEFT;
    }

    public int plotRight() {
        return WIDTH - RIGHT;
    }

    public int plotBottom() {
        return HEIGHT - BOTTOM;
    }

    private static double niceStep(double raw) {
        if (raw <= 0) {
            return 1;
        }
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        double fraction = raw / magnitude;
        double nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 2.5 ? 2.5 : fraction <= 5 ? 5 : 10;
        return nice * magnitude;
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
