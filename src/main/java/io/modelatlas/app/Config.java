package io.modelatlas.app;

import java.nio.file.Path;
import java.util.Map;

/**
 * Settings read once from the environment at start-up and passed down. Secrets are not kept here: endpoint keys
 * are read by name only when a call needs them.
 *
 * @param dataDir where the embedded SQLite file lives ({@code MODELATLAS_HOME}, default {@code ~/.modelatlas})
 * @param jdbcUrl the store ({@code MODELATLAS_DB_URL}); default a SQLite file in dataDir; a
 *                {@code jdbc:postgresql://} URL when several instances share one store
 * @param baseUrl the public URL used in canonical links and the sitemap ({@code MODELATLAS_BASE_URL})
 * @param pollSeconds how often a server looks for catalog changes made by other instances ({@code MODELATLAS_POLL_SECONDS}, default 5)
 * @param rateLimit requests per minute per client address on the public API ({@code MODELATLAS_RATE_LIMIT}, default 600; 0 for none)
 */
public record Config(Path dataDir, String jdbcUrl, String baseUrl, int pollSeconds, int rateLimit) {

    public static Config fromEnvironment(Map<String, String> env) {
        Path home = Path.of(env.getOrDefault("MODELATLAS_HOME", Path.of(System.getProperty("user.home"), ".modelatlas").toString()));
        String jdbc = env.getOrDefault("MODELATLAS_DB_URL", "jdbc:sqlite:" + home.resolve("modelatlas.db"));
        String base = env.getOrDefault("MODELATLAS_BASE_URL", "http://127.0.0.1:8080");
        if (!jdbc.startsWith("jdbc:sqlite:") && !jdbc.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("MODELATLAS_DB_URL must be a jdbc:sqlite: or jdbc:postgresql: URL, got '" + redact(jdbc) + "'");
        }
        return new Config(home, jdbc, base.endsWith("/") ? base.substring(0, base.length() - 1) : base,
                number(env, "MODELATLAS_POLL_SECONDS", 5, 1), number(env, "MODELATLAS_RATE_LIMIT", 600, 0));
    }

    private static int number(Map<String, String> env, String name, int fallback, int min) {
        String v = env.get(name);
        if (v == null || v.isBlank()) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(v.trim());
            if (n < min) {
                throw new IllegalArgumentException(name + " must be at least " + min + ", got " + n);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, got '" + v + "'");
        }
    }

    /** Whether a store is there to read: a PostgreSQL URL, or a SQLite file that exists (read-only commands never create one). */
    public boolean storeExists() {
        if (!jdbcUrl.startsWith("jdbc:sqlite:")) {
            return true;
        }
        String path = jdbcUrl.substring("jdbc:sqlite:".length());
        int q = path.indexOf('?');
        return java.nio.file.Files.exists(Path.of(q < 0 ? path : path.substring(0, q)));
    }

    /** JDBC URLs may carry a password; never print one. */
    static String redact(String jdbcUrl) {
        return jdbcUrl.replaceAll("(?i)(password=)[^&;]*", "$1***").replaceAll("//[^/@:]+:[^/@]+@", "//***:***@");
    }
}
