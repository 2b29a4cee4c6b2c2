package se.styr.economy.goals;

/** The financial goals Styr can evaluate from the statements (DOMAIN §7.5, seed 004's KF goals). */
public enum FinancialGoalKind {
    /** Årets resultat in percent of taxes and general grants, at least the threshold (Alingsås: 4 %). */
    RESULTAT_ANDEL(true),
    /** Result plus depreciation in percent of the tax-financed investments, at least the threshold (100 %). */
    SJALVFINANSIERINGSGRAD(true),
    /** Net costs (including the financial net) grow no faster than taxes and general grants. */
    NETTOKOSTNADSUTVECKLING(false),
    /** The municipality's own equity in percent of its total assets does not fall. */
    SOLIDITET(false),
    /**
     * The municipal group's (kommunkoncernen: the municipality and its companies) equity in percent of its total assets
     * does not fall. The budget holds only the municipality's balance, so the group's equity and assets are entered.
     */
    SOLIDITET_KONCERN(false),
    /** Long-term liabilities at most the threshold (kronor): the budget's measure of the external debt ceiling. */
    LANGFRISTIGA_SKULDER(true);

    private final boolean needsThreshold;

    FinancialGoalKind(boolean needsThreshold) {
        this.needsThreshold = needsThreshold;
    }

    public boolean needsThreshold() {
        return needsThreshold;
    }
}
