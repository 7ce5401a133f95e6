package org.wirewatch.common.config;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The settings every stage shares: where Kafka and the schema registry are, where local data lives.
 *
 * <table>
 *   <caption>Keys</caption>
 *   <tr><th>key</th><th>default</th><th>meaning</th></tr>
 *   <tr><td>wirewatch.bootstrap.servers</td><td>(unset)</td><td>Kafka to join; unset starts the embedded broker</td></tr>
 *   <tr><td>wirewatch.schema.registry.url</td><td>http://localhost:8081 (embedded)</td><td>Confluent-compatible
 *   registry; {@code mock://scope} in tests</td></tr>
 *   <tr><td>wirewatch.data.dir</td><td>./data</td><td>embedded broker logs, Streams state, the analytics file</td></tr>
 *   <tr><td>wirewatch.embedded.kafka.port</td><td>9092</td><td>embedded broker listener</td></tr>
 *   <tr><td>wirewatch.embedded.registry.port</td><td>8081</td><td>embedded registry endpoint</td></tr>
 *   <tr><td>wirewatch.http.port</td><td>8080</td><td>feed, dashboard, HTTP push, health, metrics</td></tr>
 *   <tr><td>wirewatch.application.id</td><td>wirewatch</td><td>prefix of Streams application ids and groups</td></tr>
 *   <tr><td>wirewatch.kafka.*</td><td></td><td>passed to every Kafka client, e.g.
 *   wirewatch.kafka.security.protocol=SASL_SSL</td></tr>
 * </table>
 */
public record CoreConfig(
        Optional<String> bootstrapServers,
        URI schemaRegistryUrl,
        Path dataDir,
        int embeddedKafkaPort,
        int embeddedRegistryPort,
        int httpPort,
        String applicationId,
        Map<String, String> kafkaClientProperties) {

    public static final String BOOTSTRAP_SERVERS = "wirewatch.bootstrap.servers";
    public static final String SCHEMA_REGISTRY_URL = "wirewatch.schema.registry.url";
    public static final String DATA_DIR = "wirewatch.data.dir";
    public static final String EMBEDDED_KAFKA_PORT = "wirewatch.embedded.kafka.port";
    public static final String EMBEDDED_REGISTRY_PORT = "wirewatch.embedded.registry.port";
    public static final String HTTP_PORT = "wirewatch.http.port";
    public static final String APPLICATION_ID = "wirewatch.application.id";
    public static final String KAFKA_PREFIX = "wirewatch.kafka.";

    /** True when no cluster is configured, so {@code run} starts its own broker and registry. */
    public boolean embedded() {
        return bootstrapServers.isEmpty();
    }

    /** Reads and validates; throws {@link ConfigException} naming every bad key. */
    public static CoreConfig from(final Settings settings) {
        final Settings.Reader r = settings.reader();
        final CoreConfig c = read(r, settings);
        r.validate();
        return c;
    }

    /** Reads into a caller's reader, so a command can validate core and stage settings in one report. */
    public static CoreConfig read(final Settings.Reader r, final Settings settings) {
        final Optional<String> bootstrap = r.optional(BOOTSTRAP_SERVERS);
        final int registryPort = r.port(EMBEDDED_REGISTRY_PORT, 8081);
        final String registry = r.string(SCHEMA_REGISTRY_URL, "http://localhost:" + registryPort);
        URI registryUri = URI.create("http://localhost:" + registryPort);
        try {
            registryUri = URI.create(registry);
            final String scheme = registryUri.getScheme();
            if (scheme == null || !(scheme.equals("http") || scheme.equals("https") || scheme.equals("mock"))) {
                r.problem(SCHEMA_REGISTRY_URL, registry, "must be an http://, https:// or mock:// URL");
            }
        } catch (final IllegalArgumentException e) {
            r.problem(SCHEMA_REGISTRY_URL, registry, "not a URL: " + e.getMessage());
        }
        if (bootstrap.isPresent() && !bootstrap.get().matches("[^,\\s]+:\\d+(\\s*,\\s*[^,\\s]+:\\d+)*")) {
            r.problem(BOOTSTRAP_SERVERS, bootstrap.get(), "must be host:port[,host:port...]");
        }
        return new CoreConfig(
                bootstrap,
                registryUri,
                r.path(DATA_DIR, Path.of("data")),
                r.port(EMBEDDED_KAFKA_PORT, 9092),
                registryPort,
                r.port(HTTP_PORT, 8080),
                r.string(APPLICATION_ID, "wirewatch"),
                settings.withPrefix(KAFKA_PREFIX));
    }

    /** The same configuration pointed at a given cluster, e.g. once the embedded broker has started. */
    public CoreConfig withCluster(final String servers, final URI registry) {
        return new CoreConfig(
                Optional.of(servers),
                registry,
                dataDir,
                embeddedKafkaPort,
                embeddedRegistryPort,
                httpPort,
                applicationId,
                kafkaClientProperties);
    }
}
