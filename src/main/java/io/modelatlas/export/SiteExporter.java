package io.modelatlas.export;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
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
 * failing when any internal link leads nowhere. The JSON a page links to under {@code /api/} (the OpenAPI document, a
 * model's price history) is written as a file too, so the static copy has no dead link.
 * Pages come from a {@link SiteSource} (rendered in process, no HTTP) on a pool of threads, one breadth-first level
 * at a time.
 */
public final class SiteExporter {
    private static final byte[] HREF = ascii("href=");
    private static final byte[] SRC = ascii("src=");
    private static final byte[] LOC = ascii("<loc>");
    private static final byte[] STATIC = ascii("/static/");
    private static final byte[] WEBJARS = ascii("/webjars/");

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
            // JSON under /api/ is written like any file. Pages link only to paths without a query, and none to both
            // /api/v1/models and a path under it (a file cannot also be a folder: write() would say so).
            write(ExportPaths.fileFor(root, path, r.isHtml()), r.body());
            bytes.addAndGet(r.body().length);
            (r.isHtml() ? pages : files).incrementAndGet();
            if (r.mayLink()) {
                List<String> links = links(path, r.body());
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
                folder(file.getParent());
                // NOFOLLOW_LINKS: a symbolic link in place of the file is refused instead of written through
                Files.write(file, body, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE,
                        LinkOption.NOFOLLOW_LINKS);
            } catch (IOException e) {
                if (Files.isSymbolicLink(file)) {
                    throw new ExportException("refusing to write " + file + ": it is a symbolic link");
                }
                throw new UncheckedIOException("cannot write " + file, e);
            }
        }

        /**
         * Makes a folder under the root, one level at a time. A folder this export created is a real folder inside a
         * checked parent; one that was already there must be a folder itself, not a symbolic link that could lead
         * outside the root. One mkdir per new folder (thousands of pages each have their own).
         */
        private void folder(Path dir) throws IOException {
            if (dir.equals(root) || madeDirs.contains(dir)) {
                return;
            }
            folder(dir.getParent());
            try {
                Files.createDirectory(dir);
            } catch (FileAlreadyExistsException e) {
                if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
                    throw new ExportException("refusing to write into " + dir + ": it is a symbolic link or a file, not a folder inside " + root);
                }
            }
            madeDirs.add(dir);
        }
    }

    /**
     * The internal paths a page or file links to, each once: {@code href} and {@code src} attributes and sitemap
     * {@code <loc>} in markup, quoted {@code "/static/..."} and {@code "/webjars/..."} in scripts and styles (app.js
     * loads Chart.js that way). One pass over the UTF-8 bytes as they are written, stopping only at quotes and
     * {@code <} (every marker and every byte that ends a link is ASCII), decoding only the links, not the page.
     */
    static List<String> links(String page, byte[] body) {
        Set<String> out = new LinkedHashSet<>();
        int n = body.length;
        for (int i = 0; i < n; i++) {
            byte b = body[i];
            if (b == '"') {
                boolean attribute = follows(body, i, HREF) || follows(body, i, SRC);
                if (attribute || startsWith(body, i + 1, STATIC) || startsWith(body, i + 1, WEBJARS)) {
                    int to = indexOf(body, (byte) '"', i + 1);
                    if (to < 0) {
                        break;
                    }
                    String link = utf8(body, i + 1, to);
                    add(out, page, attribute ? link.replace("&amp;", "&") : link);
                    i = to;
                }
            } else if (b == '<' && startsWith(body, i, LOC)) {
                int from = i + LOC.length;
                int to = indexOf(body, (byte) '<', from);
                if (to < 0) {
                    break;
                }
                String path = rawPath(utf8(body, from, to).replace("&amp;", "&"));
                if (path != null) {
                    add(out, page, path);
                }
                i = to - 1;
            }
        }
        return new ArrayList<>(out);
    }

    /** Whether {@code marker} (an attribute name and its '=') ends just before the quote at {@code quote}, after white space. */
    private static boolean follows(byte[] body, int quote, byte[] marker) {
        int start = quote - marker.length;
        return start >= 1 && startsWith(body, start, marker) && (body[start - 1] == ' ' || body[start - 1] == '\n' || body[start - 1] == '\t');
    }

    private static boolean startsWith(byte[] body, int at, byte[] marker) {
        if (at + marker.length > body.length) {
            return false;
        }
        for (int j = 0; j < marker.length; j++) {
            if (body[at + j] != marker[j]) {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(byte[] body, byte b, int from) {
        for (int i = from; i < body.length; i++) {
            if (body[i] == b) {
                return i;
            }
        }
        return -1;
    }

    private static String utf8(byte[] body, int from, int to) {
        return new String(body, from, to - from, StandardCharsets.UTF_8);
    }

    private static void add(Set<String> out, String page, String href) {
        ExportPaths.internalPath(page, href).ifPresent(out::add);
    }

    static List<String> links(String page, String body) {
        return links(page, body.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] ascii(String marker) {
        return marker.getBytes(StandardCharsets.US_ASCII);
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
