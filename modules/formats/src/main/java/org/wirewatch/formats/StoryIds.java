package org.wirewatch.formats;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import org.wirewatch.schema.ReportFormat;

/** Story ids for inputs that carry none: derived from the content, so re-sending the same bytes is a no-op. */
final class StoryIds {

    private StoryIds() {}

    /** {@code urn:wirewatch:<format>:<first 128 bits of SHA-256 of the content, hex>}. */
    static String fromContent(ReportFormat format, String content) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8));
            return "urn:wirewatch:" + format.name().toLowerCase(Locale.ROOT).replace('_', '-') + ":"
                    + HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            // Every Java platform must provide SHA-256.
            throw new IllegalStateException(e);
        }
    }
}
