package org.wirewatch.extract.lexicon;

import java.text.Normalizer;

/**
 * Word tokens of a text with the 64-bit hashes of their normalised forms, the shared basis of every
 * phrase lookup (gazetteer, actors, sources).
 *
 * <p>Normalisation: lower case, diacritics folded ("Ḩimş" = "hims"), apostrophes inside a word dropped
 * ("Ma'arrat" = "maarrat"), any other punctuation (hyphen, comma, period) ends a token, so "Deir ez-Zor"
 * and "Deir ez Zor" are the same three tokens. A possessive "'s" is not part of the word ("Syria's" =
 * "syria"). Hashing needs no allocation per token, which keeps a 3 KB text well under 100 µs.
 */
public final class Tokens {

    /** The token starts with an upper-case letter. */
    public static final int CAPITALIZED = 1;
    /** Every letter of the token is upper case (and it has at least two letters). */
    public static final int ALL_CAPS = 2;
    /** The token starts with a digit. */
    public static final int DIGIT = 4;
    /** The token starts a sentence, a paragraph or the text. */
    public static final int SENTENCE_START = 8;
    /** Only spaces or one hyphen separate the token from the previous one: they may form one name. */
    public static final int JOINED = 16;
    /** A hyphen (not a space) separates the token from the previous one. */
    public static final int HYPHENATED = 32;

    private static final char[] FOLD = new char[0x2000];
    /** ASCII classes: 0 other, 1 lower-case letter, 2 upper-case letter, 3 digit. */
    private static final byte[] ASCII = new byte[128];

    static {
        for (char c = 'a'; c <= 'z'; c++) {
            ASCII[c] = 1;
            ASCII[c - 32] = 2;
        }
        for (char c = '0'; c <= '9'; c++) {
            ASCII[c] = 3;
        }
        for (char c = 0; c < FOLD.length; c++) {
            String d = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
            char base = d.charAt(0);
            FOLD[c] = Character.toLowerCase(base);
        }
        FOLD['ı'] = 'i';
        FOLD['ø'] = 'o';
        FOLD['Ø'] = 'o';
        FOLD['ł'] = 'l';
        FOLD['Ł'] = 'l';
        FOLD['đ'] = 'd';
        FOLD['Đ'] = 'd';
        FOLD['ð'] = 'd';
    }

    private CharSequence text;
    private int size;
    private int[] starts;
    private int[] ends;
    private int[] flags;
    private long[] hashes;

    private Tokens(CharSequence text, int capacity) {
        this.text = text;
        this.starts = new int[capacity];
        this.ends = new int[capacity];
        this.flags = new int[capacity];
        this.hashes = new long[capacity];
    }

    /** Tokenises {@code text}. */
    public static Tokens of(CharSequence text) {
        Tokens t = new Tokens(text, Math.max(8, text.length() / 5));
        t.scan();
        return t;
    }

    /**
     * Re-tokenises this instance with another text, reusing its arrays: for loaders that hash hundreds of
     * thousands of names. Not for shared instances.
     */
    Tokens reset(CharSequence newText) {
        this.text = newText;
        this.size = 0;
        scan();
        return this;
    }

    /** An empty instance to be filled with {@link #reset}. */
    static Tokens reusable() {
        return new Tokens("", 16);
    }

    public CharSequence text() {
        return text;
    }

    public int size() {
        return size;
    }

    public int start(int i) {
        return starts[i];
    }

    public int end(int i) {
        return ends[i];
    }

    public long hash(int i) {
        return hashes[i];
    }

    public boolean is(int i, int flag) {
        return (flags[i] & flag) != 0;
    }

    /** True when token {@code i} and its predecessor can belong to one multi-word name. */
    public boolean joined(int i) {
        return (flags[i] & JOINED) != 0;
    }

    /** The surface text of tokens {@code from} (inclusive) to {@code to} (exclusive). */
    public String surface(int from, int to) {
        return text.subSequence(starts[from], ends[to - 1]).toString();
    }

    /** Hash of one normalised word, as {@link #hash(int)} gives for a token with that text. */
    public static long wordHash(CharSequence word) {
        Tokens t = of(word);
        if (t.size != 1) {
            throw new IllegalArgumentException("not one word: " + word);
        }
        return t.hashes[0];
    }

    /** Combines token hashes into a phrase hash; the same sequence always gives the same key. */
    public static long combine(long phrase, long token) {
        long h = (phrase ^ token) * 0x9E3779B97F4A7C15L;
        h ^= h >>> 29;
        return h == 0 ? 1 : h;
    }

    private static final long PHRASE_SEED = 0x51ED2701L;

    /** Phrase key of tokens {@code from..to-1}. */
    public long phraseHash(int from, int to) {
        long h = PHRASE_SEED;
        for (int i = from; i < to; i++) {
            h = combine(h, hashes[i]);
        }
        return h;
    }

    /**
     * Phrase keys of every prefix of the phrase starting at token {@code from}: {@code prefix[k]} is the key of its
     * first k tokens, for k up to {@code max} or up to the first token not joined to the one before. Returns how
     * many prefixes were filled, so a longest-first lookup walks them from the end.
     */
    public int prefixKeys(int from, int max, long[] prefix) {
        int lim = 1;
        while (lim < max && from + lim < size && joined(from + lim)) {
            lim++;
        }
        long h = PHRASE_SEED;
        for (int k = 0; k < lim; k++) {
            h = combine(h, hashes[from + k]);
            prefix[k + 1] = h;
        }
        return lim;
    }

