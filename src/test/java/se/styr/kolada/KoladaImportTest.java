package se.styr.kolada;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.annotation.Transactional;
import se.styr.StyrIntegrationTest;

/**
 * The import against the local stand-in for Kolada: pages followed, outcomes filled, a hand-typed value kept with
 * Kolada's differing one beside it, idempotent, and a 5xx, a timeout and broken JSON refused in Swedish with nothing
 * stored. Each test runs in a transaction rolled back at its end.
 */
@StyrIntegrationTest
@Transactional
class KoladaImportTest {

    static final KoladaStandIn KOLADA = KoladaStandIn.INSTANCE;

    @DynamicPropertySource
    static void kolada(DynamicPropertyRegistry registry) {
        registry.add("styr.kolada.base-url", KOLADA::baseUrl);
        registry.add("styr.kolada.timeout", () -> "PT1S");
        registry.add("styr.kolada.attempts", () -> "2");
        registry.add("styr.kolada.retry-delay", () -> "PT0.1S");
        registry.add("styr.kolada.years-back", () -> "3");
    }

    @Autowired
    KoladaImports imports;
    @Autowired
    JdbcClient jdbc;

    long municipality;
    long figure;

    @BeforeEach
    void setUp() {
        KOLADA.mode = KoladaStandIn.Mode.OK;
        KOLADA.alingsas2021 = "91";
        KOLADA.requests.set(0);
        municipality = jdbc.sql("select id from municipality where kolada_id = '1489'").query(Long.class).single();
        figure = jdbc.sql("select id from goal_object where kind = 'NYCKELTAL' and kolada_id = 'U21468'").query(Long.class).single();
        jdbc.sql("delete from kolada_group_member where municipality_id = ?").param(municipality).update();
        jdbc.sql("delete from kolada_area where municipality_id = ?").param(municipality).update();
        jdbc.sql("insert into kolada_area (municipality_id, area, kind, title) values (?, '0014', 'LAN', 'Västra Götalands län')")
                .param(municipality).update();
        jdbc.sql("insert into kolada_area (municipality_id, area, kind, title) values (?, 'G1', 'GRUPP', 'Liknande kommuner')")
                .param(municipality).update();
        for (String member : new String[] {"1488", "1490"}) {
            jdbc.sql("insert into kolada_group_member (municipality_id, area, member) values (?, 'G1', ?)")
                    .params(municipality, member).update();
        }
    }

    @Test
    void kpi_metadata_is_read_page_by_page_and_searchable() {
        KoladaImports.Result r = imports.kpisFromKolada(null);
        assertThat(r.rows()).isEqualTo(3);
        KoladaStore store = storeOf();
        assertThat(store.search(java.util.List.of("u21468"), 10)).extracting(KoladaStore.StoredKpi::id).containsExactly("U21468");
        assertThat(store.search(java.util.List.of("trivs", "alltid"), 10)).extracting(KoladaStore.StoredKpi::id).contains("U28524");
        assertThat(store.kpi("N20900")).hasValueSatisfying(k -> assertThat(k.operatingArea()).isEqualTo("Äldreomsorg"));
    }

    @Autowired
    KoladaStore storeBean;

    KoladaStore storeOf() {
        return storeBean;
    }

