package org.wirewatch.app;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wirewatch.common.Stage;
import org.wirewatch.common.TopicSpec;
import org.wirewatch.common.Topics;
import org.wirewatch.common.config.ConfigException;
import org.wirewatch.common.config.CoreConfig;
import org.wirewatch.common.config.Settings;
import org.wirewatch.embedded.CommitMarkers;
import org.wirewatch.embedded.EmbeddedKafka;
import org.wirewatch.embedded.GroupMembers;
import org.wirewatch.embedded.HangingTransactions;
import org.wirewatch.embedded.TopicCreator;
import org.wirewatch.registry.SchemaRegistryServer;

/**
 * The running pipeline of {@code wirewatch run}: with no cluster configured, the embedded broker (data under
 * {@code <data dir>/kafka}) and the registry endpoint; then the catalogue topics; then every stage in order.
 * {@link #close()} stops them in reverse (stages, the registry endpoint, the broker) within the shutdown timeout.
 *
 * <p>Settings of its own:
 * <table>
 *   <caption>Keys</caption>
 *   <tr><th>key</th><th>default</th><th>meaning</th></tr>
 *   <tr><td>wirewatch.run.shutdown.timeout</td><td>7s</td><td>how long the stages may take to stop before they are
 *   abandoned; with the registry endpoint and the broker after them, a stop stays within a container's 10 s
 *   grace period</td></tr>
 *   <tr><td>wirewatch.embedded.broker.*</td><td></td><td>any broker setting of the embedded broker, applied over
 *   its single-node defaults, e.g. wirewatch.embedded.broker.log.retention.bytes=1073741824</td></tr>
 *   <tr><td>wirewatch.run.create.topics</td><td>true</td><td>create missing catalogue topics at start (turn off
 *   where topics are managed elsewhere, e.g. the compose topic-init step)</td></tr>
 *   <tr><td>wirewatch.run.topics.replication.factor</td><td>-1</td><td>replicas of each catalogue topic the start
 *   creates; -1 uses the cluster's default.replication.factor. 3 on a production cluster</td></tr>
 *   <tr><td>wirewatch.run.topics.min.insync.replicas</td><td>-1</td><td>min.insync.replicas of each catalogue topic
 *   the start creates (replicas that must have a write before it is acknowledged to an acks=all producer); -1 uses
 *   the cluster's default. 2 with 3 replicas</td></tr>
 *   <tr><td>wirewatch.run.abort.hanging.transactions</td><td>true</td><td>before any stage starts, abort the hanging
 *   transactions on Wirewatch's topics (catalogue and Streams internal topics), see {@link HangingTransactions}</td></tr>
 * </table>
 *
 * <p>Start-up order after the platform is up: on the embedded broker, the consumer group members of the previous
 * process are removed (after a crash the broker would otherwise wait a session timeout, 45 s, for them before the
 * first rebalance completes); then hanging transactions are aborted; then the stages start. Both steps run before
 * any Streams application, so none of them can be restoring from a partition whose last stable offset is stuck.
 */
public final class Pipeline implements AutoCloseable {

    /** How long closing may take. */
    public static final String SHUTDOWN_TIMEOUT = "wirewatch.run.shutdown.timeout";
    /** Prefix of broker settings for the embedded broker, e.g. {@code wirewatch.embedded.broker.log.retention.hours}. */
    public static final String EMBEDDED_BROKER_PREFIX = "wirewatch.embedded.broker.";
    /** Whether to create missing catalogue topics at start. */
    public static final String CREATE_TOPICS = "wirewatch.run.create.topics";
    /** Replicas of each catalogue topic created at start; -1 for the cluster's default. */
    public static final String TOPICS_REPLICATION_FACTOR = "wirewatch.run.topics.replication.factor";
    /** min.insync.replicas of each catalogue topic created at start; -1 for the cluster's default. */
    public static final String TOPICS_MIN_INSYNC_REPLICAS = "wirewatch.run.topics.min.insync.replicas";
    /** Whether to abort hanging transactions on Wirewatch's topics before the stages start. */
    public static final String ABORT_HANGING_TRANSACTIONS = "wirewatch.run.abort.hanging.transactions";
    /** Kafka Streams' own transaction timeout under exactly-once, unless the producers are configured otherwise. */
    private static final Duration STREAMS_TRANSACTION_TIMEOUT = Duration.ofSeconds(10);

    private static final Logger LOG = LoggerFactory.getLogger(Pipeline.class);
    /** The embedded default serves this machine only, like its broker. */
    private static final String REGISTRY_HOST = "localhost";

