package io.modelatlas.pricing;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * The sane range of each kind of number that enters the catalog, checked in this one place whichever door the number
 * comes through (an imported source file, a refresh, the overlay, an operator's correction). An absurd value such as
 * {@code 1e99999} is cheap to hold as a {@link BigDecimal} but not to print or to multiply, and a limit of {@code 1e30}
 * does not fit a {@code long}; refusing both at the door keeps every page and route fast and exact.
 *
 * <p>The ceilings are far above any real price, but not below the bundled data: LiteLLM's cost map lists W&amp;B
 * models at up to $540,000 per million tokens (a unit slip upstream, still a finite number we can show).
 */
public final class ValueBounds {
    /** $1 a token. */
    public static final BigDecimal MAX_USD_PER_MILLION_TOKENS = new BigDecimal("1000000");
    public static final BigDecimal MAX_USD_PER_IMAGE = new BigDecimal("1000");
    /** Real prices need at most 18 decimal places (float artefacts such as 0.049999999999999996). */
    public static final int MAX_DECIMAL_PLACES = 20;
    /** The largest real limit is models.dev's 99,999,999 ("unlimited" written as a number). */
    public static final long MAX_TOKENS = 100_000_000L;
    public static final BigDecimal MAX_SCORE = new BigDecimal("1000000");

    private ValueBounds() {}

    /**
     * A token price in USD per million tokens: 0 to {@link #MAX_USD_PER_MILLION_TOKENS}, at most
     * {@link #MAX_DECIMAL_PLACES} decimal places (so at most 27 significant digits).
     *
     * @throws OutOfBoundsException naming the range and the value
     */
    /**
     * What any price value must be, wherever it is made: not negative, and of a size arithmetic stays fast on (at most
     * 30 digits before the point and 40 after). The cost engine prices hypothetical sheets too (peers' conformance
     * vectors use $20,000,000 per 1M), so the business ceilings above are checked at the doors, not here.
     */
    public static BigDecimal representable(BigDecimal usd, String what) {
        if (usd.signum() < 0) {
            throw new OutOfBoundsException(what + " cannot be negative, got " + show(usd));
        }
        BigDecimal v = usd.stripTrailingZeros();
        if (v.precision() - v.scale() > 30 || v.scale() > 40) {
            throw new OutOfBoundsException(what + " must have at most 30 digits before the point and 40 after, got " + show(usd));
        }
        return usd;
    }

    public static BigDecimal usdPerMillionTokens(BigDecimal usd) {
        return money(usd, MAX_USD_PER_MILLION_TOKENS, "a price per 1M tokens", " USD per 1M tokens");
    }

    /** A flat price per image: 0 to {@link #MAX_USD_PER_IMAGE}, at most {@link #MAX_DECIMAL_PLACES} decimal places. */
    public static BigDecimal usdPerImage(BigDecimal usd) {
        return money(usd, MAX_USD_PER_IMAGE, "a price per image", " USD per image");
    }

    /**
     * A token count the catalog keeps (a context window, a max output, a long-context threshold): a whole number from
     * 1 to {@link #MAX_TOKENS}.
     */
    public static long tokenCount(BigDecimal n) {
        if (n.signum() != 0 && n.stripTrailingZeros().scale() > 0) {
            throw new OutOfBoundsException("a token count must be a whole number, got " + show(n));
        }
        if (n.signum() < 0) {
            throw new OutOfBoundsException("a token count cannot be negative: " + show(n));
        }
        if (n.signum() == 0 || n.compareTo(BigDecimal.valueOf(MAX_TOKENS)) > 0) {
            throw new OutOfBoundsException("a token count must be from 1 to " + String.format("%,d", MAX_TOKENS) + ", got " + show(n));
        }
        return n.longValueExact();
    }

    /**
     * A benchmark score or speed figure: 0 to {@link #MAX_SCORE} (real ones are percentages, indices and tokens per
     * second, at most a few hundred), at most {@link #MAX_DECIMAL_PLACES} decimal places.
     */
    public static BigDecimal score(BigDecimal score) {
        if (score.signum() < 0 || score.compareTo(MAX_SCORE) > 0) {
            throw new OutOfBoundsException("a benchmark score must be from 0 to " + MAX_SCORE.toPlainString() + ", got " + show(score));
        }
        if (score.signum() != 0 && score.stripTrailingZeros().scale() > MAX_DECIMAL_PLACES) {
            throw new OutOfBoundsException("a benchmark score may have at most " + MAX_DECIMAL_PLACES + " decimal places, got " + show(score));
        }
        return score;
    }

    private static BigDecimal money(BigDecimal usd, BigDecimal max, String what, String unit) {
        if (usd.signum() < 0) {
            throw new OutOfBoundsException(what + " cannot be negative: " + show(usd));
        }
        if (usd.compareTo(max) > 0) {
            throw new OutOfBoundsException(what + " must be at most " + max.toPlainString() + unit + ", got " + show(usd));
        }
        if (usd.signum() != 0 && usd.stripTrailingZeros().scale() > MAX_DECIMAL_PLACES) {
            throw new OutOfBoundsException(what + " may have at most " + MAX_DECIMAL_PLACES + " decimal places, got " + show(usd));
        }
        return usd;
    }

    /**
     * The value for a message: plain when short, else in E-notation and cut, so that quoting {@code 1e99999} does not
     * write a hundred thousand zeros.
     */
    public static String show(BigDecimal v) {
        BigDecimal n = v.stripTrailingZeros();
        if (n.scale() <= 30 && n.precision() - n.scale() <= 30) {
            return n.toPlainString();
        }
        return n.round(new MathContext(12)).toString();
    }
}
