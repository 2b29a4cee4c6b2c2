package se.styr.meetings.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import se.styr.platform.ValidationException;

/** The review's own rules: when an answer is complete, when the answers can be sent, what each state allows. */
class ReviewRulesTest {

    private static Review.Question q(long id, String code, boolean open, Review.Answer answer, String description) {
        return new Review.Question(id, 1, (int) id, code, "3 Intern kontroll", "Fråga " + code, open, null, answer, description,
                null, null, 0);
    }

    private static Review review(Review.Status status) {
        return new Review(1, 1, 2, "VON", "Vård- och omsorgsnämnden", 2022, "KPMG", LocalDate.of(2022, 9, 30), null, status,
                null, null, null, null, null, null, 0);
    }

    @Test
    void ja_is_complete_without_a_description_every_other_answer_needs_one() {
        assertThat(q(1, "3.1", false, Review.Answer.JA, null).complete()).isTrue();
        assertThat(q(2, "2.4", false, Review.Answer.NEJ, null).complete()).isFalse();
        assertThat(q(2, "2.4", false, Review.Answer.NEJ, "Nej, det har inte varit aktuellt.").complete()).isTrue();
        assertThat(q(3, "1.4", false, Review.Answer.DELVIS, "  ").complete()).isFalse();
        assertThat(q(4, "3.3", false, Review.Answer.VET_EJ, null).complete()).isFalse();
        assertThat(q(5, "1.1", false, null, "Beskrivning utan svar").complete()).isFalse();
    }

    @Test
    void an_open_question_is_answered_by_its_description() {
        assertThat(q(6, "4.1", true, null, null).complete()).isFalse();
        assertThat(q(6, "4.1", true, null, "1. Coronapandemin …").complete()).isTrue();
    }

    @Test
    void the_answers_can_be_sent_only_when_every_question_is_complete_and_each_missing_one_is_named() {
        List<Review.Question> questions = List.of(q(1, "1.1", false, Review.Answer.JA, null), q(2, "1.2", false, null, null),
                q(3, "2.4", false, Review.Answer.NEJ, null), q(4, "4.1", true, null, "Sju områden"));
        List<ValidationException.Problem> problems = Review.incomplete(questions);
        assertThat(problems).extracting(ValidationException.Problem::field).containsExactly("q2", "q3");
        assertThat(problems).extracting(ValidationException.Problem::messageKey)
                .containsExactly("review.validering.saknarSvar", "review.validering.saknarBeskrivning");
        assertThat(problems.get(0).args()).containsExactly("1.2");

        assertThat(Review.incomplete(List.of(q(1, "1.1", false, Review.Answer.JA, null)))).isEmpty();
        assertThat(Review.incomplete(List.of())).extracting(ValidationException.Problem::messageKey)
                .containsExactly("review.validering.ingaFragor");
    }

    @Test
    void written_while_open_closed_by_the_auditors_only_once_sent() {
        assertThat(review(Review.Status.OPPEN).open()).isTrue();
        assertThat(review(Review.Status.OPPEN).closable()).isFalse();
        assertThat(review(Review.Status.SKICKAD).open()).isFalse();
        assertThat(review(Review.Status.SKICKAD).closable()).isTrue();
        assertThat(review(Review.Status.BESLUTAD).closable()).isTrue();
        assertThat(review(Review.Status.AVSLUTAD).closable()).isFalse();
        assertThat(review(Review.Status.AVSLUTAD).open()).isFalse();
        assertThat(review(Review.Status.OPPEN).title()).isEqualTo("Årlig grundläggande granskning 2022");
    }

    @Test
    void evidence_links_to_the_existing_pages() {
        assertThat(new Review.Evidence(1, 1, Review.EvidenceKind.BUDGET, 7, "Budget").href(2)).isEqualTo("/ekonomi/budget/7");
        assertThat(new Review.Evidence(1, 1, Review.EvidenceKind.RAPPORT, 3, "Delår").href(2)).isEqualTo("/uppfoljning/3/rapport");
        assertThat(new Review.Evidence(1, 1, Review.EvidenceKind.IK, 2022, "IK").href(2))
                .isEqualTo("/kvalitet/internkontroll?organ=2&ar=2022");
        assertThat(new Review.Evidence(1, 1, Review.EvidenceKind.RISKANALYS, 2022, "Risk").href(2))
                .isEqualTo("/kvalitet/risker?organ=2&ar=2022");
        assertThat(new Review.Evidence(1, 1, Review.EvidenceKind.PROTOKOLL, 9, "Protokoll").href(2))
                .isEqualTo("/namnd/sammantraden/9/protokoll");
    }
}
