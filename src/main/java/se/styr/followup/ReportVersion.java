package se.styr.followup;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * A decided version of a committee's report, kept exactly as decided.
 *
 * @param unapprovedTasks how many of the round's tasks were not approved when the decision was recorded (confirmed
 *                        by the one who recorded it); 0 when all were
 */
public record ReportVersion(long id, long roundId, int number, LocalDate decidedOn, String decisionRef, String note,
                            OffsetDateTime createdAt, String createdBy, int unapprovedTasks) {
}
