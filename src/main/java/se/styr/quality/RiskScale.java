package se.styr.quality;

import java.util.List;

/**
 * The 4×4 scale of the risk analysis: probability (sannolikhet) and consequence (konsekvens) 1–4, the risk value
 * as their product, and the band of a value, which suggests how the risk is handled.
 */
public final class RiskScale {

    static final int MAX = 4;

    private RiskScale() {
    }

    /** Sannolikhet: 1 Osannolik, 2 Mindre sannolik, 3 Möjlig, 4 Sannolik. */
    public enum Probability {
        OSANNOLIK, MINDRE_SANNOLIK, MOJLIG, SANNOLIK;

        public int level() {
            return ordinal() + 1;
        }

        public static Probability of(int level) {
            return values()[level - 1];
        }
    }

    /** Konsekvens: 1 Försumbar, 2 Lindrig, 3 Kännbar, 4 Allvarlig. */
    public enum Consequence {
        FORSUMBAR, LINDRIG, KANNBAR, ALLVARLIG;

        public int level() {
            return ordinal() + 1;
        }

        public static Consequence of(int level) {
            return values()[level - 1];
        }
    }

    /** The bands of the municipality's guideline, with the handlings each suggests. */
    public enum Band {
        /** 1–4: no action judged necessary. */
        LAG(List.of(Handling.INGEN)),
        /** 6–12: a goal, an internal-control point or a critical factor (in practice also an assignment). */
        MEDEL(List.of(Handling.MAL, Handling.INTERNKONTROLLPUNKT, Handling.KRITISK_FAKTOR, Handling.UPPDRAG)),
        /** 16: must be dealt with at once, as an immediate action. */
        HOG(List.of(Handling.OMEDELBAR_ATGARD));

        private final List<Handling> handlings;

        Band(List<Handling> handlings) {
            this.handlings = handlings;
        }

        public List<Handling> handlings() {
            return handlings;
        }

        /** The handling the register proposes first for a risk in this band. */
        public Handling suggested() {
            return handlings.get(0);
        }

        public boolean allows(Handling handling) {
            return handlings.contains(handling);
        }
    }

    public static boolean valid(Integer level) {
        return level != null && level >= 1 && level <= MAX;
    }

    public static int value(int probability, int consequence) {
        if (!valid(probability) || !valid(consequence)) {
            throw new IllegalArgumentException("Sannolikhet och konsekvens är 1–4: " + probability + ", " + consequence);
        }
        return probability * consequence;
    }

    public static Band band(int value) {
        if (value >= 1 && value <= 4) {
            return Band.LAG;
        }
        if (value == 6 || value == 8 || value == 9 || value == 12) {
            return Band.MEDEL;
        }
        if (value == 16) {
            return Band.HOG;
        }
        throw new IllegalArgumentException("Inget riskvärde: " + value);
    }

    /** For a value 6–12: a critical factor is the guideline's choice when the risk is less likely or unlikely. */
    public static Handling suggested(int probability, int consequence) {
        Band band = band(value(probability, consequence));
        if (band == Band.MEDEL && probability <= 2) {
            return Handling.KRITISK_FAKTOR;
        }
        return band == Band.MEDEL ? Handling.INTERNKONTROLLPUNKT : band.suggested();
    }

    /** A handling outside the value's band needs a written reason. */
    public static boolean departs(int probability, int consequence, Handling handling) {
        return !band(value(probability, consequence)).allows(handling);
    }
}
