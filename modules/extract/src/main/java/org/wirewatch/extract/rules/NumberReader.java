package org.wirewatch.extract.rules;

import java.util.ArrayList;
import java.util.List;
import org.wirewatch.extract.text.Lexicon;
import org.wirewatch.extract.text.PhraseMatcher;
import org.wirewatch.extract.text.Token;

/**
 * Reads counts: digits with separators ("1,100", "1.8 million"), number words ("seventeen", "forty-three",
 * "Twenty-six", "two hundred"), "a dozen", vague plurals ("dozens of") and qualifiers ("at least", "up to").
 */
public final class NumberReader {

    private final Lexicon words;
    private final PhraseMatcher qualifiers;

    /** Every word a count or its qualifier can start with: one lookup rules out most tokens. */
    private final java.util.Set<String> starters;

    public NumberReader(Lexicon words, Lexicon qualifiers) {
        this.words = words;
        this.qualifiers = new PhraseMatcher(qualifiers);
        java.util.Set<String> s = new java.util.HashSet<>();
        for (Lexicon.Entry e : words.entries()) {
            s.add(e.key());
        }
        for (Lexicon.Entry e : qualifiers.entries()) {
            s.add(e.key().split(" +")[0]);
        }
        s.add("a");
        s.add("an");
        this.starters = s;
    }

    /** Every word a count or its qualifier can start with (a tokenizer vocabulary must hold them). */
    public java.util.Set<String> starters() {
        return java.util.Collections.unmodifiableSet(starters);
    }

    public static NumberReader load() {
        return new NumberReader(Lexicon.rules("numbers.tsv"), Lexicon.rules("qualifiers.tsv"));
    }

    /** Every count in the tokens, left to right, not overlapping. */
    public List<NumberMention> read(List<Token> tokens) {
        List<NumberMention> out = new ArrayList<>();
        int i = 0;
        while (i < tokens.size()) {
            NumberMention m = readAt(tokens, i);
            if (m != null) {
                out.add(m);
                i = m.to();
            } else {
                i++;
            }
        }
        return out;
    }

    /** The count starting at token i (qualifier first), or null. */
    public NumberMention readAt(List<Token> tokens, int i) {
        Token first = tokens.get(i);
        if (!first.isNumber()
                && first.lower().indexOf('-') < 0
                && (!first.mayBeIn() || !starters.contains(first.lower()))) {
            return null;
        }
        String qualifier = null;
        int start = i;
        PhraseMatcher.Match q = qualifiers.matchAt(tokens, i);
        if (q != null && q.to() < tokens.size()) {
            long[] probe = numeral(tokens, q.to());
            if (probe != null) {
                qualifier = q.entry().value(0);
                start = q.to();
            }
        }
        long[] n = numeral(tokens, start);
        if (n == null) {
            return null;
        }
        int end = (int) n[1];
        if (end + 1 < tokens.size()
                && tokens.get(end).is("or")
                && (tokens.get(end + 1).is("more") || tokens.get(end + 1).is("so"))) {
            end += 2;
            qualifier = qualifier == null ? "min" : qualifier;
        }
        return new NumberMention(i, start, end, n[0], n[2] == 1, qualifier);
    }

