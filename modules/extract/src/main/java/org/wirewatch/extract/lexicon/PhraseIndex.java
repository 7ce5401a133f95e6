package org.wirewatch.extract.lexicon;

import java.util.Arrays;

/**
 * An immutable multi-map from phrases (sequences of normalised tokens) to int values, keyed by 64-bit
 * phrase hashes in open-addressing arrays. No strings are kept, so half a million names fit in a few MB;
 * with 64-bit keys an accidental collision among a million phrases has a probability near 10^-7.
 *
 * <p>{@link #longest} finds, at a token position, the longest phrase in the index; callers decide about
 * acceptance and may retry shorter lengths with {@link #lookup}.
 */
public final class PhraseIndex {

    private static final int EMPTY = -1;

    private final long[] keys;
    private final int[] heads;
    private final int[] values;
    private final int[] next;
    private final long[] firstKeys;
    private final byte[] firstMaxLen;

    private PhraseIndex(Builder b) {
        int cap = tableSize(b.count);
        keys = new long[cap];
        heads = new int[cap];
        Arrays.fill(heads, EMPTY);
        values = Arrays.copyOf(b.values, b.count);
        next = new int[b.count];
        // Append to each phrase's chain so that values keep insertion order; a repeated (phrase, value)
        // pair is kept once, at its first position.
        for (int e = 0; e < b.count; e++) {
            long k = b.keys[e];
            int slot = slot(keys, k);
            keys[slot] = k;
            next[e] = EMPTY;
            int c = heads[slot];
            if (c == EMPTY) {
                heads[slot] = e;
                continue;
            }
            while (values[c] != values[e] && next[c] != EMPTY) {
                c = next[c];
            }
            if (values[c] != values[e]) {
                next[c] = e;
            }
        }
        int fcap = tableSize(b.count);
        firstKeys = new long[fcap];
        firstMaxLen = new byte[fcap];
        for (int e = 0; e < b.count; e++) {
            int s = slot(firstKeys, b.firstKeys[e]);
            firstKeys[s] = b.firstKeys[e];
            firstMaxLen[s] = (byte) Math.max(firstMaxLen[s], b.lengths[e]);
        }
    }

    /** A power of two with a load factor of at most 0.75. */
    private static int tableSize(int n) {
        int cap = 16;
        while (cap * 3L / 4 < n) {
            cap <<= 1;
        }
        return cap;
    }

    private static int slot(long[] table, long key) {
        int mask = table.length - 1;
        int i = (int) (mix(key) & mask);
        while (table[i] != 0 && table[i] != key) {
            i = (i + 1) & mask;
        }
        return i;
    }

    private static long mix(long k) {
        k ^= k >>> 33;
        k *= 0xff51afd7ed558ccdL;
        k ^= k >>> 33;
        return k;
    }

    /** The longest number of tokens of any phrase starting with this token hash, 0 if none. */
    public int maxLength(long firstTokenHash) {
        int s = slot(firstKeys, firstTokenHash);
        return firstKeys[s] == 0 ? 0 : firstMaxLen[s];
    }

    /** Index of the first value of a phrase key, or -1; iterate with {@link #nextValue}. */
    public int lookup(long phraseKey) {
        int s = slot(keys, phraseKey);
        return keys[s] == 0 ? EMPTY : heads[s];
    }

    public int value(int cursor) {
        return values[cursor];
    }

    /** Next cursor in the same phrase's value list, or -1. */
    public int nextValue(int cursor) {
        return next[cursor];
    }

    /** Number of (phrase, value) pairs. */
    public int size() {
        return values.length;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Collects (phrase, value) pairs; a phrase may carry several values, a duplicate pair is kept once. */
    public static final class Builder {
        private long[] keys = new long[1024];
        private long[] firstKeys = new long[1024];
        private int[] values = new int[1024];
        private byte[] lengths = new byte[1024];
        private int count;
        private final Tokens scratch = Tokens.reusable();

        /** Adds a phrase; returns false when it has no token or is longer than 127 tokens. */
        public boolean add(CharSequence phrase, int value) {
            Tokens t = scratch.reset(phrase);
            if (t.size() == 0 || t.size() > 127) {
                return false;
            }
            long key = t.phraseHash(0, t.size());
            if (count == keys.length) {
                int cap = count * 2;
                keys = Arrays.copyOf(keys, cap);
                firstKeys = Arrays.copyOf(firstKeys, cap);
                values = Arrays.copyOf(values, cap);
                lengths = Arrays.copyOf(lengths, cap);
            }
            keys[count] = key;
            firstKeys[count] = t.hash(0);
            values[count] = value;
            lengths[count] = (byte) t.size();
            count++;
            return true;
        }

        public PhraseIndex build() {
            return new PhraseIndex(this);
        }
    }
}
