package org.wirewatch.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wirewatch.common.TopicSpec;
import org.wirewatch.common.Topics;
import org.wirewatch.common.config.CoreConfig;
import org.wirewatch.common.json.AvroJson;
import org.wirewatch.serde.AvroDeserializer;
import org.wirewatch.serde.AvroSerdeConfig;
import org.wirewatch.serde.SchemaRegistryClient;
import org.wirewatch.serde.SchemaRegistryClients;
import org.wirewatch.serde.WireFormat;

/**
 * Prints a topic's records as plain JSON, one per line (what {@code wirewatch tail} does). Values in the Confluent
 * wire format are decoded through the schema registry into the topic's value type from the catalogue (or, for
 * other topics, the generated class named by the writer schema) and printed with {@link AvroJson}; other values
 * (the registry's own topic, dead letters) are printed as JSON if they are JSON, else as a string. Tombstones print
 * as {@code null}.
 *
 * <p>Reads from the beginning of every partition without a consumer group (nothing is committed) and sees only
 * committed transactions. Without {@code follow} it stops at the end offsets seen at start.
 */
public final class TopicTail implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TopicTail.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration METADATA_TIMEOUT = Duration.ofSeconds(15);

    /**
     * @param topic   topic to read
     * @param follow  keep waiting for new records instead of stopping at the end
     * @param max     stop after this many records; 0 for no limit
     * @param timeout stop after this long; null for no limit
     * @param keys    print an envelope with key, partition, offset and timestamp around each value
     */
    public record Options(String topic, boolean follow, long max, Duration timeout, boolean keys) {
        public Options {
            Objects.requireNonNull(topic, "topic");
            if (max < 0) {
                throw new IllegalArgumentException("max must be >= 0");
            }
        }
    }

    /** What a tail did. */
    public record Summary(long printed, long undecodable) {}

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final SchemaRegistryClient registry;
    private final Deserializer<SpecificRecord> deserializer;
    private final Options options;
    private final String bootstrapServers;
    private final AtomicBoolean stop = new AtomicBoolean();

    public TopicTail(CoreConfig core, Options options) {
        this.options = Objects.requireNonNull(options, "options");
        Map<String, Object> conf = new HashMap<>(core.kafkaClientProperties());
        this.bootstrapServers = core.bootstrapServers()
                .orElseThrow(() -> new IllegalArgumentException("tail needs a cluster: set --bootstrap-servers"));
        conf.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        conf.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        conf.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        conf.put(ConsumerConfig.CLIENT_ID_CONFIG, "wirewatch-tail");
        this.consumer = new KafkaConsumer<>(conf, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        this.registry = SchemaRegistryClients.forUrl(core.schemaRegistryUrl().toString(), core.kafkaClientProperties());
        this.deserializer = deserializerFor(options.topic(), registry, core);
    }

    @SuppressWarnings("unchecked")
    private static Deserializer<SpecificRecord> deserializerFor(
            String topic, SchemaRegistryClient registry, CoreConfig core) {
        Class<?> type = Topics.catalogue().stream()
                .filter(t -> t.name().equals(topic))
                .findFirst()
                .map(TopicSpec::valueType)
                .orElse(null);
        if (type != null && SpecificRecord.class.isAssignableFrom(type)) {
            return new AvroDeserializer<>((Class<SpecificRecord>) type, registry);
        }
        // Not in the catalogue: the deserializer finds the generated class from the writer schema's name.
        AvroDeserializer<SpecificRecord> byName = new AvroDeserializer<>();
        Map<String, Object> conf = new HashMap<>(core.kafkaClientProperties());
        conf.put(AvroSerdeConfig.SCHEMA_REGISTRY_URL, core.schemaRegistryUrl().toString());
        byName.configure(conf, false);
        return byName;
    }

    /** Reads and prints until the end (or forever with {@code follow}), the limit, the timeout or {@link #stop()}. */
    public Summary run(PrintWriter out) {
        List<PartitionInfo> partitions;
        try {
            partitions = consumer.partitionsFor(options.topic(), METADATA_TIMEOUT);
        } catch (org.apache.kafka.common.errors.TimeoutException e) {
            throw new IllegalStateException(
                    "No answer from Kafka at " + bootstrapServers + " within "
                            + METADATA_TIMEOUT.toSeconds() + " s: is it running? ('wirewatch run' starts the embedded"
                            + " default on localhost:9092)",
                    e);
        }
        if (partitions == null || partitions.isEmpty()) {
            throw new IllegalArgumentException(
                    "Topic '" + options.topic() + "' does not exist on " + "the cluster; catalogue topics: "
                            + Topics.catalogue().stream().map(TopicSpec::name).toList());
        }
        List<TopicPartition> assigned = partitions.stream()
                .map(p -> new TopicPartition(p.topic(), p.partition()))
                .toList();
        consumer.assign(assigned);
        consumer.seekToBeginning(assigned);
        Map<TopicPartition, Long> end = consumer.endOffsets(assigned);
        long deadline = options.timeout() == null
                ? Long.MAX_VALUE
                : System.nanoTime() + options.timeout().toNanos();
        long printed = 0;
        long undecodable = 0;
        try {
            while (!stop.get() && System.nanoTime() < deadline) {
                if (!options.follow() && reachedEnd(assigned, end)) {
                    break;
                }
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
                    try {
                        out.println(render(record));
                    } catch (SerializationException e) {
                        undecodable++;
                        LOG.warn(
                                "Cannot decode {}-{}@{}: {}",
                                record.topic(),
                                record.partition(),
                                record.offset(),
                                e.getMessage());
                        continue;
                    }
                    printed++;
                    if (options.max() > 0 && printed >= options.max()) {
                        out.flush();
                        return new Summary(printed, undecodable);
                    }
                }
                out.flush();
            }
        } catch (WakeupException e) {
            // stop() from another thread (Ctrl-C): a normal end
        }
        out.flush();
        return new Summary(printed, undecodable);
    }

    private boolean reachedEnd(List<TopicPartition> assigned, Map<TopicPartition, Long> end) {
        for (TopicPartition tp : assigned) {
            if (consumer.position(tp) < end.getOrDefault(tp, 0L)) {
                return false;
            }
        }
        return true;
    }

    private String render(ConsumerRecord<byte[], byte[]> record) {
        JsonNode value = value(record);
        if (!options.keys()) {
            return value.toString();
        }
        ObjectNode envelope = JSON.createObjectNode();
        envelope.put("topic", record.topic());
        envelope.put("partition", record.partition());
        envelope.put("offset", record.offset());
        envelope.put(
                "timestamp", java.time.Instant.ofEpochMilli(record.timestamp()).toString());
        envelope.put("key", record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8));
        envelope.set("value", value);
        return envelope.toString();
    }

    private JsonNode value(ConsumerRecord<byte[], byte[]> record) {
        byte[] data = record.value();
        if (data == null) {
            return JSON.nullNode();
        }
        if (WireFormat.headerProblem(data) == null) {
            SpecificRecord decoded = deserializer.deserialize(record.topic(), data);
            return AvroJson.toJsonNode(decoded);
        }
        String text = new String(data, StandardCharsets.UTF_8);
        try {
            return JSON.readTree(text);
        } catch (java.io.IOException e) {
            return JSON.getNodeFactory().textNode(text);
        }
    }

    /** Ends {@link #run} from another thread, e.g. a shutdown hook. */
    public void stop() {
        stop.set(true);
        consumer.wakeup();
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(5));
        try {
            registry.close();
        } catch (Exception e) {
            LOG.debug("Closing the registry client failed", e);
        }
    }
}
