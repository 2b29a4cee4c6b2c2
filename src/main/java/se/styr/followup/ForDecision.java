package se.styr.followup;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.styr.accounts.Access;
import se.styr.audit.AuditLog;
import se.styr.platform.Decisions;
import se.styr.platform.Problems;

/**
 * The compiled report goes to the committee: marked ready for decision it becomes a case of the committee (the meetings
 * module listens to {@link Decisions.ReadyForDecision}); when the minutes with the paragraph deciding it are approved,
 * {@link Decisions.Decided} makes the round decided with the paragraph as its reference and keeps the version as
 * decided, exactly as a typed decision would. The follow-up knows nothing of meetings: both events are the platform's.
 */
@Service
class ForDecision {

    static final String SOURCE = "followup_round";

    private final FollowupRepository repository;
    private final ReportCompiler compiler;
    private final RoundQueries queries;
    private final Access access;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;

    ForDecision(FollowupRepository repository, ReportCompiler compiler, RoundQueries queries, Access access, AuditLog audit,
                ApplicationEventPublisher events) {
        this.repository = repository;
        this.compiler = compiler;
        this.queries = queries;
        this.access = access;
        this.audit = audit;
        this.events = events;
    }

    OffsetDateTime readyAt(long roundId) {
        return repository.readyForDecision(roundId);
    }

    /** The administration sends the compiled report to the committee; it becomes a case there. */
    @Transactional
    Round markReady(long roundId, int version) {
        Round round = repository.findRound(roundId).filter(r -> r.municipalityId() == access.municipalityId())
                .orElseThrow(() -> new se.styr.platform.NotFoundException("Uppföljningen", roundId));
        access.require(Access.Action.MANAGE_ROUNDS, round.bodyUnitId());
        Rounds.requireOpen(round);
        Problems.when(repository.readyForDecision(roundId) != null, "round", "uppf.validering.redanKlar");
        repository.updateRound(roundId, version, round.summary(), round.state(), round.reportVersion());
        repository.setReadyForDecision(roundId, OffsetDateTime.now(ZoneOffset.UTC));
        Round after = repository.findRound(roundId).orElseThrow();
        audit.record(round.municipalityId(), "followup_round", roundId, AuditLog.Action.ANDRAD,
                "Klar för beslut: " + round.name(), Map.of("klarForBeslut", false), Map.of("klarForBeslut", true));
        events.publishEvent(new Decisions.ReadyForDecision(round.municipalityId(), round.bodyUnitId(), SOURCE, roundId,
                round.name(), round.year(), access.current().displayName()));
        return after;
    }

    /**
     * The approved paragraph decides the round: no right is checked here, the minutes' justering is the authority. A
     * round that is not open (decided already) is left as it is.
     */
    @EventListener
    @Transactional
    public void onDecided(Decisions.Decided e) {
        if (!SOURCE.equals(e.sourceType())) {
            return;
        }
        Round round = repository.findRound(e.sourceId()).filter(r -> r.municipalityId() == e.municipalityId()).orElse(null);
        if (round == null || round.isDecided()) {
            return;
        }
        FollowupService.Decision decision = new FollowupService.Decision(e.decidedOn(), e.reference(),
                round.reportVersion() > 1 ? "Rättelse beslutad " + e.reference() : null, true);
        repository.updateRound(round.id(), round.version(), round.summary(), RoundState.BESLUTAD, round.reportVersion());
        Round decided = repository.findRound(round.id()).orElseThrow();
        int unapproved = Unapproved.of(queries, decided).count();
        repository.insertVersion(round.id(), decided.reportVersion(), e.decidedOn(), e.reference(), decision.note(), unapproved,
                compiler.decidedArticle(decided, decision), Rounds.actor());
        audit.record(round.municipalityId(), "followup_round", round.id(), AuditLog.Action.ANDRAD,
                "Beslutad version " + decided.reportVersion() + ": " + round.name() + " (" + e.reference() + ")", round, decided);
    }
}
