package se.styr.meetings;

/**
 * A paragraph of the minutes: § {@code number} of the body's {@code year}, with the preparation (beredning), the
 * proposal at the meeting, the decision process (beslutsgång), the decision lines, reservations, the outcome and to
 * whom it is sent (expediering).
 */
record Paragraph(long id, long meetingId, Long agendaItemId, Long caseId, String dnr, long bodyUnitId, int year, int number,
                 String title, String preparation, String proposal, String process, String decision, String reservations,
                 Outcome outcome, String sendTo, int version) {

    enum Outcome {
        /** Decided. */
        BESLUT,
        /** Sent back for more preparation (återremiss): the case goes to a later agenda. */
        ATERREMISS,
        /** Tabled (bordläggning): the case goes to a later agenda. */
        BORDLAGT,
        /** Information noted. */
        INFORMATION;

        public boolean backToAgenda() {
            return this == ATERREMISS || this == BORDLAGT;
        }
    }

    /** The decision lines, numbered as the minutes print them. */
    public java.util.List<String> decisionLines() {
        if (decision == null || decision.isBlank()) {
            return java.util.List.of();
        }
        return java.util.Arrays.stream(decision.split("\\R")).map(String::strip).filter(s -> !s.isEmpty())
                .map(s -> s.replaceFirst("^\\d+\\.\\s*", "")).toList();
    }

    /** "VON § 80, 2022-09-27": how a decided object refers to this paragraph. */
    static String reference(String bodyCode, int number, java.time.LocalDate meetsOn) {
        return bodyCode + " § " + number + ", " + meetsOn;
    }

    /** What the form sends. */
    record Text(String title, String preparation, String proposal, String process, String decision, String reservations,
                Outcome outcome, String sendTo) {
    }
}
