package se.styr.meetings;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import se.styr.platform.Problems;

/**
 * Which uploaded files a case may hold: PDF, Word, Excel and images, known by their extension, the content type the
 * browser declared and their first bytes (the magic number), all three of which must agree. The size limit is the
 * platform's upload limit ({@code spring.servlet.multipart.max-file-size}); an empty file is refused here.
 */
enum DocumentFile {
    PDF("application/pdf", List.of("pdf"), List.of("application/pdf"), bytes(0x25, 0x50, 0x44, 0x46, 0x2D)),
    DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", List.of("docx"),
            List.of("application/vnd.openxmlformats-officedocument.wordprocessingml.document"), bytes(0x50, 0x4B, 0x03, 0x04)),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", List.of("xlsx"),
            List.of("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"), bytes(0x50, 0x4B, 0x03, 0x04)),
    DOC("application/msword", List.of("doc"), List.of("application/msword"), bytes(0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1)),
    XLS("application/vnd.ms-excel", List.of("xls"), List.of("application/vnd.ms-excel"),
            bytes(0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1)),
    PNG("image/png", List.of("png"), List.of("image/png"), bytes(0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A)),
    JPEG("image/jpeg", List.of("jpg", "jpeg"), List.of("image/jpeg", "image/pjpeg"), bytes(0xFF, 0xD8, 0xFF));

    /** What browsers declare when they do not know a type; the extension and the bytes decide then. */
    private static final List<String> UNKNOWN = List.of("application/octet-stream", "");

    final String contentType;
    private final List<String> extensions;
    private final List<String> declared;
    private final byte[] magic;

    DocumentFile(String contentType, List<String> extensions, List<String> declared, byte[] magic) {
        this.contentType = contentType;
        this.extensions = extensions;
        this.declared = declared;
        this.magic = magic;
    }

    /** The kind of an uploaded file, or null with a Swedish problem on {@code file} when it is refused. */
    static DocumentFile check(String fileName, String declaredType, byte[] content, Problems problems) {
        if (content == null || content.length == 0) {
            problems.add("file", "meetings.file.empty");
            return null;
        }
        String name = fileName == null ? "" : fileName.strip();
        int dot = name.lastIndexOf('.');
        String extension = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        DocumentFile kind = Arrays.stream(values()).filter(k -> k.extensions.contains(extension)).findFirst().orElse(null);
        if (kind == null) {
            problems.add("file", "meetings.file.type", name);
            return null;
        }
        String type = declaredType == null ? "" : declaredType.split(";")[0].strip().toLowerCase(Locale.ROOT);
        if (!kind.declared.contains(type) && !UNKNOWN.contains(type)) {
            problems.add("file", "meetings.file.declared", name, type);
            return null;
        }
        if (!kind.startsAs(content)) {
            problems.add("file", "meetings.file.content", name);
            return null;
        }
        return kind;
    }

    private boolean startsAs(byte[] content) {
        return content.length >= magic.length && Arrays.equals(Arrays.copyOf(content, magic.length), magic);
    }

    /** A file name safe to send back in Content-Disposition: no path, no control characters, at most 120 characters. */
    static String safeName(String fileName, String fallback) {
        String name = fileName == null ? "" : fileName.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}\"<>:|?*]+", "_").strip();
        if (name.isEmpty() || name.startsWith(".")) {
            name = fallback + name;
        }
        return name.length() <= 120 ? name : name.substring(name.length() - 120);
    }

    private static byte[] bytes(int... values) {
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            b[i] = (byte) values[i];
        }
        return b;
    }
}
