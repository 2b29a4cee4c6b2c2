package se.styr.quality;

import org.springframework.context.support.DefaultMessageSourceResolvable;
import se.styr.platform.Problems;

/** The checks of a risk as entered: every problem at once, as message keys of the quality bundle. */
final class RiskRules {

    static final int FIRST_YEAR = 2000;
    static final int LAST_YEAR = 2100;

    private RiskRules() {
    }

    static Problems check(RiskInput in) {
        Problems p = new Problems();
        p.check(in.description() != null && !in.description().isBlank(), "description", "quality.validering.beskrivning");
        p.check(in.description() == null || in.description().strip().length() <= 2_000, "description", "validering.text.lang", 2_000);
        p.check(in.process() == null || in.process().strip().length() <= 200, "process", "validering.text.lang", 200);
        p.check(in.assessedBy() == null || in.assessedBy().strip().length() <= 200, "assessedBy", "validering.text.lang", 200);
        p.check(in.handlingReason() == null || in.handlingReason().strip().length() <= 2_000, "handlingReason",
                "validering.text.lang", 2_000);
        boolean scaled = true;
        if (!RiskScale.valid(in.probability())) {
            p.add("probability", "quality.validering.sannolikhet");
            scaled = false;
        }
        if (!RiskScale.valid(in.consequence())) {
            p.add("consequence", "quality.validering.konsekvens");
            scaled = false;
        }
        if (in.handling() == null) {
            p.add("handling", "quality.validering.hantering");
        } else if (scaled && RiskScale.departs(in.probability(), in.consequence(), in.handling())
                && (in.handlingReason() == null || in.handlingReason().isBlank())) {
            int value = RiskScale.value(in.probability(), in.consequence());
            p.add("handlingReason", "quality.validering.avvikelse", value,
                    new DefaultMessageSourceResolvable("quality.band." + RiskScale.band(value)),
                    new DefaultMessageSourceResolvable("quality.handling." + in.handling()));
        }
        return p;
    }

    static boolean validYear(int year) {
        return year >= FIRST_YEAR && year <= LAST_YEAR;
    }
}
