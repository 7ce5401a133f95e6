package org.wirewatch.extract;

import java.util.List;
import org.wirewatch.extract.text.Token;

/** Where a text offset falls among a sentence's tokens: shared by every stage that maps mentions onto tokens. */
final class TokenSpans {

    private TokenSpans() {}

    /**
     * The index of the token that covers {@code offset} (or starts one character after it: a lexicon match may
     * begin at a quote or hyphen the sentence tokenizer keeps apart), -1 when none does.
     */
    static int tokenAt(List<Token> tokens, int offset) {
        for (int i = 0; i < tokens.size(); i++) {
            if (tokens.get(i).end() > offset) {
                return tokens.get(i).start() <= offset + 1 ? i : -1;
            }
        }
        return -1;
    }

    /** A negation among the four tokens before {@code at}: "Nobody has claimed", "denied responsibility". */
    static boolean negated(List<Token> tokens, int at) {
        for (int k = Math.max(0, at - 4); k < at; k++) {
            String w = tokens.get(k).lower();
            if (w.equals("not") || w.equals("nobody") || w.equals("no") || w.equals("never") || w.equals("denied")) {
                return true;
            }
        }
        return false;
    }
}
