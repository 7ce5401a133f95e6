package org.wirewatch.feed;

import java.util.Arrays;

/**
 * A point in the feed: for every partition of the four feed topics, the next offset not yet seen. It is what SSE
 * event ids encode, so a reconnecting client names exactly the records it has already had, on any instance.
 *
 * <p>Text form: one group per topic in {@link FeedEventType} order, {@code <code><offset>,<offset>...} with
 * offsets in base 36 by partition number, groups joined by {@code .}; e.g. {@code i1f,0,3.c2,5,0.t9,a,b.a0,0,0}.
 * A missing topic or partition means offset 0 (nothing seen). Not thread-safe; copy before sharing.
 */
public final class Position {

    private final long[][] next;

    private Position(final long[][] next) {
        this.next = next;
    }

    /** The start of every partition: nothing seen. */
    public static Position start(final int[] partitionsPerType) {
        final long[][] n = new long[FeedEventType.values().length][];
        for (int t = 0; t < n.length; t++) {
            n[t] = new long[partitionsPerType.length > t ? partitionsPerType[t] : 0];
        }
        return new Position(n);
    }

    /** Parses the text form; throws {@link IllegalArgumentException} on anything malformed. */
    public static Position parse(final String text) {
        final long[][] n = new long[FeedEventType.values().length][0];
        final String s = text.trim();
        if (s.isEmpty()) {
            throw new IllegalArgumentException("empty position");
        }
        for (final String group : s.split("\\.", -1)) {
            if (group.isEmpty()) {
                throw new IllegalArgumentException("empty group in position '" + text + "'");
            }
            final FeedEventType type = FeedEventType.ofCode(group.charAt(0))
                    .orElseThrow(() -> new IllegalArgumentException("unknown topic code '" + group.charAt(0) + "'"));
            final String[] offsets =
                    group.length() == 1 ? new String[0] : group.substring(1).split(",", -1);
            if (offsets.length > 10_000) {
                throw new IllegalArgumentException("too many partitions in position");
            }
            final long[] o = new long[offsets.length];
            for (int p = 0; p < offsets.length; p++) {
                try {
                    o[p] = Long.parseLong(offsets[p], 36);
                } catch (final NumberFormatException e) {
                    throw new IllegalArgumentException("bad offset '" + offsets[p] + "' in position '" + text + "'", e);
                }
                if (o[p] < 0) {
                    throw new IllegalArgumentException("negative offset in position '" + text + "'");
                }
            }
            n[type.ordinal()] = o;
        }
        return new Position(n);
    }

    /** The next offset to deliver of one partition; 0 when unknown. */
    public long next(final FeedEventType type, final int partition) {
        final long[] o = next[type.ordinal()];
        return partition < o.length ? o[partition] : 0L;
    }

    /** Number of partitions this position knows for a topic. */
    public int partitions(final FeedEventType type) {
        return next[type.ordinal()].length;
    }

    /** Marks {@code offset} of a partition as seen (monotonic: an older offset changes nothing). */
    public void advance(final FeedEventType type, final int partition, final long offset) {
        final int t = type.ordinal();
        if (partition >= next[t].length) {
            next[t] = Arrays.copyOf(next[t], partition + 1);
        }
        if (offset + 1 > next[t][partition]) {
            next[t][partition] = offset + 1;
        }
    }

    /** Sets a partition's next offset outright (used when seeding from the log start). */
    void set(final FeedEventType type, final int partition, final long nextOffset) {
        final int t = type.ordinal();
        if (partition >= next[t].length) {
            next[t] = Arrays.copyOf(next[t], partition + 1);
        }
        next[t][partition] = nextOffset;
    }

    /** True when {@code offset} of the partition has not been seen yet. */
    public boolean isAfter(final FeedEventType type, final int partition, final long offset) {
        return offset >= next(type, partition);
    }

    /** True when this position is at or past {@code other} on every partition. */
    public boolean dominates(final Position other) {
        for (final FeedEventType type : FeedEventType.values()) {
            final int n = Math.max(partitions(type), other.partitions(type));
            for (int p = 0; p < n; p++) {
                if (next(type, p) < other.next(type, p)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Copy with, per partition, the larger of both next offsets. */
    public Position max(final Position other) {
        final Position m = copy();
        for (final FeedEventType type : FeedEventType.values()) {
            for (int p = 0; p < other.partitions(type); p++) {
                if (other.next(type, p) > m.next(type, p)) {
                    m.set(type, p, other.next(type, p));
                }
            }
        }
        return m;
    }

    public Position copy() {
        final long[][] n = new long[next.length][];
        for (int t = 0; t < n.length; t++) {
            n[t] = next[t].clone();
        }
        return new Position(n);
    }

    /** The compact text form used as SSE event id. */
    public String encode() {
        final StringBuilder b = new StringBuilder(64);
        for (final FeedEventType type : FeedEventType.values()) {
            if (b.length() > 0) {
                b.append('.');
            }
            b.append(type.code());
            final long[] o = next[type.ordinal()];
            for (int p = 0; p < o.length; p++) {
                if (p > 0) {
                    b.append(',');
                }
                b.append(Long.toString(o[p], 36));
            }
        }
        return b.toString();
    }

    @Override
    public boolean equals(final Object o) {
        if (!(o instanceof Position other)) {
            return false;
        }
        return dominates(other) && other.dominates(this);
    }

    @Override
    public int hashCode() {
        // Zeros are skipped so that equal positions with and without trailing zero partitions hash alike.
        int h = 0;
        for (final FeedEventType type : FeedEventType.values()) {
            for (int p = 0; p < partitions(type); p++) {
                final long v = next(type, p);
                if (v != 0) {
                    h += (type.ordinal() * 1_000_003 + p) ^ Long.hashCode(v);
                }
            }
        }
        return h;
    }

    @Override
    public String toString() {
        return encode();
    }
}
