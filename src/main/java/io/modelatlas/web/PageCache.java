package io.modelatlas.web;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Rendered pages of one catalog by canonical path. A catalog is immutable, so a page never goes stale while its
 * catalog is in use; a new catalog comes with a new, empty cache. Bounded: past the limit pages are rendered on every request instead of being kept.
 */
final class PageCache {
    private final Map<String, CachedPage> pages = new ConcurrentHashMap<>();
    private final int limit;

    PageCache(int limit) {
        this.limit = limit;
    }

    /** The cached page at exactly this path (no query), or null. */
    CachedPage get(String path) {
        return pages.get(path);
    }

    CachedPage getOrRender(String path, Supplier<byte[]> render) {
        CachedPage cached = pages.get(path);
        if (cached != null) {
            return cached;
        }
        CachedPage page = CachedPage.of(render.get());
        if (pages.size() < limit) {
            pages.putIfAbsent(path, page);
        }
        return page;
    }
}
