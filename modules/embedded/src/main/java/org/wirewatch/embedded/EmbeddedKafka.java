package org.wirewatch.embedded;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.Uuid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node Kafka broker (KRaft, combined broker and controller) running in this JVM.
 *
 * <p>This is the broker code of {@code kafka_2.13}, not a fake: transactions, compaction and consumer groups
 * behave as on a cluster. It serves two users: {@code wirewatch run} (fixed port, data directory that survives
 * restarts) and the integration tests (ephemeral port, throw-away directory).
 *
 * <p>The data directory is formatted only when it is empty, so a restart on the same directory keeps its
 * topics, records and committed offsets. A directory holding anything but a formatted Kafka log is refused
 * rather than overwritten.
 *
 * <p>The defaults are the ones exactly-once processing needs on one node: replication factor 1 and
 * min ISR 1 for the internal topics (otherwise Kafka Streams waits in REBALANCING forever), no initial
 * rebalance delay, a small log-cleaner buffer (the 128 MiB default exhausts small heaps and the cleaner's
 * fault handler then exits the JVM), no auto-created topics (topics come from the catalogue only) and a short
 * broker session, so that a restart after a kill does not wait out the dead process's registration.
 *
 * <pre>{@code
 * try (EmbeddedKafka kafka = EmbeddedKafka.builder().dataDir(dir).port(0).start()) {
 *     String bootstrap = kafka.bootstrapServers();
 * }
 * }</pre>
 */
