package se.styr.meetings;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.multipdf.PDFMergerUtility;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;
import se.styr.platform.Messages;
import se.styr.platform.Pdf;

/**
 * The kallelse as one PDF: the meeting, the agenda, the delegated decisions of the period and each case's
 * tjänsteskrivelse with its documents listed, followed by the uploaded PDF documents of the cases on the agenda in
 * agenda order (appended with PDFBox). A stored PDF that PDFBox cannot read is listed but left out, never a failure.
 */
@Component
class Kallelse {

    private static final Logger LOG = LoggerFactory.getLogger(Kallelse.class);

    private final MeetingService meetings;
    private final CaseService cases;
    private final CaseRepository caseRepository;
    private final DelegationService delegation;
    private final Messages messages;
    private final ITemplateEngine templates;
    private final Pdf pdf;

    Kallelse(MeetingService meetings, CaseService cases, CaseRepository caseRepository, DelegationService delegation,
             Messages messages, ITemplateEngine templates, Pdf pdf) {
        this.meetings = meetings;
        this.cases = cases;
        this.caseRepository = caseRepository;
        this.delegation = delegation;
        this.messages = messages;
        this.templates = templates;
        this.pdf = pdf;
    }

    String title(Meeting m) {
        return messages.text("meetings.kallelse.title", m.bodyName(), m.meetsOn().toString());
    }

    String fileName(Meeting m) {
        return ("kallelse-" + m.bodyCode() + "-" + m.meetsOn()).replaceAll("[^\\p{L}\\p{N}]+", "-") + ".pdf";
    }

    byte[] pdf(Meeting m) {
        var agenda = meetings.agenda(m.id());
        List<MeetingCase> onAgenda = agenda.stream().filter(i -> i.item().caseId() != null)
                .map(i -> cases.get(i.item().caseId())).toList();
        Map<Long, List<MeetingCase.Document>> attachments = new LinkedHashMap<>();
        onAgenda.forEach(c -> attachments.put(c.id(), cases.documents(c)));
        Map<Long, List<byte[]>> pdfs = caseRepository.pdfsOfCases(attachments.keySet());
        String title = title(m);
        Context context = new Context(Messages.SWEDISH);
        context.setVariable("title", title);
        context.setVariable("m", m);
        context.setVariable("agenda", agenda);
        context.setVariable("messages", meetings.messages(m.id()));
        context.setVariable("cases", onAgenda);
        context.setVariable("attachments", attachments);
        context.setVariable("appended", !pdfs.isEmpty());
        context.setVariable("delegated", agenda.stream()
                .filter(i -> i.item().kind() == AgendaItem.Kind.DELEGATIONSBESLUT)
                .map(i -> delegation.reported(m.bodyUnitId(), i.item().periodFrom(), i.item().periodTo())).toList());
        byte[] notice = pdf.fromHtml(templates.process("meetings/kallelse-pdf", context), title);
        if (pdfs.isEmpty()) {
            return notice;
        }
        List<byte[]> parts = new java.util.ArrayList<>();
        onAgenda.forEach(c -> parts.addAll(pdfs.getOrDefault(c.id(), List.of())));
        return append(notice, parts);
    }

    /** The first PDF with the pages of the others after it; a part that cannot be read is skipped. */
    static byte[] append(byte[] first, List<byte[]> parts) {
        try (PDDocument result = Loader.loadPDF(first)) {
            PDFMergerUtility merger = new PDFMergerUtility();
            for (byte[] part : parts) {
                try (PDDocument doc = Loader.loadPDF(new RandomAccessReadBuffer(part))) {
                    merger.appendDocument(result, doc);
                } catch (IOException e) {
                    LOG.warn("An uploaded PDF could not be appended to the kallelse and is left out: {}", e.getMessage());
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            result.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new se.styr.platform.PdfException("The kallelse could not be put together: " + e.getMessage());
        }
    }
}
