package se.styr.economy.budget;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.annotation.Transactional;
import se.styr.SignedIn;
import se.styr.StyrIntegrationTest;
import se.styr.economy.EconomyTable;

/**
 * The demo's Budget 2022–2024 reproduces every figure of seed 004's tables (in tkr): typed lines exactly, derived
 * lines computed, and where the seed printed a derived figure rounded line by line, the ±1 difference is shown.
 */
@StyrIntegrationTest
@Transactional
class BudgetSeedTest {

    @Autowired
    BudgetService budgets;
    @Autowired
    UserDetailsService users;

    ComputedBudget budget;

    @BeforeEach
    void load() {
        SignedIn.as(users, "politiker");
        Budget b = budgets.forYear(2022).orElseThrow();
        assertThat(b.periodName()).isEqualTo("Budget 2022–2024");
        budget = budgets.computed(b.id());
    }

    @AfterEach
    void logOut() {
        SecurityContextHolder.clearContext();
    }

    private static List<Long> tkr(long... values) {
        return Arrays.stream(values).mapToObj(v -> v * 1000).toList();
    }

    private static void assertRow(EconomyTable table, String key, List<Long> values) {
        assertThat(table.row(key).values()).as(table.code() + " " + key).isEqualTo(values);
    }

    /** A derived row: the computed figures, and the printed ones where the seed's rounding makes them differ. */
    private static void assertDerived(EconomyTable table, String key, List<Long> computed, List<Long> printed) {
        EconomyTable.Row row = table.row(key);
        assertThat(row.derived()).isTrue();
        assertThat(row.values()).as(table.code() + " " + key).isEqualTo(computed);
        for (int i = 0; i < computed.size(); i++) {
            Long difference = row.differenceAt(i);
            long expected = printed.get(i) - computed.get(i);
            assertThat(difference == null ? 0 : difference).as(key + " column " + i).isEqualTo(expected);
            assertThat(Math.abs(expected)).isLessThanOrEqualTo(1000);
        }
    }

    @Test
    void resultBudgetReproducesTheSeedWithItsRoundingShown() {
        EconomyTable r = budget.result();
        assertThat(r.columns()).containsExactly("2022", "2023", "2024");
        assertDerived(r, "NETTOKOSTNADER_EXKL_AVSKRIVNINGAR", tkr(-2_509_587, -2_571_510, -2_679_657), tkr(-2_509_587, -2_571_510, -2_679_657));
        assertRow(r, "AVSKRIVNINGAR", tkr(-88_997, -94_298, -98_702));
        assertDerived(r, "VERKSAMHETENS_NETTOKOSTNADER", tkr(-2_598_584, -2_665_808, -2_778_359), tkr(-2_598_584, -2_665_809, -2_778_358));
        assertRow(r, "SKATTEINTAKTER", tkr(2_132_879, 2_205_201, 2_297_073));
        assertRow(r, "GENERELLA_STATSBIDRAG", tkr(598_715, 580_434, 582_073));
        assertDerived(r, "VERKSAMHETENS_RESULTAT", tkr(133_010, 119_827, 100_787), tkr(133_009, 119_827, 100_788));
        assertRow(r, "FINANSIELLA_INTAKTER", tkr(33_000, 38_000, 60_000));
        assertRow(r, "FINANSIELLA_KOSTNADER", tkr(-56_745, -46_402, -46_521));
        assertDerived(r, "RESULTAT_EFTER_FINANSIELLA_POSTER", tkr(109_265, 111_425, 114_266), tkr(109_264, 111_425, 114_267));
        assertDerived(r, "ARETS_RESULTAT", tkr(109_265, 111_425, 114_266), tkr(109_264, 111_425, 114_267));
        assertThat(r.hasDifferences()).isTrue();
        // "4,0 %" in the seed for all three years
        assertThat(budget.resultShare(2022)).isEqualByComparingTo(new BigDecimal("4.00"));
        assertThat(budget.resultShare(2023)).isEqualByComparingTo(new BigDecimal("4.00"));
        assertThat(budget.resultShare(2024)).isEqualByComparingTo(new BigDecimal("3.97"));
    }

    @Test
    void balanceAndCashFlowBudgetsReproduceTheSeed() {
        EconomyTable b = budget.balance();
        assertRow(b, "ANLAGGNINGSTILLGANGAR", tkr(1_411_230, 1_598_421, 1_797_493));
        assertRow(b, "OMSATTNINGSTILLGANGAR", tkr(5_073_279, 5_111_707, 5_150_865));
        assertDerived(b, "SUMMA_TILLGANGAR", tkr(6_484_509, 6_710_128, 6_948_358), tkr(6_484_509, 6_710_128, 6_948_358));
        // equity grows by the year's result: 1 276 006 + 111 425 = 1 387 431, + 114 266 = 1 501 697 (printed 1 501 698)
        assertThat(b.row("EGET_KAPITAL").values()).isEqualTo(tkr(1_276_006, 1_387_431, 1_501_697));
        assertThat(b.row("EGET_KAPITAL").differenceAt(2)).isEqualTo(1000L);
        assertDerived(b, "SUMMA_EGET_KAPITAL_OCH_SKULDER", tkr(6_484_508, 6_710_128, 6_948_357), tkr(6_484_509, 6_710_128, 6_948_358));

        EconomyTable c = budget.cashFlow();
        assertRow(c, "LOPANDE_VERKSAMHET", tkr(93_051, 119_918, 136_931));
        assertDerived(c, "INVESTERINGSVERKSAMHET", tkr(-276_980, -281_490, -297_773), tkr(-276_980, -281_490, -297_773));
        assertRow(c, "FINANSIERINGSVERKSAMHET", tkr(100_000, 100_000, 100_000));
        assertDerived(c, "ARETS_KASSAFLODE", tkr(-83_929, -61_572, -60_842), tkr(-83_929, -61_572, -60_842));
    }

