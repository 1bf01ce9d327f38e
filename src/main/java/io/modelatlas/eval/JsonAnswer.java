package io.modelatlas.eval;

/** Models often wrap JSON in a Markdown code fence even when asked not to; JSON assertions look inside it. */
final class JsonAnswer {
    private JsonAnswer() {}

    static String unfence(String text) {
        String t = text.trim();
        if (t.startsWith("```") && t.endsWith("```") && t.length() >= 6) {
            int firstLine = t.indexOf('\n');
            if (firstLine > 0) {
                return t.substring(firstLine + 1, t.length() - 3).trim();
            }
        }
        return t;
    }
}
