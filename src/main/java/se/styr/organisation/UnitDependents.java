package se.styr.organisation;

import java.util.Collection;
import java.util.List;

/**
 * What another module still keeps on units that are about to be retired (open follow-up tasks, active goal objects…).
 * Implemented by the modules that own such things, so that retiring a unit is refused while work hangs on it.
 */
public interface UnitDependents {

    /**
     * What still hangs on any of these units: one line per kind, with a message key of the Swedish bundle that takes
     * the number as its argument {0}. Empty when nothing does. One query, whatever the number of units.
     */
    List<Dependent> on(Collection<Long> unitIds);

    record Dependent(String messageKey, long count) {
    }
}
