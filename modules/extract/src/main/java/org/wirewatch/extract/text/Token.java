package org.wirewatch.extract.text;

/**
 * One token of the report text: a word, a number or a punctuation mark, with its span in the text.
 *
 * @param start offset of the first character in the report text
 * @param end offset one past the last character
 * @param text the token as written
 * @param lower the token lower-cased, curly apostrophes folded to straight ones
 * @param kind what the token is
 * @param outside the tokenizer's {@link Vocabulary} was asked and the word is in none of its word lists: every set
 *     or table lookup over those lists misses, so callers may skip it ({@link #mayBeIn()})
 */
public record Token(int start, int end, String text, String lower, Kind kind, boolean outside) {

    public Token(int start, int end, String text, String lower, Kind kind) {
        this(start, end, text, lower, kind, false);
    }

    /**
     * False when the word is known to be in no word list of the tokenizer's vocabulary (the rule tables and the
     * word sets registered with it); a lookup in one of those lists can then be skipped.
     */
    public boolean mayBeIn() {
        return !outside;
    }

    /** What a token is. */
    public enum Kind {
        WORD,
        NUMBER,
        PUNCT
    }

    public boolean isWord() {
        return kind == Kind.WORD;
    }

    public boolean isNumber() {
        return kind == Kind.NUMBER;
    }

    public boolean isPunct() {
        return kind == Kind.PUNCT;
    }

    /** True when the first character is an upper-case letter. */
    public boolean isCapitalized() {
        return !text.isEmpty() && Character.isUpperCase(text.charAt(0));
    }

    /**
     * A word of more than three letters ending in a single "s" ("witnesses", "officials", not "press" or "bus"): the
     * plain test the readers use for a plural noun.
     */
    public static boolean looksPlural(String word) {
        return word.length() > 3 && word.endsWith("s") && !word.endsWith("ss");
    }

    public boolean is(String lowerText) {
        return lower.equals(lowerText);
    }
}
