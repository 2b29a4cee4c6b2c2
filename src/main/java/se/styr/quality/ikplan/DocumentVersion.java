package se.styr.quality.ikplan;

import java.time.Instant;
import java.time.LocalDate;

/** A decided version of a document: the HTML as it was decided is kept and never changes. */
public record DocumentVersion(Long id, long municipalityId, long bodyUnitId, int year, DocumentKind kind, int number,
                              LocalDate decidedOn, String decisionRef, Instant createdAt, String createdBy) {
}
