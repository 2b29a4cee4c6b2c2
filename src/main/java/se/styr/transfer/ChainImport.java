package se.styr.transfer;

import static se.styr.transfer.ChainField.*;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.stereotype.Component;
import se.styr.goals.AssignmentStatus;
import se.styr.goals.Direction;
import se.styr.goals.FollowUpOccasion;
import se.styr.goals.GoalObject;
import se.styr.goals.GoalService;
import se.styr.goals.Kind;
import se.styr.goals.MeasureValue;
import se.styr.goals.Perspective;
import se.styr.organisation.OrgUnit;
import se.styr.organisation.OrgUnitType;
import se.styr.organisation.PlanPeriod;
import se.styr.platform.excel.ExcelFile;
import se.styr.platform.excel.ImportPhase;
import se.styr.platform.excel.ImportProgress;
import se.styr.platform.excel.SheetCheck;

/**
 * The goal chain from its workbook: each row of an object sheet creates an object (no id, or a key of its own) or
 * edits the object whose id it has; the rows of Värden set a year's outcome and target. Rows that would change
 * nothing write nothing. Objects not in the file are left as they are.
 */
@Component
class ChainImport {

    static final int MAX_ROWS = 20_000;
    /** Descriptions may be long; longer text is cut, and the rules then say it is too long. */
    static final int MAX_TEXT = 10_001;

    private final GoalService goals;
    private final TransferContext context;

    ChainImport(GoalService goals, TransferContext context) {
        this.goals = goals;
        this.context = context;
    }

    /** The ids and keys of the file, and what they stand for once their rows are read. */
    private static final class Refs {
        final Map<Long, GoalObject> existing = new HashMap<>();
        /** A new object's key → its id once written (in a preview too: the preview writes and rolls back). */
        final Map<String, Long> keys = new HashMap<>();
        final Set<String> failedKeys = new HashSet<>();
        final Set<Long> seen = new HashSet<>();
    }

    void read(ExcelFile workbook, ImportRun run, boolean write, ImportProgress progress) {
        long municipality = context.municipalityId();
        Cells cells = context.cells(run);
        Refs refs = new Refs();
        goals.list(null).forEach(o -> refs.existing.put(o.id(), o));
        OrgUnit council = context.units().stream().filter(u -> u.type() == OrgUnitType.KOMMUNFULLMAKTIGE && u.active())
                .findFirst().orElse(null);
        Map<ChainSheet, List<ExcelFile.Row>> sheets = new LinkedHashMap<>();
        List<ExcelFile.Row> values = null;
        for (ChainSheet sheet : ChainSheet.values()) {
            List<ExcelFile.Row> rows = workbook.sheetName(sheet.title) == null ? List.of()
                    : run.dataRows(workbook, sheet.title, sheet.headers(), MAX_ROWS, MAX_TEXT, false, progress);
            sheets.put(sheet, rows == null ? List.of() : rows);
        }
        if (workbook.sheetName(ChainSheet.VALUES) != null) {
            values = run.dataRows(workbook, ChainSheet.VALUES, ChainSheet.VALUE_HEADERS, MAX_ROWS * 5, false, progress);
        }
        if (sheets.values().stream().allMatch(List::isEmpty) && (values == null || values.isEmpty()) && !run.hasProblems()) {
            run.fileProblem("transfer.error.noChainRows", String.join(", ", ChainSheet.titles()));
        }
        if (run.hasProblems()) {
            return;
        }
        int total = sheets.values().stream().mapToInt(List::size).sum() + (values == null ? 0 : values.size());
        progress.phase(write ? ImportPhase.SKRIVER : ImportPhase.KONTROLLERAR, total);
        int done = 0;
        for (Map.Entry<ChainSheet, List<ExcelFile.Row>> e : sheets.entrySet()) {
            ChainSheet sheet = e.getKey();
            cells.sheet(sheet.title);
            if (sheet.ownedByCouncil() && council == null && !e.getValue().isEmpty()) {
                run.fileProblem("transfer.error.noCouncil", sheet.title);
                continue;
            }
            for (ExcelFile.Row row : e.getValue()) {
                object(sheet, row, cells, refs, run, council, municipality);
                progress.rows(++done);
            }
        }
        if (values != null) {
            cells.sheet(ChainSheet.VALUES);
            values(values, cells, refs, run);
            progress.rows(total);
        }
    }

