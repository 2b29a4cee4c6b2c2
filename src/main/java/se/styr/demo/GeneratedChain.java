package se.styr.demo;

import java.math.BigDecimal;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.springframework.jdbc.core.JdbcTemplate;
import se.styr.demo.GeneratedOrganisation.Body;
import se.styr.demo.GeneratedOrganisation.Committee;

/**
 * The goal chain of a generated municipality, shaped as {@code se.styr.goals.Kind} allows: KF's focus areas, priority
 * goals and indicators; per committee its goals, work-environment goals, internal-control points and assignments, and
 * its administration's critical factors; per company its goals, control points and assignments. The rest of the
 * objects are key figures under the goals and factors. Indicators and key figures get outcomes and targets per year.
 */
final class GeneratedChain {

    static final int OBJECTS = 22131;
    static final int VALUES = 196468;
    /** The plan period; outcomes up to {@link #LAST_OUTCOME}, targets for the period's years. */
    static final int FIRST_YEAR = 2025;
    static final int LAST_YEAR = 2027;
    static final int LAST_OUTCOME = 2024;

    private static final String[] FOCUS_AREAS = {"Trygg och inkluderande stad", "Hållbar tillväxt", "Lärande och bildning",
            "Hälsa och livskvalitet", "Klimat och miljö"};
    private static final String[] GOAL_WORDS = {"Fler invånare ska uppleva", "Andelen som", "Stadens verksamheter ska",
            "Barn och unga ska", "Äldre ska", "Näringslivet ska", "Invånarna ska", "Medarbetarna ska"};
    private static final String[] GOAL_ENDINGS = {"god tillgänglighet till service", "ökad trygghet i sitt område",
            "högre måluppfyllelse i skolan", "en hållbar ekonomi", "minskade utsläpp av växthusgaser",
            "ett gott bemötande", "större inflytande över sin vardag", "en god arbetsmiljö", "fler i arbete",
            "en aktiv fritid", "bättre hälsa", "ett jämlikt stöd"};
    private static final String[][] FIGURES = {{"Andel nöjda brukare", "%"}, {"Sjukfrånvaro", "%"},
            {"Kostnad per invånare", "kr"}, {"Handläggningstid, median", "dagar"}, {"Antal besök", "antal"},
            {"Andel behöriga till gymnasiet", "%"}, {"Personalomsättning", "%"}, {"Väntetid till första kontakt", "dagar"},
            {"Andel ekologiska livsmedel", "%"}, {"Nöjd-Kund-Index", "index"}, {"Antal avvikelser", "antal"},
            {"Andel svar på e-post inom ett dygn", "%"}, {"Energianvändning per kvadratmeter", "kWh"},
            {"Antal platser", "antal"}, {"Medarbetarengagemang (HME)", "index"}};
    private static final String[] SOURCES = {"Kolada", "SCB", "Egen mätning", "Socialstyrelsen", "Skolverket"};
    private static final String[] PROCESSES = {"Styrprocessen", "Ekonomiprocessen", "Upphandlingsprocessen",
            "Handläggningsprocessen", "Systematiskt arbetsmiljöarbete (SAM)", "Informationssäkerhet"};
    private static final String[] ASSIGNMENTS = {"Utreda", "Ta fram en plan för", "Genomföra", "Följa upp", "Utveckla"};
    private static final String[] JUDGEMENTS = {"HELT_UPPFYLLT", "I_HOG_GRAD_UPPFYLLT", "DELVIS_UPPFYLLT", "EJ_UPPFYLLT"};
    private static final String[] STATUSES = {"EJ_PABORJAD", "PABORJAD", "VANTAR", "FARDIG", "STOPPAD", "FORSENAD"};
    private static final String[] PERSPECTIVES = {"EKONOMI", "MALGRUPP", "VERKSAMHET", "MEDARBETARE"};
    private static final String[] OCCASIONS = {"DELARSBOKSLUT", "ARSBOKSLUT", "DELARS_OCH_ARSBOKSLUT"};

    /** One object of a committee's that a follow-up round can report on. */
    record Reportable(long id, String kind, Long ownerDepartment, String occasion) {
    }

    /** Per committee body id: its reportable objects in the order of the report. */
    final Map<Long, List<Reportable>> reportable = new HashMap<>();
    long objects;
    long values;

    private final Rows rows;
    private final long municipalityId;
    private final long periodId;
    private final Random random;
    private long kfId;
    private long nextId = 1;
    private final Map<Long, Integer> positions = new HashMap<>();
    /** Measures (indicators and key figures) and their direction, in the order created. */
    private final List<long[]> measures = new ArrayList<>();

