package se.styr.transfer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.springframework.stereotype.Component;
import se.styr.accounts.Role;
import se.styr.accounts.people.People;
import se.styr.accounts.people.Person;
import se.styr.organisation.OrgUnit;
import se.styr.platform.Paging;
import se.styr.platform.excel.ExcelFile;
import se.styr.platform.excel.ImportPhase;
import se.styr.platform.excel.ImportProgress;

/**
 * The people with their roles as a workbook: Personer (one row per person) and Roller (one row per role and scope).
 * An import creates the people who are new (with a one-time password each, so they cannot log in until an
 * administrator gives them one or they log in through the municipality's SSO), deactivates or reactivates, and gives
 * the roles that are missing. It never takes a role away nor renames anyone: those are done on the person's page.
 */
@Component
class PeopleTransfer {

    static final String PEOPLE = "Personer";
    static final String ROLES = "Roller";
    static final List<String> PEOPLE_HEADERS = List.of("Användarnamn", "Namn", "E-post", "Aktiv");
    static final List<String> ROLE_HEADERS = List.of("Användarnamn", "Roll", "Omfattning");
    static final int MAX_ROWS = 20_000;

    private final People people;
    private final TransferContext context;

    PeopleTransfer(People people, TransferContext context) {
        this.people = people;
        this.context = context;
    }

    private List<Person> all() {
        List<Person> all = new ArrayList<>();
        for (int page = 1; ; page++) {
            Paging.Page<Person> p = people.search(null, new Paging(page, Paging.MAX_SIZE));
            all.addAll(p.items());
            if ((long) page * Paging.MAX_SIZE >= p.total()) {
                return all;
            }
        }
    }

    byte[] export() {
        Map<Long, OrgUnit> units = new HashMap<>();
        context.units().forEach(u -> units.put(u.id(), u));
        List<List<Object>> persons = new ArrayList<>();
        List<List<Object>> roles = new ArrayList<>();
        for (Person p : all()) {
            persons.add(java.util.Arrays.asList(p.username(), p.displayName(), p.email(), p.active()));
            for (Person.Grant g : p.roles()) {
                if (!g.fromOidc()) {
                    roles.add(java.util.Arrays.asList(p.username(), context.text("role." + g.role().name()),
                            g.unitId() == null ? null : ChainExport.key(units.get(g.unitId()))));
                }
            }
        }
        return write(persons, roles);
    }

    byte[] template() {
        String committee = context.units().stream().filter(u -> u.type() == se.styr.organisation.OrgUnitType.NAMND)
                .findFirst().map(ChainExport::key).orElse(context.text("transfer.example.committee"));
        return write(List.of(List.of("anna.andersson", "Anna Andersson", "anna.andersson@kommun.se", true),
                        List.of("erik.eriksson", "Erik Eriksson", "erik.eriksson@kommun.se", true)),
                List.of(java.util.Arrays.asList("anna.andersson", context.text("role.CONTROLLER"), committee),
                        java.util.Arrays.asList("erik.eriksson", context.text("role.READER"), null)));
    }

    private byte[] write(List<List<Object>> persons, List<List<Object>> roles) {
        try (WorkbookWriter w = new WorkbookWriter(context.text("transfer.people.workbook"),
                List.of(context.text("transfer.instructions.rows"), context.text("transfer.instructions.people")))) {
            w.sheet(PEOPLE, context.text("transfer.sheet.PERSONER"), List.of(
                    new WorkbookWriter.Column("Användarnamn", context.text("transfer.people.username")),
                    new WorkbookWriter.Column("Namn", context.text("transfer.people.name")),
                    new WorkbookWriter.Column("E-post", context.text("transfer.people.email.help")),
                    new WorkbookWriter.Column("Aktiv", context.text("transfer.people.active"))), persons);
            w.sheet(ROLES, context.text("transfer.sheet.ROLLER"), List.of(
                    new WorkbookWriter.Column("Användarnamn", context.text("transfer.roles.username")),
                    new WorkbookWriter.Column("Roll", context.text("transfer.roles.role")),
                    new WorkbookWriter.Column("Omfattning", context.text("transfer.roles.scope"))), roles);
            return w.bytes();
        }
    }

