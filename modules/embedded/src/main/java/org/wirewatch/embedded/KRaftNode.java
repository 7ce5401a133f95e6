package org.wirewatch.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import java.util.stream.Stream;
import kafka.server.BrokerServer;
import kafka.server.ControllerServer;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.server.Server$;
import kafka.server.SharedServer;
import kafka.server.StandardFaultHandlerFactory;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.metrics.Metrics;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.bootstrap.BootstrapMetadata;
import org.apache.kafka.metadata.properties.MetaPropertiesEnsemble;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.raft.QuorumConfig;
import org.apache.kafka.server.ServerSocketFactory;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One KRaft node in this JVM, broker and controller combined, on fixed ports and a formatted directory: the piece
 * that {@link EmbeddedKafka} runs once and {@link EmbeddedKafkaCluster} several times. It can be stopped and started
 * again on the same directory and ports; each start builds new servers, since a Kafka server never starts twice.
 *
 * <p>It assembles the broker and the controller over their shared raft client the way {@link KafkaRaftServer} does,
 * rather than running a {@code KafkaRaftServer}, so that a cluster can stop every broker before any controller: a
 * broker's controlled shutdown needs a quorum of controllers to approve it, and a {@code KafkaRaftServer} stops its
 * own controller right after its broker, so the last broker of a cluster closing at once could wait five minutes for a
 * quorum that is gone.
 */
final class KRaftNode {

    private static final Logger LOG = LoggerFactory.getLogger(KRaftNode.class);

    static final String HOST = "localhost";
    /** The marker the storage formatter writes; its presence means the directory holds a Kafka log. */
    static final String META_PROPERTIES = "meta.properties";

    private final int nodeId;
    private final Path dir;
    private final int clientPort;
    private final int controllerPort;
    private final Properties properties;
    private BrokerServer broker;
    private ControllerServer controller;

    /**
     * @param voters    the static controller quorum, {@code id@host:port,...}
     * @param settings  broker settings applied over the listeners (defaults first, then overrides)
     */
    KRaftNode(int nodeId, Path dir, int clientPort, int controllerPort, String voters, Map<String, String> settings) {
        this.nodeId = nodeId;
        this.dir = dir;
        this.clientPort = clientPort;
        this.controllerPort = controllerPort;
        Map<String, String> p = new LinkedHashMap<>();
        p.put("process.roles", "broker,controller");
        p.put("node.id", Integer.toString(nodeId));
        // A static voter set keeps the controller addresses out of the metadata log, so a restart may use other
        // controller ports on the same directory.
        p.put("controller.quorum.voters", voters);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("listeners", "PLAINTEXT://" + HOST + ":" + clientPort + ",CONTROLLER://" + HOST + ":" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://" + HOST + ":" + clientPort);
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("log.dirs", dir.toAbsolutePath().toString());
        p.putAll(settings);
        this.properties = new Properties();
        this.properties.putAll(p);
    }

    int nodeId() {
        return nodeId;
    }

    Path dir() {
        return dir;
    }

    int clientPort() {
        return clientPort;
    }

    int controllerPort() {
        return controllerPort;
    }

    String bootstrapServers() {
        return HOST + ":" + clientPort;
    }

    synchronized boolean running() {
        return broker != null || controller != null;
    }

    /**
     * Starts the node and returns once its broker is caught up with the metadata log and unfenced, which needs a
     * controller quorum: the nodes of a new cluster must therefore start concurrently.
     */
    synchronized void start() {
        if (running()) {
            throw new IllegalStateException("Node " + nodeId + " is already running");
        }
        KafkaConfig config = KafkaConfig.fromProps(properties, false);
        scala.Tuple2<MetaPropertiesEnsemble, BootstrapMetadata> logDirs =
                KafkaRaftServer.initializeLogDirs(config, LOG, "[KRaftNode id=" + nodeId + "] ");
        Metrics metrics = Server$.MODULE$.initializeMetrics(
                config, Time.SYSTEM, logDirs._1().clusterId().orElseThrow());
        SharedServer shared = new SharedServer(
                config,
                logDirs._1(),
                Time.SYSTEM,
                metrics,
                CompletableFuture.completedFuture(
                        QuorumConfig.parseVoterConnections(config.quorumConfig().voters())),
                QuorumConfig.parseBootstrapServers(config.quorumConfig().bootstrapServers()),
                new StandardFaultHandlerFactory(),
                ServerSocketFactory.INSTANCE);
        controller = new ControllerServer(shared, KafkaRaftServer.configSchema(), logDirs._2());
        broker = new BrokerServer(shared);
        try {
            controller.startup();
            broker.startup();
        } catch (RuntimeException e) {
            stopQuietly();
            throw e;
        }
    }

    /** Shuts the node down (a controlled shutdown: its partition leadership moves first) and waits until it is gone. */
    synchronized void stop() {
        stopBroker();
        stopController();
    }

    /**
     * Shuts the broker down with a controlled shutdown, which the controller quorum must approve; the node's
     * controller goes on voting until {@link #stopController()}.
     */
    synchronized void stopBroker() {
        if (broker == null) {
            return;
        }
        try {
            broker.shutdown();
            broker.awaitShutdown();
        } finally {
            broker = null;
        }
    }

    /** Shuts the controller down, and with it the raft client it shares with the broker. */
    synchronized void stopController() {
        if (controller == null) {
            return;
        }
        try {
            controller.shutdown();
            controller.awaitShutdown();
        } finally {
            controller = null;
        }
    }

    /** Stops what runs of a node that failed to start; what fails while stopping is logged, not thrown. */
    private void stopQuietly() {
        try {
            stop();
        } catch (RuntimeException e) {
            LOG.debug("Ignoring failure while shutting down node {}, which did not start", nodeId, e);
        }
    }

    /**
     * Formats {@code dir} for {@code nodeId} when it is empty; a formatted directory is kept as it is.
     *
     * @param newClusterId the cluster id to format with
     * @return the cluster id the directory holds
     * @throws IllegalStateException when the directory holds anything but a formatted Kafka log
     */
    static String formatIfEmpty(Path dir, int nodeId, String newClusterId) {
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
            new Formatter()
                    .setPrintStream(LoggingPrintStream.debug(LOG))
                    .setNodeId(nodeId)
                    .setClusterId(newClusterId)
                    .setControllerListenerName("CONTROLLER")
                    .setMetadataLogDirectory(dir.toAbsolutePath().toString())
                    .addDirectory(dir.toAbsolutePath().toString())
                    .setReleaseVersion(MetadataVersion.latestProduction())
                    .run();
            LOG.info("Formatted {} for Kafka (cluster {}, node {})", dir, newClusterId, nodeId);
            return newClusterId;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare the Kafka data directory " + dir, e);
        } catch (IllegalStateException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("Cannot format the Kafka data directory " + dir + ": " + e.getMessage(), e);
        }
    }

