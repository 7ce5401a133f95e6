package org.wirewatch.extract.text;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The lower-case ASCII words of the rule tables, each kept as one shared {@link String} (interned, with its hash
 * computed once). The tokenizer hands out these instances for the words it finds in the table instead of a new
 * string per token: the tokens of a report then cost no allocation for their common words, and every later set
 * or map lookup finds their hash already computed and equal keys identical. Immutable and thread-safe; a word
 * missing from the table only costs the allocation it always did.
 */
public final class Vocabulary {

    /** No words: every token gets its own strings. */
    public static final Vocabulary EMPTY = new Vocabulary(Set.of());

    private final String[] table;
    private final int mask;
    private final int size;

    private Vocabulary(Collection<String> words) {
        int capacity = Integer.highestOneBit(Math.max(4, words.size() * 2 - 1)) << 1;
        table = new String[capacity];
        mask = capacity - 1;
        for (String w : words) {
            int i = slot(w.hashCode());
            while (table[i] != null && !table[i].equals(w)) {
                i = (i + 1) & mask;
            }
            table[i] = w;
        }
        size = words.size();
    }

    /** Every word (split at spaces) of the keys and value columns of the tables; non-ASCII words are left out. */
    public static Vocabulary of(Collection<Lexicon> lexicons) {
        return of(lexicons, List.of());
    }

    /**
     * As {@link #of(Collection)}, plus the words of word sets kept in code. A token outside the vocabulary is
     * flagged ({@link Token#mayBeIn()}), so every list given here may skip it without a lookup.
     */
    public static Vocabulary of(Collection<Lexicon> lexicons, Collection<? extends Collection<String>> wordSets) {
        Set<String> words = new LinkedHashSet<>();
        for (Collection<String> set : wordSets) {
            for (String w : set) {
                addWords(w, words);
            }
        }
        for (Lexicon lexicon : lexicons) {
            for (Lexicon.Entry e : lexicon.entries()) {
                addWords(e.key(), words);
                for (String v : e.values()) {
                    addWords(v, words);
                }
            }
        }
        return new Vocabulary(words);
    }

    /** Number of words. */
    public int size() {
        return size;
    }

    /** True when every word of every phrase (split at spaces) is in the vocabulary or is not plain ASCII. */
    public boolean coversAll(Collection<String> phrases) {
        for (String phrase : phrases) {
            Set<String> words = new LinkedHashSet<>();
            addWords(phrase, words);
            for (String w : words) {
                if (find(w, 0, w.length(), w.hashCode()) == null) {
                    return false;
                }
            }
        }
        return true;
    }

    private static void addWords(String phrase, Set<String> out) {
        for (String w : phrase.split(" ")) {
            String lower = w.toLowerCase(Locale.ROOT);
            if (!lower.isEmpty() && lower.chars().allMatch(c -> c < 128 && c > ' ')) {
                // interned, so that the same word written as a literal in the rules' code is the same instance
                out.add(lower.intern());
            }
        }
    }

    /**
     * The shared instance of the word whose lower-case form is {@code text[from, to)} lower-cased, given that
     * form's {@link String#hashCode()}; null when the word is not in the table.
     */
    String find(String text, int from, int to, int lowerHash) {
        int i = slot(lowerHash);
        String w;
        while ((w = table[i]) != null) {
            if (w.hashCode() == lowerHash && sameLower(w, text, from, to)) {
                return w;
            }
            i = (i + 1) & mask;
        }
        return null;
    }

    private static boolean sameLower(String w, String text, int from, int to) {
        if (w.length() != to - from) {
            return false;
        }
        for (int k = 0; k < w.length(); k++) {
            if (w.charAt(k) != Tokenizer.asciiLower(text.charAt(from + k))) {
                return false;
            }
        }
        return true;
    }

    private int slot(int hash) {
        return (hash * 0x9E3779B9 >>> 12) & mask;
    }
}
