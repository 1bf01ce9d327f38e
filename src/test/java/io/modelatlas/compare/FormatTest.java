package io.modelatlas.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class FormatTest {
    @Test
    void shown_money_rounds_half_up_not_half_even() {
        assertThat(Format.usdCents(new BigDecimal("2.625"))).isEqualTo("$2.63");
        assertThat(Format.usdCents(new BigDecimal("2.635"))).isEqualTo("$2.64");
        assertThat(Format.usdCents(new BigDecimal("0.005"))).isEqualTo("$0.01");
        assertThat(Format.usdCents(new BigDecimal("-2.625"))).isEqualTo("-$2.63");
        assertThat(Format.usdCents(new BigDecimal("1234.565"))).isEqualTo("$1,234.57");
        assertThat(Format.usd(new BigDecimal("1.00005"))).isEqualTo("$1.0001");
        assertThat(Format.usd(new BigDecimal("0.000022505"))).isEqualTo("$0.00002251");
    }

    @Test
    void shown_money_keeps_the_decimals_a_price_needs() {
        assertThat(Format.usd(new BigDecimal("2.625"))).isEqualTo("$2.625");
        assertThat(Format.usd(new BigDecimal("0.4"))).isEqualTo("$0.40");
        assertThat(Format.usd(new BigDecimal("15.000020000000002"))).isEqualTo("$15.00");
    }
}
