package io.modelatlas.eval;

import java.time.Duration;

/**
 * How a run sends its requests, kept with the run so that a resumed run behaves the same.
 *
 * @param concurrency    requests in flight at once, per target
 * @param perMinute      requests started per minute, per target; 0 for no limit
 * @param timeout        the longest one request may take, from sending to the end of the answer
 * @param retries        how many times a 429, 5xx, timeout or cut-off stream is retried
 * @param backoff        the first wait before a retry; it doubles each time, and a longer Retry-After wins
 * @param maxWait        the longest single wait before a retry; a Retry-After beyond it makes the case errored
 * @param monthlyVolume  requests per month for the cost projection
 * @param baseline       the target the others are compared with (the first when null)
 */
public record RunSettings(int concurrency, int perMinute, Duration timeout, int retries, Duration backoff, Duration maxWait,
                          long monthlyVolume, String baseline) {
    public RunSettings {
        if (concurrency < 1 || concurrency > 256) {
            throw new IllegalArgumentException("--concurrency must be between 1 and 256, got " + concurrency);
        }
        if (perMinute < 0) {
            throw new IllegalArgumentException("--rate-limit cannot be negative, got " + perMinute);
        }
        if (timeout == null || timeout.isZero() || timeout.isNegative()) {
            throw new IllegalArgumentException("--timeout must be positive");
        }
        if (retries < 0 || retries > 20) {
            throw new IllegalArgumentException("--retries must be between 0 and 20, got " + retries);
        }
        if (backoff == null || backoff.isNegative() || maxWait == null || maxWait.isNegative()) {
            throw new IllegalArgumentException("backoff and the longest wait cannot be negative");
        }
        if (monthlyVolume < 1) {
            throw new IllegalArgumentException("--volume must be at least 1 request a month, got " + monthlyVolume);
        }
    }

    public static RunSettings defaults() {
        return new RunSettings(4, 0, Duration.ofSeconds(120), 3, Duration.ofSeconds(1), Duration.ofSeconds(60), 100_000, null);
    }
}
