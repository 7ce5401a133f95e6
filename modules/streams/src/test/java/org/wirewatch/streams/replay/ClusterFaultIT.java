package org.wirewatch.streams.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wirewatch.common.Topics;
import org.wirewatch.embedded.EmbeddedKafkaCluster;
import org.wirewatch.embedded.TopicCreator;
import org.wirewatch.formats.ReportParser;
import org.wirewatch.ingest.IngestOutcome;
import org.wirewatch.ingest.IngestProducer;
import org.wirewatch.ingest.ReportIngestor;
import org.wirewatch.registry.SchemaRegistryServer;
import org.wirewatch.schema.PubStatus;
import org.wirewatch.schema.ReportExtraction;
import org.wirewatch.schema.WireReport;
import org.wirewatch.streams.StreamSerdes;
import org.wirewatch.streams.StreamsStageConfig;

/**
 * Exactly-once on a replicated cluster that loses a broker and a pipeline process. Three KRaft brokers run in this
 * JVM; every topic (catalogue, Streams internal, Kafka internal) has three replicas and {@code min.insync.replicas=2},
 * and every producer writes with {@code acks=all}. Two pipeline processes, every topology in each, share the work.
 *
 * <p>A few thousand reports (the corpus under generated story uris, as in {@link CrashRecoveryIT}) and a malformed
 * input every {@value #REJECT_EVERY} reports go in through the ingest producer, in chunks paced by the pipeline's
 * progress so that every fault meets work in flight: after chunk {@value #STOP_BROKER_AFTER} a broker stops, after
 * chunk {@value #KILL_AFTER} one pipeline process is killed with SIGKILL and started again while that broker is still
 * down, after chunk {@value #RESTART_BROKER_AFTER} the broker starts again. Then the final tallies equal, byte for byte,
 * those of an uninterrupted run on one broker; raw and rejected topics hold every input once; the extractions topic
 * holds one extraction per new story version. The seed (which broker, which process) and the time of every fault are
 * logged; {@code -Dwirewatch.cluster.seed=N} replays a run.
 */
class ClusterFaultIT {

    private static final Logger LOG = LoggerFactory.getLogger(ClusterFaultIT.class);
    private static final int COPIES = 60;
    private static final int CHUNKS = 10;
    private static final int REJECT_EVERY = 50;
    private static final int STOP_BROKER_AFTER = 2;
    private static final int KILL_AFTER = 4;
    private static final int RESTART_BROKER_AFTER = 6;
    private static final String APPLICATION = "cluster";
    private static final Duration PROGRESS_TIMEOUT = Duration.ofSeconds(180);
    /** The replication every Wirewatch topic gets here, through the settings a production deployment uses. */
    private static final int REPLICAS = 3;

    private static final int MIN_INSYNC = 2;

    private final Path root = Path.of(System.getProperty("java.io.tmpdir"), "cluster-it-" + UUID.randomUUID());
    private final ChildJvm jvm = new ChildJvm(root, List.of("-Xmx384m", "-XX:+UseSerialGC"));
    private Timeline timeline;

