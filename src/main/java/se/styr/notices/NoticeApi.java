package se.styr.notices;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import se.styr.platform.Paging;

/** Notices in the API: the same as the pages. */
@RestController
@Tag(name = "Meddelanden")
class NoticeApi {

    private final Notices notices;

    NoticeApi(Notices notices) {
        this.notices = notices;
    }

    record SettingsInput(String email, boolean digest, int personVersion, int version) {
    }

    record Read(int marked) {
    }

    @GetMapping("/api/v1/notices")
    @Operation(summary = "Mina meddelanden om uppföljningens uppgifter, nyaste först, en sida i taget")
    Paging.Page<Notice> mine(@Parameter(description = "Bara olästa") @RequestParam(name = "unread", defaultValue = "false") boolean unread,
                             @ParameterObject Paging paging) {
        return notices.mine(unread, paging);
    }

    @PostMapping("/api/v1/notices/{id}/read")
    @Operation(summary = "Markera ett av mina meddelanden som läst")
    Read read(@PathVariable long id) {
        return new Read(notices.markRead(id));
    }

    @PostMapping("/api/v1/notices/read")
    @Operation(summary = "Markera alla mina meddelanden som lästa")
    Read readAll() {
        return new Read(notices.markRead(null));
    }

    @GetMapping("/api/v1/me/notice-settings")
    @Operation(summary = "Min e-postadress och om e-posten kommer direkt eller som dagligt sammandrag")
    Notices.Settings settings() {
        return notices.settings();
    }

    @PutMapping("/api/v1/me/notice-settings")
    @Operation(summary = "Ändra min e-postadress och mitt val av dagligt sammandrag; versionerna som de lästes")
    Notices.Settings save(@RequestBody SettingsInput in) {
        return notices.save(in.email(), in.digest(), in.personVersion(), in.version());
    }

    @GetMapping("/api/v1/admin/mail")
    @Operation(summary = "Utskicken som inte gått iväg (eller de i en status), nyaste först (administratör)")
    Notices.Outbox outbox(@Parameter(description = "VANTAR, SAMLAS, SKICKAD, MISSLYCKAD eller INGEN; utelämnad: de som inte gått")
                          @RequestParam(name = "state", required = false) MailState state, @ParameterObject Paging paging) {
        return notices.outbox(state, paging);
    }

    @PostMapping("/api/v1/admin/mail/{id}/retry")
    @ResponseStatus(HttpStatus.OK)
    @Operation(summary = "Försök skicka ett misslyckat utskick igen (administratör)")
    Notice retry(@PathVariable long id) {
        return notices.retry(id);
    }
}
