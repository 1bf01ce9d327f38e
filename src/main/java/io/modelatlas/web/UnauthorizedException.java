package io.modelatlas.web;

/** Thrown when an admin request has no valid bearer token; answered 401 and nothing changes. */
final class UnauthorizedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UnauthorizedException(String message) {
        super(message);
    }
}
