package org.wirewatch.feed;

import java.util.EnumMap;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.wirewatch.schema.Alert;
import org.wirewatch.schema.CasualtyTally;
import org.wirewatch.schema.Claim;
import org.wirewatch.schema.Incident;
import org.wirewatch.serde.AvroSerdes;

/** Decodes the value bytes of a feed topic (Confluent wire format through the schema registry). */
@FunctionalInterface
public interface RecordDecoder {

    /** The decoded value; null bytes (a tombstone) decode to null. Throws on undecodable input. */
    SpecificRecord decode(FeedEventType type, String topic, byte[] value);

    /** Avro deserializers against the registry at {@code registryUrl} ({@code mock://scope} in tests). */
    static RecordDecoder avro(final String registryUrl, final Map<String, ?> serdeConfig) {
        final Map<FeedEventType, Deserializer<? extends SpecificRecord>> d = new EnumMap<>(FeedEventType.class);
        d.put(
                FeedEventType.INCIDENT,
                AvroSerdes.of(Incident.class, registryUrl, serdeConfig, false).deserializer());
        d.put(
                FeedEventType.CLAIM,
                AvroSerdes.of(Claim.class, registryUrl, serdeConfig, false).deserializer());
        d.put(
                FeedEventType.TALLY,
                AvroSerdes.of(CasualtyTally.class, registryUrl, serdeConfig, false)
                        .deserializer());
        d.put(
                FeedEventType.ALERT,
                AvroSerdes.of(Alert.class, registryUrl, serdeConfig, false).deserializer());
        return (type, topic, value) -> value == null ? null : d.get(type).deserialize(topic, value);
    }
}
