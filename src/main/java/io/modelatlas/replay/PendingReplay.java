package io.modelatlas.replay;

import io.modelatlas.catalog.Catalog;
import io.modelatlas.catalog.Model;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A replay whose catalog is still loading: the log is read from the start, and its requests wait in a buffer of at
 * most {@link #BUFFERED} until the catalog (and with it the target models and their thresholds) is there. On two
 * cores, loading the catalog and parsing the log then take the time of the longer one, not of both; memory stays
 * bounded whatever the log's size, because a full buffer waits for the catalog.
 */
final class PendingReplay implements Consumer<LoggedRequest> {
    /** About 40 MB of requests: what a second of parsing produces on this machine. */
    static final int BUFFERED = 1 << 19;

    private final CompletableFuture<Catalog> catalog;
    private final Function<Catalog, List<Model>> targets;
    private final int limit;
    private List<LoggedRequest> buffer = new ArrayList<>();
    private Replay replay;

    PendingReplay(CompletableFuture<Catalog> catalog, Function<Catalog, List<Model>> targets, int limit) {
        this.catalog = catalog;
        this.targets = targets;
        this.limit = limit;
    }

    @Override
    public void accept(LoggedRequest r) {
        if (replay == null) {
            if (!catalog.isDone() && buffer.size() < limit) {
                buffer.add(r);
                return;
            }
            start();
        }
        replay.add(r);
    }

    /** The replay with every request read so far, once the catalog is loaded (waits for it). */
    Replay replay() {
        if (replay == null) {
            start();
        }
        return replay;
    }

    private void start() {
        replay = new Replay(targets.apply(join(catalog)));
        buffer.forEach(replay::add);
        buffer = null;
    }

    /** The catalog, with a loading failure thrown as itself (an unreadable store, say), not wrapped. */
    static Catalog join(CompletableFuture<Catalog> catalog) {
        try {
            return catalog.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }
}
