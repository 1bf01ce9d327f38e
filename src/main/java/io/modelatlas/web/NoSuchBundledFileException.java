package io.modelatlas.web;

/** A {@code /static/} or {@code /webjars/} path that names no bundled file (or leaves those folders): a 404. */
final class NoSuchBundledFileException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    NoSuchBundledFileException(String path) {
        super("no bundled file at " + path);
    }
}
