package io.modelatlas.export;

/** Thrown when an export cannot be completed: a broken internal link, a page error, or a path outside the target. */
public class ExportException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ExportException(String message) {
        super(message);
    }
}