public final class EmbeddedKafka implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafka.class);

    /** The node id of the single combined broker/controller. */
    static final int NODE_ID = 1;
    /** The marker the storage formatter writes; its presence means the directory holds a Kafka log. */
    static final String META_PROPERTIES = KRaftNode.META_PROPERTIES;

    private static final int BIND_ATTEMPTS = 5;

    private final KRaftNode node;
    private final DirectoryLock lock;
    private final String clusterId;
    private final Duration startupTime;
    private boolean closed;

    private EmbeddedKafka(KRaftNode node, DirectoryLock lock, String clusterId, Duration startupTime) {
        this.node = node;
        this.lock = lock;
        this.clusterId = clusterId;
        this.startupTime = startupTime;
    }

    /** @return a builder with the defaults: ephemeral port, a fresh directory under {@code java.io.tmpdir}. */
    public static Builder builder() {
        return new Builder();
    }

    /** @return {@code localhost:port}, ready for {@code bootstrap.servers}. */
    public String bootstrapServers() {
        return node.bootstrapServers();
    }

    /** @return the port clients connect to (the one chosen when 0 was requested). */
    public int port() {
        return node.clientPort();
    }

    /** @return the directory holding the metadata log and all topic data. */
    public Path dataDir() {
        return node.dir();
    }

    /** @return the cluster id, fixed when the directory was formatted. */
    public String clusterId() {
        return clusterId;
    }

    /** @return how long {@link Builder#start()} took until the broker answered a metadata request. */
    public Duration startupTime() {
        return startupTime;
    }

    /** Shuts the broker down and waits until it has released its ports and the directory lock. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        LOG.info("Stopping embedded Kafka on {}", bootstrapServers());
        try {
            node.stop();
        } finally {
            lock.close();
        }
        LOG.info("Embedded Kafka stopped");
    }

    /**
     * Settings of an embedded broker (data directory, broker settings and a ready timeout of 60 s by default, see
     * {@link KRaftBuilder}); {@link #start()} formats the directory if needed and starts it.
     */
    public static final class Builder extends KRaftBuilder<Builder> {
        private int port;
        private int controllerPort;

        private Builder() {
            super(Duration.ofSeconds(60));
        }

        @Override
        Builder self() {
            return this;
        }

        /** Client port; 0 (the default) picks a free one. */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be 0..65535, was " + port);
            }
            this.port = port;
            return this;
        }

        /** Controller (KRaft quorum) port; 0 (the default) picks a free one. Clients never use it. */
        public Builder controllerPort(int controllerPort) {
            if (controllerPort < 0 || controllerPort > 65535) {
                throw new IllegalArgumentException("controller port must be 0..65535, was " + controllerPort);
            }
            this.controllerPort = controllerPort;
            return this;
        }

        /**
         * Formats the directory when it is empty, starts the broker and waits until it answers clients.
         *
         * @throws IllegalStateException when the directory holds something other than a Kafka log, or the broker
         *                               does not become ready in time
         */
        public EmbeddedKafka start() {
            long started = System.nanoTime();
            Path dir = dataDir != null ? dataDir : KRaftNode.temporaryDirectory("embedded-kafka-");
            DirectoryLock lock = DirectoryLock.acquire(dir);
            try {
                return start(dir, lock, started);
            } catch (RuntimeException e) {
                lock.close();
                throw e;
            }
        }

        private EmbeddedKafka start(Path dir, DirectoryLock lock, long started) {
            if (port != 0) {
                KRaftNode.requireFree(port, "client");
            }
            if (controllerPort != 0) {
                KRaftNode.requireFree(controllerPort, "controller");
            }
            String clusterId =
                    KRaftNode.formatIfEmpty(dir, NODE_ID, Uuid.randomUuid().toString());
            Map<String, String> settings = new LinkedHashMap<>(singleNodeDefaults());
            settings.putAll(overrides);
            // A port we pick ourselves can be taken by someone else before the broker binds it: try again then.
            for (int attempt = 1; ; attempt++) {
                int clientPort = port != 0 ? port : KRaftNode.freePort(List.of());
                int quorumPort = controllerPort != 0 ? controllerPort : KRaftNode.freePort(List.of(clientPort));
                KRaftNode node = new KRaftNode(
                        NODE_ID,
                        dir,
                        clientPort,
                        quorumPort,
                        NODE_ID + "@" + KRaftNode.HOST + ":" + quorumPort,
                        settings);
                try {
                    node.start();
                } catch (RuntimeException e) {
                    // fixed ports were checked above, so a bind failure here concerns a port we picked
                    boolean ephemeral = port == 0 || controllerPort == 0;
                    if (ephemeral && KRaftNode.isBindFailure(e) && attempt < BIND_ATTEMPTS) {
                        LOG.debug("Port {} or {} was taken, retrying", clientPort, quorumPort);
                        continue;
                    }
                    throw new IllegalStateException(
                            "Embedded Kafka failed to start on port " + clientPort + " with data in " + dir + ": "
                                    + e.getMessage(),
                            e);
                }
                try {
                    KRaftNode.awaitCluster(node.bootstrapServers(), readyTimeout, nodes -> !nodes.isEmpty(), "ready");
                } catch (RuntimeException e) {
                    node.stop();
                    throw new IllegalStateException(
                            "Embedded Kafka on " + node.bootstrapServers() + " did not become ready within "
                                    + readyTimeout,
                            e);
                }
                Duration took = Duration.ofNanos(System.nanoTime() - started);
                LOG.info(
                        "Embedded Kafka ready on {} (cluster {}, data in {}) after {} ms",
                        node.bootstrapServers(),
                        clusterId,
                        dir,
                        took.toMillis());
                return new EmbeddedKafka(node, lock, clusterId, took);
            }
        }
    }

    /**
     * The broker settings that make one node behave for exactly-once processing and for the catalogue:
     * public so the run command can log them.
     */
    public static Map<String, String> singleNodeDefaults() {
        return replicatedDefaults(1, 1);
    }

    /**
     * The settings every embedded node shares, for topics replicated {@code replicationFactor} times with
     * {@code minInsyncReplicas} in sync for a write with {@code acks=all}: the internal topics of groups, transactions
     * and share groups included, since exactly-once processing stops when those cannot be written.
     */
    static Map<String, String> replicatedDefaults(int replicationFactor, int minInsyncReplicas) {
        String rf = Integer.toString(replicationFactor);
        String isr = Integer.toString(minInsyncReplicas);
        Map<String, String> p = new LinkedHashMap<>();
        p.put("offsets.topic.replication.factor", rf);
        p.put("offsets.topic.num.partitions", "5");
        p.put("transaction.state.log.replication.factor", rf);
        p.put("transaction.state.log.min.isr", isr);
        p.put("transaction.state.log.num.partitions", "5");
        p.put("share.coordinator.state.topic.replication.factor", rf);
        p.put("share.coordinator.state.topic.min.isr", isr);
        p.put("default.replication.factor", rf);
        p.put("min.insync.replicas", isr);
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("log.cleaner.dedupe.buffer.size", "2097152");
        p.put("auto.create.topics.enable", "false");
        p.put("num.partitions", "1");
        // A restarted node is refused (DUPLICATE_BROKER_REGISTRATION) until the controller lets its previous
        // registration's session expire; after a kill the controller then fences the broker, so every partition goes
        // offline and every coordinator unloads and loads again. The default 9 s session made that most of a
        // restart; brokers and controllers share this JVM, so a short one is safe.
        p.put("broker.session.timeout.ms", "3000");
        p.put("broker.heartbeat.interval.ms", "500");
        return p;
    }
}
