package se.styr.quality.ikplan;

import se.styr.platform.Problems;

/** What a deferral must hold: a later year within the plan's horizon and a written reason. */
final class DeferralRules {

    /** How many years ahead a point can be moved (a plan period is at most a few years). */
    static final int HORIZON = 5;
    static final int REASON_MAX = 2000;

    private DeferralRules() {
    }

    static Problems check(int year, Integer deferredTo, String reason) {
        Problems p = new Problems();
        p.check(deferredTo != null, "deferredTo", "ikplan.validering.ar.saknas");
        p.check(deferredTo == null || deferredTo > year, "deferredTo", "ikplan.validering.ar.senare", String.valueOf(year));
        p.check(deferredTo == null || deferredTo <= year + HORIZON, "deferredTo", "ikplan.validering.ar.horisont",
                String.valueOf(HORIZON));
        p.check(reason != null && !reason.isBlank(), "reason", "ikplan.validering.motivering");
        p.check(reason == null || reason.strip().length() <= REASON_MAX, "reason", "validering.text.lang", String.valueOf(REASON_MAX));
        return p;
    }
}
