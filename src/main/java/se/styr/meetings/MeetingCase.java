package se.styr.meetings;

import java.time.LocalDate;

/**
 * A case (ärende) of a body with its tjänsteskrivelse: ärendebeskrivning ({@code description}), förvaltningens yttrande
 * ({@code statement}), ekonomisk bedömning ({@code economy}), förslag till beslut ({@code proposal}) and to whom the
 * decision is sent ({@code sendTo}). A case made from another module's object names it ({@code sourceType}, {@code sourceId}).
 */
record MeetingCase(long id, long municipalityId, long bodyUnitId, String bodyCode, int year, int number, String title,
                   String officer, Status status, String sourceType, Long sourceId, LocalDate writtenOn, String description,
                   String statement, String economy, String proposal, String sendTo, int version) {

    enum Status {
        /** Registered, being prepared; also a case sent back (återremiss) or tabled (bordlagd). */
        REGISTRERAT,
        /** On a meeting's agenda. */
        PA_DAGORDNING,
        /** Decided in an approved paragraph. */
        BESLUTAT
    }

    public Diarienummer diarienummer() {
        return Diarienummer.of(year, number, bodyCode);
    }

    public String dnr() {
        return diarienummer().toString();
    }

    /** What the form sends for the tjänsteskrivelse. */
    record Text(String title, String officer, LocalDate writtenOn, String description, String statement, String economy,
                String proposal, String sendTo) {
    }

    record Document(long id, long caseId, int subNumber, String title, LocalDate receivedOn, String dnr) {
    }
}
