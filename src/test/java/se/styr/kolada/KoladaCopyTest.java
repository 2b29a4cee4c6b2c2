package se.styr.kolada;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;
import se.styr.StyrIntegrationTest;

/**
 * A key (kpi, area, year, sex) repeated within one import: the row read last wins and nothing fails. Tagged {@code db}
 * (through {@link StyrIntegrationTest}), so it runs on H2 (batched path) and again on PostgreSQL, where more than
 * {@link KoladaStore#COPY_FROM} rows go through COPY: straight into the table when the KPI is new (the repeated key
 * breaks that COPY, which falls back to its savepoint) and through the staging table when it is stored already.
 * Each test is rolled back at its end.
 */
@StyrIntegrationTest
@Transactional
class KoladaCopyTest {

    @Autowired
    KoladaStore store;
    @Autowired
    JdbcClient jdbc;

    /** More rows than the COPY threshold for a KPI id no seed uses; the key (1489, 2021, T) comes twice. */
    private static List<KoladaRows.Value> rows(String kpi, String first, String last) {
        List<KoladaRows.Value> rows = new ArrayList<>();
        rows.add(new KoladaRows.Value(kpi, "1489", 2021, 'T', new BigDecimal(first)));
        for (int year = 1990; rows.size() < KoladaStore.COPY_FROM + 10; year++) {
            for (int area = 1000; area < 1300; area++) {
                rows.add(new KoladaRows.Value(kpi, String.valueOf(area), year, 'T', BigDecimal.valueOf(area % 97)));
            }
        }
        rows.add(new KoladaRows.Value(kpi, "1489", 2021, 'T', new BigDecimal(last)));
        return rows;
    }

    @Test
    void a_key_repeated_in_a_new_kpis_import_keeps_the_last_row() {
        List<KoladaRows.Value> rows = rows("X90001", "91", "92.5");
        store.saveValues(rows);
        assertThat(amount("X90001")).isEqualByComparingTo("92.5");
        assertThat(count("X90001")).isEqualTo(rows.size() - 1);
    }

    @Test
    void a_key_repeated_in_an_import_of_a_stored_kpi_keeps_the_last_row() {
        store.saveValues(List.of(new KoladaRows.Value("X90002", "1489", 2021, 'T', new BigDecimal("50"))));
        List<KoladaRows.Value> rows = rows("X90002", "93", "94");
        store.saveValues(rows);
        assertThat(amount("X90002")).isEqualByComparingTo("94");
        assertThat(count("X90002")).isEqualTo(rows.size() - 1);

        store.saveValues(rows); // the same import again: idempotent
        assertThat(amount("X90002")).isEqualByComparingTo("94");
        assertThat(count("X90002")).isEqualTo(rows.size() - 1);
    }

    @Test
    void a_key_repeated_in_a_small_import_keeps_the_last_row() {
        store.saveValues(List.of(new KoladaRows.Value("X90003", "1489", 2021, 'T', new BigDecimal("1")),
                new KoladaRows.Value("X90003", "1489", 2021, 'T', new BigDecimal("2"))));
        assertThat(amount("X90003")).isEqualByComparingTo("2");
        assertThat(count("X90003")).isEqualTo(1);
    }

    private BigDecimal amount(String kpi) {
        return jdbc.sql("select amount from kolada_value where kpi = ? and area = '1489' and year = 2021 and sex = 'T'")
                .param(kpi).query(BigDecimal.class).single();
    }

    private long count(String kpi) {
        return jdbc.sql("select count(*) from kolada_value where kpi = ?").param(kpi).query(Long.class).single();
    }
}
