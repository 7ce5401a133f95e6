package org.wirewatch.serde;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes generated Avro records in Confluent's wire format: magic byte 0, the 4-byte big-endian id of the
 * record's schema in the registry, then the Avro binary encoding. Readable by Confluent's deserializers in any
 * language.
 *
 * <p>The subject is chosen by the subject name strategy ({@code <topic>-value} / {@code <topic>-key} by
 * default). With {@code auto.register.schemas=true} (the default) the schema is registered on first use;
 * otherwise it must already be registered under the subject. Ids are cached per topic and schema, writers per schema,
 * so the registry is asked once per subject and schema. A null record is written as null (a tombstone).
 * Configuration: {@link AvroSerdeConfig}, {@link SchemaRegistryClientConfig}. Thread-safe.
 */
public class AvroSerializer<T extends SpecificRecord> implements Serializer<T> {

    private static final int MAX_KEPT_BUFFER = 1 << 20;
    // Producers serialize on the sending thread: one buffer and encoder per thread avoids regrowing both each time.
    private static final ThreadLocal<Buffer> BUFFERS = ThreadLocal.withInitial(Buffer::new);

    private SchemaRegistryClient client;
    private boolean isKey;
    private boolean autoRegister = true;
    private SubjectNameStrategy strategy = SubjectNameStrategy.TOPIC_NAME;
    private final Map<String, Map<Schema, Integer>> ids = new ConcurrentHashMap<>();
    private final Map<Schema, DatumWriter<T>> writers = new ConcurrentHashMap<>();

    /** For construction by Kafka from configuration; {@link #configure} must follow. */
    public AvroSerializer() {}

    /** Uses {@code client}; {@link #configure} may still set the other settings (its URL is then ignored). */
    public AvroSerializer(SchemaRegistryClient client) {
        this.client = Objects.requireNonNull(client, "client");
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        this.isKey = isKey;
        this.autoRegister = AvroSerdeConfig.autoRegister(configs);
        this.strategy = AvroSerdeConfig.strategy(configs, isKey);
        if (client == null) {
            client = SchemaRegistryClients.fromConfig(configs);
        }
    }

    @Override
    public byte[] serialize(String topic, T data) {
        if (data == null) {
            return null;
        }
        if (client == null) {
            throw new SerializationException("AvroSerializer for topic '" + topic + "' is not configured: set "
                    + AvroSerdeConfig.SCHEMA_REGISTRY_URL + " or pass a registry client");
        }
        Schema schema = data.getSchema();
        int id = schemaId(topic, schema);
        try {
            Buffer buffer = BUFFERS.get();
            ByteArrayOutputStream out = buffer.out;
            out.reset();
            out.write(WireFormat.MAGIC_BYTE);
            out.write(id >>> 24);
            out.write(id >>> 16);
            out.write(id >>> 8);
            out.write(id);
            BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, buffer.encoder);
            buffer.encoder = encoder;
            writer(data, schema).write(data, encoder);
            encoder.flush();
            byte[] bytes = out.toByteArray();
            if (out.size() > MAX_KEPT_BUFFER) {
                // Do not pin one outsized record's buffer to the thread for good.
                BUFFERS.remove();
            }
            return bytes;
        } catch (IOException | RuntimeException e) {
            // The encoder may hold part of the failed record; it must not reach the next one.
            BUFFERS.remove();
            throw new SerializationException(
                    "Cannot serialize " + schema.getFullName() + " for topic '" + topic
                            + "' (subject '" + strategy.subject(topic, isKey, schema) + "', schema id " + id + "): "
                            + e.getMessage(),
                    e);
        }
    }

    private int schemaId(String topic, Schema schema) {
        // Looked up by topic and schema, so the hot path builds no subject name: a topic and a schema always give
        // the same subject under any strategy.
        Map<Schema, Integer> forTopic = ids.computeIfAbsent(topic, t -> new ConcurrentHashMap<>());
        Integer cached = forTopic.get(schema);
        if (cached != null) {
            return cached;
        }
        String subject = strategy.subject(topic, isKey, schema);
        int id;
        try {
            if (autoRegister) {
                id = client.register(subject, schema);
            } else {
                id = client.lookup(subject, schema)
                        .map(SchemaMetadata::id)
                        .orElseThrow(() -> new SerializationException("Schema " + schema.getFullName()
                                + " is not registered under subject '"
                                + subject + "' at " + client.url() + " and " + AvroSerdeConfig.AUTO_REGISTER_SCHEMAS
                                + "=false (topic '" + topic + "')"));
            }
        } catch (SchemaRegistryException e) {
            throw new SerializationException(
                    "Cannot get a schema id for " + schema.getFullName() + " on topic '" + topic + "' (subject '"
                            + subject + "') from " + client.url() + ": " + e.getMessage(),
                    e);
        }
        forTopic.put(schema, id);
        return id;
    }

    private DatumWriter<T> writer(T data, Schema schema) {
        DatumWriter<T> writer = writers.get(schema);
        if (writer == null) {
            writer = new SpecificDatumWriter<>(schema, writingModel(data.getClass()));
            writers.put(schema, writer);
        }
        return writer;
    }

    /**
     * The model a writer of {@code type} uses: the class's own logical-type conversions (Instant, LocalDate), with
     * the generated classes' custom encoders switched on. Avro generates a {@code customEncode} for every record
     * without logical types (claims, actors, figures, places, evidence spans) but uses it only when the model says so
     * (off by default); it writes the same bytes as the reflective writer in about half the time. A model of its
     * own, so the generated class's shared one (which its readers use) is left as it is.
     */
    public static SpecificData writingModel(Class<?> type) {
        SpecificData model = new SpecificData(type.getClassLoader());
        SpecificData.getForClass(type).getConversions().forEach(model::addLogicalTypeConversion);
        model.setCustomCoders(true);
        return model;
    }

    /** The registry this serializer uses (after configuration). */
    public SchemaRegistryClient client() {
        return client;
    }

    @Override
    public void close() {
        // The client may be shared (mock scopes, injected clients): its owner closes it.
    }

    private static final class Buffer {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
        private BinaryEncoder encoder;
    }
}
