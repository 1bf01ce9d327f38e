package io.modelatlas.eval;

/** Thrown when no eval run has the id asked for; the web layer answers 404. */
public class UnknownRunException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UnknownRunException(String runId) {
        super("no eval run '" + runId + "'");
    }
}
