package io.modelatlas.export;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes the whole site as static files: starts from {@code /}, {@code /sitemap.xml} and {@code /robots.txt} and
 * follows every internal link (links with a query string, such as directory filters, are dynamic and not exported),
 * failing when any internal link leads nowhere. Pages come from a {@link SiteSource} (rendered in process, no HTTP)
 * on a pool of threads, one breadth-first level at a time.
 */
public final class SiteExporter {
    private static final String[] MARKUP_LINKS = {"href=\"", "src=\"", "<loc>"};
    private static final String[] ASSET_LINKS = {"\"/static/", "\"/webjars/"};

    private final SiteSource site;
    private final int threads;
    private final Progress progress;

    public SiteExporter(SiteSource site, int threads, PrintWriter progress) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        this.site = site;
        this.threads = threads;
        this.progress = new Progress(progress);
    }

    /** What an export wrote. */
    public record Result(int pages, int files, long bytes, long linksChecked, Duration took) {}

    public Result export(Path dir, int maxPages) {
        long start = System.nanoTime();
        Run run = new Run(dir.toAbsolutePath().normalize());
        List<String> frontier = List.of("/", "/sitemap.xml", "/robots.txt");
        frontier.forEach(p -> run.linkedFrom.put(p, ConcurrentHashMap.newKeySet()));
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "export");
            t.setDaemon(true);
            return t;
        });
        try {
            Files.createDirectories(run.root);
            while (!frontier.isEmpty()) {
                if (run.linkedFrom.size() > maxPages) {
                    throw new ExportException("more than " + maxPages + " pages linked; raise --max-pages if this is expected");
                }
                ConcurrentLinkedQueue<String> next = new ConcurrentLinkedQueue<>();
                List<Callable<Void>> level = new ArrayList<>();
                for (String path : frontier) {
                    level.add(() -> {
                        run.visit(path, next);
                        return null;
                    });
                }
                for (Future<Void> f : pool.invokeAll(level)) {
                    f.get();
                }
                frontier = new ArrayList<>(next);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ExportException("export interrupted");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new ExportException(e.getCause().toString());
        } finally {
            pool.shutdownNow();
        }
        progress.done(run.pages.get() + run.files.get(), run.linkedFrom.size());
        if (!run.failures.isEmpty()) {
            throw new ExportException(run.failures.size() + " broken internal link(s): " + String.join("; ", run.failures.stream().sorted().limit(10).toList()));
        }
        return new Result(run.pages.get(), run.files.get(), run.bytes.get(), run.linksChecked.get(), Duration.ofNanos(System.nanoTime() - start));
    }

    /** The state of one export, shared by the pool's threads. */
    private final class Run {
        final Path root;
        /** Every path seen so far, with the pages that link to it (for the error message). */
        final Map<String, Set<String>> linkedFrom = new ConcurrentHashMap<>();
        final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        final Set<Path> madeDirs = ConcurrentHashMap.newKeySet();
        final AtomicInteger pages = new AtomicInteger();
        final AtomicInteger files = new AtomicInteger();
        final AtomicLong bytes = new AtomicLong();
        final AtomicLong linksChecked = new AtomicLong();

        Run(Path root) {
            this.root = root;
        }

        void visit(String path, ConcurrentLinkedQueue<String> next) {
            Optional<SiteSource.Resource> found = site.get(path);
            if (found.isEmpty()) {
                failures.add(path + " is not a page (linked from " + linkedFrom.getOrDefault(path, Set.of()).stream().sorted().limit(3).toList() + ")");
                return;
            }
            SiteSource.Resource r = found.get();
            write(ExportPaths.fileFor(root, path, r.isHtml()), r.body());
            bytes.addAndGet(r.body().length);
            (r.isHtml() ? pages : files).incrementAndGet();
            if (r.mayLink()) {
                List<String> links = links(path, new String(r.body(), StandardCharsets.UTF_8));
                linksChecked.addAndGet(links.size());
                for (String link : links) {
                    Set<String> from = ConcurrentHashMap.newKeySet();
                    Set<String> known = linkedFrom.putIfAbsent(link, from);
                    (known == null ? from : known).add(path);
                    if (known == null) {
                        next.add(link);
                    }
                }
            }
            progress.update(pages.get() + files.get(), linkedFrom.size());
        }

        private void write(Path file, byte[] body) {
            try {
                Path parent = file.getParent();
                if (!madeDirs.contains(parent)) {
                    Files.createDirectories(parent);
                    madeDirs.add(parent);
                }
                Files.write(file, body);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + file, e);
            }
        }
    }

    /**
     * The internal paths a page or file links to, each once: {@code href}, {@code src} and sitemap {@code <loc>} in
     * markup, quoted {@code "/static/..."} and {@code "/webjars/..."} in scripts and styles (app.js loads Chart.js
     * that way).
     */
    static List<String> links(String page, String body) {
        Set<String> out = new LinkedHashSet<>();
        for (String marker : MARKUP_LINKS) {
            char end = marker.equals("<loc>") ? '<' : '"';
            for (int i = body.indexOf(marker); i >= 0; i = body.indexOf(marker, i + 1)) {
                int from = i + marker.length();
                int to = body.indexOf(end, from);
                if (to < 0) {
                    break;
                }
                String href = body.substring(from, to).replace("&amp;", "&");
                if (end == '<') {
                    href = rawPath(href);
                }
                if (href != null) {
                    ExportPaths.internalPath(page, href).ifPresent(out::add);
                }
            }
        }
        for (String marker : ASSET_LINKS) {
            for (int i = body.indexOf(marker); i >= 0; i = body.indexOf(marker, i + 1)) {
                int to = body.indexOf('"', i + 1);
                if (to < 0) {
                    break;
                }
                ExportPaths.internalPath(page, body.substring(i + 1, to)).ifPresent(out::add);
            }
        }
        return new ArrayList<>(out);
    }

    /** A sitemap location is an absolute URL on the public host; the export wants its path. */
    private static String rawPath(String loc) {
        try {
            return URI.create(loc.trim()).getRawPath();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** A one-line progress bar, redrawn at most every 200 pages and at the end of the export. */
    private static final class Progress {
        private static final int WIDTH = 30;
        private final PrintWriter out;
        private volatile int lastDrawn = -1;

        Progress(PrintWriter out) {
            this.out = out;
        }

        void update(int done, int known) {
            if (out != null && done - lastDrawn >= 200) {
                draw(done, known);
            }
        }

        synchronized void done(int done, int known) {
            if (out != null) {
                draw(done, known);
                out.println();
                out.flush();
            }
        }

        private synchronized void draw(int done, int known) {
            if (done <= lastDrawn) {
                return;
            }
            lastDrawn = done;
            int filled = known == 0 ? WIDTH : (int) Math.min(WIDTH, (long) done * WIDTH / known);
            out.print("\r[" + "=".repeat(filled) + " ".repeat(WIDTH - filled) + "] " + done + "/" + known + " pages");
            out.flush();
        }
    }
}
