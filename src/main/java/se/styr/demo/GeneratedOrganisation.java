package se.styr.demo;

import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The organisation of a generated municipality: KF, KS, the committees (nämnder) each with its administration,
 * departments and units, and the companies. The units are spread over the administrations as unevenly as in a
 * city (a few large administrations, many small), the same shape in every block of {@value #COMMITTEES} committees.
 */
final class GeneratedOrganisation {

    /** Göteborg's measured size at scale 1. */
    static final int UNITS = 2035;
    static final int COMMITTEES = 46;
    static final int COMPANIES = 12;

    private static final String[] COMMITTEE_NAMES = {"Förskolenämnden", "Grundskolenämnden", "Utbildningsnämnden",
            "Äldre samt vård- och omsorgsnämnden", "Nämnden för funktionsstöd", "Socialnämnden Nordost",
            "Socialnämnden Centrum", "Socialnämnden Sydväst", "Socialnämnden Hisingen", "Nämnden för arbetsmarknad och vuxenutbildning",
            "Kulturnämnden", "Idrotts- och föreningsnämnden", "Stadsbyggnadsnämnden", "Fastighetsnämnden",
            "Miljö- och klimatnämnden", "Trafiknämnden", "Park- och naturnämnden", "Kretslopp- och vattennämnden",
            "Servicenämnden", "Nämnden för demokrati och medborgarservice", "Nämnden för inköp och upphandling",
            "Byggnadsnämnden", "Räddningsnämnden", "Arkivnämnden", "Valnämnden", "Överförmyndarnämnden"};
    private static final String[] DISTRICTS = {"", " Nord", " Syd", " Öst", " Väst", " Centrum", " Hisingen", " Angered",
            " Askim", " Majorna", " Lundby", " Torslanda", " Backa", " Biskopsgården", " Frölunda", " Örgryte", " Kortedala",
            " Bergsjön", " Tynnered", " Styrsö"};
    private static final String[] COMPANY_NAMES = {"Stadens Bostäder AB", "Stadens Energi AB", "Stadens Fastigheter AB",
            "Stadens Hamn AB", "Stadens Evenemang AB", "Stadens Renhållning AB", "Stadens Parkering AB",
            "Stadens Utveckling AB", "Stadens Vatten AB", "Stadens Bredband AB", "Stadens Spårvägar AB", "Stadens Holding AB"};
    private static final String[] DEPARTMENTS = {"Område Nord", "Område Syd", "Område Öst", "Område Väst", "Område Centrum",
            "Stab och ledning", "Verksamhetsstöd", "Ekonomi och HR", "Myndighet", "Utveckling", "Kvalitet och uppföljning"};
    private static final String[] UNIT_WORDS = {"Enhet", "Team", "Verksamhet", "Grupp", "Station", "Kontor"};

    record Body(long id, String type, String name, String code) {
    }

    record Department(long id, String name, List<Long> units) {
    }

    /** A committee (or KS) with the administration (förvaltning) that compiles its report. */
    record Committee(Body body, long adminId, String adminName, List<Department> departments) {

        int reportingUnits() {
            return departments.size() + departments.stream().mapToInt(d -> d.units().size()).sum();
        }
    }

    final long kfId;
    final long ksId;
    final List<Committee> committees = new ArrayList<>();
    final List<Body> companies = new ArrayList<>();
    long units;

    private long nextId = 1;
    private final Rows rows;
    private final long municipalityId;

    GeneratedOrganisation(Rows orgUnits, long municipalityId, double scale, Random random) {
        this.rows = orgUnits;
        this.municipalityId = municipalityId;
        int committeeCount = Math.max(1, (int) Math.round(COMMITTEES * scale));
        int companyCount = (int) Math.round(COMPANIES * scale);
        kfId = unit(null, "KOMMUNFULLMAKTIGE", "Kommunfullmäktige", "KF", 1);
        ksId = unit(kfId, "KOMMUNSTYRELSE", "Kommunstyrelsen", "KS", 1);
        unit(ksId, "UTSKOTT", "Kommunstyrelsens arbetsutskott", "KSAU", 1);
        List<Body> bodies = new ArrayList<>();
        for (int i = 0; i < committeeCount; i++) {
            String name = COMMITTEE_NAMES[i % COMMITTEE_NAMES.length]
                    + DISTRICTS[(i / COMMITTEE_NAMES.length) % DISTRICTS.length]
                    + (i >= COMMITTEE_NAMES.length * DISTRICTS.length ? " " + (i / (COMMITTEE_NAMES.length * DISTRICTS.length) + 1) : "");
            String code = "N" + (i + 1);
            bodies.add(new Body(unit(ksId, "NAMND", name, code, i + 2), "NAMND", name, code));
        }
        for (int i = 0; i < companyCount; i++) {
            String name = COMPANY_NAMES[i % COMPANY_NAMES.length] + (i >= COMPANY_NAMES.length ? " " + (i / COMPANY_NAMES.length + 1) : "");
            String code = "B" + (i + 1);
            companies.add(new Body(unit(ksId, "BOLAG", name, code, committeeCount + i + 2), "BOLAG", name, code));
        }
        // KS last: its administration (stadsledningskontoret) is among the smaller ones.
        bodies.add(new Body(ksId, "KOMMUNSTYRELSE", "Kommunstyrelsen", "KS"));

        long fixed = nextId - 1 + bodies.size();
        long target = Math.max(Math.round(UNITS * scale), fixed + 2L * bodies.size());
        int[] sizes = spread(target - fixed, bodies.size(), random);
        for (int i = 0; i < bodies.size(); i++) {
            committees.add(administration(bodies.get(i), sizes[i], random));
        }
        units = nextId - 1;
    }

    /** Splits n departments-and-units over the administrations, weights 1/k^0.8 repeating per block, at least 2 each. */
    private static int[] spread(long n, int administrations, Random random) {
        double[] weights = new double[administrations];
        double sum = 0;
        for (int i = 0; i < administrations; i++) {
            weights[i] = 1 / Math.pow(i % (COMMITTEES + 1) + 1, 0.8);
            sum += weights[i];
        }
        int[] sizes = new int[administrations];
        long left = n;
        for (int i = 0; i < administrations; i++) {
            sizes[i] = 2;
            left -= 2;
        }
        long share = left;
        for (int i = 0; i < administrations && left > 0; i++) {
            int more = (int) Math.min(left, Math.floor(share * weights[i] / sum));
            sizes[i] += more;
            left -= more;
        }
        while (left > 0) {
            sizes[random.nextInt(administrations)]++;
            left--;
        }
        return sizes;
    }

    private Committee administration(Body body, int size, Random random) {
        String adminName = body.type().equals("KOMMUNSTYRELSE") ? "Stadsledningskontoret"
                : body.name().replace("nämnden", "förvaltningen").replace("Nämnden för", "Förvaltningen för");
        long adminId = unit(body.id(), "FORVALTNING", adminName, body.code() + "-F", 1);
        int departmentCount = Math.max(1, Math.min(size / 2, (int) Math.round(Math.sqrt(size) / 3.0)));
        List<Department> departments = new ArrayList<>();
        for (int d = 0; d < departmentCount; d++) {
            String name = DEPARTMENTS[d % DEPARTMENTS.length] + (d >= DEPARTMENTS.length ? " " + (d / DEPARTMENTS.length + 1) : "");
            departments.add(new Department(unit(adminId, "AVDELNING", name, body.code() + "-A" + (d + 1), d + 1), name,
                    new ArrayList<>()));
        }
        int unitCount = size - departmentCount;
        for (int u = 0; u < unitCount; u++) {
            // every department gets one unit first, the rest at random
            Department department = departments.get(u < departmentCount ? u : random.nextInt(departmentCount));
            int position = department.units().size() + 1;
            String name = UNIT_WORDS[random.nextInt(UNIT_WORDS.length)] + " " + department.name() + " " + position;
            department.units().add(unit(department.id(), "ENHET", name, body.code() + "-A"
                    + (departments.indexOf(department) + 1) + "-" + position, position));
        }
        return new Committee(body, adminId, adminName, departments);
    }

    private long unit(Long parentId, String type, String name, String code, int position) {
        long id = nextId++;
        rows.add(id, municipalityId, parentId, type, name, code, position);
        return id;
    }

    static Rows rows(org.springframework.jdbc.core.JdbcTemplate jdbc) {
        return new Rows(jdbc, "insert into org_unit (id, municipality_id, parent_id, type, name, code, position) values (?, ?, ?, ?, ?, ?, ?)",
                Types.BIGINT, Types.BIGINT, Types.BIGINT, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.INTEGER);
    }
}