    /** Phrase key of a whole string, or 0 when it has no token. */
    public static long phraseHash(CharSequence phrase) {
        Tokens t = of(phrase);
        return t.size == 0 ? 0 : t.phraseHash(0, t.size);
    }

    static char fold(char c) {
        return c < FOLD.length ? FOLD[c] : Character.toLowerCase(c);
    }

    private static boolean isApostrophe(char c) {
        return c == '\''
                || c == '\u2019'
                || c == '\u02bc'
                || c == '\u02bf'
                || c == '\u02be'
                || c == '\u2018'
                || c == '`';
    }

    private void scan() {
        // a String (toString() of a String is itself): charAt is then one direct call, not an interface call
        String s = text.toString();
        int n = s.length();
        int i = 0;
        int prevEnd = 0;
        while (i < n) {
            char c = s.charAt(i);
            if (c < 128 ? ASCII[c] == 0 : !Character.isLetterOrDigit(c)) {
                i++;
                continue;
            }
            int start = i;
            long h = 0xcbf29ce484222325L;
            boolean upper = Character.isUpperCase(c);
            int letters = 0;
            int uppers = 0;
            while (i < n) {
                char ch = s.charAt(i);
                if (ch < 128) {
                    byte cls = ASCII[ch];
                    if (cls != 0) {
                        if (cls != 3) {
                            letters++;
                            if (cls == 2) {
                                uppers++;
                                ch = (char) (ch | 0x20);
                            }
                        }
                        h = (h ^ ch) * 0x100000001b3L;
                        i++;
                        continue;
                    }
                }
                if (Character.isLetterOrDigit(ch)) {
                    if (Character.isLetter(ch)) {
                        letters++;
                        if (Character.isUpperCase(ch)) {
                            uppers++;
                        }
                    }
                    char f = fold(ch);
                    if (f == 'ß') {
                        h = (h ^ 's') * 0x100000001b3L;
                        f = 's';
                    }
                    h = (h ^ f) * 0x100000001b3L;
                    i++;
                } else if (isApostrophe(ch) && i + 1 < n && Character.isLetter(s.charAt(i + 1))) {
                    // "Syria's" ends before the possessive; "Ma'arrat", "Dar'a" keep their letters.
                    boolean possessive = (s.charAt(i + 1) == 's' || s.charAt(i + 1) == 'S')
                            && (i + 2 >= n || !Character.isLetterOrDigit(s.charAt(i + 2)));
                    if (possessive) {
                        break;
                    }
                    i++;
                } else {
                    break;
                }
            }
            int f = 0;
            if (upper) {
                f |= CAPITALIZED;
            }
            if (letters >= 2 && uppers == letters) {
                f |= ALL_CAPS;
            }
            if (Character.isDigit(c)) {
                f |= DIGIT;
            }
            // "U.S.", "U.N.": single letters joined by periods are one abbreviation, not sentences.
            boolean abbreviation = size > 0
                    && start == prevEnd + 1
                    && s.charAt(prevEnd) == '.'
                    && ends[size - 1] - starts[size - 1] == 1
                    && i - start == 1;
            // After "U.S." the period belongs to the abbreviation: "U.S. drone" is one phrase.
            int sepFrom = prevEnd;
            if (!abbreviation
                    && size > 1
                    && s.charAt(prevEnd) == '.'
                    && ends[size - 1] - starts[size - 1] == 1
                    && (flags[size - 1] & JOINED) != 0
                    && ends[size - 2] - starts[size - 2] == 1) {
                sepFrom = prevEnd + 1;
            }
            if (size == 0 || (!abbreviation && isSentenceBreak(s, sepFrom, start))) {
                f |= SENTENCE_START;
            }
            if (size > 0) {
                int sep = abbreviation ? 1 : separator(s, sepFrom, start);
                if (sep > 0) {
                    f |= JOINED;
                    if (sep == 2) {
                        f |= HYPHENATED;
                    }
                }
            }
            add(start, i, f, h == 0 ? 1 : h);
            prevEnd = i;
            // Skip the possessive "'s" so it does not become a token of its own.
            if (i + 1 < n && isApostrophe(s.charAt(i)) && (s.charAt(i + 1) == 's' || s.charAt(i + 1) == 'S')) {
                i += 2;
                prevEnd = i;
            }
        }
    }

    /** 0 = a break, 1 = spaces only, 2 = a hyphen (optionally spaced). */
    private static int separator(String s, int from, int to) {
        int len = to - from;
        if (len <= 0 || len > 3) {
            return 0;
        }
        int kind = 1;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (i == from && isApostrophe(c) && to - from > 1) {
                // Plural possessive inside a name: "Sudan Doctors' Network", "Kurdistan Workers' Party".
                continue;
            }
            if (c == '-' || c == '\u2011') {
                if (kind == 2) {
                    return 0;
                }
                kind = 2;
            } else if (c != ' ' && c != '\u00a0') {
                return 0;
            }
        }
        return kind;
    }

    private static boolean isSentenceBreak(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c == '.'
                    || c == '!'
                    || c == '?'
                    || c == '\n'
                    || c == ':'
                    || c == '\u2014'
                    || c == '\u201c'
                    || c == '"') {
                return true;
            }
        }
        return false;
    }

    private void add(int start, int end, int f, long h) {
        if (size == starts.length) {
            int cap = size * 2;
            starts = java.util.Arrays.copyOf(starts, cap);
            ends = java.util.Arrays.copyOf(ends, cap);
            flags = java.util.Arrays.copyOf(flags, cap);
            hashes = java.util.Arrays.copyOf(hashes, cap);
        }
        starts[size] = start;
        ends[size] = end;
        flags[size] = f;
        hashes[size] = h;
        size++;
    }
}
