package se.styr.demo;

import java.sql.Date;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.springframework.jdbc.core.JdbcTemplate;
import se.styr.demo.GeneratedChain.Reportable;
import se.styr.demo.GeneratedOrganisation.Committee;
import se.styr.demo.GeneratedOrganisation.Department;
import se.styr.platform.Messages;

/**
 * An open interim-report round (delårsbokslut) per committee, as a controller opens it and the demo's round is shared:
 * the committee's goals and work-environment goals to every department and unit of its administration, the critical
 * factors to the departments, each control point due and each assignment to one department; one task per unit and
 * part. Some units have started or finished, and the administration has written its assessments.
 */
final class GeneratedRounds {

    static final int YEAR = GeneratedChain.FIRST_YEAR;
    private static final String[] PARTS = {"MAL", "KVF", "IK", "UPPDRAG"};
    private static final String[] TASK_STATES = {"EJ_PABORJAD", "EJ_PABORJAD", "EJ_PABORJAD", "EJ_PABORJAD",
            "EJ_PABORJAD", "EJ_PABORJAD", "EJ_PABORJAD", "PAGAR", "PAGAR", "PAGAR", "PAGAR", "KLARMARKERAD", "KLARMARKERAD",
            "GODKAND", "ATERSAND"};
    private static final String[] GOAL_ASSESSMENTS = {"HELT_UPPFYLLT", "I_HOG_GRAD_UPPFYLLT", "DELVIS_UPPFYLLT",
            "EJ_UPPFYLLT", "EJ_UTVARDERAD"};
    private static final String[] ANALYSES = {
            "Verksamheten har under perioden arbetat med de aktiviteter som planerades. Resultatet ligger i nivå med föregående år.",
            "Utfallet har förbättrats sedan förra året, främst tack vare ett nytt arbetssätt och en stabil bemanning.",
            "Resultatet är sämre än målvärdet. Rekryteringsläget och hög sjukfrånvaro under våren har påverkat.",
            "Arbetet pågår enligt plan. En fördjupad analys görs till årsbokslutet."};

    long rounds;
    long tasks;
    long shares;
    long reports;
    /** The round of each committee, by the committee's body id. */
    final Map<Long, Long> roundOf = new LinkedHashMap<>();

    private final JdbcTemplate jdbc;
    private final Messages messages;
    private final Random random;

    GeneratedRounds(JdbcTemplate jdbc, Messages messages, Random random) {
        this.jdbc = jdbc;
        this.messages = messages;
        this.random = random;
    }

