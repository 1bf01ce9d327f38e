package io.modelatlas.replay;

import java.math.BigInteger;
import java.util.Arrays;

/**
 * The distinct requests of a log, as (tier bucket, uncached input, cached input, output) with how often each occurs:
 * per-request cost percentiles on any price sheet without keeping the requests. Exact up to {@code capacity}
 * distinct shapes; past that, token counts are rounded to fewer significant bits (10 first, so within 0.1%, then 9,
 * ...) until the shapes fit, the way DDSketch collapses buckets. The bucket is never rounded, so a request keeps its
 * real long-context rate, and because a request's cost is a sum of token counts times non-negative rates, each cost
 * (and so each percentile) is then within the same relative error as the counts: {@link #relativeError}.
 *
 * <p>Stored in one array with an open-addressing index: a million adds allocate nothing.
 */
final class RequestShapes {
    private static final int EXACT = 64;
    private static final int STRIDE = 5;
    private static final int BUCKET = 0;
    private static final int UNCACHED = 1;
    private static final int CACHED = 2;
    private static final int OUTPUT = 3;
    private static final int COUNT = 4;

    private final int capacity;
    private int bits = EXACT;
    private int size;
    /**
     * Entry e at [e * STRIDE]: bucket, uncached, cached, output, count. One array, so a lookup in a table of a
     * million shapes touches one or two cache lines, not five arrays.
     */
    private long[] entries;
    /** Entry index + 1 per slot, 0 for an empty slot; at most half full. */
    private int[] index;
    private long requests;

    RequestShapes(int capacity) {
        if (capacity < 16) {
            throw new IllegalArgumentException("capacity must be at least 16, got " + capacity);
        }
        this.capacity = capacity;
        int initial = Math.min(capacity, 1024);
        entries = new long[initial * STRIDE];
        index = new int[Integer.highestOneBit(initial) * 4];
    }

    void add(int bucketIndex, long uncachedTokens, long cachedTokens, long outputTokens) {
        requests++;
        add(bucketIndex, uncachedTokens, cachedTokens, outputTokens, 1);
    }

    /** {@code n} requests of one shape (the count of a shape is kept apart from {@link #requests}). */
    private void add(int bucketIndex, long uncachedTokens, long cachedTokens, long outputTokens, long n) {
        long u = round(uncachedTokens);
        long c = round(cachedTokens);
        long o = round(outputTokens);
        int slot = find(bucketIndex, u, c, o);
        if (index[slot] != 0) {
            entries[(index[slot] - 1) * STRIDE + COUNT] += n;
            return;
        }
        if (size >= capacity && bits > 1) {
            do {
                coarsen();
            } while (size >= capacity && bits > 1);
            add(bucketIndex, uncachedTokens, cachedTokens, outputTokens, n);
            return;
        }
        // at one significant bit the shapes are few whatever the log (powers of two), so going past capacity is bounded
        insert(slot, bucketIndex, u, c, o, n);
    }

    /**
     * Adds the shapes of another part of the same log (same capacity, same tier buckets). While the union of the
     * shapes fits the capacity the result is exactly the one reading both parts in one go gives: a shape's count does
     * not depend on the order requests came in. Past it, both sides are first brought to the coarser precision of the
     * two (rounding to fewer bits composes: rounding a rounded count to fewer bits gives what rounding the count does),
     * then coarsened as {@link #add} does, so {@link #relativeError} stays a bound for every merged count.
     */
    void merge(RequestShapes other) {
        while (bits > other.bits) {
            coarsen();
        }
        for (int e = 0; e < other.size; e++) {
            add(other.bucket(e), other.uncached(e), other.cached(e), other.output(e), other.count(e));
        }
        requests += other.requests;
    }

    private int find(int b, long u, long c, long o) {
        int mask = index.length - 1;
        int slot = hash(b, u, c, o) & mask;
        while (index[slot] != 0) {
            int at = (index[slot] - 1) * STRIDE;
            if (entries[at + UNCACHED] == u && entries[at + OUTPUT] == o && entries[at + CACHED] == c && entries[at + BUCKET] == b) {
                return slot;
            }
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    private static int hash(int b, long u, long c, long o) {
        long h = b * 0x9E3779B97F4A7C15L;
        h = (h ^ u) * 0xC2B2AE3D27D4EB4FL;
        h = (h ^ c) * 0x165667B19E3779F9L;
        h = (h ^ o) * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 31));
    }