    @Test
    void shouldEndWithSameTalliesWhenABrokerAndAPipelineProcessAreLostDuringTheReplay() throws Exception {
        // given
        final long seed = Long.getLong("wirewatch.cluster.seed", System.nanoTime());
        final Random random = new Random(seed);
        final List<WireReport> reports = GeneratedReports.inPublicationOrder(Corpus.DEV, COPIES);
        final int broker = 1 + random.nextInt(REPLICAS);
        final int victim = random.nextInt(2);
        final List<String> uninterrupted = PipelineRuns.uninterrupted(reports, jvm, root);

        try (EmbeddedKafkaCluster kafka = EmbeddedKafkaCluster.builder()
                .nodes(3)
                .dataDir(root.resolve("kafka"))
                .start()) {
            final String bootstrap = kafka.bootstrapServers();
            TopicCreator.createCatalogue(bootstrap, Map.of(), new TopicCreator.Replication(REPLICAS, MIN_INSYNC));
            try (SchemaRegistryServer registry = PipelineRuns.registry(bootstrap);
                    Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap));
                    IngestProducer producer =
                            IngestProducer.create(Map.of("bootstrap.servers", bootstrap), registry.url(), Map.of())) {
                final ChildJvm.Child[] pipelines = new ChildJvm.Child[2];
                try {
                    for (int i = 0; i < 2; i++) {
                        pipelines[i] = startPipeline(bootstrap, registry, i);
                    }
                    for (final ChildJvm.Child p : pipelines) {
                        PipelineRuns.awaitReady(p);
                    }
                    LOG.info(
                            "Cluster test: seed {}, {} reports and {} malformed inputs in {} chunks; broker {} stops after chunk"
                                    + " {} and restarts after chunk {}, pipeline process {} is killed after chunk {}",
                            seed,
                            reports.size(),
                            reports.size() / REJECT_EVERY,
                            CHUNKS,
                            broker,
                            STOP_BROKER_AFTER,
                            RESTART_BROKER_AFTER,
                            victim,
                            KILL_AFTER);

                    // when
                    timeline = new Timeline();
                    final Sent sent = replayWithFaults(reports, producer, admin, kafka, broker, progress -> {
                        pipelines[victim].kill();
                        timeline.mark("pipeline process " + victim + " killed with SIGKILL (" + progress + ")");
                        pipelines[victim] = PipelineRuns.awaitReady(startPipeline(bootstrap, registry, victim));
                        timeline.mark("pipeline process " + victim + " restarted and ready");
                    });
                    final List<String> tallies =
                            PipelineRuns.drainedTallies(bootstrap, registry.url(), APPLICATION, PROGRESS_TIMEOUT);
                    timeline.mark("pipeline drained");
                    kafka.awaitInSync(Duration.ofSeconds(60));
                    timeline.mark("every replica in sync");
                    LOG.info(
                            "Cluster test: {} reports, {} malformed inputs, {} tallies; {}",
                            sent.reports().size(),
                            sent.malformed().size(),
                            tallies.size(),
                            timeline);

                    // then
                    for (int i = 0; i < 2; i++) {
                        assertThat(pipelines[i].process().isAlive())
                                .as("pipeline process %s alive (log %s)", i, pipelines[i].log())
                                .isTrue();
                    }
                    assertReplicated(admin);
                    assertEveryInputOnceOnRawOrRejected(bootstrap, registry.url(), sent);
                    assertOneExtractionPerNewVersion(bootstrap, registry.url(), sent.reports());
                    assertThat(Replay.readTopic(Map.of(), bootstrap, Topics.DEAD_LETTERS, new ByteArrayDeserializer()))
                            .as("dead letters")
                            .isEmpty();
                    PipelineRuns.assertSameTallies(uninterrupted, tallies, root, "broker-and-process-lost");
                } finally {
                    for (final ChildJvm.Child p : pipelines) {
                        if (p != null) {
                            p.kill();
                        }
                    }
                }
            }
        }
    }

    /** What went in: the reports in sending order, and the source ids of the malformed inputs. */
    private record Sent(List<WireReport> reports, List<String> malformed) {}

    /**
     * Sends the reports in {@value #CHUNKS} chunks, a malformed input after every {@value #REJECT_EVERY}th report, each
     * chunk only once the pipeline has normalized all but the last two sent (so that it always has work in flight),
     * with the faults between chunks.
     */
    private Sent replayWithFaults(
            final List<WireReport> reports,
            final IngestProducer producer,
            final Admin admin,
            final EmbeddedKafkaCluster kafka,
            final int broker,
            final Fault killAndRestart)
            throws Exception {
        // Reports go out as they are, as the ingest sends what it parsed; malformed inputs take its whole path.
        final ReportIngestor ingestor = new ReportIngestor(
                new ReportParser(), producer, Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC));
        final List<String> malformed = new ArrayList<>();
        final int chunk = (reports.size() + CHUNKS - 1) / CHUNKS;
        for (int c = 0; c < CHUNKS; c++) {
            if (c >= 2) {
                awaitNormalized(admin, Math.min(reports.size(), (c - 1) * chunk));
            }
            final List<CompletableFuture<?>> acks = new ArrayList<>();
            for (int i = c * chunk; i < Math.min(reports.size(), (c + 1) * chunk); i++) {
                acks.add(producer.send(reports.get(i)));
                if ((i + 1) % REJECT_EVERY == 0) {
                    final String id = "malformed-" + (i + 1) + ".json";
                    malformed.add(id);
                    acks.add(ingestor.ingest(
                                    ("{\"uri\": \"urn:cluster-test:" + id).getBytes(StandardCharsets.UTF_8),
                                    "drop-folder",
                                    id,
                                    "drop-folder:" + id,
                                    Optional.of("application/json"))
                            .thenAccept(outcome -> assertThat(outcome)
                                    .as("outcome of %s", id)
                                    .isInstanceOf(IngestOutcome.Rejected.class)));
                }
            }
            CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new))
                    .get(PROGRESS_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            timeline.mark("chunk " + c + " acknowledged (" + Math.min(reports.size(), (c + 1) * chunk) + " reports)");
            if (c == STOP_BROKER_AFTER) {
                final String progress = progress(admin);
                kafka.stop(broker);
                timeline.mark("broker " + broker + " stopped (" + progress + ")");
            } else if (c == KILL_AFTER) {
                final String progress = progress(admin);
                killAndRestart.run(progress);
            } else if (c == RESTART_BROKER_AFTER) {
                final String progress = progress(admin);
                kafka.restart(broker);
                timeline.mark("broker " + broker + " restarted (" + progress + ")");
            }
        }
        return new Sent(reports, malformed);
    }

    private void awaitNormalized(final Admin admin, final long reports) {
        await().atMost(PROGRESS_TIMEOUT)
                .pollInterval(Duration.ofMillis(200))
                .ignoreExceptions()
                .until(() -> normalized(admin) >= reports);
    }

    /** How many reports the normalize topology has committed, for the log. */
    private static String progress(final Admin admin) {
        try {
            return normalized(admin) + " reports normalized";
        } catch (final Exception e) {
            return "normalized reports unknown: " + e;
        }
    }

    /** Raw reports the normalize topology has committed: the raw topic holds no transaction markers, so offsets count. */
    private static long normalized(final Admin admin) throws Exception {
        return admin
                .listConsumerGroupOffsets(APPLICATION + "-normalize")
                .partitionsToOffsetAndMetadata()
                .get(10, TimeUnit.SECONDS)
                .entrySet()
                .stream()
                .filter(e -> e.getKey().topic().equals(Topics.RAW_REPORTS) && e.getValue() != null)
                .mapToLong(e -> e.getValue().offset())
                .sum();
    }

    private ChildJvm.Child startPipeline(final String bootstrap, final SchemaRegistryServer registry, final int index)
            throws Exception {
        return PipelineRuns.start(
                jvm,
                bootstrap,
                registry.url(),
                root.resolve("pipeline-" + index),
                APPLICATION,
                Map.of(
                        StreamsStageConfig.REPLICATION_FACTOR, Integer.toString(REPLICAS),
                        StreamsStageConfig.MIN_INSYNC_REPLICAS, Integer.toString(MIN_INSYNC)));
    }

    /** Every Wirewatch topic, the Streams internal ones included, has the replicas and the min ISR asked for. */
    private static void assertReplicated(final Admin admin) throws Exception {
        final Set<String> topics = admin.listTopics().names().get().stream()
                .filter(t -> t.startsWith("wirewatch.") || t.startsWith(APPLICATION + "-") || t.equals(Topics.SCHEMAS))
                .collect(Collectors.toSet());
        assertThat(topics).as("internal topics of the pipeline").anyMatch(t -> t.startsWith(APPLICATION + "-"));
        final Map<String, TopicDescription> described =
                admin.describeTopics(topics).allTopicNames().get();
        final Map<ConfigResource, Config> configs = admin.describeConfigs(topics.stream()
                        .map(t -> new ConfigResource(ConfigResource.Type.TOPIC, t))
                        .toList())
                .all()
                .get();
        for (final String topic : topics) {
            assertThat(described.get(topic).partitions())
                    .as("partitions of %s", topic)
                    .allSatisfy(p -> assertThat(p.replicas()).hasSize(REPLICAS));
            final ConfigEntry minInsync = configs.get(new ConfigResource(ConfigResource.Type.TOPIC, topic))
                    .get("min.insync.replicas");
            assertThat(minInsync.value())
                    .as("min.insync.replicas of %s", topic)
                    .isEqualTo(Integer.toString(MIN_INSYNC));
            assertThat(minInsync.source())
                    .as("min.insync.replicas of %s set on the topic", topic)
                    .isEqualTo(ConfigEntry.ConfigSource.DYNAMIC_TOPIC_CONFIG);
        }
    }

    /** raw + rejected = sent, and not just in number: every report once on the raw topic, every malformed input once. */
    private static void assertEveryInputOnceOnRawOrRejected(
            final String bootstrap, final String registryUrl, final Sent sent) {
        final StreamSerdes serdes = PipelineRuns.serdes(registryUrl);
        final List<String> raw =
                Replay.readTopic(
                                Map.of(),
                                bootstrap,
                                Topics.RAW_REPORTS,
                                serdes.report().deserializer())
                        .stream()
                        .map(r -> r.value().getUri() + " v" + r.value().getVersion())
                        .sorted()
                        .toList();
        final List<String> rejected =
                Replay.readTopic(Map.of(), bootstrap, Topics.REJECTED_REPORTS, new ByteArrayDeserializer()).stream()
                        .map(ConsumerRecord::key)
                        .sorted()
                        .toList();
        LOG.info(
                "Cluster test: sent {} = {} reports + {} malformed; raw topic {}, rejected topic {}",
                sent.reports().size() + sent.malformed().size(),
                sent.reports().size(),
                sent.malformed().size(),
                raw.size(),
                rejected.size());
        assertThat(raw.size() + rejected.size())
                .as("raw + rejected = sent")
                .isEqualTo(sent.reports().size() + sent.malformed().size());
        assertThat(raw)
                .as("every report once on the raw topic")
                .isEqualTo(sent.reports().stream()
                        .map(r -> r.getUri() + " v" + r.getVersion())
                        .sorted()
                        .toList());
        assertThat(rejected)
                .as("every malformed input once on the rejected topic")
                .isEqualTo(sent.malformed().stream().sorted().toList());
    }

    /**
     * One extraction record per report whose version is newer than any before it of its story (a tombstone for a
     * withdrawal), none missing and none twice.
     */
    private static void assertOneExtractionPerNewVersion(
            final String bootstrap, final String registryUrl, final Collection<WireReport> sent) {
        final Map<String, Integer> newest = new HashMap<>();
        final List<String> expected = new ArrayList<>();
        for (final WireReport r : sent) {
            final Integer seen = newest.get(r.getUri());
            if (seen == null || r.getVersion() > seen) {
                newest.put(r.getUri(), r.getVersion());
                expected.add(
                        r.getUri() + (r.getPubStatus() == PubStatus.CANCELED ? " withdrawn" : " v" + r.getVersion()));
            }
        }
        final List<String> extracted = Replay.readTopic(
                        Map.of(),
                        bootstrap,
                        Topics.EXTRACTIONS,
                        PipelineRuns.serdes(registryUrl).extraction().deserializer())
                .stream()
                .map(r -> r.key() + extractionLabel(r.value()))
                .sorted()
                .toList();
        LOG.info("Cluster test: {} extraction records for {} new story versions", extracted.size(), expected.size());
        assertThat(extracted)
                .as("one extraction per new story version")
                .isEqualTo(expected.stream().sorted().toList());
    }

    private static String extractionLabel(final ReportExtraction e) {
        return e == null ? " withdrawn" : " v" + e.getReportVersion();
    }

    @FunctionalInterface
    private interface Fault {
        /** @param progress how far the pipeline is, for the log */
        void run(String progress) throws Exception;
    }

    /** When each step happened, in seconds since the first chunk was sent, for the log. */
    private static final class Timeline {
        private final long start = System.nanoTime();
        private final List<String> marks = new ArrayList<>();

        void mark(final String what) {
            final String mark = String.format("+%.1f s %s", (System.nanoTime() - start) / 1e9, what);
            marks.add(mark);
            LOG.info("Cluster test: {}", mark);
        }

        @Override
        public String toString() {
            return String.join("; ", marks);
        }
    }
}
