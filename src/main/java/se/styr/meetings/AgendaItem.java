package se.styr.meetings;

import java.time.LocalDate;

/**
 * An item of the agenda: a numbered item (a case, a fixed point such as "Upprop och val av justerare", the report of
 * delegated decisions for a period, the meddelanden) or an information item (A/, B/ …). The numbers and letters are
 * not stored: they follow the order.
 */
record AgendaItem(long id, long meetingId, int position, Kind kind, String title, Long caseId, String dnr,
                  LocalDate periodFrom, LocalDate periodTo) {

    enum Kind {
        PUNKT, ARENDE, INFORMATION, DELEGATIONSBESLUT, MEDDELANDEN;

        public boolean numbered() {
            return this != INFORMATION;
        }
    }

    /** An item with its label: "5." for a numbered item, "D/" for an information item. */
    record Labelled(AgendaItem item, String label) {
    }

    /** Numbers the numbered items 1, 2, … and letters the information items A, B, … in the order given. */
    static java.util.List<Labelled> label(java.util.List<AgendaItem> items) {
        java.util.List<Labelled> labelled = new java.util.ArrayList<>();
        int number = 0;
        int letter = 0;
        for (AgendaItem item : items) {
            labelled.add(new Labelled(item, item.kind().numbered() ? ++number + "." : letters(letter++) + "/"));
        }
        return labelled;
    }

    /** A, B, … Z, AA, AB … */
    static String letters(int index) {
        StringBuilder s = new StringBuilder();
        int i = index;
        do {
            s.insert(0, (char) ('A' + i % 26));
            i = i / 26 - 1;
        } while (i >= 0);
        return s.toString();
    }
}
