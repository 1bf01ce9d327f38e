package io.modelatlas.web;

import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Requests per minute per client address on the public API, as a token bucket: a client may burst up to the whole
 * minute's allowance, then gets one request per {@code 60 / perMinute} seconds. Buckets of quiet clients are dropped
 * when the table grows, so an address scan cannot grow memory without bound.
 */
final class RateLimiter {
    private static final int MAX_CLIENTS = 100_000;
    private final int perMinute;
    private final Clock clock;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    private static final class Bucket {
        double tokens;
        long lastNanos;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.lastNanos = now;
        }
    }

    /** @param perMinute requests a client may make per minute; 0 turns limiting off */
    RateLimiter(int perMinute, Clock clock) {
        if (perMinute < 0) {
            throw new IllegalArgumentException("a rate limit cannot be negative: " + perMinute);
        }
        this.perMinute = perMinute;
        this.clock = clock;
    }

    int perMinute() {
        return perMinute;
    }

    boolean enabled() {
        return perMinute > 0;
    }

    /** Takes one request from the client's allowance: 0 when allowed, else the whole seconds to wait before retrying. */
    long acquire(String client) {
        if (perMinute == 0) {
            return 0;
        }
        long now = clock.millis() * 1_000_000L;
        if (buckets.size() > MAX_CLIENTS) {
            buckets.entrySet().removeIf(e -> now - e.getValue().lastNanos > 60_000_000_000L);
        }
        Bucket b = buckets.computeIfAbsent(client, k -> new Bucket(perMinute, now));
        synchronized (b) {
            double refill = (now - b.lastNanos) / 60e9 * perMinute;
            b.tokens = Math.min(perMinute, b.tokens + Math.max(0, refill));
            b.lastNanos = now;
            if (b.tokens >= 1) {
                b.tokens -= 1;
                return 0;
            }
            return (long) Math.ceil((1 - b.tokens) * 60.0 / perMinute);
        }
    }
}
