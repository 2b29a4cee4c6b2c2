package se.styr.organisation;

public record OrgUnit(long id, long municipalityId, Long parentId, OrgUnitType type, String name, String code,
                      int position, boolean active) {

    /** "Vård- och omsorgsnämnden (VON)" */
    public String label() {
        return code == null || code.isBlank() || code.chars().allMatch(Character::isDigit) ? name : name + " (" + code + ")";
    }
}
