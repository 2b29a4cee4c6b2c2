package se.styr.proposals;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

/**
 * One version of a party's budget proposal: its changes to the base budget version and its own goals.
 *
 * @param taxChangeOre the tax rate change in whole öre (30: +0,30 percentage points)
 * @param taxBase      the tax base (skatteunderlag, kronor) per year the change applies to
 * @param resultTarget årets resultat in percent of taxes and general grants the party aims at (null: none stated)
 * @param pkvShare     the share of price and wage compensation in percent (100: full)
 * @param volumeShare  the share of volume compensation in percent (100: full)
 */
record Proposal(long id, long proposalId, long municipalityId, long budgetId, long partyUnitId, String partyName,
                int versionNo, ProposalState state, String title, String summary, int taxChangeOre,
                Map<Integer, Long> taxBase, BigDecimal resultTarget, BigDecimal pkvShare, BigDecimal volumeShare,
                List<FrameChange> changes, List<Indicator> indicators, LocalDateTime publishedAt, String publishedBy,
                int version) {

    /** Extra money to a committee (negative: less): permanent from its year on, or temporary in its year only. */
    record FrameChange(long orgUnitId, int year, long amount, boolean permanent, String motivation) {

        long in(int y) {
            return permanent ? (y >= year ? amount : 0) : (y == year ? amount : 0);
        }
    }

    /** One of the party's priority goals with an indicator, e.g. "Utfall 2023: 80 504", "Mål 2028: 50 000". */
    record Indicator(String goal, String indicator, String koladaId, String outcome, String target) {
    }

    public boolean published() {
        return state == ProposalState.PUBLICERAD;
    }

    /** The indicators grouped by their goal, in order. */
    public Map<String, List<Indicator>> goals() {
        Map<String, List<Indicator>> goals = new java.util.LinkedHashMap<>();
        indicators.forEach(i -> goals.computeIfAbsent(i.goal(), g -> new java.util.ArrayList<>()).add(i));
        return goals;
    }
}
