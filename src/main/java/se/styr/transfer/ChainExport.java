package se.styr.transfer;

import static se.styr.transfer.ChainField.*;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import se.styr.goals.GoalObject;
import se.styr.goals.GoalService;
import se.styr.goals.MeasureValue;
import se.styr.organisation.OrgUnit;
import se.styr.organisation.OrgUnitType;
import se.styr.organisation.PlanPeriod;

/**
 * The goal chain as its workbook: every object that is not retired, on the sheet of its kind, with Styr's ids, and
 * the outcomes and targets of indicators and key figures on Värden. Read back unchanged, it changes nothing. The
 * template is the same workbook with example rows that use keys instead of ids.
 */
@Component
class ChainExport {

    private final GoalService goals;
    private final TransferContext context;

    ChainExport(GoalService goals, TransferContext context) {
        this.goals = goals;
        this.context = context;
    }

    byte[] export() {
        List<GoalObject> all = goals.list(null).stream().filter(o -> !o.retired())
                .sorted(Comparator.comparing((GoalObject o) -> o.parentId() == null ? 0L : o.parentId())
                        .thenComparingInt(GoalObject::position).thenComparingLong(GoalObject::id))
                .toList();
        Map<Long, OrgUnit> units = new HashMap<>();
        context.units().forEach(u -> units.put(u.id(), u));
        Map<Long, String> periods = new HashMap<>();
        context.periods().forEach(p -> periods.put(p.id(), p.name()));
        Map<ChainSheet, List<List<Object>>> rows = new java.util.EnumMap<>(ChainSheet.class);
        List<List<Object>> values = new ArrayList<>();
        for (ChainSheet sheet : ChainSheet.values()) {
            List<List<Object>> sheetRows = new ArrayList<>();
            for (GoalObject o : all) {
                if (o.kind() == sheet.kind) {
                    sheetRows.add(row(sheet, o, units, periods));
                }
            }
            rows.put(sheet, sheetRows);
        }
        for (ChainSheet sheet : List.of(ChainSheet.INDIKATORER, ChainSheet.NYCKELTAL)) {
            for (GoalObject o : all) {
                if (o.kind() == sheet.kind) {
                    for (MeasureValue v : goals.values(o.id())) {
                        values.add(List.of(o.id(), v.year(), nullable(v.outcome()), nullable(v.target())));
                    }
                }
            }
        }
        return write(rows, values);
    }

    private static Object nullable(Object o) {
        return o == null ? "" : o;
    }

    private static List<Object> row(ChainSheet sheet, GoalObject o, Map<Long, OrgUnit> units, Map<Long, String> periods) {
        List<Object> row = new ArrayList<>();
        for (ChainField f : sheet.fields) {
            Object v = ChainImport.value(f, o);
            row.add(switch (f) {
                case OWNER, GIVEN_BY -> v == null ? null : key(units.get((Long) v));
                case PERIOD -> v == null ? null : periods.get((Long) v);
                case DIRECTION -> v == null ? null : "direction." + v;
                case STATUS -> v == null ? null : "status." + v;
                case PERSPECTIVE -> v == null ? null : "perspective." + v;
                case OCCASION -> v == null ? null : "occasion." + v;
                default -> v;
            });
        }
        return row;
    }

    /** A unit as the import finds it again: its code, else its name. */
    static String key(OrgUnit unit) {
        return unit == null ? null : unit.code() != null && !unit.code().isBlank() ? unit.code() : unit.name();
    }

