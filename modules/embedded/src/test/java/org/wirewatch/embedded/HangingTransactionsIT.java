package org.wirewatch.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TransactionDescription;
import org.apache.kafka.clients.admin.TransactionState;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.compress.Compression;
import org.apache.kafka.common.message.ProduceRequestData;
import org.apache.kafka.common.message.TxnOffsetCommitRequestData;
import org.apache.kafka.common.protocol.ApiKeys;
import org.apache.kafka.common.protocol.Errors;
import org.apache.kafka.common.record.internal.MemoryRecords;
import org.apache.kafka.common.record.internal.SimpleRecord;
import org.apache.kafka.common.requests.AbstractRequest;
import org.apache.kafka.common.requests.AbstractResponse;
import org.apache.kafka.common.requests.ProduceRequest;
import org.apache.kafka.common.requests.ProduceResponse;
import org.apache.kafka.common.requests.RequestHeader;
import org.apache.kafka.common.requests.TxnOffsetCommitRequest;
import org.apache.kafka.common.requests.TxnOffsetCommitResponse;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The start-up check against a partition that really hangs: a transactional batch of a producer whose coordinator
 * lists it as Empty and never recorded that partition, so no marker will ever close it, and the last stable offset
 * stays below the high watermark. That is what a restarted single node showed after {@code kill -9}; here it is made
 * on purpose by writing the batch straight to the partition leader with the pre-KIP-890 produce version and the
 * leader's check against the coordinator (transaction.partition.verification.enable) turned off. The same is done
 * to a transactional offset commit, the case a Streams application was seen stuck on after a {@code kill -9}, and
 * to a batch of a transaction its coordinator recorded as committed (at the epoch before the one the commit raised),
 * the case a restarted coordinator left behind when it dropped some of a commit's markers.
 */
class HangingTransactionsIT {

    private static final String HUNG = "hung";
    private static final String HEALTHY = "healthy";
    private static final String AFTER_COMMIT = "after-commit";
    private static final String AFTER_COMMIT_WITH_OFFSETS = "after-commit-with-offsets";
    private static final String MISSED_COMMIT = "missed-commit";
    private static final String MISSED_COMMIT_WITH_OFFSETS = "missed-commit-with-offsets";

    @TempDir
    static Path dir;

    private static EmbeddedKafka kafka;
    private static Admin admin;
    private static CommitMarkers markers;

