package se.styr.transfer;

import jakarta.servlet.http.HttpServletResponse;
import se.styr.platform.excel.ExcelHttp;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import se.styr.platform.Messages;
import se.styr.platform.NotFoundException;

/**
 * The page Import och export: per workbook its template, its export and an upload; the page of an import, which htmx
 * polls every half second while the file is checked or written, shows the preview and the button that confirms it.
 */
@Controller
class TransferController {


    private final Transfer transfer;
    private final Messages messages;

    TransferController(Transfer transfer, Messages messages) {
        this.transfer = transfer;
        this.messages = messages;
    }

    @GetMapping("/import-export")
    String page(Model model) {
        return page(model, Map.of());
    }

    private String page(Model model, Map<String, List<String>> errors) {
        model.addAttribute("kinds", TransferKind.values());
        model.addAttribute("may", java.util.Arrays.stream(TransferKind.values())
                .collect(java.util.stream.Collectors.toMap(Enum::name, transfer::may)));
        model.addAttribute("errors", errors);
        return "transfer/page";
    }

    @PostMapping("/import-export/{slug}")
    String upload(@PathVariable String slug, @RequestParam(required = false) MultipartFile file, Model model,
                  HttpServletResponse response) {
        TransferKind kind = TransferKind.ofSlug(slug);
        transfer.require(kind);
        if (file == null || file.isEmpty()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return page(model, Map.of(slug + "-fil", List.of(messages.text("import.error.noFile"))));
        }
        return "redirect:/import-export/jobb/" + transfer.startCheck(kind, ExcelHttp.fileName(file), ExcelHttp.bytes(file));
    }

    @GetMapping("/import-export/jobb/{id}")
    String job(@PathVariable String id, Model model, HttpServletResponse response,
               @RequestHeader(name = "HX-Request", required = false) String htmx,
               @RequestHeader(name = "HX-Boosted", required = false) String boosted) {
        model.addAttribute("t", transfer.job(id).orElseThrow(() -> new NotFoundException("Importen", id)));
        if (htmx != null && boosted == null) {
            return "transfer/job :: state";
        }
        if (htmx != null) {
            response.setHeader("HX-Push-Url", "/import-export/jobb/" + id);
        }
        return "transfer/job";
    }

    @PostMapping("/import-export/jobb/{id}/bekrafta")
    String confirm(@PathVariable String id, Model model, HttpServletResponse response) {
        Transfer.Job job = transfer.job(id).orElseThrow(() -> new NotFoundException("Importen", id));
        if (!transfer.confirm(id)) {
            response.setStatus(HttpStatus.CONFLICT.value());
            model.addAttribute("t", job);
            model.addAttribute("notConfirmable", true);
            return "transfer/job";
        }
        return "redirect:/import-export/jobb/" + id;
    }

    @GetMapping("/import-export/{slug}/mall.xlsx")
    ResponseEntity<byte[]> template(@PathVariable String slug) {
        TransferKind kind = TransferKind.ofSlug(slug);
        return ExcelHttp.download("Mall " + kind.slug + ".xlsx", transfer.template(kind));
    }

    @GetMapping("/import-export/{slug}/export.xlsx")
    ResponseEntity<byte[]> export(@PathVariable String slug) {
        TransferKind kind = TransferKind.ofSlug(slug);
        return ExcelHttp.download(kind.slug + " " + java.time.LocalDate.now() + ".xlsx", transfer.export(kind));
    }



}
