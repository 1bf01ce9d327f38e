package io.modelatlas.tokens;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

/**
 * The mergeable ranks of a tiktoken encoding (token bytes to rank, which is also the token id), in one byte pool
 * and an open-addressing hash table: no object per token and no allocation per lookup. Read from the
 * {@code .tiktoken} rank files that the jtokkit jar bundles, so nothing is downloaded.
 */
final class BpeRanks {
    /** Where jtokkit keeps its rank files; a test fails if a jtokkit upgrade moves them. */
    static final String RESOURCE_DIR = "/com/knuddels/jtokkit/";

    private final byte[] pool;
    private final int[] offsets;
    private final int maxTokenLength;
    /**
     * One long per slot, so a probe touches one cache line: 18 bits of the hash, 21 of the token's pool offset, 7 of
     * its length less one and 18 of its id plus one (0 is an empty slot). The sizes are checked when loading.
     */
    private final long[] slots;
    private final int mask;
    /** Ranks of all two-byte sequences (-1: not a token), indexed by the bytes: no hashing for the commonest lookup. */
    private final int[] twoBytes = new int[1 << 16];
    private final int[] oneByte = new int[256];

    private BpeRanks(byte[] pool, int[] offsets, int maxTokenLength) {
        this.pool = pool;
        this.offsets = offsets;
        this.maxTokenLength = maxTokenLength;
        int tokens = offsets.length - 1;
        if (tokens >= (1 << ID_BITS) - 1 || pool.length >= 1 << OFFSET_BITS || maxTokenLength > 1 << LENGTH_BITS) {
            throw new IllegalStateException("rank table too large for its packed slots: " + tokens + " tokens, " + pool.length + " bytes");
        }
        int size = Integer.highestOneBit(tokens * 3 - 1) << 1;
        this.slots = new long[size];
        this.mask = size - 1;
        java.util.Arrays.fill(twoBytes, -1);
        java.util.Arrays.fill(oneByte, -1);
        for (int id = 0; id < tokens; id++) {
            int from = offsets[id];
            int to = offsets[id + 1];
            if (to == from) {
                continue;
            }
            if (to - from == 1) {
                oneByte[pool[from] & 0xff] = id;
            } else if (to - from == 2) {
                twoBytes[(pool[from] & 0xff) << 8 | (pool[from + 1] & 0xff)] = id;
            }
            int h = hash(pool, from, to);
            int i = h & mask;
            while (slots[i] != 0) {
                i = (i + 1) & mask;
            }
            slots[i] = ((long) (h >>> (32 - HASH_BITS)) << (64 - HASH_BITS)) | ((long) from << (LENGTH_BITS + ID_BITS))
                    | ((long) (to - from - 1) << ID_BITS) | (id + 1);
        }
    }

    private static final int HASH_BITS = 18;
    private static final int OFFSET_BITS = 21;
    private static final int LENGTH_BITS = 7;
    private static final int ID_BITS = 18;

    /** Loads {@code <encoding>.tiktoken} from jtokkit's jar. */
    static BpeRanks load(String encoding) {
        String path = RESOURCE_DIR + encoding + ".tiktoken";
        try (InputStream in = BpeRanks.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("rank file " + path + " is not on the class path (it comes with jtokkit)");
            }
            return read(new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII)), path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }

    /** Reads lines {@code <base64 token bytes> <rank>}; ranks need not be dense. */
    static BpeRanks read(BufferedReader in, String name) throws IOException {
        byte[][] byRank = new byte[1 << 16][];
        int count = 0;
        int lineNo = 0;
        Base64.Decoder base64 = Base64.getDecoder();
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            lineNo++;
            if (line.isEmpty()) {
                continue;
            }
            int space = line.indexOf(' ');
            if (space < 0) {
                throw new IllegalStateException(name + " line " + lineNo + ": expected '<base64> <rank>'");
            }
            int rank = Integer.parseInt(line, space + 1, line.length(), 10);
            if (rank >= byRank.length) {
                byRank = Arrays.copyOf(byRank, Math.max(rank + 1, byRank.length * 2));
            }
            byRank[rank] = base64.decode(line.substring(0, space));
            count = Math.max(count, rank + 1);
        }
        int total = 0;
        int max = 0;
        for (int r = 0; r < count; r++) {
            int len = byRank[r] == null ? 0 : byRank[r].length;
            total += len;
            max = Math.max(max, len);
        }
        byte[] pool = new byte[total];
        int[] offsets = new int[count + 1];
        int at = 0;
        for (int r = 0; r < count; r++) {
            offsets[r] = at;
            if (byRank[r] != null) {
                System.arraycopy(byRank[r], 0, pool, at, byRank[r].length);
                at += byRank[r].length;
            }
        }
        offsets[count] = at;
        return new BpeRanks(pool, offsets, max);
    }

    /** The rank of bytes {@code [from, to)} of {@code b}, or -1 when they are not one token. */
    int rank(byte[] b, int from, int to) {
        int len = to - from;
        if (len == 2) {
            return twoBytes[(b[from] & 0xff) << 8 | (b[from + 1] & 0xff)];
        }
        if (len == 1) {
            return oneByte[b[from] & 0xff];
        }
        if (len > maxTokenLength) {
            return -1;
        }
        int h = hash(b, from, to);
        long tag = h >>> (32 - HASH_BITS);
        int i = h & mask;
        while (true) {
            long slot = slots[i];
            if (slot == 0) {
                return -1;
            }
            if (slot >>> (64 - HASH_BITS) == tag && ((int) (slot >>> ID_BITS) & ((1 << LENGTH_BITS) - 1)) == len - 1) {
                int start = (int) (slot >>> (LENGTH_BITS + ID_BITS)) & ((1 << OFFSET_BITS) - 1);
                if (Arrays.equals(pool, start, start + len, b, from, to)) {
                    return (int) (slot & ((1 << ID_BITS) - 1)) - 1;
                }
            }
            i = (i + 1) & mask;
        }
    }

    /** Appends the bytes of token {@code id} to {@code out} at {@code at}; returns the new end. */
    int copyBytes(int id, byte[] out, int at) {
        int from = offsets[id];
        int len = offsets[id + 1] - from;
        System.arraycopy(pool, from, out, at, len);
        return at + len;
    }

    int length(int id) {
        return offsets[id + 1] - offsets[id];
    }

    static int hash(byte[] b, int from, int to) {
        int h = 0x811c9dc5;
        for (int i = from; i < to; i++) {
            h = (h ^ b[i]) * 0x01000193;
        }
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        return h;
    }
}
