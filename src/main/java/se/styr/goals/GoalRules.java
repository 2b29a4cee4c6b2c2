package se.styr.goals;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import se.styr.organisation.OrgUnit;
import se.styr.organisation.Organisation;
import se.styr.organisation.PlanPeriod;
import se.styr.platform.Problems;

/**
 * Validation of the goal chain; every message is a key in the Swedish message bundle. The Kolada id's form and the
 * plausible years are public: the parties' own goals in their budget proposals follow them too.
 */
public final class GoalRules {

    public static final Pattern KOLADA_ID = Pattern.compile("[NU]\\d{5}");
    private static final Pattern AGENDA_TARGET = Pattern.compile("(\\d{1,2})\\.(\\d{1,2}|[a-c])");
    public static final int FIRST_YEAR = 1990;
    public static final int LAST_YEAR = 2100;

    private final Organisation organisation;
    private final GoalRepository repository;

    GoalRules(Organisation organisation, GoalRepository repository) {
        this.organisation = organisation;
        this.repository = repository;
    }

    void check(GoalObject o) {
        Problems p = new Problems();
        if (o.title() == null || o.title().isBlank()) {
            p.add("title", "validering.titel.tom");
        } else if (o.title().length() > 500) {
            p.add("title", "validering.titel.lang", 500);
        }
        p.check(o.description() == null || o.description().length() <= 10_000, "description", "validering.text.lang", 10_000);
        p.check(o.linkMotivation() == null || o.linkMotivation().length() <= 2_000, "linkMotivation", "validering.text.lang", 2_000);
        p.check(o.judgementText() == null || o.judgementText().length() <= 10_000, "judgementText", "validering.text.lang", 10_000);

        Optional<OrgUnit> owner = organisation.findUnit(o.ownerUnitId()).filter(u -> u.municipalityId() == o.municipalityId());
        if (owner.isEmpty()) {
            p.add("ownerUnitId", "validering.agare.saknas");
        } else if (!owner.get().active()) {
            p.add("ownerUnitId", "validering.agare.inaktiv", owner.get().name());
        } else if (!o.kind().allowsOwner(owner.get().type())) {
            p.add("ownerUnitId", "validering.agare.typ", owner.get().name());
        }

        Optional<GoalObject> parent = Optional.ofNullable(o.parentId()).flatMap(repository::find)
                .filter(x -> x.municipalityId() == o.municipalityId());
        if (o.parentId() == null) {
            p.check(o.kind().allowsNoParent(), "parentId", "validering.forelder.kravs");
        } else if (parent.isEmpty()) {
            p.add("parentId", "validering.forelder.saknas");
        } else if (!o.kind().allowsParent(parent.get().kind())) {
            p.add("parentId", "validering.forelder.typ");
        } else if (parent.get().retired() && !o.retired()) {
            p.add("parentId", "validering.forelder.avvecklad");
        } else if (o.id() != null && isDescendantOrSelf(parent.get().id(), o.id())) {
            p.add("parentId", "validering.forelder.cykel");
        }

        Optional<PlanPeriod> period = Optional.ofNullable(o.periodId()).flatMap(organisation::findPeriod)
                .filter(x -> x.municipalityId() == o.municipalityId());
        if (o.periodId() == null) {
            p.check(o.kind() == Kind.FOKUSOMRADE, "periodId", "validering.period.kravs");
        } else if (period.isEmpty()) {
            p.add("periodId", "validering.period.saknas");
        } else if (parent.isPresent() && parent.get().periodId() != null && !parent.get().periodId().equals(o.periodId())) {
            p.add("periodId", "validering.period.forelder");
        }

        if (o.kind().isMeasure()) {
            p.check(o.direction() != null, "direction", "validering.riktning.kravs");
            p.check(o.measureUnit() != null && !o.measureUnit().isBlank(), "measureUnit", "validering.enhet.kravs");
            p.check(o.measureUnit() == null || o.measureUnit().length() <= 50, "measureUnit", "validering.text.lang", 50);
            p.check(o.source() == null || o.source().length() <= 300, "source", "validering.text.lang", 300);
            p.check(o.koladaId() == null || KOLADA_ID.matcher(o.koladaId()).matches(), "koladaId", "validering.kolada");
            p.check(o.nearTargetTolerance() == null || (o.nearTargetTolerance().signum() >= 0
                    && o.nearTargetTolerance().compareTo(BigDecimal.valueOf(100)) <= 0), "nearTargetTolerance",
                    "validering.procent");
        }

        if (o.kind() == Kind.NAMNDMAL) {
            if (o.linkedIndicatorId() != null) {
                Optional<GoalObject> indicator = repository.find(o.linkedIndicatorId())
                        .filter(x -> x.municipalityId() == o.municipalityId());
                if (indicator.isEmpty() || indicator.get().kind() != Kind.INDIKATOR) {
                    p.add("linkedIndicatorId", "validering.indikator.typ");
                } else if (!indicator.get().periodId().equals(o.periodId())) {
                    p.add("linkedIndicatorId", "validering.indikator.period");
                }
            } else {
                p.check(o.linkMotivation() != null && !o.linkMotivation().isBlank(), "linkMotivation",
                        "validering.motivering.kravs");
            }
        }
        if (o.agenda2030Goal() != null) {
            p.check(o.agenda2030Goal() >= 1 && o.agenda2030Goal() <= 17, "agenda2030Goal", "validering.agenda2030.mal");
        }
        if (o.agenda2030Target() != null) {
            Matcher m = AGENDA_TARGET.matcher(o.agenda2030Target());
            p.check(m.matches() && o.agenda2030Goal() != null && Integer.parseInt(m.group(1)) == o.agenda2030Goal(),
                    "agenda2030Target", "validering.agenda2030.delmal");
        }
        if (o.kind() == Kind.UPPDRAG) {
            p.check(o.status() != null, "status", "validering.status.kravs");
            if (o.givenByUnitId() != null) {
                p.check(organisation.findUnit(o.givenByUnitId()).filter(u -> u.municipalityId() == o.municipalityId())
                        .isPresent(), "givenByUnitId", "validering.agare.saknas");
            }
        }
        p.check(o.frequency() == null || o.frequency().length() <= 100, "frequency", "validering.text.lang", 100);
        p.check(o.process() == null || o.process().length() <= 200, "process", "validering.text.lang", 200);
        p.check(o.controlMethod() == null || o.controlMethod().length() <= 2_000, "controlMethod", "validering.text.lang", 2_000);
        p.check(o.responsible() == null || o.responsible().length() <= 200, "responsible", "validering.text.lang", 200);
        if (o.kind() == Kind.KRITISK_FAKTOR) {
            p.check(o.perspective() != null, "perspective", "validering.perspektiv.kravs");
        }
        if (o.kind() == Kind.INTERNKONTROLLPUNKT) {
            p.check(o.followUpOccasion() != null, "followUpOccasion", "validering.uppfoljningstillfalle.kravs");
        }
        if (o.riskValue() != null) {
            p.check(isRiskValue(o.riskValue()), "riskValue", "validering.riskvarde");
        }
        if (o.judgement() != null) {
            p.check(o.kind().isGoal() || o.kind() == Kind.UPPDRAG, "judgement", "validering.bedomning.typ");
            p.check(o.judgementText() != null && !o.judgementText().isBlank(), "judgementText", "validering.bedomning.text");
        }
        p.throwIfAny();
    }

