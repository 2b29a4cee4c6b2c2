package se.styr.notices;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import se.styr.accounts.Access;
import se.styr.accounts.Responsibles;
import se.styr.followup.TaskDirectory;

/**
 * Turns the outbox's due events into notices: claims them, finds who is told (the task's reporters, or its approvers
 * for a task marked done, with their substitutes of the day), and writes one notice per person with the state of its
 * mail. One transaction per batch, a bounded number of queries per batch whatever the size of the municipality.
 */
@Component
class Dispatcher {

    static final int BATCH = 500;

    private final NoticeStore store;
    private final TaskDirectory tasks;
    private final Responsibles responsibles;
    private final Mailer mailer;
    private final NoticeTime time;
    private final TransactionTemplate transaction;

    Dispatcher(NoticeStore store, TaskDirectory tasks, Responsibles responsibles, Mailer mailer, NoticeTime time,
               PlatformTransactionManager transactions) {
        this.store = store;
        this.tasks = tasks;
        this.responsibles = responsibles;
        this.mailer = mailer;
        this.time = time;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** Handles every due event, a batch at a time; returns how many notices were written. */
    int dispatchDue(String claimant) {
        int written = 0;
        for (int batch = 0; ; batch++) {
            String claim = claimant + "#" + batch;
            Integer n = transaction.execute(status -> dispatchBatch(claim));
            if (n == null || n < 0) {
                return written;
            }
            written += n;
        }
    }

    /** One batch: -1 when there was nothing to claim. */
    private int dispatchBatch(String claimant) {
        OffsetDateTime now = time.now();
        List<NoticeStore.Event> events = store.claimEvents(claimant, now, BATCH);
        if (events.isEmpty()) {
            return -1;
        }
        LocalDate today = time.today();
        Map<Long, TaskDirectory.TaskFacts> facts = tasks.facts(events.stream().map(NoticeStore.Event::taskId).collect(Collectors.toSet()));
        List<NoticeStore.Event> live = events.stream().filter(e -> stillTrue(e, facts.get(e.taskId()))).toList();

        Map<Long, List<Responsibles.Person>> reporters = new HashMap<>();
        Map<Long, List<Responsibles.Person>> approvers = new HashMap<>();
        Map<Long, Map<String, Responsibles.Person>> byUsername = new HashMap<>();
        for (Map.Entry<Long, List<NoticeStore.Event>> m : live.stream()
                .collect(Collectors.groupingBy(NoticeStore.Event::municipalityId)).entrySet()) {
            Set<Long> reportUnits = new HashSet<>();
            Set<Long> approveUnits = new HashSet<>();
            Set<String> usernames = new HashSet<>();
            for (NoticeStore.Event e : m.getValue()) {
                long unit = facts.get(e.taskId()).unitId();
                (e.kind().toApprover() ? approveUnits : reportUnits).add(unit);
                if (e.kind() == NoticeKind.ATERSAND || e.kind() == NoticeKind.GODKAND) {
                    usernames.add(e.reporter());
                }
            }
            reporters.putAll(responsibles.forUnits(Access.Action.REPORT, reportUnits, today));
            approvers.putAll(responsibles.forUnits(Access.Action.APPROVE, approveUnits, today));
            byUsername.put(m.getKey(), responsibles.byUsernames(m.getKey(), usernames).stream()
                    .collect(Collectors.toMap(p -> p.username().toLowerCase(java.util.Locale.ROOT), p -> p, (a, b) -> a)));
        }
        Map<String, String> actorNames = responsibles.displayNames(live.stream().map(NoticeStore.Event::actor)
                .filter(java.util.Objects::nonNull).collect(Collectors.toSet()));

        Map<Long, Map<Long, Responsibles.Person>> told = new LinkedHashMap<>();
        for (NoticeStore.Event e : live) {
            TaskDirectory.TaskFacts f = facts.get(e.taskId());
            Map<Long, Responsibles.Person> people = new LinkedHashMap<>();
            (e.kind().toApprover() ? approvers : reporters).getOrDefault(f.unitId(), List.of())
                    .forEach(p -> people.putIfAbsent(p.id(), p));
            if (e.reporter() != null && (e.kind() == NoticeKind.ATERSAND || e.kind() == NoticeKind.GODKAND)) {
                Responsibles.Person reporter = byUsername.get(e.municipalityId()).get(e.reporter().toLowerCase(java.util.Locale.ROOT));
                if (reporter != null) {
                    people.putIfAbsent(reporter.id(), reporter);
                }
            }
            // whoever acted knows already; and who marked a task done never approves it
            people.values().removeIf(p -> p.username().equalsIgnoreCase(String.valueOf(e.actor())));
            told.put(e.id(), people);
        }
        Set<Long> digest = store.digestUsers(told.values().stream().flatMap(p -> p.keySet().stream()).collect(Collectors.toSet()));
        boolean mail = mailer.enabled();
        List<NoticeStore.NewNotice> notices = new ArrayList<>();
        for (NoticeStore.Event e : live) {
            TaskDirectory.TaskFacts f = facts.get(e.taskId());
            for (Responsibles.Person p : told.get(e.id()).values()) {
                boolean hasAddress = p.email() != null && !p.email().isBlank();
                MailState state = !mail || !hasAddress ? MailState.INGEN : digest.contains(p.id()) ? MailState.SAMLAS : MailState.VANTAR;
                notices.add(new NoticeStore.NewNotice(e.municipalityId(), e.id(), p.id(), e.kind(), e.taskId(), f.title(),
                        f.roundName(), f.dueOn(), e.actor() == null ? null : actorNames.getOrDefault(e.actor(), e.actor()),
                        e.comment(), p.standingInFor(), state, hasAddress ? p.email().strip() : null));
            }
        }
        store.insertNotices(notices, now);
        store.eventsHandled(claimant, now);
        return notices.size();
    }

    /** Whether the event still says something true: a reminder of a task already done, or of a deadline moved, lapses. */
    private static boolean stillTrue(NoticeStore.Event e, TaskDirectory.TaskFacts f) {
        if (f == null) {
            return false; // the task left the round when its sharing changed
        }
        return switch (e.kind()) {
            case OPPNAD -> f.awaitsReport();
            case PAMINNELSE, FORSENAD -> f.awaitsReport() && e.refDate() != null && e.refDate().equals(f.dueOn());
            case KLARMARKERAD -> !f.roundDecided() && f.state() == se.styr.followup.TaskState.KLARMARKERAD;
            case ATERSAND, GODKAND -> true;
        };
    }
}
