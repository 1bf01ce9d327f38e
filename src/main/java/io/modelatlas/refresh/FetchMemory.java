package io.modelatlas.refresh;

import io.modelatlas.fetch.Validators;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;

/**
 * The validators (ETag, Last-Modified) each source's upstream sent with the copy the catalog holds, kept in
 * {@code $MODELATLAS_HOME/fetch-state.properties}. They are sent again only for the same URL and only while the store
 * still holds that copy (its SHA-256 is remembered with them), so a 304 never stands for a file we do not have.
 */
final class FetchMemory {
    private final Path file;
    private final Properties values = new Properties();

    private FetchMemory(Path file) {
        this.file = file;
    }

    static FetchMemory in(Path home) {
        FetchMemory m = new FetchMemory(home.resolve("fetch-state.properties"));
        if (Files.isRegularFile(m.file)) {
            try (InputStream in = Files.newInputStream(m.file)) {
                m.values.load(in);
            } catch (IOException | IllegalArgumentException e) {
                // a damaged state file only costs one unconditional fetch of each source
                m.values.clear();
            }
        }
        return m;
    }

    /** The validators to send for {@code source} at {@code url} when the store's copy has {@code storedSha256}. */
    Validators validators(String source, URI url, String storedSha256) {
        if (!url.toString().equals(values.getProperty(source + ".url")) || storedSha256 == null
                || !storedSha256.equals(values.getProperty(source + ".sha256"))) {
            return Validators.NONE;
        }
        return new Validators(values.getProperty(source + ".etag"), values.getProperty(source + ".last_modified"));
    }

    void remember(String source, URI url, Validators v, String sha256) {
        values.setProperty(source + ".url", url.toString());
        values.setProperty(source + ".sha256", sha256);
        set(source + ".etag", v.etag());
        set(source + ".last_modified", v.lastModified());
    }

    private void set(String key, String value) {
        if (value == null) {
            values.remove(key);
        } else {
            values.setProperty(key, value);
        }
    }

    void save() {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            try (OutputStream out = Files.newOutputStream(tmp)) {
                values.store(out, "validators of the upstream copies the catalog holds; safe to delete");
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
