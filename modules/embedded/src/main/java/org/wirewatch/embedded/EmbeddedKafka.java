package org.wirewatch.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;
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
    static final String META_PROPERTIES = "meta.properties";

    private static final String HOST = "localhost";
    private static final int BIND_ATTEMPTS = 5;

    private final KafkaRaftServer server;
    private final DirectoryLock lock;
    private final Path dataDir;
    private final int port;
    private final String clusterId;
    private final Duration startupTime;
    private boolean closed;

    private EmbeddedKafka(KafkaRaftServer server, DirectoryLock lock, Path dataDir, int port, String clusterId,
            Duration startupTime) {
        this.server = server;
        this.lock = lock;
        this.dataDir = dataDir;
        this.port = port;
        this.clusterId = clusterId;
        this.startupTime = startupTime;
    }

    /** @return a builder with the defaults: ephemeral port, a fresh directory under {@code java.io.tmpdir}. */
    public static Builder builder() {
        return new Builder();
    }

    /** @return {@code localhost:port}, ready for {@code bootstrap.servers}. */
    public String bootstrapServers() {
        return HOST + ":" + port;
    }

    /** @return the port clients connect to (the one chosen when 0 was requested). */
    public int port() {
        return port;
    }

    /** @return the directory holding the metadata log and all topic data. */
    public Path dataDir() {
        return dataDir;
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
            server.shutdown();
            server.awaitShutdown();
        } finally {
            lock.close();
        }
        LOG.info("Embedded Kafka stopped");
    }

    /** Settings of an embedded broker; {@link #start()} formats the directory if needed and starts it. */
    public static final class Builder {
        private int port;
        private int controllerPort;
        private Path dataDir;
        private final Map<String, String> overrides = new LinkedHashMap<>();
        private Duration readyTimeout = Duration.ofSeconds(60);

        private Builder() {
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

        /** Directory for the metadata log and topic data; created if missing, formatted if empty. */
        public Builder dataDir(Path dataDir) {
            this.dataDir = Objects.requireNonNull(dataDir, "dataDir");
            return this;
        }

        /** Any broker setting, applied last (for example {@code num.partitions}). */
        public Builder brokerProperty(String key, String value) {
            overrides.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /** How long to wait for the broker to answer clients after start-up; 60 s by default. */
        public Builder readyTimeout(Duration readyTimeout) {
            this.readyTimeout = Objects.requireNonNull(readyTimeout, "readyTimeout");
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
            Path dir = dataDir != null ? dataDir : temporaryDirectory();
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
                requireFree(port, "client");
            }
            if (controllerPort != 0) {
                requireFree(controllerPort, "controller");
            }
            String clusterId = formatIfEmpty(dir);
            // A port we pick ourselves can be taken by someone else before the broker binds it: try again then.
            for (int attempt = 1; ; attempt++) {
                int clientPort = port != 0 ? port : freePort();
                int quorumPort = controllerPort != 0 ? controllerPort : freePort(clientPort);
                Properties props = brokerProperties(dir, clientPort, quorumPort);
                KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
                try {
                    server.startup();
                } catch (RuntimeException e) {
                    shutdownQuietly(server);
                    // fixed ports were checked above, so a bind failure here concerns a port we picked
                    boolean ephemeral = port == 0 || controllerPort == 0;
                    if (ephemeral && isBindFailure(e) && attempt < BIND_ATTEMPTS) {
                        LOG.debug("Port {} or {} was taken, retrying", clientPort, quorumPort);
                        continue;
                    }
                    throw new IllegalStateException("Embedded Kafka failed to start on port " + clientPort
                            + " with data in " + dir + ": " + e.getMessage(), e);
                }
                String bootstrap = HOST + ":" + clientPort;
                try {
                    awaitReady(bootstrap, readyTimeout);
                } catch (RuntimeException e) {
                    shutdownQuietly(server);
                    throw e;
                }
                Duration took = Duration.ofNanos(System.nanoTime() - started);
                LOG.info("Embedded Kafka ready on {} (cluster {}, data in {}) after {} ms",
                        bootstrap, clusterId, dir, took.toMillis());
                return new EmbeddedKafka(server, lock, dir, clientPort, clusterId, took);
            }
        }

        private Properties brokerProperties(Path dir, int clientPort, int quorumPort) {
            Map<String, String> p = new LinkedHashMap<>();
            p.put("process.roles", "broker,controller");
            p.put("node.id", Integer.toString(NODE_ID));
            // A static voter set keeps the controller address out of the metadata log, so a restart may use
            // a different controller port on the same directory.
            p.put("controller.quorum.voters", NODE_ID + "@" + HOST + ":" + quorumPort);
            p.put("controller.listener.names", "CONTROLLER");
            p.put("listeners", "PLAINTEXT://" + HOST + ":" + clientPort + ",CONTROLLER://" + HOST + ":" + quorumPort);
            p.put("advertised.listeners", "PLAINTEXT://" + HOST + ":" + clientPort);
            p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
            p.put("inter.broker.listener.name", "PLAINTEXT");
            p.put("log.dirs", dir.toAbsolutePath().toString());
            p.putAll(singleNodeDefaults());
            p.putAll(overrides);
            Properties props = new Properties();
            props.putAll(p);
            return props;
        }

        private String formatIfEmpty(Path dir) {
            try {
                Files.createDirectories(dir);
                if (Files.exists(dir.resolve(META_PROPERTIES))) {
                    return readClusterId(dir);
                }
                try (Stream<Path> entries = Files.list(dir)) {
                    List<Path> content = entries.limit(3).toList();
                    if (!content.isEmpty()) {
                        throw new IllegalStateException("Refusing to format " + dir + " for Kafka: it is not empty"
                                + " and holds no " + META_PROPERTIES + " (found " + content + ")");
                    }
                }
                String clusterId = Uuid.randomUuid().toString();
                new Formatter()
                        .setPrintStream(LoggingPrintStream.debug(LOG))
                        .setNodeId(NODE_ID)
                        .setClusterId(clusterId)
                        .setControllerListenerName("CONTROLLER")
                        .setMetadataLogDirectory(dir.toAbsolutePath().toString())
                        .addDirectory(dir.toAbsolutePath().toString())
                        .setReleaseVersion(MetadataVersion.latestProduction())
                        .run();
                LOG.info("Formatted {} for Kafka (cluster {})", dir, clusterId);
                return clusterId;
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot prepare the Kafka data directory " + dir, e);
            } catch (IllegalStateException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException("Cannot format the Kafka data directory " + dir + ": "
                        + e.getMessage(), e);
            }
        }
    }

    /**
     * The broker settings that make one node behave for exactly-once processing and for the catalogue:
     * public so the run command can log them.
     */
    public static Map<String, String> singleNodeDefaults() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "5");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("transaction.state.log.num.partitions", "5");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("default.replication.factor", "1");
        p.put("min.insync.replicas", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("log.cleaner.dedupe.buffer.size", "2097152");
        p.put("auto.create.topics.enable", "false");
        p.put("num.partitions", "1");
        // After a kill the restarted controller still holds the dead process's broker registration and refuses the
        // new one until that registration's session expires (DUPLICATE_BROKER_REGISTRATION); then it fences the
        // broker, so every partition goes offline and every coordinator unloads and loads again. The default 9 s
        // session made that most of a restart; broker and controller share this JVM, so a short one is safe.
        p.put("broker.session.timeout.ms", "3000");
        p.put("broker.heartbeat.interval.ms", "500");
        return p;
    }

    private static String readClusterId(Path dir) throws IOException {
        Properties meta = new Properties();
        try (var in = Files.newInputStream(dir.resolve(META_PROPERTIES))) {
            meta.load(in);
        }
        return meta.getProperty("cluster.id", "unknown");
    }

    private static void awaitReady(String bootstrapServers, Duration timeout) {
        Map<String, Object> conf = Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) Math.min(Integer.MAX_VALUE, timeout.toMillis()));
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Admin admin = Admin.create(conf)) {
            while (true) {
                try {
                    int nodes = admin.describeCluster(new DescribeClusterOptions().timeoutMs(5_000))
                            .nodes().get(10, TimeUnit.SECONDS).size();
                    if (nodes > 0) {
                        return;
                    }
                } catch (ExecutionException | TimeoutException e) {
                    LOG.debug("Broker not ready yet: {}", e.toString());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("Interrupted while waiting for the broker", e);
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Embedded Kafka on " + bootstrapServers
                            + " did not become ready within " + timeout);
                }
            }
        }
    }

    private static boolean isBindFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BindException
                    || (t.getMessage() != null && t.getMessage().contains("Address already in use"))) {
                return true;
            }
        }
        return false;
    }

    private static void shutdownQuietly(KafkaRaftServer server) {
        try {
            server.shutdown();
            server.awaitShutdown();
        } catch (RuntimeException e) {
            LOG.debug("Ignoring failure while shutting down a broker that did not start", e);
        }
    }

    /** Fails fast with a clear message instead of a broker start-up that ends in a bind error. */
    private static void requireFree(int port, String what) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new java.net.InetSocketAddress(InetAddress.getByName(HOST), port));
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start embedded Kafka: " + what + " port " + port + " on " + HOST
                    + " is in use (another Kafka, or another 'wirewatch run'?); choose another port", e);
        }
    }

    private static int freePort(int... avoid) {
        for (int i = 0; i < 20; i++) {
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
                socket.setReuseAddress(true);
                int candidate = socket.getLocalPort();
                if (avoid.length == 0 || avoid[0] != candidate) {
                    return candidate;
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot find a free port", e);
            }
        }
        throw new IllegalStateException("Cannot find a free port");
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("embedded-kafka-");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a temporary Kafka data directory", e);
        }
    }
}
