package se.styr.followup.bench;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import se.styr.followup.ControlAssessment;
import se.styr.followup.FollowupService;
import se.styr.followup.Reporting;
import se.styr.followup.Round;
import se.styr.followup.RoundType;
import se.styr.goals.AssignmentStatus;
import se.styr.goals.Direction;
import se.styr.goals.FollowUpOccasion;
import se.styr.goals.GoalObject;
import se.styr.goals.GoalService;
import se.styr.goals.GoalState;
import se.styr.goals.Kind;
import se.styr.goals.MeasureValue;

/**
 * Test scope: builds committees the size of Vård- och omsorgsnämnden (VON) in a running Styr on top of the demo
 * data of Alingsås kommun, and opens each one's Delårsbokslut 2022 with the administration's reports written.
 *
 * <p>Per committee: a NAMND under KS with one FORVALTNING, 6 departments and 60 units (10 per department);
 * 4 committee goals under KF's priority goals, each with 5 key figures (20 in all) with outcomes 2020–2022 and
 * targets 2022–2024; 7 internal-control points followed up at the interim report; 10 assignments. The org units are
 * inserted with SQL (there is no service for them); every goal object, value, round and report goes through the
 * services, so the data passes the same rules as a person's. The texts are of realistic length (an analysis of
 * about 800 characters per goal) and the content is deterministic (fixed random seed).
 */
public final class SyntheticCommittees {

    /** One generated committee and its open round. */
    public record Committee(String code, long bodyUnitId, long adminUnitId, long roundId) {
    }

    public static final int DEPARTMENTS = 6;
    public static final int UNITS = 60;
    public static final int GOALS = 4;
    public static final int FIGURES_PER_GOAL = 5;
    public static final int CONTROL_POINTS = 7;
    public static final int ASSIGNMENTS = 10;

    private static final String PERIOD = "Budget 2022–2024";
    private static final LocalDate AS_OF = LocalDate.of(2022, 8, 31);

    private final JdbcClient jdbc;
    private final GoalService goals;
    private final FollowupService followup;
    private final Reporting reporting;
    private final UserDetailsService users;
    private final boolean unitReports;
    private final Random random = new Random(20220831L);

    /**
     * @param unitReports also let every department and unit write its analysis of each goal (264 reports per
     *                    committee), so the round's report table is as full as in a real round
     */
    public SyntheticCommittees(ApplicationContext context, boolean unitReports) {
        this.jdbc = context.getBean(JdbcClient.class);
        this.goals = context.getBean(GoalService.class);
        this.followup = context.getBean(FollowupService.class);
        this.reporting = context.getBean(Reporting.class);
        this.users = context.getBean(UserDetailsService.class);
        this.unitReports = unitReports;
    }

    /** Logs the demo's administrator in on the current thread: every service checks the user. */
    public static void logInAsAdmin(UserDetailsService users) {
        UserDetails admin = users.loadUserByUsername("admin");
        SecurityContextHolder.getContext().setAuthentication(
                new UsernamePasswordAuthenticationToken(admin, null, admin.getAuthorities()));
    }

    public List<Committee> create(int count) {
        logInAsAdmin(users);
        List<Committee> committees = new ArrayList<>();
        int existing = jdbc.sql("select count(*) from org_unit where code like 'SYN%' and type = 'NAMND'").query(Integer.class).single();
        for (int i = existing + 1; i <= existing + count; i++) {
            committees.add(committee(i));
        }
        return committees;
    }

