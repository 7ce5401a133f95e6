package org.wirewatch.serde;

import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Kafka Streams serde for one generated Avro class in Confluent's wire format: an {@link AvroSerializer} and an
 * {@link AvroDeserializer} sharing one registry client. Configure with {@link #configure} (Kafka does this for
 * default serdes) or build one ready to use with {@link AvroSerdes#of}.
 */
public class AvroSerde<T extends SpecificRecord> implements Serde<T> {

    private final AvroSerializer<T> serializer;
    private final AvroDeserializer<T> deserializer;

    /**
     * For construction by Kafka Streams as {@code default.key.serde} / {@code default.value.serde}: the class read
     * into comes from {@code specific.avro.value.type} / {@code specific.avro.key.type}, else from the writer
     * schema's name. {@link #configure} must follow.
     */
    public AvroSerde() {
        this.serializer = new AvroSerializer<>();
        this.deserializer = new AvroDeserializer<>();
    }

    /** A serde for {@code type}; {@link #configure} selects the registry. */
    public AvroSerde(Class<T> type) {
        this.serializer = new AvroSerializer<>();
        this.deserializer = new AvroDeserializer<>(type);
    }

    /** A serde for {@code type} using {@code client}; {@link #configure} may still set the other settings. */
    public AvroSerde(Class<T> type, SchemaRegistryClient client) {
        this.serializer = new AvroSerializer<>(client);
        this.deserializer = new AvroDeserializer<>(type, client);
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        serializer.configure(configs, isKey);
        deserializer.configure(configs, isKey);
    }

    @Override
    public Serializer<T> serializer() {
        return serializer;
    }

    @Override
    public Deserializer<T> deserializer() {
        return deserializer;
    }

    @Override
    public void close() {
        serializer.close();
        deserializer.close();
    }
}
