package io.modelatlas.app;

import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Starts reading the catalog on a second thread while picocli builds and parses the command line: on a cold JVM the
 * two take about as long as each other, and a command that reads the catalog would otherwise wait for both in turn.
 * Only read-only work is started here (the bundled snapshot, or the store's snapshot through a read-only connection),
 * so a run that ends early, on a usage error or {@code --help}, leaves nothing half-done behind it.
 */
final class CatalogPrefetch {
    /** Commands that always read the catalog, and only read. */
    private static final Set<String> READERS = Set.of("models", "show", "compare", "cost", "check", "replay", "discrepancies");

    private CatalogPrefetch() {}

    static boolean wanted(String[] args) {
        if (args.length == 0 || !READERS.contains(args[0])) {
            return false;
        }
        List<String> rest = List.of(args);
        return !rest.contains("--help") && !rest.contains("-h") && !rest.contains("--version") && !rest.contains("-V");
    }

    /**
     * Makes {@code read}'s value on a daemon thread. A failure is dropped here: the command asks for the value on its
     * own thread, which makes it again and reports the error where every other error is reported.
     */
    static void start(String[] args, Supplier<?> read) {
        if (!wanted(args)) {
            return;
        }
        Thread t = new Thread(() -> {
            try {
                read.get();
            } catch (RuntimeException e) {
                // reported by the command's own attempt
            }
        }, "catalog-prefetch");
        t.setDaemon(true);
        t.start();
    }
}
