package io.modelatlas.web;

import java.util.function.Supplier;

/**
 * JSON answers of the public API for one catalog, by path and query. Like {@link PageCache}: a catalog is immutable,
 * so an answer never goes stale while its catalog is in use, and a new catalog comes with a new, empty cache.
 * Concurrent misses wait for one computation, and the cache is bounded (see {@link OnceCache}).
 */
final class JsonCache {
    private final OnceCache<String> bodies;

    JsonCache(int limit) {
        bodies = new OnceCache<>(limit);
    }

    String getOrCompute(String key, Supplier<String> compute) {
        return bodies.get(key, compute);
    }
}
