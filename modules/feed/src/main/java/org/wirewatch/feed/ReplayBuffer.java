package org.wirewatch.feed;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * The last N feed events in arrival order, and the head position (next offset per partition after the last event).
 * A resume from a position the buffer still covers is served from memory; an older one must be re-read from Kafka.
 *
 * <p>Coverage is tracked per partition: {@code floor} is the smallest offset from which the buffer holds every
 * event of that partition the consumer has read. Not thread-safe: the owner ({@link FeedState}) locks.
 */
final class ReplayBuffer {

    private final int capacity;
    private final ArrayDeque<FeedEvent> events;
    private final Position head;
    private final Position floor;

    ReplayBuffer(final int capacity, final Position start) {
        this.capacity = capacity;
        this.events = new ArrayDeque<>(Math.min(capacity, 1 << 16) + 1);
        this.head = start.copy();
        // Nothing evicted yet: the buffer covers every partition from its first offset (offsets below the log start
        // offset no longer exist in Kafka either, so the buffer is as complete as a re-read would be).
        this.floor = Position.start(new int[0]);
    }

    void append(final FeedEvent e) {
        head.advance(e.type(), e.partition(), e.offset());
        events.addLast(e);
        while (events.size() > capacity) {
            final FeedEvent old = events.removeFirst();
            floor.advance(old.type(), old.partition(), old.offset());
        }
    }

    /** Marks an offset as consumed without an event (an undecodable record): the head moves past it. */
    void skip(final FeedEventType type, final int partition, final long offset) {
        head.advance(type, partition, offset);
    }

    void seed(final FeedEventType type, final int partition, final long logStart) {
        if (head.next(type, partition) < logStart || head.partitions(type) <= partition) {
            head.set(type, partition, Math.max(logStart, head.next(type, partition)));
        }
    }

    Position head() {
        return head.copy();
    }

    int size() {
        return events.size();
    }

    /**
     * Every buffered event after {@code from} (offset at or past from's next offset for its partition), in arrival
     * order; empty when the buffer no longer holds all of them.
     */
    Optional<List<FeedEvent>> since(final Position from) {
        for (final FeedEventType type : FeedEventType.values()) {
            final int n = Math.max(floor.partitions(type), head.partitions(type));
            for (int p = 0; p < n; p++) {
                final long wanted = from.next(type, p);
                if (wanted < floor.next(type, p) && wanted < head.next(type, p)) {
                    return Optional.empty();
                }
            }
        }
        final List<FeedEvent> out = new ArrayList<>();
        final Iterator<FeedEvent> it = events.iterator();
        while (it.hasNext()) {
            final FeedEvent e = it.next();
            if (from.isAfter(e.type(), e.partition(), e.offset())) {
                out.add(e);
            }
        }
        return Optional.of(out);
    }
}
