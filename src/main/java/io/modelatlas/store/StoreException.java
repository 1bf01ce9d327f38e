package io.modelatlas.store;

/** Thrown when the database cannot be reached, migrated, read or written; the web layer answers 503. */
public class StoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
