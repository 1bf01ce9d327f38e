package io.modelatlas.store;

import io.modelatlas.StoreException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The SQLite file behind a store. It is created once, on first open; after that connections never create it, so a
 * file removed under a running server is an error (503) rather than a silent new empty store. Pooled connections
 * keep a removed or replaced file's old inode open, so every use checks the file is still the one they hold and
 * drops them when it is not: a file restored from a backup is picked up without a restart.
 */
final class SqliteFile {
    /** SQLITE_OPEN_READWRITE without SQLITE_OPEN_CREATE. */
    private static final String READ_WRITE_NO_CREATE = "2";
    private static final Map<String, String> DEFAULTS = Map.of(
            // WAL lets readers go on while an import writes; the busy timeout makes a second writer wait instead of failing
            "journal_mode", "WAL", "busy_timeout", "10000", "foreign_keys", "true");

    private final Path path;
    private final String poolUrl;
    private volatile Object identity;

    private SqliteFile(Path path, String poolUrl, Object identity) {
        this.path = path;
        this.poolUrl = poolUrl;
        this.identity = identity;
    }

    /** Creates the file and its folder if needed. Parameters given in the URL win over the defaults. */
    static SqliteFile open(String url) {
        String rest = url.substring("jdbc:sqlite:".length());
        int q = rest.indexOf('?');
        String file = q < 0 ? rest : rest.substring(0, q);
        if (file.isEmpty() || file.equals(":memory:") || file.startsWith("file:")) {
            throw new StoreException("the store needs a SQLite file path (jdbc:sqlite:/path/to/modelatlas.db), got '" + file + "'");
        }
        Map<String, String> params = new LinkedHashMap<>(DEFAULTS);
        if (q >= 0) {
            for (String p : rest.substring(q + 1).split("&")) {
                int eq = p.indexOf('=');
                if (eq > 0) {
                    params.put(p.substring(0, eq), p.substring(eq + 1));
                }
            }
        }
        Path path = Path.of(file).toAbsolutePath();
        try {
            Files.createDirectories(path.getParent());
        } catch (IOException e) {
            throw new StoreException("cannot create the store's folder " + path.getParent() + ": " + e.getMessage(), e);
        }
        if (!Files.exists(path)) {
            try {
                DriverManager.getConnection("jdbc:sqlite:" + path).close();
            } catch (SQLException e) {
                throw new StoreException("cannot create the store file " + path + ": " + e.getMessage(), e);
            }
        }
        params.put("open_mode", READ_WRITE_NO_CREATE);
        StringBuilder poolUrl = new StringBuilder("jdbc:sqlite:").append(path).append('?');
        params.forEach((k, v) -> poolUrl.append(k).append('=').append(v).append('&'));
        poolUrl.setLength(poolUrl.length() - 1);
        return new SqliteFile(path, poolUrl.toString(), identityOf(path));
    }

    String poolUrl() {
        return poolUrl;
    }

    /**
     * Checks the file is there and still the one opened.
     *
     * @param dropConnections called once when the file was replaced, to close connections to the old one
     * @throws StoreException when the file is gone
     */
    void check(Runnable dropConnections) {
        Object now = identityOf(path);
        if (now == null) {
            dropConnections.run();
            throw new StoreException("the store file " + path + " is missing; restore it from a backup or restart to create a new one");
        }
        if (!Objects.equals(now, identity)) {
            identity = now;
            dropConnections.run();
        }
    }

    private static Object identityOf(Path path) {
        try {
            BasicFileAttributes a = Files.readAttributes(path, BasicFileAttributes.class);
            return a.fileKey() != null ? a.fileKey() : a.creationTime();
        } catch (IOException e) {
            return null;
        }
    }
}
