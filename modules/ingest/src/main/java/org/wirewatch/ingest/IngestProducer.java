package org.wirewatch.ingest;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wirewatch.common.Topics;
import org.wirewatch.schema.RejectedReport;
import org.wirewatch.schema.WireReport;
import org.wirewatch.serde.AvroSerdes;

/**
 * Writes WireReports to {@value Topics#RAW_REPORTS} (key: story uri, so every version of a story stays on one
 * partition, in order) and RejectedReports to {@value Topics#REJECTED_REPORTS} (key: source id).
 *
 * <p>One idempotent producer with {@code acks=all}, unbounded retries within {@code delivery.timeout.ms}, lz4
 * compression and large batches with a short linger (at 3 KB records the default 16 KiB batch halves throughput).
 * Every send returns a future that completes when the broker acknowledged the record, or fails with the delivery
 * error; failures are also counted and logged with the story id, never swallowed. {@link #close()} flushes, so
 * whoever closes it returns only after every in-flight record is acknowledged or failed.
 */
public final class IngestProducer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(IngestProducer.class);

    private final Producer<String, byte[]> producer;
    private final Serializer<WireReport> reportSerializer;
    private final Serializer<RejectedReport> rejectedSerializer;
    private final Duration closeTimeout;
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicBoolean closed = new AtomicBoolean();

    IngestProducer(
            Producer<String, byte[]> producer,
            Serializer<WireReport> reportSerializer,
            Serializer<RejectedReport> rejectedSerializer,
            Duration closeTimeout) {
        this.producer = Objects.requireNonNull(producer, "producer");
        this.reportSerializer = Objects.requireNonNull(reportSerializer, "reportSerializer");
        this.rejectedSerializer = Objects.requireNonNull(rejectedSerializer, "rejectedSerializer");
        this.closeTimeout = closeTimeout;
    }

    /**
     * A producer for the given cluster.
     *
     * @param kafka       client settings: at least {@code bootstrap.servers}; anything else (security, and
     *                    overrides of the defaults below) is passed through
     * @param registryUrl schema registry URL ({@code mock://scope} in tests)
     * @param serdeConfig further serde settings (registry auth...), may be empty
     */
    public static IngestProducer create(Map<String, ?> kafka, String registryUrl, Map<String, ?> serdeConfig) {
        Map<String, Object> props = new HashMap<>(defaults());
        props.putAll(kafka);
        // Whatever the passthrough says, these make the delivery promise; they are not tunables.
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        return new IngestProducer(
                new KafkaProducer<>(props),
                AvroSerdes.of(WireReport.class, registryUrl, serdeConfig, false).serializer(),
                AvroSerdes.of(RejectedReport.class, registryUrl, serdeConfig, false)
                        .serializer(),
                Duration.ofSeconds(30));
    }

    /** The producer settings Wirewatch uses unless the passthrough overrides them. */
    public static Map<String, Object> defaults() {
        return Map.of(
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4",
                ProducerConfig.BATCH_SIZE_CONFIG, 1_000_000,
                ProducerConfig.LINGER_MS_CONFIG, 10,
                ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 120_000,
                ProducerConfig.CLIENT_ID_CONFIG, "wirewatch-ingest");
    }

    /** Sends one report to the raw topic; the future completes once the broker has it. */
    public CompletableFuture<RecordMetadata> send(WireReport report) {
        return send(
                Topics.RAW_REPORTS,
                report.getUri(),
                () -> reportSerializer.serialize(Topics.RAW_REPORTS, report),
                "report " + report.getUri() + " v" + report.getVersion());
    }

    /** Sends one rejection to the rejected topic; the future completes once the broker has it. */
    public CompletableFuture<RecordMetadata> send(RejectedReport rejected) {
        return send(
                Topics.REJECTED_REPORTS,
                rejected.getSourceId(),
                () -> rejectedSerializer.serialize(Topics.REJECTED_REPORTS, rejected),
                "rejection of " + rejected.getSourceId());
    }

    private CompletableFuture<RecordMetadata> send(String topic, String key, Supplier<byte[]> value, String what) {
        CompletableFuture<RecordMetadata> future = new CompletableFuture<>();
        if (closed.get()) {
            future.completeExceptionally(new IllegalStateException("ingest producer is closed; " + what + " not sent"));
            return future;
        }
        try {
            producer.send(new ProducerRecord<>(topic, key, value.get()), (metadata, error) -> {
                if (error == null) {
                    sent.incrementAndGet();
                    future.complete(metadata);
                } else {
                    failed.incrementAndGet();
                    LOG.error("Delivery to {} failed for {}: {}", topic, what, error.toString());
                    future.completeExceptionally(error);
                }
            });
        } catch (RuntimeException e) {
            // Serialization (registry unreachable), buffer exhaustion or a closed producer throw before sending.
            failed.incrementAndGet();
            LOG.error("Could not send {} to {}: {}", what, topic, e.toString());
            future.completeExceptionally(e);
        }
        return future;
    }

    /** Records acknowledged by the broker so far. */
    public long acknowledged() {
        return sent.get();
    }

    /** Records that failed delivery so far (after the producer's own retries). */
    public long failures() {
        return failed.get();
    }

    /** Blocks until every record sent so far is acknowledged or failed. */
    public void flush() {
        producer.flush();
    }

    /** Flushes what is in flight, then closes; idempotent. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            try {
                producer.flush();
            } finally {
                producer.close(closeTimeout);
                LOG.info("Ingest producer closed: {} records acknowledged, {} failed", sent.get(), failed.get());
            }
        }
    }
}
