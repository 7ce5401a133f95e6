package org.wirewatch.extract.rules;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.wirewatch.extract.text.Lexicon;
import org.wirewatch.extract.text.Token;

/**
 * Figures a sentence frames as a total over a long period or a string of events, never as one event's toll: "in 12
 * years of insurgency", "in three years", "the six-week war killed more than 6,000", and the running total after a
 * fresh toll ("killing 17, raising the death toll from the protests to 46"). Units and verbs are the PERIOD_UNIT,
 * CONFLICT and RUNNING entries of {@code markers.tsv}; days are deliberately not a unit ("two days of fighting" is
 * one battle).
 */
public final class TotalFrames {

    private static final Set<String> PERIOD_PREPOSITIONS =
            Set.of("in", "over", "during", "within", "after", "throughout");

    private final Set<String> units = new HashSet<>();
    private final Set<String> conflictNouns = new HashSet<>();
    private final Set<String> runningVerbs = new HashSet<>();
    private final NumberReader numbers;

    public TotalFrames(Lexicon markers, NumberReader numbers) {
        this.numbers = numbers;
        for (Lexicon.Entry e : markers.entries()) {
            switch (e.value(0)) {
                case "PERIOD_UNIT" -> units.add(e.key());
                case "CONFLICT" -> conflictNouns.add(e.key());
                case "RUNNING" -> runningVerbs.add(e.key());
                default -> {}
            }
        }
    }

    /** Whether the sentence counts over weeks, months or years ("in three years", "a six-week war"). */
    public boolean spansLongPeriod(List<Token> tokens) {
        for (int i = 0; i < tokens.size(); i++) {
            String w = tokens.get(i).lower();
            // the count is read last: reading a number costs more than the two word lookups that rule most out
            if (units.contains(w)
                    && i >= 2
                    && PERIOD_PREPOSITIONS.contains(tokens.get(i - 2).lower())
                    && (isCount(tokens, i - 1)
                            || w.equals("decade") && tokens.get(i - 1).is("a"))) {
                return true; // "in 12 years of insurgency", "in a decade of war" (never "the worst in a year")
            }
            int dash = w.indexOf('-');
            if (dash > 0
                    && i + 1 < tokens.size()
                    && conflictNouns.contains(tokens.get(i + 1).lower())) {
                // "six-week war", "12-year insurgency", "decade-long conflict"; never "14-year-old"
                String[] parts = w.split("-");
                boolean unit = parts.length >= 2 && units.contains(parts[1]) && !w.endsWith("-old");
                if (unit) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The casualty facts of a sentence without those that a running-total verb raises to after an earlier figure
     * of the same kind: "Seventeen people were killed on Monday ..., raising the death toll from the protests to
     * 46" keeps 17 only. A lone "raising the toll to 20" stays: it is the event's own updated toll.
     */
    public List<CasualtyFact> withoutRunningTotals(List<Token> tokens, List<CasualtyFact> facts) {
        List<CasualtyFact> out = null;
        for (CasualtyFact f : facts) {
            if (isRunningTotal(tokens, f, facts)) {
                if (out == null) {
                    out = new ArrayList<>(facts);
                }
                out.remove(f);
            }
        }
        return out == null ? facts : out;
    }

    private boolean isRunningTotal(List<Token> tokens, CasualtyFact f, List<CasualtyFact> facts) {
        if (!f.isTotal() || f.from() == 0 || !tokens.get(f.from() - 1).is("to")) {
            return false;
        }
        boolean raised = false;
        for (int k = f.from() - 2; k >= Math.max(0, f.from() - 12); k--) {
            if (runningVerbs.contains(tokens.get(k).lower())) {
                raised = true;
                break;
            }
        }
        if (!raised) {
            return false;
        }
        for (CasualtyFact other : facts) {
            if (other != f && other.isTotal() && other.role() == f.role() && other.from() < f.from()) {
                return true;
            }
        }
        return false;
    }

    /**
     * The toll a running-total verb brings the sentence's own toll to when the toll noun stands bare before "to":
     * "Eighteen died on the spot and two more in hospital, bringing the toll to 20" gives 20; "raising the death toll
     * from the protests to 46" names a wider toll and gives null, as does a vague count.
     */
    public Integer broughtToll(List<Token> tokens, int from, int to) {
        for (int i = from; i + 4 < to; i++) {
            if (!runningVerbs.contains(tokens.get(i).lower())
                    || !tokens.get(i + 1).is("the")) {
                continue;
            }
            int j = tokens.get(i + 2).is("death") ? i + 3 : i + 2;
            if (j + 2 < to && tokens.get(j).is("toll") && tokens.get(j + 1).is("to")) {
                NumberMention n = numbers.readAt(tokens, j + 2);
                if (n != null && !n.vague() && n.value() <= Integer.MAX_VALUE) {
                    return (int) n.value();
                }
            }
        }
        return null;
    }

    /**
     * The counts of a sentence that brings "the number of" people killed to a new height, a tally of many events:
     * "The killing brought to 21 the number of journalists slain during his term, and the number of judges killed
     * to six" gives 21 and 6. Empty when no running-total verb has "the number of" at most four words after it.
     */
    public List<Integer> numbersBroughtTo(List<Token> tokens) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i + 3 < tokens.size(); i++) {
            if (!runningVerbs.contains(tokens.get(i).lower())) {
                continue;
            }
            int of = numberOf(tokens, i + 1, i + 6);
            if (of < 0) {
                continue;
            }
            // "brought to 21 the number of ...": the count before the noun
            if (tokens.get(i + 1).is("to")) {
                NumberMention n = numbers.readAt(tokens, i + 2);
                if (n != null && !n.vague() && n.to() <= of) {
                    out.add((int) n.value());
                }
            }
            // "... the number of X killed to six", also each "and the number of Y killed to N" after it
            for (int k = of; k + 1 < tokens.size(); k++) {
                if (tokens.get(k).is("to") && k > i + 1) {
                    NumberMention n = numbers.readAt(tokens, k + 1);
                    if (n != null && !n.vague()) {
                        out.add((int) n.value());
                    }
                }
            }
            break;
        }
        return out;
    }

    /** The token after "the number of" starting in [from, to), or -1. */
    private static int numberOf(List<Token> tokens, int from, int to) {
        for (int k = from; k < Math.min(to, tokens.size() - 2); k++) {
            if (tokens.get(k).is("the")
                    && tokens.get(k + 1).is("number")
                    && tokens.get(k + 2).is("of")) {
                return k + 3;
            }
        }
        return -1;
    }

    private boolean isCount(List<Token> tokens, int i) {
        Token t = tokens.get(i);
        return t.isNumber() || t.is("several") || t.is("few") || t.is("many") || numbers.readAt(tokens, i) != null;
    }
}