    @BeforeAll
    static void startBroker() throws Exception {
        kafka = EmbeddedKafka.builder()
                .dataDir(dir.resolve("kafka"))
                .brokerProperty("transaction.partition.verification.enable", "false")
                .start();
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()));
        markers = new CommitMarkers(
                Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()), Duration.ofSeconds(10));
        // The epochs below are those of transaction version 2, where a commit raises the producer epoch by one.
        assertThat(admin.describeFeatures()
                        .featureMetadata()
                        .get()
                        .finalizedFeatures()
                        .get("transaction.version")
                        .maxVersionLevel())
                .isEqualTo((short) 2);
        admin.createTopics(List.of(
                        new NewTopic(HUNG, 1, (short) 1),
                        new NewTopic(HEALTHY, 1, (short) 1),
                        new NewTopic(AFTER_COMMIT, 1, (short) 1),
                        new NewTopic(AFTER_COMMIT_WITH_OFFSETS, 1, (short) 1),
                        new NewTopic(MISSED_COMMIT, 1, (short) 1),
                        new NewTopic(MISSED_COMMIT_WITH_OFFSETS, 1, (short) 1)))
                .all()
                .get();
    }

    @AfterAll
    static void stopBroker() {
        markers.close();
        admin.close();
        kafka.close();
    }

    @Test
    void shouldAbortTransactionWhenItsCoordinatorNeverRecordedThePartition() throws Exception {
        // given a producer the coordinator lists as Empty, an open transaction of it on the partition, and a
        // committed record behind it that read_committed consumers cannot reach
        final TopicPartition partition = new TopicPartition(HUNG, 0);
        final TransactionDescription abandoned = initialisedAndAbandoned("abandoned-producer");
        assertThat(abandoned.state()).isEqualTo(TransactionState.EMPTY);
        writeBatchTheCoordinatorNeverSaw(partition, abandoned.producerId(), abandoned.producerEpoch());
        try (KafkaProducer<String, String> plain = producer(Map.of())) {
            plain.send(new ProducerRecord<>(HUNG, 0, "after", "committed")).get();
        }
        assertThat(lastStableOffset(partition))
                .as("stuck below the high watermark")
                .isZero();
        assertThat(highWatermark(partition)).isEqualTo(2);

        // when
        final HangingTransactions.Report report = check(Duration.ofMillis(500)).abortHanging(HUNG::equals, id -> false);

        // then the transaction is aborted and the committed record is readable
        assertThat(report.openTransactions()).isEqualTo(1);
        assertThat(report.aborted()).singleElement().satisfies(a -> {
            assertThat(a.partition()).isEqualTo(partition);
            assertThat(a.producerId()).isEqualTo(abandoned.producerId());
            assertThat(a.startOffset()).isZero();
            assertThat(a.transactionalId()).contains("abandoned-producer");
            assertThat(a.coordinatorView()).contains("Empty");
        });
        assertThat(lastStableOffset(partition)).isEqualTo(highWatermark(partition));
        assertThat(admin.describeProducers(List.of(partition))
                        .partitionResult(partition)
                        .get()
                        .activeProducers())
                .noneMatch(p -> p.currentTransactionStartOffset().isPresent());
    }

    @Test
    void shouldLeaveTransactionOpenWhenItsCoordinatorListsThePartition() throws Exception {
        // given a live transaction, older than the timeout, that its coordinator knows
        final TopicPartition partition = new TopicPartition(HEALTHY, 0);
        try (KafkaProducer<String, String> producer =
                producer(Map.of(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "live-producer"))) {
            producer.initTransactions();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(HEALTHY, 0, "k", "open")).get();

            // when
            final HangingTransactions.Report report = check(Duration.ZERO).abortHanging(HEALTHY::equals, id -> false);

            // then it is left to its producer, which can still commit it
            assertThat(report.openTransactions()).isEqualTo(1);
            assertThat(report.aborted()).isEmpty();
            producer.commitTransaction();
        }
        // The commit marker is written after the coordinator answered the commit.
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(lastStableOffset(partition)).isEqualTo(highWatermark(partition)));
    }

    @Test
    void shouldCommitTransactionItsCoordinatorCommittedWhenThePartitionMissedTheMarker() throws Exception {
        // given a producer whose coordinator lists its last transaction as CompleteCommit, and a batch of that
        // transaction (the epoch below the one the commit raised it to) still open on a partition: what a restarted
        // single node showed after a kill -9 between the commit's prepare and its last marker, for good
        final TopicPartition partition = new TopicPartition(MISSED_COMMIT, 0);
        final TransactionDescription committed = committedTransaction("missed-commit-producer");
        writeBatchTheCoordinatorNeverSaw(partition, committed.producerId(), committed.producerEpoch() - 1);
        assertThat(lastStableOffset(partition))
                .as("open below the high watermark")
                .isZero();

        // when the check runs
        final HangingTransactions.Report report =
                check(Duration.ofSeconds(2)).abortHanging(MISSED_COMMIT::equals, id -> false);

        // then it is committed, as its coordinator decided: its record is read, not dropped
        assertThat(report.aborted()).isEmpty();
        assertThat(report.committed()).singleElement().satisfies(c -> {
            assertThat(c.partition()).isEqualTo(partition);
            assertThat(c.producerId()).isEqualTo(committed.producerId());
            assertThat(c.coordinatorView()).contains("CompleteCommit");
        });
        assertThat(lastStableOffset(partition)).isEqualTo(highWatermark(partition));
        assertThat(committedValues(partition)).containsExactly("hung");
    }

    @Test
    void shouldCommitBatchAndOffsetCommitOfATransactionItsCoordinatorCommitted() throws Exception {
        // given both a batch and an offset commit of a transaction its coordinator lists as committed, still open
        final String transactionalId = "owned-app-missed-both";
        final TopicPartition partition = new TopicPartition(MISSED_COMMIT_WITH_OFFSETS, 0);
        final TransactionDescription committed = committedTransaction(transactionalId);
        final int epoch = committed.producerEpoch() - 1;
        writeBatchTheCoordinatorNeverSaw(partition, committed.producerId(), epoch);
        final TopicPartition consumed = new TopicPartition(HEALTHY, 0);
        assertThat(stableOffsets("missed-group", consumed, Duration.ofSeconds(30)))
                .containsEntry(consumed, null);
        commitOffsetTheCoordinatorNeverSaw("missed-group", consumed, committed.producerId(), epoch, transactionalId);

        // when
        final HangingTransactions.Report report = check(Duration.ofSeconds(2))
                .abortHanging(MISSED_COMMIT_WITH_OFFSETS::equals, id -> id.equals(transactionalId));

        // then both are committed: the batch is read and the group goes on from the committed offset
        assertThat(report.aborted()).isEmpty();
        assertThat(report.committed())
                .extracting(c -> c.partition().topic())
                .containsExactlyInAnyOrder(MISSED_COMMIT_WITH_OFFSETS, "__consumer_offsets");
        assertThat(committedValues(partition)).containsExactly("hung");
        assertThat(stableOffsets("missed-group", consumed, Duration.ofSeconds(10))
                        .get(consumed))
                .isNotNull()
                .extracting(OffsetAndMetadata::offset)
                .isEqualTo(1L);
    }

    @Test
    void shouldAbortTransactionOpenAtTheEpochACommitLeftWhichItsCoordinatorNeverRecorded() throws Exception {
        // given a producer whose last transaction its coordinator lists as CompleteCommit, and an open batch at the
        // epoch that commit left: a later transaction the coordinator never heard of, so no marker is coming
        final TopicPartition partition = new TopicPartition(AFTER_COMMIT, 0);
        final TransactionDescription committed = committedTransaction("committed-producer");
        writeBatchTheCoordinatorNeverSaw(partition, committed.producerId(), committed.producerEpoch());
        assertThat(lastStableOffset(partition))
                .as("open below the high watermark")
                .isZero();

        // when the check runs long after the transaction timeout
        final HangingTransactions.Report report = check(Duration.ZERO).abortHanging(AFTER_COMMIT::equals, id -> false);

        // then it is aborted, and its record is never read
        assertThat(report.committed()).isEmpty();
        assertThat(report.aborted())
                .singleElement()
                .satisfies(a -> assertThat(a.partition()).isEqualTo(partition));
        assertThat(lastStableOffset(partition)).isEqualTo(highWatermark(partition));
        assertThat(committedValues(partition)).isEmpty();
    }

    @Test
    void shouldAbortOffsetCommitLeftOpenUnderACommitOfItsProducer() throws Exception {
        // given a producer whose coordinator lists its last transaction as CompleteCommit, and a transactional
        // offset commit still open on the consumer offsets topic at the epoch that commit left: a later transaction
        // the coordinator never recorded
        final String transactionalId = "owned-app-committed";
        final TransactionDescription committed = committedTransaction(transactionalId);
        final TopicPartition consumed = new TopicPartition(HEALTHY, 0);
        assertThat(stableOffsets("committed-group", consumed, Duration.ofSeconds(30)))
                .containsEntry(consumed, null);
        commitOffsetTheCoordinatorNeverSaw(
                "committed-group", consumed, committed.producerId(), committed.producerEpoch(), transactionalId);
        assertThatThrownBy(() -> stableOffsets("committed-group", consumed, Duration.ofSeconds(2)))
                .isInstanceOf(org.apache.kafka.common.errors.TimeoutException.class);

        // when
        final HangingTransactions.Report report =
                check(Duration.ofMillis(500)).abortHanging(t -> false, id -> id.equals(transactionalId));

        // then it is aborted (the group reads those records again, it loses none) and the offsets read stably
        assertThat(report.aborted()).singleElement().satisfies(a -> {
            assertThat(a.partition().topic()).isEqualTo("__consumer_offsets");
            assertThat(a.transactionalId()).contains(transactionalId);
        });
        assertThat(stableOffsets("committed-group", consumed, Duration.ofSeconds(10)))
                .containsEntry(consumed, null);
    }

    @Test
    void shouldAbortDataLeftOpenUnderACommitWhenItsOffsetCommitIsOpenToo() throws Exception {
        // given a producer whose coordinator lists its last transaction as CompleteCommit, and both a batch and an
        // offset commit still open at the epoch that commit left: a later transaction the coordinator never recorded
        final String transactionalId = "owned-app-committed-both";
        final TopicPartition partition = new TopicPartition(AFTER_COMMIT_WITH_OFFSETS, 0);
        final TransactionDescription committed = committedTransaction(transactionalId);
        writeBatchTheCoordinatorNeverSaw(partition, committed.producerId(), committed.producerEpoch());
        final TopicPartition consumed = new TopicPartition(HEALTHY, 0);
        assertThat(stableOffsets("both-group", consumed, Duration.ofSeconds(30)))
                .containsEntry(consumed, null);
        commitOffsetTheCoordinatorNeverSaw(
                "both-group", consumed, committed.producerId(), committed.producerEpoch(), transactionalId);
        assertThat(lastStableOffset(partition)).isZero();

        // when
        final HangingTransactions.Report report = check(Duration.ofMillis(500))
                .abortHanging(AFTER_COMMIT_WITH_OFFSETS::equals, id -> id.equals(transactionalId));

        // then the whole transaction is aborted, its batch with its offset commit: the input is read again
        assertThat(report.aborted())
                .extracting(a -> a.partition().topic())
                .containsExactlyInAnyOrder(AFTER_COMMIT_WITH_OFFSETS, "__consumer_offsets");
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(lastStableOffset(partition)).isEqualTo(highWatermark(partition)));
    }

    @Test
    void shouldAbortOffsetCommitThatHangsOnlyWhenItsProducerIsOwned() throws Exception {
        // given a transactional offset commit that its coordinator never recorded: the group's committed offsets
        // cannot be read stably, which is where a read_committed consumer (every exactly-once Streams task) stops
        final String transactionalId = "owned-app-abandoned";
        final TransactionDescription abandoned = initialisedAndAbandoned(transactionalId);
        final TopicPartition consumed = new TopicPartition(HEALTHY, 0);
        // the first lookup of a group's coordinator creates the consumer offsets topic and loads its partitions
        assertThat(stableOffsets("stuck-group", consumed, Duration.ofSeconds(30)))
                .containsEntry(consumed, null);
        commitOffsetTheCoordinatorNeverSaw(
                "stuck-group", consumed, abandoned.producerId(), abandoned.producerEpoch(), transactionalId);
        assertThatThrownBy(() -> stableOffsets("stuck-group", consumed, Duration.ofSeconds(2)))
                .isInstanceOf(org.apache.kafka.common.errors.TimeoutException.class);
        final HangingTransactions check = check(Duration.ofMillis(500));

        // when the producer is not one of ours, then it is not touched
        assertThat(check.abortHanging(t -> false, id -> id.startsWith("other-app-"))
                        .aborted())
                .isEmpty();

        // when it is, then it is aborted and the group's offsets read stably again, without the aborted commit
        final HangingTransactions.Report report = check.abortHanging(t -> false, id -> id.startsWith("owned-app-"));
        assertThat(report.aborted()).singleElement().satisfies(a -> {
            assertThat(a.partition().topic()).isEqualTo("__consumer_offsets");
            assertThat(a.producerId()).isEqualTo(abandoned.producerId());
            assertThat(a.transactionalId()).contains(transactionalId);
        });
        assertThat(stableOffsets("stuck-group", consumed, Duration.ofSeconds(10)))
                .containsEntry(consumed, null);
    }

    /** A transactional producer that initialised (the coordinator now knows its id as Empty) and went away. */
    private static TransactionDescription initialisedAndAbandoned(final String transactionalId) throws Exception {
        try (KafkaProducer<String, String> producer =
                producer(Map.of(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId))) {
            producer.initTransactions();
        }
        return admin.describeTransactions(List.of(transactionalId))
                .description(transactionalId)
                .get();
    }

    /** A producer's one committed transaction, once its coordinator lists it as CompleteCommit. */
    private TransactionDescription committedTransaction(final String transactionalId) throws Exception {
        try (KafkaProducer<String, String> producer =
                producer(Map.of(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId))) {
            producer.initTransactions();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(HEALTHY, 0, "k", "committed")).get();
            producer.commitTransaction();
        }
        return await().atMost(Duration.ofSeconds(10))
                .until(
                        () -> admin.describeTransactions(List.of(transactionalId))
                                .description(transactionalId)
                                .get(),
                        d -> d.state() == TransactionState.COMPLETE_COMMIT);
    }

    /**
     * One transactional record of that producer id and epoch on {@code partition}, sent as a client before KIP-890
     * would (it added partitions itself), so the leader appends it without telling the coordinator.
     */
    private static void writeBatchTheCoordinatorNeverSaw(
            final TopicPartition partition, final long producerId, final int producerEpoch) throws IOException {
        final MemoryRecords records = MemoryRecords.withTransactionalRecords(
                Compression.NONE,
                producerId,
                (short) producerEpoch,
                0,
                new SimpleRecord(
                        System.currentTimeMillis(),
                        "k".getBytes(StandardCharsets.UTF_8),
                        "hung".getBytes(StandardCharsets.UTF_8)));
        final ProduceRequestData.TopicProduceDataCollection topics =
                new ProduceRequestData.TopicProduceDataCollection();
        topics.add(new ProduceRequestData.TopicProduceData()
                .setName(partition.topic())
                .setPartitionData(List.of(new ProduceRequestData.PartitionProduceData()
                        .setIndex(partition.partition())
                        .setRecords(records))));
        final short version = ProduceRequest.LAST_STABLE_VERSION_BEFORE_TRANSACTION_V2;
        final ProduceRequest request = new ProduceRequest.Builder(
                        version,
                        version,
                        new ProduceRequestData()
                                .setAcks((short) -1)
                                .setTimeoutMs(10_000)
                                .setTransactionalId("abandoned-producer")
                                .setTopicData(topics))
                .build(version);
        final ProduceResponse response = (ProduceResponse) send(ApiKeys.PRODUCE, version, request);
        assertThat(response.data().responses())
                .allSatisfy(t -> assertThat(t.partitionResponses())
                        .allSatisfy(
                                p -> assertThat(Errors.forCode(p.errorCode())).isEqualTo(Errors.NONE)));
    }

    /**
     * A transactional offset commit of {@code owner}'s producer id and epoch for {@code group}, sent as a client
     * before KIP-890 would (after its own AddOffsetsToTxn, which is left out), so the group coordinator writes it to
     * the consumer offsets topic without the transaction coordinator knowing.
     */
    private static void commitOffsetTheCoordinatorNeverSaw(
            final String group,
            final TopicPartition consumed,
            final long producerId,
            final int producerEpoch,
            final String transactionalId)
            throws IOException {
        final short version = TxnOffsetCommitRequest.LAST_STABLE_VERSION_BEFORE_TRANSACTION_V2;
        final TxnOffsetCommitRequest request = new TxnOffsetCommitRequest.Builder(new TxnOffsetCommitRequestData()
                        .setTransactionalId(transactionalId)
                        .setGroupId(group)
                        .setProducerId(producerId)
                        .setProducerEpoch((short) producerEpoch)
                        .setGenerationId(-1)
                        .setMemberId("")
                        .setTopics(List.of(new TxnOffsetCommitRequestData.TxnOffsetCommitRequestTopic()
                                .setName(consumed.topic())
                                .setPartitions(List.of(new TxnOffsetCommitRequestData.TxnOffsetCommitRequestPartition()
                                        .setPartitionIndex(consumed.partition())
                                        .setCommittedOffset(1))))))
                .build(version);
        final TxnOffsetCommitResponse response =
                (TxnOffsetCommitResponse) send(ApiKeys.TXN_OFFSET_COMMIT, version, request);
        assertThat(response.errors()).containsOnly(Map.entry(consumed, Errors.NONE));
    }

    /** One request to the (only) broker on a socket of its own, below every client's checks. */
    private static AbstractResponse send(final ApiKeys api, final short version, final AbstractRequest request)
            throws IOException {
        final RequestHeader header = new RequestHeader(api, version, "hanging-transactions-it", 1);
        final ByteBuffer payload = request.serializeWithHeader(header);
        try (Socket socket = new Socket("localhost", kafka.port())) {
            final DataOutputStream out = new DataOutputStream(socket.getOutputStream());
            final byte[] bytes = new byte[payload.remaining()];
            payload.get(bytes);
            out.writeInt(bytes.length);
            out.write(bytes);
            out.flush();
            final DataInputStream in = new DataInputStream(socket.getInputStream());
            final byte[] answer = new byte[in.readInt()];
            in.readFully(answer);
            return AbstractResponse.parseResponse(ByteBuffer.wrap(answer), header);
        }
    }

    /** The group's committed offset as a read_committed consumer asks for it: only once no commit is pending. */
    private static Map<TopicPartition, OffsetAndMetadata> stableOffsets(
            final String group, final TopicPartition partition, final Duration timeout) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        kafka.bootstrapServers(),
                        ConsumerConfig.GROUP_ID_CONFIG,
                        group,
                        ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                        "read_committed"),
                new StringDeserializer(),
                new StringDeserializer())) {
            return consumer.committed(java.util.Set.of(partition), timeout);
        }
    }

    private static HangingTransactions check(final Duration transactionTimeout) {
        return new HangingTransactions(admin, markers, transactionTimeout, Clock.systemUTC());
    }

    /** The values a read_committed consumer reads from the partition, up to its end. */
    private static List<String> committedValues(final TopicPartition partition) throws Exception {
        final long end = lastStableOffset(partition);
        final List<String> values = new java.util.ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        kafka.bootstrapServers(),
                        ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                        "read_committed"),
                new StringDeserializer(),
                new StringDeserializer())) {
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            final long deadline = System.currentTimeMillis() + 10_000;
            while (consumer.position(partition) < end && System.currentTimeMillis() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> values.add(r.value()));
            }
        }
        return values;
    }

    private static KafkaProducer<String, String> producer(final Map<String, Object> extra) {
        final Map<String, Object> conf = new java.util.HashMap<>(extra);
        conf.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        return new KafkaProducer<>(conf, new StringSerializer(), new StringSerializer());
    }

    private static long lastStableOffset(final TopicPartition partition) throws Exception {
        return admin.listOffsets(
                        Map.of(partition, OffsetSpec.latest()), new ListOffsetsOptions(IsolationLevel.READ_COMMITTED))
                .partitionResult(partition)
                .get()
                .offset();
    }

    private static long highWatermark(final TopicPartition partition) throws Exception {
        return admin.listOffsets(Map.of(partition, OffsetSpec.latest()))
                .partitionResult(partition)
                .get()
                .offset();
    }
}
