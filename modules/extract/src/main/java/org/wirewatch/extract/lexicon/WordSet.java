package org.wirewatch.extract.lexicon;

import java.util.Arrays;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * An immutable set of word or phrase hashes ({@link Tokens#wordHash}, {@link Tokens#phraseHash}), asked once per
 * token by the cue and actor passes: open addressing over a power-of-two table at most half full, so a miss (the
 * common case) costs one or two probes instead of a binary search.
 */
public final class WordSet {

    private final long[] table;
    private final int mask;
    private final boolean hasZero;
    private final int size;

    private WordSet(long[] values) {
        long[] distinct = Arrays.stream(values).distinct().toArray();
        int capacity = Integer.highestOneBit(Math.max(4, distinct.length * 2 - 1)) << 1;
        table = new long[capacity];
        mask = capacity - 1;
        boolean zero = false;
        for (long v : distinct) {
            if (v == 0) {
                zero = true; // 0 marks an empty slot, so it is kept aside
                continue;
            }
            int i = slot(v);
            while (table[i] != 0) {
                i = (i + 1) & mask;
            }
            table[i] = v;
        }
        hasZero = zero;
        size = distinct.length;
    }

    public static WordSet of(long... hashes) {
        return new WordSet(hashes);
    }

    /** The hashes of the words of one class of a TSV table whose rows are {class, space-separated words}. */
    public static WordSet ofClass(
            List<String[]> rows, String cls, String table, String separator, ToLongFunction<String> hash) {
        long[] hashes = rows.stream()
                .filter(r -> r[0].equals(cls))
                .flatMap(r -> Arrays.stream(r[1].split(separator)))
                .filter(w -> !w.isBlank())
                .mapToLong(hash)
                .toArray();
        if (hashes.length == 0) {
            throw new IllegalStateException(table + " has no words of class " + cls);
        }
        return new WordSet(hashes);
    }

    public boolean contains(long h) {
        if (h == 0) {
            return hasZero;
        }
        int i = slot(h);
        long v;
        while ((v = table[i]) != 0) {
            if (v == h) {
                return true;
            }
            i = (i + 1) & mask;
        }
        return false;
    }

    public int size() {
        return size;
    }

    private int slot(long h) {
        // Mix the high bits in: word hashes need not be uniform in their low bits.
        long x = h * 0x9E3779B97F4A7C15L;
        return (int) (x >>> 40) & mask;
    }
}
