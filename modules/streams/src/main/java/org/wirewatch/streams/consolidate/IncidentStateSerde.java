package org.wirewatch.streams.consolidate;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;
import org.wirewatch.schema.CasualtyFigure;
import org.wirewatch.schema.Incident;
import org.wirewatch.schema.MentionRef;
import org.wirewatch.schema.ReportExtraction;
import org.wirewatch.streams.StreamSerdes;

/**
 * The value of {@value IncidentClusterProcessor#INCIDENTS}: an incident as published, with the
 * {@link IncidentState} it was computed from. The incident and the leading members are written with the registry
 * serdes (so a schema change reads old state, as for every other store); the counts and references are plain
 * numbers and strings behind a format version.
 */
final class IncidentStateSerde implements Serde<IncidentStateSerde.Stored> {

    /** An incident as published and the summary of its members. */
    record Stored(Incident incident, IncidentState state) {}

    /** Format 2 adds the leaders of {@link IncidentState.Lead#ORIGIN}; format 1 is still read, origin unknown. */
    private static final int FORMAT = 2;

    private static final int FORMAT_WITHOUT_ORIGIN = 1;

    private final Serializer<Incident> incidents;
    private final Deserializer<Incident> incidentReader;
    private final Serializer<ReportExtraction> members;
    private final Deserializer<ReportExtraction> memberReader;

    IncidentStateSerde(final StreamSerdes serdes) {
        this.incidents = serdes.incident().serializer();
        this.incidentReader = serdes.incident().deserializer();
        this.members = serdes.extraction().serializer();
        this.memberReader = serdes.extraction().deserializer();
    }

    @Override
    public Serializer<Stored> serializer() {
        return this::write;
    }

    @Override
    public Deserializer<Stored> deserializer() {
        return this::read;
    }

