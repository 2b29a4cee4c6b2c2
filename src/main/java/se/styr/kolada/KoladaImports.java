package se.styr.kolada;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import se.styr.goals.GoalObject;
import se.styr.goals.GoalService;
import se.styr.goals.MeasureValue;
import se.styr.platform.MunicipalityLock;

/**
 * Imports from Kolada or from a file: KPI metadata, and the linked key figures' values for the municipality, Riket,
 * its county and its groups. Every row is read (all pages) before anything is stored; then the values and the
 * outcomes they fill are written in one transaction, so a failure leaves nothing half-stored. Reading the same again
 * changes nothing. Each run is recorded with its result or its Swedish error.
 */
@Service
public class KoladaImports {

    static final String RIKET = "0000";
    private static final Logger log = LoggerFactory.getLogger(KoladaImports.class);
    private static final ZoneId SWEDEN = ZoneId.of("Europe/Stockholm");

    private final KoladaClient client;
    private final KoladaStore store;
    private final GoalService goals;
    private final TransactionTemplate tx;
    private final int yearsBack;
    private final Clock clock;
    private final MunicipalityLock lock;
    private final se.styr.audit.AuditLog audit;
    private final se.styr.platform.Messages messages;
    private final KoladaGroupCatalog catalog;

    KoladaImports(KoladaClient client, KoladaStore store, GoalService goals, TransactionTemplate tx, MunicipalityLock lock,
                  se.styr.audit.AuditLog audit, se.styr.platform.Messages messages, KoladaGroupCatalog catalog,
                  @Value("${styr.kolada.years-back:10}") int yearsBack) {
        this.catalog = catalog;
        this.messages = messages;
        this.lock = lock;
        this.audit = audit;
        this.client = client;
        this.store = store;
        this.goals = goals;
        this.tx = tx;
        this.yearsBack = yearsBack;
        this.clock = Clock.system(SWEDEN);
    }

    public record Result(int rows, int outcomesWritten, int handValuesKept, String message) {
    }

    // ---- KPI metadata

    public Result kpisFromKolada(String title) {
        return run(null, messages.text("kolada.run.kpisFrom", client.baseUrl()), () -> saveKpis(client.kpis(title)));
    }

    public Result kpisFromFile(String content, String name) {
        return run(null, messages.text("kolada.run.kpisFromFile", name), () -> saveKpis(KoladaFiles.kpis(content, name)));
    }

    private Result saveKpis(List<KoladaRows.Kpi> kpis) {
        tx.executeWithoutResult(s -> store.saveKpis(kpis, now()));
        return new Result(kpis.size(), 0, 0, messages.text("kolada.run.kpisRead", kpis.size()));
    }

    // ---- Kolada's municipality groups

    /** Copies Kolada's municipality groups and their members ({@code /v3/municipality_groups}, all pages). */
    public Result groupsFromKolada() {
        return run(null, messages.text("kolada.run.groupsFrom", client.baseUrl()), () -> saveGroups(client.groups()));
    }

    /** The same from a file of {@code /v3/municipality_groups} pages. */
    public Result groupsFromFile(String content, String name) {
        return run(null, messages.text("kolada.run.groupsFromFile", name), () -> saveGroups(KoladaFiles.groups(content, name)));
    }

    private Result saveGroups(List<KoladaRows.Group> groups) {
        tx.executeWithoutResult(s -> catalog.saveGroups(groups, now()));
        return new Result(groups.size(), 0, 0, messages.text("kolada.run.groupsRead", groups.size()));
    }

    /** Chooses the guidelines' rule by which a linked key figure is judged; optimistic locking, audited old → new. */
    void saveRule(GoalObject o, GuidelineRule rule, boolean smallUnit, Integer version) {
        se.styr.platform.Problems.when(rule.needsKolada() && o.koladaId() == null, "rule", "kolada.rule.needsLink");
        tx.executeWithoutResult(s -> {
            KoladaStore.Rule before = store.rule(o.id()).orElse(null);
            store.saveRule(o.id(), rule.name(), smallUnit, version);
            audit.record(o.municipalityId(), "kolada_rule", o.id(), before == null ? se.styr.audit.AuditLog.Action.SKAPAD
                            : se.styr.audit.AuditLog.Action.ANDRAD, messages.text("kolada.audit.rule", o.title()),
                    before == null ? null : Map.of("rule", before.rule(), "smallUnit", before.smallUnit()),
                    Map.of("rule", rule.name(), "smallUnit", smallUnit));
        });
    }

