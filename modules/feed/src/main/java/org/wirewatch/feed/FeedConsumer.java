package org.wirewatch.feed;

import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wirewatch.common.ReprocessHeaders;

/**
 * The feed's one consumer: assigns every partition of the four topics, reads them from the beginning (they are
 * compacted, so this rebuilds the latest state), and applies each record to the {@link FeedState}. No consumer group
 * and no commits: every feed instance holds the whole view.
 */
final class FeedConsumer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FeedConsumer.class);

    private final Map<String, Object> props;
    private final FeedTopics topics;
    private final RecordDecoder decoder;
    private final FeedState state;
    private final FeedMetrics metrics;
    private final Thread thread;
    private volatile KafkaConsumer<byte[], byte[]> consumer;
    private volatile boolean running = true;
    private volatile boolean caughtUp;
    private volatile Throwable failure;

    FeedConsumer(
            final Map<String, Object> kafkaProps,
            final FeedTopics topics,
            final RecordDecoder decoder,
            final FeedState state,
            final FeedMetrics metrics) {
        this.props = consumerProps(kafkaProps, "wirewatch-feed");
        this.topics = topics;
        this.decoder = decoder;
        this.state = state;
        this.metrics = metrics;
        this.thread = new Thread(this::run, "feed-consumer");
        this.thread.setDaemon(true);
    }

    /** Consumer settings for reading feed topics by assignment: no group, no commits, bytes in. */
    static Map<String, Object> consumerProps(final Map<String, Object> kafkaProps, final String clientId) {
        final Map<String, Object> p = new HashMap<>(kafkaProps);
        p.remove(ConsumerConfig.GROUP_ID_CONFIG);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        p.putIfAbsent(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1000);
        // Small fetch wait: the feed is about latency, and one local consumer costs little.
        p.putIfAbsent(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 50);
        return p;
    }

    void start() {
        thread.start();
    }

    boolean caughtUp() {
        return caughtUp && failure == null;
    }

    Throwable failure() {
        return failure;
    }

    private void run() {
        try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(props)) {
            consumer = c;
            final KafkaClientMetrics kafkaMetrics = new KafkaClientMetrics(c);
            kafkaMetrics.bindTo(metrics.registry());
            try {
                loop(c);
            } finally {
                kafkaMetrics.close();
            }
        } catch (final WakeupException e) {
            if (running) {
                failure = e;
            }
        } catch (final Throwable e) {
            failure = e;
            LOG.error("Feed consumer stopped: {}", e.toString(), e);
        }
    }

    private void loop(final KafkaConsumer<byte[], byte[]> c) {
        final List<TopicPartition> assigned = discover(c);
        if (assigned == null) {
            return;
        }
        c.assign(assigned);
        c.seekToBeginning(assigned);
        final Map<TopicPartition, Long> begin = c.beginningOffsets(assigned);
        begin.forEach((tp, off) -> state.seed(topics.typeOf(tp.topic()).orElseThrow(), tp.partition(), off));
        final Map<TopicPartition, Long> end = c.endOffsets(assigned);
        LOG.info(
                "Feed reading {} partitions of {}; initial load up to {}",
                assigned.size(),
                topics.asMap().values(),
                end);
        while (running) {
            final ConsumerRecords<byte[], byte[]> records = c.poll(Duration.ofMillis(200));
            for (final ConsumerRecord<byte[], byte[]> r : records) {
                apply(r);
            }
            if (!caughtUp && end.entrySet().stream().allMatch(e -> c.position(e.getKey()) >= e.getValue())) {
                caughtUp = true;
                LOG.info(
                        "Feed caught up: {} incidents, {} claims, {} tallies, {} alerts",
                        state.view().incidentCount(),
                        state.view().claimCount(),
                        state.view().tallyCount(),
                        state.view().alertCount());
            }
        }
    }

    private List<TopicPartition> discover(final KafkaConsumer<byte[], byte[]> c) {
        // Topics may not exist yet when the feed starts beside the stages that create them: wait, without failing.
        long waited = 0;
        while (running) {
            final List<TopicPartition> all = new ArrayList<>();
            final List<String> missing = new ArrayList<>();
            for (final FeedEventType t : FeedEventType.values()) {
                List<PartitionInfo> infos;
                try {
                    infos = c.partitionsFor(topics.topic(t), Duration.ofSeconds(5));
                } catch (final org.apache.kafka.common.errors.TimeoutException e) {
                    infos = List.of();
                }
                if (infos == null || infos.isEmpty()) {
                    missing.add(topics.topic(t));
                } else {
                    infos.forEach(i -> all.add(new TopicPartition(i.topic(), i.partition())));
                }
            }
            if (missing.isEmpty()) {
                return all;
            }
            if (waited % 30 == 0) {
                LOG.warn("Feed waiting for topics {} to exist", missing);
            }
            waited++;
            try {
                Thread.sleep(1000);
            } catch (final InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
        return null;
    }

    private void apply(final ConsumerRecord<byte[], byte[]> r) {
        final FeedEventType type = topics.typeOf(r.topic()).orElseThrow();
        metrics.consumed(type);
        if (r.key() == null) {
            LOG.warn("Feed skipping record without key at {}-{}@{}", r.topic(), r.partition(), r.offset());
            metrics.undecodable();
            state.skip(type, r.partition(), r.offset());
            return;
        }
        final SpecificRecord value;
        try {
            value = decoder.decode(type, r.topic(), r.value());
        } catch (final RuntimeException e) {
            LOG.warn(
                    "Feed skipping undecodable record at {}-{}@{}: {}",
                    r.topic(),
                    r.partition(),
                    r.offset(),
                    e.toString());
            metrics.undecodable();
            state.skip(type, r.partition(), r.offset());
            return;
        }
        final String key = new String(r.key(), StandardCharsets.UTF_8);
        if (type == FeedEventType.INCIDENT) {
            state.view().reprocessed(key, reprocessRun(r));
        }
        state.apply(type, key, r.partition(), r.offset(), r.timestamp(), value);
    }

    /** The reprocess run that caused this record ({@link ReprocessHeaders#RUN}), or null. */
    private static java.time.Instant reprocessRun(final ConsumerRecord<byte[], byte[]> r) {
        final org.apache.kafka.common.header.Header h = r.headers().lastHeader(ReprocessHeaders.RUN);
        if (h == null) {
            return null;
        }
        try {
            return java.time.Instant.parse(new String(h.value(), StandardCharsets.UTF_8));
        } catch (final java.time.format.DateTimeParseException e) {
            LOG.warn(
                    "Feed ignoring an unreadable {} header at {}-{}@{}: {}",
                    ReprocessHeaders.RUN,
                    r.topic(),
                    r.partition(),
                    r.offset(),
                    e.getMessage());
            return null;
        }
    }

    @Override
    public void close() {
        running = false;
        final KafkaConsumer<byte[], byte[]> c = consumer;
        if (c != null) {
            c.wakeup();
        }
        try {
            thread.join(5_000);
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
