package se.styr.meetings;

import java.time.LocalDate;

/** The delegation order: a matter the body delegates, to whom, on what legal basis, from when; and decisions taken on it. */
final class Delegation {

    private Delegation() {
    }

    /** One version of a point of the order: valid from {@code validFrom} to {@code validTo} (null: still valid). */
    record Matter(long id, long municipalityId, long bodyUnitId, String code, String matter, String delegate,
                  String legalBasis, LocalDate validFrom, LocalDate validTo, Long revisionId, int version) {

        public boolean current() {
            return validTo == null;
        }

        boolean validOn(LocalDate day) {
            return !day.isBefore(validFrom) && (validTo == null || !day.isAfter(validTo));
        }
    }

    /** A revision of the order: drafted, then decided with the decision's reference; only then does it change the order. */
    record Revision(long id, long municipalityId, long bodyUnitId, String title, Long caseId, Status status, String decisionRef,
                    LocalDate decidedOn, LocalDate validFrom, String createdBy, String decidedBy, int version) {

        enum Status { UTKAST, BESLUTAD }

        public boolean draft() {
            return status == Status.UTKAST;
        }
    }

    /** A change of a revision: a matter added (NY), changed (ANDRAD: the fields given replace the old) or removed. */
    record Change(long id, long revisionId, Kind kind, Long matterId, String code, String matter, String delegate,
                  String legalBasis) {

        enum Kind { NY, ANDRAD, BORTTAGEN }
    }

    /** A delegated decision with its matter's code and text, as the report to the committee lists it. */
    record Decision(long id, long matterId, String code, String matter, LocalDate decidedOn, String decidedBy, String summary,
                    String reference) {
    }

    /** The report of delegated decisions for a period (anmälan av delegationsbeslut). */
    record Report(LocalDate from, LocalDate to, java.util.List<Decision> decisions) {
    }
}
