package org.wirewatch.extract;

import java.util.ArrayList;
import java.util.List;
import org.wirewatch.extract.rules.NumberMention;
import org.wirewatch.extract.rules.NumberReader;
import org.wirewatch.extract.text.Sentence;
import org.wirewatch.extract.text.Token;

/**
 * Splits a sentence that tells two tolls in two clauses joined by ", and": "Four people were killed in Herat, where
 * police fired on the crowd, and nine died in clashes in Kandahar". Each clause is read as a sentence of its own,
 * so that the second toll and the place after it make an incident of their own instead of being taken for a
 * second figure of the first (corpus convention 6: one incident per engagement). Stateless.
 *
 * <p>In the same way "In A, a shell hit a market, while in B two rockets struck a school" is read as two sentences,
 * one per town, when the sentence opens on the first town or its first clause has a toll of its own.
 *
 * <p>A clause that adds to a tally ("and five more were killed") is a breakdown of one incident and stays. Only a
 * clause that opens with its own count and a death verb right after it is split off, and only after a
 * first clause that has a count and a death verb of its own: "killed four and wounded nine" or "four soldiers and
 * nine militants were killed" stay one sentence.
 */
final class TollClauses {

    /** How many words may stand between a count and its death verb ("four people were killed"). */
    private static final int MAX_GAP = 4;

    private TollClauses() {}

    /** The sentences, each two-toll sentence split in two, renumbered in text order. */
    static List<Sentence> split(List<Sentence> sentences, NumberReader numbers) {
        List<Sentence> out = null;
        for (int k = 0; k < sentences.size(); k++) {
            Sentence s = sentences.get(k);
            int at = s.paragraph() == 0 ? -1 : secondClause(s.tokens(), numbers);
            if (at < 0) {
                if (out != null) {
                    out.add(renumbered(s, out.size()));
                }
                continue;
            }
            if (out == null) {
                out = new ArrayList<>(sentences.subList(0, k));
            }
            List<Token> first = s.tokens().subList(0, at - 1); // the comma stays out of both
            List<Token> second = s.tokens().subList(at, s.tokens().size());
            out.add(part(out.size(), s.paragraph(), first));
            out.add(part(out.size(), s.paragraph(), second));
        }
        return out == null ? sentences : out;
    }

    /**
     * Whether the sentence is the second clause of a sentence split here: it opens with a lower-case "and" or "while"
     * (no sentence of the text itself opens so).
     */
    static boolean isSecondClause(Sentence s) {
        if (s.index() == 0) {
            return false;
        }
        return s.tokens().get(0).text().equals("and") || isPlaceClause(s);
    }

    /** Whether the sentence is a clause set in another place split off here ("while in B two rockets struck"). */
    static boolean isPlaceClause(Sentence s) {
        if (s.index() == 0) {
            return false;
        }
        Token first = s.tokens().get(0);
        return first.text().equals(first.lower()) && WordList.PLACE_CLAUSE_OPENER.contains(first.lower());
    }

    /** Index of the "and" opening a second toll clause, or of the "while" opening a clause set elsewhere, or -1. */
    private static int secondClause(List<Token> tokens, NumberReader numbers) {
        for (int i = 2; i + 2 < tokens.size(); i++) {
            Token comma = tokens.get(i - 1);
            if (!(comma.is(",") || comma.is(";"))) {
                continue;
            }
            if (tokens.get(i).is("and")
                    && tollAt(tokens, i + 1, tokens.size(), numbers)
                    && !adds(tokens, i + 1)
                    && hasToll(tokens, i - 1, numbers)) {
                return i;
            }
            if (elsewhereAt(tokens, i) && (opensWithPlace(tokens) || hasToll(tokens, i - 1, numbers))) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Whether token i opens a clause set in another named place: "while in B two rockets struck a school". A
     * "while" followed by anything else is a contrast of tellers ("14 were killed, while the Red Cross reported
     * 17") or of times, and stays.
     */
    private static boolean elsewhereAt(List<Token> tokens, int i) {
        return WordList.PLACE_CLAUSE_OPENER.contains(tokens.get(i).lower())
                && tokens.get(i + 1).is("in")
                && tokens.get(i + 2).isWord()
                && tokens.get(i + 2).isCapitalized();
    }

    /**
     * Whether the sentence opens on the place of its first clause ("In A, a shell hit a market, while in B ..."):
     * the two places are set side by side, each with its own event, even when neither clause has a toll.
     */
    private static boolean opensWithPlace(List<Token> tokens) {
        return tokens.size() > 2
                && tokens.get(0).is("in")
                && tokens.get(1).isWord()
                && tokens.get(1).isCapitalized();
    }

    /** Whether a count at token i is followed, within a few words, by a death verb ending before {@code to}. */
    private static boolean tollAt(List<Token> tokens, int i, int to, NumberReader numbers) {
        NumberMention n = numbers.readAt(tokens, i);
        if (n == null || n.vague()) {
            return false;
        }
        for (int j = n.to(); j < Math.min(to, n.to() + MAX_GAP + 1); j++) {
            Token t = tokens.get(j);
            if (!t.isWord()) {
                return false;
            }
            if (WordList.TOLL_CLAUSE_VERB.contains(t.lower())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the clause at token i adds to a tally told before ("and five more were killed in the X neighbourhood",
     * "and another three died"): a breakdown of the same incident, not a second one.
     */
    private static boolean adds(List<Token> tokens, int i) {
        for (int j = i; j < Math.min(tokens.size(), i + MAX_GAP + 2); j++) {
            if (WordList.TOLL_ADDITIVE.contains(tokens.get(j).lower())) {
                return true;
            }
        }
        return false;
    }

    /** Whether tokens [0, to) hold a count with its death verb. */
    private static boolean hasToll(List<Token> tokens, int to, NumberReader numbers) {
        for (int i = 0; i < to; i++) {
            if (tollAt(tokens, i, to, numbers)) {
                return true;
            }
        }
        return false;
    }

    private static Sentence part(int index, int paragraph, List<Token> tokens) {
        List<Token> copy = List.copyOf(tokens);
        return new Sentence(
                index, paragraph, copy.get(0).start(), copy.get(copy.size() - 1).end(), copy);
    }

    private static Sentence renumbered(Sentence s, int index) {
        return s.index() == index ? s : new Sentence(index, s.paragraph(), s.start(), s.end(), s.tokens());
    }
}
