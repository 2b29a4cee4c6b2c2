package se.styr.notices;

import java.time.Duration;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the notices' mail. Each run claims its rows in a transaction that commits before anything is sent (a row
 * claimed by one instance is never taken by another), sends, and records the outcome. A failure is tried again
 * after 1, 2, 4 … minutes (at most 6 hours apart) until {@code styr.notices.max-attempts}; then the mail is
 * MISSLYCKAD, shown to the administrator, who can try it again. A claim older than 15 minutes (an instance that died
 * while sending) is given back: at worst such a mail goes twice, never not at all.
 */
@Component
class MailOutbox {

    private static final Logger log = LoggerFactory.getLogger(MailOutbox.class);
    static final int BATCH = 200;
    static final Duration STALE = Duration.ofMinutes(15);

    private final NoticeStore store;
    private final Mailer mailer;
    private final MailTexts texts;
    private final NoticeTime time;
    private final TransactionTemplate transaction;
    private final int maxAttempts;
    private final LocalTime digestAt;

    MailOutbox(NoticeStore store, Mailer mailer, MailTexts texts, NoticeTime time, PlatformTransactionManager transactions,
               @Value("${styr.notices.max-attempts:10}") int maxAttempts,
               @Value("${styr.notices.digest-time:07:00}") LocalTime digestAt) {
        this.store = store;
        this.mailer = mailer;
        this.texts = texts;
        this.time = time;
        this.transaction = new TransactionTemplate(transactions);
        this.maxAttempts = Math.max(1, maxAttempts);
        this.digestAt = digestAt;
    }

    /** Sends every single mail that is due; returns how many went. */
    int sendDue(String claimant) {
        if (!mailer.enabled()) {
            return 0;
        }
        int sent = 0;
        for (int batch = 0; ; batch++) {
            List<Notice> claimed = claim(claimant + "#" + batch, MailState.VANTAR, time.now().plusSeconds(1));
            if (claimed.isEmpty()) {
                return sent;
            }
            for (Notice n : claimed) {
                MailTexts.Mail mail = texts.single(n);
                if (send(n.mailTo(), mail, List.of(n))) {
                    sent++;
                }
            }
        }
    }

    /**
     * Sends each person who chose the digest one mail with their notices made before the latest digest time (by
     * default 07:00 Swedish time); run often, it sends each day's digest once, soon after that time.
     */
    int sendDigests(String claimant) {
        if (!mailer.enabled()) {
            return 0;
        }
        ZonedDateTime now = time.now().atZoneSameInstant(NoticeTime.SWEDEN);
        ZonedDateTime today = now.toLocalDate().atTime(digestAt).atZone(NoticeTime.SWEDEN);
        OffsetDateTime madeBefore = (now.isBefore(today) ? today.minusDays(1) : today).toOffsetDateTime();
        int sent = 0;
        for (int batch = 0; ; batch++) {
            List<Notice> claimed = claim(claimant + "#d" + batch, MailState.SAMLAS, madeBefore);
            if (claimed.isEmpty()) {
                return sent;
            }
            Map<Long, List<Notice>> byPerson = claimed.stream()
                    .collect(Collectors.groupingBy(Notice::userId, LinkedHashMap::new, Collectors.toList()));
            for (List<Notice> notices : byPerson.values()) {
                if (send(notices.get(0).mailTo(), texts.digest(notices), notices)) {
                    sent++;
                }
            }
        }
    }

    private List<Notice> claim(String claimant, MailState state, OffsetDateTime madeBefore) {
        return transaction.execute(status -> {
            OffsetDateTime now = time.now();
            store.releaseStale(now.minus(STALE));
            return store.claimMail(claimant, state, now, madeBefore, BATCH);
        });
    }

    private boolean send(String to, MailTexts.Mail mail, List<Notice> notices) {
        List<Long> ids = notices.stream().map(Notice::id).toList();
        try {
            mailer.send(to, mail.subject(), mail.text(), mail.html());
            transaction.executeWithoutResult(status -> store.sent(ids, time.now()));
            return true;
        } catch (Exception e) {
            int attempts = notices.stream().mapToInt(Notice::attempts).max().orElse(0) + 1;
            boolean givenUp = attempts >= maxAttempts;
            OffsetDateTime next = givenUp ? null : time.now().plus(backoff(attempts));
            String error = e.getClass().getSimpleName() + ": " + e.getMessage();
            log.warn("E-post till {} misslyckades (försök {} av {}): {}", to, attempts, maxAttempts, error);
            transaction.executeWithoutResult(status -> store.failed(ids, error, next, givenUp));
            return false;
        }
    }

    /** 1, 2, 4 … minutes after the attempt, at most 6 hours. */
    static Duration backoff(int attempts) {
        long minutes = 1L << Math.min(20, Math.max(0, attempts - 1));
        return Duration.ofMinutes(Math.min(minutes, 360));
    }
}
