package io.modelatlas.text;

/** Cutting text for display: error messages that quote a body, table cells. */
public final class Clip {
    private Clip() {}

    /** At most {@code max} characters, the last one an ellipsis when cut; null reads as empty. */
    public static String clip(String s, int max) {
        if (s == null) {
            return "";
        }
        return s.length() <= max ? s : s.substring(0, Math.max(0, max - 1)) + "…";
    }
}
