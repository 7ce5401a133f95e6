package org.wirewatch.feed;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Re-reads the feed topics between two positions, for a client resuming from further back than the replay buffer.
 * Per partition the records come in offset order; compaction may have removed superseded versions, so such a
 * client receives the latest value of every key changed since its position (never a stale one, never a gap in
 * state).
 */
final class KafkaRangeReader implements Subscriber.RangeReader {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaRangeReader.class);

    private final Map<String, Object> props;
    private final FeedTopics topics;
    private final RecordDecoder decoder;
    private final FeedState state;
    private final Duration timeout;

    KafkaRangeReader(
            final Map<String, Object> kafkaProps,
            final FeedTopics topics,
            final RecordDecoder decoder,
            final FeedState state,
            final Duration timeout) {
        this.props = FeedConsumer.consumerProps(kafkaProps, "wirewatch-feed-resume");
        this.props.remove(org.apache.kafka.clients.consumer.ConsumerConfig.CLIENT_ID_CONFIG);
        this.topics = topics;
        this.decoder = decoder;
        this.state = state;
        this.timeout = timeout;
    }

    @Override
    public void read(final Position from, final Position to, final Consumer<FeedEvent> sink) throws Exception {
        final Map<TopicPartition, Long> remaining = new HashMap<>();
        for (final FeedEventType type : FeedEventType.values()) {
            for (int p = 0; p < to.partitions(type); p++) {
                if (from.next(type, p) < to.next(type, p)) {
                    remaining.put(new TopicPartition(topics.topic(type), p), to.next(type, p));
                }
            }
        }
        if (remaining.isEmpty()) {
            return;
        }
        final long deadline = System.nanoTime() + timeout.toNanos();
        try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(props)) {
            c.assign(remaining.keySet());
            for (final TopicPartition tp : remaining.keySet()) {
                c.seek(tp, from.next(topics.typeOf(tp.topic()).orElseThrow(), tp.partition()));
            }
            while (!remaining.isEmpty()) {
                if (System.nanoTime() > deadline) {
                    throw new TimeoutException("resume re-read did not reach " + remaining + " within " + timeout);
                }
                for (final ConsumerRecord<byte[], byte[]> r : c.poll(Duration.ofMillis(100))) {
                    final TopicPartition tp = new TopicPartition(r.topic(), r.partition());
                    final Long end = remaining.get(tp);
                    if (end == null || r.offset() >= end || r.key() == null) {
                        continue;
                    }
                    final FeedEventType type = topics.typeOf(r.topic()).orElseThrow();
                    final SpecificRecord value;
                    try {
                        value = decoder.decode(type, r.topic(), r.value());
                    } catch (final RuntimeException e) {
                        LOG.warn(
                                "Resume skipping undecodable record at {}-{}@{}: {}",
                                r.topic(),
                                r.partition(),
                                r.offset(),
                                e.toString());
                        continue;
                    }
                    sink.accept(state.event(
                            type,
                            new String(r.key(), StandardCharsets.UTF_8),
                            r.partition(),
                            r.offset(),
                            r.timestamp(),
                            value,
                            null));
                }
                remaining.keySet().removeIf(tp -> c.position(tp) >= remaining.get(tp));
            }
        }
    }
}
