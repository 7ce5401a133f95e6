package org.wirewatch.sink;

import java.sql.SQLException;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wirewatch.common.Stage;
import org.wirewatch.common.Topics;
import org.wirewatch.schema.CasualtyTally;
import org.wirewatch.schema.Claim;
import org.wirewatch.schema.Incident;

/**
 * The {@code sink} stage: keeps the analytics store equal to the current state of {@value Topics#INCIDENTS},
 * {@value Topics#CLAIMS} and {@value Topics#TALLIES}, exactly once.
 *
 * <p>Each poll becomes one database transaction holding the row changes and the next offset of every partition
 * read ({@link AnalyticsStore#apply}). Offsets are never committed to Kafka: on assignment the sink seeks to the
 * offsets stored in the database (or the beginning of a partition it has never read), so a crash anywhere, even a
 * SIGKILL between two statements, neither loses nor repeats a change. The consumer group only spreads partitions
 * over instances; a stale instance after a rebalance is fenced by a compare-and-set on the stored offset.
 *
 * <p>Reads {@code read_committed}, so aborted Streams transactions never reach the store. Records that cannot be
 * decoded go to {@code sink_dead_letters} with their coordinates and the error, in the same transaction.
 */
public final class AnalyticsSink implements Stage {

    private static final Logger LOG = LoggerFactory.getLogger(AnalyticsSink.class);

    /** Told after every committed transaction; for progress output and tests. */
    @FunctionalInterface
    public interface CommitListener {
        void committed(int records, Map<PartitionKey, Long> nextOffsets);
    }

    /** The value decoders of the three topics. */
    public record Decoders(
            Deserializer<Incident> incidents, Deserializer<Claim> claims, Deserializer<CasualtyTally> tallies) {}

    private final SinkConfig config;
    private final Map<String, Object> consumerProps;
    private final Decoders decoders;
    private final CommitListener listener;
    private final AtomicLong committedRecords = new AtomicLong();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final CountDownLatch stopRequested = new CountDownLatch(1);
    // Offsets this instance believes are stored, per assigned partition (absent: no row yet).
    private final Map<PartitionKey, Long> expected = new HashMap<>();

    private volatile boolean running;
    private volatile boolean healthy;
    private volatile boolean caughtUp;
    private volatile Thread thread;
    private volatile Consumer<byte[], byte[]> consumer;
    private AnalyticsStore store;

    /**
     * @param consumerProps bootstrap servers and any client settings (security); group, deserializers, isolation and
     *                      offset handling are set here
     */
    public AnalyticsSink(
            final SinkConfig config,
            final Map<String, Object> consumerProps,
            final Decoders decoders,
            final CommitListener listener) {
        this.config = Objects.requireNonNull(config);
        this.consumerProps = Map.copyOf(consumerProps);
        this.decoders = Objects.requireNonNull(decoders);
        this.listener = listener == null ? (n, o) -> {} : listener;
    }

    @Override
    public String name() {
        return "sink";
    }

