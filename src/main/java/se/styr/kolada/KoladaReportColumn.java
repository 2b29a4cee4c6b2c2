package se.styr.kolada;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;
import se.styr.followup.ReportColumns;
import se.styr.goals.GoalObject;
import se.styr.platform.SwedishFormat;

/**
 * Riket's value beside every Kolada-linked key figure in the compiled report: for the report's latest outcome year, or
 * the latest year before it that Kolada has (its year then printed beside it).
 */
@Component
class KoladaReportColumn implements ReportColumns {

    private final KoladaStore store;
    private final SwedishFormat sv;
    private final se.styr.platform.Messages messages;
    private final ITemplateEngine templates;

    /** The kind {@link KoladaStore#reportValues} gives the municipality's own values. */
    private static final String OWN = "KOMMUN";

    KoladaReportColumn(KoladaStore store, SwedishFormat sv, se.styr.platform.Messages messages, ITemplateEngine templates) {
        this.store = store;
        this.sv = sv;
        this.messages = messages;
        this.templates = templates;
    }

    /**
     * Below the figures table, each Kolada-linked figure's comparison over the years up to the report's year — the
     * municipality, Riket, the county and each group — as the object page draws it: one query for all figures.
     */
    @Override
    public Map<Long, String> charts(Collection<GoalObject> figures, int year) {
        List<String> kpis = figures.stream().map(GoalObject::koladaId).filter(k -> k != null).distinct().toList();
        Long municipality = figures.stream().map(GoalObject::municipalityId).findFirst().orElse(null);
        if (kpis.isEmpty() || municipality == null) {
            return Map.of();
        }
        // per KPI, per area in the report's order (own, Riket, county, groups by name): value per year
        Map<String, Map<String, Map<Integer, java.math.BigDecimal>>> byKpi = new HashMap<>();
        Map<String, String> labels = new HashMap<>();
        for (KoladaStore.AreaValue v : store.reportValues(municipality, kpis, year)) {
            String order = (OWN.equals(v.kind()) ? "0" : "RIKET".equals(v.kind()) ? "1" : KoladaAreas.COUNTY.equals(v.kind()) ? "2" : "3")
                    + v.title() + "\u0000" + v.area();
            labels.put(order, OWN.equals(v.kind()) ? v.title() : "RIKET".equals(v.kind()) ? messages.text("kolada.area.riket")
                    : KoladaAreas.COUNTY.equals(v.kind()) ? v.title() : messages.text("kolada.area.groupMean", v.title()));
            byKpi.computeIfAbsent(v.kpi(), k -> new java.util.TreeMap<>()).computeIfAbsent(order, k -> new java.util.TreeMap<>())
                    .put(v.year(), v.value());
        }
        Map<Long, String> charts = new HashMap<>();
        for (GoalObject f : figures) {
            Map<String, Map<Integer, java.math.BigDecimal>> areas = f.koladaId() == null ? null : byKpi.get(f.koladaId());
            if (areas == null) {
                continue;
            }
            java.util.TreeSet<Integer> years = new java.util.TreeSet<>();
            List<KoladaChart.Series> series = new java.util.ArrayList<>();
            areas.forEach((order, values) -> {
                years.addAll(values.keySet());
                series.add(new KoladaChart.Series(labels.get(order), values));
            });
            KoladaChart chart = KoladaChart.of(List.copyOf(years), series, sv, f.title(), messages.text("kolada.chart.noValue"));
            if (chart != null) {
                Context context = new Context(se.styr.platform.Messages.SWEDISH);
                context.setVariable("chart", chart);
                context.setVariable("key", f.id());
                context.setVariable("title", messages.text("kolada.section.chartTitle", f.title()));
                charts.put(f.id(), templates.process("kolada/chart", java.util.Set.of("report"), context));
            }
        }
        return charts;
    }

    @Override
    public Optional<Column> column(Collection<GoalObject> figures, int year) {
        List<String> kpis = figures.stream().map(GoalObject::koladaId).filter(k -> k != null).distinct().toList();
        if (kpis.isEmpty()) {
            return Optional.empty();
        }
        Map<String, KoladaRows.Value> latest = new HashMap<>();
        store.values(kpis, List.of(KoladaImports.RIKET)).stream()
                .filter(v -> v.year() <= year && v.sex() == 'T' && v.value() != null)
                .forEach(v -> latest.merge(v.kpi(), v, (a, b) -> a.year() >= b.year() ? a : b));
        Map<String, String> riket = new HashMap<>();
        latest.forEach((kpi, v) -> riket.put(kpi, sv.number(v.value()) + (v.year() == year ? "" : " (" + v.year() + ")")));
        if (riket.isEmpty()) {
            return Optional.empty();
        }
        Map<Long, String> cells = new HashMap<>();
        figures.stream().filter(f -> f.koladaId() != null && riket.containsKey(f.koladaId()))
                .forEach(f -> cells.put(f.id(), riket.get(f.koladaId())));
        return Optional.of(new Column(messages.text("kolada.report.riket", year), cells,
                messages.text("kolada.report.riketNote")));
    }

    /**
     * Riket's column, then the county's and each comparison group's (the mean of its members), each for the report's
     * year or the latest before it: one query whatever the number of figures and groups (as Riket's alone).
     */
    @Override
    public List<Column> columns(Collection<GoalObject> figures, int year) {
        List<String> kpis = figures.stream().map(GoalObject::koladaId).filter(k -> k != null).distinct().toList();
        Long municipality = figures.stream().map(GoalObject::municipalityId).findFirst().orElse(null);
        if (kpis.isEmpty() || municipality == null) {
            return List.of();
        }
        // per area (Riket first, then the county, then the groups by name): the latest value per KPI
        Map<String, KoladaStore.AreaValue> first = new java.util.TreeMap<>();
        Map<String, Map<String, KoladaStore.AreaValue>> latest = new java.util.TreeMap<>();
        for (KoladaStore.AreaValue v : store.reportValues(municipality, kpis, year)) {
            if (OWN.equals(v.kind())) {
                continue;
            }
            String key = ("RIKET".equals(v.kind()) ? "0" : KoladaAreas.COUNTY.equals(v.kind()) ? "1" : "2") + v.title() + "\u0000" + v.area();
            first.putIfAbsent(key, v);
            latest.computeIfAbsent(key, k -> new HashMap<>()).merge(v.kpi(), v, (a, b) -> a.year() >= b.year() ? a : b);
        }
        List<Column> result = new java.util.ArrayList<>();
        latest.forEach((key, byKpi) -> {
            Map<Long, String> cells = new HashMap<>();
            figures.stream().filter(f -> f.koladaId() != null && byKpi.containsKey(f.koladaId())).forEach(f -> {
                KoladaStore.AreaValue v = byKpi.get(f.koladaId());
                cells.put(f.id(), sv.number(v.value()) + (v.year() == year ? "" : " (" + v.year() + ")"));
            });
            KoladaStore.AreaValue a = first.get(key);
            if (cells.isEmpty()) {
                return;
            }
            if ("RIKET".equals(a.kind())) {
                result.add(new Column(messages.text("kolada.report.riket", year), cells, messages.text("kolada.report.riketNote")));
            } else {
                boolean county = KoladaAreas.COUNTY.equals(a.kind());
                result.add(new Column(messages.text(county ? "kolada.report.county" : "kolada.report.group", a.title(), year), cells,
                        messages.text(county ? "kolada.report.countyNote" : "kolada.report.groupNote", a.title())));
            }
        });
        return result;
    }
}