    void read(ExcelFile workbook, ImportRun run, boolean write, ImportProgress progress) {
        Cells cells = context.cells(run);
        List<ExcelFile.Row> persons = run.dataRows(workbook, PEOPLE, PEOPLE_HEADERS, MAX_ROWS, false, progress);
        List<ExcelFile.Row> roles = workbook.sheetName(ROLES) == null ? List.of()
                : run.dataRows(workbook, ROLES, ROLE_HEADERS, MAX_ROWS * 5, false, progress);
        if (run.hasProblems()) {
            return;
        }
        progress.phase(write ? ImportPhase.SKRIVER : ImportPhase.KONTROLLERAR, persons.size() + roles.size());
        Map<String, Person> byUsername = new HashMap<>();
        all().forEach(p -> byUsername.put(p.username().toLowerCase(Locale.ROOT), p));
        Map<String, Integer> seen = new HashMap<>();
        int done = 0;
        cells.sheet(PEOPLE);
        for (ExcelFile.Row row : persons) {
            progress.rows(++done);
            if (!cells.noFormulas(row)) {
                continue;
            }
            String username = cells.required(row, 0, "användarnamn");
            String name = cells.required(row, 1, "namn");
            String email = Cells.text(row, 2);
            Boolean active = cells.yesNo(row, 3);
            if (username == null || name == null) {
                continue;
            }
            Integer first = seen.putIfAbsent(username.toLowerCase(Locale.ROOT), row.number());
            if (first != null) {
                cells.problem(row, 0, "import.error.duplicate", String.valueOf(first), "användarnamn");
                continue;
            }
            Person current = byUsername.get(username.toLowerCase(Locale.ROOT));
            Map<String, Integer> fieldColumns = Map.of("displayName", 1, "username", 0, "email", 2, "person", 3);
            if (current == null) {
                boolean ok = run.write(PEOPLE, row.number(), 0, fieldColumns, context.text("transfer.people.created", name, username), () -> {
                    Person created = people.create(name, username, email).person();
                    if (Boolean.FALSE.equals(active)) {
                        created = people.setActive(created.id(), created.version(), false);
                    }
                    byUsername.put(username.toLowerCase(Locale.ROOT), created);
                });
                run.count(PEOPLE, ImportRun.Change.CREATED, ok ? 1 : 0);
                continue;
            }
            if (!current.displayName().equals(name)) {
                cells.problem(row, 1, "transfer.people.rename", current.displayName());
            }
            if (!Objects.equals(current.email(), email)) {
                cells.problem(row, 2, "transfer.people.email", current.email() == null ? "–" : current.email());
            }
            if (active == null || active == current.active()) {
                run.count(PEOPLE, ImportRun.Change.UNCHANGED, 1);
                continue;
            }
            boolean ok = run.write(PEOPLE, row.number(), 3, fieldColumns,
                    context.text(active ? "transfer.people.activated" : "transfer.people.deactivated", current.displayName()),
                    () -> byUsername.put(username.toLowerCase(Locale.ROOT), people.setActive(current.id(), current.version(), active)));
            run.count(PEOPLE, ImportRun.Change.UPDATED, ok ? 1 : 0);
        }
        cells.sheet(ROLES);
        Set<List<Object>> given = new HashSet<>();
        for (ExcelFile.Row row : roles) {
            progress.rows(++done);
            if (!cells.noFormulas(row)) {
                continue;
            }
            int before = run.problems().size();
            String username = cells.required(row, 0, "användarnamn");
            Role role = cells.required(row, 1, "roll") == null ? null : cells.choice(row, 1, Role.class, "role.");
            OrgUnit unit = cells.unit(row, 2, false, null);
            Person person = username == null ? null : byUsername.get(username.toLowerCase(Locale.ROOT));
            if (username != null && person == null) {
                cells.problem(row, 0, "transfer.roles.unknownPerson", username);
            }
            if (run.problems().size() > before || person == null || role == null) {
                continue;
            }
            Long unitId = unit == null ? null : unit.id();
            if (!given.add(java.util.Arrays.asList(person.id(), role, unitId))) {
                cells.problem(row, 0, "transfer.roles.twice");
                continue;
            }
            if (person.roles().stream().anyMatch(g -> g.role() == role && Objects.equals(g.unitId(), unitId))) {
                run.count(ROLES, ImportRun.Change.UNCHANGED, 1);
                continue;
            }
            boolean ok = run.write(ROLES, row.number(), 1, Map.of("role", 1, "unit", 2),
                    context.text("transfer.roles.given", person.displayName(), context.text("role." + role.name()),
                            unit == null ? context.text("transfer.roles.everything") : unit.name()),
                    () -> people.addRole(person.id(), role, unitId));
            run.count(ROLES, ImportRun.Change.CREATED, ok ? 1 : 0);
        }
    }
}