    @Override
    public void start() throws SQLException {
        store = AnalyticsStore.open(config);
        final Map<String, Object> props = new HashMap<>(consumerProps);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, config.groupId());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, config.groupId());
        consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        running = true;
        healthy = true;
        final Thread t = new Thread(this::loop, "wirewatch-sink");
        t.setDaemon(true);
        thread = t;
        t.start();
        LOG.info("Sink started: {} -> {} (group {})", topics(), config.maskedUrl(), config.groupId());
    }

    private static List<String> topics() {
        return List.of(Topics.INCIDENTS, Topics.CLAIMS, Topics.TALLIES);
    }

    /** Ready while the loop runs and its last transaction succeeded. */
    @Override
    public boolean ready() {
        return running && healthy;
    }

    /** True when the last poll left no lag on any assigned partition. */
    public boolean caughtUp() {
        return caughtUp;
    }

    /** Records committed to the store since start (superseded ones included). */
    public long committedRecords() {
        return committedRecords.get();
    }

    /** The consumer group, which is also the key of the stored offsets. */
    public String groupId() {
        return config.groupId();
    }

    /** The store this stage writes, for read connections ({@link AnalyticsStore#openReader()}). */
    public AnalyticsStore store() {
        return store;
    }

    private void loop() {
        Duration backoff = Duration.ofMillis(200);
        try {
            consumer.subscribe(topics(), new SeekToStoredOffsets());
            while (running) {
                final ConsumerRecords<byte[], byte[]> records = consumer.poll(config.pollTimeout());
                if (records.isEmpty()) {
                    caughtUp = lagIsZero();
                    continue;
                }
                final ChangeBatch batch = toBatch(records);
                try {
                    final long t0 = System.nanoTime();
                    store.apply(config.groupId(), batch, expected);
                    LOG.debug(
                            "Committed {} records in {} ms, offsets {}",
                            batch.records(),
                            (System.nanoTime() - t0) / 1_000_000,
                            batch.nextOffsets());
                    expected.putAll(batch.nextOffsets());
                    committedRecords.addAndGet(batch.records());
                    healthy = true;
                    backoff = Duration.ofMillis(200);
                    caughtUp = lagIsZero();
                    listener.committed(batch.records(), batch.nextOffsets());
                } catch (final FencedException e) {
                    LOG.warn("Sink fenced, re-reading its offsets from the store: {}", e.getMessage());
                    seekToStored(consumer.assignment());
                } catch (final SQLException e) {
                    healthy = false;
                    LOG.error(
                            "Analytics store transaction failed ({} records, offsets {}); retrying in {}: {}",
                            batch.records(),
                            batch.nextOffsets(),
                            backoff,
                            e.getMessage());
                    if (!pause(backoff)) {
                        break;
                    }
                    backoff = min(backoff.multipliedBy(2), config.maxRetryBackoff());
                    seekToStored(consumer.assignment());
                }
            }
        } catch (final WakeupException e) {
            if (running) {
                LOG.error("Sink woken up unexpectedly", e);
            }
        } catch (final RuntimeException e) {
            healthy = false;
            LOG.error("Sink stopped by an unexpected failure", e);
        } finally {
            running = false;
            try {
                consumer.close(Duration.ofSeconds(5));
            } catch (final RuntimeException e) {
                LOG.warn("Closing the sink consumer failed: {}", e.getMessage());
            }
            stopped.countDown();
        }
    }

    private ChangeBatch toBatch(final ConsumerRecords<byte[], byte[]> records) {
        final ChangeBatch batch = new ChangeBatch();
        for (final ConsumerRecord<byte[], byte[]> r : records) {
            final String key = r.key() == null ? null : new String(r.key(), java.nio.charset.StandardCharsets.UTF_8);
            final Table<?> table = AnalyticsTables.forTopic(r.topic());
            if (key == null) {
                batch.deadLetter(
                        new ChangeBatch.DeadLetter(r.topic(), r.partition(), r.offset(), null, "record without key"));
                LOG.warn(
                        "Record without key at {}-{}@{} parked in sink_dead_letters",
                        r.topic(),
                        r.partition(),
                        r.offset());
                continue;
            }
            try {
                batch.put(table, key, decode(r), r.partition(), r.offset());
            } catch (final RuntimeException e) {
                batch.deadLetter(new ChangeBatch.DeadLetter(r.topic(), r.partition(), r.offset(), key, e.toString()));
                LOG.warn(
                        "Undecodable record at {}-{}@{} (key {}) parked in sink_dead_letters: {}",
                        r.topic(),
                        r.partition(),
                        r.offset(),
                        key,
                        e.toString());
            }
        }
        return batch;
    }

    private Object decode(final ConsumerRecord<byte[], byte[]> r) {
        if (r.value() == null) {
            return null;
        }
        return switch (r.topic()) {
            case Topics.INCIDENTS -> decoders.incidents().deserialize(r.topic(), r.headers(), r.value());
            case Topics.CLAIMS -> decoders.claims().deserialize(r.topic(), r.headers(), r.value());
            case Topics.TALLIES -> decoders.tallies().deserialize(r.topic(), r.headers(), r.value());
            default -> throw new IllegalStateException("not a sink topic: " + r.topic());
        };
    }

    private boolean lagIsZero() {
        for (final TopicPartition tp : consumer.assignment()) {
            final var lag = consumer.currentLag(tp);
            if (lag.isEmpty() || lag.getAsLong() > 0) {
                return false;
            }
        }
        return !consumer.assignment().isEmpty();
    }

    private void seekToStored(final Collection<TopicPartition> partitions) {
        if (partitions.isEmpty()) {
            return;
        }
        final Map<PartitionKey, Long> stored;
        try {
            stored = store.storedOffsets(config.groupId());
        } catch (final SQLException e) {
            // The next transaction fails the same way and is retried with backoff; keep the current positions.
            LOG.error("Cannot read stored offsets: {}", e.getMessage());
            healthy = false;
            return;
        }
        final Set<TopicPartition> fromStart = new HashSet<>();
        for (final TopicPartition tp : partitions) {
            final PartitionKey k = new PartitionKey(tp.topic(), tp.partition());
            final Long next = stored.get(k);
            if (next == null) {
                expected.remove(k);
                fromStart.add(tp);
            } else {
                expected.put(k, next);
                consumer.seek(tp, next);
            }
        }
        if (!fromStart.isEmpty()) {
            consumer.seekToBeginning(fromStart);
        }
        LOG.info(
                "Sink positions from the store: {}; from the beginning: {}",
                partitions.stream()
                        .filter(tp -> !fromStart.contains(tp))
                        .collect(Collectors.toMap(
                                TopicPartition::toString,
                                tp -> stored.get(new PartitionKey(tp.topic(), tp.partition())))),
                fromStart);
    }

    private final class SeekToStoredOffsets implements ConsumerRebalanceListener {
        @Override
        public void onPartitionsAssigned(final Collection<TopicPartition> partitions) {
            seekToStored(partitions);
        }

        @Override
        public void onPartitionsRevoked(final Collection<TopicPartition> partitions) {
            // Every batch is committed before the next poll, so nothing is in flight; forget what we no longer own.
            partitions.forEach(tp -> expected.remove(new PartitionKey(tp.topic(), tp.partition())));
        }
    }

    private boolean pause(final Duration d) {
        try {
            return !stopRequested.await(d.toMillis(), TimeUnit.MILLISECONDS) && running;
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static Duration min(final Duration a, final Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    @Override
    public void close() {
        if (thread == null) {
            return;
        }
        running = false;
        stopRequested.countDown();
        final Consumer<byte[], byte[]> c = consumer;
        if (c != null) {
            c.wakeup();
        }
        try {
            if (!stopped.await(15, TimeUnit.SECONDS)) {
                LOG.warn("Sink did not stop within 15 s");
            }
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (store != null) {
            store.close();
        }
        thread = null;
        LOG.info("Sink stopped after {} records", committedRecords.get());
    }
}
