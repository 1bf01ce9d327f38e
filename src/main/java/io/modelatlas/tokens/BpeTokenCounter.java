package io.modelatlas.tokens;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * tiktoken's byte-pair encoding, written for speed and checked token for token against jtokkit (the reference, see
 * TokenEquivalenceTest). The same ranks as jtokkit; what differs is how the work is done:
 * <ul>
 *   <li>the pre-tokenizer regex is a hand-written scanner ({@link Pretokenizer});</li>
 *   <li>a piece is UTF-8 encoded into a reused buffer and looked up in a flat hash table ({@link BpeRanks}), so a
 *       piece that is one token (most of them) costs one hash and no allocation;</li>
 *   <li>other pieces are merged in place (tiktoken's quadratic merge, fast for short pieces) or, past
 *       {@link #LARGE_PIECE} bytes, with a heap over a linked list in O(n log n), so a megabyte without spaces is
 *       not quadratic;</li>
 *   <li>the token counts of merged pieces are remembered in a small bounded cache ({@link PieceCache}).</li>
 * </ul>
 * Thread-safe: per-call buffers, and the cache is safe to race on.
 */
final class BpeTokenCounter implements TokenCounter {
    static final int LARGE_PIECE = 256;
    private static final int NONE = Integer.MAX_VALUE;

    private final String name;
    private final BpeRanks ranks;
    private final Pretokenizer pretokenizer;
    private final Map<String, Integer> specialTokens;
    private final Pattern special;
    private final PieceCache cache = new PieceCache(4096);

    BpeTokenCounter(String name, BpeRanks ranks, Pretokenizer pretokenizer, Map<String, Integer> specialTokens) {
        this.name = name;
        this.ranks = ranks;
        this.pretokenizer = pretokenizer;
        this.specialTokens = Map.copyOf(specialTokens);
        this.special = Pattern.compile(String.join("|", specialTokens.keySet().stream().sorted().map(Pattern::quote).toList()));
    }

    @Override
    public String encoding() {
        return name;
    }

    @Override
    public boolean exact() {
        return true;
    }

    @Override
    public String basis() {
        return "exact: tiktoken " + name;
    }

    @Override
    public int count(String text) {
        Work w = new Work();
        int n = text.length();
        int count = 0;
        for (int i = 0; i < n; ) {
            int e = pretokenizer.end(text, i);
            count += piece(text, i, e, w, null);
            i = e;
        }
        return count;
    }

    @Override
    public int[] encode(String text) {
        Work w = new Work();
        Ids out = new Ids(Math.max(16, text.length() / 3));
        encodeOrdinary(text, 0, text.length(), w, out);
        return out.toArray();
    }

    @Override
    public int[] encodeWithSpecialTokens(String text) {
        Work w = new Work();
        Ids out = new Ids(Math.max(16, text.length() / 3));
        Matcher m = special.matcher(text);
        int from = 0;
        while (m.find()) {
            encodeOrdinary(text, from, m.start(), w, out);
            out.add(specialTokens.get(m.group()));
            from = m.end();
        }
        encodeOrdinary(text, from, text.length(), w, out);
        return out.toArray();
    }

    /**
     * jtokkit's truncation ({@code encodeOrdinary(text, maxTokens)}): the first {@code maxTokens} ids, less any at the
     * end that would leave a character cut in half, so the ids decode to a prefix of the text.
     */
    @Override
    public EncodedPrefix encodePrefix(String text, int maxTokens) {
        if (maxTokens < 0) {
            throw new IllegalArgumentException("maxTokens cannot be negative: " + maxTokens);
        }
        int[] all = encode(text);
        int keep = Math.min(maxTokens, all.length);
        for (; keep >= 0; keep--) {
            String decoded = decode(all, keep);
            if (text.startsWith(decoded)) {
                return new EncodedPrefix(Arrays.copyOf(all, keep), decoded.length() < text.length());
            }
        }
        return new EncodedPrefix(new int[0], !text.isEmpty());
    }

    private String decode(int[] ids, int count) {
        int len = 0;
        for (int i = 0; i < count; i++) {
            len += ranks.length(ids[i]);
        }
        byte[] bytes = new byte[len];
        int at = 0;
        for (int i = 0; i < count; i++) {
            at = ranks.copyBytes(ids[i], bytes, at);
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private void encodeOrdinary(String text, int from, int to, Work w, Ids out) {
        if (from == to) {
            return;
        }
        // the pre-tokenizer looks ahead, so it must not see past the end of this stretch of ordinary text
        String part = from == 0 && to == text.length() ? text : text.substring(from, to);
        int n = part.length();
        for (int i = 0; i < n; ) {
            int e = pretokenizer.end(part, i);
            piece(part, i, e, w, out);
            i = e;
        }
    }

    /** Encodes chars [from, to) of text, one pre-tokenized piece; adds its ids to out if given; returns how many. */
    private int piece(String text, int from, int to, Work w, Ids out) {
        int len = w.utf8(text, from, to);
        byte[] b = w.bytes;
        int whole = ranks.rank(b, 0, len);
        if (whole >= 0) {
            if (out != null) {
                out.add(whole);
            }
            return 1;
        }
        if (out == null) {
            int cached = cache.get(b, len);
            if (cached > 0) {
                return cached;
            }
        }
        int n = len < LARGE_PIECE ? mergeSmall(b, len, w, out) : out == null ? countLarge(b, len) : mergeLarge(b, len, out, null);
        cache.put(b, len, n);
        return n;
    }

    /** Longer runs of a repeated character than tokens hold: the longest token searched for is this many characters. */
    private static final int MAX_RUN_TOKEN = 1024;

    /**
     * The count of a long piece. A run of one repeated character (a megabyte of spaces in an uploaded log) merges into
     * blocks of one size from the left ({@code K}: 128 spaces, 64 '#', 16 newlines on o200k_base), so past a few
     * blocks each further {@code K} characters add exactly one token. The run is shortened by whole blocks to past
     * three times its longest token (where the blocks have long set in), merged exactly, and the blocks taken off are
     * added: the same count the full merge gives (tested against it and jtokkit for every printable ASCII character
     * and others, on every encoding), in time bounded by the block size instead of 0.3 µs a character.
     */
    private int countLarge(byte[] b, int len) {
        int unit = utf8Length(b[0]);
        if (unit > len || len % unit != 0) {
            return mergeLarge(b, len, null, null);
        }
        for (int i = unit; i < len; i++) {
            if (b[i] != b[i % unit]) {
                return mergeLarge(b, len, null, null);
            }
        }
        int runs = len / unit;
        int longest = 0;
        for (int k = 1; k <= Math.min(runs, MAX_RUN_TOKEN); k++) {
            if (ranks.rank(b, 0, k * unit) >= 0) {
                longest = k;
            }
        }
        int keep = 3 * longest + 1;
        if (longest == 0 || runs <= keep + 4 * longest) {
            return mergeLarge(b, len, null, null);
        }
        int[] first = new int[1];
        mergeLarge(b, 4 * longest * unit, null, first); // the block size: the first token of a long run
        int block = first[0] / unit;
        if (block <= 0 || first[0] % unit != 0) {
            return mergeLarge(b, len, null, null);
        }
        int blocks = (runs - keep) / block;
        return mergeLarge(b, (runs - blocks * block) * unit, null, null) + blocks;
    }

    private static int utf8Length(byte lead) {
        int v = lead & 0xff;
        return v < 0x80 ? 1 : v < 0xe0 ? 2 : v < 0xf0 ? 3 : 4;
    }

    /**
     * tiktoken's {@code _byte_pair_merge}: repeatedly merge the adjacent pair of lowest rank (the leftmost on a tie).
     * {@code starts[k]} is where part k begins; {@code pairs[k]} the rank of part k joined with part k + 1.
     */
    private int mergeSmall(byte[] b, int len, Work w, Ids out) {
        int[] starts = w.starts(len + 1);
        int[] pairs = w.pairs(len);
        for (int k = 0; k <= len; k++) {
            starts[k] = k;
        }
        for (int k = 0; k + 1 < len; k++) {
            pairs[k] = rankOr(b, k, k + 2);
        }
        int parts = len;
        while (parts > 1) {
            int min = NONE;
            int at = -1;
            for (int k = 0; k + 1 < parts; k++) {
                if (pairs[k] < min) {
                    min = pairs[k];
                    at = k;
                }
            }
            if (at < 0) {
                break;
            }
            // part `at` absorbs part `at + 1`
            System.arraycopy(starts, at + 2, starts, at + 1, parts - at - 1);
            System.arraycopy(pairs, at + 2, pairs, at + 1, Math.max(0, parts - at - 2));
            parts--;
            pairs[at] = at + 1 < parts ? rankOr(b, starts[at], starts[at + 2]) : NONE;
            if (at > 0) {
                pairs[at - 1] = rankOr(b, starts[at - 1], starts[at + 1]);
            }
        }
        if (out != null) {
            for (int k = 0; k < parts; k++) {
                out.add(ranks.rank(b, starts[k], starts[k + 1]));
            }
        }
        return parts;
    }

    /**
     * The same merges in O(n log n) for long pieces: parts are a linked list over their start offsets, and candidate
     * merges sit in a min-heap keyed by (rank, start), so ties still go to the leftmost. Entries made stale by an
     * earlier merge are recognised and skipped: a start that is no longer a part, or whose pair rank changed.
     * {@code firstPartLength}, when given, receives the byte length of the first part.
     */
    private int mergeLarge(byte[] b, int len, Ids out, int[] firstPartLength) {
        int[] next = new int[len + 1];
        int[] prev = new int[len + 1];
        int[] pair = new int[len + 1];
        for (int k = 0; k <= len; k++) {
            next[k] = k + 1;
            prev[k] = k - 1;
        }
        LongHeap heap = new LongHeap(len * 2);
        for (int k = 0; k + 1 < len; k++) {
            pair[k] = rankOr(b, k, k + 2);
            if (pair[k] != NONE) {
                heap.push(((long) pair[k] << 32) | k);
            }
        }
        pair[len - 1] = NONE;
        int parts = len;
        while (!heap.isEmpty()) {
            long top = heap.pop();
            int at = (int) top;
            int rank = (int) (top >>> 32);
            if (pair[at] != rank || next[at] < 0) {
                continue;
            }
            int gone = next[at];
            next[at] = next[gone];
            if (next[gone] <= len) {
                prev[next[gone]] = at;
            }
            next[gone] = -1;
            pair[gone] = NONE;
            parts--;
            pair[at] = next[at] < len ? rankOr(b, at, next[next[at]]) : NONE;
            if (pair[at] != NONE) {
                heap.push(((long) pair[at] << 32) | at);
            }
            int before = prev[at];
            if (before >= 0) {
                pair[before] = rankOr(b, before, next[at]);
                if (pair[before] != NONE) {
                    heap.push(((long) pair[before] << 32) | before);
                }
            }
        }
        if (out != null) {
            for (int k = 0; k < len; k = next[k]) {
                out.add(ranks.rank(b, k, next[k]));
            }
        }
        if (firstPartLength != null) {
            firstPartLength[0] = next[0];
        }
        return parts;
    }

    private int rankOr(byte[] b, int from, int to) {
        int r = ranks.rank(b, from, to);
        return r < 0 ? NONE : r;
    }

    /** Per-call buffers. */
    private static final class Work {
        byte[] bytes = new byte[64];
        int[] starts = new int[64];
        int[] pairs = new int[64];

        /** UTF-8 of chars [from, to) into {@link #bytes}; a lone surrogate becomes U+FFFD, as tiktoken reads it. */
        int utf8(String s, int from, int to) {
            int max = (to - from) * 3;
            if (bytes.length < max) {
                bytes = new byte[Math.max(max, bytes.length * 2)];
            }
            byte[] b = bytes;
            int n = 0;
            for (int i = from; i < to; i++) {
                char c = s.charAt(i);
                if (c < 0x80) {
                    b[n++] = (byte) c;
                } else if (c < 0x800) {
                    b[n++] = (byte) (0xc0 | (c >> 6));
                    b[n++] = (byte) (0x80 | (c & 0x3f));
                } else if (Character.isHighSurrogate(c) && i + 1 < to && Character.isLowSurrogate(s.charAt(i + 1))) {
                    int cp = Character.toCodePoint(c, s.charAt(++i));
                    b[n++] = (byte) (0xf0 | (cp >> 18));
                    b[n++] = (byte) (0x80 | ((cp >> 12) & 0x3f));
                    b[n++] = (byte) (0x80 | ((cp >> 6) & 0x3f));
                    b[n++] = (byte) (0x80 | (cp & 0x3f));
                } else {
                    char d = Character.isSurrogate(c) ? '\ufffd' : c;
                    b[n++] = (byte) (0xe0 | (d >> 12));
                    b[n++] = (byte) (0x80 | ((d >> 6) & 0x3f));
                    b[n++] = (byte) (0x80 | (d & 0x3f));
                }
            }
            return n;
        }

        int[] starts(int n) {
            if (starts.length < n) {
                starts = new int[n];
            }
            return starts;
        }

        int[] pairs(int n) {
            if (pairs.length < n) {
                pairs = new int[n];
            }
            return pairs;
        }
    }

    /** A growable int list. */
    static final class Ids {
        private int[] a;
        private int size;

        Ids(int capacity) {
            a = new int[capacity];
        }

        void add(int v) {
            if (size == a.length) {
                a = Arrays.copyOf(a, size * 2);
            }
            a[size++] = v;
        }

        int[] toArray() {
            return Arrays.copyOf(a, size);
        }
    }

    /** A binary min-heap of longs. */
    private static final class LongHeap {
        private long[] a;
        private int size;

        LongHeap(int capacity) {
            a = new long[Math.max(16, capacity)];
        }

        boolean isEmpty() {
            return size == 0;
        }

        void push(long v) {
            if (size == a.length) {
                a = Arrays.copyOf(a, size * 2);
            }
            int i = size++;
            while (i > 0) {
                int parent = (i - 1) >>> 1;
                if (a[parent] <= v) {
                    break;
                }
                a[i] = a[parent];
                i = parent;
            }
            a[i] = v;
        }

        long pop() {
            long top = a[0];
            long last = a[--size];
            int i = 0;
            while (true) {
                int child = 2 * i + 1;
                if (child >= size) {
                    break;
                }
                if (child + 1 < size && a[child + 1] < a[child]) {
                    child++;
                }
                if (a[child] >= last) {
                    break;
                }
                a[i] = a[child];
                i = child;
            }
            a[i] = last;
            return top;
        }
    }
}