    private void object(ChainSheet sheet, ExcelFile.Row row, Cells cells, Refs refs, ImportRun run, OrgUnit council,
                        long municipality) {
        if (!cells.noFormulas(row)) {
            return;
        }
        int before = run.problems().size();
        int idColumn = sheet.column(ID);
        GoalObject current = null;
        String key = null;
        String id = Cells.text(row, idColumn);
        if (id != null && id.matches("\\d{1,18}")) {
            current = refs.existing.get(Long.parseLong(id));
            if (current == null || current.kind() != sheet.kind) {
                cells.problem(row, idColumn, current == null ? "transfer.chain.unknownId" : "transfer.chain.wrongKind", id, sheet.title);
                return;
            }
            if (!refs.seen.add(current.id())) {
                cells.problem(row, idColumn, "transfer.chain.twice", id);
                return;
            }
        } else if (id != null) {
            key = SheetCheck.normal(id);
            if (refs.keys.containsKey(key) || refs.failedKeys.contains(key)) {
                cells.problem(row, idColumn, "transfer.chain.twice", id);
                return;
            }
        }
        Long parent = ref(row, sheet.column(PARENT), cells, refs);
        OrgUnit owner = sheet.ownedByCouncil() ? council : cells.unit(row, sheet.column(OWNER), true, "ägare");
        PlanPeriod period = cells.period(row, sheet.column(PERIOD));
        Long periodId = period != null ? Long.valueOf(period.id())
                : parent != null && refs.existing.containsKey(parent) ? refs.existing.get(parent).periodId() : null;
        String title = cells.required(row, sheet.column(TITLE), "titel");
        Direction direction = cells.choice(row, sheet.column(DIRECTION), Direction.class, "direction.");
        Boolean steering = cells.yesNo(row, sheet.column(STEERING));
        BigDecimal tolerance = cells.number(row, sheet.column(TOLERANCE));
        Long linked = ref(row, sheet.column(LINKED), cells, refs);
        Integer agendaGoal = cells.whole(row, sheet.column(AGENDA_GOAL));
        OrgUnit givenBy = cells.unit(row, sheet.column(GIVEN_BY), false, null);
        java.time.LocalDate due = cells.date(row, sheet.column(DUE));
        AssignmentStatus status = cells.choice(row, sheet.column(STATUS), AssignmentStatus.class, "status.");
        Perspective perspective = cells.choice(row, sheet.column(PERSPECTIVE), Perspective.class, "perspective.");
        Integer risk = cells.whole(row, sheet.column(RISK));
        FollowUpOccasion occasion = cells.choice(row, sheet.column(OCCASION), FollowUpOccasion.class, "occasion.");
        if (run.problems().size() > before || owner == null) {
            if (key != null) {
                refs.failedKeys.add(key);
            }
            return;
        }
        boolean measure = sheet.kind.isMeasure();
        String kolada = Cells.text(row, sheet.column(KOLADA));
        GoalObject draft = new GoalObject(current == null ? null : current.id(), municipality, sheet.kind,
                parent, owner.id(), periodId, current == null ? 0 : current.position(), title,
                Cells.text(row, sheet.column(DESCRIPTION)), direction, Cells.text(row, sheet.column(MEASURE_UNIT)),
                Cells.text(row, sheet.column(SOURCE)), kolada == null ? null : kolada.toUpperCase(),
                measure ? (steering != null ? steering : current != null ? current.steering() : Boolean.TRUE) : null, tolerance, linked,
                Cells.text(row, sheet.column(LINK_MOTIVATION)), agendaGoal, Cells.text(row, sheet.column(AGENDA_TARGET)),
                current == null ? null : current.judgement(), current == null ? null : current.judgementText(),
                givenBy == null ? null : givenBy.id(), due,
                sheet.kind == Kind.UPPDRAG && status == null && current == null ? AssignmentStatus.EJ_PABORJAD
                        : status == null && current != null ? current.status() : status,
                perspective, Cells.text(row, sheet.column(FREQUENCY)), Cells.text(row, sheet.column(PROCESS)), risk,
                Cells.text(row, sheet.column(METHOD)), Cells.text(row, sheet.column(RESPONSIBLE)), occasion,
                current != null && current.retired(), current == null ? 0 : current.version());
        Map<String, Integer> columns = new HashMap<>();
        sheet.fields.forEach(f -> columns.put(f.property(), sheet.column(f)));
        int blame = sheet.ownedByCouncil() ? sheet.column(TITLE) : sheet.column(OWNER);
        if (current == null) {
            String newKey = key;
            boolean ok = run.write(sheet.title, row.number(), blame, columns,
                    context.text("transfer.chain.created", context.text("kind." + sheet.kind.name()), title), () -> {
                        GoalObject saved = goals.create(draft);
                        refs.existing.put(saved.id(), saved);
                        if (newKey != null) {
                            refs.keys.put(newKey, saved.id());
                        }
                    });
            if (ok) {
                run.count(sheet.title, ImportRun.Change.CREATED, 1);
            } else if (key != null) {
                refs.failedKeys.add(key);
            }
            return;
        }
        List<String> changed = changedColumns(sheet, draft, current);
        if (changed.isEmpty()) {
            run.count(sheet.title, ImportRun.Change.UNCHANGED, 1);
            return;
        }
        GoalObject old = current;
        boolean ok = run.write(sheet.title, row.number(), blame, columns,
                context.text("transfer.chain.updated", context.text("kind." + sheet.kind.name()), old.title(), String.join(", ", changed)),
                () -> {
                    int version = old.version();
                    if (!Objects.equals(old.parentId(), draft.parentId())) {
                        version = goals.move(old.id(), draft.parentId(), version).version();
                    }
                    GoalObject saved = goals.update(new GoalObject(draft.id(), draft.municipalityId(), draft.kind(), draft.parentId(),
                            draft.ownerUnitId(), draft.periodId(), draft.position(), draft.title(), draft.description(),
                            draft.direction(), draft.measureUnit(), draft.source(), draft.koladaId(), draft.steering(),
                            draft.nearTargetTolerance(), draft.linkedIndicatorId(), draft.linkMotivation(), draft.agenda2030Goal(),
                            draft.agenda2030Target(), draft.judgement(), draft.judgementText(), draft.givenByUnitId(), draft.dueDate(),
                            draft.status(), draft.perspective(), draft.frequency(), draft.process(), draft.riskValue(),
                            draft.controlMethod(), draft.responsible(), draft.followUpOccasion(), draft.retired(), version));
                    refs.existing.put(saved.id(), saved);
                });
        if (ok) {
            run.count(sheet.title, ImportRun.Change.UPDATED, 1);
        }
    }

