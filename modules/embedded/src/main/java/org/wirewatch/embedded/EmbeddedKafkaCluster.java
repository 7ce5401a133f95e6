package org.wirewatch.embedded;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.Uuid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Kafka cluster of several KRaft nodes in this JVM, each broker and controller at once, for tests of what
 * replication promises: a node can be {@linkplain #stop(int) stopped} and {@linkplain #restart(int) started again} on
 * its directory and ports while the others go on serving.
 *
 * <p>The defaults ({@link #clusterDefaults(int)}) are those of a production cluster: every topic, the group, transaction
 * and share-group state included, replicated on three nodes (fewer in a smaller cluster) with one fewer in sync for a
 * write with {@code acks=all}, so one node may be down without a write failing. Node ids are 1 to N; node N's data is
 * under {@code <dataDir>/node-N}.
 *
 * <pre>{@code
 * try (EmbeddedKafkaCluster kafka = EmbeddedKafkaCluster.builder().nodes(3).dataDir(dir).start()) {
 *     kafka.stop(2);
 *     // ... clients on kafka.bootstrapServers() go on with nodes 1 and 3
 *     kafka.restart(2);
 *     kafka.awaitInSync(Duration.ofMinutes(1));
 * }
 * }</pre>
 */
public final class EmbeddedKafkaCluster implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafkaCluster.class);
    private static final int BIND_ATTEMPTS = 5;
    /** How long stopping every broker, then every controller, may take; a broker left waiting would wait 5 min. */
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(60);

    private final List<KRaftNode> nodes;
    private final List<DirectoryLock> locks;
    private final Path dataDir;
    private final String clusterId;
    private final Duration readyTimeout;
    private boolean closed;

    private EmbeddedKafkaCluster(
            List<KRaftNode> nodes, List<DirectoryLock> locks, Path dataDir, String clusterId, Duration readyTimeout) {
        this.nodes = List.copyOf(nodes);
        this.locks = List.copyOf(locks);
        this.dataDir = dataDir;
        this.clusterId = clusterId;
        this.readyTimeout = readyTimeout;
    }

    /** @return a builder with the defaults: three nodes, ephemeral ports, a fresh directory under {@code java.io.tmpdir}. */
    public static Builder builder() {
        return new Builder();
    }

    /** @return every node's {@code localhost:port}, comma-separated, ready for {@code bootstrap.servers}. */
    public String bootstrapServers() {
        return nodes.stream().map(KRaftNode::bootstrapServers).collect(Collectors.joining(","));
    }

    /** @return the node ids, 1 to N. */
    public List<Integer> nodeIds() {
        return nodes.stream().map(KRaftNode::nodeId).toList();
    }

    /** @return whether the node runs (it was not stopped, or was restarted since). */
    public boolean isRunning(int nodeId) {
        return node(nodeId).running();
    }

    /** @return the directory under which each node keeps its data. */
    public Path dataDir() {
        return dataDir;
    }

    /** @return the cluster id all nodes were formatted with. */
    public String clusterId() {
        return clusterId;
    }

    /**
     * Stops one node with a controlled shutdown (the controller moves its partition leadership to the other replicas
     * first) and returns once it is gone. Stopping a stopped node does nothing.
     */
    public synchronized void stop(int nodeId) {
        KRaftNode node = node(nodeId);
        if (!node.running()) {
            return;
        }
        long started = System.nanoTime();
        node.stop();
        LOG.info("Kafka node {} stopped in {} ms", nodeId, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
    }

    /**
     * Starts a stopped node again on its directory and ports, and returns once the other nodes see it as a live
     * broker. Its replicas are then catching up; {@link #awaitInSync(Duration)} waits for them.
     */
    public synchronized void restart(int nodeId) {
        KRaftNode node = node(nodeId);
        if (node.running()) {
            throw new IllegalStateException("Kafka node " + nodeId + " is running");
        }
        long started = System.nanoTime();
        KRaftNode.requireFree(node.clientPort(), "client");
        node.start();
        KRaftNode.awaitCluster(
                bootstrapServers(),
                readyTimeout,
                live -> live.stream().anyMatch(n -> n.id() == nodeId),
                "serving node " + nodeId + " again");
        LOG.info(
                "Kafka node {} restarted in {} ms", nodeId, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
    }

    /**
     * Waits until every replica of every partition is in sync (none left behind by a stopped node), or fails.
     *
     * @throws IllegalStateException naming the partitions still short of replicas after {@code timeout}
     */
    public void awaitInSync(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<String> lagging = List.of();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
            while (System.nanoTime() < deadline) {
                try {
                    Set<String> topics = admin.listTopics().names().get(10, TimeUnit.SECONDS);
                    Map<String, TopicDescription> described =
                            admin.describeTopics(topics).allTopicNames().get(10, TimeUnit.SECONDS);
                    lagging = new ArrayList<>();
                    for (TopicDescription d : described.values()) {
                        for (TopicPartitionInfo p : d.partitions()) {
                            if (p.isr().size() < p.replicas().size()) {
                                lagging.add(d.name() + "-" + p.partition() + " (isr " + ids(p.isr()) + " of "
                                        + ids(p.replicas()) + ")");
                            }
                        }
                    }
                    if (lagging.isEmpty()) {
                        return;
                    }
                } catch (ExecutionException | TimeoutException e) {
                    LOG.debug("Cannot describe the topics yet: {}", e.toString());
                }
                Thread.sleep(100);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the replicas", e);
        }
        throw new IllegalStateException("Replicas not in sync after " + timeout + ": "
                + lagging.stream().limit(10).toList() + (lagging.size() > 10 ? " and more" : ""));
    }

    private static List<Integer> ids(List<Node> nodes) {
        return nodes.stream().map(Node::id).toList();
    }

    /**
     * Stops every broker, then every controller, then releases the directories. Brokers first, because a broker's
     * controlled shutdown needs a quorum of controllers to approve it: stopping whole nodes, one by one or at once,
     * can leave the last broker waiting for a quorum that is gone. Idempotent.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        LOG.info("Stopping the embedded Kafka cluster on {}", bootstrapServers());
        try {
            stopAll(nodes);
        } finally {
            locks.forEach(DirectoryLock::close);
        }
    }

    private KRaftNode node(int nodeId) {
        return nodes.stream()
                .filter(n -> n.nodeId() == nodeId)
                .findFirst()
                .orElseThrow(
                        () -> new IllegalArgumentException("No Kafka node " + nodeId + "; nodes are " + nodeIds()));
    }

    /**
     * The broker settings of an {@code nodes}-node cluster: replication factor {@code min(3, nodes)} for every topic,
     * one fewer replica in sync for {@code acks=all} (at least one), and what {@link EmbeddedKafka#singleNodeDefaults()}
     * sets besides for exactly-once processing and the catalogue.
     */
    public static Map<String, String> clusterDefaults(int nodes) {
        int replicationFactor = Math.min(3, nodes);
        return EmbeddedKafka.replicatedDefaults(replicationFactor, Math.max(1, replicationFactor - 1));
    }

    /**
     * Settings of an embedded cluster (node N's data in {@code <dataDir>/node-N}, broker settings of every node over
     * {@link #clusterDefaults(int)}, a ready timeout of 90 s by default, for the cluster and for a restarted node, see
     * {@link KRaftBuilder}); {@link #start()} formats the directories if needed and starts every node.
     */
    public static final class Builder extends KRaftBuilder<Builder> {
        private int nodes = 3;

        private Builder() {
            super(Duration.ofSeconds(90));
        }

        @Override
        Builder self() {
            return this;
        }

        /** How many nodes, each broker and controller; 3 by default. */
        public Builder nodes(int nodes) {
            if (nodes < 1 || nodes > 9) {
                throw new IllegalArgumentException("nodes must be 1..9, was " + nodes);
            }
            this.nodes = nodes;
            return this;
        }

        /**
         * Formats the node directories that are empty, starts every node and waits until all of them serve clients.
         *
         * @throws IllegalStateException when a directory holds something other than a Kafka log of this cluster, or
         *                               the cluster does not become ready in time
         */
        public EmbeddedKafkaCluster start() {
            long started = System.nanoTime();
            Path dir = dataDir != null ? dataDir : KRaftNode.temporaryDirectory("embedded-kafka-cluster-");
            List<DirectoryLock> locks = new ArrayList<>();
            try {
                for (int id = 1; id <= nodes; id++) {
                    locks.add(DirectoryLock.acquire(nodeDir(dir, id)));
                }
                String clusterId = format(dir);
                EmbeddedKafkaCluster cluster = startNodes(dir, locks, clusterId);
                LOG.info(
                        "Embedded Kafka cluster of {} nodes ready on {} (cluster {}, data in {}) after {} ms",
                        nodes,
                        cluster.bootstrapServers(),
                        clusterId,
                        dir,
                        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
                return cluster;
            } catch (RuntimeException e) {
                locks.forEach(DirectoryLock::close);
                throw e;
            }
        }

        /** Formats every empty node directory with one cluster id: the one the formatted ones hold, else a new one. */
        private String format(Path dir) {
            String clusterId = Uuid.randomUuid().toString();
            Set<String> ids = new HashSet<>();
            for (int id = 1; id <= nodes; id++) {
                if (java.nio.file.Files.exists(nodeDir(dir, id).resolve(KRaftNode.META_PROPERTIES))) {
                    clusterId = KRaftNode.formatIfEmpty(nodeDir(dir, id), id, clusterId);
                    ids.add(clusterId);
                }
            }
            if (ids.size() > 1) {
                throw new IllegalStateException(
                        "The node directories under " + dir + " belong to different clusters: " + ids);
            }
            for (int id = 1; id <= nodes; id++) {
                KRaftNode.formatIfEmpty(nodeDir(dir, id), id, clusterId);
            }
            return clusterId;
        }

        private EmbeddedKafkaCluster startNodes(Path dir, List<DirectoryLock> locks, String clusterId) {
            Map<String, String> settings = new LinkedHashMap<>(clusterDefaults(nodes));
            settings.putAll(overrides);
            // Ports we pick ourselves can be taken by someone else before the brokers bind them: try again then.
            for (int attempt = 1; ; attempt++) {
                List<Integer> ports = new ArrayList<>();
                for (int i = 0; i < 2 * nodes; i++) {
                    ports.add(KRaftNode.freePort(ports));
                }
                String voters = java.util.stream.IntStream.rangeClosed(1, nodes)
                        .mapToObj(id -> id + "@" + KRaftNode.HOST + ":" + ports.get(nodes + id - 1))
                        .collect(Collectors.joining(","));
                List<KRaftNode> started = new ArrayList<>();
                for (int id = 1; id <= nodes; id++) {
                    started.add(new KRaftNode(
                            id, nodeDir(dir, id), ports.get(id - 1), ports.get(nodes + id - 1), voters, settings));
                }
                try {
                    // A node's start-up returns only once a quorum of controllers has elected a leader: all at once.
                    onEachNode(started, KRaftNode::start, readyTimeout, "start");
                    EmbeddedKafkaCluster cluster =
                            new EmbeddedKafkaCluster(started, locks, dir, clusterId, readyTimeout);
                    KRaftNode.awaitCluster(
                            cluster.bootstrapServers(),
                            readyTimeout,
                            live -> live.size() == nodes,
                            "serving all " + nodes + " nodes");
                    return cluster;
                } catch (RuntimeException e) {
                    stopAll(started);
                    if (KRaftNode.isBindFailure(e) && attempt < BIND_ATTEMPTS) {
                        LOG.debug("A port of {} was taken, retrying", ports);
                        continue;
                    }
                    throw new IllegalStateException(
                            "The embedded Kafka cluster failed to start with data in " + dir + ": " + e.getMessage(),
                            e);
                }
            }
        }

        private static Path nodeDir(Path dir, int nodeId) {
            return dir.resolve("node-" + nodeId);
        }
    }

    /**
     * Stops the running ones of {@code toStop}: their brokers at once while every controller still votes, then their
     * controllers at once. Logs what fails rather than throwing.
     */
    private static void stopAll(List<KRaftNode> toStop) {
        List<KRaftNode> running = toStop.stream().filter(KRaftNode::running).toList();
        try {
            onEachNode(running, KRaftNode::stopBroker, CLOSE_TIMEOUT, "stop its broker");
        } catch (RuntimeException e) {
            LOG.warn("Kafka brokers failed while stopping: {}", e.getMessage(), e);
        }
        try {
            onEachNode(running, KRaftNode::stopController, CLOSE_TIMEOUT, "stop its controller");
        } catch (RuntimeException e) {
            LOG.warn("Kafka controllers failed while stopping: {}", e.getMessage(), e);
        }
    }

    /**
     * Runs {@code action} on every node concurrently and waits up to {@code timeout}; throws the first failure (the
     * others suppressed in it). A node still busy then is left to its daemon thread.
     */
    private static void onEachNode(List<KRaftNode> targets, Consumer<KRaftNode> action, Duration timeout, String what) {
        if (targets.isEmpty()) {
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(targets.size(), r -> {
            Thread t = new Thread(r, "kafka-node-" + what.replace(' ', '-'));
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            targets.forEach(n -> futures.add(pool.submit(() -> action.accept(n))));
            long deadline = System.nanoTime() + timeout.toNanos();
            RuntimeException failure = null;
            for (int i = 0; i < futures.size(); i++) {
                RuntimeException problem = null;
                try {
                    futures.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                } catch (ExecutionException e) {
                    problem = e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
                } catch (TimeoutException e) {
                    problem = new IllegalStateException(
                            "Kafka node " + targets.get(i).nodeId() + " did not " + what + " within " + timeout);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("Interrupted while waiting for Kafka nodes to " + what, e);
                }
                if (problem != null && failure == null) {
                    failure = problem;
                } else if (problem != null) {
                    failure.addSuppressed(problem);
                }
            }
            if (failure != null) {
                throw failure;
            }
        } finally {
            pool.shutdown();
        }
    }
}
