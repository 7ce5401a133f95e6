package org.wirewatch.alerts;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.streams.Topology;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wirewatch.common.Stage;
import org.wirewatch.common.Topics;
import org.wirewatch.common.config.CoreConfig;
import org.wirewatch.schema.Alert;
import org.wirewatch.schema.CasualtyTally;
import org.wirewatch.schema.Claim;
import org.wirewatch.schema.Incident;
import org.wirewatch.serde.AvroSerdes;
import org.wirewatch.streams.StreamsApplication;
import org.wirewatch.streams.StreamsStageConfig;

/**
 * The {@code alerts} stage: {@link AlertsTopology} and, when webhook URLs are configured, the
 * {@link WebhookDispatcher}. Ready while the topology is RUNNING and the dispatcher, if any, runs.
 *
 * <p>The topology runs through the same lifecycle ({@link StreamsApplication}) and the same configuration path
 * ({@link StreamsStageConfig#properties}) as the pipeline's: a record the rules throw on becomes a dead letter on
 * {@code wirewatch.deadletters.v1} and alerting goes on; any other failure stops the stage and is told to
 * {@code onFatal}.
 */
public final class AlertsStage implements Stage {

    private static final Logger LOG = LoggerFactory.getLogger(AlertsStage.class);

    private final AlertsConfig config;
    private final CoreConfig core;
    private final java.util.function.Consumer<Throwable> onFatal;
    private StreamsApplication streams;
    private WebhookDispatcher dispatcher;

    /**
     * @param core    settings pointing at the running cluster ({@code bootstrapServers} present)
     * @param onFatal told once when the topology dies of an unexpected error (the command exits non-zero)
     */
    public AlertsStage(
            final AlertsConfig config, final CoreConfig core, final java.util.function.Consumer<Throwable> onFatal) {
        this.config = config;
        this.core = core;
        this.onFatal = onFatal == null ? e -> {} : onFatal;
    }

    @Override
    public String name() {
        return "alerts";
    }

    /** The Streams application id: {@code <wirewatch.application.id>-alerts}. */
    public String applicationId() {
        return core.applicationId() + "-alerts";
    }

    @Override
    public void start() {
        final String registry = core.schemaRegistryUrl().toString();
        final Map<String, Object> serdeConfig = new HashMap<>(core.kafkaClientProperties());
        final Topology topology = AlertsTopology.build(
                config.rules(),
                AvroSerdes.of(Incident.class, registry, serdeConfig, false),
                AvroSerdes.of(Claim.class, registry, serdeConfig, false),
                AvroSerdes.of(CasualtyTally.class, registry, serdeConfig, false),
                AvroSerdes.of(Alert.class, registry, serdeConfig, false));
        LOG.info("Alert rules: {}", config.rulesFile().map(Object::toString).orElse("bundled"));
        streams = new StreamsApplication(name(), topology, properties(), onFatal);
        streams.start();
        if (config.webhook().enabled()) {
            final Map<String, Object> clients = new HashMap<>(core.kafkaClientProperties());
            clients.put("bootstrap.servers", core.bootstrapServers().orElseThrow());
            dispatcher = new WebhookDispatcher(
                    config.webhook(),
                    clients,
                    AvroSerdes.of(Alert.class, registry, serdeConfig, false).deserializer(),
                    Clock.systemUTC());
            dispatcher.start();
        } else {
            LOG.info("No webhook URLs ({}): alerts go to {} only", AlertsConfig.WEBHOOK_URLS, Topics.ALERTS);
        }
    }

    Properties properties() {
        return config.streams().properties(core, applicationId());
    }

    @Override
    public boolean ready() {
        return streams != null && streams.ready() && (dispatcher == null || dispatcher.running());
    }

    /** The dispatcher, when webhooks are configured. */
    public java.util.Optional<WebhookDispatcher> dispatcher() {
        return java.util.Optional.ofNullable(dispatcher);
    }

    @Override
    public void close() {
        if (dispatcher != null) {
            dispatcher.close();
            dispatcher = null;
        }
        if (streams != null) {
            streams.close(config.streams().closeTimeout());
            streams = null;
        }
    }
}
