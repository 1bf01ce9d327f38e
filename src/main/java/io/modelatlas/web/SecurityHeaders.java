package io.modelatlas.web;

import java.util.Map;

/**
 * Headers every response carries. One list, applied by the Javalin before-handler and by {@link CachedPageHandler}
 * (which answers cached pages before Javalin runs), so the two paths cannot drift apart.
 */
final class SecurityHeaders {
    static final String CSP = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

    static final Map<String, String> ALL = Map.of(
            "Content-Security-Policy", CSP,
            "X-Content-Type-Options", "nosniff",
            "Referrer-Policy", "strict-origin-when-cross-origin",
            "X-Frame-Options", "DENY");

    private SecurityHeaders() {}
}
