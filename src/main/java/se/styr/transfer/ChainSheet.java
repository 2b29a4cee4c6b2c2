package se.styr.transfer;

import static se.styr.transfer.ChainField.*;

import java.util.List;
import se.styr.goals.Kind;

/**
 * The sheets of the goal-chain workbook, one per kind of object, in the order they are read: a row may refer only to
 * objects of the sheets before it (and to objects already in Styr). The values of indicators and key figures come last.
 */
enum ChainSheet {
    FOKUSOMRADEN("Fokusområden", Kind.FOKUSOMRADE, List.of(ID, PERIOD, TITLE, DESCRIPTION)),
    PRIORITERADE_MAL("Prioriterade mål", Kind.PRIORITERAT_MAL, List.of(ID, PARENT, PERIOD, TITLE, DESCRIPTION)),
    INDIKATORER("Indikatorer", Kind.INDIKATOR,
            List.of(ID, PARENT, PERIOD, TITLE, DESCRIPTION, DIRECTION, MEASURE_UNIT, SOURCE, KOLADA, STEERING, TOLERANCE)),
    NAMNDMAL("Nämndmål", Kind.NAMNDMAL,
            List.of(ID, PARENT, OWNER, PERIOD, TITLE, DESCRIPTION, LINKED, LINK_MOTIVATION, AGENDA_GOAL, AGENDA_TARGET)),
    ARBETSMILJOMAL("Arbetsmiljömål", Kind.ARBETSMILJOMAL, List.of(ID, OWNER, PERIOD, TITLE, DESCRIPTION, AGENDA_GOAL, AGENDA_TARGET)),
    KRITISKA_FAKTORER("Kritiska faktorer", Kind.KRITISK_FAKTOR, List.of(ID, OWNER, PERIOD, TITLE, DESCRIPTION, PERSPECTIVE, FREQUENCY)),
    NYCKELTAL("Nyckeltal", Kind.NYCKELTAL,
            List.of(ID, PARENT, OWNER, PERIOD, TITLE, DESCRIPTION, DIRECTION, MEASURE_UNIT, SOURCE, KOLADA, STEERING, TOLERANCE)),
    INTERNKONTROLL("Internkontroll", Kind.INTERNKONTROLLPUNKT,
            List.of(ID, OWNER, PERIOD, TITLE, DESCRIPTION, PROCESS, RISK, METHOD, RESPONSIBLE, OCCASION, FREQUENCY)),
    UPPDRAG("Uppdrag", Kind.UPPDRAG, List.of(ID, PARENT, OWNER, PERIOD, TITLE, DESCRIPTION, GIVEN_BY, DUE, STATUS));

    /** The sheet of outcomes and targets per year of indicators and key figures. */
    static final String VALUES = "Värden";
    static final List<String> VALUE_HEADERS = List.of("Id", "År", "Utfall", "Målvärde");

    final String title;
    final Kind kind;
    final List<ChainField> fields;

    ChainSheet(String title, Kind kind, List<ChainField> fields) {
        this.title = title;
        this.kind = kind;
        this.fields = fields;
    }

    List<String> headers() {
        return fields.stream().map(f -> f.header).toList();
    }

    int column(ChainField field) {
        return fields.indexOf(field);
    }

    /** The owner is not a column where only the council may own the kind: it is the municipality's council. */
    boolean ownedByCouncil() {
        return !fields.contains(OWNER);
    }

    static List<String> titles() {
        List<String> titles = new java.util.ArrayList<>(java.util.Arrays.stream(values()).map(s -> s.title).toList());
        titles.add(VALUES);
        return titles;
    }
}
