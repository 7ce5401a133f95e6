package org.wirewatch.extract.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Splits report text into sentences: paragraphs always end a sentence; a full stop, question or exclamation mark
 * ends one unless it closes an abbreviation ("Col.", "Maj. Gen.", "Sept."), an initial, or falls inside an open
 * quotation, so that a quote spanning several sentences stays with its attribution.
 */
public final class SentenceSplitter {

    private final Set<String> abbreviations;
    private final Set<String> sentenceStarters;
    private final Vocabulary vocabulary;

    /**
     * @param abbreviations lower-case abbreviations without their final dot ("col", "gen", "sept")
     * @param sentenceStarters lower-case words that start a sentence after an initialism ("the", "he", "it")
     */
    public SentenceSplitter(Set<String> abbreviations, Set<String> sentenceStarters) {
        this(abbreviations, sentenceStarters, Vocabulary.EMPTY);
    }

    /** As above, with the shared strings of the rule tables' words for the tokens (see {@link Vocabulary}). */
    public SentenceSplitter(Set<String> abbreviations, Set<String> sentenceStarters, Vocabulary vocabulary) {
        this.abbreviations = abbreviations;
        this.sentenceStarters = sentenceStarters;
        this.vocabulary = vocabulary;
    }

    /** Splits text[from, to) into sentences, numbering them from firstIndex and paragraphs from firstParagraph. */
    public List<Sentence> split(CharSequence text, int from, int to, int firstIndex, int firstParagraph) {
        List<Sentence> out = new ArrayList<>();
        int paragraph = firstParagraph;
        int p = from;
        while (p < to) {
            int lineEnd = p;
            while (lineEnd < to && text.charAt(lineEnd) != '\n') {
                lineEnd++;
            }
            if (!isBlank(text, p, lineEnd)) {
                splitParagraph(text, p, lineEnd, paragraph, firstIndex, out);
                paragraph++;
            }
            p = lineEnd + 1;
        }
        return out;
    }

    private void splitParagraph(
            CharSequence text, int from, int to, int paragraph, int firstIndex, List<Sentence> out) {
        List<Token> tokens = Tokenizer.tokenize(text, from, to, vocabulary);
        int depth = 0;
        int sentenceStart = 0;
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.isPunct()) {
                char c = t.text().charAt(0);
                if (c == '\u201C') {
                    depth++;
                } else if (c == '\u201D') {
                    depth = Math.max(0, depth - 1);
                } else if (c == '"') {
                    depth = depth > 0 ? depth - 1 : depth + 1;
                }
            }
            int last = endOfBoundary(tokens, i, depth);
            if (last < 0) {
                continue;
            }
            // closing quotes absorbed by the boundary close the quotation
            for (int k = i + 1; k <= last; k++) {
                char c = tokens.get(k).text().charAt(0);
                if (c == '\u201D' || c == '"') {
                    depth = Math.max(0, depth - 1);
                }
            }
            if (depth > 0) {
                continue;
            }
            add(tokens, sentenceStart, last, paragraph, firstIndex, out);
            sentenceStart = last + 1;
            i = last;
        }
        if (sentenceStart < tokens.size()) {
            add(tokens, sentenceStart, tokens.size() - 1, paragraph, firstIndex, out);
        }
    }

    /** Index of the last token of a sentence ending at token i, or -1 when i ends no sentence. */
    private int endOfBoundary(List<Token> tokens, int i, int depth) {
        Token t = tokens.get(i);
        boolean stop = t.isPunct() && (t.is(".") || t.is("!") || t.is("?"));
        boolean initialism = t.isWord() && t.text().endsWith(".");
        if (!stop && !initialism) {
            return -1;
        }
        int last = i;
        while (last + 1 < tokens.size() && isCloser(tokens.get(last + 1))) {
            last++;
        }
        if (last + 1 >= tokens.size()) {
            return -1; // the paragraph end closes it anyway
        }
        Token next = tokens.get(last + 1);
        boolean nextStarts = next.isCapitalized() || next.isNumber() || isOpener(next);
        if (!nextStarts) {
            return -1;
        }
        if (initialism) {
            // "U.S. troops" vs "... hosting U.S. The": only a typical sentence opener ends it
            return sentenceStarters.contains(next.lower()) ? last : -1;
        }
        if (t.is(".") && i > 0) {
            Token prev = tokens.get(i - 1);
            if (prev.end() == t.start() && prev.isWord()) {
                if (abbreviations.contains(prev.lower())) {
                    return -1;
                }
                if (prev.text().length() == 1 && prev.isCapitalized()) {
                    return -1; // an initial: "Abdul R. Cheema"
                }
            }
        }
        if (depth > 0 && last == i) {
            return -1; // inside a quotation that continues
        }
        return last;
    }

    private static boolean isCloser(Token t) {
        if (!t.isPunct()) {
            return false;
        }
        char c = t.text().charAt(0);
        return c == '\u201D' || c == '"' || c == ')' || c == '\'' || c == '\u2019';
    }

    private static boolean isOpener(Token t) {
        if (!t.isPunct()) {
            return false;
        }
        char c = t.text().charAt(0);
        return c == '\u201C' || c == '"' || c == '(' || c == '\'' || c == '\u2018';
    }

    private static void add(List<Token> tokens, int from, int to, int paragraph, int firstIndex, List<Sentence> out) {
        List<Token> part = List.copyOf(tokens.subList(from, to + 1));
        out.add(new Sentence(
                firstIndex + out.size(),
                paragraph,
                part.get(0).start(),
                part.get(part.size() - 1).end(),
                part));
    }

    private static boolean isBlank(CharSequence text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!Character.isWhitespace(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