    private CoreConfig core;
    private final EmbeddedKafka broker;
    private final List<Stage> platform = new ArrayList<>();
    private final List<Stage> stages = new ArrayList<>();
    private final Duration shutdownTimeout;
    private final CountDownLatch closed = new CountDownLatch(1);
    private final long startedNanos;
    private Duration startupTime = Duration.ZERO;
    private boolean closing;
    private boolean ownRegistry;
    private Optional<HangingTransactions.Report> hangingTransactions = Optional.empty();

    private Pipeline(CoreConfig core, EmbeddedKafka broker, Duration shutdownTimeout, long startedNanos) {
        this.core = core;
        this.broker = broker;
        this.shutdownTimeout = shutdownTimeout;
        this.startedNanos = startedNanos;
    }

    /**
     * Validates the configuration, starts the platform and every stage, and returns once all are started.
     *
     * @throws ConfigException naming every invalid setting (nothing is left running)
     */
    public static Pipeline start(Settings settings, List<StageFactory> factories) {
        long started = System.nanoTime();
        Settings.Reader reader = settings.reader();
        CoreConfig configured = CoreConfig.read(reader, settings);
        Duration shutdownTimeout = reader.duration(SHUTDOWN_TIMEOUT, Duration.ofSeconds(7));
        boolean createTopics = reader.bool(CREATE_TOPICS, true);
        boolean abortHanging = reader.bool(ABORT_HANGING_TRANSACTIONS, true);
        TopicCreator.Replication replication = topicReplication(reader);
        reader.validate();
        logEffective(settings);
        LOG.info(
                "Kafka: {}; schema registry: {}; data dir: {}",
                configured.embedded()
                        ? "embedded on port " + configured.embeddedKafkaPort()
                        : configured.bootstrapServers().orElseThrow(),
                configured.schemaRegistryUrl(),
                configured.dataDir().toAbsolutePath());

        EmbeddedKafka broker = null;
        CoreConfig core = configured;
        if (configured.embedded()) {
            EmbeddedKafka.Builder builder = EmbeddedKafka.builder()
                    .dataDir(configured.dataDir().resolve("kafka"))
                    .port(configured.embeddedKafkaPort());
            settings.withPrefix(EMBEDDED_BROKER_PREFIX).forEach(builder::brokerProperty);
            broker = builder.start();
            core = configured.withCluster(broker.bootstrapServers(), configured.schemaRegistryUrl());
        }
        Pipeline pipeline = new Pipeline(core, broker, shutdownTimeout, started);
        try {
            if (createTopics) {
                TopicCreator.Result topics = TopicCreator.createCatalogue(
                        core.bootstrapServers().orElseThrow(), core.kafkaClientProperties(), replication);
                LOG.info(
                        "Topics: {} created, {} already present",
                        topics.created().size(),
                        topics.existing().size());
            }
            boolean registryConfigured =
                    settings.get(CoreConfig.SCHEMA_REGISTRY_URL).isPresent();
            if (configured.embedded() && !registryConfigured) {
                pipeline.core = pipeline.startRegistry();
            }
            pipeline.prepareClusterForStages(abortHanging);
            pipeline.startStages(settings, factories);
        } catch (RuntimeException e) {
            pipeline.close();
            throw e;
        }
        pipeline.startupTime = Duration.ofNanos(System.nanoTime() - started);
        LOG.info(
                "Wirewatch started in {} ms: Kafka {}, schema registry {}, stages {}",
                pipeline.startupTime.toMillis(),
                core.bootstrapServers().orElseThrow(),
                core.schemaRegistryUrl(),
                pipeline.stages.stream().map(Stage::name).toList());
        return pipeline;
    }

    /** The replication of the catalogue topics the start creates: a problem on the reader when it cannot be. */
    static TopicCreator.Replication topicReplication(Settings.Reader reader) {
        int factor = reader.intValue(TOPICS_REPLICATION_FACTOR, -1, -1, Short.MAX_VALUE);
        int minInsync = reader.intValue(TOPICS_MIN_INSYNC_REPLICAS, -1, -1, Short.MAX_VALUE);
        if (factor == 0) {
            reader.problem(TOPICS_REPLICATION_FACTOR, "0", "must be at least 1, or -1 for the cluster's default");
        }
        if (minInsync == 0) {
            reader.problem(TOPICS_MIN_INSYNC_REPLICAS, "0", "must be at least 1, or -1 for the cluster's default");
        }
        if (factor > 0 && minInsync > factor) {
            reader.problem(
                    TOPICS_MIN_INSYNC_REPLICAS,
                    Integer.toString(minInsync),
                    "exceeds " + TOPICS_REPLICATION_FACTOR + "=" + factor + ": no acks=all write could succeed");
        }
        return factor == 0 || minInsync == 0 || (factor > 0 && minInsync > factor)
                ? TopicCreator.Replication.BROKER_DEFAULTS
                : new TopicCreator.Replication(factor, minInsync);
    }

