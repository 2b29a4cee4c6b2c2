package se.styr.notices;

import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.styr.accounts.Access;
import se.styr.accounts.CurrentUser;
import se.styr.accounts.OwnEmail;
import se.styr.audit.AuditLog;
import se.styr.platform.ConflictException;
import se.styr.platform.NotFoundException;
import se.styr.platform.Paging;
import se.styr.platform.Problems;

/**
 * A person's notices and their choice of mail, and the administrator's view of the outbox. Everything reads only the
 * rows it shows, paged in SQL.
 */
@Service
public class Notices {

    /** A person's settings: the address their mail goes to, and whether it comes as a daily digest. */
    public record Settings(String email, boolean digest, int personVersion, int version, boolean mailEnabled) {
    }

    /** The start page's list: the latest unread notices and how many there are in all. */
    public record Recent(List<Notice> notices, long unread) {
    }

    static final int START_PAGE = 10;

    private final NoticeStore store;
    private final MailTexts texts;
    private final Mailer mailer;
    private final NoticeTime time;
    private final Access access;
    private final OwnEmail ownEmail;
    private final AuditLog audit;

    Notices(NoticeStore store, MailTexts texts, Mailer mailer, NoticeTime time, Access access, OwnEmail ownEmail, AuditLog audit) {
        this.store = store;
        this.texts = texts;
        this.mailer = mailer;
        this.time = time;
        this.access = access;
        this.ownEmail = ownEmail;
        this.audit = audit;
    }

    /** One page of the current person's notices, newest first; {@code unreadOnly} leaves out those read. */
    public Paging.Page<Notice> mine(boolean unreadOnly, Paging paging) {
        Paging.Page<Notice> page = store.ofUser(access.current().id(), unreadOnly, paging);
        return paging.of(page.total(), page.items().stream().map(n -> n.withText(texts.line(n))).toList());
    }

    public Recent recent() {
        Paging.Page<Notice> page = mine(true, new Paging(1, START_PAGE));
        return new Recent(page.items(), page.total());
    }

    /** Marks one notice (or, {@code id} null, all) of the current person read; returns how many. */
    @Transactional
    public int markRead(Long id) {
        return store.markRead(access.current().id(), id, time.now());
    }

    public Settings settings() {
        OwnEmail.Address address = ownEmail.current();
        NoticeStore.Setting s = store.setting(access.current().id());
        return new Settings(address.email(), s.digest(), address.version(), s.version(), mailer.enabled());
    }

    /** Saves the person's own address and choice together, each as read at its version. */
    @Transactional
    public Settings save(String email, boolean digest, int personVersion, int version) {
        CurrentUser me = access.current();
        Problems p = new Problems();
        OwnEmail.check(email, p);
        p.throwIfAny();
        OwnEmail.Address address = ownEmail.current();
        if (!OwnEmail.same(email, address.email())) {
            ownEmail.change(email, personVersion);
        } else if (address.version() != personVersion) {
            throw new ConflictException("app_user", me.id());
        }
        NoticeStore.Setting before = store.setting(me.id());
        if (before.digest() != digest) {
            if (!store.saveSetting(me.id(), digest, version)) {
                throw new ConflictException("notice_setting", me.id());
            }
            if (!digest) {
                store.digestGivenUp(me.id());
            }
            audit.record(me.municipalityId(), "notice_setting", me.id(), AuditLog.Action.ANDRAD,
                    "Meddelanden för " + me.displayName() + ": " + (digest ? "dagligt sammandrag" : "e-post direkt"),
                    Map.of("digest", before.digest()), Map.of("digest", digest));
        } else if (before.version() != version) {
            throw new ConflictException("notice_setting", me.id());
        }
        return settings();
    }

    // ---- the administrator's view of the outbox

    public record Outbox(Paging.Page<Notice> mails, Map<MailState, Long> counts, boolean mailEnabled) {
    }

    /** The municipality's mails not sent (or in one state), newest first, with the count in each state. */
    public Outbox outbox(MailState state, Paging paging) {
        access.require(Access.Action.ADMINISTER, null);
        long municipalityId = access.municipalityId();
        Paging.Page<Notice> page = store.outbox(municipalityId, state, paging);
        return new Outbox(paging.of(page.total(), page.items().stream().map(n -> n.withText(texts.line(n))).toList()),
                store.mailCounts(municipalityId), mailer.enabled());
    }

    /** Tries a mail that failed again at once. */
    @Transactional
    public Notice retry(long id) {
        access.require(Access.Action.ADMINISTER, null);
        long municipalityId = access.municipalityId();
        Notice before = store.find(municipalityId, id).orElseThrow(() -> new NotFoundException("Utskicket", id));
        Problems.when(before.mail() != MailState.MISSLYCKAD, "id", "notis.validering.ejMisslyckad");
        store.retry(municipalityId, id);
        Notice after = store.find(municipalityId, id).orElseThrow();
        audit.record(municipalityId, "notice", id, AuditLog.Action.ANDRAD,
                "E-post försöks igen: " + before.taskTitle() + " till " + before.recipient(),
                Map.of("mail", before.mail().name()), Map.of("mail", after.mail().name()));
        return after.withText(texts.line(after));
    }
}