    @Test
    void values_fill_missing_outcomes_keep_hand_typed_ones_and_follow_the_pages() {
        assertThat(outcome(2020)).isEqualByComparingTo("95"); // typed by hand from the seed
        KoladaImports.Result r = imports.valuesFromKolada(municipality);

        // pages 1 and 2 of U21468 (9 rows), N20900's empty value, and page 3: every other municipality (T 2021, K and
        // M 2020) and two regions
        assertThat(r.rows()).isEqualTo(10 + KoladaStandIn.OTHERS.size() * 3 + 2);
        assertThat(value("0014", 2021)).isEqualByComparingTo("89"); // from the second page
        assertThat(outcome(2021)).isEqualByComparingTo("91");
        assertThat(outcome(2020)).isEqualByComparingTo("95");
        assertThat(jdbc.sql("select applied from kolada_outcome where object_id = ? and year = 2020").param(figure)
                .query(Boolean.class).single()).isFalse();
        assertThat(jdbc.sql("select kolada_value from kolada_outcome where object_id = ? and year = 2020").param(figure)
                .query(BigDecimal.class).single()).isEqualByComparingTo("93");
        assertThat(r.message()).contains("behölls");
        assertThat(KOLADA.paths).as("every municipality's values, per KPI and year, no municipality filter")
                .anySatisfy(p -> assertThat(p).contains("/data/kpi/U21468/year/").doesNotContain("/municipality/"))
                .anySatisfy(p -> assertThat(p).contains("page=3"));
        assertThat(value("2000", 2021)).isEqualByComparingTo(String.valueOf(KoladaStandIn.OTHERS.get("2000")[0]));

        long audits = audits();
        long values = jdbc.sql("select count(*) from kolada_value").query(Long.class).single();
        imports.valuesFromKolada(municipality);
        assertThat(jdbc.sql("select count(*) from kolada_value").query(Long.class).single()).isEqualTo(values);
        assertThat(audits()).as("the same answer again writes nothing").isEqualTo(audits);

        KOLADA.alingsas2021 = "92"; // Kolada revises its own figure: an outcome that came from Kolada follows it
        imports.valuesFromKolada(municipality);
        assertThat(outcome(2021)).isEqualByComparingTo("92");
    }

    @Autowired
    org.springframework.test.web.servlet.MockMvc mvc;

    @Test
    @org.springframework.security.test.context.support.WithUserDetails("controller")
    void the_rank_is_among_every_municipality_with_a_value_total_and_women_and_men_separately() throws Exception {
        imports.valuesFromKolada(municipality);
        String page = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/kolada/objekt/" + figure))
                .andReturn().getResponse().getContentAsString();
        // U21468 should increase: place 1 is the highest; counties, regions and Riket are not counted
        assertThat(page).contains(expectedPlace(2021, "T", true)).contains(expectedPlace(2020, "K", true))
                .contains(expectedPlace(2020, "M", true)).contains("Placering bland kommunerna, kvinnor");
        assertThat(rankTotal(2021, "T")).as("the 283 other municipalities, Alingsås, and its two group members")
                .isGreaterThanOrEqualTo(KoladaStandIn.OTHERS.size() + 3);
    }

    /** "Plats n av m" computed from the stored values of municipalities (four digits, not 00..), independently of the page. */
    private String expectedPlace(int year, String sex, boolean higherIsBetter) {
        java.util.List<BigDecimal> all = municipalityValues(year, sex);
        BigDecimal own = jdbc.sql("select amount from kolada_value where kpi = 'U21468' and area = '1489' and year = ? and sex = ?")
                .params(year, sex).query(BigDecimal.class).single();
        long better = all.stream().filter(v -> higherIsBetter ? v.compareTo(own) > 0 : v.compareTo(own) < 0).count();
        return "Plats " + (better + 1) + " av " + all.size();
    }

    private int rankTotal(int year, String sex) {
        return municipalityValues(year, sex).size();
    }

    private java.util.List<BigDecimal> municipalityValues(int year, String sex) {
        return jdbc.sql("select area, amount from kolada_value where kpi = 'U21468' and year = ? and sex = ? and amount is not null")
                .params(year, sex).query((rs, n) -> new Object[] {rs.getString(1), rs.getBigDecimal(2)}).list().stream()
                .filter(a -> ((String) a[0]).matches("\\d{4}") && !((String) a[0]).startsWith("00"))
                .map(a -> (BigDecimal) a[1]).toList();
    }

