package se.styr.platform.excel;

import java.util.List;

/**
 * What an import's work ended with: the rows it read and wrote, or its problems (and then nothing was written).
 * {@link #preview()} is non-null when the work only checked the file and says what a confirmation would change.
 */
public interface ImportOutcome {

    int rows();

    List<ImportProblem> problems();

    default boolean ok() {
        return problems().isEmpty();
    }

    /** What a confirmation would do (stored as JSON with the job), or null when the work wrote. */
    default Object preview() {
        return null;
    }
}
