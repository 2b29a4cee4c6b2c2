package se.styr.meetings;

import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import se.styr.platform.NotFoundException;

/**
 * The public notice board (anslagstavla, Kommunallagen 8 kap. 12 §), without login: approved minutes with the day they
 * were posted, the day they are taken down and the last day of appeal, and the approved minutes themselves. Nothing
 * that is not approved is read: the queries ask for approved meetings only, and a meeting that is not is "not found".
 */
@Controller
class NoticeBoard {

    private final MeetingRepository repository;

    NoticeBoard(MeetingRepository repository) {
        this.repository = repository;
    }

    /** A posting as the board and the open JSON show it. */
    record Posting(long id, String body, String bodyCode, LocalDate meetsOn, LocalDate postedOn, LocalDate lastDayOfAppeal,
                   LocalDate takenDownOn, boolean postedToday, String secretary, String place) {

        static Posting of(Meeting m, LocalDate today) {
            Anslag a = m.anslag();
            return new Posting(m.id(), m.bodyName(), m.bodyCode(), m.meetsOn(), a.postedOn(), a.lastDayOfAppeal(),
                    a.takenDownOn(), a.postedAt(today), m.secretaryName(), m.place());
        }
    }

    /** An approved paragraph, as it is public. */
    record PublicParagraph(int number, String dnr, String title, String preparation, String proposal, String process,
                           List<String> decision, String reservations, Paragraph.Outcome outcome, String sendTo) {

        static PublicParagraph of(Paragraph p) {
            return new PublicParagraph(p.number(), p.dnr(), p.title(), p.preparation(), p.proposal(), p.process(),
                    p.decisionLines(), p.reservations(), p.outcome(), p.sendTo());
        }
    }

    record PublicMinutes(Posting posting, List<Meeting.Attendee> attendance, List<PublicParagraph> paragraphs) {
    }

    List<Posting> postings() {
        LocalDate today = LocalDate.now(MinutesService.SWEDEN);
        return repository.approved().stream().map(m -> Posting.of(m, today)).toList();
    }

    PublicMinutes minutes(long id) {
        Meeting m = repository.approved(id).orElseThrow(() -> new NotFoundException("Protokollet", id));
        return new PublicMinutes(Posting.of(m, LocalDate.now(MinutesService.SWEDEN)), repository.attendees(id),
                repository.paragraphs(id).stream().map(PublicParagraph::of).toList());
    }

    @GetMapping("/publicerat/anslagstavla")
    String board(Model model) {
        model.addAttribute("postings", postings());
        return "meetings/board";
    }

    @GetMapping("/publicerat/anslagstavla/{id}")
    String page(@PathVariable long id, Model model) {
        model.addAttribute("pm", minutes(id));
        return "meetings/board-minutes";
    }
}
