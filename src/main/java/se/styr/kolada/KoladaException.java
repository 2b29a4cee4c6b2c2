package se.styr.kolada;

/** Kolada could not be read, or what it answered could not be understood; the message is Swedish, for the user. */
public class KoladaException extends RuntimeException {

    public KoladaException(String message) {
        super(message);
    }

    public KoladaException(String message, Throwable cause) {
        super(message, cause);
    }
}
