package io.modelatlas.catalog.snapshot;

import io.modelatlas.catalog.Catalog;
import java.util.Objects;
import java.util.Optional;

/**
 * A merged catalog in a compact binary form, read in a fraction of the time parsing and merging its sources takes.
 * Each snapshot carries the key of the sources it was made from (see {@code SourceSet.fingerprint()}); it is read only
 * for the same key, so a snapshot of other sources is never taken for the catalog in use.
 */
public final class CatalogSnapshot {
    private CatalogSnapshot() {}

    /**
     * The catalog (its models, sources and leaderboards) as snapshot bytes, labelled with the key of its sources and
     * with {@code made}, free text saying which build or version made it.
     */
    public static byte[] write(Catalog catalog, String key, String made) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(made, "made");
        return SnapshotWriter.write(catalog, key, made);
    }

    /**
     * The catalog in {@code bytes} when they are a snapshot of the sources {@code key} names; empty for a snapshot of
     * other sources or of another format version.
     *
     * @throws SnapshotException when the bytes claim the key but cannot be read
     */
    public static Optional<Catalog> read(byte[] bytes, String key) {
        return key.equals(keyOf(bytes)) ? Optional.of(SnapshotReader.read(bytes)) : Optional.empty();
    }

    /** The key a snapshot was written for; null when the bytes are not a snapshot of this format version. */
    public static String keyOf(byte[] bytes) {
        String[] h = header(bytes);
        return h == null ? null : h[0];
    }

    /**
     * The key and the made-by label, as one text; null when the bytes are not a snapshot of this format version. Two
     * builds of the code never share it, so what one build derived from a snapshot is not taken by another.
     */
    public static String stamp(byte[] bytes) {
        String[] h = header(bytes);
        return h == null ? null : "format " + SnapshotFormat.VERSION + ", " + h[0] + ", " + h[1];
    }

    private static String[] header(byte[] bytes) {
        try {
            return SnapshotReader.header(bytes);
        } catch (RuntimeException e) {
            return null; // cut short before the header ends: not a snapshot
        }
    }
}