    private Committee committee(int n) {
        long municipality = jdbc.sql("select id from municipality where kolada_id = '1489'").query(Long.class).single();
        long ks = unitId("KS");
        long kf = unitId("KF");
        long period = jdbc.sql("select id from plan_period where name = ?").param(PERIOD).query(Long.class).single();
        String code = "SYN%02d".formatted(n);

        // Organisation: committee, administration, 6 departments, 60 units.
        long body = insertUnit(municipality, ks, "NAMND", "Syntetiska nämnden " + n, code, 100 + n);
        long admin = insertUnit(municipality, body, "FORVALTNING", "Syntetiska förvaltningen " + n, code + "-F", 1);
        List<Long> departments = new ArrayList<>();
        for (int d = 1; d <= DEPARTMENTS; d++) {
            departments.add(insertUnit(municipality, admin, "AVDELNING", DEPARTMENT_NAMES[d - 1], code + "-A" + d, d));
        }
        for (int u = 1; u <= UNITS; u++) {
            int d = (u - 1) / (UNITS / DEPARTMENTS);
            insertUnit(municipality, departments.get(d), "ENHET",
                    UNIT_NAMES[(u - 1) % UNIT_NAMES.length] + " " + ((u - 1) / UNIT_NAMES.length + 1), "%s-E%02d".formatted(code, u), u);
        }

        // Goal chain: 4 committee goals under KF's priority goals, 5 key figures each.
        List<GoalObject> priorityGoals = goals.list(Kind.PRIORITERAT_MAL).stream()
                .filter(o -> !o.retired()).sorted(Comparator.comparingInt(GoalObject::position)).toList();
        List<GoalObject> indicators = goals.list(Kind.INDIKATOR);
        List<GoalObject> committeeGoals = new ArrayList<>();
        for (int g = 0; g < GOALS; g++) {
            GoalObject priority = priorityGoals.get((n + g) % priorityGoals.size());
            GoalObject indicator = g % 2 == 0 ? indicators.stream().filter(i -> priority.id().equals(i.parentId()))
                    .findFirst().orElse(null) : null;
            String title = GOAL_TITLES[(n + g) % GOAL_TITLES.length];
            GoalObject goal = goals.create(draft(municipality, Kind.NAMNDMAL, priority.id(), body, period, title,
                    "Målet konkretiserar fullmäktiges prioriterade mål för nämndens verksamhet under planperioden.")
                    .linked(indicator == null ? null : indicator.id(), indicator == null
                            ? "Nämnden följer målet med egna nyckeltal som mäter effekten i den egna verksamheten." : null,
                            g % 3 == 0 ? 3 : 10).build());
            committeeGoals.add(goal);
            for (int f = 0; f < FIGURES_PER_GOAL; f++) {
                keyFigure(municipality, body, period, goal, g * FIGURES_PER_GOAL + f);
            }
        }

        // Internal control: 7 points, all followed up at the interim report.
        for (int c = 0; c < CONTROL_POINTS; c++) {
            goals.create(draft(municipality, Kind.INTERNKONTROLLPUNKT, null, body, period, CONTROL_TITLES[c],
                    CONTROL_WHAT[c]).control(CONTROL_PROCESSES[c], RISK_VALUES[c], CONTROL_METHODS[c],
                    "Avdelningschef", FollowUpOccasion.DELARSBOKSLUT).build());
        }

        // Assignments: 10, from KF or the committee, some under a committee goal.
        for (int a = 0; a < ASSIGNMENTS; a++) {
            Long parent = a % 3 == 0 ? committeeGoals.get(a % GOALS).id() : null;
            goals.create(draft(municipality, Kind.UPPDRAG, parent, body, period, ASSIGNMENT_TITLES[a],
                    "Nämnden ger förvaltningen i uppdrag att " + ASSIGNMENT_TITLES[a].toLowerCase() + " och att återrapportera "
                            + "arbetet i samband med delårs- och årsbokslut.")
                    .assignment(a % 2 == 0 ? kf : body, LocalDate.of(2022 + a % 3, 12, 31), AssignmentStatus.PABORJAD).build());
        }

        // The round, and the administration's report on every object in it.
        Round round = followup.open(new FollowupService.OpenRound(body, RoundType.DELARSBOKSLUT, null, AS_OF,
                LocalDate.of(2022, 8, 12), LocalDate.of(2022, 8, 23), LocalDate.of(2022, 8, 30)));
        round = followup.saveTexts(round.id(), round.version(), summary(n), Map.of());
        List<Long> objectIds = jdbc.sql("select object_id from followup_object where round_id = ? order by object_id")
                .param(round.id()).query(Long.class).list();
        int index = 0;
        for (long objectId : objectIds) {
            GoalObject o = goals.get(objectId);
            reporting.saveReport(round.id(), admin, objectId, adminReport(o, index++), 0);
        }
        if (unitReports) {
            List<Long> reportingUnits = jdbc.sql("""
                    select distinct s.unit_id from followup_share s join goal_object o on o.id = s.object_id
                    where s.round_id = ? and o.kind = 'NAMNDMAL' order by s.unit_id""").param(round.id()).query(Long.class).list();
            for (long unit : reportingUnits) {
                for (GoalObject goal : committeeGoals) {
                    reporting.saveReport(round.id(), unit, goal.id(), new Reporting.ReportInput(
                            unitAnalysis(goal), null, null, null, null, null), 0);
                }
            }
        }
        return new Committee(code, body, admin, round.id());
    }