    private byte[] write(final String topic, final Stored stored) {
        if (stored == null) {
            return null;
        }
        final Bytes bytes = new Bytes();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            final IncidentState s = stored.state();
            if (!s.originKnown) {
                throw new IllegalStateException(
                        "an incident's state without its origin is rebuilt before it is stored");
            }
            out.writeByte(FORMAT);
            blob(out, incidents.serialize(names(topic).incident, stored.incident()));
            out.writeInt(s.count);
            counts(out, s.agencies);
            counts(out, s.unattributed);
            // The leaders of several orders are often the same members: each distinct one is written once.
            final Map<ReportExtraction, Integer> distinct = new IdentityHashMap<>();
            final List<ReportExtraction> cards = new ArrayList<>();
            for (final IncidentState.Ranking<ReportExtraction> r : s.leaders) {
                for (final ReportExtraction l : r.items) {
                    if (!distinct.containsKey(l)) {
                        distinct.put(l, cards.size());
                        cards.add(l);
                    }
                }
            }
            out.writeInt(cards.size());
            for (final ReportExtraction l : cards) {
                blob(out, members.serialize(names(topic).member, l));
            }
            for (final IncidentState.Ranking<ReportExtraction> r : s.leaders) {
                out.writeInt(r.members);
                out.writeInt(r.items.size());
                for (final ReportExtraction l : r.items) {
                    out.writeInt(distinct.get(l));
                }
            }
            out.writeInt(s.top.members);
            out.writeInt(s.top.items.size());
            for (final IncidentState.Ranked r : s.top.items) {
                ref(out, r.ref());
                out.writeInt(r.authority());
            }
            for (final IncidentState.Extreme e : extremes(s)) {
                out.writeInt(e.members);
                out.writeInt(e.values.size());
                for (final Map.Entry<Long, Integer> v : e.values.entrySet()) {
                    out.writeLong(v.getKey());
                    out.writeInt(v.getValue());
                }
            }
            out.writeInt(s.killedFigures);
            out.writeInt(s.injuredFigures);
            out.writeInt(s.denials);
            counts(out, s.confirmations);
            counts(out, s.versions);
        } catch (final IOException e) {
            throw new SerializationException("cannot write an incident's state for " + topic, e);
        }
        return bytes.toByteArray();
    }

    /**
     * The subject topics of a store's incident and members, built once: the serializers look them up in their schema
     * caches, which would otherwise hash a new string for each one.
     */
    private record Names(String incident, String member) {}

    private final Map<String, Names> names = new java.util.concurrent.ConcurrentHashMap<>();

    private Names names(final String topic) {
        return names.computeIfAbsent(topic, t -> new Names(t + "-incident", t + "-member"));
    }

    /**
     * ByteArrayOutputStream without its per-call lock: DataOutputStream writes each number a byte at a time, and
     * the state of an incident is written on every change of it.
     */
    private static final class Bytes extends java.io.OutputStream {
        private byte[] buf = new byte[1024];
        private int size;

        @Override
        public void write(final int b) {
            ensure(1);
            buf[size++] = (byte) b;
        }

        @Override
        public void write(final byte[] b, final int off, final int len) {
            java.util.Objects.checkFromIndexSize(off, len, b.length);
            ensure(len);
            System.arraycopy(b, off, buf, size, len);
            size += len;
        }

        private void ensure(final int more) {
            if (size + more > buf.length) {
                buf = java.util.Arrays.copyOf(buf, Math.max(buf.length * 2, size + more));
            }
        }

        byte[] toByteArray() {
            return java.util.Arrays.copyOf(buf, size);
        }
    }

    private Stored read(final String topic, final byte[] data) {
        if (data == null) {
            return null;
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
            final int format = in.readByte();
            if (format != FORMAT && format != FORMAT_WITHOUT_ORIGIN) {
                throw new SerializationException("incident state of format " + format + " in " + topic + ", expected "
                        + FORMAT + ": rebuild the consolidate application's state (ops/runbook.md, \"Upgrades\")");
            }
            final Incident incident = incidentReader.deserialize(names(topic).incident, blob(in));
            final IncidentState s = new IncidentState();
            s.count = in.readInt();
            counts(in, s.agencies);
            counts(in, s.unattributed);
            final ReportExtraction[] cards = new ReportExtraction[in.readInt()];
            for (int i = 0; i < cards.length; i++) {
                cards[i] = memberReader.deserialize(names(topic).member, blob(in));
            }
            // Format 1 has no origin leaders: the summary says so, and consolidation rebuilds it from the members.
            s.originKnown = format != FORMAT_WITHOUT_ORIGIN;
            final List<IncidentState.Ranking<ReportExtraction>> stored =
                    s.originKnown ? s.leaders : s.leaders.subList(0, IncidentState.Lead.ORIGIN.ordinal());
            for (final IncidentState.Ranking<ReportExtraction> r : stored) {
                r.members = in.readInt();
                final int n = in.readInt();
                for (int i = 0; i < n; i++) {
                    r.items.add(cards[in.readInt()]);
                }
            }
            s.top.members = in.readInt();
            final int top = in.readInt();
            for (int i = 0; i < top; i++) {
                s.top.items.add(new IncidentState.Ranked(ref(in), in.readInt()));
            }
            for (final IncidentState.Extreme e : extremes(s)) {
                e.members = in.readInt();
                final int n = in.readInt();
                for (int i = 0; i < n; i++) {
                    e.values.put(in.readLong(), in.readInt());
                }
            }
            s.killedFigures = in.readInt();
            s.injuredFigures = in.readInt();
            s.denials = in.readInt();
            counts(in, s.confirmations);
            counts(in, s.versions);
            return new Stored(incident, s);
        } catch (final IOException e) {
            throw new SerializationException("cannot read an incident's state from " + topic, e);
        }
    }

    private static IncidentState.Extreme[] extremes(final IncidentState s) {
        return new IncidentState.Extreme[] {
            s.killedLow,
            s.killedHigh,
            s.injuredLow,
            s.injuredHigh,
            s.civilians,
            s.children,
            s.firstReported,
            s.lastReported
        };
    }

    private static void ref(final DataOutputStream out, final MentionRef r) throws IOException {
        string(out, r.getMentionId());
        string(out, r.getReportUri());
        out.writeInt(r.getReportVersion());
        string(out, r.getAgency());
        figure(out, r.getKilled());
        figure(out, r.getInjured());
        out.writeBoolean(r.getReportedAt() != null);
        out.writeLong(r.getReportedAt() == null ? 0 : r.getReportedAt().toEpochMilli());
    }

    private static MentionRef ref(final DataInputStream in) throws IOException {
        final MentionRef.Builder b = MentionRef.newBuilder()
                .setMentionId(string(in))
                .setReportUri(string(in))
                .setReportVersion(in.readInt())
                .setAgency(string(in))
                .setKilled(figure(in))
                .setInjured(figure(in));
        final boolean at = in.readBoolean();
        final long millis = in.readLong();
        return b.setReportedAt(at ? Instant.ofEpochMilli(millis) : null).build();
    }

    private static void figure(final DataOutputStream out, final CasualtyFigure f) throws IOException {
        out.writeBoolean(f != null);
        if (f != null) {
            number(out, f.getLow());
            number(out, f.getBest());
            number(out, f.getHigh());
            out.writeBoolean(f.getVague());
        }
    }

    private static CasualtyFigure figure(final DataInputStream in) throws IOException {
        if (!in.readBoolean()) {
            return null;
        }
        return CasualtyFigure.newBuilder()
                .setLow(number(in))
                .setBest(number(in))
                .setHigh(number(in))
                .setVague(in.readBoolean())
                .build();
    }

    private static void number(final DataOutputStream out, final Integer n) throws IOException {
        out.writeBoolean(n != null);
        out.writeInt(n == null ? 0 : n);
    }

    private static Integer number(final DataInputStream in) throws IOException {
        final boolean present = in.readBoolean();
        final int n = in.readInt();
        return present ? n : null;
    }

    private static void counts(final DataOutputStream out, final Map<String, Integer> counts) throws IOException {
        out.writeInt(counts.size());
        for (final Map.Entry<String, Integer> e : counts.entrySet()) {
            string(out, e.getKey());
            out.writeInt(e.getValue());
        }
    }

    private static void counts(final DataInputStream in, final Map<String, Integer> counts) throws IOException {
        final int n = in.readInt();
        for (int i = 0; i < n; i++) {
            counts.put(string(in), in.readInt());
        }
    }

    private static void string(final DataOutputStream out, final String s) throws IOException {
        if (s == null) {
            out.writeInt(-1);
            return;
        }
        final byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static String string(final DataInputStream in) throws IOException {
        final int n = in.readInt();
        if (n < 0) {
            return null;
        }
        return new String(in.readNBytes(n), StandardCharsets.UTF_8);
    }

    private static void blob(final DataOutputStream out, final byte[] b) throws IOException {
        out.writeInt(b.length);
        out.write(b);
    }

    private static byte[] blob(final DataInputStream in) throws IOException {
        final int n = in.readInt();
        final byte[] b = in.readNBytes(n);
        if (b.length != n) {
            throw new IOException("truncated: " + b.length + " of " + n + " bytes");
        }
        return b;
    }
}