    private void insert(int slot, int b, long u, long c, long o, long n) {
        if (size * STRIDE == entries.length) {
            int grown = Math.max(size + 1, Math.min(capacity, size * 2));
            entries = Arrays.copyOf(entries, grown * STRIDE);
        }
        int at = size * STRIDE;
        entries[at + BUCKET] = b;
        entries[at + UNCACHED] = u;
        entries[at + CACHED] = c;
        entries[at + OUTPUT] = o;
        entries[at + COUNT] = n;
        index[slot] = ++size;
        if (size * 2 > index.length) {
            reindex();
        }
    }

    private void reindex() {
        index = new int[Math.max(index.length, Integer.highestOneBit(Math.max(1, size)) * 4)];
        for (int e = 0; e < size; e++) {
            index[find(bucket(e), uncached(e), cached(e), output(e))] = e + 1;
        }
    }

    /** One significant bit fewer (10 on the first call), merging the shapes that become equal. */
    private void coarsen() {
        bits = bits == EXACT ? 10 : bits - 1;
        int old = size;
        long[] was = Arrays.copyOf(entries, old * STRIDE);
        size = 0;
        Arrays.fill(index, 0);
        for (int at = 0; at < old * STRIDE; at += STRIDE) {
            int b = (int) was[at + BUCKET];
            long ru = round(was[at + UNCACHED]);
            long rc = round(was[at + CACHED]);
            long ro = round(was[at + OUTPUT]);
            int slot = find(b, ru, rc, ro);
            if (index[slot] != 0) {
                entries[(index[slot] - 1) * STRIDE + COUNT] += was[at + COUNT];
            } else {
                insert(slot, b, ru, rc, ro, was[at + COUNT]);
            }
        }
    }

    /** Keeps the top {@link #bits} significant bits and moves to the middle of the dropped range. */
    private long round(long x) {
        int width = 64 - Long.numberOfLeadingZeros(x);
        if (width <= bits) {
            return x;
        }
        int drop = width - bits;
        return ((x >>> drop) << drop) + (1L << (drop - 1));
    }

    /**
     * Costs at the given percentiles (nearest rank: the smallest cost that at least p% of the requests do not
     * exceed; 100 is the maximum), in the units of the rates: {@code rates[bucket]} holds the uncached input, cached
     * input and output rate of a tier bucket (null for a bucket with no requests).
     *
     * @throws ArithmeticException when a cost does not fit in a long (the caller then prices in BigDecimal)
     */
    long[] percentiles(long[][] rates, int... percents) {
        long[] cost = new long[size];
        long[] n = counts();
        for (int e = 0; e < size; e++) {
            long[] r = rates[bucket(e)];
            cost[e] = Math.addExact(Math.addExact(Math.multiplyExact(uncached(e), r[0]), Math.multiplyExact(cached(e), r[1])),
                    Math.multiplyExact(output(e), r[2]));
        }
        long[] out = new long[percents.length];
        // ascending ranks: each selection leaves what lies above its value at the end of the arrays, so the next
        // one searches only there (p95 and the maximum look at about a twentieth of the shapes)
        int from = 0;
        long through = 0;
        long[] found = new long[3];
        for (int k = 0; k < percents.length; k++) {
            long rank = Math.max(1, (percents[k] * requests + 99) / 100);
            if (size == 0) {
                continue;
            }
            if (k > 0 && rank <= through) {
                out[k] = out[k - 1];
                continue;
            }
            select(cost, n, from, size, rank - through, found);
            out[k] = found[0];
            through += found[2];
            from = (int) found[1];
        }
        return out;
    }

    /**
     * The same percentiles in 128-bit arithmetic, for rates with many decimals (prices stored from binary floating
     * point such as 0.49299999999999994 per million) whose costs pass a long: each cost is kept as a high and a low
     * word, exactly. Rates and token counts must each fit in a long.
     */
    BigInteger[] widePercentiles(long[][] rates, int... percents) {
        long[] hi = new long[size];
        long[] lo = new long[size];
        long[] n = counts();
        for (int e = 0; e < size; e++) {
            long[] r = rates[bucket(e)];
            long[] t = {uncached(e), cached(e), output(e)};
            long h = 0;
            long l = 0;
            for (int k = 0; k < 3; k++) {
                long pl = t[k] * r[k];
                long ph = Math.multiplyHigh(t[k], r[k]);
                long sum = l + pl;
                h += ph + (Long.compareUnsigned(sum, l) < 0 ? 1 : 0);
                l = sum;
            }
            hi[e] = h;
            lo[e] = l;
        }
        BigInteger[] out = new BigInteger[percents.length];
        for (int k = 0; k < percents.length; k++) {
            if (size == 0) {
                out[k] = BigInteger.ZERO;
                continue;
            }
            int at = selectWide(hi, lo, n, Math.max(1, (percents[k] * requests + 99) / 100));
            out[k] = BigInteger.valueOf(hi[at]).shiftLeft(64).add(new BigInteger(Long.toUnsignedString(lo[at])));
        }
        return out;
    }

