package io.modelatlas.web;

import java.util.function.Supplier;

/**
 * Rendered pages of one catalog by canonical path. A catalog is immutable, so a page never goes stale while its
 * catalog is in use; a new catalog comes with a new, empty cache. Concurrent misses for one page wait for a single render, and the cache is bounded (see {@link OnceCache}).
 */
final class PageCache {
    private final OnceCache<CachedPage> pages;

    PageCache(int limit) {
        pages = new OnceCache<>(limit);
    }

    /** The cached page at exactly this path (no query), or null. */
    CachedPage get(String path) {
        return pages.getNow(path);
    }

    CachedPage getOrRender(String path, Supplier<byte[]> render) {
        return pages.get(path, () -> CachedPage.of(render.get()));
    }
}
