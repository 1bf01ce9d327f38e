package io.modelatlas.eval;

/** Where a run stands: a run that is not COMPLETED can be resumed. */
public enum RunStatus {
    RUNNING, COMPLETED, FAILED, INTERRUPTED;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static RunStatus parse(String s) {
        return valueOf(s.toUpperCase(java.util.Locale.ROOT));
    }
}
