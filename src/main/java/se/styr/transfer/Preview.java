package se.styr.transfer;

import java.util.List;

/**
 * What an import would do, shown before the user confirms it: per sheet the rows that create something, change
 * something or change nothing, and the changes in words (the first {@link #SHOWN}).
 */
public record Preview(List<SheetChanges> sheets, List<String> changes, int changeCount) {

    static final int SHOWN = 300;

    /** One sheet's rows: new, changed and unchanged. */
    public record SheetChanges(String sheet, int created, int updated, int unchanged) {
    }

    public boolean changesNothing() {
        return sheets.stream().allMatch(s -> s.created() == 0 && s.updated() == 0);
    }

    public int created() {
        return sheets.stream().mapToInt(SheetChanges::created).sum();
    }

    public int updated() {
        return sheets.stream().mapToInt(SheetChanges::updated).sum();
    }

    public int unchanged() {
        return sheets.stream().mapToInt(SheetChanges::unchanged).sum();
    }
}