    /** An id of an object in Styr, or a key of a new object on an earlier row; null for an empty cell. */
    private Long ref(ExcelFile.Row row, int column, Cells cells, Refs refs) {
        String text = Cells.text(row, column);
        if (text == null) {
            return null;
        }
        if (text.matches("\\d{1,18}")) {
            long id = Long.parseLong(text);
            if (!refs.existing.containsKey(id)) {
                cells.problem(row, column, "transfer.chain.unknownRef", text);
                return null;
            }
            return id;
        }
        String key = SheetCheck.normal(text);
        Long id = refs.keys.get(key);
        if (id == null) {
            cells.problem(row, column, refs.failedKeys.contains(key) ? "transfer.chain.refFailed" : "transfer.chain.unknownKey", text);
        }
        return id;
    }

    /** The headings of the sheet's columns whose value the row changes. */
    private static List<String> changedColumns(ChainSheet sheet, GoalObject draft, GoalObject current) {
        List<String> changed = new ArrayList<>();
        for (ChainField f : sheet.fields) {
            if (f != ID && !same(value(f, draft), value(f, current))) {
                changed.add(f.header);
            }
        }
        if (sheet.ownedByCouncil() && draft.ownerUnitId() != current.ownerUnitId()) {
            changed.add(OWNER.header);
        }
        return changed;
    }

    static Object value(ChainField f, GoalObject o) {
        return switch (f) {
            case ID -> o.id();
            case PARENT -> o.parentId();
            case OWNER -> o.ownerUnitId();
            case PERIOD -> o.periodId();
            case TITLE -> o.title();
            case DESCRIPTION -> o.description();
            case DIRECTION -> o.direction();
            case MEASURE_UNIT -> o.measureUnit();
            case SOURCE -> o.source();
            case KOLADA -> o.koladaId();
            case STEERING -> o.steering();
            case TOLERANCE -> o.nearTargetTolerance();
            case LINKED -> o.linkedIndicatorId();
            case LINK_MOTIVATION -> o.linkMotivation();
            case AGENDA_GOAL -> o.agenda2030Goal();
            case AGENDA_TARGET -> o.agenda2030Target();
            case GIVEN_BY -> o.givenByUnitId();
            case DUE -> o.dueDate();
            case STATUS -> o.status();
            case PERSPECTIVE -> o.perspective();
            case FREQUENCY -> o.frequency();
            case PROCESS -> o.process();
            case RISK -> o.riskValue();
            case METHOD -> o.controlMethod();
            case RESPONSIBLE -> o.responsible();
            case OCCASION -> o.followUpOccasion();
        };
    }

