package se.styr.kolada;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import se.styr.platform.SwedishFormat;

/**
 * Geometry of the comparison chart over the years, drawn by the template as inline SVG: one line per area, told
 * apart by colour and dash pattern and named in the legend; the same numbers are in the table beside it.
 */
record KoladaChart(int width, int height, List<Line> lines, List<Tick> yTicks, List<Tick> xTicks, String summary) {

    record Line(String label, String points, String colour, String dash, List<Dot> dots) {
    }

    record Dot(double x, double y, String label) {
    }

    record Tick(double position, String label) {
    }

    static final int WIDTH = 600;
    static final int HEIGHT = 260;
    private static final int LEFT = 60;
    private static final int RIGHT = 20;
    private static final int TOP = 20;
    private static final int BOTTOM = 40;
    private static final String[] COLOURS = {"#1b5e20", "#0d47a1", "#6a1b9a", "#bf360c", "#37474f", "#004d40"};
    private static final String[] DASHES = {"", "6 4", "2 3", "8 3 2 3", "1 5", "10 5"};

    record Series(String label, Map<Integer, BigDecimal> values) {
    }

    static KoladaChart of(List<Integer> years, List<Series> series, SwedishFormat sv, String title, String noValue) {
        List<BigDecimal> all = new ArrayList<>();
        series.forEach(s -> s.values().values().stream().filter(v -> v != null).forEach(all::add));
        if (all.isEmpty() || years.isEmpty()) {
            return null;
        }
        double max = all.stream().max(BigDecimal::compareTo).orElseThrow().doubleValue();
        double min = Math.min(0, all.stream().min(BigDecimal::compareTo).orElseThrow().doubleValue());
        if (max == min) {
            max = min + 1;
        }
        double top = max + (max - min) * 0.1;
        int first = years.get(0);
        int span = Math.max(1, years.get(years.size() - 1) - first);
        double plotW = WIDTH - LEFT - RIGHT;
        double plotH = HEIGHT - TOP - BOTTOM;
        List<Line> lines = new ArrayList<>();
        for (int i = 0; i < series.size(); i++) {
            Series s = series.get(i);
            StringBuilder points = new StringBuilder();
            List<Dot> dots = new ArrayList<>();
            for (int year : years) {
                BigDecimal v = s.values().get(year);
                if (v == null) {
                    continue;
                }
                double x = LEFT + plotW * (year - first) / span;
                double y = TOP + plotH * (top - v.doubleValue()) / (top - min);
                points.append(points.isEmpty() ? "" : " ").append(round(x)).append(',').append(round(y));
                dots.add(new Dot(round(x), round(y), s.label() + " " + year + ": " + sv.number(v)));
            }
            lines.add(new Line(s.label(), points.toString(), COLOURS[i % COLOURS.length], DASHES[i % DASHES.length], dots));
        }
        List<Tick> yTicks = new ArrayList<>();
        for (int i = 0; i <= 4; i++) {
            double value = min + (top - min) * i / 4;
            yTicks.add(new Tick(round(TOP + plotH * (top - value) / (top - min)),
                    sv.number(BigDecimal.valueOf(value), 1)));
        }
        List<Tick> xTicks = years.stream().map(y -> new Tick(round(LEFT + plotW * (y - first) / span), String.valueOf(y))).toList();
        String summary = title + ", " + first + "–" + years.get(years.size() - 1) + ": "
                + String.join("; ", series.stream().map(s -> s.label() + " " + latest(s, sv, noValue)).toList()) + ".";
        return new KoladaChart(WIDTH, HEIGHT, lines, yTicks, xTicks, summary);
    }

    private static String latest(Series s, SwedishFormat sv, String noValue) {
        return s.values().entrySet().stream().filter(e -> e.getValue() != null).max(Map.Entry.comparingByKey())
                .map(e -> sv.number(e.getValue()) + " (" + e.getKey() + ")").orElse(noValue);
    }

    private static double round(double d) {
        return Math.round(d * 10) / 10.0;
    }
}
