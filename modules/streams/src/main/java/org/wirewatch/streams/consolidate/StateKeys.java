package org.wirewatch.streams.consolidate;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.wirewatch.streams.IsoDates;

/**
 * The keys of consolidation's stores and of its repartition topic, as types, with one codec for all of them.
 *
 * <p>A key is a sequence of string components. Each is written as UTF-8 with its 0x00 bytes escaped as 0x00 0xFF
 * and ended by 0x00 0x01. Two properties follow, and the stores rely on both: keys sort component by component as
 * their strings do (a range of ISO dates is a range of keys), and the encoding of a key is a byte prefix of exactly
 * the longer keys that start with the same components (a prefix scan of one incident's members never reaches an
 * incident whose id merely starts with the same characters, whatever characters ids and uris contain).
 */
final class StateKeys {

    private StateKeys() {}

    /**
     * Where a delta of a story is consolidated, and the key of the repartition topic: a country (every mention of one
     * country meets the others in one task), the mentions that name no country (which can only match each other),
     * or the story itself for its claims linked to no current mention (nothing else needs them, so they spread over
     * the partitions by story).
     */
    record Route(Kind kind, String value) {

        enum Kind {
            COUNTRY,
            NO_COUNTRY,
            UNLINKED
        }

        Route {
            if (kind == null || value == null) {
                throw new IllegalArgumentException("a route needs a kind and a value");
            }
        }

        static Route country(final String code) {
            return new Route(Kind.COUNTRY, code);
        }

        static Route noCountry() {
            return new Route(Kind.NO_COUNTRY, "");
        }

        static Route unlinked(final String story) {
            return new Route(Kind.UNLINKED, story);
        }

        boolean unlinked() {
            return kind == Kind.UNLINKED;
        }

        @Override
        public String toString() {
            return kind == Kind.COUNTRY ? value : kind + (value.isEmpty() ? "" : ":" + value);
        }
    }

    /** An open incident of a route ({@value IncidentClusterProcessor#INCIDENTS}). */
    record IncidentKey(Route route, String incidentId) {}

    /** One member of an incident ({@value IncidentClusterProcessor#MEMBERS}); its prefix is the incident's key. */
    record MemberKey(Route route, String incidentId, String mentionId) {}

    /** A mention, to find its incident ({@value IncidentClusterProcessor#INDEX}). */
    record MentionKey(Route route, String mentionId) {}

    /** A story's last delta for a route ({@value IncidentClusterProcessor#DELTAS}). */
    record StoryKey(Route route, String story) {}

    /** An incident by its event date ({@value IncidentClusterProcessor#BY_DATE}): a date range is a key range. */
    record DateKey(Route route, LocalDate date, String incidentId) {}

    /** Where a mention sits ({@value IncidentClusterProcessor#INDEX}): its incident, and whether that is closed. */
    record MentionPlace(String incidentId, boolean closed) {}

    static final Serde<Route> ROUTE =
            serde(r -> List.of(r.kind().name(), r.value()), p -> new Route(Route.Kind.valueOf(p.get(0)), p.get(1)), 2);
    static final Serde<IncidentKey> INCIDENT = serde(
            k -> List.of(k.route().kind().name(), k.route().value(), k.incidentId()),
            p -> new IncidentKey(route(p), p.get(2)),
            3);
    static final Serde<MemberKey> MEMBER = serde(
            k -> List.of(k.route().kind().name(), k.route().value(), k.incidentId(), k.mentionId()),
            p -> new MemberKey(route(p), p.get(2), p.get(3)),
            4);
    static final Serde<MentionKey> MENTION = serde(
            k -> List.of(k.route().kind().name(), k.route().value(), k.mentionId()),
            p -> new MentionKey(route(p), p.get(2)),
            3);
    static final Serde<StoryKey> STORY = serde(
            k -> List.of(k.route().kind().name(), k.route().value(), k.story()),
            p -> new StoryKey(route(p), p.get(2)),
            3);
    static final Serde<DateKey> DATE = serde(
            k -> List.of(k.route().kind().name(), k.route().value(), k.date().toString(), k.incidentId()),
            p -> new DateKey(route(p), IsoDates.parse(p.get(2)), p.get(3)),
            4);
    static final Serde<MentionPlace> PLACE = serde(
            v -> List.of(v.closed() ? "closed" : "open", v.incidentId()),
            p -> new MentionPlace(p.get(1), "closed".equals(p.get(0))),
            2);

    private static Route route(final List<String> parts) {
        return new Route(Route.Kind.valueOf(parts.get(0)), parts.get(1));
    }

    private static <T> Serde<T> serde(
            final Function<T, List<String>> parts, final Function<List<String>, T> of, final int arity) {
        final Serializer<T> serializer = (topic, value) -> value == null ? null : encode(parts.apply(value));
        final Deserializer<T> deserializer = (topic, bytes) -> {
            if (bytes == null) {
                return null;
            }
            final List<String> p = decode(bytes);
            if (p.size() != arity) {
                throw new SerializationException(
                        "a consolidation key of " + arity + " parts has " + p.size() + " in " + topic + ": " + p);
            }
            return of.apply(p);
        };
        return Serdes.serdeFrom(serializer, deserializer);
    }

    // Keys are encoded and decoded several times per record, so both work on plain arrays: no stream whose
    // synchronized write is called per byte, and an exact-size result.
    static byte[] encode(final List<String> parts) {
        final byte[][] utf8 = new byte[parts.size()][];
        int size = 0;
        for (int p = 0; p < utf8.length; p++) {
            utf8[p] = parts.get(p).getBytes(StandardCharsets.UTF_8);
            size += utf8[p].length + 2;
            for (final byte b : utf8[p]) {
                if (b == 0) {
                    size++;
                }
            }
        }
        final byte[] out = new byte[size];
        int at = 0;
        for (final byte[] part : utf8) {
            for (final byte b : part) {
                out[at++] = b;
                if (b == 0) {
                    out[at++] = (byte) 0xFF;
                }
            }
            out[at++] = 0;
            out[at++] = 1;
        }
        return out;
    }

    static List<String> decode(final byte[] bytes) {
        final List<String> parts = new ArrayList<>(4);
        // Unescaped bytes of the current part; only a part holding an escaped 0x00 needs a copy.
        byte[] part = null;
        int length = 0;
        int start = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] != 0) {
                if (part != null) {
                    part[length++] = bytes[i];
                }
                continue;
            }
            if (i + 1 >= bytes.length) {
                throw new SerializationException("a consolidation key ends inside an escape");
            }
            final byte next = bytes[++i];
            if (next == (byte) 0xFF) {
                if (part == null) {
                    part = new byte[bytes.length];
                    length = i - 1 - start;
                    System.arraycopy(bytes, start, part, 0, length);
                }
                part[length++] = 0;
            } else if (next == 1) {
                parts.add(
                        part == null
                                ? new String(bytes, start, i - 1 - start, StandardCharsets.UTF_8)
                                : new String(part, 0, length, StandardCharsets.UTF_8));
                part = null;
                length = 0;
                start = i + 1;
            } else {
                throw new SerializationException(
                        "a consolidation key holds an unknown escape 0x00 0x" + Integer.toHexString(next & 0xFF));
            }
        }
        if (start < bytes.length) {
            throw new SerializationException("a consolidation key ends without a terminator");
        }
        return parts;
    }
}
