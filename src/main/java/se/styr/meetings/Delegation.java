package se.styr.meetings;

import java.time.LocalDate;

/** The delegation order: a matter the body delegates, to whom, on what legal basis, from when; and decisions taken on it. */
final class Delegation {

    private Delegation() {
    }

    record Matter(long id, long municipalityId, long bodyUnitId, String code, String matter, String delegate,
                  String legalBasis, LocalDate validFrom, int version) {
    }

    /** A delegated decision with its matter's code and text, as the report to the committee lists it. */
    record Decision(long id, long matterId, String code, String matter, LocalDate decidedOn, String decidedBy, String summary,
                    String reference) {
    }

    /** The report of delegated decisions for a period (anmälan av delegationsbeslut). */
    record Report(LocalDate from, LocalDate to, java.util.List<Decision> decisions) {
    }
}