    private long unitId(String code) {
        return jdbc.sql("select id from org_unit where code = ?").param(code).query(Long.class).single();
    }

    private long insertUnit(long municipality, long parent, String type, String name, String code, int position) {
        jdbc.sql("insert into org_unit (municipality_id, parent_id, type, name, code, position) values (?, ?, ?, ?, ?, ?)")
                .params(municipality, parent, type, name, code, position).update();
        return unitId(code);
    }

    private void keyFigure(long municipality, long body, long period, GoalObject goal, int i) {
        boolean percent = i % 3 != 2;
        Direction direction = i % 4 == 3 ? Direction.DECREASE : Direction.INCREASE;
        GoalObject figure = goals.create(draft(municipality, Kind.NYCKELTAL, goal.id(), body, period,
                FIGURE_TITLES[i % FIGURE_TITLES.length], "Mäts årligen; utfallet avser helåret utom för 2022 där det avser januari–augusti.")
                .measure(direction, percent ? "%" : "antal", i % 2 == 0 ? "Kolada" : "Verksamhetssystemet").build());
        double base = percent ? 55 + random.nextInt(30) : 20 + random.nextInt(200);
        double step = (direction == Direction.INCREASE ? 1 : -1) * (1 + random.nextInt(4));
        List<MeasureValue> values = new ArrayList<>();
        values.add(new MeasureValue(2020, number(base), null));
        values.add(new MeasureValue(2021, number(base + step + random.nextInt(3) - 1), null));
        // Every fourth key figure has no outcome yet at the interim report ("i.u." in the report).
        values.add(new MeasureValue(2022, i % 4 == 1 ? null : number(base + 2 * step + random.nextInt(5) - 2),
                number(base + 3 * step)));
        values.add(new MeasureValue(2023, null, number(base + 4 * step)));
        values.add(new MeasureValue(2024, null, number(base + 5 * step)));
        if (percent) {
            values.replaceAll(v -> new MeasureValue(v.year(), clamp(v.outcome()), clamp(v.target())));
        }
        goals.setValues(figure.id(), figure.version(), values);
    }

