package org.wirewatch.serde;

import java.util.HashMap;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;

/** Ready-to-use serdes for generated Avro classes. */
public final class AvroSerdes {

    private AvroSerdes() {}

    /**
     * A configured serde for {@code type} against the registry at {@code registryUrl} ({@code mock://scope} for
     * tests), with further Confluent-named settings from {@code config} (auth, TLS, subject strategy...; may be
     * empty), for keys when {@code isKey}.
     */
    public static <T extends SpecificRecord> AvroSerde<T> of(
            Class<T> type, String registryUrl, Map<String, ?> config, boolean isKey) {
        Map<String, Object> settings = new HashMap<>(config);
        settings.put(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registryUrl);
        AvroSerde<T> serde = new AvroSerde<>(type, SchemaRegistryClients.forUrl(registryUrl, settings));
        serde.configure(settings, isKey);
        return serde;
    }

    /** A configured value serde for {@code type} against {@code registryUrl} with default settings. */
    public static <T extends SpecificRecord> AvroSerde<T> value(Class<T> type, String registryUrl) {
        return of(type, registryUrl, Map.of(), false);
    }

    /** A configured key serde for {@code type} against {@code registryUrl} with default settings. */
    public static <T extends SpecificRecord> AvroSerde<T> key(Class<T> type, String registryUrl) {
        return of(type, registryUrl, Map.of(), true);
    }
}
