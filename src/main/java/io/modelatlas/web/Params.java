package io.modelatlas.web;

import io.javalin.http.Context;
import java.math.BigDecimal;

/**
 * Typed reads of query parameters that fail with the parameter's name. Numbers are ASCII digits only: Java's parsers
 * also take other scripts' digits ({@code ١٢} reads as 12), which no client means to send.
 */
final class Params {
    private Params() {}

    static long nonNegativeLong(Context ctx, String name, Long defaultValue) {
        String raw = ctx.queryParam(name);
        if (raw == null || raw.isBlank()) {
            if (defaultValue == null) {
                throw new BadParameterException(name, "query parameter '" + name + "' is required");
            }
            return defaultValue;
        }
        String text = raw.trim();
        try {
            if (!asciiOnly(text, "-0123456789")) {
                throw new NumberFormatException();
            }
            long v = Long.parseLong(text);
            if (v < 0) {
                throw new BadParameterException(name, "query parameter '" + name + "' cannot be negative, got " + v);
            }
            return v;
        } catch (NumberFormatException e) {
            throw new BadParameterException(name, "query parameter '" + name + "' must be a whole number, got '" + raw + "'");
        }
    }

    /** A decimal such as {@code 0.4} or {@code 4e-7}, not negative. */
    static BigDecimal nonNegativeDecimal(String name, String raw) {
        try {
            if (!asciiOnly(raw, "-+.eE0123456789")) {
                throw new NumberFormatException();
            }
            BigDecimal v = new BigDecimal(raw);
            if (v.signum() < 0) {
                throw new BadParameterException(name, "query parameter '" + name + "' cannot be negative");
            }
            return v;
        } catch (NumberFormatException e) {
            throw new BadParameterException(name, "query parameter '" + name + "' must be a number, got '" + raw + "'");
        }
    }

    /**
     * A percentage from 0 to 100 ({@code 37.5} allowed) as a fraction from 0 to 1, or zero when absent. Used for
     * {@code cache_hit}: the share of input tokens read from the prompt cache.
     */
    static BigDecimal percent(Context ctx, String name) {
        String raw = text(ctx, name);
        if (raw == null) {
            return BigDecimal.ZERO;
        }
        // a percentage needs no more digits than this; a longer one (1e-999999999) could only strain the arithmetic
        BigDecimal v = raw.length() > 12 ? null : nonNegativeDecimal(name, raw);
        if (v == null || v.compareTo(HUNDRED) > 0 || v.stripTrailingZeros().scale() > 2) {
            throw new BadParameterException(name, "query parameter '" + name + "' is a percentage from 0 to 100 with at most 2 decimals, got " + raw);
        }
        return v.movePointLeft(2).stripTrailingZeros();
    }

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    static int page(Context ctx) {
        long p = nonNegativeLong(ctx, "page", 1L);
        if (p < 1 || p > 100_000) {
            throw new BadParameterException("page", "query parameter 'page' must be between 1 and 100000, got " + p);
        }
        return (int) p;
    }

    /** An ISO date {@code YYYY-MM-DD}, or null when the parameter is absent. */
    static java.time.LocalDate date(Context ctx, String name) {
        String raw = text(ctx, name);
        if (raw == null) {
            return null;
        }
        try {
            if (raw.length() != 10 || !asciiOnly(raw, "-0123456789")) {
                throw new java.time.format.DateTimeParseException("", raw, 0);
            }
            return java.time.LocalDate.parse(raw);
        } catch (java.time.format.DateTimeParseException e) {
            throw new BadParameterException(name, "query parameter '" + name + "' must be a date as YYYY-MM-DD, got '" + io.modelatlas.text.Clip.clip(raw, 40) + "'");
        }
    }

    static String text(Context ctx, String name) {
        String v = ctx.queryParam(name);
        return v == null || v.isBlank() ? null : v.trim();
    }

    private static boolean asciiOnly(String s, String allowed) {
        for (int i = 0; i < s.length(); i++) {
            if (allowed.indexOf(s.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }
}
