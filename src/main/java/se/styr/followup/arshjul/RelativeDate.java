package se.styr.followup.arshjul;

import java.time.LocalDate;
import java.time.MonthDay;

/**
 * A date of the calendar relative to the round's year: a month and a day, in the year itself ({@code yearOffset} 0)
 * or the year after (1; the annual report opens in January). 29 February falls on the 28th in other years.
 */
public record RelativeDate(int yearOffset, int month, int day) implements Comparable<RelativeDate> {

    /** Whether the month and day make a date (29 February counts) and the offset is 0 or 1. */
    public boolean valid() {
        if (yearOffset < 0 || yearOffset > 1 || month < 1 || month > 12 || day < 1) {
            return false;
        }
        try {
            MonthDay.of(month, day);
            return true;
        } catch (java.time.DateTimeException e) {
            return false;
        }
    }

    public LocalDate in(int year) {
        return MonthDay.of(month, day).atYear(year + yearOffset);
    }

    @Override
    public int compareTo(RelativeDate o) {
        return Integer.compare(yearOffset * 10_000 + month * 100 + day, o.yearOffset * 10_000 + o.month * 100 + o.day);
    }

    /** "08-12" or "+1 01-19", as the form and the audit log show it. */
    @Override
    public String toString() {
        return (yearOffset == 0 ? "" : "+" + yearOffset + " ") + String.format("%02d-%02d", month, day);
    }
}
