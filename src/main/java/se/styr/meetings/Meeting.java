package se.styr.meetings;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** A meeting (sammanträde) of a committee or its working committee. */
record Meeting(long id, long municipalityId, long bodyUnitId, String bodyCode, String bodyName, LocalDate meetsOn,
               String startsAt, String endsAt, String place, String chairName, String chairUsername, String secretaryName,
               String adjusterName, String adjusterUsername, Status status, OffsetDateTime chairApprovedAt,
               OffsetDateTime adjusterApprovedAt, LocalDate postedOn, int version) {

    enum Status {
        /** The agenda is being built. */
        PLANERAT,
        /** The minutes are being written. */
        PROTOKOLL,
        /** Chair and adjuster have approved: frozen and posted. */
        JUSTERAT
    }

    public boolean frozen() {
        return status == Status.JUSTERAT;
    }

    /** The posting on the notice board, when approved. */
    public Anslag anslag() {
        return postedOn == null ? null : Anslag.postedOn(postedOn);
    }

    /** Date, time, place and the officers of the meeting, as the form sends them. */
    record Details(LocalDate meetsOn, String startsAt, String endsAt, String place, String chairName, String chairUsername,
                   String secretaryName, String adjusterName, String adjusterUsername) {
    }

    /** A person called to the meeting; {@code servingFor} names the member a substitute serves for. */
    record Attendee(long id, long meetingId, int position, String name, String party, Role role, String servingFor,
                    boolean present, String email) {
    }

    enum Role { ORDFORANDE, VICE_ORDFORANDE, LEDAMOT, ERSATTARE, TJANSTEPERSON }
}
