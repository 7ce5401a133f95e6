package org.wirewatch.streams.consolidate;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.Predicate;

/**
 * The two names of an incident. Its published id ({@link #published}) is a function of its members alone: the
 * route they are consolidated under and the mention that leads {@link IncidentState.Lead#ORIGIN} (the earliest
 * story, then the smallest mention id). So the same members get the same id whatever order their reports were
 * consolidated in, and a fresh replay and a reprocess agree on it ({@code docs/architecture.md#semantics-11}). Its
 * store key ({@link #forMention}) names the consolidation stores' entries, is derived from the mention that opened
 * the incident and is kept while the incident lives, so a change of published id moves nothing in the stores.
 */
public final class IncidentIds {

    private IncidentIds() {}

    /**
     * The published id of the open incident whose origin is {@code originMentionId} in {@code route}: {@code inc-}
     * and 16 hex digits of a SHA-256 of both. A mention belongs to one incident of a route at a time, and a mention
     * of a closed incident never joins another one there, so two incidents share an id only if 64 bits of SHA-256
     * collide. The route is part of it because a story's new version can move its mention to another country, whose
     * task may consolidate it before the old country's task has given the id up.
     */
    static String published(final StateKeys.Route route, final String originMentionId) {
        return "inc-" + hash(route.kind().name() + "\u0000" + route.value() + "\u0000" + originMentionId);
    }

    /**
     * The store key of an incident opened by a mention: {@code inc-} and 16 hex digits of the SHA-256 of the mention
     * id; a suffix when the key is still taken.
     */
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
