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
}
