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

    /** A document of the case; the file's fields are null for a document registered by its title only. */
    record Document(long id, long caseId, int subNumber, String title, LocalDate receivedOn, String dnr, String fileName,
                    String contentType, Long sizeBytes, java.time.OffsetDateTime uploadedAt, String uploadedBy,
                    boolean publicDocument) {

        Document withDnr(String dnr) {
            return new Document(id, caseId, subNumber, title, receivedOn, dnr, fileName, contentType, sizeBytes, uploadedAt,
                    uploadedBy, publicDocument);
        }

        public boolean hasFile() {
            return sizeBytes != null;
        }

        /** "PDF", "Word", "Excel", "Bild" for the list. */
        public String kind() {
            if (contentType == null) {
                return null;
            }
            return contentType.equals("application/pdf") ? "PDF" : contentType.startsWith("image/") ? "Bild"
                    : contentType.contains("word") ? "Word" : "Excel";
        }

        /** The size as "12 kB" or "1,4 MB". */
        public String size() {
            if (sizeBytes == null) {
                return null;
            }
            return sizeBytes < 1_000_000 ? Math.max(1, Math.round(sizeBytes / 1000.0)) + " kB"
                    : String.format(java.util.Locale.forLanguageTag("sv"), "%.1f MB", sizeBytes / 1_000_000.0);
        }
    }
}
