package org.wirewatch.streams.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.Test;
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
import org.wirewatch.streams.StreamsStageConfig;
import org.wirewatch.streams.StreamsStageConfig.Part;

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
    final List<WireReport> reports = Replay.inPublicationOrder(
        GeneratedReports.copies(Corpus.reports(Corpus.DEV), COPIES));
    final TreeSet<Integer> killAfter = new TreeSet<>();
    while (killAfter.size() < 3) {
      killAfter.add(1 + random.nextInt(CHUNKS - 2));
    }
    LOG.info("Crash test: seed {}, {} reports in {} chunks, kills after chunks {}", seed, reports.size(), CHUNKS,
        killAfter);

    // when
    final List<String> clean = uninterrupted(reports);
    final List<String> crashed = crashed(reports, killAfter, random);

    // then
    assertThat(clean).isNotEmpty();
    // Compared line by line, reporting only the differences: thousands of lines in one message help nobody.
    Files.write(root.resolve("clean.jsonl"), clean);
    Files.write(root.resolve("crashed.jsonl"), crashed);
    final List<String> missing = clean.stream().filter(l -> !crashed.contains(l)).limit(5).toList();
    final List<String> unexpected = crashed.stream().filter(l -> !clean.contains(l)).limit(5).toList();
    assertThat(missing).as("tallies of the uninterrupted run missing after crashes").isEmpty();
    assertThat(unexpected).as("tallies after crashes that the uninterrupted run lacks").isEmpty();
    assertThat(crashed).as("every tally, byte for byte, in key order").isEqualTo(clean);
  }

  private List<String> uninterrupted(final List<WireReport> reports) throws Exception {
    try (EmbeddedKafka kafka = broker("clean");
         SchemaRegistryServer registry = registry(kafka)) {
      final ChildJvm.Child pipeline = launch(new String[] {kafka.bootstrapServers(), registry.url(),
          root.resolve("clean-data").toString(), "crash"});
      try {
        final long started = System.nanoTime();
        produce(kafka, registry, reports);
        final List<String> out = drain(kafka, registry);
        LOG.info("Uninterrupted run: {} reports, {} tallies in {} ms", reports.size(), out.size(),
            TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        return out;
      } finally {
        pipeline.kill();
      }
    }
  }

  private List<String> crashed(final List<WireReport> reports, final TreeSet<Integer> killAfter,
      final Random random) throws Exception {
    try (EmbeddedKafka kafka = broker("crashed");
         SchemaRegistryServer registry = registry(kafka);
         KafkaProducer<String, WireReport> producer = Replay.producer(Map.of(), kafka.bootstrapServers(),
             serdes(registry).report())) {
      final String[] args = {kafka.bootstrapServers(), registry.url(), root.resolve("crashed-data").toString(),
          "crash"};
      ChildJvm.Child pipeline = launch(args);
      final int chunk = (reports.size() + CHUNKS - 1) / CHUNKS;
      for (int c = 0; c < CHUNKS; c++) {
        Replay.produce(producer, reports.subList(c * chunk, Math.min(reports.size(), (c + 1) * chunk)), n -> { });
        if (killAfter.contains(c)) {
          // Somewhere in the middle of processing what was just sent.
          Thread.sleep(random.nextInt(1500));
          pipeline.kill();
          LOG.info("Killed the pipeline after chunk {}; restarting", c);
          pipeline = launch(args);
        }
      }
      try {
        return drain(kafka, registry);
      } finally {
        pipeline.kill();
      }
    }
  }

  private ChildJvm.Child launch(final String[] args) throws Exception {
    final ChildJvm.Child child = jvm.start(PipelineProcess.class.getName(), List.of(args));
    await().atMost(90, TimeUnit.SECONDS).pollInterval(Duration.ofMillis(100)).until(() ->
        !child.process().isAlive() || child.output().contains("READY"));
    assertThat(child.process().isAlive()).as("pipeline process started (log %s)", child.log()).isTrue();
    return child;
  }

  private List<String> drain(final EmbeddedKafka kafka, final SchemaRegistryServer registry) throws Exception {
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
      assertThat(Replay.awaitCaughtUp(admin, Map.of(), kafka.bootstrapServers(),
          StreamsStage.sourceTopicsByGroup("crash", EnumSet.allOf(Part.class)), Duration.ofSeconds(120)))
          .as("pipeline caught up").isTrue();
    }
    return Replay.readTallies(Map.of(), kafka.bootstrapServers(), serdes(registry).tally()).values().stream()
        .map(AvroJson::toJson).toList();
  }

  private void produce(final EmbeddedKafka kafka, final SchemaRegistryServer registry,
      final List<WireReport> reports) {
    try (KafkaProducer<String, WireReport> producer = Replay.producer(Map.of(), kafka.bootstrapServers(),
        serdes(registry).report())) {
      Replay.produce(producer, reports, n -> { });
    }
  }

  private static StreamSerdes serdes(final SchemaRegistryServer registry) {
    return StreamSerdes.forRegistry(registry.url(), Map.of());
  }

  private EmbeddedKafka broker(final String name) {
    final EmbeddedKafka kafka = EmbeddedKafka.builder().dataDir(root.resolve(name + "-kafka")).start();
    TopicCreator.createCatalogue(kafka.bootstrapServers(), Map.of());
    return kafka;
  }

  private static SchemaRegistryServer registry(final EmbeddedKafka kafka) throws Exception {
    final SchemaRegistryServer registry = new SchemaRegistryServer(kafka.bootstrapServers(), 0, Topics.SCHEMAS);
    registry.start();
    return registry;
  }
}
