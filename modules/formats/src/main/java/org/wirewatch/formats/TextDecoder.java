package org.wirewatch.formats;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns raw bytes into text, strictly: a byte order mark wins (UTF-8, UTF-16, UTF-32), then a declared charset
 * (HTTP {@code charset} parameter), then XML's own detection of UTF-16 and UTF-32 from {@code <?}, then an XML
 * declaration, else UTF-8. Bytes that are invalid in that encoding are a rejection, never silently replaced, and
 * so is text with control characters (a NUL is binary data in disguise, any other a malformed document).
 */
final class TextDecoder {

    private static final Pattern XML_DECL_ENCODING =
            Pattern.compile("^<\\?xml[^>]*?encoding\\s*=\\s*[\"']([A-Za-z0-9._:-]+)[\"']");

    private TextDecoder() {}

    static String decode(byte[] bytes, Optional<String> declaredCharset) throws FormatException {
        int bomLength = 0;
        Charset charset = null;
        if (startsWith(bytes, 0x00, 0x00, 0xFE, 0xFF)) {
            charset = Charset.forName("UTF-32BE");
            bomLength = 4;
        } else if (startsWith(bytes, 0xFF, 0xFE, 0x00, 0x00)) {
            charset = Charset.forName("UTF-32LE");
            bomLength = 4;
        } else if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
            charset = StandardCharsets.UTF_8;
            bomLength = 3;
        } else if (startsWith(bytes, 0xFE, 0xFF)) {
            charset = StandardCharsets.UTF_16BE;
            bomLength = 2;
        } else if (startsWith(bytes, 0xFF, 0xFE)) {
            charset = StandardCharsets.UTF_16LE;
            bomLength = 2;
        }
        if (charset == null && declaredCharset.isPresent()) {
            charset = charsetFor(declaredCharset.get(), "declared charset");
        }
        if (charset == null) {
            // XML 1.0 appendix F: without a byte order mark, "<?" in UTF-16 or UTF-32 tells the encoding by
            // itself, whatever name the declaration then gives it.
            charset = wideXmlCharset(bytes);
        }
        if (charset == null) {
            charset = xmlDeclaredCharset(bytes).orElse(StandardCharsets.UTF_8);
        }
        String text = strictDecode(bytes, bomLength, charset);
        rejectControlCharacters(text);
        return text;
    }

    /** Resolves a charset name, with a rejection naming it when the platform does not know it. */
    static Charset charsetFor(String name, String what) throws FormatException {
        String trimmed = name.trim().replace("\"", "");
        try {
            return Charset.forName(trimmed);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new FormatException(
                    RejectionCode.UNKNOWN_ENCODING,
                    "unknown character encoding '" + Excerpts.clip(trimmed, 60) + "' (" + what + ")");
        }
    }

    private static Charset wideXmlCharset(byte[] bytes) {
        if (startsWith(bytes, 0x00, 0x00, 0x00, 0x3C)) {
            return Charset.forName("UTF-32BE");
        }
        if (startsWith(bytes, 0x3C, 0x00, 0x00, 0x00)) {
            return Charset.forName("UTF-32LE");
        }
        if (startsWith(bytes, 0x00, 0x3C, 0x00, 0x3F)) {
            return StandardCharsets.UTF_16BE;
        }
        if (startsWith(bytes, 0x3C, 0x00, 0x3F, 0x00)) {
            return StandardCharsets.UTF_16LE;
        }
        return null;
    }

    private static Optional<Charset> xmlDeclaredCharset(byte[] bytes) throws FormatException {
        // The declaration is ASCII by definition; only the first bytes can hold it.
        String head = new String(bytes, 0, Math.min(bytes.length, 200), StandardCharsets.ISO_8859_1);
        Matcher m = XML_DECL_ENCODING.matcher(head);
        if (!m.find()) {
            return Optional.empty();
        }
        Charset charset = charsetFor(m.group(1), "XML declaration");
        String lower = charset.name().toLowerCase(Locale.ROOT);
        if (lower.startsWith("utf-16") || lower.startsWith("utf-32")) {
            // A UTF-16 document whose declaration we could read as ASCII has no BOM and is mislabelled.
            throw new FormatException(
                    RejectionCode.INVALID_ENCODING,
                    "XML declares " + charset.name() + " but its bytes are single-byte text without a byte order mark");
        }
        return Optional.of(charset);
    }

    private static String strictDecode(byte[] bytes, int offset, Charset charset) throws FormatException {
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, offset, bytes.length - offset);
        CharBuffer out = CharBuffer.allocate((int) Math.min(
                Integer.MAX_VALUE - 16L,
                (long) Math.ceil((bytes.length - offset) * (double) decoder.maxCharsPerByte()) + 16));
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            throw new FormatException(
                    RejectionCode.INVALID_ENCODING,
                    "invalid " + charset.name() + " byte sequence at byte offset " + in.position());
        }
        out.flip();
        return out.toString();
    }

    /**
     * A NUL anywhere means binary data in disguise; any other control character is text that no format allows
     * (XML 1.0 and JSON strings forbid them), so a malformed document.
     */
    private static void rejectControlCharacters(String text) throws FormatException {
        int nul = text.indexOf('\u0000');
        if (nul >= 0) {
            throw new FormatException(
                    RejectionCode.BINARY,
                    String.format(Locale.ROOT, "binary content: control character U+0000 at character offset %d", nul));
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f')
                    || c == 0x7F
                    || c == 0xFFFE
                    || c == 0xFFFF) {
                throw new FormatException(
                        RejectionCode.MALFORMED,
                        String.format(
                                Locale.ROOT,
                                "control character U+%04X at character offset %d is not allowed in text",
                                (int) c,
                                i));
            }
        }
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
