package io.modelatlas.replay;

import io.modelatlas.catalog.Catalog;
import io.modelatlas.catalog.Model;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.LongConsumer;

/**
 * A replay of a log file on several threads: the file is cut at record starts ({@link LogRanges}), each part is read
 * by its own {@link LogReader} into its own {@link Replay} and {@link LoggedCostCheck}, and the parts are merged in
 * file order. The report is the one a read of the whole file on one thread gives: every part knows the file's line
 * it starts on, problems and mismatches are listed in line order, and in strict mode the first bad line of the file
 * stops the read (a part stops early once a part before it has failed). A JSON file found malformed is read again
 * on one thread, so its error is the one a single read reports.
 */
final class FileReplay {
    private FileReplay() {}

    /** What one part read. */
    private record Part(LogReader reader, LoggedCostCheck costs, Replay replay) {}

    /** Thrown in a part once a part before it has failed: what it read is not wanted. */
    private static final class Abandoned extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Abandoned() {
            super(null, null, false, false);
        }
    }

    static ReplayReport run(Path file, CompletableFuture<Catalog> catalog, Function<Catalog, List<Model>> targets, boolean strict,
                            LogFormat forced, ReadParallelism parallelism, LongConsumer progress) throws IOException {
        String log = file.toString();
        long size = Files.size(file);
        if (parallelism.threads() < 2 || size < parallelism.minBytes()) {
            return oneThread(file, catalog, targets, strict, forced, progress);
        }
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(64 * 1024);
        }
        LogFormat format = forced != null ? forced : LogFormat.detect(head, head.length, log);
        LogRanges.Plan plan = LogRanges.Plan.of(file, format, LogReader.startsAsJson(head), parallelism.threads());
        AtomicInteger firstFailed = new AtomicInteger(Integer.MAX_VALUE);
        // a thread per part, and one for the scan for the cuts: the first part is read while the scan runs
        ExecutorService threads = Executors.newFixedThreadPool(plan.parts() + 1, r -> {
            Thread t = new Thread(r, "replay-part");
            t.setDaemon(true);
            return t;
        });
        List<Future<Part>> parts = new ArrayList<>();
        try {
            threads.execute(plan::scan);
            for (int i = 0; i < plan.parts(); i++) {
                int index = i;
                parts.add(threads.submit(() -> {
                    try {
                        return plan.exists(index) ? read(file, plan, index, catalog, targets, strict, format, progress, firstFailed) : null;
                    } catch (RuntimeException | IOException e) {
                        firstFailed.accumulateAndGet(index, Math::min);
                        throw e;
                    }
                }));
            }
            List<Part> read = new ArrayList<>();
            for (Future<Part> part : parts) {
                Part p = result(part);
                if (p != null) {
                    read.add(p);
                }
            }
            Part whole = read.get(0);
            for (Part later : read.subList(1, read.size())) {
                whole.reader().merge(later.reader());
                whole.costs().merge(later.costs());
                whole.replay().merge(later.replay());
            }
            return ReplayReport.of(log, whole.replay(), whole.reader(), whole.costs());
        } catch (JsonRows.MalformedJsonException malformed) {
            // a cut after malformed JSON may not be a record's start: the one read says where the file goes wrong
            return oneThread(file, catalog, targets, strict, forced, null);
        } finally {
            threads.shutdownNow();
        }
    }

    private static Part read(Path file, LogRanges.Plan plan, int index, CompletableFuture<Catalog> catalog, Function<Catalog, List<Model>> targets,
                             boolean strict, LogFormat format, LongConsumer progress, AtomicInteger firstFailed) throws IOException {
        // the parts share the bound on requests buffered while the catalog loads
        PendingReplay pending = new PendingReplay(catalog, targets, PendingReplay.BUFFERED / plan.parts());
        LogReader reader = new LogReader(file.toString(), strict, ReplayReport.tokenizerOfModel(catalog), format, plan.linesBefore(index), index == 0);
        LoggedCostCheck costs = ReplayReport.costCheck(catalog);
        try (InputStream in = counted(plan.open(index), progress)) {
            reader.read(in, r -> {
                if (firstFailed.get() < index) {
                    throw new Abandoned();
                }
                costs.check(r, reader.line());
                pending.accept(r);
            });
        }
        return new Part(reader, costs, pending.replay());
    }

    /** The part's result, or the exception it failed with, as itself. */
    private static Part result(Future<Part> part) {
        try {
            return part.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the log", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof IOException io) {
                throw new UncheckedIOException(io);
            }
            throw new IllegalStateException(cause);
        }
    }

    private static ReplayReport oneThread(Path file, CompletableFuture<Catalog> catalog, Function<Catalog, List<Model>> targets, boolean strict,
                                          LogFormat forced, LongConsumer progress) throws IOException {
        try (InputStream in = counted(Files.newInputStream(file), progress)) {
            return ReplayReport.run(file.toString(), in, catalog, targets, strict, forced);
        }
    }

    private static InputStream counted(InputStream in, LongConsumer progress) {
        if (progress == null) {
            return in;
        }
        return new FilterInputStream(in) {
            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0) {
                    progress.accept(1);
                }
                return b;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = super.read(b, off, len);
                if (n > 0) {
                    progress.accept(n);
                }
                return n;
            }
        };
    }
}
