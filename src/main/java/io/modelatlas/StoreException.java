package io.modelatlas;

/**
 * Thrown when the database cannot be reached, migrated, read or written; the web layer answers 503.
 *
 * <p>It sits in the root package, beside no feature, because every port the store implements (the catalog archive,
 * admin tokens, the audit log, eval runs, spend-log tables) throws it, and the web layer maps it to 503 without
 * importing the store. It imports nothing.
 */
public class StoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