    GeneratedChain(Rows goalObjects, long municipalityId, long periodId, Random random) {
        this.rows = goalObjects;
        this.municipalityId = municipalityId;
        this.periodId = periodId;
        this.random = random;
    }

    void build(GeneratedOrganisation org, double scale) {
        boolean full = scale >= 1;
        kfId = org.kfId;
        List<Long> priorities = new ArrayList<>();
        Map<Long, List<Long>> indicatorsOf = new HashMap<>();
        for (String area : FOCUS_AREAS) {
            long focus = object("FOKUSOMRADE", null, org.kfId).title(area).save();
            for (int p = 0; p < (full ? 4 : 1); p++) {
                long priority = object("PRIORITERAT_MAL", focus, org.kfId).title(goalTitle())
                        .description("Kommunfullmäktiges prioriterade mål inom " + area.toLowerCase() + ".").save();
                priorities.add(priority);
                List<Long> indicators = new ArrayList<>();
                for (int i = 0; i < (full ? 10 : 2); i++) {
                    String[] figure = FIGURES[random.nextInt(FIGURES.length)];
                    indicators.add(measure(object("INDIKATOR", priority, org.kfId).title(figure[0] + ", hela staden (" + figure[1] + ")")
                            .measure(figure[1], SOURCES[random.nextInt(SOURCES.length)], "N" + (10000 + random.nextInt(80000)))
                            .steering(i < 6)));
                }
                indicatorsOf.put(priority, indicators);
            }
        }
        List<Long> goalParents = new ArrayList<>();
        List<Long> workParents = new ArrayList<>();
        List<Long> factorParents = new ArrayList<>();
        Map<Long, Long> ownerOf = new HashMap<>();
        for (Committee c : org.committees) {
            List<Reportable> list = reportable.computeIfAbsent(c.body().id(), k -> new ArrayList<>());
            List<Long> goals = goals(c.body(), 8 + random.nextInt(7), priorities, indicatorsOf, list);
            goals.forEach(g -> ownerOf.put(g, c.body().id()));
            goalParents.addAll(goals);
            for (int w = 0; w < 2; w++) {
                long goal = object("ARBETSMILJOMAL", null, c.body().id()).title(w == 0 ? "Sjukfrånvaron ska minska"
                        : "Medarbetarnas engagemang ska öka").description("Nämndens arbetsmiljömål för planperioden.").save();
                list.add(new Reportable(goal, "ARBETSMILJOMAL", null, null));
                ownerOf.put(goal, c.body().id());
                workParents.add(goal);
            }
            int factors = 10 + random.nextInt(11);
            for (int f = 0; f < factors; f++) {
                long factor = object("KRITISK_FAKTOR", null, c.adminId()).title("Kritisk faktor " + (f + 1) + ": " + GOAL_ENDINGS[random.nextInt(GOAL_ENDINGS.length)])
                        .description("Redovisas till nämnden i delårsbokslut och årsbokslut.")
                        .factor(PERSPECTIVES[f % PERSPECTIVES.length], f % 3 == 0 ? "1 gång per år" : "2 gånger per år").save();
                list.add(new Reportable(factor, "KRITISK_FAKTOR", null, null));
                ownerOf.put(factor, c.adminId());
                factorParents.add(factor);
            }
            controlPoints(c.body(), 6 + random.nextInt(7), list);
            assignments(c.body(), 5 + random.nextInt(11), priorities, goals, list);
            for (int a = 0; a < 2; a++) {
                var department = c.departments().get(random.nextInt(c.departments().size()));
                long own = object("UPPDRAG", null, department.id()).title(ASSIGNMENTS[random.nextInt(ASSIGNMENTS.length)] + " arbetssätt inom " + department.name())
                        .assignment(c.body().id(), STATUSES[random.nextInt(STATUSES.length)]).save();
                list.add(new Reportable(own, "UPPDRAG", department.id(), null));
            }
        }
        for (Body company : org.companies) {
            List<Reportable> list = new ArrayList<>();
            List<Long> goals = goals(company, 4 + random.nextInt(5), priorities, indicatorsOf, list);
            goals.forEach(g -> ownerOf.put(g, company.id()));
            goalParents.addAll(goals);
            controlPoints(company, 3 + random.nextInt(4), list);
            assignments(company, 2 + random.nextInt(3), priorities, goals, list);
        }
        // The rest are key figures: six in ten under committee goals, one in ten under work-environment goals,
        // three in ten under critical factors, each owned where its parent is.
        long keyFigures = Math.max(0, Math.round(OBJECTS * scale) - (nextId - 1));
        for (long k = 0; k < keyFigures; k++) {
            int pick = random.nextInt(10);
            List<Long> parents = pick < 6 || workParents.isEmpty() ? goalParents : pick < 7 ? workParents : factorParents;
            long parent = parents.get(random.nextInt(parents.size()));
            String[] figure = FIGURES[random.nextInt(FIGURES.length)];
            measure(object("NYCKELTAL", parent, ownerOf.get(parent)).title(figure[0] + " (" + figure[1] + ")")
                    .measure(figure[1], SOURCES[random.nextInt(SOURCES.length)], random.nextInt(3) == 0 ? "U" + (10000 + random.nextInt(80000)) : null));
        }
        rows.flush();
        objects = nextId - 1;
    }

