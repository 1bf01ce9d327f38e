package io.modelatlas.eval;

/** A case's result on one target: every assertion held, one did not, or there was no answer to check. */
public enum CaseStatus {
    PASSED, FAILED, ERRORED;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
