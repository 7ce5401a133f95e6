package org.wirewatch.bench.streams;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.wirewatch.common.Topics;
import org.wirewatch.common.config.CoreConfig;
import org.wirewatch.common.config.Settings;
import org.wirewatch.embedded.EmbeddedKafka;
import org.wirewatch.embedded.TopicCreator;
import org.wirewatch.schema.WireReport;
import org.wirewatch.streams.StreamSerdes;
import org.wirewatch.streams.StreamsStage;
import org.wirewatch.streams.StreamsStageConfig;
import org.wirewatch.streams.replay.Replay;
import org.wirewatch.streams.reprocess.Reprocess;

/**
 * {@code wirewatch reprocess} on the embedded broker: N reports (the corpus repeated under generated story uris, as
 * {@link PipelineBenchmark} makes them) are replayed through the whole pipeline; then the archive is reprocessed
 * with the same rules, so that no extraction changes. Prints the reports re-extracted per second (from the first
 * copy sent to normalize's last commit on the reprocess topic) and the records written to the extraction, incident,
 * claim and tally topics per report meanwhile and until the pipeline is quiet again (zero is the target: an
 * unchanged extraction writes nothing downstream).
 *
 * <p>Run: {@code java -cp "modules/bench/target/classes:$(cat cp.txt)" org.wirewatch.bench.streams.ReprocessBenchmark
 * CORPUS_DIR [REPORTS] [RUNS]}.
 */
public final class ReprocessBenchmark {

    private static final List<String> DOWNSTREAM =
            List.of(Topics.EXTRACTIONS, Topics.INCIDENTS, Topics.CLAIMS, Topics.TALLIES);

    private ReprocessBenchmark() {}

    public static void main(final String[] args) throws Exception {
        PipelineBenchmark.quiet();
        final Path corpus = Path.of(args.length > 0 ? args[0] : "src/test/resources/corpus/dev");
        final int total = args.length > 1 ? Integer.parseInt(args[1]) : 5_000;
        final int runs = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        final List<WireReport> reports = PipelineBenchmark.generate(PipelineBenchmark.read(corpus), total, 0);
        final Path dir = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "reprocess-bench");
        final String registry = "mock://bench-" + UUID.randomUUID();
        final StreamSerdes serdes = StreamSerdes.forRegistry(registry, Map.of());
        try (EmbeddedKafka kafka =
                        EmbeddedKafka.builder().dataDir(dir.resolve("kafka")).start();
                Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
            TopicCreator.createCatalogue(kafka.bootstrapServers(), Map.of());
            final Settings settings = Settings.of(Map.of(
                    CoreConfig.BOOTSTRAP_SERVERS,
                    kafka.bootstrapServers(),
                    CoreConfig.SCHEMA_REGISTRY_URL,
                    registry,
                    CoreConfig.DATA_DIR,
                    dir.resolve("data").toString(),
                    CoreConfig.APPLICATION_ID,
                    "bench"));
            try (StreamsStage stage = new StreamsStage(
                    CoreConfig.from(settings), StreamsStageConfig.from(settings), Throwable::printStackTrace)) {
                stage.start();
                try (KafkaProducer<String, WireReport> producer =
                        Replay.producer(Map.of(), kafka.bootstrapServers(), serdes.report())) {
                    Replay.produce(producer, reports, n -> {});
                }
                awaitQuiet(admin, kafka, stage);
                System.out.printf("Replayed %d reports through the pipeline%n", reports.size());
                for (int run = 1; run <= runs; run++) {
                    final Map<String, Long> before = counts(kafka);
                    final long t0 = System.nanoTime();
                    final Reprocess.Copy copy =
                            Reprocess.copyArchive(admin, Map.of(), kafka.bootstrapServers(), Instant.now(), p -> {});
                    if (!Reprocess.awaitReextracted(admin, "bench-normalize", copy, Duration.ofMinutes(30), p -> {})) {
                        throw new IllegalStateException("normalize did not read the copies");
                    }
                    final double seconds = (System.nanoTime() - t0) / 1e9;
                    awaitQuiet(admin, kafka, stage);
                    final Map<String, Long> after = counts(kafka);
                    final StringBuilder writes = new StringBuilder();
                    long sum = 0;
                    for (final String t : DOWNSTREAM) {
                        final long n = after.get(t) - before.get(t);
                        sum += n;
                        writes.append(' ')
                                .append(t.replaceFirst("^wirewatch\\.", ""))
                                .append(' ')
                                .append(n)
                                .append(',');
                    }
                    System.out.printf(
                            "reprocess run %d, nothing changed: %d reports re-extracted in %.1f s: %.0f reports/s;"
                                    + " %.3f writes per report (%s)%n",
                            run,
                            copy.copied(),
                            seconds,
                            copy.copied() / seconds,
                            (double) sum / copy.copied(),
                            writes.substring(1, writes.length() - 1));
                }
            }
        } finally {
            PipelineBenchmark.deleteTree(dir);
        }
    }

    private static void awaitQuiet(final Admin admin, final EmbeddedKafka kafka, final StreamsStage stage)
            throws InterruptedException {
        if (!Replay.awaitCaughtUp(
                admin, Map.of(), kafka.bootstrapServers(), stage.sourceTopicsByGroup(), Duration.ofMinutes(30))) {
            throw new IllegalStateException("the pipeline did not catch up");
        }
    }

    /** Committed data records per downstream topic (transaction markers occupy offsets but are not records). */
    private static Map<String, Long> counts(final EmbeddedKafka kafka) {
        final Map<String, Long> out = new HashMap<>();
        for (final String t : DOWNSTREAM) {
            out.put(t, (long) Replay.readTopic(Map.of(), kafka.bootstrapServers(), t, new ByteArrayDeserializer())
                    .size());
        }
        return out;
    }
}
