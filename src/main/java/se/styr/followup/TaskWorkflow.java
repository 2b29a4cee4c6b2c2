package se.styr.followup;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.styr.accounts.Access;
import se.styr.audit.AuditLog;
import se.styr.organisation.Organisation;
import se.styr.platform.ConflictException;
import se.styr.platform.Messages;
import se.styr.platform.Problems;

/**
 * The task workflow: a unit marks its task done when every object has what its part requires, the unit above
 * approves it or sends it back with a comment. Each step checks the task's version, so two managers cannot act on
 * the same task unknowingly.
 */
@Service
public class TaskWorkflow {


    private final FollowupRepository repository;
    private final Rounds rounds;
    private final RoundPages pages;
    private final Organisation organisation;
    private final Access access;
    private final AuditLog audit;
    private final Messages messages;
    private final org.springframework.context.ApplicationEventPublisher events;

    TaskWorkflow(FollowupRepository repository, Rounds rounds, RoundPages pages, Organisation organisation, Access access,
                 AuditLog audit, Messages messages, org.springframework.context.ApplicationEventPublisher events) {
        this.events = events;
        this.repository = repository;
        this.rounds = rounds;
        this.pages = pages;
        this.organisation = organisation;
        this.access = access;
        this.audit = audit;
        this.messages = messages;
    }

    @Transactional
    public Task markDone(long taskId, int version) {
        Task task = taskToAct(taskId, version, Access.Action.REPORT);
        Round round = rounds.round(task.roundId());
        Problems.when(!task.state().isOpen(), "task", "uppf.validering.redanKlar");
        Problems p = new Problems();
        pages.taskLines(round, task).stream().filter(l -> !l.complete()).forEach(l -> p.add("objects", "uppf.validering.ofullstandig",
                l.object().title(), messages.text("uppf.kravs." + task.part())));
        pages.contributedItems(round, task).stream().filter(i -> !i.complete()).forEach(i -> p.add("objects",
                "uppf.validering.ofullstandig", i.title(), messages.text("uppf.kravs." + task.part())));
        p.throwIfAny();
        return setTaskState(round, task, TaskState.KLARMARKERAD, null, true);
    }

    @Transactional
    public Task approve(long taskId, int version) {
        Task task = taskToAct(taskId, version, Access.Action.APPROVE);
        Round round = rounds.round(task.roundId());
        Problems.when(task.state() != TaskState.KLARMARKERAD, "task", "uppf.validering.ejKlar");
        // four eyes: whoever marked a task done (for themselves or as a substitute) does not approve it too
        Problems.when(Rounds.actor().equalsIgnoreCase(String.valueOf(task.doneBy())), "task", "uppf.validering.egenKlar");
        return setTaskState(round, task, TaskState.GODKAND, null, false);
    }

    /** Sends a task back to its reporter with a comment: a marked-done one for correction, or an approved one reopened. */
    @Transactional
    public Task sendBack(long taskId, int version, String comment) {
        Task task = taskToAct(taskId, version, Access.Action.APPROVE);
        Round round = rounds.round(task.roundId());
        Problems.when(!task.state().isDone(), "task", "uppf.validering.ejKlar");
        Problems p = new Problems();
        String text = Rounds.text(p, "comment", comment, Rounds.SHORT_TEXT_MAX);
        p.check(text != null, "comment", "uppf.validering.kommentar");
        p.throwIfAny();
        return setTaskState(round, task, TaskState.ATERSAND, text, false);
    }

    /** A task someone may act on: the round still open, the person allowed, and the task as they read it. */
    private Task taskToAct(long taskId, int version, Access.Action action) {
        Task task = rounds.task(taskId);
        Rounds.requireOpen(rounds.round(task.roundId()));
        access.require(action, task.unitId());
        if (task.version() != version) {
            throw new ConflictException("followup_task", task.id());
        }
        return task;
    }

    Task setTaskState(Round round, Task task, TaskState state, String comment, boolean done) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        Task after = new Task(task.id(), task.roundId(), task.unitId(), task.part(), state, comment,
                done ? now : state == TaskState.ATERSAND ? null : task.doneAt(), done ? Rounds.actor() : state == TaskState.ATERSAND ? null : task.doneBy(),
                state == TaskState.GODKAND ? now : null, state == TaskState.GODKAND ? Rounds.actor() : null, task.version());
        repository.updateTask(after);
        Task saved = repository.findTask(task.id()).orElseThrow();
        audit.record(round.municipalityId(), "followup_task", task.id(), AuditLog.Action.ANDRAD,
                messages.text("taskState." + state) + ": " + rounds.taskTitle(round, task.part(), organisation.unit(task.unitId())),
                task, saved);
        Object event = switch (state) {
            case KLARMARKERAD -> new TaskEvents.MarkedDone(round.municipalityId(), task.id(), Rounds.actor());
            case ATERSAND -> new TaskEvents.SentBack(round.municipalityId(), task.id(), Rounds.actor(), task.doneBy(), comment);
            case GODKAND -> new TaskEvents.Approved(round.municipalityId(), task.id(), Rounds.actor(), task.doneBy());
            default -> null; // reporting started (PAGAR) tells nobody
        };
        if (event != null) {
            events.publishEvent(event);
        }
        return saved;
    }
}
