package org.wirewatch.extract.geo;

import java.text.Normalizer;

/**
 * Transliterations of one town differ in doubled letters and a final "h" ("Nassiriya", "Nasiriyah"; "Bulobarde",
 * "Buulobarde"): the key of a name folds those away, so that a name a cue makes a town but no gazetteer spells that
 * way still finds its region. Keys are 44-bit hashes packed with a 20-bit entry number in one long.
 */
final class Spelling {

    /** Towns smaller than this are too many and too alike to be told apart by a loose spelling. */
    static final int MIN_POPULATION = 5_000;

    private static final int ENTRY_BITS = 20;

    private Spelling() {}

    /** The key of a name, or 0 when it has fewer than four letters. */
    static long key(CharSequence name) {
        // most names are plain ASCII: decomposing them would only cost the gazetteer's load time
        CharSequence d = ascii(name) ? name : Normalizer.normalize(name, Normalizer.Form.NFD);
        long h = 1125899906842597L;
        int letters = 0;
        char last = 0;
        char pending = 0;
        for (int i = 0; i < d.length(); i++) {
            char c = Character.toLowerCase(d.charAt(i));
            if (c < 'a' || c > 'z' || c == last) {
                continue;
            }
            if (pending != 0) {
                h = 31 * h + pending;
            }
            pending = c;
            last = c;
            letters++;
        }
        if (pending != 0 && pending != 'h') {
            h = 31 * h + pending;
        }
        if (letters < 4) {
            return 0;
        }
        long k = (h ^ (h >>> 29)) & ((1L << (64 - ENTRY_BITS)) - 1);
        return k == 0 ? 1 : k;
    }

    private static boolean ascii(CharSequence s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 128) {
                return false;
            }
        }
        return true;
    }

    static long pack(long key, int entry) {
        if (entry >= 1 << ENTRY_BITS) {
            throw new IllegalStateException("gazetteer entry " + entry + " does not fit a spelling key");
        }
        return key << ENTRY_BITS | entry;
    }

    /** The entries whose key is {@code key}, in {@code sorted} (packed keys). */
    static int[] entries(long[] sorted, long key) {
        long lo = key << ENTRY_BITS;
        int i = java.util.Arrays.binarySearch(sorted, lo);
        if (i < 0) {
            i = -i - 1;
        }
        int j = i;
        while (j < sorted.length && sorted[j] >>> ENTRY_BITS == key) {
            j++;
        }
        int[] out = new int[j - i];
        for (int k = i; k < j; k++) {
            out[k - i] = (int) (sorted[k] & ((1 << ENTRY_BITS) - 1));
        }
        return out;
    }
}
