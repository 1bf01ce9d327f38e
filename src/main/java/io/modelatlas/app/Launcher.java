package io.modelatlas.app;

import io.modelatlas.catalog.Catalog;
import io.modelatlas.catalog.source.CatalogLoader;
import io.modelatlas.cli.CliContext;
import io.modelatlas.cli.Main;
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
            Supplier<Catalog> catalog = memoize(CatalogLoader::loadBundled);
            Clock clock = Clock.systemUTC();
            CliContext context = new CliContext(catalog, clock, System.in, out, err, (host, port) -> Server.run(config, catalog, clock, host, port, err),
                    (dir, maxPages, progress) -> Server.export(config, catalog, clock, dir, maxPages, progress));
            code = new Main(context).run(args);
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            code = Main.USAGE;
        }
        out.flush();
        err.flush();
        System.exit(code);
    }

    static <T> Supplier<T> memoize(Supplier<T> s) {
        return new Supplier<>() {
            private T value;

            @Override
            public synchronized T get() {
                if (value == null) {
                    value = s.get();
                }
                return value;
            }
        };
    }
}
