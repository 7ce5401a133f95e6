package org.wirewatch.app.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.wirewatch.common.config.CoreConfig;
import org.wirewatch.common.config.Settings;
import picocli.CommandLine.Option;

/**
 * The configuration options every Kafka-facing command shares (a picocli mixin). Precedence: built-in defaults
 * &lt; {@code --config FILE} &lt; environment ({@code WIREWATCH_*}) &lt; these options.
 */
public final class ConfigOptions {

    @Option(
            names = "--config",
            paramLabel = "FILE",
            description = "Properties file with wirewatch.* keys (see ops/wirewatch.properties).")
    Path configFile;

    @Option(
            names = "--bootstrap-servers",
            paramLabel = "HOST:PORT[,...]",
            description = "Kafka cluster (key wirewatch.bootstrap.servers); unset: the embedded default"
                    + " (run starts it on localhost:9092).")
    String bootstrapServers;

    @Option(
            names = "--schema-registry-url",
            paramLabel = "URL",
            description = "Confluent-compatible schema registry (key wirewatch.schema.registry.url).")
    String schemaRegistryUrl;

    @Option(
            names = "--data-dir",
            paramLabel = "DIR",
            description = "Local data: embedded broker, Streams state (key wirewatch.data.dir, default ./data).")
    Path dataDir;

    @Option(
            names = {"-D", "--set"},
            paramLabel = "KEY=VALUE",
            description = "Any setting, e.g. -D wirewatch.http.port=9000 or -D wirewatch.kafka.security.protocol=SSL.")
    Map<String, String> set = new LinkedHashMap<>();

    /** The layered settings for this invocation. */
    public Settings settings() {
        return settings(System.getenv());
    }

    /** The layered settings with an explicit environment, for tests. */
    public Settings settings(Map<String, String> environment) {
        Settings.Builder builder = Settings.builder();
        if (configFile != null) {
            builder.file(configFile);
        }
        builder.environment(environment);
        return builder.overrides(commandLineValues()).build();
    }

    private Map<String, String> commandLineValues() {
        Map<String, String> cli = new LinkedHashMap<>(set);
        if (bootstrapServers != null) {
            cli.put(CoreConfig.BOOTSTRAP_SERVERS, bootstrapServers);
        }
        if (schemaRegistryUrl != null) {
            cli.put(CoreConfig.SCHEMA_REGISTRY_URL, schemaRegistryUrl);
        }
        if (dataDir != null) {
            cli.put(CoreConfig.DATA_DIR, dataDir.toString());
        }
        return cli;
    }
}
