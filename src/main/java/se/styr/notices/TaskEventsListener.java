package se.styr.notices;

import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import se.styr.followup.TaskEvents;

/**
 * Writes the outbox row of each task event in the transaction that made the change: a change rolled back tells
 * nobody, and a change committed is told even if the instance stops right after. The dispatcher does the rest.
 */
@Component
class TaskEventsListener {

    private final NoticeStore store;
    private final NoticeTime time;

    TaskEventsListener(NoticeStore store, NoticeTime time) {
        this.store = store;
        this.time = time;
    }

    @EventListener
    void opened(TaskEvents.Opened e) {
        OffsetDateTime now = time.now();
        OffsetDateTime opens = NoticeTime.startOf(e.opensOn());
        store.insertEvents(e.municipalityId(), NoticeKind.OPPNAD, e.taskIds(), null, null, null,
                opens.isAfter(now) ? opens : now, now);
    }

    @EventListener
    void markedDone(TaskEvents.MarkedDone e) {
        write(e.municipalityId(), NoticeKind.KLARMARKERAD, e.taskId(), e.by(), e.by(), null);
    }

    @EventListener
    void sentBack(TaskEvents.SentBack e) {
        write(e.municipalityId(), NoticeKind.ATERSAND, e.taskId(), e.by(), e.reporter(), e.comment());
    }

    @EventListener
    void approved(TaskEvents.Approved e) {
        write(e.municipalityId(), NoticeKind.GODKAND, e.taskId(), e.by(), e.reporter(), null);
    }

    @EventListener
    void removed(TaskEvents.Removed e) {
        store.tasksRemoved(e.taskIds(), time.now());
    }

    private void write(long municipalityId, NoticeKind kind, long taskId, String actor, String reporter, String comment) {
        OffsetDateTime now = time.now();
        store.insertEvents(municipalityId, kind, List.of(taskId), actor, reporter, comment, now, now);
    }
}
