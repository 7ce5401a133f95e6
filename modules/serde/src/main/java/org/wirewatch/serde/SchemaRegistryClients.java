package org.wirewatch.serde;

import java.util.Map;

/** Picks the registry client for a URL: {@code mock://scope} gives the shared in-memory scope, else REST. */
public final class SchemaRegistryClients {

    private SchemaRegistryClients() {}

    /**
     * The client for {@code url} (one or more comma-separated base URLs, or {@code mock://scope}) with the
     * Confluent-named settings of {@code config} (see {@link SchemaRegistryClientConfig}).
     */
    public static SchemaRegistryClient forUrl(String url, Map<String, ?> config) {
        String trimmed = url == null ? "" : url.trim();
        if (trimmed.startsWith(MockSchemaRegistry.SCHEME)) {
            String first = trimmed.split(",")[0].trim();
            return MockSchemaRegistry.forUrl(first);
        }
        return RestSchemaRegistryClient.of(trimmed, config);
    }

    /** The client for the {@value SchemaRegistryClientConfig#URL} of {@code config}. */
    public static SchemaRegistryClient fromConfig(Map<String, ?> config) {
        Object url = config.get(SchemaRegistryClientConfig.URL);
        if (url == null || url.toString().isBlank()) {
            throw new org.apache.kafka.common.config.ConfigException(
                    "Missing required configuration '" + SchemaRegistryClientConfig.URL + "'");
        }
        return forUrl(url.toString(), config);
    }
}
