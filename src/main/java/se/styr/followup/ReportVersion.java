package se.styr.followup;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** A decided version of a committee's report, kept exactly as decided. */
public record ReportVersion(long id, long roundId, int number, LocalDate decidedOn, String decisionRef, String note,
                            OffsetDateTime createdAt, String createdBy) {
}
