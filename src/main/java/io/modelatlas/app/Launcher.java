package io.modelatlas.app;

import io.modelatlas.admin.AdminTokens;
import io.modelatlas.catalog.Catalog;
import io.modelatlas.catalog.source.CatalogLoader;
import io.modelatlas.catalog.source.SourceSet;
import io.modelatlas.cli.CliContext;
import io.modelatlas.cli.Main;
import io.modelatlas.refresh.CatalogService;
import io.modelatlas.refresh.StoreBackend;
import io.modelatlas.store.Store;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.function.Supplier;

/** Entry point of the runnable jar: the composition root, and the only place that calls System.exit. */
public final class Launcher {
    private Launcher() {}

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        int code;
        try {
            Config config = Config.fromEnvironment(System.getenv());
            Clock clock = Clock.systemUTC();
            Lazy<StoreBackend> store = new Lazy<>(() -> openStore(config, clock));
            // read-only commands use the store when there is one, and never create one just to read the bundled data
            Supplier<Catalog> catalog = new Lazy<>(() -> config.storeExists() ? store.get().catalog().catalog() : CatalogLoader.loadBundled());
            CliContext context = new CliContext(catalog, clock, System.in, out, err,
                    (host, port) -> Server.run(config, store, clock, host, port, err),
                    (dir, maxPages, progress) -> Server.export(config, catalog, store, clock, dir, maxPages, progress), store);
            code = new Main(context).run(args);
            store.ifCreated(b -> b.store().close());
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            code = Main.USAGE;
        }
        out.flush();
        err.flush();
        System.exit(code);
    }

    static StoreBackend openStore(Config config, Clock clock) {
        Store store = Store.open(config.jdbcUrl());
        return new StoreBackend(CatalogService.open(store, SourceSet.bundled(), clock), new AdminTokens(store, clock), store);
    }
}
