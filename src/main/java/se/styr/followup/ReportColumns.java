package se.styr.followup;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import se.styr.goals.GoalObject;

/**
 * An extension point of the compiled report: another module adds a column beside the outcomes of the key figures it
 * knows (Kolada's Riket, say), without the follow-up knowing that module. One implementation answers in a fixed
 * number of queries; a figure it does not know gets no cell.
 */
public interface ReportColumns {

    /** The column for these figures and the report's latest outcome year, if the module has anything for them. */
    Optional<Column> column(Collection<GoalObject> figures, int year);

    /**
     * Several columns at once, for a module whose columns depend on the data (Kolada: Riket, the county and each
     * comparison group). By default the one of {@link #column}.
     */
    default java.util.List<Column> columns(Collection<GoalObject> figures, int year) {
        return column(figures, year).stream().toList();
    }

    /**
     * Everything the module adds to the report at once — its columns and a graphic per figure to print below the
     * figures table (accessible inline SVG as HTML, the same on the page and in the PDF), by figure id — so that a
     * module can read both in the same statements. By default the {@link #columns} and no graphic; the follow-up asks
     * this one.
     */
    default Additions additions(Collection<GoalObject> figures, int year) {
        return new Additions(columns(figures, year), Map.of());
    }

    /** A module's columns and its graphics by figure id. */
    record Additions(java.util.List<Column> columns, Map<Long, String> charts) {
    }

    /** A column: its Swedish heading, the formatted cell per figure id, and the attribution to print below the table. */
    record Column(String heading, Map<Long, String> cells, String source) {
    }
}
