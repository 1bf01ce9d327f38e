package io.modelatlas.web;

/** Thrown when a client used up its allowance of pages and the public API; answered 429 with Retry-After. */
final class RateLimitedException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final long retryAfterSeconds;

    RateLimitedException(long retryAfterSeconds, int perMinute) {
        super("too many requests: the site and its API allow " + perMinute + " requests per minute per client; retry after " + retryAfterSeconds + " s");
        this.retryAfterSeconds = retryAfterSeconds;
    }

    long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
