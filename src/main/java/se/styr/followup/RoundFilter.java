package se.styr.followup;

import java.util.Set;

/**
 * Which of a municipality's rounds a list shows; a filter that is null does not filter. {@code bodies} limits the
 * list to rounds of these bodies (a person's scope, read beforehand), null to every body.
 */
record RoundFilter(Long body, RoundType type, Long period, Integer year, RoundState state, Set<Long> bodies) {

    static RoundFilter of(Long body, RoundType type, Long period, Integer year) {
        return new RoundFilter(body, type, period, year, null, null);
    }

    /** The open rounds of these bodies (null: of every body). */
    static RoundFilter open(Set<Long> bodies) {
        return new RoundFilter(null, null, null, null, RoundState.OPPEN, bodies);
    }
}
