package se.styr.economy;

import java.util.Arrays;
import java.util.List;

/** The rows of a committee's budget and follow-up ("Belopp i tkr"), in the seeds' fixed order. */
public enum AccountGroup {
    VERKSAMHETENS_INTAKTER(false),
    PERSONALKOSTNADER(false),
    LOKALHYROR(false),
    KOP_AV_TJANSTER(false),
    OVRIGA_KOSTNADER(false),
    /** The four cost rows. */
    VERKSAMHETENS_KOSTNADER(true),
    /** Revenue plus costs. */
    VERKSAMHETENS_NETTOKOSTNADER(true),
    /** The frame the municipality gives; in a detail budget taken from the operating budget. */
    KOMMUNBIDRAG(false),
    FINANSNETTO(false),
    /** Net costs plus grant plus financial net: 0 when the committee is in balance. */
    ARETS_RESULTAT(true);

    private final boolean derived;

    AccountGroup(boolean derived) {
        this.derived = derived;
    }

    public boolean derived() {
        return derived;
    }

    public boolean cost() {
        return this == PERSONALKOSTNADER || this == LOKALHYROR || this == KOP_AV_TJANSTER || this == OVRIGA_KOSTNADER;
    }

    public static List<AccountGroup> costs() {
        return Arrays.stream(values()).filter(AccountGroup::cost).toList();
    }

    /** The rows a person types: revenue, the four costs, the grant and the financial net. */
    public static List<AccountGroup> typed() {
        return Arrays.stream(values()).filter(g -> !g.derived()).toList();
    }

    /**
     * Completes the derived rows of one column from the typed ones. Missing typed rows count as 0; the grant may be
     * absent (null) and then the result is too.
     */
    public static java.util.Map<AccountGroup, Long> complete(java.util.Map<AccountGroup, Long> typed) {
        java.util.EnumMap<AccountGroup, Long> all = new java.util.EnumMap<>(AccountGroup.class);
        typed.forEach((g, v) -> {
            if (!g.derived() && v != null) {
                all.put(g, v);
            }
        });
        long costs = costs().stream().mapToLong(g -> all.getOrDefault(g, 0L)).sum();
        long net = all.getOrDefault(VERKSAMHETENS_INTAKTER, 0L) + costs;
        all.put(VERKSAMHETENS_KOSTNADER, costs);
        all.put(VERKSAMHETENS_NETTOKOSTNADER, net);
        Long grant = all.get(KOMMUNBIDRAG);
        if (grant != null) {
            all.put(ARETS_RESULTAT, net + grant + all.getOrDefault(FINANSNETTO, 0L));
        }
        return all;
    }

    /**
     * As {@link #complete}, for a column that may have no detail budget: when neither revenue nor a cost is typed
     * (a committee without a detail budget) only the grant and the financial net are kept, since its net cost and
     * result are not known; completing would show a result equal to the grant.
     */
    public static java.util.Map<AccountGroup, Long> completeIfDetailed(java.util.Map<AccountGroup, Long> typed) {
        boolean detailed = typed.entrySet().stream()
                .anyMatch(e -> e.getValue() != null && (e.getKey() == VERKSAMHETENS_INTAKTER || e.getKey().cost()));
        if (detailed) {
            return complete(typed);
        }
        java.util.EnumMap<AccountGroup, Long> known = new java.util.EnumMap<>(AccountGroup.class);
        for (AccountGroup g : java.util.List.of(KOMMUNBIDRAG, FINANSNETTO)) {
            if (typed.get(g) != null) {
                known.put(g, typed.get(g));
            }
        }
        return known;
    }
}
