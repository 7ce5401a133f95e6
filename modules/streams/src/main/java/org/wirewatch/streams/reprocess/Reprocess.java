package org.wirewatch.streams.reprocess;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
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
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.wirewatch.common.ReprocessHeaders;
import org.wirewatch.common.Topics;

/**
 * A reprocess run ({@code wirewatch reprocess}, {@code docs/architecture.md#semantics-11}): every report the archive
 * ({@value Topics#RAW_REPORTS}) holds when the run starts is copied, bytes as they are, to
 * {@value Topics#REPROCESS_REPORTS} on the same partition number, with the {@link ReprocessHeaders#RUN} header;
 * normalize extracts each copy again with the rules it runs and forwards only what changed. Then the run watches
 * normalize's committed offsets on the reprocess topic until every copy has been read.
 *
 * <p>Nothing here extracts or decides: the decisions are normalize's, under exactly-once, so stopping a run at any
 * point and starting it again is safe (copies of stories already re-extracted compare equal and write nothing).
 * Live reports keep arriving on the raw topic meanwhile and are read by the same tasks, interleaved with the copies;
 * a copy of a version a story has since left behind is a no-op. Plain clients only, so the same code runs against
 * the embedded broker and a cluster.
 */
public final class Reprocess {

    /** Where a run stands: {@code done} of {@code total} records (offsets, on a compacted topic a slight overcount). */
    public record Progress(String phase, long done, long total) {}

    /**
     * What a run sent: the copies lie in {@code [from, to)} of each reprocess partition.
     *
     * @param run    the run's start, the value of its header
     * @param copied reports copied (tombstones on the raw topic are skipped: nothing to extract)
     */
    public record Copy(Instant run, long copied, Map<TopicPartition, Long> from, Map<TopicPartition, Long> to) {
        public Copy {
            from = Map.copyOf(from);
            to = Map.copyOf(to);
        }

        /** Copies in the reprocess topic. */
        public long total() {
            return to.entrySet().stream()
                    .mapToLong(e -> e.getValue() - from.get(e.getKey()))
                    .sum();
        }
    }

    private static final Duration POLL = Duration.ofMillis(200);
    private static final long TIMEOUT_SECONDS = 30;

    private Reprocess() {}

    /**
     * Copies every report the archive holds now. The raw and the reprocess topic must have the same partition count
     * (the catalogue says so), since a copy must be read by the task that holds its story's state.
     */
    public static Copy copyArchive(
            final Admin admin,
            final Map<String, ?> clientProperties,
            final String bootstrapServers,
            final Instant run,
            final Consumer<Progress> progress) {
        final int partitions = partitions(admin, Topics.RAW_REPORTS);
        final int copies = partitions(admin, Topics.REPROCESS_REPORTS);
        if (copies != partitions) {
            throw new IllegalStateException(Topics.REPROCESS_REPORTS + " has " + copies + " partitions and "
                    + Topics.RAW_REPORTS + " " + partitions
                    + ": they must be equal, since normalize must read a copy where it"
                    + " read the original. Recreate " + Topics.REPROCESS_REPORTS + " with " + partitions
                    + " partitions.");
        }
        final List<TopicPartition> raw = new ArrayList<>();
        final List<TopicPartition> target = new ArrayList<>();
        for (int p = 0; p < partitions; p++) {
            raw.add(new TopicPartition(Topics.RAW_REPORTS, p));
            target.add(new TopicPartition(Topics.REPROCESS_REPORTS, p));
        }
        final Map<TopicPartition, Long> from = ends(admin, target);
        final byte[] header = run.toString().getBytes(StandardCharsets.UTF_8);
        final AtomicReference<Exception> failed = new AtomicReference<>();
        long copied = 0;
        try (KafkaConsumer<byte[], byte[]> consumer = consumer(clientProperties, bootstrapServers);
                KafkaProducer<byte[], byte[]> producer = producer(clientProperties, bootstrapServers)) {
            consumer.assign(raw);
            consumer.seekToBeginning(raw);
            final Map<TopicPartition, Long> begin = consumer.beginningOffsets(raw);
            // The archive as it is when the run starts; what arrives later is live and normalize reads it anyway.
            final Map<TopicPartition, Long> end = consumer.endOffsets(raw);
            final long total =
                    raw.stream().mapToLong(tp -> end.get(tp) - begin.get(tp)).sum();
            progress.accept(new Progress("sent", 0, total));
            while (raw.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                for (final ConsumerRecord<byte[], byte[]> r : consumer.poll(POLL)) {
                    if (r.offset() >= end.get(new TopicPartition(r.topic(), r.partition())) || r.value() == null) {
                        continue;
                    }
                    final RecordHeaders headers = new RecordHeaders(r.headers().toArray());
                    headers.remove(ReprocessHeaders.RUN);
                    headers.add(ReprocessHeaders.RUN, header);
                    // No timestamp: the copy is stamped when sent, so Streams interleaves it with live reports instead
                    // of
                    // reading all the (older) copies first.
                    producer.send(
                            new ProducerRecord<>(
                                    Topics.REPROCESS_REPORTS, r.partition(), null, r.key(), r.value(), headers),
                            (meta, e) -> {
                                if (e != null) {
                                    failed.compareAndSet(null, e);
                                }
                            });
                    copied++;
                }
                if (failed.get() != null) {
                    break;
                }
                progress.accept(new Progress(
                        "sent",
                        raw.stream()
                                .mapToLong(tp -> Math.min(consumer.position(tp), end.get(tp)) - begin.get(tp))
                                .sum(),
                        total));
            }
            producer.flush();
        }
        if (failed.get() != null) {
            throw new IllegalStateException(
                    "A copy could not be sent to " + Topics.REPROCESS_REPORTS + ": "
                            + failed.get().getMessage(),
                    failed.get());
        }
        return new Copy(run, copied, from, ends(admin, target));
    }

