package org.wirewatch.extract.rules;

/**
 * A count read from the text.
 *
 * @param from first token, qualifier included
 * @param numeralFrom first token of the numeral itself
 * @param to one past the last token, "or more" included
 * @param value the number; for a vague count the conservative figure
 * @param vague true for "dozens", "scores", "hundreds"
 * @param qualifier "min", "max", "about" or null
 */
public record NumberMention(int from, int numeralFrom, int to, long value, boolean vague, String qualifier) {}
