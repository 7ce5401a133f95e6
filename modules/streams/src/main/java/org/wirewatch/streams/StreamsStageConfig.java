package org.wirewatch.streams;

import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;
import org.apache.kafka.streams.errors.LogAndContinueProcessingExceptionHandler;
import org.wirewatch.common.Topics;
import org.wirewatch.common.config.ConfigException;
import org.wirewatch.common.config.CoreConfig;
import org.wirewatch.common.config.Settings;

/**
 * Typed settings of the Streams stage, read from {@code wirewatch.streams.*} and validated at once.
 *
 * <table>
 *   <caption>Keys</caption>
 *   <tr><th>key</th><th>default</th><th>meaning</th></tr>
 *   <tr><td>wirewatch.streams.topologies</td><td>normalize,consolidate,tally</td><td>which topologies this process
 *   runs ({@code run} all, the single-stage commands one)</td></tr>
 *   <tr><td>wirewatch.streams.threads</td><td>1</td><td>stream threads per topology</td></tr>
 *   <tr><td>wirewatch.streams.horizon</td><td>90d</td><td>consolidation closes an incident no report has touched
 *   for this long, counted in publication time per country (bounded state); it stays published as it was</td></tr>
 *   <tr><td>wirewatch.streams.eviction.interval</td><td>10m</td><td>how often (wall clock) consolidation closes
 *   incidents beyond the horizon</td></tr>
 *   <tr><td>wirewatch.streams.commit.interval</td><td>100ms</td><td>transaction commit interval; the floor of
 *   end-to-end latency under exactly-once</td></tr>
 *   <tr><td>wirewatch.streams.cache.bytes</td><td>10485760</td><td>Kafka Streams record cache per
 *   instance</td></tr>
 *   <tr><td>wirewatch.streams.state.dir</td><td>&lt;data dir&gt;/streams</td><td>RocksDB state of the stores</td></tr>
 *   <tr><td>wirewatch.streams.application.server</td><td>(unset)</td><td>host:port of this instance's feed, advertised
 *   for interactive queries when several instances run</td></tr>
 *   <tr><td>wirewatch.streams.processing.guarantee</td><td>exactly_once_v2</td><td>exactly_once_v2 or
 *   at_least_once (only for measurements: tallies are exact only under exactly_once_v2)</td></tr>
 *   <tr><td>wirewatch.streams.replication.factor</td><td>-1</td><td>replication of internal topics; -1 uses the
 *   broker default; 3 on a production cluster</td></tr>
 *   <tr><td>wirewatch.streams.min.insync.replicas</td><td>-1</td><td>min.insync.replicas of the internal topics
 *   the applications create (changelogs, repartition topics); -1 uses the broker default. 2 with 3 replicas</td></tr>
 *   <tr><td>wirewatch.streams.close.timeout</td><td>6s</td><td>how long closing the topologies may take (they
 *   close together); short enough for a container's 10 s stop grace period</td></tr>
 *   <tr><td>wirewatch.streams.tally.emit.interval</td><td>100ms</td><td>how often the tally emits the windows of
 *   the days that changed since: longer sends each window fewer times in a burst, at that much added
 *   latency</td></tr>
 * </table>
 *
 * <p>Each topology runs as its own Kafka Streams application with the id {@code <wirewatch.application.id>-<name>}
 * (wirewatch-normalize, wirewatch-consolidate, wirewatch-tally), so each stage scales and restarts on its own and
 * the single-stage commands share work with {@code run} processes of the same id.
 */
