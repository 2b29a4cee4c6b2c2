package se.styr.followup.arshjul;

import java.util.List;
import se.styr.followup.RoundType;

/**
 * One round of the year's calendar: its type, its name without the year, the date it reports as of, the day its tasks
 * open and the deadlines of the units and of the departments.
 */
public record CalendarRound(RoundType type, String name, RelativeDate asOf, RelativeDate opens, RelativeDate unitDeadline,
                            RelativeDate departmentDeadline) {

    /** The round's name in a year: "Delårsbokslut 2023". */
    public String nameIn(int year) {
        return name.strip() + " " + year;
    }

    /**
     * The calendar a municipality starts from, after seed 004's "Anvisningar" for 2022: the interim report per 31
     * August opens 12 August, units report by 23 August and departments by 30 August; the annual report opens 12
     * January (the day the outcomes are loaded), units by 19 January, departments by 26 January. The monthly
     * follow-ups per March, May and October and the fördjupad per April are as the instructions name them; their
     * opening days and deadlines are not in the seeds and are a suggestion (the first working days of the next month,
     * before the administration's submission, 13 May for the fördjupad).
     */
    public static final List<CalendarRound> SUGGESTED = List.of(
            new CalendarRound(RoundType.MANADSUPPFOLJNING, "Månadsuppföljning per mars", of(0, 3, 31), of(0, 4, 1), of(0, 4, 7), of(0, 4, 12)),
            new CalendarRound(RoundType.FORDJUPAD_MANADSUPPFOLJNING, "Fördjupad månadsuppföljning", of(0, 4, 30), of(0, 5, 2), of(0, 5, 6), of(0, 5, 10)),
            new CalendarRound(RoundType.MANADSUPPFOLJNING, "Månadsuppföljning per maj", of(0, 5, 31), of(0, 6, 1), of(0, 6, 7), of(0, 6, 10)),
            new CalendarRound(RoundType.DELARSBOKSLUT, "Delårsbokslut", of(0, 8, 31), of(0, 8, 12), of(0, 8, 23), of(0, 8, 30)),
            new CalendarRound(RoundType.MANADSUPPFOLJNING, "Månadsuppföljning per oktober", of(0, 10, 31), of(0, 11, 1), of(0, 11, 7), of(0, 11, 10)),
            new CalendarRound(RoundType.ARSBOKSLUT, "Årsbokslut", of(0, 12, 31), of(1, 1, 12), of(1, 1, 19), of(1, 1, 26)));

    private static RelativeDate of(int offset, int month, int day) {
        return new RelativeDate(offset, month, day);
    }
}
