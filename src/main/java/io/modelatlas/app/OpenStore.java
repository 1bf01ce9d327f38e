package io.modelatlas.app;

import io.modelatlas.admin.AdminTokens;
import io.modelatlas.catalog.source.SourceSet;
import io.modelatlas.refresh.LiveCatalog;
import io.modelatlas.refresh.StoreBackend;
import io.modelatlas.store.Store;
import java.time.Clock;

/**
 * An open store and the services built on its ports. The backend goes to the web layer and the CLI; the store itself
 * stays here, in the composition root, which alone closes it and takes its refresh lock.
 */
record OpenStore(Store store, StoreBackend backend) {

    /** Opens the store at the configured URL and loads its catalog; a failure closes what was opened. */
    static OpenStore open(Config config, Clock clock) {
        Store store = Store.open(config.jdbcUrl());
        try {
            return new OpenStore(store, backend(store, LiveCatalog.open(store.catalogArchive(), SourceSet.bundled(), clock), clock));
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    /** The wiring of the store's ports to their consumers, in one place. */
    static StoreBackend backend(Store store, LiveCatalog catalog, Clock clock) {
        return new StoreBackend(catalog, new AdminTokens(store.adminTokens(), clock), store.auditLog(), store.evalRuns());
    }
}
