package se.styr.platform;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The municipality's row lock, held until the transaction ends: writes that check something across many rows before
 * they write (a unit's code is free, a year's rounds do not exist yet, an outcome month is not stored yet) run one after
 * the other within a municipality instead of both passing the check and one of them failing on a unique key.
 */
@Component
public class MunicipalityLock {

    private final JdbcClient jdbc;

    MunicipalityLock(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void hold(long municipalityId) {
        jdbc.sql("select id from municipality where id = ? for update").param(municipalityId).query(Long.class).optional();
    }
}
