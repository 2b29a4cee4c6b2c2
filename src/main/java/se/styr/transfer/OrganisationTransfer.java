package se.styr.transfer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.stereotype.Component;
import se.styr.organisation.OrgUnit;
import se.styr.organisation.OrgUnitType;
import se.styr.organisation.OrganisationAdmin;
import se.styr.platform.excel.ExcelFile;
import se.styr.platform.excel.ImportPhase;
import se.styr.platform.excel.ImportProgress;
import se.styr.platform.excel.SheetCheck;

/**
 * The organisation tree as a workbook: one row per unit, parents before children. A row is the unit with its Id, or
 * (without an Id) the unit with its code, or else a new unit; the municipality's council is the one that exists. An
 * import creates, renames, recodes, retypes, moves, orders, retires and reactivates through the organisation's
 * write service; units not in the file are left as they are.
 */
@Component
class OrganisationTransfer {

    static final String SHEET = "Organisation";
    static final List<String> HEADERS = List.of("Id", "Kod", "Namn", "Typ", "Överordnad", "Ordning", "Aktiv");
    static final int MAX_ROWS = 20_000;
    private static final int ID = 0;
    private static final int CODE = 1;
    private static final int NAME = 2;
    private static final int TYPE = 3;
    private static final int PARENT = 4;
    private static final int POSITION = 5;
    private static final int ACTIVE = 6;
    private static final Map<String, Integer> COLUMNS = Map.of("parentId", PARENT, "type", TYPE, "name", NAME, "code", CODE,
            "position", POSITION, "unit", ID, "withUnitsBelow", ACTIVE);

    private final OrganisationAdmin admin;
    private final TransferContext context;

    OrganisationTransfer(OrganisationAdmin admin, TransferContext context) {
        this.admin = admin;
        this.context = context;
    }

    byte[] export() {
        List<OrgUnit> units = context.units();
        Map<Long, OrgUnit> byId = new HashMap<>();
        units.forEach(u -> byId.put(u.id(), u));
        List<List<Object>> rows = new ArrayList<>();
        for (OrgUnit u : units) {
            OrgUnit parent = u.parentId() == null ? null : byId.get(u.parentId());
            rows.add(java.util.Arrays.asList(u.id(), u.code(), u.name(), context.text("unitType." + u.type().name()),
                    parent == null ? null : parent.code() != null && !parent.code().isBlank() ? parent.code() : String.valueOf(parent.id()),
                    u.position(), u.active()));
        }
        return write(rows);
    }

    byte[] template() {
        String council = context.units().stream().filter(u -> u.parentId() == null).findFirst()
                .map(u -> u.code() != null && !u.code().isBlank() ? u.code() : String.valueOf(u.id())).orElse("KF");
        return write(List.of(
                java.util.Arrays.asList(null, "KS", "Kommunstyrelsen", context.text("unitType.KOMMUNSTYRELSE"), council, 1, true),
                java.util.Arrays.asList(null, "SN", "Socialnämnden", context.text("unitType.NAMND"), "KS", 2, true),
                java.util.Arrays.asList(null, "SOF", "Socialförvaltningen", context.text("unitType.FORVALTNING"), "SN", 1, true),
                java.util.Arrays.asList(null, "SOF-IFO", "Individ- och familjeomsorg", context.text("unitType.AVDELNING"), "SOF", 1, true),
                java.util.Arrays.asList(null, "81820", "Hemtjänst norr", context.text("unitType.ENHET"), "SOF-IFO", 1, true)));
    }

    private byte[] write(List<List<Object>> rows) {
        try (WorkbookWriter w = new WorkbookWriter(context.text("transfer.organisation.workbook"),
                List.of(context.text("transfer.instructions.rows"), context.text("transfer.instructions.organisation")))) {
            w.sheet(SHEET, context.text("transfer.sheet.ORGANISATION"), List.of(
                    new WorkbookWriter.Column("Id", context.text("transfer.org.id")),
                    new WorkbookWriter.Column("Kod", context.text("transfer.org.code")),
                    new WorkbookWriter.Column("Namn", context.text("transfer.org.name")),
                    new WorkbookWriter.Column("Typ", context.text("transfer.org.type")),
                    new WorkbookWriter.Column("Överordnad", context.text("transfer.org.parent")),
                    new WorkbookWriter.Column("Ordning", context.text("transfer.org.position")),
                    new WorkbookWriter.Column("Aktiv", context.text("transfer.org.active"))), rows);
            return w.bytes();
        }
    }

    private record Retire(ExcelFile.Row row, OrgUnit unit) {
    }

