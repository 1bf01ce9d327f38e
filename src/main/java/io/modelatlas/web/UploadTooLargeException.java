package io.modelatlas.web;

/** Thrown when an upload is larger than the page or endpoint accepts; answered with 413. */
final class UploadTooLargeException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UploadTooLargeException(long limitBytes) {
        super("the upload is larger than the limit of " + ReplayPage.megabytes(limitBytes)
                + "; price a larger log with the command line: modelatlas replay LOG --models ...");
    }
}
