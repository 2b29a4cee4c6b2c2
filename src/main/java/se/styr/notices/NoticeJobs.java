package se.styr.notices;

import java.lang.management.ManagementFactory;
import java.util.UUID;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The notices' schedule: every {@code styr.notices.interval} (30 s) the outbox is dispatched and due mail sent,
 * every hour the reminders are looked for. The lock keeps two instances from running the same job at once; the rows'
 * claims keep them from sending the same mail twice even where the lock's time runs out.
 */
@Component
class NoticeJobs {

    private static final Logger log = LoggerFactory.getLogger(NoticeJobs.class);

    /** Names this instance in the rows it claims. */
    private final String instance = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID();

    private final Dispatcher dispatcher;
    private final MailOutbox outbox;
    private final Reminders reminders;

    NoticeJobs(Dispatcher dispatcher, MailOutbox outbox, Reminders reminders) {
        this.dispatcher = dispatcher;
        this.outbox = outbox;
        this.reminders = reminders;
    }

    @Scheduled(fixedDelayString = "${styr.notices.interval:PT30S}", initialDelayString = "${styr.notices.interval:PT30S}")
    @SchedulerLock(name = "notices-send", lockAtMostFor = "PT10M")
    void dispatchAndSend() {
        String claimant = instance + "/" + System.nanoTime();
        try {
            dispatcher.dispatchDue(claimant);
        } catch (RuntimeException e) {
            log.error("Meddelanden kunde inte fördelas; försöker igen vid nästa körning", e);
        }
        outbox.sendDue(claimant);
        outbox.sendDigests(claimant);
    }

    @Scheduled(fixedDelayString = "${styr.notices.reminder-interval:PT1H}", initialDelayString = "${styr.notices.reminder-first-run:PT2M}")
    @SchedulerLock(name = "notices-reminders", lockAtMostFor = "PT10M")
    void remind() {
        int written = reminders.scan();
        if (written > 0) {
            log.info("{} påminnelser och förseningar att meddela", written);
        }
    }
}
