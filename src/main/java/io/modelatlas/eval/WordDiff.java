package io.modelatlas.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Word-level differences of an answer from the baseline's answer, for side-by-side reports: the longest common
 * subsequence of words, and every word of the answer outside it marked as changed. White space is never marked.
 * Answers longer than {@link #MAX_WORDS} words are not compared (quadratic time and memory).
 */
public final class WordDiff {
    public static final int MAX_WORDS = 1500;
    /** A word with the white space after it (and white space alone only at the start): words are compared, spaces kept. */
    private static final Pattern TOKENS = Pattern.compile("\\S+\\s*|\\s+");

    private WordDiff() {}

    /** A run of text, changed or the same as in the baseline. */
    public record Segment(String text, boolean changed) {}

    /** The answer's segments; null when either text is too long to compare. */
    public static List<Segment> against(String baseline, String answer) {
        List<String> b = tokens(answer);
        List<String> a = keys(tokens(baseline));
        List<String> bKeys = keys(b);
        if (a.size() > MAX_WORDS || b.size() > MAX_WORDS) {
            return null;
        }
        // answers to the same case often share their start and end: only the middle needs the quadratic table
        int prefix = 0;
        while (prefix < a.size() && prefix < b.size() && a.get(prefix).equals(bKeys.get(prefix))) {
            prefix++;
        }
        int suffix = 0;
        while (suffix < a.size() - prefix && suffix < b.size() - prefix && a.get(a.size() - 1 - suffix).equals(bKeys.get(b.size() - 1 - suffix))) {
            suffix++;
        }
        List<String> am = a.subList(prefix, a.size() - suffix);
        List<String> bm = bKeys.subList(prefix, b.size() - suffix);
        List<String> bText = b.subList(prefix, b.size() - suffix);
        int cols = bm.size() + 1;
        int[] lcs = new int[(am.size() + 1) * cols];
        for (int i = am.size() - 1; i >= 0; i--) {
            for (int j = bm.size() - 1; j >= 0; j--) {
                lcs[i * cols + j] = am.get(i).equals(bm.get(j)) ? lcs[(i + 1) * cols + j + 1] + 1 : Math.max(lcs[(i + 1) * cols + j], lcs[i * cols + j + 1]);
            }
        }
        List<Segment> out = new ArrayList<>();
        for (String t : b.subList(0, prefix)) {
            add(out, t, false);
        }
        int i = 0;
        int j = 0;
        while (j < bm.size()) {
            String t = bText.get(j);
            if (i < am.size() && am.get(i).equals(bm.get(j))) {
                add(out, t, false);
                i++;
                j++;
            } else if (i < am.size() && lcs[(i + 1) * cols + j] >= lcs[i * cols + j + 1]) {
                i++;
            } else {
                add(out, t, !t.isBlank());
                j++;
            }
        }
        for (String t : b.subList(b.size() - suffix, b.size())) {
            add(out, t, false);
        }
        return trimMarks(out);
    }

    /** A mark ends at its last changed word: white space after it is given back to the unchanged text. */
    private static List<Segment> trimMarks(List<Segment> in) {
        List<Segment> out = new ArrayList<>();
        for (Segment s : in) {
            String text = s.text();
            String core = s.changed() ? text.stripTrailing() : text;
            append(out, core, s.changed());
            if (core.length() < text.length()) {
                append(out, text.substring(core.length()), false);
            }
        }
        return out;
    }

    /** The whole text as one unchanged segment. */
    public static List<Segment> plain(String text) {
        return List.of(new Segment(text, false));
    }

    private static void append(List<Segment> out, String t, boolean changed) {
        if (!out.isEmpty() && out.get(out.size() - 1).changed() == changed) {
            out.set(out.size() - 1, new Segment(out.get(out.size() - 1).text() + t, changed));
        } else if (!t.isEmpty()) {
            out.add(new Segment(t, changed));
        }
    }

    private static void add(List<Segment> out, String t, boolean changed) {
        if (!out.isEmpty()) {
            Segment last = out.get(out.size() - 1);
            // white space between two changed words belongs to the change, so a changed phrase is one mark
            boolean joins = last.changed() == changed || (t.isBlank() && last.changed());
            if (joins) {
                out.set(out.size() - 1, new Segment(last.text() + t, last.changed()));
                return;
            }
        }
        out.add(new Segment(t, changed));
    }

    /** What two tokens are compared by: the word without the white space after it. */
    private static List<String> keys(List<String> tokens) {
        List<String> out = new ArrayList<>(tokens.size());
        for (String t : tokens) {
            out.add(t.isBlank() ? t : t.stripTrailing());
        }
        return out;
    }

    private static List<String> tokens(String s) {
        List<String> out = new ArrayList<>();
        Matcher m = TOKENS.matcher(s == null ? "" : s);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }
}
