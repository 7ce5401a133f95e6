package org.wirewatch.embedded;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import org.apache.kafka.clients.admin.AbortTransactionSpec;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.FinalizedVersionRange;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.ListTransactionsOptions;
import org.apache.kafka.clients.admin.ProducerState;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.admin.TransactionDescription;
import org.apache.kafka.clients.admin.TransactionListing;
import org.apache.kafka.clients.admin.TransactionState;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TransactionalIdNotFoundException;
import org.apache.kafka.common.internals.Topic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds and aborts hanging transactions on a set of topics, the way {@code kafka-transactions.sh find-hanging} and
 * {@code abort} do (KIP-664), on any cluster.
 *
 * <p>A transaction hangs when a partition holds an open transaction (its last stable offset stays below it for
 * ever) that no transaction coordinator will close: the coordinator does not list that producer's transaction as
 * ongoing with that partition in it, so it will never write the commit or abort marker. Under exactly-once Kafka
 * Streams such a partition stops state restoration and every read_committed consumer of it.
 *
 * <p>An open transaction whose coordinator lists it as committed is committed: the coordinator describes the
 * producer as CompleteCommit at the epoch that commit left it with (one above the transaction's under transaction
 * version 2, the same below it), and the partition still shows the transaction open after that lookup. A restarted
 * coordinator was seen to record such a commit as complete while some of its partitions never got the marker (after
 * a {@code kill -9} of the single-node default between the commit's prepare and its last marker): aborting those
 * would lose records whose input offsets are committed. See {@link CommitMarkers}.
 *
 * <p>Any other open transaction is aborted only when all of these hold, so a healthy transaction of another running
 * instance is never touched:
 * <ul>
 *   <li>the transaction is older than the transaction timeout: the producer's last write to the partition is (the
 *       age rule of {@code find-hanging}), or this check has seen it open that long; a younger candidate is waited
 *       for, then looked at again, so the check takes at most about one transaction timeout;</li>
 *   <li>the coordinator knows no transactional id for the producer, or describes that id's transaction without the
 *       partition (or under another producer id, or in a state that writes no more markers): no marker is coming;</li>
 *   <li>after that lookup the partition still shows the same open transaction (same producer, epoch and start
 *       offset): a marker that was in flight while the coordinator completed the transaction would have closed it.</li>
 * </ul>
 *
 * <p>The consumer offsets topic is checked as well, but only for transactions of the producers {@code owned}
 * accepts (by transactional id): it is shared by every group of the cluster. A transactional offset commit that
 * hangs there is the worst case of all: every read_committed consumer of the group asks for its committed offsets
 * with {@code require_stable}, gets {@code UNSTABLE_OFFSET_COMMIT} for as long as it stays open, and so never
 * starts. After a {@code kill -9} of the single-node default, a Streams application was seen stuck that way for
 * minutes, its coordinator listing the transactional id as Empty at a later epoch.
 */
public final class HangingTransactions {

    private static final Logger LOG = LoggerFactory.getLogger(HangingTransactions.class);
    private static final long TIMEOUT_SECONDS = 30;
    private static final String TRANSACTION_VERSION = "transaction.version";
    /** The coordinator states in which it will still write markers to the partitions it lists. */
    private static final Set<TransactionState> MARKERS_PENDING = EnumSet.of(
            TransactionState.ONGOING,
            TransactionState.PREPARE_COMMIT,
            TransactionState.PREPARE_ABORT,
            TransactionState.PREPARE_EPOCH_FENCE);

    /**
     * One transaction the check closed, with an abort marker or, where its coordinator had committed it, a commit
     * marker.
     *
     * @param transactionalId the id the coordinator knows the producer by, or empty when it knows none
     * @param coordinatorView what the coordinator said of that id (its state and partitions), for the log
     */
    public record Closed(
            TopicPartition partition,
            long producerId,
            int producerEpoch,
            long startOffset,
            Optional<String> transactionalId,
            String coordinatorView) {}

    /**
     * What a check found: how many partitions it looked at, the open transactions it aborted, those it completed
     * with the commit their coordinator had recorded, how long it took.
     */
    public record Report(
            int partitionsChecked, int openTransactions, List<Closed> aborted, List<Closed> committed, Duration took) {
        public Report {
            aborted = List.copyOf(aborted);
            committed = List.copyOf(committed);
        }
    }

    private record Open(TopicPartition partition, ProducerState state) {
        boolean sameAs(ProducerState other) {
            return other.producerId() == state.producerId()
                    && other.producerEpoch() == state.producerEpoch()
                    && other.currentTransactionStartOffset().equals(state.currentTransactionStartOffset());
        }
    }

