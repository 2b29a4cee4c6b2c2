package se.styr.organisation;

public record PlanPeriod(long id, long municipalityId, String name, int firstYear, int lastYear) {

    public boolean contains(int year) {
        return year >= firstYear && year <= lastYear;
    }
}
