package org.wirewatch.extract.lexicon;

import java.util.ArrayList;
import java.util.List;

/**
 * Longest-first, non-overlapping matching of a small alias lexicon over {@link Tokens}, with two case
 * rules taken from how an alias is written: an all-capital alias of up to five letters ("IS", "WHO", "UN")
 * only matches capitals, and an alias starting with a capital ("Dawn", "Amnesty") only matches a
 * capitalised word; lower-case aliases ("gunmen", "the monitor") match any case.
 */
final class PhraseMatcher {

    private static final int CAPS_ONLY = 1;
    private static final int CAPITAL_FIRST = 2;

    /** A match of tokens {@code from..to-1} to entry {@code entry}. */
    record Match(int from, int to, int entry) {}

    private final PhraseIndex index;

    private PhraseMatcher(PhraseIndex index) {
        this.index = index;
    }

    static Builder builder() {
        return new Builder();
    }

    static final class Builder {
        private final PhraseIndex.Builder index = PhraseIndex.builder();

        /** Adds an alias of entry {@code entry}; a leading "the" is kept only if the alias is just "the X". */
        Builder add(String alias, int entry) {
            String a = alias.strip();
            if (a.isEmpty()) {
                return this;
            }
            String letters = a.replace(".", "").replace("-", "");
            boolean capsOnly = letters.length() <= 5
                    && letters.chars().allMatch(c -> !Character.isLowerCase(c))
                    && letters.chars().anyMatch(Character::isLetter);
            boolean capitalFirst = Character.isUpperCase(a.charAt(0));
            index.add(a, entry << 2 | (capsOnly ? CAPS_ONLY : 0) | (capitalFirst ? CAPITAL_FIRST : 0));
            return this;
        }

        PhraseMatcher build() {
            return new PhraseMatcher(index.build());
        }
    }

    /** Matches in text order, longest first at each position. */
    List<Match> find(Tokens t) {
        List<Match> out = new ArrayList<>();
        int n = t.size();
        long[] prefix = new long[16];
        int i = 0;
        while (i < n) {
            int max = Math.min(index.maxLength(t.hash(i)), prefix.length - 1);
            if (max == 0) {
                i++;
                continue;
            }
            int lim = t.prefixKeys(i, max, prefix);
            int matched = 0;
            for (int len = lim; len >= 1 && matched == 0; len--) {
                int entry = accept(t, i, i + len, index.lookup(prefix[len]));
                if (entry >= 0) {
                    out.add(new Match(i, i + len, entry));
                    matched = len;
                }
            }
            i += Math.max(1, matched);
        }
        return out;
    }

    /** The entry of a phrase if present; -1 otherwise. Lets callers probe phrases ending at a token. */
    int lookup(Tokens t, int from, int to) {
        return accept(t, from, to, index.lookup(t.phraseHash(from, to)));
    }

    private int accept(Tokens t, int from, int to, int cursor) {
        if (cursor < 0) {
            return -1;
        }
        boolean caps = isCaps(t, from, to);
        boolean capital = t.is(from, Tokens.CAPITALIZED);
        for (int c = cursor; c >= 0; c = index.nextValue(c)) {
            int v = index.value(c);
            if ((v & CAPS_ONLY) != 0 && !caps) {
                continue;
            }
            if ((v & CAPITAL_FIRST) != 0 && !capital) {
                continue;
            }
            return v >>> 2;
        }
        return -1;
    }

    private static boolean isCaps(Tokens t, int from, int to) {
        CharSequence s = t.text();
        for (int k = t.start(from); k < t.end(to - 1); k++) {
            if (Character.isLowerCase(s.charAt(k))) {
                return false;
            }
        }
        return true;
    }
}
