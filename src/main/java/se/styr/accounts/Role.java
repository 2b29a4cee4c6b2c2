package se.styr.accounts;

/** What a person may do; every role except ADMINISTRATOR and READER applies to a unit and the units below it. */
public enum Role {
    /** Kommunledningskontoret: sets up the organisation, periods and users, reads the audit log, edits everything. */
    ADMINISTRATOR,
    /** Controller / utvecklingsledare: builds the goal chain and enters outcomes and targets within the scope. */
    CONTROLLER,
    /** Förvaltnings-, avdelnings- or enhetschef: enters outcomes, assessments and statuses within the scope. */
    REPORTER,
    /** Politician, auditor: reads everything, writes nothing. */
    READER,
    /** A party group (partigrupp) in the council: writes its own budget proposals, scoped to its group's unit. */
    PARTI,
    /** Nämndsekreterare: registers the body's cases, prepares its meetings and keeps its minutes, within the scope. */
    SEKRETERARE,
    /**
     * Revisor (the municipality's auditors and their experts): reads everything, as a reader, and writes only the
     * auditors' yearly basic review (its questions, and closing it) for the bodies in the scope (all without one).
     */
    AUDITOR
}