    private static BigDecimal number(double value) {
        return BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP);
    }

    private static BigDecimal clamp(BigDecimal v) {
        return v == null ? null : v.max(BigDecimal.ZERO).min(BigDecimal.valueOf(100));
    }

    private Reporting.ReportInput adminReport(GoalObject o, int index) {
        return switch (o.kind()) {
            case NAMNDMAL, ARBETSMILJOMAL -> new Reporting.ReportInput(goalAnalysis(o),
                    GOAL_STATES[index % GOAL_STATES.length].name(), null, null, null, null);
            case INTERNKONTROLLPUNKT -> {
                boolean remark = index % 3 == 0;
                yield new Reporting.ReportInput(null,
                        (remark ? ControlAssessment.MED_ANMARKNING : ControlAssessment.UTAN_ANMARKNING).name(),
                        remark ? "Stickprov på 40 ärenden: 6 avvek från rutinen, främst i dokumentationen av beslutsunderlaget."
                                : "Stickprov på 40 ärenden: samtliga följde rutinen.",
                        remark ? "Rutinen förtydligas och går igenom på arbetsplatsträffar under hösten. Ny kontroll vid årsbokslutet." : null,
                        null, null);
            }
            case UPPDRAG -> new Reporting.ReportInput(assignmentAnalysis(o),
                    ASSIGNMENT_STATES[index % ASSIGNMENT_STATES.length].name(), null, null,
                    index % 4 == 0 ? AssignmentStatus.FARDIG : AssignmentStatus.PABORJAD,
                    "Uppdraget bedöms vara genomfört vid årets slut.");
            default -> new Reporting.ReportInput(goalAnalysis(o), null, null, null, null, null);
        };
    }

    private String goalAnalysis(GoalObject goal) {
        return "Under perioden januari–augusti har förvaltningen arbetat med målet \"" + shortTitle(goal) + "\" genom flera "
                + "aktiviteter. Avdelningarna har tagit fram handlingsplaner där varje enhet har valt två till tre "
                + "förbättringsområden utifrån egna resultat och brukarnas synpunkter. Arbetet följs upp på ledningsgruppens "
                + "månadsmöten och på arbetsplatsträffar.\n\n"
                + "Nyckeltalen visar en positiv utveckling jämfört med samma period föregående år, men utfallet varierar mellan "
                + "enheterna. De enheter som har haft hög personalomsättning och många vikarier under sommaren ligger lägre. "
                + "Förvaltningen bedömer att de insatser som nu genomförs, bland annat introduktion av nyanställda, "
                + "kompetensutveckling och tydligare rutiner för dokumentation, ger effekt under hösten. Prognosen för helåret "
                + "bygger på att bemanningen stabiliseras efter sommaren och att planerade aktiviteter genomförs enligt plan.";
    }

    private static String unitAnalysis(GoalObject goal) {
        return "Enheten har under perioden arbetat med målet \"" + shortTitle(goal) + "\" på arbetsplatsträffar och i det "
                + "dagliga arbetet. Resultatet ligger i nivå med föregående år. Sommaren har präglats av vikarier, vilket har "
                + "påverkat kontinuiteten. Under hösten fortsätter arbetet enligt enhetens handlingsplan.";
    }

    private static String assignmentAnalysis(GoalObject assignment) {
        return "Arbetet med uppdraget \"" + shortTitle(assignment) + "\" pågår enligt den tidsplan som nämnden fick "
                + "redovisad i våras. En arbetsgrupp med representanter från samtliga avdelningar har kartlagt nuläget och "
                + "tagit fram förslag på åtgärder. Förslagen har stämts av med de fackliga organisationerna och med "
                + "ekonomienheten.\n\nUnder hösten genomförs åtgärderna stegvis, med start i de verksamheter där behovet är "
                + "störst. En första uppföljning görs i samband med årsbokslutet, då nämnden får en samlad redovisning av "
                + "effekter och kostnader.";
    }

    private static String shortTitle(GoalObject o) {
        return o.title().length() <= 80 ? o.title() : o.title().substring(0, 77) + "…";
    }

    private static String summary(int n) {
        return "Syntetiska förvaltningen " + n + " har under årets första åtta månader fortsatt arbetet med att ställa om "
                + "verksamheten för att möta de utmaningar som följer av en växande och åldrande befolkning. Fokus har legat "
                + "på en mer effektiv ekonomistyrning, förbättrad uppföljning och kontroll samt förändrade arbetssätt med stöd "
                + "av ökad digitalisering.\n\n"
                + "Kompetensförsörjningen är fortsatt en stor utmaning. Sommarrekryteringen visade att det är svårt att "
                + "rekrytera tillräckligt med personal med rätt kompetens, och flera enheter har haft en hög andel vikarier.\n\n"
                + "Den upplevda kvaliteten i verksamheten ligger fortsatt över rikssnittet, och prognosen för helåret är ett "
                + "resultat i balans med budget.";
    }

    // ---- drafts

    private static Draft draft(long municipality, Kind kind, Long parent, long owner, long period, String title,
                               String description) {
        return new Draft(municipality, kind, parent, owner, period, title, description);
    }

    /** A new object for {@link GoalService#create}: the fields of its kind, everything else null. */
    private static final class Draft {
        private final long municipality;
        private final Kind kind;
        private final Long parent;
        private final long owner;
        private final long period;
        private final String title;
        private final String description;
        private Direction direction;
        private String measureUnit;
        private String source;
        private Long linkedIndicator;
        private String linkMotivation;
        private Integer agendaGoal;
        private Long givenBy;
        private LocalDate dueDate;
        private AssignmentStatus status;
        private String process;
        private Integer riskValue;
        private String controlMethod;
        private String responsible;
        private FollowUpOccasion occasion;

        Draft(long municipality, Kind kind, Long parent, long owner, long period, String title, String description) {
            this.municipality = municipality;
            this.kind = kind;
            this.parent = parent;
            this.owner = owner;
            this.period = period;
            this.title = title;
            this.description = description;
        }

        Draft measure(Direction direction, String measureUnit, String source) {
            this.direction = direction;
            this.measureUnit = measureUnit;
            this.source = source;
            return this;
        }

        Draft linked(Long indicator, String motivation, Integer agendaGoal) {
            this.linkedIndicator = indicator;
            this.linkMotivation = motivation;
            this.agendaGoal = agendaGoal;
            return this;
        }

        Draft assignment(long givenBy, LocalDate dueDate, AssignmentStatus status) {
            this.givenBy = givenBy;
            this.dueDate = dueDate;
            this.status = status;
            return this;
        }

        Draft control(String process, int riskValue, String method, String responsible, FollowUpOccasion occasion) {
            this.process = process;
            this.riskValue = riskValue;
            this.controlMethod = method;
            this.responsible = responsible;
            this.occasion = occasion;
            return this;
        }

        GoalObject build() {
            return new GoalObject(null, municipality, kind, parent, owner, period, 0, title, description, direction,
                    measureUnit, source, null, null, null, linkedIndicator, linkMotivation, agendaGoal, null, null, null,
                    givenBy, dueDate, status, null, null, process, riskValue, controlMethod, responsible, occasion, false, 0);
        }
    }

    // ---- texts

    private static final GoalState[] GOAL_STATES = {GoalState.I_HOG_GRAD_UPPFYLLT, GoalState.DELVIS_UPPFYLLT,
            GoalState.HELT_UPPFYLLT, GoalState.EJ_UPPFYLLT};
    private static final GoalState[] ASSIGNMENT_STATES = {GoalState.HELT_UPPFYLLT, GoalState.I_HOG_GRAD_UPPFYLLT,
            GoalState.DELVIS_UPPFYLLT};
    private static final int[] RISK_VALUES = {12, 9, 8, 6, 16, 4, 12};

    private static final String[] DEPARTMENT_NAMES = {"Myndighetsavdelningen", "Äldreomsorg", "Funktionsstöd",
            "Hälso- och sjukvårdsavdelningen", "Stöd och utveckling", "Förvaltningskontoret"};
    private static final String[] UNIT_NAMES = {"Hemtjänst Norr", "Hemtjänst Söder", "Särskilt boende Ängen",
            "Särskilt boende Lyckan", "Korttidsboende", "Dagverksamhet", "Gruppbostad Björken", "Servicebostad Linden",
            "Daglig verksamhet", "Personlig assistans", "Hemsjukvård", "Rehabilitering", "Biståndshandläggning",
            "Bemanningsenheten", "Kvalitetsenheten"};
    private static final String[] GOAL_TITLES = {
            "Andelen brukare som upplever att personalen tar hänsyn till deras åsikter och önskemål ska öka",
            "Fler brukare ska kunna bo kvar i sitt ordinära boende med stöd av välfärdsteknik",
            "Kontinuiteten i hemtjänsten ska öka så att brukaren möter färre olika medarbetare",
            "Andelen nöjda brukare inom daglig verksamhet ska vara över riksgenomsnittet",
            "Förvaltningens klimatpåverkan från resor och transporter ska minska",
            "Den som kontaktar förvaltningen ska få ett snabbt och korrekt svar"};
    private static final String[] FIGURE_TITLES = {
            "Brukarbedömning hemtjänst äldreomsorg – helhetssyn, andel nöjda",
            "Antal olika personal som en hemtjänsttagare möter under 14 dagar",
            "Antal brukare med digital tillsyn",
            "Väntetid i antal dagar från ansökningsdatum till erbjudet inflyttningsdatum till särskilt boende",
            "Brukarbedömning särskilt boende – trivsel, andel nöjda",
            "Andel brukare som har en aktuell genomförandeplan",
            "Antal gruppboendeplatser LSS",
            "Sjukfrånvaro bland medarbetare, andel av arbetad tid",
            "Andel fossiloberoende fordon i hemtjänsten",
            "Andel som får svar på e-post inom ett dygn",
            "Antal avvikelser i läkemedelshanteringen",
            "Brukarbedömning daglig verksamhet LSS – trivsel, andel nöjda"};
    private static final String[] CONTROL_TITLES = {
            "Brister i dokumentationen av beslutsunderlag vid biståndsbedömning",
            "Risk att fakturor attesteras utan kontroll av leverans",
            "Brister i uppföljningen av privata utförare",
            "Risk att delegationsbeslut inte anmäls till nämnden",
            "Brister i läkemedelshanteringen på särskilda boenden",
            "Risk för felaktiga utbetalningar av timlön",
            "Brister i hanteringen av synpunkter och klagomål"};
    private static final String[] CONTROL_WHAT = {
            "Att beslutsunderlaget innehåller utredning, bedömning och motivering enligt rutinen.",
            "Att fakturor över 20 000 kr har kontrollerats mot beställning och leverans före attest.",
            "Att avtalsuppföljning har gjorts enligt plan för samtliga privata utförare.",
            "Att fattade delegationsbeslut har anmälts till nämnden vid nästkommande sammanträde.",
            "Att signeringslistor är kompletta och att avvikelser har rapporterats.",
            "Att timrapporter har attesterats av ansvarig chef före utbetalning.",
            "Att inkomna synpunkter har diarieförts, besvarats och följts upp inom fastställd tid."};
    private static final String[] CONTROL_PROCESSES = {"Myndighetsutövning", "Ekonomi", "Upphandling och avtal",
            "Delegation", "Hälso- och sjukvård", "Lön och personal", "Kvalitet"};
    private static final String[] CONTROL_METHODS = {
            "Stickprov på 40 ärenden per halvår.",
            "Stickprov på 25 fakturor per månad.",
            "Genomgång av samtliga avtalsuppföljningar.",
            "Avstämning mellan verksamhetssystemet och nämndens protokoll.",
            "Stickprov på signeringslistor på tre boenden.",
            "Stickprov på 30 timrapporter.",
            "Genomgång av registret över synpunkter och klagomål."};
    private static final String[] ASSIGNMENT_TITLES = {
            "Utöka självbestämmandet för äldre inom hemtjänsten",
            "Följa upp privata utförare",
            "Utveckla former för att mäta brukartid i hemtjänsten",
            "Effektivisera personlig assistans",
            "Ta fram en strategi för funktionsstöd 2023–2030",
            "Utveckla ekonomistyrningen",
            "Genomlysa riktlinjerna för beslut enligt LSS",
            "Införa digital nattillsyn",
            "Se över lokalbehovet för särskilt boende",
            "Minska användningen av bemanningssjuksköterskor"};
}