    byte[] template() {
        List<OrgUnit> units = context.units();
        String committee = units.stream().filter(u -> u.type() == OrgUnitType.NAMND).findFirst().map(ChainExport::key)
                .orElse(context.text("transfer.example.committee"));
        String administration = units.stream().filter(u -> u.type() == OrgUnitType.FORVALTNING).findFirst().map(ChainExport::key)
                .orElse(committee);
        String period = context.periods().stream().filter(p -> !p.illustrative()).findFirst().map(PlanPeriod::name).orElse("Budget 2024–2026");
        int year = context.periods().stream().filter(p -> !p.illustrative()).findFirst().map(PlanPeriod::firstYear)
                .orElse(java.time.Year.now().getValue());
        Map<ChainSheet, List<List<Object>>> rows = new java.util.EnumMap<>(ChainSheet.class);
        rows.put(ChainSheet.FOKUSOMRADEN, List.of(List.of("F1", period, "Livskvalitet", "Kommunen ska vara en bra plats att leva på.")));
        rows.put(ChainSheet.PRIORITERADE_MAL, List.of(List.of("P1", "F1", period, "Barn och elever erbjuds en av landets bästa utbildningar", "")));
        rows.put(ChainSheet.INDIKATORER, List.of(List.of("I1", "P1", period,
                "Elever i år 9 som är behöriga till yrkesprogram, kommunala skolor, andel (%)", "", "direction.INCREASE", "%",
                "Kolada", "N15436", true, "")));
        rows.put(ChainSheet.NAMNDMAL, List.of(List.of("N1", "P1", committee, period, "Fler elever når behörighet till gymnasiet", "",
                "I1", "Nämndens arbete med läsning och matematik ger fler behöriga elever.", 4, "4.1")));
        rows.put(ChainSheet.ARBETSMILJOMAL, List.of(List.of("A1", committee, period, "Sjukfrånvaron ska minska", "", 3, "")));
        rows.put(ChainSheet.KRITISKA_FAKTORER, List.of(List.of("K1", administration, period, "Kompetensförsörjning", "",
                "perspective.MEDARBETARE", "Tertialvis")));
        rows.put(ChainSheet.NYCKELTAL, List.of(
                List.of("Y1", "N1", committee, period, "Andel behöriga elever (%)", "", "direction.INCREASE", "%", "Kolada", "N15436", true, 2),
                List.of("Y2", "A1", committee, period, "Sjukfrånvaro (%)", "", "direction.DECREASE", "%", "HR-systemet", "", true, "")));
        rows.put(ChainSheet.INTERNKONTROLL, List.of(List.of("IK1", committee, period, "Attest av fakturor", "",
                "Ekonomi", 9, "Stickprov av 20 fakturor", "Controller", "occasion.DELARSBOKSLUT", "Två gånger per år")));
        rows.put(ChainSheet.UPPDRAG, List.of(List.of("U1", "N1", committee, period, "Utred fler platser i fritidshem", "",
                committee, java.time.LocalDate.of(year, 12, 31), "status.EJ_PABORJAD")));
        List<List<Object>> values = List.of(List.of("I1", year - 1, 84.5, ""), List.of("I1", year, "", 90),
                List.of("Y1", year, "", 88));
        return write(rows, values);
    }

    private byte[] write(Map<ChainSheet, List<List<Object>>> rows, List<List<Object>> values) {
        try (WorkbookWriter w = new WorkbookWriter(context.text("transfer.chain.workbook"),
                List.of(context.text("transfer.instructions.rows"), context.text("transfer.instructions.chain"),
                        context.text("transfer.instructions.keys"), context.text("transfer.instructions.all")))) {
            for (ChainSheet sheet : ChainSheet.values()) {
                List<WorkbookWriter.Column> columns = sheet.fields.stream()
                        .map(f -> new WorkbookWriter.Column(f.header, f.help)).toList();
                w.sheet(sheet.title, context.text("transfer.sheet." + sheet.name()), columns, labelled(rows.getOrDefault(sheet, List.of())));
            }
            w.sheet(ChainSheet.VALUES, context.text("transfer.sheet.VARDEN"), List.of(
                    new WorkbookWriter.Column("Id", context.text("transfer.values.id")),
                    new WorkbookWriter.Column("År", context.text("transfer.values.year")),
                    new WorkbookWriter.Column("Utfall", context.text("transfer.values.outcome")),
                    new WorkbookWriter.Column("Målvärde", context.text("transfer.values.target"))), values);
            return w.bytes();
        }
    }

    /** Enum values are written as their Swedish labels (the rows carry their message keys), empty strings as empty cells. */
    private List<List<Object>> labelled(List<List<Object>> rows) {
        return rows.stream().map(r -> r.stream().map(v -> v instanceof String s && s.isEmpty() ? null
                : v instanceof String s && s.matches("(direction|status|perspective|occasion)\\.[A-Z_]+") ? context.text(s) : v).toList()).toList();
    }
}