    private List<Long> goals(Body body, int count, List<Long> priorities, Map<Long, List<Long>> indicatorsOf, List<Reportable> list) {
        List<Long> goals = new ArrayList<>();
        for (int g = 0; g < count; g++) {
            long priority = priorities.get(random.nextInt(priorities.size()));
            List<Long> indicators = indicatorsOf.get(priority);
            GoalRow row = object("NAMNDMAL", priority, body.id()).title(goalTitle());
            row.linkedIndicator = indicators.get(random.nextInt(indicators.size()));
            row.linkMotivation = "Nämndens mål förväntas ha en positiv effekt på indikatorn och därmed på kommunens prioriterade mål.";
            if (random.nextInt(5) == 0) {
                row.judgement = JUDGEMENTS[random.nextInt(JUDGEMENTS.length)];
                row.judgementText = "Bedömningen bygger på utfallen hittills under året och verksamhetens egna uppföljningar.";
            }
            long goal = row.save();
            goals.add(goal);
            list.add(new Reportable(goal, "NAMNDMAL", null, null));
        }
        return goals;
    }

    private void controlPoints(Body body, int count, List<Reportable> list) {
        for (int i = 0; i < count; i++) {
            String occasion = OCCASIONS[random.nextInt(OCCASIONS.length)];
            GoalRow row = object("INTERNKONTROLLPUNKT", null, body.id()).title("Risk för brister i " + PROCESSES[i % PROCESSES.length].toLowerCase() + " (" + (i + 1) + ")")
                    .description("Kontroll av att rutinerna följs och att avvikelser rapporteras.");
            row.process = PROCESSES[i % PROCESSES.length];
            row.riskValue = 1 + random.nextInt(16);
            row.controlMethod = "Stickprov och intervjuer med berörd personal.";
            row.responsible = "Avdelningschef";
            row.occasion = occasion;
            list.add(new Reportable(row.save(), "INTERNKONTROLLPUNKT", null, occasion));
        }
    }

    private void assignments(Body body, int count, List<Long> priorities, List<Long> goals, List<Reportable> list) {
        for (int i = 0; i < count; i++) {
            int kind = random.nextInt(3);
            Long parent = kind == 0 ? null : kind == 1 ? priorities.get(random.nextInt(priorities.size())) : goals.get(random.nextInt(goals.size()));
            long id = object("UPPDRAG", parent, body.id()).title(ASSIGNMENTS[random.nextInt(ASSIGNMENTS.length)] + " " + GOAL_ENDINGS[random.nextInt(GOAL_ENDINGS.length)])
                    .description("Uppdraget redovisas i delårsbokslut och årsbokslut.")
                    .assignment(kind == 1 ? kfId : body.id(), STATUSES[random.nextInt(STATUSES.length)]).save();
            list.add(new Reportable(id, "UPPDRAG", null, null));
        }
    }

    private String goalTitle() {
        return GOAL_WORDS[random.nextInt(GOAL_WORDS.length)] + " " + GOAL_ENDINGS[random.nextInt(GOAL_ENDINGS.length)];
    }

    private long measure(GoalRow row) {
        row.direction = random.nextInt(3) == 0 ? "DECREASE" : "INCREASE";
        long id = row.save();
        measures.add(new long[] {id, row.direction.equals("INCREASE") ? 1 : -1});
        return id;
    }

