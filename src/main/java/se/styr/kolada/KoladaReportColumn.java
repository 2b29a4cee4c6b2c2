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
     * Riket's column, then the county's and each comparison group's (the mean of its members) for the report's year
     * or the latest before it: three more queries whatever the number of figures and groups.
     */
    @Override
    public List<Column> columns(Collection<GoalObject> figures, int year) {
        List<Column> result = new java.util.ArrayList<>(column(figures, year).stream().toList());
        List<String> kpis = figures.stream().map(GoalObject::koladaId).filter(k -> k != null).distinct().toList();
        Long municipality = figures.stream().map(GoalObject::municipalityId).findFirst().orElse(null);
        if (kpis.isEmpty() || municipality == null) {
            return result;
        }
        List<KoladaStore.Area> areas = store.areas(municipality);
        List<KoladaRows.Value> values = new java.util.ArrayList<>(store.values(kpis,
                areas.stream().filter(a -> KoladaAreas.COUNTY.equals(a.kind())).map(KoladaStore.Area::area).toList()));
        values.addAll(store.groupMeans(municipality, kpis));
        for (KoladaStore.Area a : areas) {
            Map<String, KoladaRows.Value> latest = new HashMap<>();
            values.stream().filter(v -> v.area().equals(a.area()) && v.year() <= year && v.sex() == 'T' && v.value() != null)
                    .forEach(v -> latest.merge(v.kpi(), v, (x, y) -> x.year() >= y.year() ? x : y));
            Map<Long, String> cells = new HashMap<>();
            figures.stream().filter(f -> f.koladaId() != null && latest.containsKey(f.koladaId())).forEach(f -> {
                KoladaRows.Value v = latest.get(f.koladaId());
                cells.put(f.id(), sv.number(v.value()) + (v.year() == year ? "" : " (" + v.year() + ")"));
            });
            if (!cells.isEmpty()) {
                result.add(new Column(messages.text(KoladaAreas.COUNTY.equals(a.kind()) ? "kolada.report.county" : "kolada.report.group",
                        a.title(), year), cells, messages.text(KoladaAreas.COUNTY.equals(a.kind()) ? "kolada.report.countyNote"
                        : "kolada.report.groupNote", a.title())));
            }
        }
        return result;
    }
}
