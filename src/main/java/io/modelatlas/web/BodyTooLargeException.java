package io.modelatlas.web;

/**
 * Thrown when a request body is larger than its route accepts, whether its declared length says so or the count of
 * bytes read passes the limit; answered 413 (problem+json under {@code /api/}, the error page elsewhere).
 */
final class BodyTooLargeException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String title;

    /** {@code title} heads the error page or problem: what the person who sent the body would call it. */
    BodyTooLargeException(String title, String message) {
        super(message);
        this.title = title;
    }

    String title() {
        return title;
    }

    /** A replay log over the page's limit: the command line has none. */
    static BodyTooLargeException upload(long limitBytes) {
        return new BodyTooLargeException("Upload too large", "the upload is larger than the limit of " + ReplayPage.megabytes(limitBytes)
                + "; price a larger log with the command line: modelatlas replay LOG --models ...");
    }
}
