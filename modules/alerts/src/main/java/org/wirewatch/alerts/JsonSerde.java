package org.wirewatch.alerts;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/**
 * JSON for the topology's internal records (repartition topics and stores), which are not part of the public data
 * contract and so need no registry: small Java records, readable in a changelog dump.
 */
public final class JsonSerde {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonSerde() {}

    public static <T> Serde<T> of(final Class<T> type) {
        final Serializer<T> ser = (topic, value) -> {
            if (value == null) {
                return null;
            }
            try {
                return MAPPER.writeValueAsBytes(value);
            } catch (final IOException e) {
                throw new SerializationException("cannot write " + type.getSimpleName() + " as JSON", e);
            }
        };
        final Deserializer<T> de = (topic, bytes) -> {
            if (bytes == null) {
                return null;
            }
            try {
                return MAPPER.readValue(bytes, type);
            } catch (final IOException e) {
                throw new SerializationException("cannot read " + type.getSimpleName() + " from JSON", e);
            }
        };
        return Serdes.serdeFrom(ser, de);
    }
}
