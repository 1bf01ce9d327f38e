package io.modelatlas.web;

import io.javalin.http.Context;

/** Typed reads of query parameters that fail with the parameter's name. */
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
        try {
            long v = Long.parseLong(raw.trim());
            if (v < 0) {
                throw new BadParameterException(name, "query parameter '" + name + "' cannot be negative, got " + v);
            }
            return v;
        } catch (NumberFormatException e) {
            throw new BadParameterException(name, "query parameter '" + name + "' must be a whole number, got '" + raw + "'");
        }
    }

    static int page(Context ctx) {
        long p = nonNegativeLong(ctx, "page", 1L);
        if (p < 1 || p > 100_000) {
            throw new BadParameterException("page", "query parameter 'page' must be between 1 and 100000, got " + p);
        }
        return (int) p;
    }

    static String text(Context ctx, String name) {
        String v = ctx.queryParam(name);
        return v == null || v.isBlank() ? null : v.trim();
    }
}
