package org.wirewatch.extract.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.wirewatch.extract.text.Lexicon;
import org.wirewatch.extract.text.PhraseMatcher;
import org.wirewatch.extract.text.Token;

/**
 * Finds event triggers (triggers.tsv) in a sentence. Capture verbs only count when a place follows
 * ("seized a district centre", not "seized equipment"); "drove" only as "drove X out of". A capture verb whose
 * object is a group of people ("seized about 40 farm workers") tells an abduction.
 */
public final class TriggerReader {

    /** A trigger at tokens[from, to): its sub-event code (an ACLED sub-event, GROUND or TERRITORY) and weight. */
    public record Trigger(int from, int to, String code, int weight) {}

    private static final Set<String> ARTICLES = Set.of(
            "the",
            "a",
            "an",
            "its",
            "their",
            "his",
            "her",
            "four",
            "two",
            "three",
            "five",
            "six",
            "several",
            "many",
            "control",
            "of",
            "over",
            "full",
            "last",
            "key",
            "strategic",
            "remaining",
            "rebel-held",
            "whole",
            "entire",
            "nearby",
            "neighbouring",
            "most",
            "much",
            "large",
            "parts",
            "swathes",
            "back");

    /** Capture verbs that take people as well as places: "gunmen seized 30 passengers". */
    private static final Set<String> CAPTURE_OF_PEOPLE = Set.of("seized", "seize", "seizes");

    /** Words that end the object of a capture verb before its head noun: "seized 30 women from a camp". */
    private static final Set<String> OBJECT_END =
            Set.of("in", "on", "at", "from", "after", "with", "by", "that", "which", "who", "as", "to", "for", "when");

    private final PhraseMatcher matcher;
    private final Lexicon territoryObjects;
    private final Lexicon abductionObjects;
    private final Lexicon entryAgents;

    public TriggerReader(Lexicon triggers, Lexicon territoryObjects, Lexicon abductionObjects, Lexicon entryAgents) {
        this.matcher = new PhraseMatcher(triggers);
        this.territoryObjects = territoryObjects;
        this.abductionObjects = abductionObjects;
        this.entryAgents = entryAgents;
    }

    /** The first words of the triggers (a tokenizer vocabulary must hold them). */
    public java.util.Set<String> firstWords() {
        return matcher.firstWords();
    }

    public static TriggerReader load() {
        return new TriggerReader(
                Lexicon.rules("triggers.tsv"),
                Lexicon.rules("territory_objects.tsv"),
                Lexicon.rules("abduction_objects.tsv"),
                Lexicon.rules("entry_agents.tsv"));
    }

    /** Triggers in the tokens; {@code isPlace} tells whether a token starts a known place name. */
    public List<Trigger> read(List<Token> tokens, java.util.function.IntPredicate isPlace) {
        List<Trigger> out = new ArrayList<>();
        for (PhraseMatcher.Match m : matcher.findAll(tokens)) {
            String code = m.entry().value(0);
            int weight = Integer.parseInt(m.entry().value(1));
            if (code.equals("NONE")) {
                continue; // "riot police": the longer phrase wins over "riot" and means no event
            }
            if (code.equals("TERRITORY") && !territoryObject(tokens, m, isPlace)) {
                if (CAPTURE_OF_PEOPLE.contains(m.entry().key()) && peopleAhead(tokens, m.to())) {
                    out.add(new Trigger(m.from(), m.to(), "ABDUCTION_FORCED_DISAPPEARANCE", weight));
                }
                continue;
            }
            out.add(new Trigger(m.from(), m.to(), code, weight));
        }
        return out;
    }

    private boolean territoryObject(
            List<Token> tokens, PhraseMatcher.Match m, java.util.function.IntPredicate isPlace) {
        String key = m.entry().key();
        int j = m.to();
        if (key.equals("drove")) {
            // "drove Islamic State out of the town of al-Shadadi"
            for (int k = j; k < Math.min(tokens.size() - 1, j + 6); k++) {
                if (tokens.get(k).is("out") && tokens.get(k + 1).is("of")) {
                    j = k + 2;
                    return placeAhead(tokens, j, isPlace);
                }
            }
            return false;
        }
        if (key.equals("entered") || key.equals("enter") || key.equals("enters")) {
            // "Ukrainian forces entered the southern city of X", "troops entered the town on Sunday": an armed force
            // right before it (an adjective or a name between at most) and a town after it
            return m.from() >= 1
                    && (entryAgents.contains(tokens.get(m.from() - 1).lower())
                            || m.from() >= 2
                                    && tokens.get(m.from() - 1).is("had")
                                    && entryAgents.contains(
                                            tokens.get(m.from() - 2).lower()))
                    && placeAhead(tokens, j, isPlace);
        }
        if (key.equals("fell to")
                || key.equals("retook")
                || key.equals("recaptured")
                || key.equals("regained")
                || key.equals("retaken")) {
            return true;
        }
        // "Taliban overrun district centre": a headline without articles
        return placeAhead(tokens, j, isPlace);
    }

    /**
     * Whether the object after a capture verb is headed by a noun for people taken (abduction_objects.tsv): "seized
     * more than 60 pupils", "seized about 200 displaced women", not "seized weapons", "seized 20 militants" or
     * "seized on the remarks".
     */
    private boolean peopleAhead(List<Token> tokens, int j) {
        for (int k = j; k < Math.min(tokens.size(), j + 6); k++) {
            Token t = tokens.get(k);
            if (abductionObjects.contains(t.lower())) {
                return true;
            }
            if (t.isPunct() || OBJECT_END.contains(t.lower())) {
                return false;
            }
        }
        return false;
    }

    private boolean placeAhead(List<Token> tokens, int j, java.util.function.IntPredicate isPlace) {
        int k = j;
        int seen = 0;
        while (k < tokens.size() && seen < 5) {
            Token t = tokens.get(k);
            if (territoryObjects.contains(t.lower()) || isPlace.test(k)) {
                return true;
            }
            if (t.isPunct() && !t.is("-")) {
                return false;
            }
            if (!ARTICLES.contains(t.lower())
                    && !t.isCapitalized()
                    && !t.isNumber()
                    && !t.lower().endsWith("-held")) {
                // an adjective is fine ("the Sunni town"), a verb or a preposition ends the object
                if (Set.of(
                                "in", "on", "at", "from", "after", "with", "by", "and", "that", "which", "who", "as",
                                "to", "for", "when")
                        .contains(t.lower())) {
                    return false;
                }
            }
            seen++;
            k++;
        }
        return false;
    }
}
