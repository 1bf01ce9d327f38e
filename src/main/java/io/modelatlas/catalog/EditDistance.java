package io.modelatlas.catalog;

import java.util.concurrent.atomic.LongAdder;

/**
 * Levenshtein distance, for "did you mean" suggestions. Only distances up to a bound matter there, so the table is
 * filled in a band of {@code 2 * max + 1} cells around the diagonal and given up on as soon as a whole row is past the
 * bound: the work is at most {@code (2 * max + 1) * a.length()} cells, not {@code a.length() * b.length()}.
 */
final class EditDistance {
    private EditDistance() {}

    /** The distance when it is at most {@code max}, else {@code max + 1}. */
    static int within(String a, String b, int max) {
        return within(a, b, max, null);
    }

    /** As {@link #within(String, String, int)}, adding the number of table cells filled to {@code cells} (tests). */
    static int within(String a, String b, int max, LongAdder cells) {
        if (Math.abs(a.length() - b.length()) > max) {
            return max + 1; // the length difference alone is a lower bound
        }
        int over = max + 1;
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = Math.min(j, over);
        }
        long filled = 0;
        for (int i = 1; i <= a.length(); i++) {
            int from = Math.max(1, i - max);
            int to = Math.min(b.length(), i + max);
            cur[from - 1] = from == 1 ? Math.min(i, over) : over; // left of the band: out of bound
            int rowMin = cur[from - 1];
            for (int j = from; j <= to; j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int up = j <= i - 1 + max ? prev[j] : over; // prev[j] outside last row's band is stale
                int d = Math.min(Math.min(cur[j - 1] + 1, up + 1), prev[j - 1] + cost);
                cur[j] = Math.min(d, over);
                rowMin = Math.min(rowMin, cur[j]);
            }
            if (to < b.length()) {
                cur[to + 1] = over;
            }
            filled += to - from + 1;
            if (rowMin > max) {
                add(cells, filled);
                return over; // every path goes through this row: the distance is past the bound
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        add(cells, filled);
        return Math.min(prev[b.length()], over);
    }

    private static void add(LongAdder cells, long n) {
        if (cells != null) {
            cells.add(n);
        }
    }
}