    /**
     * How many copies of {@code copy} the normalize application {@code group} has read: its committed offsets on the
     * reprocess topic, within the run's range. Exactly-once commits them with the extractions they led to.
     */
    public static long reextracted(final Admin admin, final String group, final Copy copy) {
        try {
            final Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata()
                    .get(TIMEOUT_SECONDS, java.util.concurrent.TimeUnit.SECONDS);
            long done = 0;
            for (final Map.Entry<TopicPartition, Long> to : copy.to().entrySet()) {
                final long from = copy.from().get(to.getKey());
                final OffsetAndMetadata c = committed.get(to.getKey());
                final long at = c == null ? from : Math.max(from, Math.min(c.offset(), to.getValue()));
                done += at - from;
            }
            return done;
        } catch (final ExecutionException | java.util.concurrent.TimeoutException e) {
            // The group may not exist yet (normalize not started): nothing read.
            return 0;
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the offsets of " + group, e);
        }
    }

    /**
     * Waits until normalize ({@code group}) has read every copy of the run, reporting progress; false when
     * {@code timeout} passed first (the run can be watched again, or repeated: both are safe).
     */
    public static boolean awaitReextracted(
            final Admin admin,
            final String group,
            final Copy copy,
            final Duration timeout,
            final Consumer<Progress> progress)
            throws InterruptedException {
        final long deadline = System.nanoTime() + timeout.toNanos();
        final long total = copy.total();
        while (true) {
            final long done = reextracted(admin, group, copy);
            progress.accept(new Progress("re-extracted", done, total));
            if (done >= total) {
                return true;
            }
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(POLL.toMillis());
        }
    }

    private static int partitions(final Admin admin, final String topic) {
        try {
            final TopicDescription d = admin.describeTopics(List.of(topic))
                    .allTopicNames()
                    .get(TIMEOUT_SECONDS, java.util.concurrent.TimeUnit.SECONDS)
                    .get(topic);
            return d.partitions().size();
        } catch (final ExecutionException e) {
            throw new IllegalStateException(
                    "Cannot describe " + topic + " (does it exist? 'wirewatch run' creates the"
                            + " catalogue topics, ops/topic-init.sh on a cluster): "
                            + e.getCause().getMessage(),
                    e.getCause());
        } catch (final java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("Cannot describe " + topic + ": no answer in " + TIMEOUT_SECONDS + " s", e);
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while describing " + topic, e);
        }
    }

    private static Map<TopicPartition, Long> ends(final Admin admin, final List<TopicPartition> partitions) {
        final Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        partitions.forEach(tp -> latest.put(tp, OffsetSpec.latest()));
        try {
            final Map<TopicPartition, Long> out = new HashMap<>();
            admin.listOffsets(latest)
                    .all()
                    .get(TIMEOUT_SECONDS, java.util.concurrent.TimeUnit.SECONDS)
                    .forEach((tp, info) -> out.put(tp, info.offset()));
            return out;
        } catch (final ExecutionException e) {
            throw new IllegalStateException(
                    "Cannot read the end offsets of " + partitions + ": "
                            + e.getCause().getMessage(),
                    e.getCause());
        } catch (final java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("Cannot read the end offsets of " + partitions + ": no answer", e);
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading end offsets", e);
        }
    }

    private static KafkaConsumer<byte[], byte[]> consumer(
            final Map<String, ?> clientProperties, final String bootstrapServers) {
        final Map<String, Object> p = new HashMap<>(clientProperties);
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
        return new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    private static KafkaProducer<byte[], byte[]> producer(
            final Map<String, ?> clientProperties, final String bootstrapServers) {
        final Map<String, Object> p = new HashMap<>(clientProperties);
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.LINGER_MS_CONFIG, 10);
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, 1_000_000);
        return new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer());
    }
}
