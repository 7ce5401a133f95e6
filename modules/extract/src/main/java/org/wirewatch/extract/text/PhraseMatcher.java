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

    private record Pattern(String[] parts, Lexicon.Entry entry) {}

    private final Map<String, List<Pattern>> byFirst = new HashMap<>();
    private final List<Pattern> prefixFirst = new ArrayList<>();

    public PhraseMatcher(Lexicon lexicon) {
        for (Lexicon.Entry e : lexicon.entries()) {
            String[] parts = e.key().split(" +");
            Pattern p = new Pattern(parts, e);
            if (parts[0].endsWith("*")) {
                prefixFirst.add(p);
            } else {
                byFirst.computeIfAbsent(parts[0], k -> new ArrayList<>()).add(p);
            }
        }
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
            if (part.endsWith("*")) {
                if (!tok.startsWith(part.substring(0, part.length() - 1))) {
                    return null;
                }
            } else if (!part.equals(tok)) {
                return null;
            }
        }
        return new Match(i, i + p.parts().length, p.entry());
    }
}
