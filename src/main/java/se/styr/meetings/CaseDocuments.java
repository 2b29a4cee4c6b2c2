package se.styr.meetings;

import java.time.LocalDate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.styr.accounts.Access;
import se.styr.audit.AuditLog;
import se.styr.platform.ConflictException;
import se.styr.platform.NotFoundException;
import se.styr.platform.Problems;

/**
 * The uploaded files of a case's documents: upload (PDF, Word, Excel, images; see {@link DocumentFile}), download, and
 * removal while the case is not decided. Reading follows the case (everyone signed in); writing needs
 * {@code MANAGE_MEETINGS} for the case's body. Every upload and removal is audited.
 */
@Service
class CaseDocuments {

    static final String AUDIT_TYPE = "case_document";

    /** An uploaded file as the form sends it. */
    record Upload(String fileName, String contentType, byte[] content) {
    }

    /** A document's file to send back. */
    record File(String name, String contentType, byte[] content) {
    }

    private final CaseService cases;
    private final CaseRepository repository;
    private final Access access;
    private final AuditLog audit;

    CaseDocuments(CaseService cases, CaseRepository repository, Access access, AuditLog audit) {
        this.cases = cases;
        this.repository = repository;
        this.access = access;
        this.audit = audit;
    }

    /** Registers a document of the case, with its file when one is uploaded (the file's name is the title when none is given). */
    @Transactional
    MeetingCase.Document add(long caseId, String title, LocalDate receivedOn, Upload upload) {
        MeetingCase c = cases.get(caseId);
        access.require(Access.Action.MANAGE_MEETINGS, c.bodyUnitId());
        Problems p = new Problems();
        p.check(c.status() != MeetingCase.Status.BESLUTAT, "file", "meetings.validering.beslutat");
        boolean withFile = upload != null && upload.fileName() != null && !upload.fileName().isBlank();
        DocumentFile kind = withFile ? DocumentFile.check(upload.fileName(), upload.contentType(), upload.content(), p) : null;
        String name = withFile ? DocumentFile.safeName(upload.fileName(), "handling") : null;
        String t = CaseService.text(p, "docTitle", title == null || title.isBlank() ? name : title, 500);
        p.check(t != null, "docTitle", "meetings.validering.obligatorisk");
        p.throwIfAny();
        long id = withFile
                ? repository.addDocument(caseId, t, receivedOn, name, kind.contentType, upload.content(), access.current().username())
                : repository.addDocument(caseId, t, receivedOn);
        MeetingCase.Document d = cases.documents(c).stream().filter(x -> x.id() == id).findFirst().orElseThrow();
        audit.record(c.municipalityId(), AUDIT_TYPE, id, AuditLog.Action.SKAPAD, "Handling " + d.dnr() + ": " + t
                + (withFile ? " (" + name + ", " + d.size() + ")" : ""), null, d);
        return d;
    }

    /** The document's file; 404 when the document has none. */
    File file(long caseId, long documentId) {
        MeetingCase c = cases.get(caseId);
        MeetingCase.Document d = repository.document(c.id(), documentId)
                .filter(MeetingCase.Document::hasFile).orElseThrow(() -> new NotFoundException("Handlingen", documentId));
        byte[] content = repository.content(d.id()).orElseThrow(() -> new NotFoundException("Handlingen", documentId));
        return new File(d.fileName(), d.contentType(), content);
    }

    /** Removes a document and its file; refused (409) once the case is decided or while a meeting lists it as a meddelande. */
    @Transactional
    void remove(long caseId, long documentId) {
        MeetingCase c = cases.get(caseId);
        access.require(Access.Action.MANAGE_MEETINGS, c.bodyUnitId());
        MeetingCase.Document d = cases.documents(c).stream().filter(x -> x.id() == documentId).findFirst()
                .orElseThrow(() -> new NotFoundException("Handlingen", documentId));
        if (c.status() == MeetingCase.Status.BESLUTAT) {
            throw new ConflictException(AUDIT_TYPE, documentId, "meetings.document.removeDecided");
        }
        if (repository.listedAsMessage(documentId)) {
            throw new ConflictException(AUDIT_TYPE, documentId, "meetings.document.removeMessage");
        }
        repository.removeDocument(documentId);
        audit.record(c.municipalityId(), AUDIT_TYPE, documentId, AuditLog.Action.BORTTAGEN, "Handling " + d.dnr() + " borttagen: "
                + d.title(), d, null);
    }
}
