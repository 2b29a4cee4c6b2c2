package se.styr.platform.excel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.multipart.MultipartFile;
import se.styr.platform.InputRules;

/** Workbooks over HTTP: a download with its file name, and an upload's bytes and name. */
public final class ExcelHttp {

    public static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private ExcelHttp() {
    }

    /** The workbook as a download named {@code name} (which ends in .xlsx). */
    public static ResponseEntity<byte[]> download(String name, byte[] bytes) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString())
                .contentType(XLSX)
                .body(bytes);
    }

    public static byte[] bytes(MultipartFile file) {
        try {
            return file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The uploaded file's own name, without a path, for the page and the audit log. */
    public static String fileName(MultipartFile file) {
        String name = file.getOriginalFilename() == null ? "" : InputRules.withoutForbidden(file.getOriginalFilename());
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1).strip();
        if (name.isEmpty()) {
            name = "fil.xlsx";
        }
        return name.length() > 200 ? name.substring(0, 200) : name;
    }
}
