package se.styr.notices;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import se.styr.followup.TaskDirectory;

/**
 * Finds the tasks to remind of: those not done whose deadline is at most {@code styr.notices.reminder-days} away
 * (a reminder), and those whose deadline passed within the last week (overdue). Each task is reminded once per
 * deadline and told once that it is late, however often the scan runs; a deadline moved later gives a new reminder.
 * Tasks late for longer than a week when the scan first sees them (a round brought in from before) are not told.
 */
@Component
class Reminders {

    /** How far back an overdue task is still told about. */
    static final int OVERDUE_WINDOW_DAYS = 7;

    private final TaskDirectory tasks;
    private final NoticeStore store;
    private final NoticeTime time;
    private final int reminderDays;

    Reminders(TaskDirectory tasks, NoticeStore store, NoticeTime time,
              @Value("${styr.notices.reminder-days:3}") int reminderDays) {
        this.tasks = tasks;
        this.store = store;
        this.time = time;
        this.reminderDays = Math.max(0, reminderDays);
    }

    /** Writes the reminder and overdue events due today; returns how many. */
    @Transactional
    public int scan() {
        LocalDate today = time.today();
        OffsetDateTime now = time.now();
        int written = 0;
        if (reminderDays > 0) {
            written += store.insertDeadlineEvents(NoticeKind.PAMINNELSE,
                    tasks.openTasksDueBetween(today, today.plusDays(reminderDays), today), now);
        }
        written += store.insertDeadlineEvents(NoticeKind.FORSENAD,
                tasks.openTasksDueBetween(today.minusDays(OVERDUE_WINDOW_DAYS), today.minusDays(1), today), now);
        return written;
    }
}