    @Test
    @org.springframework.security.test.context.support.WithUserDetails("admin")
    void kolada_s_municipality_groups_are_fetched_page_by_page_and_one_is_picked_with_its_members() throws Exception {
        KoladaImports.Result r = imports.groupsFromKolada();
        assertThat(r.rows()).isEqualTo(2);
        String page = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/kolada/jamforelse"))
                .andReturn().getResponse().getContentAsString();
        // the group Alingsås belongs to is listed first
        assertThat(page).contains("Kommuner i Västra Götaland (test)").contains("Liknande kommuner äldreomsorg, Alingsås (test)");
        assertThat(page.indexOf("G900002")).isLessThan(page.indexOf("G900001"));

        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/kolada/jamforelse/grupp/kolada")
                        .param("koladaGroup", "G900002")
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().is3xxRedirection());
        assertThat(jdbc.sql("select member from kolada_group_member where municipality_id = ? and area = 'G900002' order by member")
                .param(municipality).query(String.class).list()).as("Alingsås itself is not its own peer").containsExactly("1487", "1490");
        assertThat(jdbc.sql("select count(*) from audit_entry where object_type = 'kolada_area' and summary like '%Kommuner i Västra Götaland%'")
                .query(Long.class).single()).isEqualTo(1);

        // an unknown group is refused in Swedish beside the field; nothing is added
        String refused = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/kolada/jamforelse/grupp/kolada")
                        .param("koladaGroup", "G999999")
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isBadRequest())
                .andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("finns inte i den hämtade listan");

        // the same groups from a file of the API's pages give the same copy
        String file = "[" + KOLADA.groupPage(false) + "," + KOLADA.groupPage(true) + "]";
        assertThat(imports.groupsFromFile(file, "grupper.json").rows()).isEqualTo(2);
        assertThat(jdbc.sql("select count(*) from kolada_group_catalog_member").query(Long.class).single()).isEqualTo(5);
    }

    @Test
    void a_run_records_each_page_as_it_is_read_and_the_runs_list_follows_a_running_one() throws Exception {
        int before;
        synchronized (KOLADA.paths) {
            before = KOLADA.paths.size();
        }
        KoladaImports.Result r = imports.valuesFromKolada(municipality);
        long pages;
        synchronized (KOLADA.paths) {
            pages = KOLADA.paths.subList(before, KOLADA.paths.size()).stream().filter(p -> p.contains("/data/")).count();
        }
        assertThat(pages).isGreaterThan(1);
        var run = jdbc.sql("select pages_read, row_count, status from kolada_run where id = (select max(id) from kolada_run)")
                .query((rs, n) -> new Object[] {rs.getInt(1), rs.getInt(2), rs.getString(3)}).single();
        assertThat(run).containsExactly((int) pages, r.rows(), "KLAR");

        // a run still going: the list says how far it has come and asks to be fetched again
        jdbc.sql("insert into kolada_run (municipality_id, started_at, source, status, row_count, pages_read) "
                + "values (?, current_timestamp, 'Kolada', 'PAGAR', 15000, 3)").param(municipality).update();
        mvc.perform(get("/kolada/korningar").with(user(users.loadUserByUsername("admin")))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Pågår: 3 sidor lästa hittills")))
                .andExpect(content().string(containsString("data-running=\"true\"")))
                .andExpect(content().string(containsString("hx-get=\"/kolada/korningar\"")));
        jdbc.sql("update kolada_run set status = 'KLAR' where status = 'PAGAR'").update();
        mvc.perform(get("/kolada/korningar").with(user(users.loadUserByUsername("admin"))))
                .andExpect(content().string(containsString("data-running=\"false\"")));
    }

    @Autowired
    org.springframework.security.core.userdetails.UserDetailsService users;

    @Test
    void a_passing_5xx_is_retried() {
        KOLADA.mode = KoladaStandIn.Mode.ERROR_500_ONCE;
        imports.valuesFromKolada(municipality);
        assertThat(outcome(2021)).isEqualByComparingTo("91");
    }

    @Test
    void a_lasting_5xx_is_a_swedish_error_and_nothing_is_stored() {
        KOLADA.mode = KoladaStandIn.Mode.ERROR_500;
        assertNothingStored("Kolada svarade med felkod 503 efter 2 försök");
        assertThat(KOLADA.requests.get()).isEqualTo(2);
    }

    @Test
    void a_timeout_is_a_swedish_error_and_nothing_is_stored() {
        KOLADA.mode = KoladaStandIn.Mode.SLOW;
        assertNothingStored("Kolada svarade inte inom 1 sekunder");
    }

    @Test
    void malformed_json_is_a_swedish_error_and_nothing_is_stored() {
        KOLADA.mode = KoladaStandIn.Mode.MALFORMED;
        assertNothingStored("felaktig JSON");
    }

    @Test
    void a_broken_second_page_leaves_the_first_unstored() {
        KOLADA.mode = KoladaStandIn.Mode.MALFORMED_PAGE_2;
        assertNothingStored("gick inte att läsa");
    }

    @Test
    void the_offline_csv_gives_the_same_result_as_the_api() {
        String csv = """
                kpi;municipality;year;sex;value
                U21468;1489;2020;T;93
                U21468;1489;2020;K;94
                U21468;1489;2020;M;90
                U21468;1489;2021;T;91
                U21468;0000;2020;T;88
                U21468;0000;2021;T;87
                U21468;0014;2021;T;89
                U21468;1488;2021;T;95
                U21468;1490;2021;T;85
                N20900;1489;2021;T;
                """;
        KoladaImports.Result r = imports.valuesFromFile(municipality, csv, "alingsas.csv");
        assertThat(r.rows()).isEqualTo(10);
        assertThat(outcome(2021)).isEqualByComparingTo("91");
        assertThat(outcome(2020)).isEqualByComparingTo("95");
        assertThat(value("0014", 2021)).isEqualByComparingTo("89");
    }

    @Test
    void a_bad_csv_row_is_named_and_nothing_is_stored() {
        long before = jdbc.sql("select count(*) from kolada_value").query(Long.class).single();
        assertThatThrownBy(() -> imports.valuesFromFile(municipality, "kpi,municipality,year,sex,value\nU21468,1489,2021,T,91\nU21468,1489,tjugo,T,1\n", "x.csv"))
                .isInstanceOf(KoladaException.class).hasMessageContaining("Rad 3");
        assertThat(jdbc.sql("select count(*) from kolada_value").query(Long.class).single()).isEqualTo(before);
    }

    private void assertNothingStored(String message) {
        long before = jdbc.sql("select count(*) from kolada_value").query(Long.class).single();
        assertThatThrownBy(() -> imports.valuesFromKolada(municipality)).isInstanceOf(KoladaException.class)
                .hasMessageContaining(message).hasMessageContaining("Inget sparades");
        assertThat(jdbc.sql("select count(*) from kolada_value").query(Long.class).single()).isEqualTo(before);
        assertThat(outcome(2021)).isNull();
        assertThat(jdbc.sql("select status from kolada_run order by id desc fetch first 1 rows only").query(String.class).single())
                .isEqualTo("FEL");
    }

    private long audits() {
        return jdbc.sql("select count(*) from audit_entry where object_type = 'measure_value' and object_id = ?").param(figure)
                .query(Long.class).single();
    }

    private BigDecimal outcome(int year) {
        return jdbc.sql("select outcome from measure_value where object_id = ? and year = ?").params(figure, year)
                .query(BigDecimal.class).optional().orElse(null);
    }

    private BigDecimal value(String area, int year) {
        return jdbc.sql("select amount from kolada_value where kpi = 'U21468' and area = ? and year = ? and sex = 'T'")
                .params(area, year).query(BigDecimal.class).single();
    }
}
