package org.wirewatch.formats;

import java.util.regex.Pattern;

/**
 * Plain-text normal form of headlines and bodies: LF line ends, paragraphs separated by exactly one blank line,
 * no trailing spaces, runs of spaces inside a line kept (tables and figures in wire copy rely on them).
 */
final class Paragraphs {

    private static final Pattern BLANK_LINES = Pattern.compile("\\n[ \\t\\f\\u00A0]*\\n(?:[ \\t\\f\\u00A0]*\\n)*");
    private static final Pattern TRAILING_SPACE = Pattern.compile("[ \\t\\f\\u00A0]+\\n");
    private static final Pattern WHITESPACE_RUN = Pattern.compile("[\\s\\u00A0]+");

    private Paragraphs() {}

    /** Normalises a multi-paragraph body. */
    static String body(String text) {
        String s = text.replace("\r\n", "\n").replace('\r', '\n');
        s = TRAILING_SPACE.matcher(s).replaceAll("\n");
        s = BLANK_LINES.matcher(s).replaceAll("\n\n");
        return s.strip();
    }

    /** Normalises a one-line field: every whitespace run becomes one space. */
    static String line(String text) {
        return WHITESPACE_RUN.matcher(text).replaceAll(" ").strip();
    }
}
