package org.wirewatch.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.wirewatch.common.Topics;
import org.wirewatch.schema.CasualtyTally;
import org.wirewatch.schema.Claim;
import org.wirewatch.schema.ClaimKind;
import org.wirewatch.schema.Incident;
import org.wirewatch.serde.AvroSerdes;
import org.wirewatch.serde.MockSchemaRegistry;
import org.wirewatch.testkit.KafkaBroker;
import org.wirewatch.testkit.WithKafka;

/**
 * The analytics store against a real broker: after a replay of the sink topics (with updates and retractions) the
 * tables hold exactly the topics' final state, also when the sink is SIGKILLed mid-replay and restarted.
 * Subclasses say which database.
 */
@WithKafka(catalogue = true)
abstract class SinkReplayContract {

    static final String REGISTRY = "mock://sink-replay";

    KafkaBroker kafka;

    /** A fresh, empty store's settings. */
    protected abstract SinkConfig freshStore() throws Exception;

    /** Registers the sink's value schemas in a fixed order, so another JVM's mock registry assigns the same ids. */
    static void registerSchemas(final String registryUrl) {
        final MockSchemaRegistry registry = MockSchemaRegistry.forUrl(registryUrl);
        registry.register(Topics.INCIDENTS + "-value", Incident.getClassSchema());
        registry.register(Topics.CLAIMS + "-value", Claim.getClassSchema());
        registry.register(Topics.TALLIES + "-value", CasualtyTally.getClassSchema());
    }

    @Test
    void shouldEqualTheTopicsFinalStateWhenReplayedWithUpdatesAndRetractions() throws Exception {
        // given
        registerSchemas(REGISTRY);
        produceHistory("replay", 120);
        final SinkConfig config = withGroup(freshStore(), kafka.uniqueName("sink"));

        // when
        final AnalyticsSink sink = sink(config);
        try {
            sink.start();
            awaitCaughtUp(sink);

            // then
            assertStoreEqualsTopics(sink.store());
        } finally {
            sink.close();
        }
    }

