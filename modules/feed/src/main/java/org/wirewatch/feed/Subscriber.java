package org.wirewatch.feed;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One SSE client: its filter, its own position (what it has been sent or skipped) and a queue drained by the
 * shared sender pool, one drain at a time, so that writes to one connection never interleave and a slow client
 * never holds up the consumer or the other clients.
 *
 * <p>Exactly-once delivery across reconnects rests on the position: an event is written only if its offset is at
 * or past the client's next offset for its partition, and the id written with it is the client's position after
 * it. Catch-up (from the buffer or from Kafka) and live events may overlap; the position drops the overlap.
 */
final class Subscriber {

    private static final Logger LOG = LoggerFactory.getLogger(Subscriber.class);
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Object HEARTBEAT = new Object();

    /** Reads a range of the feed topics from Kafka: the catch-up of a resume older than the buffer. */
    @FunctionalInterface
    interface RangeReader {
        void read(Position from, Position to, java.util.function.Consumer<FeedEvent> sink) throws Exception;
    }

    private record CatchUp(Position from, Position head, Optional<List<FeedEvent>> buffered, boolean resume) {}

    private final long id;
    private final SseSink sink;
    private final EventFilter filter;
    private final Executor executor;
    private final int maxQueued;
    private final FeedMetrics metrics;
    private final RangeReader rangeReader;
    private final Runnable onClose;
    private final ConcurrentLinkedQueue<Object> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final AtomicBoolean heartbeatPending = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();
    // Only touched inside drain(), which runs on one thread at a time (the scheduled flag hands it over).
    private Position position;

    Subscriber(
            final long id,
            final SseSink sink,
            final EventFilter filter,
            final Executor executor,
            final int maxQueued,
            final FeedMetrics metrics,
            final RangeReader rangeReader,
            final Runnable onClose) {
        this.id = id;
        this.sink = sink;
        this.filter = filter;
        this.executor = executor;
        this.maxQueued = maxQueued;
        this.metrics = metrics;
        this.rangeReader = rangeReader;
        this.onClose = onClose;
    }

    long id() {
        return id;
    }

    /** Starts the subscription: position {@code from} (null: the head, only new events). Called once. */
    void start(final FeedState state, final Position from) {
        state.register(this, from);
        schedule();
    }

    /** Called by {@link FeedState#register} under the state lock, before any live event can be offered. */
    void registered(final Position from, final Position head, final Optional<List<FeedEvent>> buffered) {
        queue.add(new CatchUp(from == null ? head : from, head, buffered, from != null));
    }

    /** A live event from the consumer; called under the state lock, so it must not block. */
    void offer(final FeedEvent e) {
        if (closed.get()) {
            return;
        }
        if (queued.incrementAndGet() > maxQueued) {
            LOG.warn(
                    "SSE client {} is more than {} events behind; disconnecting it (it resumes from its last id)",
                    id,
                    maxQueued);
            close();
            return;
        }
        queue.add(e);
        schedule();
    }

    void heartbeat() {
        if (!closed.get() && heartbeatPending.compareAndSet(false, true)) {
            queue.add(HEARTBEAT);
            schedule();
        }
    }

    boolean closed() {
        return closed.get();
    }

    void close() {
        if (closed.compareAndSet(false, true)) {
            try {
                sink.close();
            } finally {
                onClose.run();
            }
        }
    }

    private void schedule() {
        if (scheduled.compareAndSet(false, true)) {
            try {
                executor.execute(this::drain);
            } catch (final RuntimeException e) {
                scheduled.set(false);
                close();
            }
        }
    }

    private void drain() {
        try {
            int budget = 512;
            Object item;
            while (!closed.get() && budget-- > 0 && (item = queue.poll()) != null) {
                if (item instanceof FeedEvent e) {
                    queued.decrementAndGet();
                    deliver(e, true);
                } else if (item == HEARTBEAT) {
                    heartbeatPending.set(false);
                    sink.comment("heartbeat");
                } else if (item instanceof CatchUp c) {
                    catchUp(c);
                }
                if (sink.closed()) {
                    close();
                }
            }
        } catch (final Exception e) {
            LOG.info("SSE client {} closed: {}", id, e.toString());
            close();
        } finally {
            scheduled.set(false);
        }
        if (!closed.get() && !queue.isEmpty()) {
            schedule();
        }
    }

    private void catchUp(final CatchUp c) throws Exception {
        position = c.from().copy();
        final String source = c.buffered().isPresent() ? (c.resume() ? "buffer" : "live") : "kafka";
        final var hello = MAPPER.createObjectNode();
        hello.put("position", position.encode());
        hello.put("head", c.head().encode());
        hello.put("catchUp", source);
        sink.event("hello", hello.toString(), position.encode());
        if (c.resume()) {
            metrics.resumed(c.buffered().isPresent());
        }
        if (c.buffered().isPresent()) {
            for (final FeedEvent e : c.buffered().get()) {
                deliver(e, false);
            }
        } else {
            rangeReader.read(position.copy(), c.head(), e -> deliver(e, false));
        }
    }

    private void deliver(final FeedEvent e, final boolean live) {
        if (closed.get() || !position.isAfter(e.type(), e.partition(), e.offset())) {
            return;
        }
        position.advance(e.type(), e.partition(), e.offset());
        if (filter.matches(e)) {
            sink.event(e.eventName(), e.json(), position.encode());
            metrics.sent(e.timestamp(), live);
        }
    }
}
