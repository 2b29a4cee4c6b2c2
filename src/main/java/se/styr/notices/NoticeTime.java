package se.styr.notices;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.springframework.stereotype.Component;

/** The time notices are judged by (deadlines are Swedish days); tests move it. */
@Component
class NoticeTime {

    static final ZoneId SWEDEN = ZoneId.of("Europe/Stockholm");

    private Clock clock = Clock.system(SWEDEN);

    /**
     * Now, to the microsecond: the databases keep no finer time (and round, not truncate), so an event written now
     * must not be stored as later than the now it is compared with.
     */
    OffsetDateTime now() {
        return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS).withOffsetSameInstant(ZoneOffset.UTC);
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    /** The start of a Swedish day, as a moment. */
    static OffsetDateTime startOf(LocalDate day) {
        return day.atStartOfDay(SWEDEN).toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC);
    }

    void use(Clock clock) {
        this.clock = clock;
    }
}
