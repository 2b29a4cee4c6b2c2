package se.styr.meetings;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The notice board as open JSON, without login: approved minutes only. */
@RestController
@Tag(name = "Anslagstavla", description = "Justerade protokoll, öppet utan inloggning")
class NoticeBoardApi {

    private final NoticeBoard board;

    NoticeBoardApi(NoticeBoard board) {
        this.board = board;
    }

    @GetMapping("/api/v1/public/anslagstavla")
    @Operation(summary = "Anslagstavlan: justerade protokoll med datum för anslag, nedtagande och sista dag för överklagande")
    List<NoticeBoard.Posting> postings() {
        return board.postings();
    }

    @GetMapping("/api/v1/public/anslagstavla/{id}")
    @Operation(summary = "Ett justerat protokoll med närvaro och paragrafer")
    NoticeBoard.PublicMinutes minutes(@PathVariable long id) {
        return board.minutes(id);
    }
}
