package org.wirewatch.streams.replay;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wirewatch.embedded.EmbeddedKafka;
import org.wirewatch.embedded.TopicCreator;
import org.wirewatch.registry.SchemaRegistryServer;
import org.wirewatch.schema.WireReport;

/**
 * Exactly-once under crashes: the pipeline runs in a separate JVM, is killed with SIGKILL at three random points
 * while a few thousand reports (the corpus under generated story uris, with updates and withdrawals) stream in,
 * and is restarted each time. Its final tallies must equal, byte for byte, those of an uninterrupted run of the
 * same reports on a broker of its own, by the same code (the classpath is copied first). The seed is logged;
 * {@code -Dwirewatch.crash.seed=N} replays a run.
 */
class CrashRecoveryIT {

    private static final Logger LOG = LoggerFactory.getLogger(CrashRecoveryIT.class);
    private static final int COPIES = 60;
    private static final int CHUNKS = 12;

    private final Path root = Path.of(System.getProperty("java.io.tmpdir"), "crash-it-" + UUID.randomUUID());
    private final ChildJvm jvm = new ChildJvm(root, List.of("-Xmx384m", "-XX:+UseSerialGC"));

    @Test
    void shouldEndWithSameTalliesWhenPipelineIsKilledThreeTimes() throws Exception {
        // given
        final long seed = Long.getLong("wirewatch.crash.seed", System.nanoTime());
        final Random random = new Random(seed);
        final List<WireReport> reports = GeneratedReports.inPublicationOrder(Corpus.DEV, COPIES);
        final TreeSet<Integer> killAfter = new TreeSet<>();
        while (killAfter.size() < 3) {
            killAfter.add(1 + random.nextInt(CHUNKS - 2));
        }
        LOG.info(
                "Crash test: seed {}, {} reports in {} chunks, kills after chunks {}",
                seed,
                reports.size(),
                CHUNKS,
                killAfter);

        // when
        final List<String> clean = PipelineRuns.uninterrupted(reports, jvm, root);
        final List<String> crashed = crashed(reports, killAfter, random);

        // then
        PipelineRuns.assertSameTallies(clean, crashed, root, "crashes");
    }

    private List<String> crashed(final List<WireReport> reports, final TreeSet<Integer> killAfter, final Random random)
            throws Exception {
        try (EmbeddedKafka kafka = broker("crashed");
                SchemaRegistryServer registry = PipelineRuns.registry(kafka.bootstrapServers());
                KafkaProducer<String, WireReport> producer = Replay.producer(
                        Map.of(),
                        kafka.bootstrapServers(),
                        PipelineRuns.serdes(registry.url()).report())) {
            ChildJvm.Child pipeline = launch(kafka, registry);
            final int chunk = (reports.size() + CHUNKS - 1) / CHUNKS;
            for (int c = 0; c < CHUNKS; c++) {
                Replay.produce(
                        producer, reports.subList(c * chunk, Math.min(reports.size(), (c + 1) * chunk)), n -> {});
                if (killAfter.contains(c)) {
                    // Somewhere in the middle of processing what was just sent.
                    Thread.sleep(random.nextInt(1500));
                    pipeline.kill();
                    LOG.info("Killed the pipeline after chunk {}; restarting", c);
                    pipeline = launch(kafka, registry);
                }
            }
            try {
                return PipelineRuns.drainedTallies(
                        kafka.bootstrapServers(), registry.url(), "crash", Duration.ofSeconds(120));
            } finally {
                pipeline.kill();
            }
        }
    }

    private ChildJvm.Child launch(final EmbeddedKafka kafka, final SchemaRegistryServer registry) throws Exception {
        return PipelineRuns.launch(
                jvm, kafka.bootstrapServers(), registry.url(), root.resolve("crashed-data"), "crash", Map.of());
    }

    private EmbeddedKafka broker(final String name) {
        final EmbeddedKafka kafka =
                EmbeddedKafka.builder().dataDir(root.resolve(name + "-kafka")).start();
        TopicCreator.createCatalogue(kafka.bootstrapServers(), Map.of());
        return kafka;
    }
}
