package se.styr.demo;

import java.sql.Types;
import java.util.List;
import java.util.Random;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import se.styr.demo.GeneratedOrganisation.Committee;
import se.styr.platform.Messages;

/**
 * Generates a municipality of a given size into an empty database, for measuring Styr at the size of a city:
 * {@code styr.generate.scale=1} is Göteborg as measured (2 035 units under 60 bodies, 22 131 goal objects,
 * 196 468 yearly values, an open interim-report round per committee), 10 is ten times that, and fractions make the
 * small municipalities of tests. The same scale and seed give the same data. Login users as in the demo
 * (admin, controller, avdelningschef, enhetschef, enhetschef2, forvaltningschef, politiker) get the password
 * {@code styr.generate.password}. With {@code styr.generate.exit=true} the application stops when done.
 */
@Component
@Order(10)
@ConditionalOnProperty(name = "styr.generate.scale")
class MunicipalityGenerator implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(MunicipalityGenerator.class);

    /** What was written, counted while writing. */
    record Summary(double scale, long orgUnits, long bodies, long goalObjects, long values, long rounds, long shares,
                   long tasks, long reports, long users) {
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final Messages messages;
    private final ConfigurableApplicationContext context;
    private final double scale;
    private final long seed;
    private final String password;
    private final boolean exit;
    /** What the last run wrote. */
    Summary generated;

    MunicipalityGenerator(JdbcTemplate jdbc, TransactionTemplate transaction, Messages messages, ConfigurableApplicationContext context,
                          @Value("${styr.generate.scale}") double scale, @Value("${styr.generate.seed:12}") long seed,
                          @Value("${styr.generate.password:styr-demo}") String password,
                          @Value("${styr.generate.exit:false}") boolean exit) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.messages = messages;
        this.context = context;
        this.scale = scale;
        this.seed = seed;
        this.password = password;
        this.exit = exit;
    }

    @Override
    public void run(ApplicationArguments args) {
        Summary summary = generate();
        generated = summary;
        log.info("Genererad kommun, skala {}: {}", scale, summary);
        if (exit) {
            System.exit(SpringApplication.exit(context, () -> 0));
        }
    }

    Summary generate() {
        if (!(scale > 0 && scale <= 100)) {
            throw new IllegalStateException("styr.generate.scale måste vara större än 0 och högst 100, inte " + scale + ".");
        }
        if (password == null || password.isBlank()) {
            throw new IllegalStateException("styr.generate.password får inte vara tomt.");
        }
        Long existing = jdbc.queryForObject("select (select count(*) from municipality) + (select count(*) from app_user)"
                + " + (select count(*) from org_unit) + (select count(*) from goal_object)", Long.class);
        if (existing != null && existing > 0) {
            throw new IllegalStateException("Databasen är inte tom: generatorn (styr.generate.scale) skriver bara i en tom databas. "
                    + "Skapa en ny databas och starta med styr.demo.enabled=false.");
        }
        long started = System.nanoTime();
        Summary summary = transaction.execute(status -> write());
        log.info("Genereringen tog {} s.", (System.nanoTime() - started) / 1_000_000_000);
        return summary;
    }

    private Summary write() {
        Random random = new Random(seed);
        jdbc.update("insert into municipality (name, kolada_id, vision, core_values, near_target_tolerance) values (?, ?, ?, ?, 5)",
                "Genererad kommun (skala " + scale + ")", "9999",
                "En stad där alla kan växa: trygg, hållbar och öppen för världen.", "Öppenhet, respekt och delaktighet");
        long municipalityId = jdbc.queryForObject("select id from municipality where kolada_id = '9999'", Long.class);
        jdbc.update("insert into plan_period (municipality_id, name, first_year, last_year) values (?, ?, ?, ?)", municipalityId,
                "Budget " + GeneratedChain.FIRST_YEAR + "–" + GeneratedChain.LAST_YEAR, GeneratedChain.FIRST_YEAR, GeneratedChain.LAST_YEAR);
        long periodId = jdbc.queryForObject("select id from plan_period where municipality_id = ?", Long.class, municipalityId);

        GeneratedOrganisation org;
        try (Rows units = GeneratedOrganisation.rows(jdbc)) {
            org = new GeneratedOrganisation(units, municipalityId, scale, random);
        }
        GeneratedChain chain;
        try (Rows objects = GeneratedChain.rows(jdbc); Rows values = GeneratedChain.valueRows(jdbc)) {
            chain = new GeneratedChain(objects, municipalityId, periodId, random);
            chain.build(org, scale);
            chain.values(values, scale);
        }
        GeneratedRounds rounds = new GeneratedRounds(jdbc, messages, random);
        rounds.build(municipalityId, periodId, org, chain);
        long users = users(municipalityId, org);
        // explicit ids were written: what the database numbers next starts after them
        restart("org_unit", org.units);
        restart("goal_object", chain.objects);
        restart("followup_round", rounds.rounds);
        // KF, the committees with KS, and the companies
        return new Summary(scale, org.units, 1L + org.committees.size() + org.companies.size(), chain.objects, chain.values,
                rounds.rounds, rounds.shares, rounds.tasks, rounds.reports, users);
    }

    /** The demo's people and roles, placed in the largest committee (the first). */
    private long users(long municipalityId, GeneratedOrganisation org) {
        Committee committee = org.committees.get(0);
        var department = committee.departments().stream()
                .max(java.util.Comparator.comparingInt(d -> d.units().size())).orElseThrow();
        List<Long> units = department.units();
        String hash = new BCryptPasswordEncoder().encode(password);
        Object[][] people = {
                {"admin", "Alva Administratör", "ADMINISTRATOR", null},
                {"controller", "Carl Controller", "CONTROLLER", committee.body().id()},
                {"forvaltningschef", "Fredrik Förvaltningschef", "REPORTER", committee.adminId()},
                {"avdelningschef", "Dana Avdelningschef", "REPORTER", department.id()},
                {"enhetschef", "Erik Enhetschef", "REPORTER", units.get(0)},
                {"enhetschef2", "Hanna Enhetschef", "REPORTER", units.get(units.size() > 1 ? 1 : 0)},
                {"politiker", "Petra Politiker", "READER", null}};
        try (Rows user = new Rows(jdbc, "insert into app_user (municipality_id, username, display_name, email, password_hash) values (?, ?, ?, ?, ?)",
                Types.BIGINT, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR)) {
            for (Object[] p : people) {
                user.add(municipalityId, p[0], p[1], p[0] + "@example.invalid", hash);
            }
        }
        try (Rows role = new Rows(jdbc, "insert into role_assignment (user_id, role, org_unit_id) values ((select id from app_user where username = ?), ?, ?)",
                Types.VARCHAR, Types.VARCHAR, Types.BIGINT)) {
            for (Object[] p : people) {
                role.add(p[0], p[2], p[3]);
            }
        }
        return people.length;
    }

    private void restart(String table, long lastId) {
        jdbc.execute("alter table " + table + " alter column id restart with " + (lastId + 1));
    }
}