    private final Admin admin;
    private final CommitMarkers markers;
    private final Duration transactionTimeout;
    private final Clock clock;

    /**
     * @param admin              a client of the cluster to check
     * @param markers            a writer of commit markers to the same cluster
     * @param transactionTimeout the transaction timeout of the producers that write these topics: no healthy
     *                           transaction of theirs stays open longer
     */
    public HangingTransactions(Admin admin, CommitMarkers markers, Duration transactionTimeout, Clock clock) {
        this.admin = Objects.requireNonNull(admin, "admin");
        this.markers = Objects.requireNonNull(markers, "markers");
        this.transactionTimeout = Objects.requireNonNull(transactionTimeout, "transactionTimeout");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Looks at every partition of the topics {@code topics} accepts, and at the consumer offsets topic for the
     * transactions of the producers {@code owned} accepts, and aborts the hanging transactions there. Returns quickly
     * when no partition holds an open transaction, which is the usual case; otherwise it may wait up to the
     * transaction timeout for a candidate to become old enough.
     *
     * @param topics the topics whose open transactions are all candidates
     * @param owned  the transactional ids whose open transactions on the consumer offsets topic are candidates
     * @throws IllegalStateException when the cluster does not answer
     */
    public Report abortHanging(Predicate<String> topics, Predicate<String> owned) {
        long started = System.nanoTime();
        try {
            Map<TopicPartition, Node> leaders =
                    partitions(t -> topics.test(t) || t.equals(Topic.GROUP_METADATA_TOPIC_NAME));
            List<Open> open = owned(openTransactions(leaders.keySet()), owned);
            List<Closed> aborted = new ArrayList<>();
            List<Closed> committed = new ArrayList<>();
            if (!open.isEmpty()) {
                LOG.info(
                        "{} open transaction(s) on {} partitions; checking them against their coordinators",
                        open.size(),
                        leaders.size());
                close(open, leaders, transactionVersion(), aborted, committed);
            }
            Report report = new Report(
                    leaders.size(), open.size(), aborted, committed, Duration.ofNanos(System.nanoTime() - started));
            LOG.info(
                    "Hanging transactions: {} aborted and {} committed on {} partitions ({} open) in {} ms",
                    aborted.size(),
                    committed.size(),
                    report.partitionsChecked(),
                    report.openTransactions(),
                    report.took().toMillis());
            return report;
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Cannot check for hanging transactions: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while checking for hanging transactions", e);
        }
    }

    private void close(
            List<Open> open,
            Map<TopicPartition, Node> leaders,
            short transactionVersion,
            List<Closed> aborted,
            List<Closed> committed)
            throws ExecutionException, InterruptedException, TimeoutException {
        long firstSeen = clock.millis();
        List<Open> remaining = new ArrayList<>(open);
        while (!remaining.isEmpty()) {
            Map<Long, String> ids = transactionalIds(remaining);
            Map<String, Optional<TransactionDescription>> descriptions = describe(ids.values());
            List<Open> unknown = new ArrayList<>();
            List<Open> toCommit = new ArrayList<>();
            for (Open o : remaining) {
                String id = ids.get(o.state().producerId());
                Optional<TransactionDescription> d = id == null ? Optional.empty() : descriptions.get(id);
                if (d.isPresent() && markerPending(d.get(), o)) {
                    LOG.debug(
                            "Open transaction of producer {} on {} is {} at its coordinator; left to it",
                            o.state().producerId(),
                            o.partition(),
                            d.get().state());
                } else if (d.isPresent() && committedByCoordinator(d.get(), o, transactionVersion)) {
                    toCommit.add(o);
                } else {
                    unknown.add(o);
                }
            }
            for (Open o : still(toCommit)) {
                String id = ids.get(o.state().producerId());
                commitOne(o, leaders, id, descriptions.get(id).orElseThrow(), transactionVersion, committed);
            }
            long now = clock.millis();
            long wait = 0;
            List<Open> younger = new ArrayList<>();
            for (Open o : still(unknown)) {
                // Watched for as long counts too: a timestamp from the producer's clock (or a copied event time)
                // must not keep a candidate young for ever.
                long age = Math.max(now - o.state().lastTimestamp(), now - firstSeen);
                if (age <= transactionTimeout.toMillis()) {
                    younger.add(o);
                    wait = Math.max(wait, transactionTimeout.toMillis() - age + 1);
                    continue;
                }
                String id = ids.get(o.state().producerId());
                String view = id == null
                        ? "no transactional id for this producer"
                        : descriptions.get(id).map(HangingTransactions::view).orElse(id + ": not found");
                abortOne(o, Optional.ofNullable(id), view, age, aborted);
            }
            remaining = younger;
            if (!remaining.isEmpty()) {
                LOG.info(
                        "{} open transaction(s) unknown to their coordinator are younger than the transaction"
                                + " timeout {}; looking again in {} ms",
                        remaining.size(),
                        transactionTimeout,
                        wait);
                Thread.sleep(wait);
            }
        }
    }

    /**
     * The coordinator's last completed transaction of this producer is the one open on the partition, and it was
     * committed. Under transaction version 2 every commit raises the producer epoch by one (its markers carry the
     * raised epoch, the next transaction runs under it), so the transaction that ran under epoch {@code e} is the
     * one a CompleteCommit at {@code e + 1} records; a transaction open at the coordinator's own epoch under a
     * CompleteCommit is a later one it never recorded. Before version 2 the epoch stays.
     */
    private static boolean committedByCoordinator(TransactionDescription d, Open o, short transactionVersion) {
        int committedAt = o.state().producerEpoch() + (transactionVersion >= 2 ? 1 : 0);
        return d.state() == TransactionState.COMPLETE_COMMIT
                && d.producerId() == o.state().producerId()
                && d.producerEpoch() == committedAt;
    }

    private void commitOne(
            Open o,
            Map<TopicPartition, Node> leaders,
            String id,
            TransactionDescription d,
            short transactionVersion,
            List<Closed> committed) {
        ProducerState s = o.state();
        long startOffset = s.currentTransactionStartOffset().orElseThrow();
        Node leader = leaders.get(o.partition());
        LOG.warn(
                "Committing the transaction of producer {} (epoch {}, transactional id {}) on {} open since offset {}:"
                        + " its coordinator recorded it as committed ({}) but the partition never got the marker",
                s.producerId(),
                s.producerEpoch(),
                id,
                o.partition(),
                startOffset,
                view(d));
        if (leader == null || leader.isEmpty()) {
            LOG.warn("{} has no leader now; its transaction is left open", o.partition());
            return;
        }
        try {
            markers.commit(
                    leader,
                    o.partition(),
                    s.producerId(),
                    (short) d.producerEpoch(),
                    Math.max(0, s.coordinatorEpoch().orElse(0)),
                    transactionVersion);
            committed.add(new Closed(
                    o.partition(), s.producerId(), s.producerEpoch(), startOffset, Optional.of(id), view(d)));
        } catch (IOException e) {
            // Left open rather than aborted: an abort would lose committed records. /health/ready shows the stage
            // stuck, and the log says why.
            LOG.error("Commit marker not written to {}: {}", o.partition(), e.getMessage());
        }
    }

    /** The cluster's finalized transaction version, 0 when it has none. */
    private short transactionVersion() throws ExecutionException, InterruptedException, TimeoutException {
        FinalizedVersionRange range = admin.describeFeatures()
                .featureMetadata()
                .get(TIMEOUT_SECONDS, TimeUnit.SECONDS)
                .finalizedFeatures()
                .get(TRANSACTION_VERSION);
        return range == null ? 0 : range.maxVersionLevel();
    }

    private void abortOne(Open o, Optional<String> id, String view, long age, List<Closed> aborted)
            throws InterruptedException, TimeoutException, ExecutionException {
        ProducerState s = o.state();
        long startOffset = s.currentTransactionStartOffset().orElseThrow();
        LOG.warn(
                "Aborting the hanging transaction of producer {} (epoch {}, transactional id {}) on {} open since"
                        + " offset {}, open for at least {} ms; coordinator: {}",
                s.producerId(),
                s.producerEpoch(),
                id.orElse("unknown"),
                o.partition(),
                startOffset,
                age,
                view);
        // A new producer id that hung before its first marker has no coordinator epoch: 0 is at most any leader
        // epoch, which is what kafka-transactions.sh uses as well.
        admin.abortTransaction(new AbortTransactionSpec(
                        o.partition(),
                        s.producerId(),
                        (short) s.producerEpoch(),
                        Math.max(0, s.coordinatorEpoch().orElse(0))))
                .all()
                .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        aborted.add(new Closed(o.partition(), s.producerId(), s.producerEpoch(), startOffset, id, view));
    }

    /** The coordinator will close the partition's transaction only if it lists the partition under that producer. */
    private static boolean markerPending(TransactionDescription d, Open o) {
        return MARKERS_PENDING.contains(d.state())
                && d.producerId() == o.state().producerId()
                && d.topicPartitions().contains(o.partition());
    }

    private static String view(TransactionDescription d) {
        return "producer " + d.producerId() + " epoch " + d.producerEpoch() + " " + d.state() + " on "
                + d.topicPartitions();
    }

    private Map<TopicPartition, Node> partitions(Predicate<String> topics)
            throws ExecutionException, InterruptedException, TimeoutException {
        Set<String> names = new HashSet<>();
        for (String t : admin.listTopics(new ListTopicsOptions().listInternal(true))
                .names()
                .get(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            if (topics.test(t)) {
                names.add(t);
            }
        }
        Map<TopicPartition, Node> out = new HashMap<>();
        if (names.isEmpty()) {
            return out;
        }
        for (TopicDescription d : admin.describeTopics(names)
                .allTopicNames()
                .get(TIMEOUT_SECONDS, TimeUnit.SECONDS)
                .values()) {
            d.partitions().forEach(p -> out.put(new TopicPartition(d.name(), p.partition()), p.leader()));
        }
        return out;
    }

    private List<Open> openTransactions(Collection<TopicPartition> partitions)
            throws ExecutionException, InterruptedException, TimeoutException {
        List<Open> out = new ArrayList<>();
        if (partitions.isEmpty()) {
            return out;
        }
        admin.describeProducers(partitions)
                .all()
                .get(TIMEOUT_SECONDS, TimeUnit.SECONDS)
                .forEach((tp, state) -> state.activeProducers().stream()
                        .filter(p -> p.currentTransactionStartOffset().isPresent())
                        .forEach(p -> out.add(new Open(tp, p))));
        return out;
    }

    /**
     * The open transactions on the consumer offsets topic are kept only when their producer's transactional id is
     * one of {@code owned}; those elsewhere are all kept.
     */
    private List<Open> owned(List<Open> open, Predicate<String> owned)
            throws ExecutionException, InterruptedException, TimeoutException {
        List<Open> offsets = open.stream()
                .filter(o -> o.partition().topic().equals(Topic.GROUP_METADATA_TOPIC_NAME))
                .toList();
        if (offsets.isEmpty()) {
            return open;
        }
        Map<Long, String> ids = transactionalIds(offsets);
        List<Open> out = new ArrayList<>();
        for (Open o : open) {
            String id = ids.get(o.state().producerId());
            if (!o.partition().topic().equals(Topic.GROUP_METADATA_TOPIC_NAME) || id != null && owned.test(id)) {
                out.add(o);
            }
        }
        return out;
    }

    /** Those of {@code candidates} whose partition still holds the very same open transaction. */
    private List<Open> still(List<Open> candidates) throws ExecutionException, InterruptedException, TimeoutException {
        if (candidates.isEmpty()) {
            return candidates;
        }
        Set<TopicPartition> partitions = new HashSet<>();
        candidates.forEach(c -> partitions.add(c.partition()));
        List<Open> now = openTransactions(partitions);
        List<Open> out = new ArrayList<>();
        for (Open c : candidates) {
            now.stream()
                    .filter(n -> n.partition().equals(c.partition()) && c.sameAs(n.state()))
                    .findFirst()
                    .ifPresent(out::add);
        }
        return out;
    }

    private Map<Long, String> transactionalIds(List<Open> open)
            throws ExecutionException, InterruptedException, TimeoutException {
        Set<Long> producerIds = new HashSet<>();
        open.forEach(o -> producerIds.add(o.state().producerId()));
        Map<Long, String> out = new HashMap<>();
        for (TransactionListing l : admin.listTransactions(new ListTransactionsOptions().filterProducerIds(producerIds))
                .all()
                .get(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            out.put(l.producerId(), l.transactionalId());
        }
        return out;
    }

    private Map<String, Optional<TransactionDescription>> describe(Collection<String> ids)
            throws InterruptedException, TimeoutException, ExecutionException {
        Map<String, Optional<TransactionDescription>> out = new HashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        var result = admin.describeTransactions(new HashSet<>(ids));
        for (String id : new HashSet<>(ids)) {
            try {
                out.put(id, Optional.of(result.description(id).get(TIMEOUT_SECONDS, TimeUnit.SECONDS)));
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TransactionalIdNotFoundException)) {
                    throw e;
                }
                out.put(id, Optional.empty());
            }
        }
        return out;
    }
}
