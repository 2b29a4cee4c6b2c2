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

    /**
     * One of the party's priority goals with an indicator and its figures as the party writes them, e.g. outcome 2023
     * "80 504" and target 2028 "50 000". A goal without indicators is kept as a row with nothing but the goal.
     */
    record Indicator(String goal, String indicator, String koladaId, Integer outcomeYear, String outcome, Integer targetYear,
                     String target) {

        /** Whether this row only keeps a goal that has no indicators. */
        boolean goalOnly() {
            return indicator == null && koladaId == null && outcomeYear == null && outcome == null && targetYear == null
                    && target == null;
        }

        /** "2024: 12,2%", or the part that is given. */
        public String outcomeText() {
            return figure(outcomeYear, outcome);
        }

        public String targetText() {
            return figure(targetYear, target);
        }

        private static String figure(Integer year, String value) {
            if (year == null) {
                return value == null ? "" : value;
            }
            return value == null ? String.valueOf(year) : year + ": " + value;
        }
    }

    public boolean published() {
        return state == ProposalState.PUBLICERAD;
    }

    /** This proposal as another version (id), e.g. the one being edited. */
    Proposal withId(long versionId) {
        return new Proposal(versionId, proposalId, municipalityId, budgetId, partyUnitId, partyName, versionNo, state, title, summary,
                taxChangeOre, taxBase, resultTarget, pkvShare, volumeShare, changes, indicators, publishedAt, publishedBy, version);
    }

    Proposal withPartyName(String name) {
        return new Proposal(id, proposalId, municipalityId, budgetId, partyUnitId, name, versionNo, state, title, summary,
                taxChangeOre, taxBase, resultTarget, pkvShare, volumeShare, changes, indicators, publishedAt, publishedBy, version);
    }

    Proposal withParts(Map<Integer, Long> taxBase, List<FrameChange> changes, List<Indicator> indicators) {
        return new Proposal(id, proposalId, municipalityId, budgetId, partyUnitId, partyName, versionNo, state, title, summary,
                taxChangeOre, taxBase, resultTarget, pkvShare, volumeShare, changes, indicators, publishedAt, publishedBy, version);
    }

    /** The contents typed for this version: its identity and version stay, the rest is {@code typed}'s. */
    Proposal withContentsOf(Proposal typed) {
        return new Proposal(id, proposalId, municipalityId, budgetId, partyUnitId, partyName, versionNo, state, typed.title(),
                typed.summary(), typed.taxChangeOre(), typed.taxBase(), typed.resultTarget(), typed.pkvShare(), typed.volumeShare(),
                typed.changes(), typed.indicators(), null, null, version);
    }

    /** This version as its public snapshot shows it: published at {@code at}, without who published it. */
    Proposal asPublished(LocalDateTime at, int newVersion) {
        return new Proposal(id, proposalId, municipalityId, budgetId, partyUnitId, partyName, versionNo, ProposalState.PUBLICERAD, title,
                summary, taxChangeOre, taxBase, resultTarget, pkvShare, volumeShare, changes, indicators, at, null, newVersion);
    }

    /** The indicators grouped by their goal, in order; a goal without indicators has an empty list. */
    public Map<String, List<Indicator>> goals() {
        Map<String, List<Indicator>> goals = new java.util.LinkedHashMap<>();
        for (Indicator i : indicators) {
            List<Indicator> list = goals.computeIfAbsent(i.goal(), g -> new java.util.ArrayList<>());
            if (!i.goalOnly()) {
                list.add(i);
            }
        }
        return goals;
    }
}
