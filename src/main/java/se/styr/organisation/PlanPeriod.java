package se.styr.organisation;

/** A plan period; an illustrative one is made up for examples and never governs a year. */
public record PlanPeriod(long id, long municipalityId, String name, int firstYear, int lastYear, boolean illustrative) {

    public boolean contains(int year) {
        return year >= firstYear && year <= lastYear;
    }
}
