package org.wirewatch.serde;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads records in Confluent's wire format into generated Avro classes, resolving the writer's schema (fetched
 * from the registry by the id in the record) against the reader's: the generated class's schema. So a consumer
 * built against a newer schema reads records written with an older one, and the other way round within the
 * compatibility rules. Writer schemas and readers are cached per schema id.
 *
 * <p>The class is given to the constructor, or by {@code specific.avro.value.type} / {@code specific.avro.key.type},
 * or else found from the writer schema's full name. Null bytes (a tombstone) give null. A record that is not in the
 * wire format, or whose schema id is unknown, fails with a {@link SerializationException} naming the topic, the
 * schema id and the reason. Thread-safe.
 */
public class AvroDeserializer<T extends SpecificRecord> implements Deserializer<T> {

    private SchemaRegistryClient client;
    private Class<T> type;
    private final Map<Integer, DatumReader<T>> readers = new ConcurrentHashMap<>();

    /** For construction by Kafka from configuration; {@link #configure} must follow. */
    public AvroDeserializer() {}

    /** Reads into {@code type}; {@link #configure} must follow to select the registry. */
    public AvroDeserializer(Class<T> type) {
        this.type = Objects.requireNonNull(type, "type");
    }

    /** Reads into {@code type} with {@code client}; ready to use without {@link #configure}. */
    public AvroDeserializer(Class<T> type, SchemaRegistryClient client) {
        this.type = Objects.requireNonNull(type, "type");
        this.client = Objects.requireNonNull(client, "client");
    }

    @Override
    @SuppressWarnings("unchecked")
    public void configure(Map<String, ?> configs, boolean isKey) {
        if (type == null) {
            Class<?> configured = AvroSerdeConfig.specificType(configs, isKey);
            if (configured != null) {
                if (!SpecificRecord.class.isAssignableFrom(configured)) {
                    throw new org.apache.kafka.common.config.ConfigException(
                            isKey ? AvroSerdeConfig.SPECIFIC_AVRO_KEY_TYPE : AvroSerdeConfig.SPECIFIC_AVRO_VALUE_TYPE,
                            configured.getName(),
                            "not a generated Avro class (SpecificRecord)");
                }
                type = (Class<T>) configured;
            }
        }
        if (client == null) {
            client = SchemaRegistryClients.fromConfig(configs);
        }
    }

    @Override
    public T deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        if (client == null) {
            throw new SerializationException("AvroDeserializer for topic '" + topic + "' is not configured: set "
                    + AvroSerdeConfig.SCHEMA_REGISTRY_URL + " or pass a registry client");
        }
        String problem = WireFormat.headerProblem(data);
        if (problem != null) {
            throw new SerializationException("Cannot deserialize record from topic '" + topic + "': " + problem);
        }
        int id = WireFormat.schemaId(data);
        DatumReader<T> reader = reader(topic, id);
        try {
            BinaryDecoder decoder = DecoderFactory.get()
                    .binaryDecoder(data, WireFormat.HEADER_SIZE, data.length - WireFormat.HEADER_SIZE, null);
            return reader.read(null, decoder);
        } catch (java.io.IOException | RuntimeException e) {
            throw new SerializationException(
                    "Cannot deserialize record from topic '" + topic + "' (schema id " + id
                            + "): the " + (data.length - WireFormat.HEADER_SIZE)
                            + " bytes after the header are not a valid record of the writer schema: " + e,
                    e);
        }
    }

    private DatumReader<T> reader(String topic, int id) {
        DatumReader<T> reader = readers.get(id);
        if (reader != null) {
            return reader;
        }
        Schema writer;
        try {
            writer = client.getById(id);
        } catch (SchemaRegistryException e) {
            String reason = e.isNotFound()
                    ? "unknown schema id (not in the registry at " + client.url() + ")"
                    : "registry error: " + e.getMessage();
            throw new SerializationException(
                    "Cannot deserialize record from topic '" + topic + "' (schema id " + id + "): " + reason, e);
        }
        Class<T> target = targetType(topic, id, writer);
        SpecificData model = SpecificData.getForClass(target);
        reader = new SpecificDatumReader<>(writer, model.getSchema(target), model);
        readers.put(id, reader);
        return reader;
    }

    @SuppressWarnings("unchecked")
    private Class<T> targetType(String topic, int id, Schema writer) {
        if (type != null) {
            return type;
        }
        Class<?> found = SpecificData.get().getClass(writer);
        if (found == null || !SpecificRecord.class.isAssignableFrom(found)) {
            throw new SerializationException("Cannot deserialize record from topic '" + topic + "' (schema id " + id
                    + "): no generated class " + writer.getFullName() + " on the class path; set "
                    + AvroSerdeConfig.SPECIFIC_AVRO_VALUE_TYPE + " or " + AvroSerdeConfig.SPECIFIC_AVRO_KEY_TYPE);
        }
        return (Class<T>) found;
    }

    /** The registry this deserializer uses (after configuration). */
    public SchemaRegistryClient client() {
        return client;
    }

    @Override
    public void close() {
        // The client may be shared (mock scopes, injected clients): its owner closes it.
    }
}
