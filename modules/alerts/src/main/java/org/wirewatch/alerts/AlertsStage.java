package org.wirewatch.alerts;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
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

/**
 * The {@code alerts} stage: {@link AlertsTopology} (exactly once) and, when webhook URLs are configured, the
 * {@link WebhookDispatcher}. Ready while the topology is RUNNING and the dispatcher, if any, runs.
 */
public final class AlertsStage implements Stage {

  private static final Logger LOG = LoggerFactory.getLogger(AlertsStage.class);
  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);

  private final AlertsConfig config;
  private final CoreConfig core;
  private final java.util.function.Consumer<Throwable> onFatal;
  private final AtomicReference<Throwable> failure = new AtomicReference<>();
  private KafkaStreams streams;
  private WebhookDispatcher dispatcher;

  /**
   * @param core    settings pointing at the running cluster ({@code bootstrapServers} present)
   * @param onFatal told once when the topology dies of an unexpected error (the command exits non-zero)
   */
  public AlertsStage(final AlertsConfig config, final CoreConfig core,
      final java.util.function.Consumer<Throwable> onFatal) {
    this.config = config;
    this.core = core;
    this.onFatal = onFatal == null ? e -> { } : onFatal;
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
    final Topology topology = AlertsTopology.build(config.rules(),
        AvroSerdes.of(Incident.class, registry, serdeConfig, false),
        AvroSerdes.of(Claim.class, registry, serdeConfig, false),
        AvroSerdes.of(CasualtyTally.class, registry, serdeConfig, false),
        AvroSerdes.of(Alert.class, registry, serdeConfig, false));
    LOG.info("Alerts topology (rules {}):\n{}", config.rulesFile().map(Object::toString).orElse("bundled"),
        topology.describe());
    streams = new KafkaStreams(topology, properties());
    streams.setUncaughtExceptionHandler(e -> {
      LOG.error("Alerts topology failed; shutting it down", e);
      if (failure.compareAndSet(null, e)) {
        onFatal.accept(e);
      }
      return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
    });
    streams.setStateListener((now, before) -> LOG.info("Alerts topology: {} -> {}", before, now));
    streams.start();
    if (config.webhook().enabled()) {
      final Map<String, Object> clients = new HashMap<>(core.kafkaClientProperties());
      clients.put("bootstrap.servers", core.bootstrapServers().orElseThrow());
      dispatcher = new WebhookDispatcher(config.webhook(), clients,
          AvroSerdes.of(Alert.class, registry, serdeConfig, false).deserializer(), Clock.systemUTC());
      dispatcher.start();
    } else {
      LOG.info("No webhook URLs ({}): alerts go to {} only", AlertsConfig.WEBHOOK_URLS, Topics.ALERTS);
    }
  }

  Properties properties() {
    final Properties p = new Properties();
    p.putAll(core.kafkaClientProperties());
    p.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId());
    p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, core.bootstrapServers().orElseThrow());
    p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    p.put(StreamsConfig.STATE_DIR_CONFIG, config.stateDir().toAbsolutePath().toString());
    p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);
    p.put(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, Topics.DEAD_LETTERS);
    p.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, LogAndContinueExceptionHandler.class);
    p.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true);
    p.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
    return p;
  }

  @Override
  public boolean ready() {
    return streams != null && failure.get() == null && streams.state() == KafkaStreams.State.RUNNING
        && (dispatcher == null || dispatcher.running());
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
      // Leaving the group lets a restart rebalance at once instead of waiting out this member's session; the bound
      // keeps a close during a rebalance within the pipeline's own shutdown timeout.
      final boolean closed = streams.close(CloseOptions.timeout(CLOSE_TIMEOUT)
          .withGroupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP));
      if (!closed) {
        LOG.warn("Alerts topology did not close within {}", CLOSE_TIMEOUT);
      }
      streams = null;
    }
  }
}