    /**
     * Outcomes and targets per year: the measures share the municipality's total so that each has consecutive years up
     * to the period's last; outcomes until {@link #LAST_OUTCOME}, targets in the period, a random walk around a level.
     */
    void values(Rows valueRows, double scale) {
        long total = Math.round(VALUES * scale);
        int count = measures.size();
        for (int m = 0; m < count; m++) {
            long[] measure = measures.get(m);
            int years = (int) Math.max(1, Math.min(15, total / count + (m < total % count ? 1 : 0)));
            double level = 10 + random.nextInt(90);
            for (int year = LAST_YEAR - years + 1; year <= LAST_YEAR; year++) {
                BigDecimal outcome = year <= LAST_OUTCOME ? decimal(level) : null;
                BigDecimal target = year >= FIRST_YEAR || (year >= FIRST_YEAR - 3 && random.nextBoolean())
                        ? decimal(level * (1 + measure[1] * 0.05)) : null;
                if (outcome == null && target == null) {
                    target = decimal(level);
                }
                valueRows.add(measure[0], year, outcome, target);
                // a walk that drifts slightly in the desired direction
                level = Math.max(0.5, level * (1 + (random.nextDouble() - 0.45) * 0.08 * measure[1]));
            }
        }
        valueRows.flush();
        values = valueRows.count();
    }

    private static BigDecimal decimal(double value) {
        return BigDecimal.valueOf(Math.round(value * 10), 1);
    }

    static Rows rows(JdbcTemplate jdbc) {
        return new Rows(jdbc, """
                insert into goal_object (id, municipality_id, kind, parent_id, owner_unit_id, period_id, position, title, description,
                  direction, measure_unit, source, kolada_id, steering, linked_indicator_id, link_motivation, judgement, judgement_text,
                  given_by_unit_id, due_date, status, perspective, frequency, process, risk_value, control_method, responsible,
                  follow_up_occasion)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                Types.BIGINT, Types.BIGINT, Types.VARCHAR, Types.BIGINT, Types.BIGINT, Types.BIGINT, Types.INTEGER, Types.VARCHAR,
                Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.BOOLEAN, Types.BIGINT, Types.VARCHAR,
                Types.VARCHAR, Types.VARCHAR, Types.BIGINT, Types.DATE, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR,
                Types.INTEGER, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR);
    }

    static Rows valueRows(JdbcTemplate jdbc) {
        return new Rows(jdbc, "insert into measure_value (object_id, year, outcome, target) values (?, ?, ?, ?)",
                Types.BIGINT, Types.INTEGER, Types.NUMERIC, Types.NUMERIC);
    }

    private GoalRow object(String kind, Long parent, long owner) {
        return new GoalRow(kind, parent, owner);
    }

    /** One goal_object row: the columns every kind has, and those of its own kind. */
    private final class GoalRow {
        final String kind;
        final Long parent;
        final long owner;
        String title;
        String description;
        String direction;
        String unit;
        String source;
        String koladaId;
        Boolean steering;
        Long linkedIndicator;
        String linkMotivation;
        String judgement;
        String judgementText;
        Long givenBy;
        java.sql.Date due;
        String status;
        String perspective;
        String frequency;
        String process;
        Integer riskValue;
        String controlMethod;
        String responsible;
        String occasion;

        GoalRow(String kind, Long parent, long owner) {
            this.kind = kind;
            this.parent = parent;
            this.owner = owner;
        }

        GoalRow title(String value) {
            title = value;
            return this;
        }

        GoalRow description(String value) {
            description = value;
            return this;
        }

        GoalRow measure(String measureUnit, String from, String kolada) {
            unit = measureUnit;
            source = from;
            koladaId = kolada;
            return this;
        }

        GoalRow steering(boolean value) {
            steering = value;
            return this;
        }

        GoalRow factor(String value, String howOften) {
            perspective = value;
            frequency = howOften;
            return this;
        }

        GoalRow assignment(long givenByUnit, String value) {
            givenBy = givenByUnit;
            status = value;
            due = java.sql.Date.valueOf(LocalDate.of(FIRST_YEAR, 12, 31));
            return this;
        }

        long save() {
            long id = nextId++;
            int position = positions.merge(parent == null ? -owner : parent, 1, Integer::sum);
            rows.add(id, municipalityId, kind, parent, owner, periodId, position, title, description, direction, unit, source,
                    koladaId, steering, linkedIndicator, linkMotivation, judgement, judgementText, givenBy, due, status,
                    perspective, frequency, process, riskValue, controlMethod, responsible, occasion);
            return id;
        }
    }
}
