package io.modelatlas.tokens;

import java.util.Arrays;

/**
 * Token counts of recently merged pieces (pieces that are not one token), in a fixed number of direct-mapped slots:
 * bounded memory, and a new piece simply replaces the one in its slot. Entries are immutable (final fields), so
 * threads may race on a slot: a reader sees a whole entry or another one, and a miss only costs a merge.
 */
final class PieceCache {
    private final Entry[] slots;
    private final int mask;

    PieceCache(int size) {
        if (Integer.bitCount(size) != 1) {
            throw new IllegalArgumentException("size must be a power of two: " + size);
        }
        slots = new Entry[size];
        mask = size - 1;
    }

    /** The count stored for bytes [0, len) of b, or 0 when there is none. */
    int get(byte[] b, int len) {
        Entry e = slots[BpeRanks.hash(b, 0, len) & mask];
        return e != null && Arrays.equals(e.bytes, 0, e.bytes.length, b, 0, len) ? e.count : 0;
    }

    void put(byte[] b, int len, int count) {
        if (len > BpeTokenCounter.LARGE_PIECE) {
            return;
        }
        slots[BpeRanks.hash(b, 0, len) & mask] = new Entry(Arrays.copyOf(b, len), count);
    }

    private static final class Entry {
        final byte[] bytes;
        final int count;

        Entry(byte[] bytes, int count) {
            this.bytes = bytes;
            this.count = count;
        }
    }
}
