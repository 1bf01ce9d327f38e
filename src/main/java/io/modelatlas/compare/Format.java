package io.modelatlas.compare;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * The one place where numbers become text. Money is rounded here, once, and nowhere else.
 */
public final class Format {
    /**
     * How shown money rounds: half up, as people round by hand and as price lists do ($2.625 shows as $2.63).
     * JSON never rounds: it carries the exact stored decimal.
     */
    public static final RoundingMode MONEY_ROUNDING = RoundingMode.HALF_UP;

    private Format() {}

    /**
     * A price or cost in dollars: at least two decimals, more when the amount needs them, then rounded half-up:
     * {@code $2.00}, {@code $0.40}, {@code $0.075}, {@code $1.125}, {@code $0.0000225}.
     */
    public static String usd(BigDecimal amount) {
        if (amount.signum() < 0) {
            return "-" + usd(amount.negate());
        }
        BigDecimal a = amount.stripTrailingZeros();
        int scale = Math.max(2, Math.min(a.scale(), amountScale(a)));
        BigDecimal shown = a.setScale(scale, MONEY_ROUNDING).stripTrailingZeros();
        scale = Math.max(2, Math.max(0, shown.scale()));
        shown = shown.setScale(scale, RoundingMode.UNNECESSARY);
        return "$" + grouped(shown.toPlainString());
    }

    /**
     * Thousands separators in the whole part of a plain decimal ({@code 1234.50} to {@code 1,234.50}), as
     * {@code DecimalFormat("#,##0")} writes them in the US locale, without building a DecimalFormat per number
     * (pages print hundreds of figures). The digits are the caller's: no rounding happens here.
     */
    private static String grouped(String plain) {
        int dot = plain.indexOf('.');
        int whole = dot < 0 ? plain.length() : dot;
        if (whole <= 3) {
            return plain;
        }
        StringBuilder out = new StringBuilder(plain.length() + whole / 3);
        for (int i = 0; i < whole; i++) {
            if (i > 0 && (whole - i) % 3 == 0) {
                out.append(',');
            }
            out.append(plain.charAt(i));
        }
        return out.append(plain, whole, plain.length()).toString();
    }

    /**
     * Decimals worth showing: up to 4 from a dollar up ({@code $1.125}), and 4 significant digits below it
     * ({@code $0.0000225}), capped at 8 decimals.
     */
    private static int amountScale(BigDecimal a) {
        if (a.abs().compareTo(BigDecimal.ONE) >= 0) {
            return 4;
        }
        if (a.signum() == 0) {
            return 2;
        }
        int leadingZeros = -a.abs().precision() + a.abs().scale();
        return Math.min(8, Math.max(2, leadingZeros + 4));
    }

    /** An instant to the second, as the pages show it: {@code 2026-11-23 10:00:00 UTC}. */
    public static String timestamp(java.time.Instant t) {
        return t.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString().replace('T', ' ').replace("Z", " UTC");
    }

    /** A score in a listing sorted by its benchmark: the exact figure and its unit ({@code 88.6 score}, {@code 0.41 s}). */
    /** A published score as published, with the configuration scored when it is not the default. */
    public static String leaderboardScore(io.modelatlas.catalog.LeaderboardScore s) {
        String config = s.configuration();
        return config.isEmpty() ? s.scoreText() : s.scoreText() + " (" + config + ")";
    }

    public static String benchmarkScore(io.modelatlas.catalog.Benchmark b) {
        return b.score().toPlainString() + " " + b.kind().unit();
    }

    /** A value of the catalog's history as people read it: a price per million tokens or per image, a limit in tokens, a status. */

    public static String historyValue(io.modelatlas.catalog.history.HistoryEntry e) {
        if (e.key().offering().isEmpty()) {
            return e.key().field().equals("status") ? e.value() : count(Long.parseLong(e.value())) + " tokens";
        }
        if (e.key().field().contains("image")) {
            return usd(new BigDecimal(e.value())) + " / image";
        }
        return usd(new BigDecimal(e.value())) + " / 1M tokens";
    }

    /** Whole dollars and cents for totals people budget with, rounded half-up: {@code $1,234.57}, {@code $2.625} as {@code $2.63}. */
    public static String usdCents(BigDecimal amount) {
        if (amount.signum() < 0) {
            return "-" + usdCents(amount.negate());
        }
        return "$" + grouped(amount.setScale(2, MONEY_ROUNDING).toPlainString());
    }

    /** {@code 1,047,576}. */
    public static String count(long n) {
        return n < 0 ? "-" + grouped(Long.toString(n).substring(1)) : grouped(Long.toString(n));
    }

    /** {@code 1.05M}, {@code 128K}, {@code 400K}: compact, for tables and headlines. */
    public static String compactTokens(long n) {
        if (n >= 1_000_000) {
            return trim(BigDecimal.valueOf(n).movePointLeft(6).setScale(2, RoundingMode.HALF_EVEN)) + "M";
        }
        if (n >= 1_000) {
            return trim(BigDecimal.valueOf(n).movePointLeft(3).setScale(1, RoundingMode.HALF_EVEN)) + "K";
        }
        return Long.toString(n);
    }

    /** A percentage with at most one decimal: {@code 80%}, {@code 62.5%}. */
    public static String percent(BigDecimal fraction) {
        return trim(fraction.movePointRight(2).setScale(1, RoundingMode.HALF_EVEN)) + "%";
    }

    /** A ratio with at most two decimals: {@code 2.67}, {@code 5}. */
    public static String ratio(BigDecimal ratio) {
        return trim(ratio.setScale(2, RoundingMode.HALF_EVEN));
    }

    /** A score as published (trailing zeros dropped): {@code 87.5}, {@code 0.63}. */
    public static String number(BigDecimal n) {
        return trim(n);
    }

    /** "Tool calling" from "tool calling": a label at the start of a sentence. */
    public static String capitalised(String label) {
        return label.isEmpty() ? label : label.substring(0, 1).toUpperCase(java.util.Locale.ROOT) + label.substring(1);
    }

    /** "a text", "an image": a model type's label, lowercased, with its article. */
    public static String withArticle(String label) {
        String l = label.toLowerCase(java.util.Locale.ROOT);
        return ("aeiou".indexOf(l.charAt(0)) >= 0 ? "an " : "a ") + l;
    }

    private static String trim(BigDecimal n) {
        BigDecimal s = n.stripTrailingZeros();
        return (s.scale() < 0 ? s.setScale(0) : s).toPlainString();
    }
}