public record StreamsStageConfig(
        Set<Part> topologies,
        int threads,
        int horizonDays,
        Duration commitInterval,
        Duration evictionInterval,
        long cacheBytes,
        Path stateDir,
        Optional<String> applicationServer,
        String processingGuarantee,
        int replicationFactor,
        int minInsyncReplicas,
        Duration closeTimeout,
        Duration tallyEmitInterval) {

    public static final String TOPOLOGIES = "wirewatch.streams.topologies";
    public static final String THREADS = "wirewatch.streams.threads";
    public static final String HORIZON = "wirewatch.streams.horizon";
    public static final String COMMIT_INTERVAL = "wirewatch.streams.commit.interval";
    public static final String EVICTION_INTERVAL = "wirewatch.streams.eviction.interval";
    public static final String CACHE_BYTES = "wirewatch.streams.cache.bytes";
    public static final String STATE_DIR = "wirewatch.streams.state.dir";
    public static final String APPLICATION_SERVER = "wirewatch.streams.application.server";
    public static final String PROCESSING_GUARANTEE = "wirewatch.streams.processing.guarantee";
    public static final String REPLICATION_FACTOR = "wirewatch.streams.replication.factor";
    public static final String MIN_INSYNC_REPLICAS = "wirewatch.streams.min.insync.replicas";
    public static final String CLOSE_TIMEOUT = "wirewatch.streams.close.timeout";
    public static final String TALLY_EMIT_INTERVAL = "wirewatch.streams.tally.emit.interval";

    /** The three topologies. */
    public enum Part {
        NORMALIZE,
        CONSOLIDATE,
        TALLY;

        /** Lower-case name: the command, the application id suffix and the stage name. */
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Reads and validates; throws {@link ConfigException} naming every bad key (core keys included). */
    public static StreamsStageConfig from(final Settings settings) {
        final Settings.Reader r = settings.reader();
        final CoreConfig core = CoreConfig.read(r, settings);
        final StreamsStageConfig c = read(r, core);
        r.validate();
        return c;
    }

    /** Reads into a caller's reader, so a command can validate everything in one report. */
    public static StreamsStageConfig read(final Settings.Reader r, final CoreConfig core) {
        final Set<Part> parts = EnumSet.noneOf(Part.class);
        for (final String p : r.list(TOPOLOGIES, List.of("normalize", "consolidate", "tally"))) {
            try {
                parts.add(Part.valueOf(p.toUpperCase(Locale.ROOT)));
            } catch (final IllegalArgumentException e) {
                r.problem(TOPOLOGIES, p, "must list normalize, consolidate and/or tally");
            }
        }
        if (parts.isEmpty()) {
            r.problem(TOPOLOGIES, "", "must name at least one topology");
        }
        final Duration horizon = r.duration(HORIZON, Duration.ofDays(90));
        if (horizon.toDays() < 2) {
            r.problem(HORIZON, horizon.toString(), "must be at least 2 days (clustering looks a day either side)");
        }
        final String guarantee =
                r.string(PROCESSING_GUARANTEE, "exactly_once_v2").trim().toLowerCase(Locale.ROOT);
        if (!guarantee.equals("exactly_once_v2") && !guarantee.equals("at_least_once")) {
            r.problem(PROCESSING_GUARANTEE, guarantee, "must be exactly_once_v2 or at_least_once");
        }
        final Optional<String> server = r.optional(APPLICATION_SERVER);
        if (server.isPresent() && !server.get().matches("[^:\\s]+:\\d{1,5}")) {
            r.problem(APPLICATION_SERVER, server.get(), "must be host:port");
        }
        final Duration commit = r.duration(COMMIT_INTERVAL, Duration.ofMillis(100));
        if (commit.isNegative() || commit.isZero()) {
            r.problem(COMMIT_INTERVAL, commit.toString(), "must be positive");
        }
        final Duration emit =
                r.duration(TALLY_EMIT_INTERVAL, org.wirewatch.streams.tally.WindowDeriver.DEFAULT_EMIT_INTERVAL);
        if (emit.isNegative() || emit.isZero()) {
            r.problem(TALLY_EMIT_INTERVAL, emit.toString(), "must be positive");
        }
        final int replication = r.intValue(REPLICATION_FACTOR, -1, -1, 32);
        final int minInsync = r.intValue(MIN_INSYNC_REPLICAS, -1, -1, 32);
        if (replication == 0) {
            r.problem(REPLICATION_FACTOR, "0", "must be at least 1, or -1 for the broker default");
        }
        if (minInsync == 0) {
            r.problem(MIN_INSYNC_REPLICAS, "0", "must be at least 1, or -1 for the broker default");
        }
        if (replication > 0 && minInsync > replication) {
            r.problem(
                    MIN_INSYNC_REPLICAS,
                    Integer.toString(minInsync),
                    "exceeds " + REPLICATION_FACTOR + "=" + replication + ": no exactly-once write could succeed");
        }
        return new StreamsStageConfig(
                parts,
                r.intValue(THREADS, 1, 1, 64),
                (int) Math.max(2, horizon.toDays()),
                commit,
                r.duration(EVICTION_INTERVAL, Duration.ofMinutes(10)),
                r.longValue(CACHE_BYTES, 10L * 1024 * 1024, 0, Long.MAX_VALUE),
                r.path(STATE_DIR, core.dataDir().resolve("streams")),
                server,
                guarantee,
                replication,
                minInsync,
                r.duration(CLOSE_TIMEOUT, Duration.ofSeconds(6)),
                emit);
    }

    /**
     * The Kafka Streams properties of one application: the one configuration path of every Streams application
     * Wirewatch runs (the three pipeline topologies and alerts), so that guarantee, threads, commit interval, cache,
     * replication and the error handlers reach each of them alike. Undecodable records and records a processor
     * throws on go to {@value Topics#DEAD_LETTERS} with their origin in headers, and processing goes on.
     *
     * @param core          the cluster and client passthrough
     * @param applicationId {@code <wirewatch.application.id>-<topology>}
     */
    public Properties properties(final CoreConfig core, final String applicationId) {
        final Properties p = new Properties();
        p.putAll(core.kafkaClientProperties());
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, core.bootstrapServers().orElseThrow());
        p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, processingGuarantee);
        p.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, threads);
        p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, commitInterval.toMillis());
        p.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, cacheBytes);
        p.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toAbsolutePath().toString());
        p.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, replicationFactor);
        if (minInsyncReplicas > 0) {
            p.put(
                    StreamsConfig.topicPrefix(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG),
                    Integer.toString(minInsyncReplicas));
        }
        p.put(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, Topics.DEAD_LETTERS);
        p.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, LogAndContinueProcessingExceptionHandler.class);
        p.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true);
        p.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, LogAndContinueExceptionHandler.class);
        applicationServer.ifPresent(s -> p.put(StreamsConfig.APPLICATION_SERVER_CONFIG, s));
        // Rebalances on restart should be quick on a single-broker development cluster, too.
        p.put(StreamsConfig.consumerPrefix(ConsumerConfig.MAX_POLL_RECORDS_CONFIG), 1000);
        p.put(StreamsConfig.producerPrefix(ProducerConfig.LINGER_MS_CONFIG), 5);
        p.put(StreamsConfig.producerPrefix(ProducerConfig.BATCH_SIZE_CONFIG), 262_144);
        // Under transactions v2 the first sends of a transaction often meet the previous one's markers still being
        // written (CONCURRENT_TRANSACTIONS) and are retried: retry soon rather than after the default 100 ms.
        p.put(StreamsConfig.producerPrefix(ProducerConfig.RETRY_BACKOFF_MS_CONFIG), 10);
        // Exactly-once needs it and at_least_once has it by default; whatever the passthrough says, a record counts as
        // written only once every in-sync replica has it, so a lost broker loses nothing acknowledged. (Idempotence is
        // Kafka Streams' own under exactly-once: setting it here would only log that it is ignored.)
        p.put(StreamsConfig.producerPrefix(ProducerConfig.ACKS_CONFIG), "all");
        return p;
    }

    /** The same settings with another state directory (a stage that keeps its state apart). */
    public StreamsStageConfig withStateDir(final Path dir) {
        return new StreamsStageConfig(
                topologies,
                threads,
                horizonDays,
                commitInterval,
                evictionInterval,
                cacheBytes,
                dir,
                applicationServer,
                processingGuarantee,
                replicationFactor,
                minInsyncReplicas,
                closeTimeout,
                tallyEmitInterval);
    }

    /** The same settings running only the given topologies. */
    public StreamsStageConfig only(final Set<Part> parts) {
        return new StreamsStageConfig(
                EnumSet.copyOf(parts),
                threads,
                horizonDays,
                commitInterval,
                evictionInterval,
                cacheBytes,
                stateDir,
                applicationServer,
                processingGuarantee,
                replicationFactor,
                minInsyncReplicas,
                closeTimeout,
                tallyEmitInterval);
    }
}
