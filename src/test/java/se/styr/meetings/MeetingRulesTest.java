package se.styr.meetings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Paragraph numbering, justering, the notice board's dates, diarienummer and the agenda's labels, without a database. */
class MeetingRulesTest {

    private static final OffsetDateTime NOW = OffsetDateTime.of(2022, 9, 29, 10, 0, 0, 0, ZoneOffset.UTC);

    private static Meeting meeting(Meeting.Status status, OffsetDateTime chair, OffsetDateTime adjuster) {
        return new Meeting(1, 1, 2, "VON", "Vård- och omsorgsnämnden", LocalDate.of(2022, 9, 27), "14:00", "18:25",
                "Samlingssalen", "Olle Ordförande", "ordforande", "Siri Sekreterare", "Jenny Justerare", "justerare", status,
                chair, adjuster, null, 3);
    }

    @Test
    void paragraphs_continue_after_the_bodys_last_number_of_the_year() {
        // the working committee's § 67 on 20 September: its next meeting goes on from § 68
        assertThat(Numbering.next(67, 3)).containsExactly(68, 69, 70);
        // a body's first meeting of a year starts at § 1
        assertThat(Numbering.next(0, 10)).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
        assertThat(Numbering.next(12, 0)).isEmpty();
        assertThatThrownBy(() -> Numbering.next(-1, 2)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void the_minutes_are_approved_when_both_chair_and_adjuster_have_approved() {
        Meeting open = meeting(Meeting.Status.PROTOKOLL, null, null);
        Justering.Approvals first = Justering.approve(open, "justerare", NOW);
        assertThat(first.adjuster()).isEqualTo(NOW);
        assertThat(first.chair()).isNull();
        assertThat(first.complete()).isFalse();

        Meeting half = meeting(Meeting.Status.PROTOKOLL, null, first.adjuster());
        Justering.Approvals both = Justering.approve(half, "ordforande", NOW.plusHours(1));
        assertThat(both.chair()).isEqualTo(NOW.plusHours(1));
        assertThat(both.adjuster()).isEqualTo(NOW);
        assertThat(both.complete()).isTrue();
    }

    @Test
    void nobody_else_approves_nobody_approves_twice_and_approved_minutes_are_frozen() {
        Meeting open = meeting(Meeting.Status.PROTOKOLL, null, null);
        assertThatThrownBy(() -> Justering.approve(open, "politiker", NOW)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("meetings.justering.inteJusterare");
        assertThatThrownBy(() -> Justering.approve(open, null, NOW)).isInstanceOf(IllegalArgumentException.class);
        assertThat(Justering.as(open, "ordforande")).isEqualTo(Justering.As.ORDFORANDE);
        assertThat(Justering.as(open, "sekreterare")).isNull();

        Meeting chairDone = meeting(Meeting.Status.PROTOKOLL, NOW, null);
        assertThatThrownBy(() -> Justering.approve(chairDone, "ordforande", NOW)).isInstanceOf(IllegalStateException.class)
                .hasMessage("meetings.justering.redan");

        Meeting frozen = meeting(Meeting.Status.JUSTERAT, NOW, NOW);
        assertThat(frozen.frozen()).isTrue();
        assertThatThrownBy(() -> Justering.approve(frozen, "justerare", NOW)).isInstanceOf(IllegalStateException.class)
                .hasMessage("meetings.justerat");
        Meeting planned = meeting(Meeting.Status.PLANERAT, null, null);
        assertThat(planned.frozen()).isFalse();
        assertThatThrownBy(() -> Justering.approve(planned, "ordforande", NOW)).isInstanceOf(IllegalStateException.class)
                .hasMessage("meetings.justering.ejProtokoll");
    }

    @Test
    void an_appeal_must_be_in_within_three_weeks_of_posting() {
        Anslag a = Anslag.postedOn(LocalDate.of(2022, 9, 29));
        assertThat(a.lastDayOfAppeal()).isEqualTo(LocalDate.of(2022, 10, 20));
        assertThat(a.takenDownOn()).isEqualTo(LocalDate.of(2022, 10, 21));
        assertThat(a.postedAt(LocalDate.of(2022, 9, 28))).isFalse();
        assertThat(a.postedAt(LocalDate.of(2022, 9, 29))).isTrue();
        assertThat(a.postedAt(LocalDate.of(2022, 10, 20))).isTrue();
        assertThat(a.postedAt(LocalDate.of(2022, 10, 21))).isFalse();
        // over a year's end
        assertThat(Anslag.postedOn(LocalDate.of(2022, 12, 20)).lastDayOfAppeal()).isEqualTo(LocalDate.of(2023, 1, 10));
    }

    @Test
    void diarienummer_as_the_registry_writes_them() {
        Diarienummer delars = Diarienummer.of(2022, 229, "VON");
        assertThat(delars.toString()).isEqualTo("2022.229 VON");
        assertThat(Diarienummer.of(2022, 5, "VON").toString()).isEqualTo("2022.005 VON");
        assertThat(Diarienummer.of(2022, 210, "VON").document(10).toString()).isEqualTo("2022.210 VON-010");
        assertThat(Diarienummer.parse("2022.210 VON-011")).isEqualTo(new Diarienummer(2022, 210, "VON", 11));
        assertThat(Diarienummer.parse(" 2022.229 VON ")).isEqualTo(delars);
        assertThat(Diarienummer.parse("VON 2022")).isNull();
        assertThat(Diarienummer.parse(null)).isNull();
    }

    @Test
    void the_agenda_numbers_its_items_and_letters_its_information_items_in_their_order() {
        List<AgendaItem> items = List.of(item(1, AgendaItem.Kind.PUNKT), item(2, AgendaItem.Kind.PUNKT),
                item(3, AgendaItem.Kind.INFORMATION), item(4, AgendaItem.Kind.INFORMATION), item(5, AgendaItem.Kind.ARENDE),
                item(6, AgendaItem.Kind.MEDDELANDEN));
        assertThat(AgendaItem.label(items).stream().map(AgendaItem.Labelled::label))
                .containsExactly("1.", "2.", "A/", "B/", "3.", "4.");
        assertThat(AgendaItem.letters(7)).isEqualTo("H");
        assertThat(AgendaItem.letters(26)).isEqualTo("AA");
    }

    @Test
    void decision_lines_drop_their_printed_numbers() {
        Paragraph p = new Paragraph(1, 1, null, null, null, 2, 2022, 5, "Delårsbokslut", null, null, null,
                "1. Vård- och omsorgsnämnden fastställer delårsbokslutet 2022.\n\n2. Beslutet skickas till kommunstyrelsen.",
                null, Paragraph.Outcome.BESLUT, null, 0);
        assertThat(p.decisionLines()).containsExactly("Vård- och omsorgsnämnden fastställer delårsbokslutet 2022.",
                "Beslutet skickas till kommunstyrelsen.");
        assertThat(Paragraph.reference("VON", 5, LocalDate.of(2022, 9, 27))).isEqualTo("VON § 5, 2022-09-27");
        assertThat(Paragraph.Outcome.ATERREMISS.backToAgenda()).isTrue();
        assertThat(Paragraph.Outcome.BESLUT.backToAgenda()).isFalse();
    }

    private static AgendaItem item(long id, AgendaItem.Kind kind) {
        return new AgendaItem(id, 1, (int) id, kind, "Punkt " + id, null, null, null, null);
    }
}