    /** A risk value is probability times consequence, each 1–4: 1, 2, 3, 4, 6, 8, 9, 12 or 16. */
    static boolean isRiskValue(int value) {
        for (int probability = 1; probability <= 4; probability++) {
            if (value % probability == 0 && value / probability >= 1 && value / probability <= 4) {
                return true;
            }
        }
        return false;
    }

    private boolean isDescendantOrSelf(long candidate, long root) {
        Set<Long> seen = new HashSet<>();
        for (Long cursor = candidate; cursor != null && seen.add(cursor); ) {
            if (cursor == root) {
                return true;
            }
            cursor = repository.find(cursor).map(GoalObject::parentId).orElse(null);
        }
        return false;
    }

    void checkValues(GoalObject o, List<MeasureValue> values) {
        Problems p = new Problems();
        if (!o.kind().isMeasure()) {
            p.add("values", "validering.varden.typ").throwIfAny();
        }
        PlanPeriod period = o.periodId() == null ? null : organisation.findPeriod(o.periodId()).orElse(null);
        Set<Integer> years = new HashSet<>();
        for (int i = 0; i < values.size(); i++) {
            MeasureValue v = values.get(i);
            String field = "values[" + i + "]";
            if (v.year() < FIRST_YEAR || v.year() > LAST_YEAR) {
                p.add(field + ".year", "validering.ar.utanfor", year(FIRST_YEAR), year(LAST_YEAR));
                continue;
            }
            p.check(years.add(v.year()), field + ".year", "validering.ar.dubblett", year(v.year()));
            if (v.target() != null && period != null && !period.contains(v.year())) {
                p.add(field + ".target", "validering.malvarde.ar", year(v.year()), period.name(), year(period.firstYear()), year(period.lastYear()));
            }
            if (v.outcome() != null && period != null && v.year() > period.lastYear()) {
                p.add(field + ".outcome", "validering.utfall.ar", year(v.year()), year(period.lastYear()));
            }
            p.check(fits(v.outcome()), field + ".outcome", "validering.tal.storlek");
            p.check(fits(v.target()), field + ".target", "validering.tal.storlek");
            if (o.isPercentage()) {
                p.check(v.outcome() == null || isPercent(v.outcome()), field + ".outcome", "validering.procent");
                p.check(v.target() == null || isPercent(v.target()), field + ".target", "validering.procent");
            }
        }
        p.throwIfAny();
    }

    /** The column is numeric(18, 4): at most 14 digits before the decimal comma and 4 after. */
    private static boolean fits(BigDecimal v) {
        return v == null || (v.abs().compareTo(MAX_VALUE) < 0 && Math.max(v.stripTrailingZeros().scale(), 0) <= 4);
    }

    private static final BigDecimal MAX_VALUE = new BigDecimal("1E14");

    private static boolean isPercent(BigDecimal v) {
        return v.signum() >= 0 && v.compareTo(BigDecimal.valueOf(100)) <= 0;
    }

    /** A year as a message argument: text, since the message format would print 2020 as a number, "2 020". */
    static String year(int year) {
        return Integer.toString(year);
    }
}
