package se.styr.kolada;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Which of Kolada's values may become a key figure's outcomes. A year without an outcome takes Kolada's; an outcome
 * that came from Kolada and was not changed since follows Kolada's revisions; an outcome typed by hand is kept and
 * Kolada's differing value is recorded beside it (shown, never silently written over it).
 */
final class OutcomeSync {

    private OutcomeSync() {
    }

    record Decision(Map<Integer, BigDecimal> write, List<KoladaStore.Mark> marks) {
    }

    static Decision decide(long objectId, Map<Integer, BigDecimal> outcomes, Map<Integer, KoladaStore.Mark> marks,
                           Map<Integer, BigDecimal> kolada, LocalDateTime now) {
        Map<Integer, BigDecimal> write = new TreeMap<>();
        List<KoladaStore.Mark> newMarks = new ArrayList<>();
        kolada.forEach((year, value) -> {
            if (value == null) {
                return;
            }
            BigDecimal current = outcomes.get(year);
            KoladaStore.Mark mark = marks.get(year);
            boolean ours = mark != null && mark.applied() && same(current, mark.koladaValue());
            if (current == null || ours) {
                if (!same(current, value)) {
                    write.put(year, value);
                }
                newMarks.add(new KoladaStore.Mark(objectId, year, value, true, now));
            } else {
                newMarks.add(new KoladaStore.Mark(objectId, year, value, false, now));
            }
        });
        return new Decision(write, newMarks);
    }

    static boolean same(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }
}
