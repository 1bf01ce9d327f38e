package io.modelatlas.web;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Rendered model and comparison pages by canonical path. The catalog a site serves is immutable, so a page never goes
 * stale while its WebApp lives. Bounded: past the limit pages are rendered on every request instead of being kept.
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

    void clear() {
        pages.clear();
    }

    CachedPage getOrRender(String path, Supplier<String> render) {
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
