package org.wirewatch.feed;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The feed's own meters. Names follow Micrometer's dotted style; Prometheus shows them as
 * {@code wirewatch_feed_records_total{topic=...}}, {@code wirewatch_feed_sse_clients} and so on.
 */
final class FeedMetrics {

    private final MeterRegistry registry;
    private final Map<FeedEventType, Counter> records = new EnumMap<>(FeedEventType.class);
    private final Counter undecodable;
    private final Counter sent;
    private final Counter resumedFromBuffer;
    private final Counter resumedFromKafka;
    private final Timer deliveryLatency;
    private final Map<String, Counter> tallyAnswers = new java.util.concurrent.ConcurrentHashMap<>();

    FeedMetrics(final MeterRegistry registry, final FeedTopics topics) {
        this.registry = registry;
        for (final FeedEventType t : FeedEventType.values()) {
            records.put(
                    t,
                    Counter.builder("wirewatch.feed.records")
                            .description("Records consumed by the feed")
                            .tag("topic", topics.topic(t))
                            .register(registry));
        }
        undecodable = Counter.builder("wirewatch.feed.records.undecodable")
                .description("Records the feed could not decode and skipped (logged with topic/partition/offset)")
                .register(registry);
        sent = Counter.builder("wirewatch.feed.sse.events.sent")
                .description("SSE events written to clients")
                .register(registry);
        resumedFromBuffer = Counter.builder("wirewatch.feed.sse.resumes")
                .tag("source", "buffer")
                .description("SSE resumes with Last-Event-ID")
                .register(registry);
        resumedFromKafka = Counter.builder("wirewatch.feed.sse.resumes")
                .tag("source", "kafka")
                .description("SSE resumes with Last-Event-ID")
                .register(registry);
        deliveryLatency = Timer.builder("wirewatch.feed.sse.delivery.latency")
                .description("From the record timestamp to the SSE write of a live event")
                .publishPercentiles(0.5, 0.99)
                .publishPercentileHistogram(false)
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofMinutes(1))
                .register(registry);
    }

    void gauges(final Supplier<Number> clients, final Supplier<Number> bufferSize) {
        io.micrometer.core.instrument.Gauge.builder("wirewatch.feed.sse.clients", clients)
                .description("Connected SSE clients")
                .register(registry);
        io.micrometer.core.instrument.Gauge.builder("wirewatch.feed.replay.buffer.events", bufferSize)
                .description("Events held for Last-Event-ID resume")
                .register(registry);
    }

    void consumed(final FeedEventType type) {
        records.get(type).increment();
    }

    void undecodable() {
        undecodable.increment();
    }

    void sent(final long recordTimestamp, final boolean live) {
        sent.increment();
        if (live && recordTimestamp > 0) {
            final long ms = System.currentTimeMillis() - recordTimestamp;
            if (ms >= 0) {
                deliveryLatency.record(Duration.ofMillis(ms));
            }
        }
    }

    void resumed(final boolean fromBuffer) {
        (fromBuffer ? resumedFromBuffer : resumedFromKafka).increment();
    }

    /**
     * One tally question answered: {@code store} (the Streams stores, here or forwarded to the owner),
     * {@code topic} (the tallies topic view, stores unavailable), {@code peer} (a question another instance forwarded
     * here, answered from this instance's stores) or {@code unavailable} (503).
     */
    void tallyAnswered(final String answer) {
        tallyAnswers
                .computeIfAbsent(
                        answer,
                        a -> Counter.builder("wirewatch.feed.tally.queries")
                                .tag("answer", a)
                                .description("Tally questions by where their answer came from")
                                .register(registry))
                .increment();
    }

    MeterRegistry registry() {
        return registry;
    }
}
