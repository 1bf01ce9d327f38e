package io.modelatlas.eval;

/**
 * An endpoint's key, read from the environment variable a target names. It is sent in the Authorization header and
 * nowhere else: {@link #toString} never shows it, and a {@link Redactor} removes it from any text an endpoint sends
 * back before that text reaches a log, a report or the store.
 */
public final class ApiKey {
    private static final ApiKey NONE = new ApiKey("");
    private final String secret;

    private ApiKey(String secret) {
        this.secret = secret;
    }

    public static ApiKey of(String secret) {
        return secret == null || secret.isBlank() ? NONE : new ApiKey(secret.trim());
    }

    public static ApiKey none() {
        return NONE;
    }

    public boolean present() {
        return !secret.isEmpty();
    }

    /** The value of the Authorization header; only the HTTP client calls this. */
    public String bearer() {
        return "Bearer " + secret;
    }

    /** The key itself, for the {@link Redactor} only. */
    String secret() {
        return secret;
    }

    @Override
    public String toString() {
        return present() ? "ApiKey[***]" : "ApiKey[none]";
    }
}
