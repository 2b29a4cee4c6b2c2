package se.styr.goals;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * An extension point of the assessment: another module judges some key figures and indicators by a rule of its own
 * (the Kolada module by the rules of the guidelines, "Anvisningar bedömning") instead of Styr's rule
 * ({@link Assessment}), so the goal chain's headline signal, the goal state derived from it, the object page's years
 * and a follow-up round's signal follow the rule chosen for the figure, without the goal chain knowing the module.
 *
 * <p>It is asked <b>once per page or report</b> with every case the page judges, and must answer in a fixed number of
 * queries whatever their number. A case it has no rule for is left out of the answer: Styr's signal stands.
 */
public interface SignalRules {

    /**
     * One outcome to judge: the key figure (its id, direction, municipality and Kolada id), the year of the outcome,
     * the outcome and the target it is held against (either may be missing).
     */
    record Case(GoalObject measure, int year, BigDecimal outcome, BigDecimal target) {

        /** The case behind Styr's evaluation of a measure; null when there is no outcome to judge. */
        public static Case of(GoalObject measure, Assessment.Evaluation styr) {
            return styr == null || styr.outcome() == null || styr.outcomeYear() == null ? null
                    : new Case(measure, styr.outcomeYear(), styr.outcome(), styr.target());
        }
    }

    /** The signal by the module's rule, with the rule's Swedish name and a sentence that explains how it was judged. */
    record Judged(Signal signal, String rule, String explanation) {
    }

    /** The signals of the cases the module has a rule for; the others are left out. One call for the whole page. */
    Map<Case, Judged> judge(Collection<Case> cases);

    /** Asks every module's rules once for all the cases (none when there are no cases); the first answer wins. */
    static Map<Case, Judged> judgeAll(Collection<? extends SignalRules> rules, Collection<Case> cases) {
        LinkedHashSet<Case> asked = new LinkedHashSet<>();
        cases.stream().filter(java.util.Objects::nonNull).forEach(asked::add);
        if (asked.isEmpty() || rules.isEmpty()) {
            return Map.of();
        }
        Map<Case, Judged> result = new HashMap<>();
        List<Case> all = List.copyOf(asked);
        for (SignalRules r : rules) {
            r.judge(all).forEach(result::putIfAbsent);
        }
        return result;
    }

    /** Styr's evaluation, or the module's signal for it when the figure is judged by another rule. */
    static Assessment.Evaluation apply(GoalObject measure, Assessment.Evaluation styr, Map<Case, Judged> judged) {
        Case c = Case.of(measure, styr);
        Judged j = c == null ? null : judged.get(c);
        return j == null ? styr : styr.judgedBy(j);
    }
}
