package io.modelatlas.web;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The bundled files under {@code /static/} (classpath {@code static/}) and {@code /webjars/} (classpath
 * {@code META-INF/resources/webjars/}), served by two GET routes. Javalin's own static-file support made Jetty open
 * the whole application jar as a resource base at start-up, about 1 s of CPU before the first page (issue 19); here a
 * file is looked up by its exact classpath name when first asked for, and its bytes are kept.
 *
 * <p>Headers mirror what Jetty sent before: the same Content-Type (no charset), {@code Cache-Control: max-age=0} for
 * our own files (they change with each release under the same name) and a year for webjars (their paths carry the
 * version), a weak ETag with 304 on {@code If-None-Match}, and no Last-Modified. {@link StaticSite} reads the same
 * files through {@link #find} for the static export, so both answer with the same bytes and types.
 */
final class StaticFiles {
    static final String STATIC = "/static/";
    static final String WEBJARS = "/webjars/";

    /** The types Jetty gave these extensions; anything else is not served. */
    private static final Map<String, String> TYPES = Map.of("css", "text/css", "js", "text/javascript", "json", "application/json",
            "svg", "image/svg+xml", "png", "image/png", "ico", "image/x-icon", "txt", "text/plain", "map", "text/plain");
    private static final String OWN_FILES_CACHE = "max-age=0";
    private static final String WEBJAR_CACHE = "max-age=31622400";

    /** One bundled file, read once. */
    record BundledFile(String contentType, byte[] bytes, String etag, String cacheControl) {}

    /** Found files by request path. Misses are not kept, so unknown names cannot grow the map past the jar's contents. */
    private final Map<String, BundledFile> found = new ConcurrentHashMap<>();

    void install(JavalinConfig config) {
        for (String folder : List.of(STATIC, WEBJARS)) {
            config.routes.get(folder + "<file>", this::serve);
            // Javalin answers HEAD on a GET route with an empty 200 of its own; Jetty sends the body's headers
            config.routes.head(folder + "<file>", this::serve);
        }
    }

    private void serve(Context c) {
        String path = c.path();
        Optional<BundledFile> file = find(path);
        if (file.isEmpty()) {
            throw new NoSuchBundledFileException(path);
        }
        BundledFile f = file.get();
        c.header("Cache-Control", f.cacheControl()).header("ETag", f.etag());
        if (matches(c.header("If-None-Match"), f.etag())) {
            c.status(HttpStatus.NOT_MODIFIED);
            return;
        }
        c.contentType(f.contentType()).result(f.bytes());
    }

    /** The bundled file a request path names (raw, as sent), or empty for anything else. */
    Optional<BundledFile> find(String rawPath) {
        BundledFile known = found.get(rawPath);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<BundledFile> read = read(rawPath);
        read.ifPresent(f -> found.putIfAbsent(rawPath, f));
        return read;
    }

    private static Optional<BundledFile> read(String rawPath) {
        if (rawPath.startsWith(STATIC)) {
            return read("static/", rawPath.substring(STATIC.length()), OWN_FILES_CACHE);
        }
        if (rawPath.startsWith(WEBJARS)) {
            return read("META-INF/resources/webjars/", rawPath.substring(WEBJARS.length()), WEBJAR_CACHE);
        }
        return Optional.empty();
    }

    /** A file inside {@code folder}; names that climb out of it, name a folder or have an unknown type are not files. */
    private static Optional<BundledFile> read(String folder, String rawName, String cacheControl) {
        String name;
        try {
            name = URLDecoder.decode(rawName.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty(); // a broken %-escape names no file
        }
        if (name.isEmpty() || name.endsWith("/") || name.contains("\\") || name.contains("\0")
                || Arrays.stream(name.split("/")).anyMatch(s -> s.isEmpty() || s.equals("..") || s.equals("."))) {
            return Optional.empty();
        }
        int dot = name.lastIndexOf('.');
        String type = dot < 0 ? null : TYPES.get(name.substring(dot + 1).toLowerCase(Locale.ROOT));
        if (type == null) {
            return Optional.empty();
        }
        try (InputStream in = StaticFiles.class.getClassLoader().getResourceAsStream(folder + name)) {
            if (in == null) {
                return Optional.empty();
            }
            byte[] bytes = in.readAllBytes();
            return Optional.of(new BundledFile(type, bytes, etag(bytes), cacheControl));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read bundled " + folder + name, e);
        }
    }

    /** Weak, as Jetty's was: the body may go out gzipped, which changes the bytes but not the file. */
    private static String etag(byte[] bytes) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
            return "W/\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 12)) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** Weak comparison (RFC 9110 13.1.2): a client may send the tag with or without {@code W/}, or {@code *}. */
    static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        String opaque = etag.substring(2);
        return List.of(ifNoneMatch.split(",")).stream().map(String::trim)
                .anyMatch(t -> t.equals("*") || (t.startsWith("W/") ? t.substring(2) : t).equals(opaque));
    }
}