    private static boolean same(Object a, Object b) {
        if (a instanceof BigDecimal x && b instanceof BigDecimal y) {
            return x.compareTo(y) == 0;
        }
        if (a instanceof String x && b instanceof String y) {
            return x.strip().equals(y.strip());
        }
        return Objects.equals(a, b);
    }

    /** Outcomes and targets per year: a row sets its year; the object's other years stay. */
    private void values(List<ExcelFile.Row> rows, Cells cells, Refs refs, ImportRun run) {
        Map<Long, TreeMap<Integer, MeasureValue>> byObject = new LinkedHashMap<>();
        Map<Long, Integer> firstRow = new HashMap<>();
        Map<List<Long>, Integer> seen = new HashMap<>();
        for (ExcelFile.Row row : rows) {
            if (!cells.noFormulas(row)) {
                continue;
            }
            int before = run.problems().size();
            Long id = ref(row, 0, cells, refs);
            if (id == null && Cells.text(row, 0) == null) {
                cells.problem(row, 0, "import.error.empty", "indikatorns eller nyckeltalets id");
            }
            Integer year = cells.whole(row, 1);
            if (year == null && Cells.text(row, 1) == null) {
                cells.problem(row, 1, "import.error.empty", "år");
            } else if (year != null && (year < 1900 || year > 2200)) {
                cells.problem(row, 1, "import.error.notYear", String.valueOf(year));
            }
            BigDecimal outcome = cells.number(row, 2);
            BigDecimal target = cells.number(row, 3);
            if (Cells.text(row, 2) == null && Cells.text(row, 3) == null) {
                cells.problem(row, 2, "transfer.chain.noValue");
            }
            if (id != null && !refs.existing.get(id).kind().isMeasure()) {
                cells.problem(row, 0, "transfer.chain.notMeasure", refs.existing.get(id).title());
            }
            if (run.problems().size() > before) {
                continue;
            }
            Integer first = seen.putIfAbsent(List.of(id, (long) year), row.number());
            if (first != null) {
                cells.problem(row, 1, "import.error.duplicate", String.valueOf(first), "id och år");
                continue;
            }
            firstRow.putIfAbsent(id, row.number());
            byObject.computeIfAbsent(id, k -> new TreeMap<>()).put(year, new MeasureValue(year, outcome, target));
        }
        if (run.hasProblems()) {
            return;
        }
        for (Map.Entry<Long, TreeMap<Integer, MeasureValue>> e : byObject.entrySet()) {
            long id = e.getKey();
            GoalObject o = refs.existing.get(id);
            TreeMap<Integer, MeasureValue> merged = new TreeMap<>();
            goals.values(id).forEach(v -> merged.put(v.year(), v));
            int created = 0;
            int updated = 0;
            int unchanged = 0;
            for (MeasureValue v : e.getValue().values()) {
                MeasureValue now = merged.get(v.year());
                if (now == null) {
                    created++;
                } else if (same(now.outcome(), v.outcome()) && same(now.target(), v.target())) {
                    unchanged++;
                } else {
                    updated++;
                }
                merged.put(v.year(), v);
            }
            if (created + updated > 0) {
                boolean ok = run.write(ChainSheet.VALUES, firstRow.get(id), 2, Map.of("values", 2),
                        context.text("transfer.chain.values", o.title(), String.valueOf(created + updated)),
                        () -> goals.setValues(id, goals.get(id).version(), List.copyOf(merged.values())));
                if (!ok) {
                    continue;
                }
            }
            run.count(ChainSheet.VALUES, ImportRun.Change.CREATED, created);
            run.count(ChainSheet.VALUES, ImportRun.Change.UPDATED, updated);
            run.count(ChainSheet.VALUES, ImportRun.Change.UNCHANGED, unchanged);
        }
    }
}
