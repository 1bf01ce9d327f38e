package io.modelatlas.web;

import io.javalin.http.Context;
import io.modelatlas.catalog.Catalog;
import io.modelatlas.catalog.Model;
import io.modelatlas.compare.Comparer;
import io.modelatlas.pricing.ServiceTier;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

/**
 * The one place query parameters are parsed: whole numbers (with bounds), decimals, percentages, dates, flags, the
 * service tier and model lists. Each fails with a {@link BadParameterException} naming the parameter. Model names
 * are resolved against the catalog by {@link ModelParam}.
 *
 * <p>Typed reads of query parameters that fail with the parameter's name. Numbers are ASCII digits only: Java's parsers
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

    /**
     * A whole percentage from 0 to 100, or 0 when absent: the calculator's {@code cache_hit} (its form offers whole
     * percents; the comparison's {@code cache_hit} takes decimals, see {@link #percent}).
     */
    static int wholePercent(Context ctx, String name) {
        long v = nonNegativeLong(ctx, name, 0L);
        if (v > 100) {
            throw new BadParameterException(name, "query parameter '" + name + "' is a percentage from 0 to 100, got " + v);
        }
        return (int) v;
    }

    /** A whole number from {@code min} to {@code max}, or {@code defaultValue} when absent. */
    static long boundedLong(Context ctx, String name, long defaultValue, long min, long max) {
        long v = nonNegativeLong(ctx, name, defaultValue);
        if (v < min || v > max) {
            throw new BadParameterException(name, "query parameter '" + name + "' must be between " + min + " and " + max + ", got " + v);
        }
        return v;
    }

    /** A whole number, not negative, or null when absent. */
    static Long optionalNonNegativeLong(Context ctx, String name) {
        return text(ctx, name) == null ? null : nonNegativeLong(ctx, name, null);
    }

    /** The {@code limit} of a list in the API: 1 to 1000 entries. */
    static int limit(Context ctx, int defaultValue) {
        return (int) boundedLong(ctx, "limit", defaultValue, 1, 1000);
    }

    static int page(Context ctx) {
        return (int) boundedLong(ctx, "page", 1L, 1, 100_000);
    }

    /** A checkbox or switch: on only when it is {@code 1}. */
    static boolean flag(Context ctx, String name) {
        return "1".equals(text(ctx, name));
    }

    /** The {@code tier} prices are read at: standard when absent. */
    static ServiceTier tier(Context ctx) {
        String raw = text(ctx, "tier");
        try {
            return raw == null ? ServiceTier.STANDARD : ServiceTier.parse(raw);
        } catch (IllegalArgumentException e) {
            throw new BadParameterException("tier", e.getMessage());
        }
    }

    /** A comma-separated list of 2 to 5 models, in the order given; {@code raw} is the parameter's value, null when absent. */
    static List<Model> modelList(Catalog catalog, String raw, String param) {
        if (raw == null) {
            throw new BadParameterException(param, "query parameter '" + param + "' is required: 2 to 5 comma-separated model ids");
        }
        List<String> ids = Arrays.stream(raw.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        if (ids.size() < Comparer.MIN_MODELS || ids.size() > Comparer.MAX_MODELS) {
            throw new BadParameterException(param, "query parameter '" + param + "' needs 2 to 5 model ids, got " + ids.size());
        }
        List<Model> models = ids.stream().map(id -> ModelParam.resolve(catalog, id, param)).toList();
        if (models.stream().map(Model::id).distinct().count() != models.size()) {
            throw new BadParameterException(param, "query parameter '" + param + "' names one model twice: "
                    + String.join(", ", models.stream().map(Model::id).toList()));
        }
        return models;
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
