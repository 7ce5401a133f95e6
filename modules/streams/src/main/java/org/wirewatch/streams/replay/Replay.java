package org.wirewatch.streams.replay;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.function.LongConsumer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.wirewatch.common.Publication;
import org.wirewatch.common.Topics;
import org.wirewatch.schema.CasualtyTally;
import org.wirewatch.schema.WireReport;

/**
 * A backfill through a running pipeline: produce reports to the raw topic in publication order, wait until every
 * Streams application has consumed everything upstream of it, and read the resulting tallies. Shared by the
 * {@code replay} command, the integration tests and the pipeline benchmark.
 */
public final class Replay {

    /** How long nothing may change before a caught-up pipeline counts as drained. */
    private static final Duration QUIET = Duration.ofSeconds(1);

    private Replay() {}

    /**
     * Reports in the order a live feed would have delivered them: when each version was published
     * ({@link Publication#ofVersion}), then story, then version. A backfill in this order lets every story's versions
     * arrive in sequence and keeps event-time state (the horizon) meaningful.
     */
    public static List<WireReport> inPublicationOrder(final Collection<WireReport> reports) {
        final List<WireReport> out = new ArrayList<>(reports);
        out.sort(Comparator.comparing(Publication::ofVersion)
                .thenComparing(WireReport::getUri)
                .thenComparingInt(WireReport::getVersion));
        return out;
    }

