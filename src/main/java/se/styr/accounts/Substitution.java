package se.styr.accounts;

import java.time.LocalDate;

/** Someone away ({@code username}) and the substitute who reports and approves in their place, both days included. */
public record Substitution(long id, String username, String displayName, String substituteUsername,
                           String substituteName, LocalDate fromOn, LocalDate toOn) {

    public boolean covers(LocalDate day) {
        return !day.isBefore(fromOn) && !day.isAfter(toOn);
    }
}
