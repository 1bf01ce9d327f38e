package io.modelatlas.app;

import io.modelatlas.catalog.Catalog;
import io.modelatlas.catalog.snapshot.CatalogSnapshot;
import io.modelatlas.catalog.snapshot.SnapshotException;
import io.modelatlas.catalog.source.BundledSnapshot;
import io.modelatlas.catalog.source.CatalogLoader;
import io.modelatlas.cli.CliContext;
import io.modelatlas.cli.EvalSupport;
import io.modelatlas.cli.Main;
import io.modelatlas.eval.EvalRunner;
import io.modelatlas.eval.openai.OpenAiEndpoints;
import io.modelatlas.fetch.FetchSettings;
import io.modelatlas.fetch.HttpFetcher;
import io.modelatlas.refresh.LiveCatalog;
import io.modelatlas.refresh.StoreBackend;
import io.modelatlas.refresh.UpstreamAccess;
import io.modelatlas.store.LiteLlmSpendLogTable;
import io.modelatlas.store.SqliteNativeLibrary;
import io.modelatlas.store.StoredSnapshotShortcut;
import io.modelatlas.tokens.TokenCounters;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Supplier;

/** The composition root, run by the jar's entry point ({@link Start}); with it, the only place that calls System.exit. */
public final class Launcher {
    private Launcher() {}

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        int code;
        try {
            Config config = Config.fromEnvironment(System.getenv());
            Clock clock = Clock.systemUTC();
            // SQLite's driver is readied only by a command that opens the store: --help, tokens or a bundled-data cost never pay for it
            Supplier<Config> storeConfig = new Lazy<>(() -> readySqlite(config));
            Lazy<OpenStore> opened = new Lazy<>(() -> OpenStore.open(storeConfig.get(), clock));
            Supplier<StoreBackend> store = () -> opened.get().backend();
            // read-only commands use the store when there is one, and never create one just to read the bundled data
            Supplier<Catalog> bundled = new Lazy<>(CatalogLoader::loadBundled);
            Supplier<Optional<Catalog>> storeSnapshot = new Lazy<>(() -> storedSnapshot(storeConfig.get()));
            Supplier<Catalog> catalog = new Lazy<>(() -> !config.storeExists() ? bundled.get()
                    : storeSnapshot.get().orElseGet(() -> store.get().catalog().catalog()));
            CatalogPrefetch.start(args, config.storeExists() ? storeSnapshot : bundled);
            UpstreamAccess upstream = new UpstreamAccess(config.dataDir(), new HttpFetcher(FetchSettings.defaults(), HttpFetcher.Sleeper.REAL));
            CliContext.ServerLauncher server = new CliContext.ServerLauncher() {
                @Override
                public void serve(String host, int port) {
                    Server.run(config, opened, clock, host, port, null, err);
                }

                @Override
                public void serve(String host, int port, java.time.Duration refreshEvery) {
                    Server.run(config, opened, clock, host, port, new Server.Refreshing(upstream, refreshEvery), err);
                }
            };
            CliContext context = new CliContext(catalog, clock, System.in, out, err, server,
                    (dir, maxPages, progress) -> Server.export(config, catalog, store, clock, dir, maxPages, progress), store,
                    evalSupport(store, catalog, clock),
                    upstream, LiteLlmSpendLogTable::new);
            code = new Main(context).run(args);
            opened.ifCreated(o -> o.store().close());
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            code = Main.USAGE;
        }
        out.flush();
        err.flush();
        System.exit(code);
    }

    /**
     * The store's latest catalog read straight from its snapshot, when that gives what opening the store would: a
     * command that only reads then starts without the pool, JDBI and the check of bundled data.
     */
    static Optional<Catalog> storedSnapshot(Config config) {
        return StoredSnapshotShortcut.read(config.jdbcUrl(), BundledSnapshot.stamp(), BundledSnapshot.importableAsOf())
                .flatMap(latest -> {
                    try {
                        return CatalogSnapshot.read(latest.snapshot(), LiveCatalog.snapshotKey(latest.version()));
                    } catch (SnapshotException e) {
                        return Optional.empty();
                    }
                });
    }

    /**
     * The config, once SQLite's driver is pointed at our copy of its native library: only in a home that exists, since
     * a command that reads the bundled data creates nothing.
     */
    private static Config readySqlite(Config config) {
        if (config.jdbcUrl().startsWith("jdbc:sqlite:") && java.nio.file.Files.isDirectory(config.dataDir())) {
            SqliteNativeLibrary.useCopyIn(config.dataDir().resolve("native"));
        }
        return config;
    }

    /** The eval commands' services: runs in the store, OpenAI-compatible endpoints, keys from the environment by name. */
    static EvalSupport evalSupport(Supplier<StoreBackend> store, Supplier<Catalog> catalog, Clock clock) {
        // made on first use: commands other than eval never start an HTTP client
        Lazy<OpenAiEndpoints> endpoints = new Lazy<>(() -> new OpenAiEndpoints(id -> {
            String tokenizer = catalog.get().find(id).map(io.modelatlas.catalog.Model::tokenizer).orElse(null);
            return TokenCounters.forModel(id, tokenizer);
        }, System::nanoTime, clock));
        return new EvalSupport(() -> store.get().evalRuns(), (target, key, timeout) -> endpoints.get().open(target, key, timeout),
                System::getenv, System::nanoTime, EvalRunner.Sleeper.REAL);
    }
}
