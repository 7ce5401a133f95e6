package org.wirewatch.streams.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wirewatch.common.Topics;
import org.wirewatch.common.json.AvroJson;
import org.wirewatch.embedded.EmbeddedKafka;
import org.wirewatch.embedded.TopicCreator;
import org.wirewatch.registry.SchemaRegistryServer;
import org.wirewatch.schema.WireReport;
import org.wirewatch.streams.StreamSerdes;
import org.wirewatch.streams.StreamsStage;
import org.wirewatch.streams.StreamsStageConfig.Part;

/**
 * What the tests that kill pipeline processes share: starting a {@link PipelineProcess} and waiting for it, draining
 * a pipeline into its final tallies, and the uninterrupted run those tallies are compared with.
 */
final class PipelineRuns {

    private static final Logger LOG = LoggerFactory.getLogger(PipelineRuns.class);

    /** Tallies of uninterrupted runs, by report list: the same reports give the same tallies for every test asking. */
    private static final Map<List<WireReport>, List<String>> UNINTERRUPTED = new ConcurrentHashMap<>();

    private PipelineRuns() {}

    /**
     * Starts a pipeline process and returns once every one of its topologies runs.
     *
     * @param settings further settings of the process, {@code key=value}
     */
    static ChildJvm.Child launch(
            final ChildJvm jvm,
            final String bootstrapServers,
            final String registryUrl,
            final Path dataDir,
            final String applicationId,
            final Map<String, String> settings)
            throws Exception {
        return awaitReady(start(jvm, bootstrapServers, registryUrl, dataDir, applicationId, settings));
    }

    /** Starts a pipeline process and returns at once; {@link #awaitReady} waits for it. */
    static ChildJvm.Child start(
            final ChildJvm jvm,
            final String bootstrapServers,
            final String registryUrl,
            final Path dataDir,
            final String applicationId,
            final Map<String, String> settings)
            throws Exception {
        final List<String> args =
                new ArrayList<>(List.of(bootstrapServers, registryUrl, dataDir.toString(), applicationId));
        settings.forEach((k, v) -> args.add(k + "=" + v));
        return jvm.start(PipelineProcess.class.getName(), args);
    }

    /** Returns {@code child} once it printed READY; fails, naming its log, if it died first or took 90 s. */
    static ChildJvm.Child awaitReady(final ChildJvm.Child child) {
        await().atMost(90, TimeUnit.SECONDS)
                .pollInterval(Duration.ofMillis(100))
                .until(() -> !child.process().isAlive() || child.output().contains("READY"));
        assertThat(child.process().isAlive())
                .as("pipeline process started (log %s)", child.log())
                .isTrue();
        return child;
    }

    /**
     * Waits until every topology of {@code applicationId} has consumed everything and the output is quiet, then reads
     * the tallies topic as a table: one JSON line per tally, in key order.
     */
    static List<String> drainedTallies(
            final String bootstrapServers, final String registryUrl, final String applicationId, final Duration timeout)
            throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers))) {
            assertThat(Replay.awaitCaughtUp(
                            admin,
                            Map.of(),
                            bootstrapServers,
                            StreamsStage.sourceTopicsByGroup(applicationId, EnumSet.allOf(Part.class)),
                            timeout))
                    .as("pipeline caught up within %s", timeout)
                    .isTrue();
        }
        return Replay.readTallies(
                        Map.of(), bootstrapServers, serdes(registryUrl).tally())
                .values()
                .stream()
                .map(AvroJson::toJson)
                .toList();
    }

    /**
     * The tallies of a run with faults equal those of the uninterrupted run, byte for byte and in key order. Both are
     * written under {@code dir} and compared line by line first, so a failure names the differing tallies rather than
     * printing thousands of lines.
     */
    static void assertSameTallies(
            final List<String> uninterrupted, final List<String> faulty, final Path dir, final String faults)
            throws IOException {
        assertThat(uninterrupted).as("tallies of the uninterrupted run").isNotEmpty();
        Files.write(dir.resolve("uninterrupted.jsonl"), uninterrupted);
        Files.write(dir.resolve("with-" + faults + ".jsonl"), faulty);
        final Set<String> expected = new HashSet<>(uninterrupted);
        final Set<String> actual = new HashSet<>(faulty);
        assertThat(uninterrupted.stream()
                        .filter(l -> !actual.contains(l))
                        .limit(5)
                        .toList())
                .as("tallies of the uninterrupted run missing after %s", faults)
                .isEmpty();
        assertThat(faulty.stream().filter(l -> !expected.contains(l)).limit(5).toList())
                .as("tallies after %s that the uninterrupted run lacks", faults)
                .isEmpty();
        assertThat(faulty)
                .as("every tally after %s, byte for byte, in key order", faults)
                .isEqualTo(uninterrupted);
    }

    /** The registry endpoint on {@code bootstrapServers}, started. */
    static SchemaRegistryServer registry(final String bootstrapServers) throws Exception {
        final SchemaRegistryServer registry = new SchemaRegistryServer(bootstrapServers, 0, Topics.SCHEMAS);
        registry.start();
        return registry;
    }

    static StreamSerdes serdes(final String registryUrl) {
        return StreamSerdes.forRegistry(registryUrl, Map.of());
    }

    /**
     * The final tallies of {@code reports} sent at once to one broker and processed by one pipeline process that nothing
     * interrupts; computed once per report list in this JVM.
     *
     * @param root where the broker and the process keep their data
     */
    static List<String> uninterrupted(final List<WireReport> reports, final ChildJvm jvm, final Path root) {
        return UNINTERRUPTED.computeIfAbsent(List.copyOf(reports), r -> {
            try {
                return runUninterrupted(r, jvm, root);
            } catch (final Exception e) {
                throw new IllegalStateException("the uninterrupted run failed", e);
            }
        });
    }

    private static List<String> runUninterrupted(final List<WireReport> reports, final ChildJvm jvm, final Path root)
            throws Exception {
        try (EmbeddedKafka kafka = EmbeddedKafka.builder()
                .dataDir(root.resolve("uninterrupted-kafka"))
                .start()) {
            TopicCreator.createCatalogue(kafka.bootstrapServers(), Map.of());
            try (SchemaRegistryServer registry = registry(kafka.bootstrapServers())) {
                final ChildJvm.Child pipeline = launch(
                        jvm,
                        kafka.bootstrapServers(),
                        registry.url(),
                        root.resolve("uninterrupted-data"),
                        "uninterrupted",
                        Map.of());
                try {
                    final long started = System.nanoTime();
                    try (KafkaProducer<String, WireReport> producer = Replay.producer(
                            Map.of(),
                            kafka.bootstrapServers(),
                            serdes(registry.url()).report())) {
                        Replay.produce(producer, reports, n -> {});
                    }
                    final List<String> out = drainedTallies(
                            kafka.bootstrapServers(), registry.url(), "uninterrupted", Duration.ofSeconds(120));
                    LOG.info(
                            "Uninterrupted run: {} reports, {} tallies in {} ms",
                            reports.size(),
                            out.size(),
                            TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
                    return out;
                } finally {
                    pipeline.kill();
                }
            }
        }
    }
}
