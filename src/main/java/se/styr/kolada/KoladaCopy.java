package se.styr.kolada;

import java.io.Reader;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * Many values into PostgreSQL at COPY speed: streamed as CSV through the driver's COPY into a temporary staging table,
 * then one upsert into {@code kolada_value}, in the caller's transaction (so a failure still stores nothing).
 */
final class KoladaCopy {

    private KoladaCopy() {
    }

    /** False when the database is not PostgreSQL (the caller then uses batches). */
    static boolean copy(JdbcTemplate jdbc, List<KoladaRows.Value> values) {
        DataSource ds = jdbc.getDataSource();
        Connection c = DataSourceUtils.getConnection(ds);
        try {
            Class<?> pgType = pgConnection();
            if (pgType == null || !c.isWrapperFor(pgType)) {
                return false;
            }
            Object pgConnection = c.unwrap(pgType);
            if (!anyStored(c, values)) {
                // none of these KPIs stored yet: straight into the table at a bare COPY's speed; should the rows
                // repeat a key, back to the savepoint and through the staging table below
                java.sql.Savepoint before = c.setSavepoint();
                try {
                    copyIn(pgType, pgConnection, "copy kolada_value (kpi, area, year, sex, amount) from stdin (format csv)", new Rows(values, false));
                    c.releaseSavepoint(before);
                    return true;
                } catch (java.lang.reflect.InvocationTargetException e) {
                    c.rollback(before);
                }
            }
            try (Statement st = c.createStatement()) {
                st.execute("create temporary table if not exists kolada_stage_n (kpi varchar(10), area varchar(10), "
                        + "year integer, sex char(1), amount numeric(18, 4), n bigint) on commit delete rows");
            }
            copyIn(pgType, pgConnection, "copy kolada_stage_n from stdin (format csv)", new Rows(values, true));
            try (Statement st = c.createStatement()) {
                // a key repeated within the import: the row read last wins, as in the batched path
                st.execute("""
                        insert into kolada_value (kpi, area, year, sex, amount)
                        select distinct on (kpi, area, year, sex) kpi, area, year, sex, amount from kolada_stage_n
                        order by kpi, area, year, sex, n desc
                        on conflict (kpi, area, year, sex) do update set amount = excluded.amount
                        where kolada_value.amount is distinct from excluded.amount""");
                st.execute("truncate kolada_stage_n");
            }
            return true;
        } catch (SQLException | ReflectiveOperationException e) {
            throw new KoladaException(e, "kolada.error.database");
        } finally {
            DataSourceUtils.releaseConnection(c, ds);
        }
    }

    /** The driver is a runtime dependency only: its COPY API is reached by reflection. */
    private static void copyIn(Class<?> pgType, Object pgConnection, String sql, Reader rows)
            throws ReflectiveOperationException {
        Object copyApi = pgType.getMethod("getCopyAPI").invoke(pgConnection);
        copyApi.getClass().getMethod("copyIn", String.class, Reader.class).invoke(copyApi, sql, rows);
    }

    private static boolean anyStored(Connection c, List<KoladaRows.Value> values) throws SQLException {
        String[] kpis = values.stream().map(KoladaRows.Value::kpi).distinct().toArray(String[]::new);
        try (java.sql.PreparedStatement ps = c.prepareStatement("select exists (select 1 from kolada_value where kpi = any (?))")) {
            ps.setArray(1, c.createArrayOf("varchar", kpis));
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    private static Class<?> pgConnection() {
        try {
            return Class.forName("org.postgresql.PGConnection");
        } catch (ClassNotFoundException e) {
            return null;
        }
    }

    /** The rows as CSV, produced while the driver reads: no second copy of a million rows in memory. */
    private static final class Rows extends Reader {

        private final List<KoladaRows.Value> values;
        private final boolean numbered;
        private int next;
        private String line = "";
        private int pos;

        /** {@code numbered}: each line ends with its position, so that the last of a repeated key can be told. */
        Rows(List<KoladaRows.Value> values, boolean numbered) {
            this.values = values;
            this.numbered = numbered;
        }

        @Override
        public int read(char[] buf, int off, int len) {
            if (pos >= line.length()) {
                if (next >= values.size()) {
                    return -1;
                }
                KoladaRows.Value v = values.get(next++);
                line = v.kpi() + ',' + v.area() + ',' + v.year() + ',' + v.sex() + ','
                        + (v.value() == null ? "" : v.value().toPlainString()) + (numbered ? "," + next : "") + '\n';
                pos = 0;
            }
            int n = Math.min(len, line.length() - pos);
            line.getChars(pos, pos + n, buf, off);
            pos += n;
            return n;
        }

        @Override
        public void close() {
        }
    }
}
