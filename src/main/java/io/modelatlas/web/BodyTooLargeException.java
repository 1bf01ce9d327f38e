package io.modelatlas.web;

/** Thrown for a request body above the route's limit; answered 413. */
final class BodyTooLargeException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    BodyTooLargeException(String message) {
        super(message);
    }
}
