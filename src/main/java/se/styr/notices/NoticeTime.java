package se.styr.notices;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.springframework.stereotype.Component;

/** The time notices are judged by (deadlines are Swedish days); tests move it. */
@Component
class NoticeTime {

    static final ZoneId SWEDEN = ZoneId.of("Europe/Stockholm");

    private Clock clock = Clock.system(SWEDEN);

    OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
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