    /** What must hold before any Streams application starts: see the class comment. */
    private void prepareClusterForStages(boolean abortHanging) {
        if (broker == null && !abortHanging) {
            return;
        }
        Map<String, Object> conf = new HashMap<>(core.kafkaClientProperties());
        conf.put(
                CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG,
                core.bootstrapServers().orElseThrow());
        String internalPrefix = core.applicationId() + "-";
        // Both steps only speed a restart up or unblock one: when the cluster does not answer them, the stages start
        // anyway and /health/ready shows whether they get ready.
        try (Admin admin = Admin.create(conf);
                CommitMarkers markers = new CommitMarkers(conf, Duration.ofSeconds(30))) {
            if (broker != null) {
                try {
                    // Only this process uses the embedded broker (its directory is locked): every member is stale.
                    GroupMembers.removeAll(admin, group -> group.startsWith(internalPrefix));
                } catch (IllegalStateException e) {
                    LOG.warn("Stale consumer group members not removed: {}", e.getMessage());
                }
            }
            if (abortHanging) {
                Set<String> catalogue =
                        Topics.catalogue().stream().map(TopicSpec::name).collect(Collectors.toSet());
                try {
                    hangingTransactions = Optional.of(
                            new HangingTransactions(admin, markers, transactionTimeout(core), Clock.systemUTC())
                                    .abortHanging(
                                            t -> catalogue.contains(t) || t.startsWith(internalPrefix),
                                            id -> id.startsWith(internalPrefix)));
                } catch (IllegalStateException e) {
                    LOG.warn("Hanging transactions not checked: {}", e.getMessage());
                }
            }
        }
    }

    /** The transaction timeout of the Streams producers: theirs if configured, else Kafka Streams' default. */
    static Duration transactionTimeout(CoreConfig core) {
        Map<String, String> kafka = core.kafkaClientProperties();
        String configured = kafka.getOrDefault(
                StreamsConfig.producerPrefix(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG),
                kafka.get(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG));
        if (configured == null) {
            return STREAMS_TRANSACTION_TIMEOUT;
        }
        try {
            return Duration.ofMillis(Long.parseLong(configured.trim()));
        } catch (NumberFormatException e) {
            throw new ConfigException(List.of(CoreConfig.KAFKA_PREFIX + ProducerConfig.TRANSACTION_TIMEOUT_CONFIG + "="
                    + configured + ": not a number of milliseconds"));
        }
    }

    /** Builds every stage first, so that all their configuration problems are reported together, then starts them. */
    private void startStages(Settings settings, List<StageFactory> factories) {
        StageContext context = new StageContext(core, settings, hangingTransactions);
        List<Stage> built = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (StageFactory factory : factories) {
            try {
                built.add(factory.create(context));
            } catch (ConfigException e) {
                problems.addAll(e.problems());
            }
        }
        if (!problems.isEmpty()) {
            built.forEach(Stage::close);
            throw new ConfigException(problems);
        }
        for (int i = 0; i < built.size(); i++) {
            Stage stage = built.get(i);
            try {
                LOG.info("Starting stage {}", stage.name());
                stage.start();
                stages.add(stage);
            } catch (Exception e) {
                stage.close();
                built.subList(i + 1, built.size()).forEach(Stage::close);
                throw new IllegalStateException("Stage " + stage.name() + " failed to start: " + e.getMessage(), e);
            }
        }
    }

    /** The registry endpoint of the embedded default, its schemas in the {@code _schemas} topic of the broker. */
    private CoreConfig startRegistry() {
        Map<String, Object> kafka = new HashMap<>(core.kafkaClientProperties());
        kafka.put(
                CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG,
                core.bootstrapServers().orElseThrow());
        SchemaRegistryServer registry = new SchemaRegistryServer(
                REGISTRY_HOST,
                core.embeddedRegistryPort(),
                Topics.SCHEMAS,
                kafka,
                Duration.ofSeconds(10),
                Duration.ofSeconds(60));
        try {
            registry.start();
            platform.add(registry);
            ownRegistry = true;
        } catch (Exception e) {
            registry.close();
            throw new IllegalStateException(
                    "The schema registry endpoint failed to start on port " + core.embeddedRegistryPort() + ": "
                            + e.getMessage(),
                    e);
        }
        return core.withCluster(core.bootstrapServers().orElseThrow(), URI.create(registry.url()));
    }

    /** @return the shared configuration pointing at the running cluster and registry. */
    public CoreConfig core() {
        return core;
    }

    /** @return what the start-up check for hanging transactions found, unless it was turned off. */
    public Optional<HangingTransactions.Report> hangingTransactions() {
        return hangingTransactions;
    }

