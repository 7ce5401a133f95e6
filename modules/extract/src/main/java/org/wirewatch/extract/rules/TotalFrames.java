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

    private boolean isCount(List<Token> tokens, int i) {
        Token t = tokens.get(i);
        return t.isNumber() || t.is("several") || t.is("few") || t.is("many") || numbers.readAt(tokens, i) != null;
    }
}