    void build(long municipalityId, long periodId, GeneratedOrganisation org, GeneratedChain chain) {
        String name = messages.text("roundType.DELARSBOKSLUT") + " " + YEAR;
        Timestamp done = Timestamp.valueOf(LocalDate.of(YEAR, 8, 20).atTime(14, 30));
        long roundId = 0;
        try (Rows roundRows = new Rows(jdbc, """
                insert into followup_round (id, municipality_id, body_unit_id, admin_unit_id, period_id, type, name, as_of, opens_on,
                  summary, state, report_version, version) values (?, ?, ?, ?, ?, 'DELARSBOKSLUT', ?, ?, ?, ?, 'OPPEN', 1, 0)""",
                Types.BIGINT, Types.BIGINT, Types.BIGINT, Types.BIGINT, Types.BIGINT, Types.VARCHAR, Types.DATE, Types.DATE, Types.VARCHAR);
             Rows deadlines = new Rows(jdbc, "insert into followup_deadline (round_id, level, due_on) values (?, ?, ?)",
                     Types.BIGINT, Types.VARCHAR, Types.DATE);
             Rows instructions = new Rows(jdbc, "insert into followup_instruction (round_id, part, text) values (?, ?, ?)",
                     Types.BIGINT, Types.VARCHAR, Types.VARCHAR);
             Rows objects = new Rows(jdbc, "insert into followup_object (round_id, object_id) values (?, ?)", Types.BIGINT, Types.BIGINT);
             Rows shareRows = new Rows(jdbc, "insert into followup_share (round_id, object_id, unit_id) values (?, ?, ?)",
                     Types.BIGINT, Types.BIGINT, Types.BIGINT);
             Rows taskRows = new Rows(jdbc, """
                     insert into followup_task (round_id, unit_id, part, state, comment, done_at, done_by, approved_at, approved_by, version)
                     values (?, ?, ?, ?, ?, ?, ?, ?, ?, 0)""",
                     Types.BIGINT, Types.BIGINT, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.TIMESTAMP, Types.VARCHAR,
                     Types.TIMESTAMP, Types.VARCHAR);
             Rows reportRows = new Rows(jdbc, """
                     insert into followup_report (round_id, object_id, unit_id, analysis, assessment, result, action, status, forecast,
                       updated_at, updated_by, version) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'system', 1)""",
                     Types.BIGINT, Types.BIGINT, Types.BIGINT, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR,
                     Types.VARCHAR, Types.VARCHAR, Types.TIMESTAMP)) {
            for (Committee c : org.committees) {
                long id = ++roundId;
                roundOf.put(c.body().id(), id);
                roundRows.add(id, municipalityId, c.body().id(), c.adminId(), periodId, name, Date.valueOf(LocalDate.of(YEAR, 8, 31)),
                        Date.valueOf(LocalDate.of(YEAR, 8, 12)), c.adminName() + " sammanfattar här årets första åtta månader: "
                                + "verksamheten har i huvudsak bedrivits enligt plan, med ett fortsatt fokus på kompetensförsörjning och "
                                + "en ekonomi i balans.");
                roundRows.flush();
                deadlines.add(id, "ENHET", Date.valueOf(LocalDate.of(YEAR, 8, 22)));
                deadlines.add(id, "AVDELNING", Date.valueOf(LocalDate.of(YEAR, 8, 29)));
                for (String part : PARTS) {
                    instructions.add(id, part, messages.text("uppf.instruktion." + part));
                }
                // unit -> part -> objects shared to it, in the order of the report
                Map<Long, Map<String, List<Reportable>>> shared = new LinkedHashMap<>();
                for (Reportable o : chain.reportable.getOrDefault(c.body().id(), List.of())) {
                    if (o.kind().equals("INTERNKONTROLLPUNKT") && o.occasion().equals("ARSBOKSLUT")) {
                        continue;
                    }
                    objects.add(id, o.id());
                    for (long unit : shareTo(o, c)) {
                        shares++;
                        shareRows.add(id, o.id(), unit);
                        shared.computeIfAbsent(unit, u -> new LinkedHashMap<>()).computeIfAbsent(part(o.kind()), p -> new ArrayList<>()).add(o);
                    }
                    reportRows.add(id, o.id(), c.adminId(), analysis(), adminAssessment(o), result(o), action(o), status(o),
                            forecast(o), done);
                    reports++;
                }
                shared.forEach((unit, parts) -> parts.forEach((part, list) -> {
                    String state = TASK_STATES[random.nextInt(TASK_STATES.length)];
                    boolean isDone = state.equals("KLARMARKERAD") || state.equals("GODKAND");
                    taskRows.add(id, unit, part, state, state.equals("ATERSAND") ? "Komplettera analysen med årets utfall." : null,
                            isDone ? done : null, isDone ? "system" : null, state.equals("GODKAND") ? done : null,
                            state.equals("GODKAND") ? "system" : null);
                    tasks++;
                    if (!state.equals("EJ_PABORJAD")) {
                        for (Reportable o : list) {
                            reportRows.add(id, o.id(), unit, o.kind().equals("INTERNKONTROLLPUNKT") ? null : analysis(),
                                    o.kind().equals("INTERNKONTROLLPUNKT") ? "UTAN_ANMARKNING" : null, result(o), action(o),
                                    status(o), forecast(o), done);
                            reports++;
                        }
                    }
                }));
            }
        }
        rounds = roundId;
    }

    private List<Long> shareTo(Reportable o, Committee c) {
        List<Department> departments = c.departments();
        return switch (part(o.kind())) {
            case "MAL" -> {
                List<Long> all = new ArrayList<>();
                for (Department d : departments) {
                    all.add(d.id());
                    all.addAll(d.units());
                }
                yield all;
            }
            case "KVF" -> departments.stream().map(Department::id).toList();
            default -> List.of(o.ownerDepartment() != null ? o.ownerDepartment()
                    : departments.get(random.nextInt(departments.size())).id());
        };
    }

    private static String part(String kind) {
        return switch (kind) {
            case "NAMNDMAL", "ARBETSMILJOMAL" -> "MAL";
            case "KRITISK_FAKTOR" -> "KVF";
            case "INTERNKONTROLLPUNKT" -> "IK";
            default -> "UPPDRAG";
        };
    }

    private String analysis() {
        return ANALYSES[random.nextInt(ANALYSES.length)];
    }

    private String adminAssessment(Reportable o) {
        return switch (o.kind()) {
            case "NAMNDMAL", "ARBETSMILJOMAL" -> GOAL_ASSESSMENTS[random.nextInt(GOAL_ASSESSMENTS.length)];
            case "INTERNKONTROLLPUNKT" -> random.nextInt(3) == 0 ? "MED_ANMARKNING" : "UTAN_ANMARKNING";
            default -> null;
        };
    }

    private static String result(Reportable o) {
        return o.kind().equals("INTERNKONTROLLPUNKT") ? "Stickprov på tio procent av ärendena visade inga väsentliga avvikelser." : null;
    }

    private static String action(Reportable o) {
        return o.kind().equals("INTERNKONTROLLPUNKT") ? "Rutinen gås igenom på nästa arbetsplatsträff." : null;
    }

    private static String status(Reportable o) {
        return o.kind().equals("UPPDRAG") ? "PABORJAD" : null;
    }

    private static String forecast(Reportable o) {
        return o.kind().equals("UPPDRAG") ? "Uppdraget beräknas vara klart vid årets slut." : null;
    }
}
