package io.modelatlas.web;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Values of one catalog by key, each computed once even when many requests miss it at the same moment: right after
 * a catalog is swapped in, 64 connections asking for the same page wait for one render instead of rendering it 64
 * times on two cores (the load benchmark saw 2 s timeouts from exactly that). A failed computation is not kept, so
 * the next request tries again. Bounded: past the limit values are computed on every request instead of being kept.
 */
final class OnceCache<V> {
    private final Map<String, CompletableFuture<V>> values = new ConcurrentHashMap<>();
    private final int limit;

    OnceCache(int limit) {
        this.limit = limit;
    }

    /** The value if it is computed already, else null (never waits). */
    V getNow(String key) {
        CompletableFuture<V> f = values.get(key);
        return f == null || !f.isDone() || f.isCompletedExceptionally() ? null : f.join();
    }

    V get(String key, Supplier<V> compute) {
        CompletableFuture<V> existing = values.get(key);
        if (existing == null) {
            if (values.size() >= limit) {
                return compute.get();
            }
            CompletableFuture<V> mine = new CompletableFuture<>();
            existing = values.putIfAbsent(key, mine);
            if (existing == null) {
                try {
                    V value = compute.get();
                    mine.complete(value);
                    return value;
                } catch (RuntimeException | Error e) {
                    values.remove(key, mine);
                    mine.completeExceptionally(e);
                    throw e;
                }
            }
        }
        try {
            return existing.join();
        } catch (CompletionException e) {
            // another request's computation failed; this one computes (and reports) for itself
            return compute.get();
        }
    }
}
