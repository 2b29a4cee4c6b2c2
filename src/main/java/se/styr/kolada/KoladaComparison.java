package se.styr.kolada;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.stereotype.Service;
import se.styr.goals.Direction;
import se.styr.goals.GoalObject;
import se.styr.goals.MeasureValue;
import se.styr.goals.Signal;
import se.styr.platform.SwedishFormat;

/**
 * What a Kolada-linked key figure shows: its KPI's definition, the municipality beside Riket, the county and the
 * chosen groups (total, and women and men where Kolada divides by sex), its rank among the municipalities, where each
 * outcome came from, and how it stands by the rule chosen for it. A fixed number of queries.
 */
@Service
class KoladaComparison {

    private final KoladaStore store;
    private final SwedishFormat sv;
    private final se.styr.platform.Messages messages;

    KoladaComparison(KoladaStore store, SwedishFormat sv, se.styr.platform.Messages messages) {
        this.store = store;
        this.sv = sv;
        this.messages = messages;
    }

    record Row(String label, String area, boolean own, List<String> cells) {
    }

    record Provenance(int year, String outcome, String source, String kolada, boolean disagrees) {
    }

    record View(String kpiId, KoladaStore.StoredKpi kpi, List<Integer> years, List<Row> rows, List<Row> sexRows,
                List<String> ranks, KoladaChart chart, List<Provenance> provenance, GuidelineRule rule, boolean smallUnit,
                Integer ruleVersion, Signal signal, String signalText, List<Row> sexRanks) {

        public boolean hasValues() {
            return !years.isEmpty();
        }
    }

    View of(GoalObject o, List<MeasureValue> values) {
        String kpi = o.koladaId();
        KoladaStore.StoredKpi meta = store.kpi(kpi).orElse(null);
        String own = store.municipalityCode(o.municipalityId());
        List<KoladaStore.Area> areas = store.areas(o.municipalityId());
        List<String> direct = new ArrayList<>(List.of(own, KoladaImports.RIKET));
        areas.forEach(a -> direct.add(a.area()));
        Map<String, Map<Character, Map<Integer, BigDecimal>>> byArea = new HashMap<>();
        // a group's value is its members' mean, unless the data holds a value under the group's own id (Kolada's
        // data API answers municipalities, counties and Riket; a file may carry a group's value): that one wins
        List<KoladaRows.Value> rows = new ArrayList<>(store.groupMeans(o.municipalityId(), kpi));
        rows.addAll(store.values(List.of(kpi), direct));
        rows.forEach(v -> byArea.computeIfAbsent(v.area(), k -> new HashMap<>())
                .computeIfAbsent(v.sex(), k -> new TreeMap<>()).put(v.year(), v.value()));
        TreeSet<Integer> yearSet = new TreeSet<>();
        rows.stream().filter(v -> v.value() != null).forEach(v -> yearSet.add(v.year()));
        List<Integer> years = List.copyOf(yearSet);

        List<String[]> order = new ArrayList<>();
        order.add(new String[] {own, "Kommunen"});
        order.add(new String[] {KoladaImports.RIKET, "Riket"});
        areas.forEach(a -> order.add(new String[] {a.area(), a.title()}));
        List<Row> table = new ArrayList<>();
        List<Row> sexRows = new ArrayList<>();
        List<KoladaChart.Series> series = new ArrayList<>();
        for (String[] a : order) {
            Map<Integer, BigDecimal> total = byArea.getOrDefault(a[0], Map.of()).getOrDefault('T', Map.of());
            table.add(new Row(a[1], a[0], a[0].equals(own), cells(years, total)));
            if (!total.isEmpty()) {
                series.add(new KoladaChart.Series(a[1], total));
            }
            for (char sex : new char[] {'K', 'M'}) {
                Map<Integer, BigDecimal> bySex = byArea.getOrDefault(a[0], Map.of()).getOrDefault(sex, Map.of());
                if (!bySex.isEmpty() && bySex.values().stream().anyMatch(v -> v != null)) {
                    sexRows.add(new Row(messages.text("kolada.sex." + sex, a[1]), a[0], a[0].equals(own), cells(years, bySex)));
                }
            }
        }
        // Kolada's metadata says nothing of a KPI's desired direction: the linked figure's own direction decides
        Map<Character, Map<Integer, String>> rankBySex = new HashMap<>();
        for (KoladaStore.Rank r : store.ranks(kpi, own)) {
            int better = o.direction() == Direction.DECREASE ? r.lower() : r.higher();
            rankBySex.computeIfAbsent(r.sex(), k -> new HashMap<>()).put(r.year(), messages.text("kolada.rank", better + 1, r.total()));
        }
        List<String> ranks = years.stream().map(y -> rankBySex.getOrDefault('T', Map.of()).getOrDefault(y, "–")).toList();
        List<Row> sexRanks = new ArrayList<>();
        for (char sex : new char[] {'K', 'M'}) {
            if (rankBySex.containsKey(sex)) {
                sexRanks.add(new Row(messages.text("kolada.sex." + sex, messages.text("kolada.section.rank")), own, true,
                        years.stream().map(y -> rankBySex.get(sex).getOrDefault(y, "–")).toList()));
            }
        }
        KoladaChart chart = KoladaChart.of(years, series, sv, meta == null ? kpi : meta.title(), messages.text("kolada.chart.noValue"));

        KoladaStore.Rule rule = store.rule(o.id()).orElse(null);
        GuidelineRule chosen = rule == null ? GuidelineRule.STYR : GuidelineRule.valueOf(rule.rule());
        boolean small = rule != null && rule.smallUnit();
        Map<Integer, MeasureValue> ownValues = new TreeMap<>();
        values.forEach(v -> ownValues.put(v.year(), v));
        Signal signal = judge(chosen, small, o.direction(), ownValues, byArea, areas);
        return new View(kpi, meta, years, table, sexRows, ranks, chart, provenance(o.id(), ownValues), chosen, small,
                rule == null ? null : rule.version(), signal, signal == null ? null : signalText(chosen, signal), sexRanks);
    }

