package org.wirewatch.serde;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Conversions;
import org.apache.avro.data.TimeConversions;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.DecoderFactory;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads any record in Confluent's wire format as a {@link GenericRecord} of its writer schema, with no generated
 * class needed: for tools that print topics whose types they do not know ({@code tail}). Dates and timestamps
 * come back as {@code LocalDate} and {@code Instant}. Null bytes give null. Thread-safe.
 */
public class GenericAvroDeserializer implements Deserializer<GenericRecord> {

    private static final GenericData MODEL = new GenericData();

    static {
        MODEL.addLogicalTypeConversion(new TimeConversions.DateConversion());
        MODEL.addLogicalTypeConversion(new TimeConversions.TimestampMillisConversion());
        MODEL.addLogicalTypeConversion(new TimeConversions.TimestampMicrosConversion());
        MODEL.addLogicalTypeConversion(new TimeConversions.TimeMillisConversion());
        MODEL.addLogicalTypeConversion(new Conversions.UUIDConversion());
        MODEL.addLogicalTypeConversion(new Conversions.DecimalConversion());
    }

    private SchemaRegistryClient client;
    private final Map<Integer, GenericDatumReader<GenericRecord>> readers = new ConcurrentHashMap<>();

    /** For construction by Kafka from configuration; {@link #configure} must follow. */
    public GenericAvroDeserializer() {}

    public GenericAvroDeserializer(SchemaRegistryClient client) {
        this.client = Objects.requireNonNull(client, "client");
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        if (client == null) {
            client = SchemaRegistryClients.fromConfig(configs);
        }
    }

    @Override
    public GenericRecord deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        String problem = WireFormat.headerProblem(data);
        if (problem != null) {
            throw new SerializationException("Cannot deserialize record from topic '" + topic + "': " + problem);
        }
        int id = WireFormat.schemaId(data);
        GenericDatumReader<GenericRecord> reader = readers.get(id);
        if (reader == null) {
            try {
                reader = new GenericDatumReader<>(client.getById(id), client.getById(id), MODEL);
            } catch (SchemaRegistryException e) {
                String reason = e.isNotFound()
                        ? "unknown schema id (not in the registry at " + client.url() + ")"
                        : "registry error: " + e.getMessage();
                throw new SerializationException(
                        "Cannot deserialize record from topic '" + topic + "' (schema id " + id + "): " + reason, e);
            }
            readers.put(id, reader);
        }
        try {
            return reader.read(
                    null,
                    DecoderFactory.get()
                            .binaryDecoder(data, WireFormat.HEADER_SIZE, data.length - WireFormat.HEADER_SIZE, null));
        } catch (java.io.IOException | RuntimeException e) {
            throw new SerializationException(
                    "Cannot deserialize record from topic '" + topic + "' (schema id " + id
                            + "): the " + (data.length - WireFormat.HEADER_SIZE)
                            + " bytes after the header are not a valid record of the writer schema: " + e,
                    e);
        }
    }
}
