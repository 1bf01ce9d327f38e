package io.modelatlas.export;

import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * Maps site paths to files under the export directory: {@code /models/gpt-4.1} becomes
 * {@code models/gpt-4.1/index.html} so that any web server's directory index serves it at the same URL; files with
 * an extension ({@code /static/app.css}, {@code /sitemap.xml}) keep their name. A path that would resolve outside
 * the directory is refused.
 */
final class ExportPaths {
    /** The ASCII characters a plain path may hold: letters, digits, unreserved, sub-delims, ':', '@', '/' and '%'. */
    private static final boolean[] PLAIN = new boolean[128];

    static {
        for (char c : "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~/%:@!$&'()*+,;=".toCharArray()) {
            PLAIN[c] = true;
        }
    }

    private ExportPaths() {}

    /** The site path of an href found on {@code page}, or empty when it is external, a fragment, or has a query. */
    static Optional<String> internalPath(String page, String href) {
        String h = href.trim();
        if (isPlainPath(h)) {
            return Optional.of(h); // what resolving it would give, without building two URIs for each of 80,000 links
        }
        if (h.isEmpty() || h.startsWith("#") || h.startsWith("//") || h.contains("://") || h.startsWith("mailto:") || h.startsWith("data:")
                || h.startsWith("javascript:")) {
            return Optional.empty(); // another host: every page's canonical link names the public host, not this copy
        }
        URI resolved;
        try {
            resolved = URI.create("http://site").resolve(page).resolve(h.replace(" ", "%20"));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (!"site".equals(resolved.getHost()) || resolved.getRawQuery() != null) {
            return Optional.empty();
        }
        String path = resolved.getRawPath();
        return path == null || path.isEmpty() ? Optional.of("/") : Optional.of(path);
    }

    /**
     * An absolute path of plain URI characters with no dot segment, query or fragment: it resolves to itself.
     * Anything else ({@code ../x}, {@code //host}, {@code ?q}, odd characters) goes through {@link URI}.
     */
    private static boolean isPlainPath(String h) {
        if (h.length() < 1 || h.charAt(0) != '/' || h.startsWith("//") || h.contains("/.")) {
            return false;
        }
        for (int i = 0; i < h.length(); i++) {
            char c = h.charAt(i);
            if (c >= PLAIN.length || !PLAIN[c]) {
                return false;
            }
        }
        return true;
    }

    /**
     * The file for a site path, checked to stay inside {@code root}. HTML pages become {@code <path>/index.html}
     * (model ids such as {@code gpt-4.1} contain dots, so the extension cannot tell a page from a file).
     */
    static Path fileFor(Path root, String sitePath, boolean html) {
        String decoded = java.net.URLDecoder.decode(sitePath.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
        if (decoded.contains("\0") || decoded.contains("\\")) {
            throw new ExportException("refusing to export path " + sitePath + ": invalid characters");
        }
        String relative = decoded.startsWith("/") ? decoded.substring(1) : decoded;
        if (relative.isEmpty() || relative.endsWith("/")) {
            relative = relative + "index.html";
        } else if (html && !relative.toLowerCase(Locale.ROOT).endsWith(".html")) {
            relative = relative + "/index.html";
        }
        Path base = root.toAbsolutePath().normalize();
        Path file = base.resolve(relative).normalize();
        if (!file.startsWith(base) || file.equals(base)) {
            throw new ExportException("refusing to write " + sitePath + ": it resolves outside " + base);
        }
        return file;
    }
}