    @Test
    void operatingAndInvestmentBudgetsReproduceTheSeed() {
        EconomyTable d = budget.frames();
        List<String> labels = d.rows().stream().map(EconomyTable.Row::label).toList();
        assertThat(labels).startsWith("Vård- och omsorgsnämnden", "Socialnämnden", "Kultur- och utbildningsnämnden",
                "Barn- och ungdomsnämnden", "Miljöskyddsnämnden", "Samhällsbyggnadsnämnden", "Exploatering",
                "Kommunstyrelsen", "Överförmyndarnämnden", "Summa kommunbidrag");
        assertThat(d.rows().get(0).values()).isEqualTo(tkr(853_556, 882_503, 915_095));
        assertThat(d.rows().get(3).values()).isEqualTo(tkr(915_095, 943_909, 978_926));
        assertDerived(d, BudgetCalculator.SUM_FRAMES, tkr(2_472_187, 2_553_960, 2_655_850), tkr(2_472_187, 2_553_960, 2_655_850));

        EconomyTable i = budget.investments();
        assertThat(i.columns()).containsExactly("2022", "2023", "2024", "2025", "2026");
        assertThat(i.rows().stream().filter(r -> r.label().equals("Kommunstyrelsen")).findFirst().orElseThrow().values())
                .isEqualTo(tkr(71_520, 81_200, 58_400, 46_200, 40_700));
        EconomyTable.Row von = i.rows().stream().filter(r -> r.label().equals("Vård- och omsorgsnämnden")).findFirst().orElseThrow();
        assertThat(von.derived()).isTrue();
        assertThat(von.values()).isEqualTo(tkr(5_300, 5_300, 5_300, 5_300, 5_300));
        assertThat(i.rows().stream().filter(r -> r.label().equals("Sängar")).findFirst().orElseThrow().indent()).isEqualTo(2);
        assertRow(i, BudgetCalculator.SUM_TAX_FINANCED, tkr(145_030, 159_680, 126_420, 105_320, 90_470));
        assertDerived(i, BudgetCalculator.SUM_INVESTMENTS, tkr(276_980, 281_490, 297_773, 283_809, 283_273),
                tkr(276_980, 281_490, 297_773, 283_809, 283_273));
    }

    @Test
    void theCareCommitteesDetailBudgetReproducesTheSeed() {
        EconomyTable von = budget.committees().values().stream().filter(t -> t.title().equals("Vård- och omsorgsnämnden"))
                .findFirst().orElseThrow();
        assertThat(von.columns()).containsExactly("Budget 2021", "Budget 2022", "Plan 2023", "Plan 2024");
        assertRow(von, "VERKSAMHETENS_INTAKTER", tkr(193_979, 194_228, 200_815, 208_231));
        assertRow(von, "PERSONALKOSTNADER", tkr(-714_212, -716_023, -740_347, -767_689));
        assertRow(von, "LOKALHYROR", tkr(-91_070, -93_000, -95_944, -99_487));
        assertRow(von, "KOP_AV_TJANSTER", tkr(-131_710, -161_998, -167_632, -173_823));
        assertRow(von, "OVRIGA_KOSTNADER", tkr(-75_716, -76_763, -79_395, -82_327));
        // Plan 2024: the cost rows add up to 1 123 326, printed 1 123 327
        assertDerived(von, "VERKSAMHETENS_KOSTNADER", tkr(-1_012_708, -1_047_784, -1_083_318, -1_123_326),
                tkr(-1_012_708, -1_047_784, -1_083_318, -1_123_327));
        assertDerived(von, "VERKSAMHETENS_NETTOKOSTNADER", tkr(-818_729, -853_556, -882_503, -915_095),
                tkr(-818_729, -853_556, -882_503, -915_095));
        // the grant comes from the operating budget for the period's years
        assertDerived(von, "KOMMUNBIDRAG", tkr(818_729, 853_556, 882_503, 915_095), tkr(818_729, 853_556, 882_503, 915_095));
        assertRow(von, "FINANSNETTO", tkr(0, 0, 0, 0));
        assertDerived(von, "ARETS_RESULTAT", tkr(0, 0, 0, 0), tkr(0, 0, 0, 0));
    }
}