    /** {value, endToken, vague?1:0} for a numeral at token i, or null. */
    private long[] numeral(List<Token> tokens, int i) {
        if (i >= tokens.size()) {
            return null;
        }
        Token t = tokens.get(i);
        if (t.isNumber()) {
            String s = t.text();
            if (s.indexOf(':') >= 0) {
                return null; // a clock time
            }
            double v;
            try {
                v = Double.parseDouble(s.replace(",", ""));
            } catch (NumberFormatException e) {
                return null;
            }
            int j = i + 1;
            Lexicon.Entry scale = j < tokens.size() ? words.get(tokens.get(j).lower()) : null;
            if (scale != null && scale.value(1).equals("scale")) {
                v *= Long.parseLong(scale.value(0));
                j++;
            } else if (s.indexOf('.') >= 0 && s.indexOf(',') < 0) {
                return null; // "1.5" without a scale is no head count
            }
            return new long[] {Math.round(v), j, 0};
        }
        if (!t.isWord()) {
            return null;
        }
        String w = t.lower();
        // "a dozen", "half a dozen", "a hundred"
        if ((w.equals("a") || w.equals("an")) && i + 1 < tokens.size()) {
            Lexicon.Entry next = words.get(tokens.get(i + 1).lower());
            if (next != null && (next.value(1).equals("dozen") || next.value(1).equals("scale"))) {
                long v = Long.parseLong(next.value(0));
                int j = i + 2;
                return new long[] {v, j, 0};
            }
            return null;
        }
        Lexicon.Entry e = words.get(w);
        if (e == null && w.indexOf('-') > 0) {
            return hyphenated(tokens, i);
        }
        if (e == null) {
            return null;
        }
        String kind = e.value(1);
        if (kind.equals("vague")) {
            // "dozens of", "scores of", "hundreds of": only a vague count when a noun group follows
            if (w.equals("several")) {
                return new long[] {Long.parseLong(e.value(0)), i + 1, 1};
            }
            if (i + 1 < tokens.size()
                    && (tokens.get(i + 1).is("of") || tokens.get(i + 1).isWord())) {
                int j = i + 1;
                // "tens of thousands" style compounds stay one vague count
                return new long[] {Long.parseLong(e.value(0)), j, 1};
            }
            return null;
        }
        if (kind.equals("scale")) {
            return null;
        }
        long total = 0;
        long current = 0;
        int j = i;
        boolean any = false;
        while (j < tokens.size()) {
            Token tj = tokens.get(j);
            Lexicon.Entry ej = words.get(tj.lower());
            long[] hy = ej == null && tj.lower().indexOf('-') > 0 ? hyphenated(tokens, j) : null;
            if (hy != null) {
                current += hy[0];
                any = true;
                j++;
                continue;
            }
            if (ej == null || ej.value(1).equals("vague")) {
                if (tj.is("and")
                        && any
                        && j + 1 < tokens.size()
                        && words.get(tokens.get(j + 1).lower()) != null
                        && current >= 100
                        && current % 100 == 0) {
                    j++; // "two hundred and fifty"
                    continue;
                }
                break;
            }
            String k = ej.value(1);
            long v = Long.parseLong(ej.value(0));
            if (k.equals("scale")) {
                if (!any) {
                    break;
                }
                if (v == 100) {
                    current *= 100;
                } else {
                    total += current * v;
                    current = 0;
                }
            } else if (k.equals("dozen")) {
                current = any ? current * 12 : 12;
            } else {
                if (any && !(k.equals("unit") && current % 10 == 0 && current % 100 >= 20)) {
                    if (current % 100 != 0) {
                        break; // "two three" is two counts
                    }
                }
                current += v;
            }
            any = true;
            j++;
        }
        if (!any) {
            return null;
        }
        return new long[] {total + current, j, 0};
    }

    /** "forty-three", "Twenty-six". */
    private long[] hyphenated(List<Token> tokens, int i) {
        // one hyphen between two words; indexOf, not split: hyphenated names ("US-led") are frequent
        String w = tokens.get(i).lower();
        int dash = w.indexOf('-');
        if (dash <= 0 || dash == w.length() - 1 || w.indexOf('-', dash + 1) >= 0) {
            return null;
        }
        Lexicon.Entry a = words.get(w.substring(0, dash));
        if (a == null || !a.value(1).equals("ten")) {
            return null;
        }
        Lexicon.Entry b = words.get(w.substring(dash + 1));
        if (a == null || b == null || !a.value(1).equals("ten") || !b.value(1).equals("unit")) {
            return null;
        }
        return new long[] {Long.parseLong(a.value(0)) + Long.parseLong(b.value(0)), i + 1, 0};
    }
}
