package io.modelatlas.fetch;

import java.time.Duration;
import java.util.Objects;

/**
 * How politely and how patiently upstream files are fetched.
 *
 * @param connectTimeout how long to wait for a connection
 * @param readTimeout    how long to wait for the response headers, and again for the whole body
 * @param attempts       tries in all (1 = no retry); only network errors, 429 and 5xx are retried
 * @param firstBackoff   the wait before the second try; it doubles before each later one
 * @param maxBytes       a larger body is refused (the largest real source file is about 4 MB)
 * @param userAgent      sent with every request, so that upstreams can see who is asking
 */
public record FetchSettings(Duration connectTimeout, Duration readTimeout, int attempts, Duration firstBackoff, long maxBytes, String userAgent) {
    /** The product and version in every request; kept in step with {@code cli.Main}'s version. */
    public static final String USER_AGENT = "ModelAtlas/0.1.0 (catalog refresh; +https://github.com/modelatlas)";

    public FetchSettings {
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(readTimeout, "readTimeout");
        Objects.requireNonNull(firstBackoff, "firstBackoff");
        Objects.requireNonNull(userAgent, "userAgent");
        if (attempts < 1 || attempts > 10) {
            throw new IllegalArgumentException("attempts must be from 1 to 10, got " + attempts);
        }
        if (maxBytes < 1) {
            throw new IllegalArgumentException("maxBytes must be positive, got " + maxBytes);
        }
        if (connectTimeout.isNegative() || connectTimeout.isZero() || readTimeout.isNegative() || readTimeout.isZero()) {
            throw new IllegalArgumentException("timeouts must be positive");
        }
    }

    /** 10 s to connect, 60 s to read, 3 tries 2 s then 4 s apart, 64 MB at most. */
    public static FetchSettings defaults() {
        return new FetchSettings(Duration.ofSeconds(10), Duration.ofSeconds(60), 3, Duration.ofSeconds(2), 64L * 1024 * 1024, USER_AGENT);
    }

    public FetchSettings withMaxBytes(long max) {
        return new FetchSettings(connectTimeout, readTimeout, attempts, firstBackoff, max, userAgent);
    }

    public FetchSettings withTimeouts(Duration connect, Duration read) {
        return new FetchSettings(connect, read, attempts, firstBackoff, maxBytes, userAgent);
    }
}
