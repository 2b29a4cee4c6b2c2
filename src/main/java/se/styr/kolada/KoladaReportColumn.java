package se.styr.kolada;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;
import se.styr.followup.ReportColumns;
import se.styr.goals.Direction;
import se.styr.goals.GoalObject;
import se.styr.platform.Messages;
import se.styr.platform.SwedishFormat;

/**
 * Kolada in the compiled report, beside every Kolada-linked key figure: Riket's, the county's and each comparison
 * group's value (for the report's latest outcome year, or the latest year before it that Kolada has, its year then
 * printed beside it), the municipality's rank among all municipalities, and below the table the comparison over the
 * years as a chart. Two queries whatever the number of figures, areas and groups.
 */
@Component
class KoladaReportColumn implements ReportColumns {

    /** The kind {@link KoladaReportValues#reportValues} gives the municipality's own values. */
    private static final String OWN = "KOMMUN";
    private static final String RIKET = "RIKET";

    private final KoladaReportValues store;
    private final SwedishFormat sv;
    private final Messages messages;
    private final ITemplateEngine templates;

    KoladaReportColumn(KoladaReportValues store, SwedishFormat sv, Messages messages, ITemplateEngine templates) {
        this.store = store;
        this.sv = sv;
        this.messages = messages;
        this.templates = templates;
    }

    @Override
    public Optional<Column> column(Collection<GoalObject> figures, int year) {
        return columns(figures, year).stream().findFirst();
    }

    @Override
    public List<Column> columns(Collection<GoalObject> figures, int year) {
        return additions(figures, year).columns();
    }

    @Override
    public Additions additions(Collection<GoalObject> figures, int year) {
        List<String> kpis = figures.stream().map(GoalObject::koladaId).filter(k -> k != null).distinct().toList();
        Long municipality = figures.stream().map(GoalObject::municipalityId).findFirst().orElse(null);
        if (kpis.isEmpty() || municipality == null) {
            return new Additions(List.of(), Map.of());
        }
        List<KoladaReportValues.AreaValue> values = store.reportValues(municipality, kpis, year);
        List<Column> columns = new ArrayList<>(areaColumns(values, figures, year));
        rankColumn(store.reportRanks(municipality, kpis, year), figures, year).ifPresent(columns::add);
        return new Additions(columns, charts(values, figures));
    }

    /** Per area: Riket first, then the county, then the groups by name; Riket before the others as the seed prints it. */
    private static String order(KoladaReportValues.AreaValue v) {
        return (OWN.equals(v.kind()) ? "0" : RIKET.equals(v.kind()) ? "1" : KoladaAreas.COUNTY.equals(v.kind()) ? "2" : "3")
                + v.title() + "\u0000" + v.area();
    }

    /** Riket's, the county's and each group's column: the latest value per KPI up to the report's year. */
    private List<Column> areaColumns(List<KoladaReportValues.AreaValue> values, Collection<GoalObject> figures, int year) {
        Map<String, KoladaReportValues.AreaValue> first = new TreeMap<>();
        Map<String, Map<String, KoladaReportValues.AreaValue>> latest = new TreeMap<>();
        for (KoladaReportValues.AreaValue v : values) {
            if (!OWN.equals(v.kind())) {
                first.putIfAbsent(order(v), v);
                latest.computeIfAbsent(order(v), k -> new HashMap<>()).merge(v.kpi(), v, (a, b) -> a.year() >= b.year() ? a : b);
            }
        }
        List<Column> result = new ArrayList<>();
        latest.forEach((key, byKpi) -> {
            Map<Long, String> cells = new HashMap<>();
            figures.stream().filter(f -> f.koladaId() != null && byKpi.containsKey(f.koladaId())).forEach(f -> {
                KoladaReportValues.AreaValue v = byKpi.get(f.koladaId());
                cells.put(f.id(), sv.number(v.value()) + (v.year() == year ? "" : " (" + v.year() + ")"));
            });
            KoladaReportValues.AreaValue a = first.get(key);
            if (cells.isEmpty()) {
                return;
            }
            if (RIKET.equals(a.kind())) {
                result.add(new Column(messages.text("kolada.report.riket", year), cells, messages.text("kolada.report.riketNote")));
            } else {
                boolean county = KoladaAreas.COUNTY.equals(a.kind());
                result.add(new Column(messages.text(county ? "kolada.report.county" : "kolada.report.group", a.title(), year), cells,
                        messages.text(county ? "kolada.report.countyNote" : "kolada.report.groupNote", a.title())));
            }
        });
        return result;
    }

    /**
     * The municipality's place among all municipalities with a value, for the report's year or the latest before it,
     * counted in the figure's own direction (Kolada's metadata has none): "Plats 12 av 287".
     */
    private Optional<Column> rankColumn(List<KoladaReportValues.KpiRank> ranks, Collection<GoalObject> figures, int year) {
        Map<String, KoladaReportValues.KpiRank> latest = new HashMap<>();
        ranks.forEach(r -> latest.merge(r.kpi(), r, (a, b) -> a.year() >= b.year() ? a : b));
        Map<Long, String> cells = new HashMap<>();
        figures.stream().filter(f -> f.koladaId() != null && latest.containsKey(f.koladaId())).forEach(f -> {
            KoladaReportValues.KpiRank r = latest.get(f.koladaId());
            int better = f.direction() == Direction.DECREASE ? r.lower() : r.higher();
            cells.put(f.id(), messages.text("kolada.rank", better + 1, r.total()) + (r.year() == year ? "" : " (" + r.year() + ")"));
        });
        return cells.isEmpty() ? Optional.empty()
                : Optional.of(new Column(messages.text("kolada.report.rank", year), cells, messages.text("kolada.report.rankNote")));
    }

    /** Each figure's comparison over the years up to the report's year, drawn as on its own page. */
    private Map<Long, String> charts(List<KoladaReportValues.AreaValue> values, Collection<GoalObject> figures) {
        Map<String, Map<String, Map<Integer, BigDecimal>>> byKpi = new HashMap<>();
        Map<String, String> labels = new HashMap<>();
        for (KoladaReportValues.AreaValue v : values) {
            labels.put(order(v), OWN.equals(v.kind()) ? v.title() : RIKET.equals(v.kind()) ? messages.text("kolada.area.riket")
                    : KoladaAreas.COUNTY.equals(v.kind()) ? v.title() : messages.text("kolada.area.groupMean", v.title()));
            byKpi.computeIfAbsent(v.kpi(), k -> new TreeMap<>()).computeIfAbsent(order(v), k -> new TreeMap<>()).put(v.year(), v.value());
        }
        Map<Long, String> charts = new HashMap<>();
        for (GoalObject f : figures) {
            Map<String, Map<Integer, BigDecimal>> areas = f.koladaId() == null ? null : byKpi.get(f.koladaId());
            if (areas == null) {
                continue;
            }
            TreeSet<Integer> years = new TreeSet<>();
            List<KoladaChart.Series> series = new ArrayList<>();
            areas.forEach((order, byYear) -> {
                years.addAll(byYear.keySet());
                series.add(new KoladaChart.Series(labels.get(order), byYear));
            });
            KoladaChart chart = KoladaChart.of(List.copyOf(years), series, sv, f.title(), messages.text("kolada.chart.noValue"));
            if (chart != null) {
                Context context = new Context(Messages.SWEDISH);
                context.setVariable("chart", chart);
                context.setVariable("key", f.id());
                context.setVariable("title", messages.text("kolada.section.chartTitle", f.title()));
                charts.put(f.id(), templates.process("kolada/chart", Set.of("report"), context));
            }
        }
        return charts;
    }
}