    private List<String> cells(List<Integer> years, Map<Integer, BigDecimal> values) {
        return years.stream().map(y -> values.get(y) == null ? "–" : sv.number(values.get(y))).toList();
    }

    private List<Provenance> provenance(long objectId, Map<Integer, MeasureValue> own) {
        Map<Integer, KoladaStore.Mark> marks = store.marks(List.of(objectId)).getOrDefault(objectId, Map.of());
        TreeSet<Integer> years = new TreeSet<>(marks.keySet());
        own.values().stream().filter(v -> v.outcome() != null).forEach(v -> years.add(v.year()));
        List<Provenance> result = new ArrayList<>();
        for (int year : years) {
            BigDecimal outcome = own.containsKey(year) ? own.get(year).outcome() : null;
            KoladaStore.Mark m = marks.get(year);
            boolean fromKolada = m != null && m.applied() && OutcomeSync.same(outcome, m.koladaValue());
            boolean disagrees = m != null && !OutcomeSync.same(outcome, m.koladaValue());
            String source = outcome == null ? messages.text("kolada.provenance.none")
                    : fromKolada ? messages.text("kolada.provenance.kolada", m.fetchedAt().toLocalDate().toString())
                    : messages.text("kolada.provenance.hand");
            result.add(new Provenance(year, outcome == null ? "–" : sv.number(outcome), source,
                    m == null || m.koladaValue() == null ? "–" : sv.number(m.koladaValue()), disagrees));
        }
        return result;
    }

    private static Signal judge(GuidelineRule rule, boolean small, Direction direction, Map<Integer, MeasureValue> own,
                                Map<String, Map<Character, Map<Integer, BigDecimal>>> byArea, List<KoladaStore.Area> areas) {
        MeasureValue latest = own.values().stream().filter(v -> v.outcome() != null).reduce((a, b) -> b).orElse(null);
        return switch (rule) {
            case STYR -> null;
            case RIKET -> latest == null ? Signal.INGET_VARDE : GuidelineRule.againstAverage(direction, latest.outcome(),
                    byArea.getOrDefault(KoladaImports.RIKET, Map.of()).getOrDefault('T', Map.of()).get(latest.year()));
            case GRUPP -> {
                String group = areas.stream().filter(a -> "GRUPP".equals(a.kind())).map(KoladaStore.Area::area).findFirst().orElse(null);
                yield latest == null || group == null ? Signal.INGET_VARDE : GuidelineRule.againstAverage(direction,
                        latest.outcome(), byArea.getOrDefault(group, Map.of()).getOrDefault('T', Map.of()).get(latest.year()));
            }
            case ANDEL_AV_MAL -> latest == null ? Signal.INGET_VARDE
                    : GuidelineRule.shareOfTarget(direction, latest.outcome(), latest.target() != null ? latest.target()
                    : own.values().stream().filter(v -> v.target() != null && v.year() >= latest.year())
                    .map(MeasureValue::target).findFirst().orElse(null));
            case ANTAL -> GuidelineRule.count(latest == null ? null : latest.outcome(), small);
        };
    }

    private String signalText(GuidelineRule rule, Signal signal) {
        return messages.text("kolada.signal." + signal.name());
    }

}
