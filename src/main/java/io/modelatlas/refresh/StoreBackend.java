package io.modelatlas.refresh;

import io.modelatlas.admin.AdminTokens;
import io.modelatlas.admin.AuditLog;
import io.modelatlas.eval.RunStore;

/**
 * What the composition root builds on the store and hands to the CLI and the web layer: services and ports only,
 * never the store itself, so that neither layer depends on how it is kept (the app package opens and closes it).
 */
public record StoreBackend(LiveCatalog catalog, AdminTokens tokens, AuditLog audit, RunStore evalRuns) {}