    void read(ExcelFile workbook, ImportRun run, boolean write, ImportProgress progress) {
        List<ExcelFile.Row> rows = run.dataRows(workbook, SHEET, HEADERS, MAX_ROWS, false, progress);
        if (rows == null) {
            return;
        }
        if (rows.isEmpty()) {
            run.fileProblem("import.error.noRows", SHEET);
            return;
        }
        Cells cells = context.cells(run).sheet(SHEET);
        List<OrgUnit> units = context.units();
        Map<Long, OrgUnit> byId = new HashMap<>();
        Map<String, OrgUnit> byKey = new HashMap<>();
        units.forEach(u -> {
            byId.put(u.id(), u);
            byKey.putIfAbsent(SheetCheck.normal(u.name()), u);
        });
        units.stream().filter(u -> u.code() != null && !u.code().isBlank()).forEach(u -> byKey.put(SheetCheck.normal(u.code()), u));
        OrgUnit root = units.stream().filter(u -> u.parentId() == null).findFirst().orElse(null);
        Map<Long, Integer> seen = new HashMap<>();
        List<Retire> retire = new ArrayList<>();
        progress.phase(write ? ImportPhase.SKRIVER : ImportPhase.KONTROLLERAR, rows.size());
        int done = 0;
        for (ExcelFile.Row row : rows) {
            progress.rows(++done);
            if (!cells.noFormulas(row)) {
                continue;
            }
            int before = run.problems().size();
            String id = Cells.text(row, ID);
            String code = Cells.text(row, CODE);
            String name = cells.required(row, NAME, "namn");
            OrgUnitType type = cells.required(row, TYPE, "typ") == null ? null : cells.choice(row, TYPE, OrgUnitType.class, "unitType.");
            String parentText = Cells.text(row, PARENT);
            Integer position = cells.whole(row, POSITION);
            Boolean active = cells.yesNo(row, ACTIVE);
            OrgUnit current = null;
            if (id != null) {
                current = id.matches("\\d{1,18}") ? byId.get(Long.parseLong(id)) : null;
                if (current == null) {
                    cells.problem(row, ID, "transfer.org.unknownId", id);
                }
            } else if (code != null) {
                current = byKey.get(SheetCheck.normal(code));
                current = current != null && code.equalsIgnoreCase(current.code()) ? current : null;
            }
            if (current == null && id == null && type == OrgUnitType.KOMMUNFULLMAKTIGE) {
                current = root; // the council made at setup
            }
            OrgUnit parent = null;
            if (parentText != null) {
                parent = byKey.get(SheetCheck.normal(parentText));
                if (parent == null && parentText.matches("\\d{1,18}")) {
                    parent = byId.get(Long.parseLong(parentText));
                }
                if (parent == null) {
                    cells.problem(row, PARENT, "transfer.org.unknownParent", parentText);
                }
            } else if (type != null && type != OrgUnitType.KOMMUNFULLMAKTIGE) {
                cells.problem(row, PARENT, "import.error.empty", "överordnad enhet");
            }
            if (current != null && seen.putIfAbsent(current.id(), row.number()) != null) {
                cells.problem(row, id != null ? ID : CODE, "import.error.duplicate", String.valueOf(seen.get(current.id())), "enhet");
            }
            if (run.problems().size() > before || type == null) {
                continue;
            }
            if (current == null) {
                OrgUnit under = parent;
                boolean ok = run.write(SHEET, row.number(), PARENT, COLUMNS, context.text("transfer.org.created", name), () -> {
                    OrgUnit created = admin.create(new OrganisationAdmin.NewUnit(under.id(), type, name, code, position)).unit();
                    if (Boolean.FALSE.equals(active)) {
                        created = admin.retire(created.id(), null, false).unit();
                    }
                    byId.put(created.id(), created);
                    byKey.put(SheetCheck.normal(created.name()), created);
                    if (created.code() != null) {
                        byKey.put(SheetCheck.normal(created.code()), created);
                    }
                });
                run.count(SHEET, ImportRun.Change.CREATED, ok ? 1 : 0);
                continue;
            }
            OrgUnit unit = current;
            Long parentId = parent == null ? null : parent.id();
            boolean renamed = !unit.name().equals(name) || !Objects.equals(blank(unit.code()), code) || unit.type() != type;
            boolean moved = !Objects.equals(unit.parentId(), parentId);
            boolean ordered = position != null && position != unit.position() && !moved;
            boolean reactivated = Boolean.TRUE.equals(active) && !unit.active();
            if (Boolean.FALSE.equals(active) && unit.active()) {
                retire.add(new Retire(row, unit));
            }
            if (!renamed && !moved && !ordered && !reactivated) {
                if (!(Boolean.FALSE.equals(active) && unit.active())) {
                    run.count(SHEET, ImportRun.Change.UNCHANGED, 1);
                }
                continue;
            }
            boolean ok = run.write(SHEET, row.number(), moved ? PARENT : NAME, COLUMNS, context.text("transfer.org.updated", unit.name()), () -> {
                if (reactivated) {
                    admin.reactivate(unit.id(), null);
                }
                if (renamed) {
                    admin.update(unit.id(), null, new OrganisationAdmin.UnitEdit(type, name, code));
                }
                if (moved) {
                    admin.move(unit.id(), null, parentId, position);
                } else if (ordered) {
                    admin.order(unit.id(), null, position);
                }
            });
            if (!(Boolean.FALSE.equals(active) && unit.active())) {
                run.count(SHEET, ImportRun.Change.UPDATED, ok ? 1 : 0);
            }
        }
        // Units below before the units they hang under, so a retired parent has no active units left.
        for (int i = retire.size() - 1; i >= 0; i--) {
            Retire r = retire.get(i);
            boolean ok = run.write(SHEET, r.row().number(), ACTIVE, COLUMNS, context.text("transfer.org.retired", r.unit().name()),
                    () -> admin.retire(r.unit().id(), null, false));
            run.count(SHEET, ImportRun.Change.UPDATED, ok ? 1 : 0);
        }
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
