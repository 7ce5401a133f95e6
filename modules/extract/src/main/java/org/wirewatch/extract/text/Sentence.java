package org.wirewatch.extract.text;

import java.util.List;

/**
 * One sentence of the report text.
 *
 * @param index position of the sentence in the report, 0 = the headline
 * @param paragraph paragraph number, 0 = the headline, 1 = the first body paragraph
 * @param start offset of the first character in the report text
 * @param end offset one past the last character
 * @param tokens the sentence's tokens
 */
public record Sentence(int index, int paragraph, int start, int end, List<Token> tokens) {

    public String text(CharSequence reportText) {
        return reportText.subSequence(start, end).toString();
    }
}
