package io.modelatlas.web;

/** Thrown for a route that needs the store when the site runs without one (a static export, a fixed catalog). */
final class StoreUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    StoreUnavailableException() {
        super("this site runs without a store, so it has no price history, eval runs or admin API");
    }
}