    // ---- values

    /** The linked key figures' values from Kolada's API. */
    public Result valuesFromKolada(long municipalityId) {
        return run(municipalityId, messages.text("kolada.run.valuesFrom", client.baseUrl()), () -> {
            List<GoalObject> linked = goals.linkedToKolada(municipalityId);
            Set<String> kpis = new TreeSet<>(linked.stream().map(GoalObject::koladaId).toList());
            if (kpis.isEmpty()) {
                return new Result(0, 0, 0, messages.text("kolada.run.noneLinked"));
            }
            int last = now().getYear();
            List<Integer> years = new ArrayList<>();
            for (int y = last - yearsBack; y <= last; y++) {
                years.add(y);
            }
            // every municipality's values (not only the chosen areas'): the rank is among all 290
            List<KoladaRows.Value> rows = new ArrayList<>();
            for (String kpi : kpis) {
                rows.addAll(client.valuesOfAll(kpi, years));
            }
            return store(municipalityId, linked, rows);
        });
    }

    /** The same from a file of Kolada's JSON pages or a bulk CSV (kpi, municipality, year, sex, value). */
    public Result valuesFromFile(long municipalityId, String content, String name) {
        return run(municipalityId, messages.text("kolada.run.valuesFromFile", name), () ->
                store(municipalityId, goals.linkedToKolada(municipalityId), KoladaFiles.values(content, name)));
    }

    private Result store(long municipalityId, List<GoalObject> linked, List<KoladaRows.Value> rows) {
        String code = store.municipalityCode(municipalityId);
        LocalDateTime now = now();
        return tx.execute(s -> {
            lock.hold(municipalityId);
            store.saveValues(rows);
            if (!rows.isEmpty()) {
                // signals judged against Riket or a group (GuidelineSignals) may change: the cached report is made again
                audit.dataChanged(municipalityId);
            }
            Map<String, Map<Integer, BigDecimal>> own = new HashMap<>();
            rows.stream().filter(r -> r.area().equals(code) && r.sex() == 'T')
                    .forEach(r -> own.computeIfAbsent(r.kpi(), k -> new HashMap<>()).put(r.year(), r.value()));
            List<Long> ids = linked.stream().map(GoalObject::id).toList();
            Map<Long, List<MeasureValue>> values = goals.valuesOf(ids);
            Map<Long, Map<Integer, KoladaStore.Mark>> marks = store.marks(ids);
            List<KoladaStore.Mark> newMarks = new ArrayList<>();
            int written = 0;
            int kept = 0;
            for (GoalObject o : linked) {
                Map<Integer, BigDecimal> kolada = own.getOrDefault(o.koladaId(), Map.of());
                if (kolada.isEmpty()) {
                    continue;
                }
                Map<Integer, BigDecimal> outcomes = new HashMap<>();
                values.getOrDefault(o.id(), List.of()).forEach(v -> outcomes.put(v.year(), v.outcome()));
                OutcomeSync.Decision d = OutcomeSync.decide(o.id(), outcomes, marks.getOrDefault(o.id(), Map.of()), kolada, now);
                goals.importOutcomes(municipalityId, o.id(), d.write(), "Kolada");
                written += d.write().size();
                kept += (int) d.marks().stream().filter(m -> !m.applied() && !OutcomeSync.same(m.koladaValue(), outcomes.get(m.year()))).count();
                newMarks.addAll(d.marks());
            }
            store.saveMarks(newMarks);
            return new Result(rows.size(), written, kept, kept == 0 ? messages.text("kolada.run.valuesRead", rows.size(), written)
                    : messages.text("kolada.run.valuesReadKept", rows.size(), written, kept));
        });
    }

    private Result run(Long municipalityId, String source, Supplier<Result> work) {
        long run = store.startRun(municipalityId, source, now());
        int[] read = {0, 0};
        try {
            // each page read is recorded at once (outside the import's transaction), so the runs' list shows progress
            Result result = client.reporting(rows -> store.progress(run, ++read[0], read[1] += rows), work);
            store.finishRun(run, "KLAR", result.rows(), result.message(), now());
            return result;
        } catch (KoladaException e) {
            KoladaException told = e.in(messages);
            log.warn("Kolada: {}", told.getMessage());
            store.finishRun(run, "FEL", 0, told.getMessage(), now());
            throw told;
        } catch (RuntimeException e) {
            store.finishRun(run, "FEL", 0, messages.text("kolada.run.failed"), now());
            throw e;
        }
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock).withNano(0);
    }
}
