package se.styr.transfer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.support.TransactionTemplate;
import se.styr.platform.ConflictException;
import se.styr.platform.Messages;
import se.styr.platform.NotFoundException;
import se.styr.platform.ValidationException;
import se.styr.platform.excel.SheetCheck;

/**
 * One run of an import over a file: its problems with their places, and what each row did. Every row that writes is
 * written by the owning module's service inside a savepoint of the import's one transaction, so a row the service
 * refuses (its rules, rights, a stale version) becomes a problem at that row's cells while the other rows are still
 * checked; a run with problems, or a preview, rolls the whole transaction back.
 */
final class ImportRun extends SheetCheck {

    private static final Logger log = LoggerFactory.getLogger(ImportRun.class);

    enum Change { CREATED, UPDATED, UNCHANGED }

    private final TransactionTemplate savepoint;
    private final Map<String, int[]> counts = new LinkedHashMap<>();
    private final List<String> changes = new ArrayList<>();
    private int changeCount;

    ImportRun(Messages messages, TransactionTemplate savepoint, List<String> sheets) {
        super(messages);
        this.savepoint = savepoint;
        sheets.forEach(s -> counts.put(s, new int[3]));
    }

    /** Counts rows of a sheet by what they do. */
    void count(String sheet, Change change, int rows) {
        counts.get(sheet)[change.ordinal()] += rows;
    }

    /**
     * Writes one row in a savepoint; true when it was written. A refusal becomes problems at the row: a rule's problem
     * at the column of its field ({@code columns}: property → 0-based column), anything else at {@code column}.
     */
    boolean write(String sheet, int row, int column, Map<String, Integer> columns, String description, Runnable work) {
        try {
            savepoint.executeWithoutResult(status -> work.run());
        } catch (ValidationException e) {
            for (ValidationException.Problem p : e.problems()) {
                cell(sheet, row, columns.getOrDefault(p.field(), column), p.messageKey(), p.args());
            }
            return false;
        } catch (AccessDeniedException e) {
            cell(sheet, row, column, "transfer.error.rights", e.getMessage());
            return false;
        } catch (ConflictException e) {
            cell(sheet, row, column, "transfer.error.conflict");
            return false;
        } catch (NotFoundException e) {
            cell(sheet, row, column, "transfer.error.notFound", e.getMessage());
            return false;
        } catch (RuntimeException e) {
            log.warn("Rad {} på bladet {} kunde inte sparas", row, sheet, e);
            cell(sheet, row, column, "transfer.error.row");
            return false;
        }
        if (++changeCount <= Preview.SHOWN) {
            changes.add(messages.text("transfer.change", sheet, String.valueOf(row), description));
        }
        return true;
    }

    int rows() {
        return counts.values().stream().mapToInt(c -> c[0] + c[1] + c[2]).sum();
    }

    Preview preview() {
        List<Preview.SheetChanges> sheets = new ArrayList<>();
        counts.forEach((sheet, c) -> sheets.add(new Preview.SheetChanges(sheet, c[0], c[1], c[2])));
        return new Preview(sheets, List.copyOf(changes), changeCount);
    }
}
