package se.styr.economy;

import java.util.Arrays;
import java.util.List;

/**
 * The lines of the municipality's result, balance and cash-flow budgets, in the seeds' order. Derived lines are
 * always computed from the typed ones (and from the operating and investment budgets), never typed.
 */
public enum StatementLine {
    NETTOKOSTNADER_EXKL_AVSKRIVNINGAR(Statement.RESULTAT, true),
    AVSKRIVNINGAR(Statement.RESULTAT, false),
    VERKSAMHETENS_NETTOKOSTNADER(Statement.RESULTAT, true),
    SKATTEINTAKTER(Statement.RESULTAT, false),
    GENERELLA_STATSBIDRAG(Statement.RESULTAT, false),
    VERKSAMHETENS_RESULTAT(Statement.RESULTAT, true),
    FINANSIELLA_INTAKTER(Statement.RESULTAT, false),
    FINANSIELLA_KOSTNADER(Statement.RESULTAT, false),
    RESULTAT_EFTER_FINANSIELLA_POSTER(Statement.RESULTAT, true),
    ARETS_RESULTAT(Statement.RESULTAT, true),

    ANLAGGNINGSTILLGANGAR(Statement.BALANS, false),
    OMSATTNINGSTILLGANGAR(Statement.BALANS, false),
    SUMMA_TILLGANGAR(Statement.BALANS, true),
    /** Typed for the first year; later years are the year before plus the year's result. */
    EGET_KAPITAL(Statement.BALANS, false),
    AVSATTNINGAR(Statement.BALANS, false),
    LANGFRISTIGA_SKULDER(Statement.BALANS, false),
    KORTFRISTIGA_SKULDER(Statement.BALANS, false),
    SUMMA_EGET_KAPITAL_OCH_SKULDER(Statement.BALANS, true),

    LOPANDE_VERKSAMHET(Statement.KASSAFLODE, false),
    /** Minus the year's investments in the investment budget. */
    INVESTERINGSVERKSAMHET(Statement.KASSAFLODE, true),
    FINANSIERINGSVERKSAMHET(Statement.KASSAFLODE, false),
    ARETS_KASSAFLODE(Statement.KASSAFLODE, true);

    public enum Statement { RESULTAT, BALANS, KASSAFLODE }

    private final Statement statement;
    private final boolean derived;

    StatementLine(Statement statement, boolean derived) {
        this.statement = statement;
        this.derived = derived;
    }

    public Statement statement() {
        return statement;
    }

    public boolean derived() {
        return derived;
    }

    /** Whether a cost line: typed with a minus sign. */
    public boolean cost() {
        return this == AVSKRIVNINGAR || this == FINANSIELLA_KOSTNADER;
    }

    public static List<StatementLine> of(Statement statement) {
        return Arrays.stream(values()).filter(l -> l.statement == statement).toList();
    }
}
