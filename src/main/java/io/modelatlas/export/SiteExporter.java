package io.modelatlas.export;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes the whole site as static files: crawls a running ModelAtlas server from {@code /}, {@code /sitemap.xml} and
 * {@code /robots.txt}, following every internal link (links with a query string, such as directory filters, are
 * dynamic and not exported), and fails when any internal link is broken. Pages are fetched concurrently over
 * loopback, so the exported bytes are exactly what the server serves.
 */
public final class SiteExporter {
    private static final Pattern LINK = Pattern.compile("(?:href|src)=\"([^\"]*)\"|<loc>([^<]*)</loc>");
    private static final int IN_FLIGHT = 8;

    private final HttpClient http;
    private final URI server;
    private final PrintWriter progress;

    public SiteExporter(URI server, PrintWriter progress) {
        this.server = server;
        this.progress = progress;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** What an export wrote. */
    public record Result(int pages, int files, long bytes, int linksChecked, Duration took) {}

    public Result export(Path dir, int maxPages) {
        long start = System.nanoTime();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
        Map<String, Boolean> seen = new ConcurrentHashMap<>();
        Map<String, Set<String>> linkedFrom = new ConcurrentHashMap<>();
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        AtomicInteger pages = new AtomicInteger();
        AtomicInteger files = new AtomicInteger();
        java.util.concurrent.atomic.AtomicLong bytes = new java.util.concurrent.atomic.AtomicLong();
        Semaphore slots = new Semaphore(IN_FLIGHT);
        ExecutorService parse = Executors.newFixedThreadPool(2);
        List<CompletableFuture<Void>> pending = new ArrayList<>();
        List<String> frontier = new ArrayList<>(List.of("/", "/sitemap.xml", "/robots.txt"));
        frontier.forEach(p -> seen.put(p, true));
        try {
            while (!frontier.isEmpty()) {
                ConcurrentLinkedQueue<String> next = new ConcurrentLinkedQueue<>();
                pending.clear();
                for (String path : frontier) {
                    if (pages.get() + files.get() >= maxPages) {
                        throw new ExportException("more than " + maxPages + " pages linked; raise --max-pages if this is expected");
                    }
                    slots.acquireUninterruptibly();
                    HttpRequest req = HttpRequest.newBuilder(server.resolve(path)).timeout(Duration.ofSeconds(30)).GET().build();
                    pending.add(http.sendAsync(req, HttpResponse.BodyHandlers.ofByteArray())
                            .whenComplete((r, e) -> slots.release())
                            .thenAcceptAsync(resp -> {
                                if (resp.statusCode() != 200) {
                                    failures.add(path + " answered " + resp.statusCode() + " (linked from " + linkedFrom.getOrDefault(path, Set.of()) + ")");
                                    return;
                                }
                                String type = resp.headers().firstValue("Content-Type").orElse("");
                                boolean html = type.startsWith("text/html");
                                write(ExportPaths.fileFor(dir, path, html), resp.body());
                                bytes.addAndGet(resp.body().length);
                                (html ? pages : files).incrementAndGet();
                                if (html || type.contains("xml")) {
                                    for (String link : links(path, new String(resp.body(), StandardCharsets.UTF_8))) {
                                        linkedFrom.computeIfAbsent(link, k -> ConcurrentHashMap.newKeySet()).add(path);
                                        if (seen.putIfAbsent(link, true) == null) {
                                            next.add(link);
                                        }
                                    }
                                }
                            }, parse)
                            .exceptionally(e -> {
                                failures.add(path + ": " + rootMessage(e));
                                return null;
                            }));
                }
                CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).join();
                progress(pages.get() + files.get(), seen.size());
                frontier = new ArrayList<>(next);
            }
        } finally {
            parse.shutdownNow();
        }
        if (progress != null) {
            progress.println();
            progress.flush();
        }
        if (!failures.isEmpty()) {
            throw new ExportException(failures.size() + " broken internal link(s): " + String.join("; ", failures.stream().sorted().limit(10).toList()));
        }
        return new Result(pages.get(), files.get(), bytes.get(), linkedFrom.values().stream().mapToInt(Set::size).sum(),
                Duration.ofNanos(System.nanoTime() - start));
    }

    static List<String> links(String page, String body) {
        Map<String, Boolean> out = new LinkedHashMap<>();
        Matcher m = LINK.matcher(body);
        while (m.find()) {
            String raw = m.group(1) != null ? m.group(1) : m.group(2);
            String href = raw.replace("&amp;", "&");
            if (m.group(2) != null) {
                href = URI.create(href).getRawPath();
            }
            ExportPaths.internalPath(page, href).ifPresent(p -> out.put(p, true));
        }
        return new ArrayList<>(out.keySet());
    }

    private static void write(Path file, byte[] body) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, body);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private void progress(int done, int known) {
        if (progress == null) {
            return;
        }
        int width = 30;
        int filled = known == 0 ? width : (int) ((long) done * width / known);
        progress.print("\r[" + "=".repeat(filled) + " ".repeat(width - filled) + "] " + done + "/" + known + " pages");
        progress.flush();
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage();
    }
}
