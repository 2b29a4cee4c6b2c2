package se.styr.meetings;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class MeetingRepository {

    private static final String MEETING = """
            select m.id, m.municipality_id, m.body_unit_id, u.code as body_code, u.name as body_name, m.meets_on, m.starts_at,
                   m.ends_at, m.place, m.chair_name, m.chair_username, m.secretary_name, m.adjuster_name, m.adjuster_username,
                   m.status, m.chair_approved_at, m.adjuster_approved_at, m.posted_on, m.version
            from meeting m join org_unit u on u.id = m.body_unit_id""";
    private static final String ITEM = """
            select a.id, a.meeting_id, a.position, a.kind, a.title, a.case_id,
                   case when c.id is null then null else c.year || '.' || lpad(cast(c.number as varchar(10)), 3, '0') || ' ' || u.code end as dnr,
                   a.period_from, a.period_to
            from agenda_item a left join meeting_case c on c.id = a.case_id left join org_unit u on u.id = c.body_unit_id""";
    private static final String PARAGRAPH = """
            select p.id, p.meeting_id, p.agenda_item_id, p.case_id,
                   case when c.id is null then null else c.year || '.' || lpad(cast(c.number as varchar(10)), 3, '0') || ' ' || u.code end as dnr,
                   p.body_unit_id, p.year, p.number, p.title, p.preparation, p.proposal, p.process, p.decision, p.reservations,
                   p.outcome, p.send_to, p.version
            from minutes_paragraph p left join meeting_case c on c.id = p.case_id left join org_unit u on u.id = c.body_unit_id""";

    private final JdbcClient jdbc;

    MeetingRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Meeting> find(long municipalityId, long id) {
        return jdbc.sql(MEETING + " where m.municipality_id = ? and m.id = ?").params(municipalityId, id)
                .query(Meeting.class).optional();
    }

    /** Locks the meeting's row for the change that follows, so two changes of one meeting take turns. */
    Optional<Meeting> lock(long municipalityId, long id) {
        jdbc.sql("select id from meeting where id = ? for update").param(id).query(Long.class).list();
        return find(municipalityId, id);
    }

    List<Meeting> list(long municipalityId, List<Long> bodies) {
        if (bodies.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(MEETING + " where m.municipality_id = :m and m.body_unit_id in (:b) order by m.meets_on desc, m.id desc")
                .param("m", municipalityId).param("b", bodies).query(Meeting.class).list();
    }

    /** Approved minutes of every municipality, newest first: the public notice board (nothing else is read). */
    List<Meeting> approved() {
        return jdbc.sql(MEETING + " where m.status = 'JUSTERAT' order by m.posted_on desc, m.id desc").query(Meeting.class).list();
    }

    Optional<Meeting> approved(long id) {
        return jdbc.sql(MEETING + " where m.status = 'JUSTERAT' and m.id = ?").param(id).query(Meeting.class).optional();
    }

    long insert(long municipalityId, long bodyUnitId, Meeting.Details d) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into meeting (municipality_id, body_unit_id, meets_on, starts_at, ends_at, place, chair_name,
                            chair_username, secretary_name, adjuster_name, adjuster_username, status)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'PLANERAT')""")
                .params(municipalityId, bodyUnitId, d.meetsOn(), d.startsAt(), d.endsAt(), d.place(), d.chairName(),
                        d.chairUsername(), d.secretaryName(), d.adjusterName(), d.adjusterUsername())
                .update(key, "id");
        return key.getKey().longValue();
    }

    boolean update(long id, int version, Meeting.Details d) {
        return jdbc.sql("""
                        update meeting set meets_on = ?, starts_at = ?, ends_at = ?, place = ?, chair_name = ?, chair_username = ?,
                            secretary_name = ?, adjuster_name = ?, adjuster_username = ?, version = version + 1
                        where id = ? and version = ?""")
                .params(d.meetsOn(), d.startsAt(), d.endsAt(), d.place(), d.chairName(), d.chairUsername(), d.secretaryName(),
                        d.adjusterName(), d.adjusterUsername(), id, version).update() == 1;
    }

    boolean setState(long id, int version, Meeting.Status status, OffsetDateTime chair, OffsetDateTime adjuster, LocalDate posted) {
        return jdbc.sql("""
                        update meeting set status = ?, chair_approved_at = ?, adjuster_approved_at = ?, posted_on = ?,
                            version = version + 1 where id = ? and version = ?""")
                .params(status.name(), chair, adjuster, posted, id, version).update() == 1;
    }

    // ---- attendance

    List<Meeting.Attendee> attendees(long meetingId) {
        return jdbc.sql("""
                        select id, meeting_id, position, name, party, role, serving_for, present, email from meeting_attendee
                        where meeting_id = ? order by position, id""").param(meetingId).query(Meeting.Attendee.class).list();
    }

    void addAttendee(long meetingId, String name, String party, Meeting.Role role, String servingFor, boolean present) {
        jdbc.sql("""
                        insert into meeting_attendee (meeting_id, position, name, party, role, serving_for, present)
                        values (?, (select coalesce(max(position), 0) + 1 from meeting_attendee where meeting_id = ?), ?, ?, ?, ?, ?)""")
                .params(meetingId, meetingId, name, party, role.name(), servingFor, present).update();
    }

    void setEmail(long meetingId, long attendeeId, String email) {
        jdbc.sql("update meeting_attendee set email = ? where id = ? and meeting_id = ?").params(email, attendeeId, meetingId).update();
    }

    void setAttendance(long meetingId, long attendeeId, boolean present, String servingFor) {
        jdbc.sql("update meeting_attendee set present = ?, serving_for = ? where id = ? and meeting_id = ?")
                .params(present, servingFor, attendeeId, meetingId).update();
    }

    // ---- agenda

    List<AgendaItem> agenda(long meetingId) {
        return jdbc.sql(ITEM + " where a.meeting_id = ? order by a.position, a.id").param(meetingId).query(AgendaItem.class).list();
    }

    long addItem(long meetingId, AgendaItem.Kind kind, String title, Long caseId, LocalDate from, LocalDate to) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into agenda_item (meeting_id, position, kind, title, case_id, period_from, period_to)
                        values (?, (select coalesce(max(position), 0) + 1 from agenda_item where meeting_id = ?), ?, ?, ?, ?, ?)""")
                .params(meetingId, meetingId, kind.name(), title, caseId, from, to).update(key, "id");
        return key.getKey().longValue();
    }

    void setPosition(long itemId, int position) {
        jdbc.sql("update agenda_item set position = ? where id = ?").params(position, itemId).update();
    }

    void removeItem(long meetingId, long itemId) {
        jdbc.sql("delete from agenda_item where id = ? and meeting_id = ?").params(itemId, meetingId).update();
    }

    // ---- minutes

    List<Paragraph> paragraphs(long meetingId) {
        return jdbc.sql(PARAGRAPH + " where p.meeting_id = ? order by p.number").param(meetingId).query(Paragraph.class).list();
    }

    Optional<Paragraph> paragraph(long meetingId, long id) {
        return jdbc.sql(PARAGRAPH + " where p.meeting_id = ? and p.id = ?").params(meetingId, id).query(Paragraph.class).optional();
    }

    /** The highest paragraph number the body has used in the year, 0 when none; the body's row is locked first. */
    int lastNumber(long bodyUnitId, int year) {
        jdbc.sql("select id from org_unit where id = ? for update").param(bodyUnitId).query(Long.class).list();
        return jdbc.sql("select coalesce(max(number), 0) from minutes_paragraph where body_unit_id = ? and year = ?")
                .params(bodyUnitId, year).query(Integer.class).single();
    }

    void insertParagraph(long meetingId, Long itemId, Long caseId, long bodyUnitId, int year, int number, String title,
                         String proposal, Paragraph.Outcome outcome, String sendTo) {
        jdbc.sql("""
                        insert into minutes_paragraph (meeting_id, agenda_item_id, case_id, body_unit_id, year, number, title,
                            proposal, outcome, send_to) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(meetingId, itemId, caseId, bodyUnitId, year, number, title, proposal, outcome.name(), sendTo).update();
    }

    boolean updateParagraph(long id, int version, Paragraph.Text t) {
        return jdbc.sql("""
                        update minutes_paragraph set title = ?, preparation = ?, proposal = ?, process = ?, decision = ?,
                            reservations = ?, outcome = ?, send_to = ?, version = version + 1 where id = ? and version = ?""")
                .params(t.title(), t.preparation(), t.proposal(), t.process(), t.decision(), t.reservations(),
                        t.outcome().name(), t.sendTo(), id, version).update() == 1;
    }

    // ---- meddelanden

    List<MeetingCase.Document> messages(long meetingId) {
        return jdbc.sql("""
                        select d.id, d.case_id, d.sub_number, d.title, d.received_on,
                               c.year || '.' || lpad(cast(c.number as varchar(10)), 3, '0') || ' ' || u.code || '-'
                                   || lpad(cast(d.sub_number as varchar(10)), 3, '0') as dnr,
                               d.file_name, d.content_type, d.size_bytes, d.uploaded_at, d.uploaded_by, d.public_document
                        from meeting_message mm join case_document d on d.id = mm.document_id
                        join meeting_case c on c.id = d.case_id join org_unit u on u.id = c.body_unit_id
                        where mm.meeting_id = ? order by c.year, c.number, d.sub_number""")
                .param(meetingId).query(MeetingCase.Document.class).list();
    }

    void addMessage(long meetingId, long documentId) {
        jdbc.sql("insert into meeting_message (meeting_id, document_id) values (?, ?)").params(meetingId, documentId).update();
    }
}
