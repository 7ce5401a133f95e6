package org.wirewatch.extract.text;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds lexicon phrases in a token list: each key is a space-separated sequence of lower-case tokens, where a token
 * ending in {@code *} matches any token with that prefix ("kill*"). Longest match wins at each position.
 */
public final class PhraseMatcher {

    /** A phrase found at tokens[from, to). */
    public record Match(int from, int to, Lexicon.Entry entry) {}

    /**
     * A phrase's tokens; {@code prefix[k]} marks a part written with a final {@code *}, kept in {@code parts}
     * without it so that matching a token builds no string.
     */
    private record Pattern(String[] parts, boolean[] prefix, Lexicon.Entry entry) {}

    private final Map<String, List<Pattern>> byFirst = new HashMap<>();
    /** An array, not a list: it is walked at every token, and is mostly empty. */
    private final Pattern[] prefixFirst;

    public PhraseMatcher(Lexicon lexicon) {
        List<Pattern> prefixed = new ArrayList<>();
        for (Lexicon.Entry e : lexicon.entries()) {
            String[] parts = e.key().split(" +");
            boolean[] prefix = new boolean[parts.length];
            for (int k = 0; k < parts.length; k++) {
                if (parts[k].endsWith("*")) {
                    prefix[k] = true;
                    parts[k] = parts[k].substring(0, parts[k].length() - 1);
                }
            }
            Pattern p = new Pattern(parts, prefix, e);
            if (prefix[0]) {
                prefixed.add(p);
            } else {
                byFirst.computeIfAbsent(parts[0], k -> new ArrayList<>()).add(p);
            }
        }
        prefixFirst = prefixed.toArray(new Pattern[0]);
    }

    /** The first words of the phrases (prefix patterns aside): a tokenizer vocabulary must hold them. */
    public java.util.Set<String> firstWords() {
        return java.util.Collections.unmodifiableSet(byFirst.keySet());
    }

    /** The longest phrase starting at token i, or null. */
    public Match matchAt(List<Token> tokens, int i) {
        Match best = null;
        Token first = tokens.get(i);
        List<Pattern> candidates = first.mayBeIn() ? byFirst.get(first.lower()) : null;
        if (candidates != null) {
            for (Pattern p : candidates) {
                best = longer(best, tryMatch(p, tokens, i));
            }
        }
        for (Pattern p : prefixFirst) {
            best = longer(best, tryMatch(p, tokens, i));
        }
        return best;
    }

    /** All non-overlapping longest matches, left to right. */
    public List<Match> findAll(List<Token> tokens) {
        List<Match> out = new ArrayList<>();
        int i = 0;
        while (i < tokens.size()) {
            Match m = matchAt(tokens, i);
            if (m != null) {
                out.add(m);
                i = m.to();
            } else {
                i++;
            }
        }
        return out;
    }

    private static Match longer(Match a, Match b) {
        if (b == null) {
            return a;
        }
        if (a == null || b.to() > a.to()) {
            return b;
        }
        return a;
    }

    private static Match tryMatch(Pattern p, List<Token> tokens, int i) {
        if (i + p.parts().length > tokens.size()) {
            return null;
        }
        for (int k = 0; k < p.parts().length; k++) {
            String part = p.parts()[k];
            String tok = tokens.get(i + k).lower();
            if (p.prefix()[k] ? !tok.startsWith(part) : !part.equals(tok)) {
                return null;
            }
        }
        return new Match(i, i + p.parts().length, p.entry());
    }
}
