package io.modelatlas.refresh;

/** Thrown when other writers kept changing the store while a change was being prepared; trying again is safe. */
public class ConcurrentChangeException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ConcurrentChangeException(String message) {
        super(message);
    }
}
