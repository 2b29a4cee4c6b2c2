package se.styr.notices;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import se.styr.followup.TaskDirectory;
import se.styr.platform.Paging;

/** The outbox (notice_event), the notices with their mail state, and the people's choices (notice_setting). */
@Repository
class NoticeStore {

    record Event(long id, long municipalityId, NoticeKind kind, long taskId, String actor, String reporter,
                 String comment, LocalDate refDate) {
    }

    /** A notice to write: who, about what, and how its mail goes. */
    record NewNotice(long municipalityId, long eventId, long userId, NoticeKind kind, long taskId, String taskTitle,
                     String roundName, LocalDate dueOn, String actorName, String comment, String forName,
                     MailState mail, String mailTo) {
    }

    private static final String NOTICE = """
            select n.id, n.user_id, u.display_name, n.kind, n.task_id, n.task_title, n.round_name, n.due_on, n.actor_name,
                   n.comment, n.for_name, n.created_at, n.read_at, n.mail, n.mail_to, n.attempts, n.next_attempt_at,
                   n.sent_at, n.last_error, n.task_removed_at
              from notice n join app_user u on u.id = n.user_id""";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    NoticeStore(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    // ---- the outbox

    /** Writes events in one batch; a reminder already written for the same task and deadline is left as it is. */
    void insertEvents(long municipalityId, NoticeKind kind, List<Long> taskIds, String actor, String reporter,
                      String comment, OffsetDateTime dueAt, OffsetDateTime now) {
        template.batchUpdate("""
                        insert into notice_event (municipality_id, kind, task_id, actor, reporter, comment, due_at, created_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?)""", taskIds, 500,
                (ps, taskId) -> {
                    ps.setLong(1, municipalityId);
                    ps.setString(2, kind.name());
                    ps.setLong(3, taskId);
                    ps.setString(4, actor);
                    ps.setString(5, reporter);
                    ps.setString(6, comment);
                    ps.setObject(7, dueAt);
                    ps.setObject(8, now);
                });
    }

    /**
     * Writes a reminder or overdue event for each task that has none of that kind for that deadline: the scan can run
     * any number of times (and on two instances) without telling anyone twice. One query for those already written,
     * one batch for the new.
     */
    int insertDeadlineEvents(NoticeKind kind, List<TaskDirectory.DueTask> due, OffsetDateTime now) {
        if (due.isEmpty()) {
            return 0;
        }
        Set<String> written = new java.util.HashSet<>();
        for (List<Long> ids : chunks(due.stream().map(TaskDirectory.DueTask::taskId).toList())) {
            jdbc.sql("select task_id, ref_date from notice_event where kind = :k and task_id in (:ids)")
                    .param("k", kind.name()).param("ids", ids)
                    .query((rs, n) -> written.add(rs.getLong(1) + ":" + rs.getObject(2, LocalDate.class))).list();
        }
        List<TaskDirectory.DueTask> fresh = due.stream().filter(d -> !written.contains(d.taskId() + ":" + d.dueOn())).toList();
        template.batchUpdate("""
                        insert into notice_event (municipality_id, kind, task_id, ref_date, due_at, created_at)
                        values (?, ?, ?, ?, ?, ?)""", fresh, 500,
                (ps, d) -> {
                    ps.setLong(1, d.municipalityId());
                    ps.setString(2, kind.name());
                    ps.setLong(3, d.taskId());
                    ps.setObject(4, d.dueOn());
                    ps.setObject(5, now);
                    ps.setObject(6, now);
                });
        return fresh.size();
    }

    /** Claims up to {@code limit} due events for {@code claimant}; a row another claimant holds is never taken. */
    List<Event> claimEvents(String claimant, OffsetDateTime now, int limit) {
        jdbc.sql("""
                        update notice_event set claimed_by = :c
                         where claimed_by is null and handled_at is null and due_at <= :now
                           and id in (select id from notice_event
                                       where claimed_by is null and handled_at is null and due_at <= :now
                                       order by id limit :n)""")
                .param("c", claimant).param("now", now).param("n", limit).update();
        return jdbc.sql("""
                        select id, municipality_id, kind, task_id, actor, reporter, comment, ref_date from notice_event
                         where claimed_by = :c and handled_at is null order by id""")
                .param("c", claimant)
                .query((rs, n) -> new Event(rs.getLong(1), rs.getLong(2), NoticeKind.valueOf(rs.getString(3)),
                        rs.getLong(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getObject(8, LocalDate.class)))
                .list();
    }

    void eventsHandled(String claimant, OffsetDateTime now) {
        jdbc.sql("update notice_event set handled_at = :now where claimed_by = :c and handled_at is null")
                .param("now", now).param("c", claimant).update();
    }

    void insertNotices(List<NewNotice> notices, OffsetDateTime now) {
        template.batchUpdate("""
                        insert into notice (municipality_id, event_id, user_id, kind, task_id, task_title, round_name, due_on,
                          actor_name, comment, for_name, created_at, mail, mail_to)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", notices, 500,
                (ps, x) -> {
                    ps.setLong(1, x.municipalityId());
                    ps.setLong(2, x.eventId());
                    ps.setLong(3, x.userId());
                    ps.setString(4, x.kind().name());
                    ps.setLong(5, x.taskId());
                    ps.setString(6, cut(x.taskTitle(), 400));
                    ps.setString(7, cut(x.roundName(), 200));
                    ps.setObject(8, x.dueOn());
                    ps.setString(9, x.actorName());
                    ps.setString(10, x.comment());
                    ps.setString(11, x.forName());
                    ps.setObject(12, now);
                    ps.setString(13, x.mail().name());
                    ps.setString(14, x.mailTo());
                });
    }

    /** Who of these people chose the daily digest. */
    Set<Long> digestUsers(Collection<Long> userIds) {
        if (userIds.isEmpty()) {
            return Set.of();
        }
        Set<Long> result = new java.util.HashSet<>();
        for (List<Long> ids : chunks(List.copyOf(userIds))) {
            result.addAll(jdbc.sql("select user_id from notice_setting where digest = true and user_id in (:ids)")
                    .param("ids", ids).query(Long.class).list());
        }
        return result;
    }

    // ---- sending

    /** Gives back claims older than {@code stale} (an instance that died while sending). */
    int releaseStale(OffsetDateTime stale) {
        return jdbc.sql("""
                        update notice set claimed_by = null, claimed_at = null
                         where claimed_by is not null and claimed_at < :stale and mail in ('VANTAR', 'SAMLAS')""")
                .param("stale", stale).update();
    }

    /**
     * Claims up to {@code limit} notices in the given mail state whose next attempt is due (and, for a digest, made
     * before {@code madeBefore}); returns them. Called in a transaction of its own that commits before anything is sent.
     */
    List<Notice> claimMail(String claimant, MailState state, OffsetDateTime now, OffsetDateTime madeBefore, int limit) {
        String due = """
                mail = :state and claimed_by is null and (next_attempt_at is null or next_attempt_at <= :now)
                and created_at < :before""";
        jdbc.sql("update notice set claimed_by = :c, claimed_at = :now where " + due
                        + " and id in (select id from notice where " + due + " order by id limit :n)")
                .param("c", claimant).param("now", now).param("state", state.name()).param("before", madeBefore)
                .param("n", limit).update();
        return jdbc.sql(NOTICE + " where n.claimed_by = :c and n.mail = :state order by n.user_id, n.id")
                .param("c", claimant).param("state", state.name()).query(NoticeStore::notice).list();
    }

    void sent(Collection<Long> ids, OffsetDateTime now) {
        jdbc.sql("""
                        update notice set mail = 'SKICKAD', sent_at = :now, attempts = attempts + 1, claimed_by = null,
                               claimed_at = null, last_error = null, next_attempt_at = null
                         where id in (:ids)""")
                .param("now", now).param("ids", ids).update();
    }

    /** A failed attempt: tried again at {@code next}, or given up ({@code failed}) after the last attempt. */
    void failed(Collection<Long> ids, String error, OffsetDateTime next, boolean givenUp) {
        jdbc.sql("""
                        update notice set attempts = attempts + 1, claimed_by = null, claimed_at = null, last_error = :e,
                               next_attempt_at = :next, mail = case when :up then 'MISSLYCKAD' else mail end
                         where id in (:ids)""")
                .param("e", cut(error, 1000)).param("next", next).param("up", givenUp).param("ids", ids).update();
    }

    // ---- reading

    Paging.Page<Notice> ofUser(long userId, boolean unreadOnly, Paging paging) {
        String where = " where n.user_id = :u" + (unreadOnly ? " and n.read_at is null" : "");
        long total = jdbc.sql("select count(*) from notice n" + where).param("u", userId).query(Long.class).single();
        return paging.of(total, total == 0 ? List.of() : jdbc.sql(NOTICE + where + " order by n.created_at desc, n.id desc"
                + paging.limitOffset()).param("u", userId).query(NoticeStore::notice).list());
    }

    int markRead(long userId, Long noticeId, OffsetDateTime now) {
        return jdbc.sql("update notice set read_at = :now where user_id = :u and read_at is null"
                        + (noticeId == null ? "" : " and id = :id"))
                .param("now", now).param("u", userId).params(noticeId == null ? Map.of() : Map.of("id", noticeId)).update();
    }

    /** The municipality's mails in one state (or those not yet sent, {@code state} null), newest first. */
    Paging.Page<Notice> outbox(long municipalityId, MailState state, Paging paging) {
        Map<String, Object> p = new HashMap<>();
        p.put("m", municipalityId);
        String where = " where n.municipality_id = :m and ";
        if (state == null) {
            where += "n.mail in ('VANTAR', 'SAMLAS', 'MISSLYCKAD')";
        } else {
            where += "n.mail = :state";
            p.put("state", state.name());
        }
        long total = jdbc.sql("select count(*) from notice n" + where).params(p).query(Long.class).single();
        return paging.of(total, total == 0 ? List.of() : jdbc.sql(NOTICE + where + " order by n.created_at desc, n.id desc"
                + paging.limitOffset()).params(p).query(NoticeStore::notice).list());
    }

    /** How many mails of the municipality are in each state. */
    Map<MailState, Long> mailCounts(long municipalityId) {
        Map<MailState, Long> counts = new java.util.EnumMap<>(MailState.class);
        jdbc.sql("select mail, count(*) from notice where municipality_id = ? group by mail").param(municipalityId)
                .query((rs, n) -> counts.put(MailState.valueOf(rs.getString(1)), rs.getLong(2))).list();
        return counts;
    }

    java.util.Optional<Notice> find(long municipalityId, long id) {
        return jdbc.sql(NOTICE + " where n.id = ? and n.municipality_id = ?").params(id, municipalityId)
                .query(NoticeStore::notice).optional();
    }

    /** A failed mail is tried again at once, its attempts counted afresh. */
    boolean retry(long municipalityId, long id) {
        return jdbc.sql("""
                        update notice set mail = 'VANTAR', attempts = 0, next_attempt_at = null, claimed_by = null
                         where id = ? and municipality_id = ? and mail = 'MISSLYCKAD'""").params(id, municipalityId).update() == 1;
    }

    // ---- settings

    record Setting(boolean digest, int version) {
    }

    Setting setting(long userId) {
        return jdbc.sql("select digest, version from notice_setting where user_id = ?").param(userId)
                .query((rs, n) -> new Setting(rs.getBoolean(1), rs.getInt(2))).optional().orElse(new Setting(false, 0));
    }

    /** Saves the choice as read at {@code version} (0 for none saved yet); false when it changed in between. */
    boolean saveSetting(long userId, boolean digest, int version) {
        if (version == 0 && jdbc.sql("select count(*) from notice_setting where user_id = ?").param(userId)
                .query(Long.class).single() == 0) {
            jdbc.sql("insert into notice_setting (user_id, digest, version) values (?, ?, 1)").params(userId, digest).update();
            return true;
        }
        return jdbc.sql("update notice_setting set digest = ?, version = version + 1 where user_id = ? and version = ?")
                .params(digest, userId, version).update() == 1;
    }

    /** The tasks left their round: their notices lose the link, and mail not yet on its way is not sent. */
    void tasksRemoved(Collection<Long> taskIds, OffsetDateTime now) {
        jdbc.sql("update notice set task_removed_at = :now where task_id in (:ids) and task_removed_at is null")
                .param("now", now).param("ids", taskIds).update();
        jdbc.sql("update notice set mail = 'INGEN' where task_id in (:ids) and mail in ('VANTAR', 'SAMLAS') and claimed_by is null")
                .param("ids", taskIds).update();
    }

    /** Notices of a person still waiting for the digest go at once when they give it up. */
    void digestGivenUp(long userId) {
        jdbc.sql("update notice set mail = 'VANTAR' where user_id = ? and mail = 'SAMLAS' and claimed_by is null")
                .param(userId).update();
    }

    private static Notice notice(ResultSet rs, int n) throws SQLException {
        long taskId = rs.getLong(5);
        return new Notice(rs.getLong(1), rs.getLong(2), rs.getString(3), NoticeKind.valueOf(rs.getString(4)), taskId,
                rs.getString(6), rs.getString(7), rs.getObject(8, LocalDate.class), rs.getString(9), rs.getString(10),
                rs.getString(11), rs.getObject(12, OffsetDateTime.class), rs.getObject(13, OffsetDateTime.class),
                MailState.valueOf(rs.getString(14)), rs.getString(15), rs.getInt(16),
                rs.getObject(17, OffsetDateTime.class), rs.getObject(18, OffsetDateTime.class), rs.getString(19), null,
                rs.getObject(20, OffsetDateTime.class) == null ? TaskDirectory.link(taskId) : null);
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    static <T> List<List<T>> chunks(List<T> all) {
        List<List<T>> result = new ArrayList<>();
        for (int i = 0; i < all.size(); i += 1000) {
            result.add(all.subList(i, Math.min(all.size(), i + 1000)));
        }
        return result;
    }
}
