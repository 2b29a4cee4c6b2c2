package se.styr.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class SwedishFormatTest {

    private final SwedishFormat sv = new SwedishFormat();

    @Test
    void formats_the_swedish_way() {
        assertThat(sv.number(new BigDecimal("83.1800"))).isEqualTo("83,18");
        assertThat(sv.number(new BigDecimal("80504"))).isEqualTo("80\u00a0504");
        assertThat(sv.number(new BigDecimal("-2509587"), 0)).isEqualTo("−2\u00a0509\u00a0587");
        assertThat(sv.tkr(new BigDecimal("2132879000"))).isEqualTo("2\u00a0132\u00a0879");
        assertThat(sv.mnkr(new BigDecimal("34500000"))).isEqualTo("34,5");
        // percentages in a column keep two decimals: the result target 4 beside a result of 4,32
        assertThat(sv.percent(new BigDecimal("4"))).isEqualTo("4,00\u00a0%");
        assertThat(sv.percent(new BigDecimal("4.3157"))).isEqualTo("4,32\u00a0%");
        assertThat(sv.percent(new BigDecimal("-1.895"))).isEqualTo("−1,90\u00a0%");
        assertThat(sv.percent(null)).isEmpty();
    }

    @Test
    void parses_what_people_type() {
        assertThat(SwedishFormat.parse("83,18")).isEqualByComparingTo("83.18");
        assertThat(SwedishFormat.parse("1 500")).isEqualByComparingTo("1500");
        assertThat(SwedishFormat.parse("−2,5")).isEqualByComparingTo("-2.5");
        assertThat(SwedishFormat.parse("  ")).isNull();
        assertThatThrownBy(() -> SwedishFormat.parse("tolv")).isInstanceOf(NumberFormatException.class);
        assertThat(SwedishFormat.parse("12,")).isEqualByComparingTo("12");
        assertThat(SwedishFormat.parse(",5")).isEqualByComparingTo("0.5");
        assertThatThrownBy(() -> SwedishFormat.parse("1e999999999")).isInstanceOf(NumberFormatException.class);
        assertThatThrownBy(() -> SwedishFormat.parse("1".repeat(41))).isInstanceOf(NumberFormatException.class);
    }
}
