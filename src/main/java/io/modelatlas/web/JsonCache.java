package io.modelatlas.web;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * JSON answers of the public API for one catalog, by path and query. Like {@link PageCache}: a catalog is immutable,
 * so an answer never goes stale while its catalog is in use, and a new catalog comes with a new, empty cache.
 * Bounded: past the limit answers are computed on every request instead of being kept.
 */
final class JsonCache {
    private final Map<String, String> bodies = new ConcurrentHashMap<>();
    private final int limit;

    JsonCache(int limit) {
        this.limit = limit;
    }

    String getOrCompute(String key, Supplier<String> compute) {
        String cached = bodies.get(key);
        if (cached != null) {
            return cached;
        }
        String body = compute.get();
        if (bodies.size() < limit) {
            bodies.putIfAbsent(key, body);
        }
        return body;
    }
}
