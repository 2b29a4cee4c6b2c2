package se.styr.transfer;

import java.util.List;
import se.styr.platform.excel.ImportOutcome;
import se.styr.platform.excel.ImportProblem;

/**
 * What checking or importing a file ended with: its problems (and then nothing was written), or what it would do
 * ({@code written} false: a preview) or did ({@code written} true).
 */
public record TransferResult(TransferKind kind, String fileName, boolean written, int rows, List<ImportProblem> problems,
                             Preview changes) implements ImportOutcome {

    @Override
    public Object preview() {
        return written || !ok() ? null : changes;
    }
}
