package se.styr.kolada;

import se.styr.platform.Messages;

/**
 * Kolada could not be read, or what it answered could not be understood. It carries a key of messages-kolada.properties
 * and its arguments; {@link #in(Messages)} gives the same exception with the Swedish text for the user as its message.
 */
public class KoladaException extends RuntimeException {

    private final String key;
    private final transient Object[] args;

    KoladaException(String key, Object... args) {
        super(key);
        this.key = key;
        this.args = args;
    }

    KoladaException(Throwable cause, String key, Object... args) {
        super(key, cause);
        this.key = key;
        this.args = args;
    }

    private KoladaException(String text, KoladaException original) {
        super(text, original.getCause());
        this.key = original.key;
        this.args = original.args;
    }

    /** The message key in messages-kolada.properties. */
    public String key() {
        return key;
    }

    /** The same failure, its message the Swedish text. */
    KoladaException in(Messages messages) {
        return new KoladaException(messages.text(key, args), this);
    }
}
