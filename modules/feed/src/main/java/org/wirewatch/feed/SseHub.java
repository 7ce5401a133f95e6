package org.wirewatch.feed;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The registry of connected SSE clients: fan-out of live events, heartbeats, and closing everyone at shutdown.
 * Writes happen on a small sender pool, never on the consumer thread.
 */
final class SseHub implements AutoCloseable {

    private final Set<Subscriber> subscribers = ConcurrentHashMap.newKeySet();
    private final ExecutorService senders;
    private final ScheduledExecutorService heartbeats;

    SseHub(final int senderThreads, final Duration heartbeat) {
        this.senders = Executors.newFixedThreadPool(senderThreads, named("feed-sse-sender"));
        this.heartbeats = Executors.newSingleThreadScheduledExecutor(named("feed-sse-heartbeat"));
        final long ms = heartbeat.toMillis();
        heartbeats.scheduleAtFixedRate(this::heartbeat, ms, ms, TimeUnit.MILLISECONDS);
    }

    ExecutorService senders() {
        return senders;
    }

    void add(final Subscriber s) {
        subscribers.add(s);
    }

    void remove(final Subscriber s) {
        subscribers.remove(s);
    }

    int size() {
        return subscribers.size();
    }

    void publish(final FeedEvent e) {
        for (final Subscriber s : subscribers) {
            s.offer(e);
        }
    }

    private void heartbeat() {
        for (final Subscriber s : subscribers) {
            s.heartbeat();
        }
    }

    @Override
    public void close() {
        heartbeats.shutdownNow();
        for (final Subscriber s : subscribers) {
            s.close();
        }
        senders.shutdown();
        try {
            if (!senders.awaitTermination(2, TimeUnit.SECONDS)) {
                senders.shutdownNow();
            }
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            senders.shutdownNow();
        }
    }

    private static ThreadFactory named(final String prefix) {
        final AtomicInteger n = new AtomicInteger();
        return r -> {
            final Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
