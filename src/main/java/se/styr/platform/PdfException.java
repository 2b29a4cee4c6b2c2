package se.styr.platform;

/** A report could not be rendered to PDF. Never swallowed into an empty PDF. */
public class PdfException extends RuntimeException {

    public PdfException(String message) {
        super(message);
    }

    public PdfException(String message, Throwable cause) {
        super(message, cause);
    }
}