    /** @return the embedded broker, when this pipeline started one. */
    public Optional<EmbeddedKafka> broker() {
        return Optional.ofNullable(broker);
    }

    /** @return the started stages, in start order. */
    public List<Stage> stages() {
        return Collections.unmodifiableList(stages);
    }

    /** @return true when every stage (and the registry endpoint) reports ready. */
    public boolean ready() {
        return platform.stream().allMatch(Stage::ready) && stages.stream().allMatch(Stage::ready);
    }

    /** @return whether this pipeline runs the embedded schema registry endpoint (no external registry configured). */
    public boolean ownRegistry() {
        return ownRegistry;
    }

    /** @return the time since {@link #start} began. */
    public Duration upTime() {
        return Duration.ofNanos(System.nanoTime() - startedNanos);
    }

    /** @return how long {@link #start} took, from reading the configuration to the last stage started. */
    public Duration startupTime() {
        return startupTime;
    }

    /**
     * The foreground life of a long-running command: starts the stages, closes them when the JVM is asked to stop
     * (Ctrl-C, SIGTERM), prints on {@code out} the line {@code started} makes of the running pipeline (it may first
     * wait for readiness), and returns once the pipeline has closed.
     */
    public static void runUntilStopped(
            Settings settings, List<StageFactory> factories, java.io.PrintWriter out, StartedLine started)
            throws InterruptedException {
        Pipeline pipeline = start(settings, factories);
        Runtime.getRuntime().addShutdownHook(new Thread(pipeline::close, "wirewatch-shutdown"));
        out.println(started.of(pipeline));
        out.flush();
        pipeline.awaitClosed();
    }

    /** What a command prints once its pipeline runs; it may wait for readiness first. */
    @FunctionalInterface
    public interface StartedLine {
        String of(Pipeline pipeline) throws InterruptedException;
    }

    /** Blocks until {@link #close()} has finished. */
    public void awaitClosed() throws InterruptedException {
        closed.await();
    }

    /**
     * Stops the stages in reverse order (the HTTP-facing ones are registered last, so they stop first), then the
     * registry endpoint, then the broker. Stages that have not stopped within the shutdown timeout are abandoned
     * (and named in the log) so that one stuck stage cannot keep the process alive; the registry endpoint and the
     * broker are always closed, since their files must be consistent for the next start. Idempotent.
     */
    @Override
    public void close() {
        synchronized (this) {
            if (closing) {
                return;
            }
            closing = true;
        }
        LOG.info(
                "Stopping Wirewatch (up {} s)",
                Duration.ofNanos(System.nanoTime() - startedNanos).toSeconds());
        try {
            closeStages();
            closePlatform();
            LOG.info("Wirewatch stopped");
        } finally {
            closed.countDown();
        }
    }

    private void closeStages() {
        List<Stage> reversed = new ArrayList<>(stages);
        Collections.reverse(reversed);
        AtomicReference<String> current = new AtomicReference<>();
        Thread closer = new Thread(
                () -> {
                    for (Stage stage : reversed) {
                        current.set(stage.name());
                        closeQuietly(stage);
                    }
                    current.set(null);
                },
                "wirewatch-close");
        closer.setDaemon(true);
        closer.start();
        try {
            closer.join(shutdownTimeout.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (closer.isAlive()) {
            LOG.error(
                    "Stage {} did not stop within {} ({}); stopping the rest without it",
                    current.get(),
                    SHUTDOWN_TIMEOUT,
                    shutdownTimeout);
        }
    }

    private void closePlatform() {
        List<Stage> reversed = new ArrayList<>(platform);
        Collections.reverse(reversed);
        reversed.forEach(Pipeline::closeQuietly);
        if (broker != null) {
            try {
                broker.close();
            } catch (RuntimeException e) {
                LOG.warn("Embedded broker failed while closing", e);
            }
        }
    }

    private static void closeQuietly(Stage stage) {
        try {
            LOG.info("Stopping {}", stage.name());
            stage.close();
        } catch (RuntimeException e) {
            LOG.warn("Stage {} failed while closing", stage.name(), e);
        }
    }

    private static void logEffective(Settings settings) {
        Map<String, String> masked = settings.masked();
        if (masked.isEmpty()) {
            LOG.info("Effective configuration: all defaults");
            return;
        }
        LOG.info(
                "Effective configuration (secrets masked):{}{}",
                System.lineSeparator(),
                masked.entrySet().stream()
                        .map(e -> "  " + e.getKey() + "=" + e.getValue() + "  ("
                                + settings.origin(e.getKey()).orElse("default") + ")")
                        .collect(Collectors.joining(System.lineSeparator())));
    }
}
