package se.styr.organisation;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import se.styr.platform.Problems;

/**
 * Creates the municipality at the first start of an empty installation, with Kommunfullmäktige as the root of its
 * organisation tree (every other unit is added below it). The caller records the creation in the audit log.
 */
@Service
public class MunicipalitySetup {

    public static final int NAME_MAX = 200;
    public static final int VISION_MAX = 2000;
    public static final int CORE_VALUES_MAX = 500;

    /** What the setup form asks about the municipality. */
    public record NewMunicipality(String name, String koladaId, String vision, String coreValues) {
    }

    private final JdbcClient jdbc;

    MunicipalitySetup(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The problems with the form's municipality fields (field names name, koladaId, vision, coreValues). */
    public void check(NewMunicipality m, Problems p) {
        String name = strip(m.name());
        p.check(name != null, "name", "setup.validering.kommunnamn");
        p.check(name == null || name.length() <= NAME_MAX, "name", "validering.text.lang", NAME_MAX);
        String kolada = strip(m.koladaId());
        p.check(kolada != null && kolada.matches("\\d{4}"), "koladaId", "setup.validering.kolada");
        if (kolada != null && kolada.matches("\\d{4}")) {
            p.check(jdbc.sql("select count(*) from municipality where kolada_id = ?").param(kolada).query(Long.class).single() == 0,
                    "koladaId", "setup.validering.koladaFinns");
        }
        String vision = strip(m.vision());
        p.check(vision == null || vision.length() <= VISION_MAX, "vision", "validering.text.lang", VISION_MAX);
        String core = strip(m.coreValues());
        p.check(core == null || core.length() <= CORE_VALUES_MAX, "coreValues", "validering.text.lang", CORE_VALUES_MAX);
    }

    /** Creates the checked municipality and its Kommunfullmäktige; returns the municipality's id. */
    @Transactional(propagation = Propagation.MANDATORY)
    public long create(NewMunicipality m) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("insert into municipality (name, kolada_id, vision, core_values) values (?, ?, ?, ?)")
                .params(strip(m.name()), strip(m.koladaId()), strip(m.vision()), strip(m.coreValues())).update(keys, "id");
        long id = keys.getKey().longValue();
        jdbc.sql("insert into org_unit (municipality_id, parent_id, type, name, code, position) values (?, null, ?, ?, ?, 0)")
                .params(id, OrgUnitType.KOMMUNFULLMAKTIGE.name(), "Kommunfullmäktige", "KF").update();
        return id;
    }

    private static String strip(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
