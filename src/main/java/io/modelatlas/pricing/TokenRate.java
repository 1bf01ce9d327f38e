package io.modelatlas.pricing;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A price in US dollars per one million tokens. Exact: the value is kept at full scale and
 * normalised with {@code stripTrailingZeros()} so that equal prices are equal records.
 */
public record TokenRate(BigDecimal usdPerMillion) implements Comparable<TokenRate> {
    private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);

    public TokenRate {
        Objects.requireNonNull(usdPerMillion, "usdPerMillion");
        ValueBounds.representable(usdPerMillion, "a price per 1M tokens"); // readers check the ceilings first, naming the file and key
        usdPerMillion = usdPerMillion.signum() == 0 ? BigDecimal.ZERO : usdPerMillion.stripTrailingZeros();
    }

    /** Parses a per-million price written as text, e.g. {@code "0.40"}. */
    public static TokenRate perMillion(String usd) {
        return new TokenRate(new BigDecimal(usd));
    }

    public static TokenRate perMillion(BigDecimal usd) {
        return new TokenRate(usd);
    }

    /** Converts a per-token price (LiteLLM, OpenRouter) to per million, exactly. */
    public static TokenRate perToken(BigDecimal usdPerToken) {
        return new TokenRate(usdPerToken.movePointRight(6));
    }

    /** The exact cost of {@code tokens} tokens at this rate. */
    public BigDecimal costOf(long tokens) {
        if (tokens < 0) {
            throw new IllegalArgumentException("token count cannot be negative: " + tokens);
        }
        return usdPerMillion.multiply(BigDecimal.valueOf(tokens)).movePointLeft(6).stripTrailingZeros();
    }

    public boolean isFree() {
        return usdPerMillion.signum() == 0;
    }

    /** This rate divided by another, e.g. 1.60 / 0.60 = 2.666...; exact to 10 decimals. */
    public BigDecimal ratioTo(TokenRate other) {
        return usdPerMillion.divide(other.usdPerMillion, 10, java.math.RoundingMode.HALF_EVEN);
    }

    public BigDecimal perToken() {
        return usdPerMillion.divide(MILLION);
    }

    @Override
    public int compareTo(TokenRate o) {
        return usdPerMillion.compareTo(o.usdPerMillion);
    }

    @Override
    public String toString() {
        return "$" + usdPerMillion.toPlainString() + "/1M";
    }
}
