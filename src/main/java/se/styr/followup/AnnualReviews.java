package se.styr.followup;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.styr.accounts.Access;
import se.styr.audit.AuditLog;
import se.styr.platform.ConflictException;
import se.styr.platform.Problems;

/**
 * The årsbokslut's questions on the committee's plan and its comment on the forecast accuracy ({@link AnnualReview}):
 * read for the report, written by those who manage the round. Only a round of type årsbokslut has them.
 */
@Service
public class AnnualReviews {

    private final JdbcClient jdbc;
    private final Rounds rounds;
    private final Access access;
    private final AuditLog audit;

    AnnualReviews(JdbcClient jdbc, Rounds rounds, Access access, AuditLog audit) {
        this.jdbc = jdbc;
        this.rounds = rounds;
        this.access = access;
        this.audit = audit;
    }

    /** What is typed: the answers and comments, and the version that was read (0 for none yet). */
    public record Input(Boolean controlPlanFollowed, String controlPlanComment, Boolean activitiesFollowed,
                        String activitiesComment, String forecastComment) {
    }

    /** The round's review, empty (version 0) while nothing has been saved. */
    AnnualReview of(Round round) {
        return jdbc.sql("""
                        select round_id, control_plan_followed, control_plan_comment, activities_followed, activities_comment,
                               forecast_comment, updated_at, updated_by, version
                        from followup_annual_review where round_id = ?""")
                .param(round.id())
                .query((rs, n) -> new AnnualReview(rs.getLong(1), rs.getObject(2, Boolean.class), rs.getString(3),
                        rs.getObject(4, Boolean.class), rs.getString(5), rs.getString(6),
                        rs.getObject(7, OffsetDateTime.class), rs.getString(8), rs.getInt(9)))
                .optional().orElse(AnnualReview.empty(round.id()));
    }

    public AnnualReview review(long roundId) {
        Round round = rounds.round(roundId);
        Problems.when(round.type() != RoundType.ARSBOKSLUT, "round", "uppf.validering.arsbokslut");
        return of(round);
    }

    /**
     * Saves the answers. A plan that was not followed needs the reason, as the instructions ask ("Om den inte har
     * följts, redogör för varför"); the same for activities not carried out.
     */
    @Transactional
    public AnnualReview save(long roundId, Input in, int version) {
        Round round = rounds.round(roundId);
        access.require(Access.Action.MANAGE_ROUNDS, round.bodyUnitId());
        Rounds.requireOpen(round);
        Problems p = new Problems();
        p.check(round.type() == RoundType.ARSBOKSLUT, "round", "uppf.validering.arsbokslut");
        String controlComment = Rounds.text(p, "controlPlanComment", in.controlPlanComment(), Rounds.TEXT_MAX);
        String activitiesComment = Rounds.text(p, "activitiesComment", in.activitiesComment(), Rounds.TEXT_MAX);
        String forecastComment = Rounds.text(p, "forecastComment", in.forecastComment(), Rounds.TEXT_MAX);
        p.check(!Boolean.FALSE.equals(in.controlPlanFollowed()) || controlComment != null, "controlPlanComment",
                "uppf.validering.planEjFoljd");
        p.check(!Boolean.FALSE.equals(in.activitiesFollowed()) || activitiesComment != null, "activitiesComment",
                "uppf.validering.aktiviteterEjGenomforda");
        p.throwIfAny();
        AnnualReview before = of(round);
        if (before.version() != version) {
            throw new ConflictException("followup_annual_review", roundId);
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        int rows;
        if (before.exists()) {
            rows = jdbc.sql("""
                            update followup_annual_review set control_plan_followed = ?, control_plan_comment = ?,
                              activities_followed = ?, activities_comment = ?, forecast_comment = ?, updated_at = ?,
                              updated_by = ?, version = version + 1
                            where round_id = ? and version = ?""")
                    .params(in.controlPlanFollowed(), controlComment, in.activitiesFollowed(), activitiesComment,
                            forecastComment, now, Rounds.actor(), roundId, version)
                    .update();
        } else {
            rows = jdbc.sql("""
                            insert into followup_annual_review (round_id, control_plan_followed, control_plan_comment,
                              activities_followed, activities_comment, forecast_comment, updated_at, updated_by, version)
                            values (?, ?, ?, ?, ?, ?, ?, ?, 1)""")
                    .params(roundId, in.controlPlanFollowed(), controlComment, in.activitiesFollowed(), activitiesComment,
                            forecastComment, now, Rounds.actor())
                    .update();
        }
        if (rows == 0) {
            throw new ConflictException("followup_annual_review", roundId);
        }
        AnnualReview after = of(round);
        audit.record(round.municipalityId(), "followup_annual_review", roundId,
                before.exists() ? AuditLog.Action.ANDRAD : AuditLog.Action.SKAPAD,
                "Årsbokslutets frågor: " + round.name(), before.exists() ? fields(before) : null, fields(after));
        return after;
    }

    private static Map<String, Object> fields(AnnualReview r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("internkontrollplanFoljd", r.controlPlanFollowed());
        m.put("internkontrollplanKommentar", r.controlPlanComment());
        m.put("aktiviteterGenomforda", r.activitiesFollowed());
        m.put("aktiviteterKommentar", r.activitiesComment());
        m.put("prognossakerhetKommentar", r.forecastComment());
        return m;
    }
}
