package org.wirewatch.extract;

import static org.wirewatch.extract.TokenSpans.tokenAt;

import java.util.List;
import org.wirewatch.extract.lexicon.ActorMention;
import org.wirewatch.extract.rules.CasualtyFact;
import org.wirewatch.extract.text.Token;

/**
 * The part a party mention plays in its sentence: a victim (inside a casualty figure) or a speaker (the subject of
 * a closing attribution). Shared by the event type and perpetrator stages, which both must tell who acts from who
 * suffers or tells.
 */
final class PartyRoles {

    private PartyRoles() {}

    /**
     * The actor is the one who tells, not the one who acts: a speech verb closing the sentence follows it in the
     * same clause ("..., the army and a local civil society group said", "..., the army said, and ..."). "According to the military, warplanes
     * hit ..." is left alone: a party often reports its own strikes.
     */
    static boolean isSpeaker(SentenceInfo s, ActorMention a) {
        List<Token> tokens = s.sentence.tokens();
        int at = tokenAt(tokens, a.start());
        if (at < 0) {
            return false;
        }
        int end = tokenAt(tokens, a.end() - 1);
        int limit = end + 8;
        for (int k = end + 1; k >= 0 && k < tokens.size() && k <= limit; k++) {
            Token t = tokens.get(k);
            int close = t.is(",") ? closedParticipleBy(tokens, k) : -1;
            if (close > 0) {
                // "An internal report by the UN mission, seen by AFP, accused the M23": the document's words
                limit += close - k;
                k = close;
                continue;
            }
            if (t.isPunct() || WordList.STRIKE_VERB.contains(t.lower())) {
                return false;
            }
            if (WordList.BLAME_VERB.contains(t.lower())) {
                return true; // "the army spokesman blamed the M23 rebels": the accuser, not the attacker
            }
            if (WordList.SPEECH_TAIL.contains(t.lower())) {
                // the attribution closes the sentence or its clause: "... said." or "... said on Friday." or
                // "..., the army said, and two more soldiers died ..."
                return k + 1 >= tokens.size()
                        || tokens.get(k + 1).is(".")
                        || tokens.get(k + 1).is(",")
                        || tokens.get(k + 1).is(";")
                        || tokens.get(k + 1).is("on")
                        || tokens.get(k + 1).is("in")
                        || tokens.get(k + 1).is("late");
            }
        }
        return false;
    }

    /** The closing comma of ", seen by AFP," opening at {@code comma}: a participle and "by" set off by commas; else -1. */
    private static int closedParticipleBy(List<Token> tokens, int comma) {
        if (comma + 3 >= tokens.size() || !tokens.get(comma + 2).is("by")) {
            return -1;
        }
        String w = tokens.get(comma + 1).text();
        if (w.isEmpty() || !Character.isLowerCase(w.charAt(0)) || !(w.endsWith("ed") || w.endsWith("en"))) {
            return -1;
        }
        for (int k = comma + 3; k < Math.min(tokens.size(), comma + 8); k++) {
            if (tokens.get(k).is(",")) {
                return k;
            }
        }
        return -1;
    }

    static boolean isVictim(SentenceInfo s, ActorMention a) {
        List<Token> tokens = s.sentence.tokens();
        int at = tokenAt(tokens, a.start());
        if (at > 0 && tokens.get(at - 1).isNumber()) {
            return true; // "12 soldiers, an officer among them, ... had died": a counted party is a victim
        }
        for (CasualtyFact f : s.facts) {
            int from = tokens.get(f.from()).start();
            int to = tokens.get(Math.min(f.to(), tokens.size()) - 1).end();
            if (a.start() < to && from < a.end()) {
                return true;
            }
        }
        return false;
    }
}