    /** {@link #select} over 128-bit values (high word, unsigned low word); answers the index of the value found. */
    private static int selectWide(long[] hi, long[] lo, long[] w, long rank) {
        int lo0 = 0;
        int hi0 = hi.length;
        long seed = 0x9E3779B97F4A7C15L;
        while (true) {
            if (hi0 - lo0 == 1) {
                return lo0;
            }
            seed = seed * 6364136223846793005L + 1442695040888963407L;
            int p = lo0 + (int) ((seed >>> 33) % (hi0 - lo0));
            long ph = hi[p];
            long pl = lo[p];
            int lt = lo0;
            int i = lo0;
            int gt = hi0 - 1;
            long below = 0;
            long equal = 0;
            while (i <= gt) {
                int c = hi[i] != ph ? Long.compare(hi[i], ph) : Long.compareUnsigned(lo[i], pl);
                if (c < 0) {
                    below += w[i];
                    swap3(hi, lo, w, lt++, i++);
                } else if (c > 0) {
                    swap3(hi, lo, w, i, gt--);
                } else {
                    equal += w[i];
                    i++;
                }
            }
            if (rank <= below) {
                hi0 = lt;
            } else if (rank <= below + equal) {
                return lt;
            } else {
                rank -= below + equal;
                lo0 = gt + 1;
            }
        }
    }

    private static void swap3(long[] a, long[] b, long[] c, int x, int y) {
        swap(a, b, x, y);
        long t = c[x];
        c[x] = c[y];
        c[y] = t;
    }

    /** The value at 1-based weighted rank {@code rank} among all of v (values repeated by their weights, in order). */
    static long select(long[] v, long[] w, long rank) {
        long[] found = new long[3];
        select(v, w, 0, v.length, rank, found);
        return found[0];
    }

    /**
     * Quickselect with a three-way partition over [from, to), O(n) on average; reorders the arrays, keeping values
     * and weights together. Answers in {@code found}: the value, the index past the run of values equal to it (all
     * larger values lie from there to {@code to}), and the weight of [from, that index).
     */
    private static void select(long[] v, long[] w, int from, int to, long rank, long[] found) {
        int lo = from;
        int hi = to;
        long left = 0;
        long seed = 0x9E3779B97F4A7C15L ^ rank;
        while (true) {
            seed = seed * 6364136223846793005L + 1442695040888963407L;
            long pivot = v[lo + (int) ((seed >>> 33) % (hi - lo))];
            // [lo, lt) < pivot, [lt, i) == pivot, (gt, hi) > pivot
            int lt = lo;
            int i = lo;
            int gt = hi - 1;
            long below = 0;
            long equal = 0;
            while (i <= gt) {
                long x = v[i];
                if (x < pivot) {
                    below += w[i];
                    swap(v, w, lt++, i++);
                } else if (x > pivot) {
                    swap(v, w, i, gt--);
                } else {
                    equal += w[i];
                    i++;
                }
            }
            if (rank <= below) {
                hi = lt;
            } else if (rank <= below + equal) {
                found[0] = pivot;
                found[1] = gt + 1;
                found[2] = left + below + equal;
                return;
            } else {
                rank -= below + equal;
                left += below + equal;
                lo = gt + 1;
            }
        }
    }

    private static void swap(long[] v, long[] w, int a, int b) {
        long x = v[a];
        v[a] = v[b];
        v[b] = x;
        long y = w[a];
        w[a] = w[b];
        w[b] = y;
    }

    boolean exact() {
        return bits == EXACT;
    }

    /** The bound on the relative rounding of a token count (and so of a cost): 2^-bits, 0 while exact. */
    double relativeError() {
        return exact() ? 0 : Math.pow(2, -bits);
    }

    int size() {
        return size;
    }

    long requests() {
        return requests;
    }

    int bucket(int e) {
        return (int) entries[e * STRIDE + BUCKET];
    }

    long uncached(int e) {
        return entries[e * STRIDE + UNCACHED];
    }

    long cached(int e) {
        return entries[e * STRIDE + CACHED];
    }

    long output(int e) {
        return entries[e * STRIDE + OUTPUT];
    }

    long count(int e) {
        return entries[e * STRIDE + COUNT];
    }

    private long[] counts() {
        long[] n = new long[size];
        for (int e = 0; e < size; e++) {
            n[e] = count(e);
        }
        return n;
    }
}
