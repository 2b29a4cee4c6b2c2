package se.styr.kolada;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
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

    KoladaReportColumn(KoladaStore store, SwedishFormat sv, se.styr.platform.Messages messages) {
        this.store = store;
        this.sv = sv;
        this.messages = messages;
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
