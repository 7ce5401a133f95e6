package org.wirewatch.streams.consolidate;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.Predicate;

/**
 * Incident ids: derived from the id of the mention that opened the incident, so the same input always yields the
 * same ids, and kept while the incident lives even when that first mention leaves it.
 */
public final class IncidentIds {

    private IncidentIds() {}

    /** {@code inc-} and 16 hex digits of the SHA-256 of the mention id; a suffix when the id is still taken. */
    public static String forMention(final String mentionId, final Predicate<String> taken) {
        String id = "inc-" + hash(mentionId);
        for (int n = 1; taken.test(id); n++) {
            id = "inc-" + hash(mentionId + "/" + n);
        }
        return id;
    }

    // Looking the algorithm up costs more than hashing a short id; a digest is not thread-safe, hence one per thread.
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (final NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    });

    private static String hash(final String s) {
        final byte[] d = SHA_256.get().digest(s.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(d, 0, 8);
    }
}
