package io.modelatlas.catalog.snapshot;

/**
 * Thrown when bytes meant to be a catalog snapshot cannot be read (cut short, written by another format version
 * without its header). A snapshot is only a faster way to the catalog: callers merge the sources instead.
 */
public final class SnapshotException extends RuntimeException {
    SnapshotException(String message) {
        super(message);
    }

    SnapshotException(String message, Throwable cause) {
        super(message, cause);
    }
}