    @Test
    void shouldStillEqualTheTopicsWithoutDuplicatesWhenTheSinkIsKilledMidReplay() throws Exception {
        // given
        registerSchemas(REGISTRY);
        produceHistory("crash", 250);
        final SinkConfig config = withGroup(freshStore(), kafka.uniqueName("sink"));
        final long total =
                endOffsets().values().stream().mapToLong(Long::longValue).sum();

        // when: a sink in its own JVM is SIGKILLed after its first transactions
        final Process child = startSinkProcess(config);
        final AtomicInteger commits = countCommits(child);
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> commits.get() >= 3 || !child.isAlive());
        } finally {
            child.destroyForcibly();
            child.waitFor();
        }
        final long storedAtKill = storedOffsetTotal(config);

        // and a new sink continues from the stored offsets
        final AnalyticsSink sink = sink(config);
        try {
            sink.start();
            awaitCaughtUp(sink);

            // then
            assertThat(storedAtKill).as("killed mid-replay").isGreaterThan(0).isLessThan(total);
            assertThat(sink.committedRecords())
                    .as("records applied after the restart")
                    .isEqualTo(total - storedAtKill);
            assertStoreEqualsTopics(sink.store());
        } finally {
            sink.close();
        }
    }

    private SinkConfig withGroup(final SinkConfig c, final String group) {
        return new SinkConfig(c.jdbcUrl(), c.user(), c.password(), group, c.pollTimeout(), c.maxRetryBackoff());
    }

    private AnalyticsSink sink(final SinkConfig config) {
        return new AnalyticsSink(
                config,
                Map.of("bootstrap.servers", kafka.bootstrapServers()),
                new AnalyticsSink.Decoders(
                        AvroSerdes.value(Incident.class, REGISTRY).deserializer(),
                        AvroSerdes.value(Claim.class, REGISTRY).deserializer(),
                        AvroSerdes.value(CasualtyTally.class, REGISTRY).deserializer()),
                null);
    }

    private void awaitCaughtUp(final AnalyticsSink sink) throws Exception {
        final Map<PartitionKey, Long> end = endOffsets();
        try (Connection reader = sink.store().openReader()) {
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> end.equals(AnalyticsStore.storedOffsets(reader, sink.groupId())));
        }
    }

    /**
     * Per incident key: a first report, for every third an update (toll rises), for every tenth a retraction
     * (tombstone), for every seventh a retraction and a later re-publication; two claims per incident, one of them
     * later retracted for every fifth; a daily tally per incident day, revised once.
     */
    private void produceHistory(final String prefix, final int incidents) {
        try (KafkaProducer<String, Incident> inc = producer(Incident.class);
                KafkaProducer<String, Claim> cla = producer(Claim.class);
                KafkaProducer<String, CasualtyTally> tal = producer(CasualtyTally.class)) {
            for (int i = 0; i < incidents; i++) {
                final String id = prefix + "-inc-" + i;
                inc.send(new ProducerRecord<>(Topics.INCIDENTS, id, Fixtures.incident(id, i % 50)));
                cla.send(new ProducerRecord<>(
                        Topics.CLAIMS, id + "#c1", Fixtures.claim(id + "#c1", id, ClaimKind.FIGURE, i)));
                cla.send(new ProducerRecord<>(
                        Topics.CLAIMS, id + "#c2", Fixtures.claim(id + "#c2", id, ClaimKind.DENIAL, null)));
                final CasualtyTally t = Fixtures.tally(
                        prefix + "-R" + (i % 20), LocalDate.of(2018, 11, 1).plusDays(i % 9), i);
                tal.send(new ProducerRecord<>(Topics.TALLIES, Fixtures.tallyKey(t), t));
            }
            for (int i = 0; i < incidents; i++) {
                final String id = prefix + "-inc-" + i;
                if (i % 3 == 0) {
                    inc.send(new ProducerRecord<>(Topics.INCIDENTS, id, Fixtures.incident(id, i % 50 + 7)));
                }
                if (i % 10 == 0 || i % 7 == 0) {
                    inc.send(new ProducerRecord<>(Topics.INCIDENTS, id, null));
                }
                if (i % 7 == 0) {
                    inc.send(new ProducerRecord<>(Topics.INCIDENTS, id, Fixtures.incident(id, 99)));
                }
                if (i % 5 == 0) {
                    cla.send(new ProducerRecord<>(Topics.CLAIMS, id + "#c2", null));
                }
                final CasualtyTally t = Fixtures.tally(
                        prefix + "-R" + (i % 20), LocalDate.of(2018, 11, 1).plusDays(i % 9), i + 1000);
                tal.send(new ProducerRecord<>(Topics.TALLIES, Fixtures.tallyKey(t), t));
            }
        }
    }

    private <T extends SpecificRecord> KafkaProducer<String, T> producer(final Class<T> type) {
        final Map<String, Object> p = new HashMap<>(kafka.clientConfig());
        p.put("acks", "all");
        p.put("enable.idempotence", true);
        return new KafkaProducer<>(
                p, new StringSerializer(), AvroSerdes.value(type, REGISTRY).serializer());
    }

    private Map<PartitionKey, Long> endOffsets() {
        final Map<PartitionKey, Long> out = new HashMap<>();
        try (KafkaConsumer<String, String> c =
                new KafkaConsumer<>(kafka.clientConfig(), new StringDeserializer(), new StringDeserializer())) {
            final List<TopicPartition> tps = new ArrayList<>();
            for (final String t : List.of(Topics.INCIDENTS, Topics.CLAIMS, Topics.TALLIES)) {
                c.partitionsFor(t).forEach(p -> tps.add(new TopicPartition(t, p.partition())));
            }
            c.endOffsets(tps).forEach((tp, o) -> {
                if (o > 0) {
                    out.put(new PartitionKey(tp.topic(), tp.partition()), o);
                }
            });
        }
        return out;
    }

    /** Latest (value or tombstone) per key, with the offset it was read at. */
    private <T> Map<String, ConsumerRecord<String, T>> finalState(final String topic, final Deserializer<T> values) {
        final Map<String, ConsumerRecord<String, T>> state = new HashMap<>();
        try (KafkaConsumer<String, T> c = new KafkaConsumer<>(kafka.clientConfig(), new StringDeserializer(), values)) {
            final List<TopicPartition> tps = c.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition()))
                    .toList();
            c.assign(tps);
            c.seekToBeginning(tps);
            final Map<TopicPartition, Long> end = c.endOffsets(tps);
            while (tps.stream().anyMatch(tp -> c.position(tp) < end.get(tp))) {
                c.poll(Duration.ofMillis(200)).forEach(r -> state.put(r.key(), r));
            }
        }
        state.values().removeIf(r -> r.value() == null);
        return state;
    }

    private void assertStoreEqualsTopics(final AnalyticsStore store) throws Exception {
        assertTable(
                store,
                "SELECT incident_id, killed_best, kafka_partition, kafka_offset FROM incidents",
                finalState(
                        Topics.INCIDENTS,
                        AvroSerdes.value(Incident.class, REGISTRY).deserializer()),
                i -> i.getKilled().getBest());
        assertTable(
                store,
                "SELECT claim_id, kind, kafka_partition, kafka_offset FROM claims",
                finalState(
                        Topics.CLAIMS, AvroSerdes.value(Claim.class, REGISTRY).deserializer()),
                c -> c.getKind().name());
        assertTable(
                store,
                "SELECT tally_key, killed_best, kafka_partition, kafka_offset FROM tallies",
                finalState(
                        Topics.TALLIES,
                        AvroSerdes.value(CasualtyTally.class, REGISTRY).deserializer()),
                t -> t.getKilled().getBest());
    }

    private <T> void assertTable(
            final AnalyticsStore store,
            final String sql,
            final Map<String, ConsumerRecord<String, T>> expected,
            final Function<T, Object> column)
            throws Exception {
        final List<List<Object>> rows = new ArrayList<>();
        try (Connection c = store.openReader();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                rows.add(List.of(rs.getString(1), rs.getObject(2), rs.getInt(3), rs.getLong(4)));
            }
        }
        final Set<List<Object>> want = new HashSet<>();
        expected.forEach((k, r) -> want.add(List.of(k, column.apply(r.value()), r.partition(), r.offset())));
        assertThat(rows).as(sql).hasSize(want.size()).containsExactlyInAnyOrderElementsOf(want);
    }

    private long storedOffsetTotal(final SinkConfig config) throws Exception {
        try (AnalyticsStore store = AnalyticsStore.open(config)) {
            return store.storedOffsets(config.groupId()).values().stream()
                    .mapToLong(Long::longValue)
                    .sum();
        }
    }

    private Process startSinkProcess(final SinkConfig config) throws Exception {
        final String java =
                Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(
                        java,
                        "-Xmx256m",
                        "-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"),
                        "-Dorg.apache.avro.SERIALIZABLE_PACKAGES=org.wirewatch",
                        "-cp",
                        System.getProperty("java.class.path"),
                        SinkProcess.class.getName(),
                        kafka.bootstrapServers(),
                        REGISTRY,
                        config.jdbcUrl(),
                        config.user().orElse("-"),
                        config.groupId())
                .redirectErrorStream(true)
                .start();
    }

    private static AtomicInteger countCommits(final Process child) {
        final AtomicInteger commits = new AtomicInteger();
        final Thread reader = new Thread(
                () -> {
                    try (BufferedReader r =
                            new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                        String line;
                        while ((line = r.readLine()) != null) {
                            if (line.startsWith("COMMITTED ")) {
                                commits.incrementAndGet();
                            } else if (line.contains("ERROR") || line.contains("Exception")) {
                                System.out.println("[sink process] " + line);
                            }
                        }
                    } catch (final java.io.IOException e) {
                        // the process was killed: its output ends
                    }
                },
                "sink-process-output");
        reader.setDaemon(true);
        reader.start();
        return commits;
    }
}
