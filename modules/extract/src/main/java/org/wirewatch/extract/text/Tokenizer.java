package org.wirewatch.extract.text;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits text into words, numbers and punctuation in one pass, keeping offsets.
 *
 * <p>Words keep inner hyphens and apostrophes ("forty-three", "al-Shabaab", "Doctors'"); a possessive "'s" is a
 * token of its own so that "Syria's" still matches "Syria". Initialisms keep their dots ("U.S.", "a.m.").
 * Numbers keep their separators ("1,100", "1.8") so that they parse as one value.
 */
public final class Tokenizer {

    private Tokenizer() {}

    public static List<Token> tokenize(CharSequence text, int from, int to) {
        return tokenize(text, from, to, Vocabulary.EMPTY);
    }

    /** As {@link #tokenize(CharSequence, int, int)}, taking the strings of known words from {@code vocabulary}. */
    public static List<Token> tokenize(CharSequence chars, int from, int to, Vocabulary vocabulary) {
        // a String (toString() of a String is itself): charAt is then one direct call, not an interface call
        String text = chars.toString();
        List<Token> out = new ArrayList<>(Math.max(8, (to - from) / 5));
        int i = from;
        while (i < to) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            if (Character.isDigit(c)) {
                int j = i + 1;
                while (j < to) {
                    char d = text.charAt(j);
                    if (Character.isDigit(d)) {
                        j++;
                    } else if ((d == ',' || d == '.' || d == ':')
                            && j + 1 < to
                            && Character.isDigit(text.charAt(j + 1))) {
                        j += 2;
                    } else {
                        break;
                    }
                }
                // "24-hour", "9mm", "2nd": a number glued to letters is a word, not a count
                if (j < to
                        && (Character.isLetter(text.charAt(j))
                                || (text.charAt(j) == '-' && j + 1 < to && Character.isLetter(text.charAt(j + 1))))) {
                    int k = j;
                    while (k < to && (Character.isLetterOrDigit(text.charAt(k)) || text.charAt(k) == '-')) {
                        k++;
                    }
                    out.add(token(vocabulary, text, i, k, Token.Kind.WORD));
                    i = k;
                } else {
                    out.add(token(vocabulary, text, i, j, Token.Kind.NUMBER));
                    i = j;
                }
                continue;
            }
            if (Character.isLetter(c)) {
                int j = i + 1;
                while (j < to) {
                    char d = text.charAt(j);
                    if (Character.isLetterOrDigit(d)) {
                        j++;
                    } else if ((d == '-' || d == '\'' || d == '\u2019')
                            && j + 1 < to
                            && Character.isLetterOrDigit(text.charAt(j + 1))) {
                        // possessive 's and 're/'ve stay separate tokens
                        if ((d == '\'' || d == '\u2019') && isClitic(text, j + 1, to)) {
                            break;
                        }
                        j += 2;
                    } else if (d == '.'
                            && j + 1 < to
                            && Character.isLetter(text.charAt(j + 1))
                            && isInitialism(text, i, j)) {
                        j += 2;
                    } else {
                        break;
                    }
                }
                // keep the final dot of an initialism such as "U.S." or "a.m."
                if (j < to && text.charAt(j) == '.' && j - i >= 3 && text.charAt(j - 2) == '.') {
                    j++;
                }
                out.add(token(vocabulary, text, i, j, Token.Kind.WORD));
                i = j;
                continue;
            }
            if ((c == '\'' || c == '\u2019') && i + 1 < to && isClitic(text, i + 1, to)) {
                int j = i + 1;
                while (j < to && Character.isLetter(text.charAt(j))) {
                    j++;
                }
                out.add(token(vocabulary, text, i, j, Token.Kind.WORD));
                i = j;
                continue;
            }
            out.add(token(vocabulary, text, i, i + 1, Token.Kind.PUNCT));
            i++;
        }
        return out;
    }

    /** The lower-case form {@code token()} gives an ASCII character: A-Z lowered, a curly apostrophe straight. */
    static char asciiLower(char c) {
        if (c >= 'A' && c <= 'Z') {
            return (char) (c + 32);
        }
        return c == '\u2019' ? '\'' : c;
    }

    private static boolean isClitic(String text, int at, int to) {
        int j = at;
        while (j < to && Character.isLetter(text.charAt(j))) {
            j++;
        }
        int len = j - at;
        if (len == 1) {
            char c = Character.toLowerCase(text.charAt(at));
            return c == 's';
        }
        if (len == 2) {
            String s = text.subSequence(at, j).toString().toLowerCase();
            return s.equals("re") || s.equals("ve") || s.equals("ll");
        }
        return false;
    }

    /** "U.S", "a.m": single letters separated by dots. */
    private static boolean isInitialism(String text, int start, int dotAt) {
        if (dotAt - start != 1 && !(dotAt - start >= 3 && text.charAt(dotAt - 2) == '.')) {
            return false;
        }
        return true;
    }

    private static Token token(Vocabulary vocabulary, String text, int s, int e, Token.Kind kind) {
        // ASCII words: the lower-case form and its hash in one pass, then the shared string if the word is known
        int h = 0;
        boolean ascii = true;
        boolean upper = false;
        for (int i = s; i < e; i++) {
            char c = text.charAt(i);
            if (c >= 128 && c != '\u2019') {
                ascii = false;
                break;
            }
            char l = asciiLower(c);
            upper |= l != c;
            h = 31 * h + l;
        }
        boolean outside = false;
        if (ascii) {
            String known = vocabulary.find(text, s, e, h);
            if (known != null) {
                return new Token(s, e, upper ? text.substring(s, e) : known, known, kind);
            }
            // an ASCII word missing from a non-empty vocabulary is in none of its lists
            outside = vocabulary.size() > 0;
        }
        String t = text.subSequence(s, e).toString();
        boolean plain = true;
        for (int i = 0; i < t.length() && plain; i++) {
            char c = t.charAt(i);
            plain = !Character.isUpperCase(c) && c != '\u2019';
        }
        String lower = plain ? t : t.toLowerCase(java.util.Locale.ROOT).replace('\u2019', '\'');
        return new Token(s, e, t, lower, kind, outside);
    }
}
