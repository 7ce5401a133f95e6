package org.wirewatch.formats;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Bounded, printable excerpts of raw input for rejection records and logs. */
public final class Excerpts {

    /** The largest excerpt a RejectedReport carries, in bytes of UTF-8. */
    public static final int MAX_EXCERPT_BYTES = 1024;

    private Excerpts() {}

    /**
     * The start of {@code bytes} as text of at most {@code maxBytes} UTF-8 bytes: invalid bytes become U+FFFD and
     * control characters other than line breaks and tabs become U+FFFD too, so the excerpt is safe to print.
     */
    public static String of(byte[] bytes, int maxBytes) {
        int limit = Math.max(0, maxBytes);
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        int window = Math.min(bytes.length, limit);
        CharBuffer chars;
        try {
            chars = decoder.decode(ByteBuffer.wrap(bytes, 0, window));
        } catch (java.nio.charset.CharacterCodingException e) {
            // Unreachable with REPLACE; keep the excerpt empty rather than fail a rejection path.
            return "";
        }
        StringBuilder out = new StringBuilder(chars.length());
        int usedBytes = 0;
        for (int i = 0; i < chars.length(); i++) {
            char c = chars.charAt(i);
            boolean pair = Character.isHighSurrogate(c)
                    && i + 1 < chars.length()
                    && Character.isLowSurrogate(chars.charAt(i + 1));
            char shown = !pair
                            && (Character.isSurrogate(c)
                                    || (Character.isISOControl(c) && c != '\n' && c != '\t' && c != '\r'))
                    ? '\uFFFD'
                    : c;
            int cost = pair ? 4 : shown < 0x80 ? 1 : shown < 0x800 ? 2 : 3;
            if (usedBytes + cost > limit) {
                break;
            }
            out.append(shown);
            if (pair) {
                out.append(chars.charAt(++i));
            }
            usedBytes += cost;
        }
        return out.toString();
    }

    /** {@link #of(byte[], int)} with {@link #MAX_EXCERPT_BYTES}. */
    public static String of(byte[] bytes) {
        return of(bytes, MAX_EXCERPT_BYTES);
    }

    /** A string cut to at most {@code maxChars} characters, with an ellipsis when cut. */
    static String clip(String text, int maxChars) {
        return text.length() <= maxChars ? text : text.substring(0, maxChars) + "…";
    }
}
