package se.styr.organisation;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import se.styr.platform.ConflictException;
import se.styr.platform.NotFoundException;
import se.styr.platform.Problems;

/**
 * The municipality's settings: its name, Kolada id, vision, värdegrund and the tolerance that makes an indicator "nära
 * målvärdet" when no indicator sets its own. Administrator only; every change audited old → new. A change raises the
 * municipality's data version (through the audit log), so compiled reports that use the tolerance are made afresh.
 */
@Service
public class MunicipalitySettings {

    public static final BigDecimal TOLERANCE_MAX = new BigDecimal("100");

    public record Settings(String name, String koladaId, String vision, String coreValues, BigDecimal nearTargetTolerance) {
    }

    public record EditableMunicipality(Municipality municipality, int version) {
    }

    private final JdbcClient jdbc;
    private final OrganisationRights rights;
    private final ApplicationEventPublisher events;

    private final se.styr.platform.MunicipalityLock municipalityLock;

    MunicipalitySettings(JdbcClient jdbc, OrganisationRights rights, ApplicationEventPublisher events,
                         se.styr.platform.MunicipalityLock municipalityLock) {
        this.municipalityLock = municipalityLock;
        this.jdbc = jdbc;
        this.rights = rights;
        this.events = events;
    }

    public boolean mayEdit() {
        return rights.isAdministrator();
    }

    /** The acting person's municipality with its version. */
    @Transactional(readOnly = true)
    public EditableMunicipality current() {
        long m = rights.municipalityId();
        return jdbc.sql("select id, name, kolada_id, vision, core_values, near_target_tolerance, version from municipality where id = ?")
                .param(m)
                .query((rs, n) -> new EditableMunicipality(new Municipality(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getBigDecimal(6)), rs.getInt(7)))
                .optional().orElseThrow(() -> new NotFoundException("Kommunen", m));
    }

    @Transactional
    public EditableMunicipality update(Integer version, Settings in) {
        rights.requireAdministrator();
        long m = rights.municipalityId();
        municipalityLock.hold(m);
        EditableMunicipality current = current();
        if (version != null && version != current.version()) {
            throw new ConflictException("municipality", m);
        }
        Settings s = new Settings(OrganisationAdmin.strip(in.name()), OrganisationAdmin.strip(in.koladaId()),
                OrganisationAdmin.strip(in.vision()), OrganisationAdmin.strip(in.coreValues()), in.nearTargetTolerance());
        Problems p = new Problems();
        p.check(s.name() != null, "name", "setup.validering.kommunnamn");
        p.check(s.name() == null || s.name().length() <= MunicipalitySetup.NAME_MAX, "name", "validering.text.lang",
                MunicipalitySetup.NAME_MAX);
        boolean kolada = s.koladaId() != null && s.koladaId().matches("\\d{4}");
        p.check(kolada, "koladaId", "setup.validering.kolada");
        if (kolada) {
            p.check(jdbc.sql("select count(*) from municipality where kolada_id = ? and id <> ?").params(s.koladaId(), m)
                    .query(Long.class).single() == 0, "koladaId", "setup.validering.koladaFinns");
        }
        p.check(s.vision() == null || s.vision().length() <= MunicipalitySetup.VISION_MAX, "vision", "validering.text.lang",
                MunicipalitySetup.VISION_MAX);
        p.check(s.coreValues() == null || s.coreValues().length() <= MunicipalitySetup.CORE_VALUES_MAX, "coreValues",
                "validering.text.lang", MunicipalitySetup.CORE_VALUES_MAX);
        BigDecimal t = s.nearTargetTolerance();
        p.check(t != null, "nearTargetTolerance", "kommun.validering.tolerans");
        p.check(t == null || (t.signum() >= 0 && t.compareTo(TOLERANCE_MAX) <= 0 && t.stripTrailingZeros().scale() <= 2),
                "nearTargetTolerance", "kommun.validering.tolerans");
        p.throwIfAny();
        jdbc.sql("""
                        update municipality set name = ?, kolada_id = ?, vision = ?, core_values = ?, near_target_tolerance = ?,
                          version = version + 1 where id = ?""")
                .params(s.name(), s.koladaId(), s.vision(), s.coreValues(), t, m).update();
        EditableMunicipality saved = current();
        Map<String, Object> before = new LinkedHashMap<>();
        Map<String, Object> after = new LinkedHashMap<>();
        Municipality o = current.municipality();
        Municipality n = saved.municipality();
        diff("namn", o.name(), n.name(), before, after);
        diff("koladaId", o.koladaId(), n.koladaId(), before, after);
        diff("vision", o.vision(), n.vision(), before, after);
        diff("vardegrund", o.coreValues(), n.coreValues(), before, after);
        if (o.nearTargetTolerance().compareTo(n.nearTargetTolerance()) != 0) {
            before.put("naraMalvardeProcent", o.nearTargetTolerance());
            after.put("naraMalvardeProcent", n.nearTargetTolerance());
        }
        if (!after.isEmpty()) {
            events.publishEvent(new OrganisationChanged(m, "municipality", m, OrganisationChanged.Kind.ANDRAD,
                    "Kommunens inställningar ändrade: " + String.join(", ", after.keySet()), before, after));
        }
        return saved;
    }

    private static void diff(String field, Object old, Object now, Map<String, Object> before, Map<String, Object> after) {
        if (!Objects.equals(old, now)) {
            before.put(field, old);
            after.put(field, now);
        }
    }
}