    private static String readClusterId(Path dir) throws IOException {
        Properties meta = new Properties();
        try (var in = Files.newInputStream(dir.resolve(META_PROPERTIES))) {
            meta.load(in);
        }
        return meta.getProperty("cluster.id", "unknown");
    }

    /**
     * Waits until the brokers at {@code bootstrapServers} describe a cluster whose live nodes satisfy {@code ready}.
     *
     * @throws IllegalStateException when that does not happen within {@code timeout}
     */
    static void awaitCluster(
            String bootstrapServers, Duration timeout, Predicate<Collection<Node>> ready, String what) {
        Map<String, Object> conf = Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG,
                5_000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                (int) Math.min(Integer.MAX_VALUE, timeout.toMillis()));
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Admin admin = Admin.create(conf)) {
            while (true) {
                try {
                    Collection<Node> nodes = admin.describeCluster(new DescribeClusterOptions().timeoutMs(5_000))
                            .nodes()
                            .get(10, TimeUnit.SECONDS);
                    if (ready.test(nodes)) {
                        return;
                    }
                    Thread.sleep(50);
                } catch (ExecutionException | TimeoutException e) {
                    LOG.debug("Not {} yet: {}", what, e.toString());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("Interrupted while waiting for Kafka: " + what, e);
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(
                            "Kafka on " + bootstrapServers + ": not " + what + " within " + timeout);
                }
            }
        }
    }

    static boolean isBindFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BindException
                    || (t.getMessage() != null && t.getMessage().contains("Address already in use"))) {
                return true;
            }
        }
        return false;
    }

    /** Fails fast with a clear message instead of a broker start-up that ends in a bind error. */
    static void requireFree(int port, String what) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getByName(HOST), port));
        } catch (IOException e) {
            throw new IllegalStateException(
                    "Cannot start embedded Kafka: " + what + " port " + port + " on " + HOST
                            + " is in use (another Kafka, or another 'wirewatch run'?); choose another port",
                    e);
        }
    }

    /** A port that is free now and not among {@code taken}; someone else may still take it before the broker binds. */
    static int freePort(Collection<Integer> taken) {
        for (int i = 0; i < 20; i++) {
            try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
                socket.setReuseAddress(true);
                int candidate = socket.getLocalPort();
                if (!taken.contains(candidate)) {
                    return candidate;
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot find a free port", e);
            }
        }
        throw new IllegalStateException("Cannot find a free port");
    }

    static Path temporaryDirectory(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a temporary Kafka data directory", e);
        }
    }
}
