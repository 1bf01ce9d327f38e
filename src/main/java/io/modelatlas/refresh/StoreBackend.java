package io.modelatlas.refresh;

import io.modelatlas.admin.AdminTokens;
import io.modelatlas.store.Store;

/** The store and what is built on it, as the composition root hands it to the CLI and the web layer. */
public record StoreBackend(CatalogService catalog, AdminTokens tokens, Store store) {}
