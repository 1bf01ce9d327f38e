package io.modelatlas.web;

/**
 * Thrown when a request body is larger than its route accepts, whether its declared length says so or the count of
 * bytes read passes the limit; answered 413 (problem+json under {@code /api/}, the error page elsewhere).
 */
final class BodyTooLargeException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    BodyTooLargeException(String message) {
        super(message);
    }

    /** A replay log over the page's limit: the command line has none. */
    static BodyTooLargeException upload(long limitBytes) {
        return new BodyTooLargeException("the upload is larger than the limit of " + ReplayPage.megabytes(limitBytes)
                + "; price a larger log with the command line: modelatlas replay LOG --models ...");
    }
}
