package se.styr.notices;

/** Where a notice's e-mail stands. */
public enum MailState {
    /** No mail: the person has no address, or no SMTP server is configured. The start page still shows it. */
    INGEN,
    /** To be sent as soon as possible. */
    VANTAR,
    /** Waits for the person's daily digest. */
    SAMLAS,
    SKICKAD,
    /** Every attempt failed; an administrator can try again. */
    MISSLYCKAD
}
