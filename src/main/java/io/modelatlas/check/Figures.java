package io.modelatlas.check;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** Numbers as articles write them, and whether a stated figure is the catalog's, exactly or within its rounding. */
final class Figures {
    private static final Map<String, BigDecimal> WORDS = Map.ofEntries(
            Map.entry("one", BigDecimal.ONE), Map.entry("two", BigDecimal.valueOf(2)), Map.entry("three", BigDecimal.valueOf(3)),
            Map.entry("four", BigDecimal.valueOf(4)), Map.entry("five", BigDecimal.valueOf(5)), Map.entry("six", BigDecimal.valueOf(6)),
            Map.entry("seven", BigDecimal.valueOf(7)), Map.entry("eight", BigDecimal.valueOf(8)), Map.entry("nine", BigDecimal.valueOf(9)),
            Map.entry("ten", BigDecimal.TEN), Map.entry("twice", BigDecimal.valueOf(2)), Map.entry("double", BigDecimal.valueOf(2)),
            Map.entry("triple", BigDecimal.valueOf(3)), Map.entry("half", new BigDecimal("0.5")));
    /** Words that make a figure approximate: "roughly $5", "nearly 50%", "up to 83%". */
    private static final Pattern HEDGE = Pattern.compile("(?i)\\b(about|around|roughly|nearly|almost|approximately|approx\\.?|approaching|close to|some|up to|over|more than|under|less than|~|≈|circa|just over|just under|near)\\s*$");

    /** Tolerance of a hedged figure, relative: "about 20%" of the cost is right for 19% or 21%. */
    static final BigDecimal HEDGE_TOLERANCE = new BigDecimal("0.10");

    private Figures() {}

    static final String NUMBER = "\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?";
    static final String NUMBER_WORD = "one|two|three|four|five|six|seven|eight|nine|ten|twice|double|triple|half";

    /** "1,047,576", "0.4", "five": the value, keeping the written scale ("0.40" has scale 2). */
    static BigDecimal number(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        BigDecimal w = WORDS.get(t);
        return w != null ? w : new BigDecimal(t.replace(",", ""));
    }

    /** True when the words just before a figure make it approximate. */
    static boolean hedged(String before) {
        return HEDGE.matcher(before).find();
    }

    /**
     * RIGHT when equal, ROUNDED when the actual value rounds to the stated one at the stated scale (or is within
     * {@link #HEDGE_TOLERANCE} of it when the text says "about"), else null.
     */
    static Verdict compare(BigDecimal stated, BigDecimal actual, boolean hedged) {
        if (stated.compareTo(actual) == 0) {
            return Verdict.RIGHT;
        }
        int scale = Math.max(0, stated.scale());
        if (actual.setScale(scale, RoundingMode.HALF_UP).compareTo(stated) == 0 || actual.setScale(scale, RoundingMode.HALF_DOWN).compareTo(stated) == 0) {
            return Verdict.ROUNDED;
        }
        if (hedged && withinRelative(stated, actual, HEDGE_TOLERANCE)) {
            return Verdict.ROUNDED;
        }
        return null;
    }

    static boolean withinRelative(BigDecimal stated, BigDecimal actual, BigDecimal tolerance) {
        if (actual.signum() == 0) {
            return stated.signum() == 0;
        }
        BigDecimal off = stated.subtract(actual).abs().divide(actual.abs(), 10, RoundingMode.HALF_EVEN);
        return off.compareTo(tolerance) <= 0;
    }

    /**
     * A token count as written: "1.05M", "128K", "1 million", "1,047,576", "32,000".
     *
     * @param step one unit of the last digit written ("1.05M": 10,000; "32,000": 1,000; "1M": 1,000,000)
     */
    record TokenCount(BigDecimal value, BigDecimal step) {
        long tokens() {
            return value.longValue();
        }

        /** RIGHT, ROUNDED (decimal rounding, or 32K written for 32,768), or null. */
        Verdict against(long actual) {
            BigDecimal a = BigDecimal.valueOf(actual);
            if (value.compareTo(a) == 0) {
                return Verdict.RIGHT;
            }
            if (value.subtract(a).abs().multiply(BigDecimal.valueOf(2)).compareTo(step) <= 0) {
                return Verdict.ROUNDED;
            }
            // binary thousands and millions: "32K" or "32,000" for 32,768, "1M" for 1,048,576
            if (actual % 1024 == 0 && value.compareTo(BigDecimal.valueOf(actual / 1024 * 1000)) == 0
                    || actual % (1024 * 1024) == 0 && value.compareTo(BigDecimal.valueOf(actual / (1024 * 1024) * 1_000_000)) == 0) {
                return Verdict.ROUNDED;
            }
            return null;
        }
    }

    static final String TOKEN_COUNT = "(" + NUMBER + ")\\s?(k|K|m|M|million|Million|thousand)?";

    static TokenCount tokenCount(String number, String suffix) {
        BigDecimal n = number(number);
        if (suffix == null) {
            BigDecimal plain = n.stripTrailingZeros();
            return new TokenCount(n, BigDecimal.ONE.movePointLeft(plain.scale()));
        }
        String s = suffix.toLowerCase(Locale.ROOT);
        BigDecimal unit = s.equals("k") || s.equals("thousand") ? BigDecimal.valueOf(1000) : BigDecimal.valueOf(1_000_000);
        return new TokenCount(n.multiply(unit), unit.movePointLeft(Math.max(0, n.scale())));
    }
}