    /** A producer of raw reports: keyed by story uri, idempotent, batched for throughput. */
    public static KafkaProducer<String, WireReport> producer(
            final Map<String, ?> clientProperties, final String bootstrapServers, final Serde<WireReport> serde) {
        final Map<String, Object> p = new HashMap<>(clientProperties);
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.LINGER_MS_CONFIG, 10);
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, 1_000_000);
        return new KafkaProducer<>(p, new StringSerializer(), serde.serializer());
    }

    /**
     * Sends every report to the raw topic (in the given order), calling {@code progress} with the number sent so
     * far, and flushes; throws if any report could not be sent.
     */
    public static void produce(
            final KafkaProducer<String, WireReport> producer,
            final List<WireReport> reports,
            final LongConsumer progress) {
        final java.util.concurrent.atomic.AtomicReference<Exception> failed =
                new java.util.concurrent.atomic.AtomicReference<>();
        long n = 0;
        for (final WireReport r : reports) {
            // The record time is the time of sending, never the publication time: a raw topic with time retention (one
            // not yet migrated to the archive) would delete a backfill of older reports stamped with their own dates.
            producer.send(new ProducerRecord<>(Topics.RAW_REPORTS, r.getUri(), r), (meta, e) -> {
                if (e != null) {
                    failed.compareAndSet(null, e);
                }
            });
            progress.accept(++n);
            if (failed.get() != null) {
                break;
            }
        }
        producer.flush();
        if (failed.get() != null) {
            throw new IllegalStateException(
                    "A report could not be sent to " + Topics.RAW_REPORTS + ": "
                            + failed.get().getMessage(),
                    failed.get());
        }
    }

    /**
     * True when every group has consumed every record of its source topics. A committed offset short of the end is
     * still caught up when only transaction markers lie between (exactly-once writers leave one per commit), which
     * is checked by reading that stretch with read_committed isolation.
     */
    static boolean caughtUp(
            final Admin admin,
            final KafkaConsumer<byte[], byte[]> markerReader,
            final Map<String, Set<String>> sourceTopicsByGroup) {
        try {
            final Set<String> topics = new HashSet<>();
            sourceTopicsByGroup.values().forEach(topics::addAll);
            final Map<String, TopicDescription> described =
                    admin.describeTopics(topics).allTopicNames().get();
            final Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            described
                    .values()
                    .forEach(d -> d.partitions()
                            .forEach(
                                    p -> latest.put(new TopicPartition(d.name(), p.partition()), OffsetSpec.latest())));
            final Map<TopicPartition, Long> ends = new HashMap<>();
            admin.listOffsets(latest).all().get().forEach((tp, info) -> ends.put(tp, info.offset()));

            final Map<TopicPartition, Long> toCheck = new HashMap<>();
            for (final Map.Entry<String, Set<String>> group : sourceTopicsByGroup.entrySet()) {
                final Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group.getKey())
                        .partitionsToOffsetAndMetadata()
                        .get();
                for (final Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
                    if (!group.getValue().contains(end.getKey().topic()) || end.getValue() == 0) {
                        continue;
                    }
                    final OffsetAndMetadata c = committed.get(end.getKey());
                    final long at = c == null ? 0 : c.offset();
                    if (at < end.getValue()) {
                        toCheck.merge(end.getKey(), at, Math::min);
                    }
                }
            }
            return toCheck.isEmpty() || onlyMarkersLeft(markerReader, toCheck, ends);
        } catch (final ExecutionException e) {
            // A group or internal topic that does not exist yet: not caught up.
            return false;
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * A read_committed consumer that reads only to see whether anything but transaction markers is left: small
     * fetches, since one record is enough to answer, and one consumer for every check of a wait.
     */
    private static KafkaConsumer<byte[], byte[]> markerReader(
            final Map<String, ?> clientProperties, final String bootstrapServers) {
        final Map<String, Object> p = new HashMap<>(clientProperties);
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 64 * 1024);
        p.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 256 * 1024);
        return new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    private static boolean onlyMarkersLeft(
            final KafkaConsumer<byte[], byte[]> c,
            final Map<TopicPartition, Long> from,
            final Map<TopicPartition, Long> ends) {
        c.assign(from.keySet());
        from.forEach(c::seek);
        final long deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
        while (System.nanoTime() < deadline) {
            if (!c.poll(Duration.ofMillis(100)).isEmpty()) {
                return false;
            }
            if (from.keySet().stream().allMatch(tp -> c.position(tp) >= ends.get(tp))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Waits until the pipeline has caught up and no record has appeared anywhere for a second (the tally emits the
     * windows of changed days on a wall-clock interval, after its input is consumed), or the timeout passes.
     * Returns whether it caught up.
     */
    public static boolean awaitCaughtUp(
            final Admin admin,
            final Map<String, ?> clientProperties,
            final String bootstrapServers,
            final Map<String, Set<String>> sourceTopicsByGroup,
            final Duration timeout)
            throws InterruptedException {
        return caughtUpAt(
                        admin, clientProperties, bootstrapServers, sourceTopicsByGroup, timeout, Duration.ofMillis(200))
                .isPresent();
    }

    /**
     * Like {@link #awaitCaughtUp}, checking every {@code poll}; returns the {@link System#nanoTime()} at which the
     * final quiet state was first seen (when the last record appeared), so that a measurement does not count the
     * quiet second itself, or empty when the timeout passed first.
     */
    public static OptionalLong caughtUpAt(
            final Admin admin,
            final Map<String, ?> clientProperties,
            final String bootstrapServers,
            final Map<String, Set<String>> sourceTopicsByGroup,
            final Duration timeout,
            final Duration poll)
            throws InterruptedException {
        final long deadline = System.nanoTime() + timeout.toNanos();
        Map<TopicPartition, Long> before = null;
        long stableSince = 0;
        try (KafkaConsumer<byte[], byte[]> markerReader = markerReader(clientProperties, bootstrapServers)) {
            while (System.nanoTime() < deadline) {
                if (caughtUp(admin, markerReader, sourceTopicsByGroup)) {
                    final Map<TopicPartition, Long> now = endOffsets(admin, sourceTopicsByGroup);
                    if (!now.equals(before)) {
                        before = now;
                        stableSince = System.nanoTime();
                    } else if (System.nanoTime() - stableSince >= QUIET.toNanos()) {
                        return OptionalLong.of(stableSince);
                    }
                } else {
                    before = null;
                }
                Thread.sleep(poll.toMillis());
            }
        }
        return OptionalLong.empty();
    }

    private static Map<TopicPartition, Long> endOffsets(final Admin admin, final Map<String, Set<String>> groups)
            throws InterruptedException {
        final Set<String> topics = new HashSet<>(Set.of(Topics.TALLIES));
        groups.values().forEach(topics::addAll);
        try {
            final Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            admin.describeTopics(topics)
                    .allTopicNames()
                    .get()
                    .values()
                    .forEach(d -> d.partitions()
                            .forEach(
                                    p -> latest.put(new TopicPartition(d.name(), p.partition()), OffsetSpec.latest())));
            final Map<TopicPartition, Long> out = new HashMap<>();
            admin.listOffsets(latest).all().get().forEach((tp, info) -> out.put(tp, info.offset()));
            return out;
        } catch (final ExecutionException e) {
            return Map.of();
        }
    }

    /**
     * The tallies topic as a table: the latest committed value per key, tombstones removed, sorted by key.
     */
    public static TreeMap<String, CasualtyTally> readTallies(
            final Map<String, ?> clientProperties, final String bootstrapServers, final Serde<CasualtyTally> serde) {
        final TreeMap<String, CasualtyTally> out = new TreeMap<>();
        for (final ConsumerRecord<String, CasualtyTally> r :
                readTopic(clientProperties, bootstrapServers, Topics.TALLIES, serde.deserializer())) {
            if (r.value() == null) {
                out.remove(r.key());
            } else {
                out.put(r.key(), r.value());
            }
        }
        return out;
    }

    /**
     * Every committed record of a topic, from the beginning to the end it has now, in offset order per partition
     * (partitions one after another); keys as strings.
     */
    public static <V> List<ConsumerRecord<String, V>> readTopic(
            final Map<String, ?> clientProperties,
            final String bootstrapServers,
            final String topic,
            final Deserializer<V> values) {
        final Map<String, Object> p = new HashMap<>(clientProperties);
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
        final List<ConsumerRecord<String, V>> out = new ArrayList<>();
        try (KafkaConsumer<String, V> c = new KafkaConsumer<>(p, new StringDeserializer(), values)) {
            final List<TopicPartition> parts = c.partitionsFor(topic).stream()
                    .map(i -> new TopicPartition(i.topic(), i.partition()))
                    .sorted(Comparator.comparingInt(TopicPartition::partition))
                    .toList();
            c.assign(parts);
            c.seekToBeginning(parts);
            final Map<TopicPartition, Long> ends = c.endOffsets(parts);
            final Map<TopicPartition, List<ConsumerRecord<String, V>>> byPartition = new HashMap<>();
            while (parts.stream().anyMatch(tp -> c.position(tp) < ends.get(tp))) {
                for (final ConsumerRecord<String, V> r : c.poll(Duration.ofMillis(200))) {
                    byPartition
                            .computeIfAbsent(new TopicPartition(r.topic(), r.partition()), k -> new ArrayList<>())
                            .add(r);
                }
            }
            parts.forEach(tp -> out.addAll(byPartition.getOrDefault(tp, List.of())));
        }
        return out;
    }
}
