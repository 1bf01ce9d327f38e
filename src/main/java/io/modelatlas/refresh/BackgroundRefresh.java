package io.modelatlas.refresh;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * One round of {@code serve --refresh-every}: refresh the catalog from the live upstreams unless another instance
 * sharing the store is refreshing right now, in which case this one skips the round and picks up that instance's
 * catalog version as the poller does. Either way the catalog in use is swapped in one step, as for any import.
 */
public final class BackgroundRefresh {
    /** The actor recorded for versions a background refresh makes. */
    public static final String ACTOR = "system: scheduled refresh";

    private final LiveCatalog catalog;
    private final Lock lock;
    private final Supplier<RefreshReport> refresh;

    /**
     * The store's lock on one refresh at a time: empty when another instance holds it; the Runnable releases it.
     * (An interface of its own so that this package does not depend on how the store implements it.)
     */
    @FunctionalInterface
    public interface Lock {
        Optional<Runnable> tryAcquire();
    }

    /** What a round did: refreshed (with the report), or skipped because another instance held the lock. */
    public record Round(boolean refreshed, RefreshReport report, long version) {}

    /**
     * @param refresh one live refresh (the composition root binds {@link LiveRefresh#run} to the upstreams and
     *                {@link #ACTOR})
     */
    public BackgroundRefresh(LiveCatalog catalog, Lock lock, Supplier<RefreshReport> refresh) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.lock = Objects.requireNonNull(lock, "lock");
        this.refresh = Objects.requireNonNull(refresh, "refresh");
    }

    public Round runOnce() {
        Optional<Runnable> release = lock.tryAcquire();
        if (release.isEmpty()) {
            catalog.reloadIfChanged();
            return new Round(false, null, catalog.version());
        }
        try {
            // start from what others recorded, so the change report compares with the newest catalog
            catalog.reloadIfChanged();
            RefreshReport report = refresh.get();
            return new Round(true, report, catalog.version());
        } finally {
            release.get().run();
        }
    }
}
