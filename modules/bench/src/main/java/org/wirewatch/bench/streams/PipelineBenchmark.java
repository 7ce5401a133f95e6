package org.wirewatch.bench.streams;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.wirewatch.common.Topics;
import org.wirewatch.common.config.CoreConfig;
import org.wirewatch.common.config.Settings;
import org.wirewatch.embedded.EmbeddedKafka;
import org.wirewatch.embedded.TopicCreator;
import org.wirewatch.formats.ParseResult;
import org.wirewatch.formats.ReportParser;
import org.wirewatch.schema.WireReport;
import org.wirewatch.streams.StreamSerdes;
import org.wirewatch.streams.StreamsStage;
import org.wirewatch.streams.StreamsStageConfig;
import org.wirewatch.streams.StreamsStageConfig.Part;
import org.wirewatch.streams.consolidate.ConsolidateTopology;
import org.wirewatch.streams.replay.Replay;
import org.wirewatch.streams.tally.TallyTopology;

/**
 * Throughput and latency of the Streams pipeline (normalize, consolidate, tally, exactly-once) on the embedded
 * broker, beside an identity passthrough topology (raw topic to a copy, exactly-once, same broker, same run).
 * A plain main rather than JMH: it measures a running distributed pipeline, not a method.
 *
 * <p>Throughput, twice. Cold: N reports (the corpus repeated under generated story uris, each copy a week earlier
 * than the previous, so most copies are new events) are loaded into the raw topic first; then each application
 * starts and the time until it has caught up gives reports/s, start-up, rebalances and JIT compilation included.
 * Warm: with both applications running, caught up and paused, N more reports are loaded; each is resumed in turn
 * and timed again: the steady state of a long-running deployment. Each phase prints where the CPU went (per
 * topology, JIT compilation, the rest). Latency: with the pipeline caught up, more reports are sent at half the
 * cold and then half the warm pipeline rate with the send time as record timestamp; every tally update carries
 * the timestamp of the report that caused it, so receive time minus timestamp is the raw-to-tally latency.
 *
 * <p>Run: {@code java -cp modules/bench/target/classes:$(cat cp.txt) org.wirewatch.bench.streams.PipelineBenchmark
 * CORPUS_DIR [REPORTS] [LATENCY_REPORTS] [STREAM_THREADS]}. Any {@code -Dwirewatch.*} setting applies:
 * {@code -Dwirewatch.streams.topologies=normalize} (or any subset) measures those stages alone, to see which one
 * holds the pipeline back; {@code -Dwirewatch.streams.commit.interval=1s} shows what a backfill setting buys.
 * {@code -Dbench.jfr=FILE} records the warm pipeline phase with Flight Recorder.
 */
public final class PipelineBenchmark {

  private static final String PASSTHROUGH_OUT = "bench.passthrough.v1";
  /** The topics a report's consequences pass through on their way to the tallies, in order. */
  private static final List<String> HOPS = List.of(Topics.EXTRACTIONS,
      "bench-consolidate-" + ConsolidateTopology.BY_COUNTRY + "-repartition", Topics.INCIDENTS,
      "bench-tally-" + TallyTopology.DELTAS_BY_REGION + "-repartition", Topics.TALLIES);

  private PipelineBenchmark() {}

  public static void main(final String[] args) throws Exception {
    quiet();
    final Path corpus = Path.of(args.length > 0 ? args[0] : "src/test/resources/corpus/dev");
    final int total = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
    final int latencyReports = args.length > 2 ? Integer.parseInt(args[2]) : 2_000;
    final String threads = args.length > 3 ? args[3] : "1";
    final List<WireReport> base = read(corpus);
    final Path dir = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "pipeline-bench");
    final String registry = "mock://bench-" + UUID.randomUUID();
    final StreamSerdes serdes = StreamSerdes.forRegistry(registry, Map.of());
    try (EmbeddedKafka kafka = EmbeddedKafka.builder().dataDir(dir.resolve("kafka")).start();
         Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()));
         KafkaProducer<String, WireReport> producer = Replay.producer(Map.of(), kafka.bootstrapServers(),
             serdes.report())) {
      TopicCreator.createCatalogue(kafka.bootstrapServers(), Map.of());
      admin.createTopics(List.of(new NewTopic(PASSTHROUGH_OUT, Topics.spec(Topics.RAW_REPORTS).partitions(),
          (short) 1))).all().get();
      final List<WireReport> reports = generate(base, total, 0);
      Replay.produce(producer, reports, n -> { });
      System.out.printf("Loaded %d reports into %s%n", reports.size(), Topics.RAW_REPORTS);

      // Any wirewatch.* system property (-Dwirewatch.streams.commit.interval=1s) overrides a default.
      final Map<String, String> values = new java.util.HashMap<>();
      System.getProperties().stringPropertyNames().stream().filter(k -> k.startsWith("wirewatch."))
          .forEach(k -> values.put(k, System.getProperty(k)));
      values.putAll(Map.of(
          CoreConfig.BOOTSTRAP_SERVERS, kafka.bootstrapServers(),
          CoreConfig.SCHEMA_REGISTRY_URL, registry,
          CoreConfig.DATA_DIR, dir.resolve("data").toString(),
          CoreConfig.APPLICATION_ID, "bench",
          StreamsStageConfig.THREADS, threads));
      final Settings settings = Settings.of(values);
      final Map<String, java.util.Set<String>> passthroughGroups =
          Map.of("bench-passthrough", java.util.Set.of(Topics.RAW_REPORTS));

      // Cold: each application starts on a fresh JVM's code and reads the loaded reports from the beginning,
      // start-up, rebalance and JIT compilation included. The passthrough goes first: it only copies bytes, so it
      // never competes with the pipeline for the broker.
      try (KafkaStreams passthrough = passthrough(kafka);
           StreamsStage stage = new StreamsStage(CoreConfig.from(settings), StreamsStageConfig.from(settings),
               e -> e.printStackTrace())) {
        long t0 = System.nanoTime();
        passthrough.start();
        final double passthroughCold = reports.size() * 1e9 / (caughtUp(admin, kafka, passthroughGroups) - t0);
        passthrough.pause();
        System.out.printf("cold passthrough: %.0f reports/s%n", passthroughCold);

        CpuMeter cpu = new CpuMeter();
        t0 = System.nanoTime();
        stage.start();
        final Thread lagReport = lagReport(admin, stage.sourceTopicsByGroup(), t0);
        final double seconds = (caughtUp(admin, kafka, stage.sourceTopicsByGroup()) - t0) / 1e9;
        lagReport.interrupt();
        final double pipelineCold = reports.size() / seconds;
        System.out.printf("cold pipeline: %d reports in %.1f s (incl. start-up): %.0f reports/s; ratio to"
            + " passthrough %.2f%n", reports.size(), seconds, pipelineCold, pipelineCold / passthroughCold);
        System.out.println("  " + cpu.report(reports.size()));
        offsetsPerReport(admin, reports.size());

        // Warm: both applications running and caught up, paused while the next batch is loaded, then resumed:
        // the steady-state rate without start-up and with the hot code compiled.
        stage.streams().values().forEach(KafkaStreams::pause);
        Replay.produce(producer, generate(base, total, total), n -> { });
        t0 = System.nanoTime();
        passthrough.resume();
        final double passthroughWarm = total * 1e9 / (caughtUp(admin, kafka, passthroughGroups) - t0);
        passthrough.pause();
        System.out.printf("warm passthrough: %.0f reports/s%n", passthroughWarm);

        final jdk.jfr.Recording jfr = profile();
        cpu = new CpuMeter();
        t0 = System.nanoTime();
        stage.streams().values().forEach(KafkaStreams::resume);
        final double pipelineWarm = total * 1e9 / (caughtUp(admin, kafka, stage.sourceTopicsByGroup()) - t0);
        final String cpuWarm = cpu.report(total);
        if (jfr != null) {
          jfr.stop();
          jfr.close();
        }
        System.out.printf("warm pipeline: %.0f reports/s; ratio to passthrough %.2f%n", pipelineWarm,
            pipelineWarm / passthroughWarm);
        System.out.println("  " + cpuWarm);

        final double[] rates = {pipelineCold / 2, pipelineWarm / 2};
        for (int i = 0; i < rates.length; i++) {
          final double rate = rates[i];
          final Map<String, long[]> hops = latency(kafka, serdes, generate(base, latencyReports,
              2 * total + i * latencyReports), Math.max(1, rate));
          final long[] latencies = hops.get(Topics.TALLIES);
          System.out.printf("latency raw->tally at %.0f reports/s (%d tally updates): p50 %d ms, p99 %d ms,"
              + " max %d ms%n", rate, latencies.length, pct(latencies, 50), pct(latencies, 99),
              latencies.length == 0 ? -1 : latencies[latencies.length - 1]);
          final StringBuilder line = new StringBuilder("  readable after (p50/p99 ms):");
          hops.forEach((topic, l) -> line.append(String.format(" %s %d/%d,",
              topic.replaceFirst("^bench-[a-z]+-", "").replaceFirst("^wirewatch\\.", ""), pct(l, 50), pct(l, 99))));
          System.out.println(line.substring(0, line.length() - 1));
        }
      }
    } finally {
      deleteTree(dir);
    }
  }

  /** When the groups caught up (see {@link Replay#caughtUpAt}), checked every 50 ms. */
  private static long caughtUp(final Admin admin, final EmbeddedKafka kafka,
      final Map<String, java.util.Set<String>> groups) throws InterruptedException {
    return Replay.caughtUpAt(admin, Map.of(), kafka.bootstrapServers(), groups, Duration.ofMinutes(30),
        Duration.ofMillis(50)).orElseThrow(() -> new IllegalStateException(groups.keySet() + " did not catch up"));
  }

  /**
   * A JFR recording of the warm pipeline when {@code -Dbench.jfr=FILE} is set: execution samples only, every 10 ms,
   * which costs little (add {@code -XX:FlightRecorderOptions:stackdepth=512} for Avro's deep stacks).
   */
  private static jdk.jfr.Recording profile() throws IOException {
    final String file = System.getProperty("bench.jfr");
    if (file == null) {
      return null;
    }
    final jdk.jfr.Recording r = new jdk.jfr.Recording();
    r.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(10));
    r.setDestination(Path.of(file));
    r.start();
    return r;
  }

  /**
   * CPU time spent since construction: the whole process, each Streams application's threads (stream threads and
   * their producers' network threads, told apart by the application id in the thread name), the JIT compiler and
   * the garbage collector (JVM threads, read from /proc since they are not Java threads); the rest is the
   * in-process broker and the benchmark's own clients.
   */
  private static final class CpuMeter {
    private static final List<String> PARTS = List.of("normalize", "consolidate", "tally");
    private final com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    private final java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
    private final long wall0 = System.nanoTime();
    private final long process0 = os.getProcessCpuTime();
    private final Map<String, Long> parts0 = byPart();

    private Map<String, Long> byPart() {
      final Map<String, Long> out = new java.util.HashMap<>();
      for (final java.lang.management.ThreadInfo t : threads.getThreadInfo(threads.getAllThreadIds())) {
        if (t == null) {
          continue;
        }
        for (final String part : PARTS) {
          if (t.getThreadName().contains("bench-" + part + "-")) {
            out.merge(part, Math.max(0, threads.getThreadCpuTime(t.getThreadId())), Long::sum);
          }
        }
      }
      out.put("JIT", jvmThreads("C1 CompilerThre", "C2 CompilerThre"));
      out.put("GC", jvmThreads("GC Thread", "G1 "));
      return out;
    }

    /** CPU nanoseconds of this process's native threads whose name starts with one of the prefixes (Linux). */
    private static long jvmThreads(final String... prefixes) {
      long ticks = 0;
      try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
        for (final Path task : tasks.toList()) {
          try {
            final String comm = Files.readString(task.resolve("comm")).strip();
            if (Arrays.stream(prefixes).anyMatch(comm::startsWith)) {
              // Fields after the ")" closing the name: state is the 1st, utime the 12th, stime the 13th.
              final String stat = Files.readString(task.resolve("stat"));
              final String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
              ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]);
            }
          } catch (final IOException | RuntimeException e) {
            // the thread ended meanwhile
          }
        }
      } catch (final IOException e) {
        return 0; // not Linux
      }
      return ticks * 10_000_000L; // USER_HZ is 100 on Linux
    }

    String report(final int reports) {
      final double wall = (System.nanoTime() - wall0) / 1e9;
      final double process = (os.getProcessCpuTime() - process0) / 1e9;
      final Map<String, Long> parts = byPart();
      final StringBuilder line = new StringBuilder(String.format("cpu: %.1f s of %.1f s (%d cores x %.1f s wall),"
          + " %.2f ms per report:", process, wall * os.getAvailableProcessors(), os.getAvailableProcessors(), wall,
          process * 1e3 / reports));
      double rest = process;
      for (final String part : List.of("normalize", "consolidate", "tally", "JIT", "GC")) {
        final double s = (parts.getOrDefault(part, 0L) - parts0.getOrDefault(part, 0L)) / 1e9;
        rest -= s;
        line.append(String.format(" %s %.1f s,", part, s));
      }
      return line.append(String.format(" broker and the rest %.1f s", rest)).toString();
    }
  }

  /**
   * Prints how many offsets (records plus transaction markers) each topic gained per report: where the pipeline's
   * writes go, changelogs and repartition topics included.
   */
  private static void offsetsPerReport(final Admin admin, final int reports) throws Exception {
    final java.util.Set<String> topics = admin.listTopics(new org.apache.kafka.clients.admin.ListTopicsOptions()
        .listInternal(false)).names().get();
    final Map<TopicPartition, org.apache.kafka.clients.admin.OffsetSpec> latest = new java.util.HashMap<>();
    admin.describeTopics(topics).allTopicNames().get().values().forEach(d -> d.partitions()
        .forEach(p -> latest.put(new TopicPartition(d.name(), p.partition()),
            org.apache.kafka.clients.admin.OffsetSpec.latest())));
    final Map<String, Long> ends = new java.util.TreeMap<>();
    admin.listOffsets(latest).all().get().forEach((tp, end) -> ends.merge(tp.topic(), end.offset(), Long::sum));
    final StringBuilder line = new StringBuilder("offsets per report:");
    long total = 0;
    for (final Map.Entry<String, Long> e : ends.entrySet()) {
      if (e.getKey().startsWith("bench.passthrough") || e.getKey().startsWith("bench-passthrough")
          || e.getKey().startsWith("_") || e.getValue() == 0) {
        continue;
      }
      total += e.getValue();
      line.append(String.format(" %s=%.1f", e.getKey(), e.getValue() / (double) reports));
    }
    System.out.println(line.append(String.format(" (all: %.1f)", total / (double) reports)));
  }

  /**
   * Prints, every five seconds on stderr, how many records each stage still has to read per source topic: which
   * stage holds the pipeline back.
   */
  private static Thread lagReport(final Admin admin, final Map<String, java.util.Set<String>> groups, final long t0) {
    final Thread t = new Thread(() -> {
      try {
        while (!Thread.currentThread().isInterrupted()) {
          Thread.sleep(5000);
          final StringBuilder line = new StringBuilder(String.format("%6.1f s lag:", (System.nanoTime() - t0) / 1e9));
          for (final Map.Entry<String, java.util.Set<String>> g : groups.entrySet()) {
            final Map<TopicPartition, org.apache.kafka.clients.consumer.OffsetAndMetadata> committed =
                admin.listConsumerGroupOffsets(g.getKey()).partitionsToOffsetAndMetadata().get();
            final Map<TopicPartition, org.apache.kafka.clients.admin.OffsetSpec> latest = new java.util.HashMap<>();
            admin.describeTopics(g.getValue()).allTopicNames().get().values().forEach(d -> d.partitions()
                .forEach(p -> latest.put(new TopicPartition(d.name(), p.partition()),
                    org.apache.kafka.clients.admin.OffsetSpec.latest())));
            final Map<String, Long> lag = new java.util.TreeMap<>();
            admin.listOffsets(latest).all().get().forEach((tp, end) -> {
              final var c = committed.get(tp);
              lag.merge(tp.topic().replaceFirst("^" + java.util.regex.Pattern.quote(g.getKey()) + "-", ""),
                  end.offset() - (c == null ? 0 : c.offset()), Long::sum);
            });
            lag.forEach((topic, n) -> line.append(' ').append(topic).append('=').append(n));
          }
          System.err.println(line);
        }
      } catch (final InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (final java.util.concurrent.ExecutionException e) {
        System.err.println("lag report stopped: " + e.getMessage());
      }
    }, "lag-report");
    t.setDaemon(true);
    t.start();
    return t;
  }

  /** The corpus repeated under new uris until {@code n} reports; copy i is published 7(i+offset) days earlier. */
  static List<WireReport> generate(final List<WireReport> base, final int n, final int offset) {
    final List<WireReport> out = new ArrayList<>(n);
    for (int i = 0; out.size() < n; i++) {
      final int copy = i + offset / base.size() + 1;
      final Duration shift = Duration.ofDays(-7L * copy);
      for (final WireReport r : base) {
        if (out.size() == n) {
          break;
        }
        out.add(WireReport.newBuilder(r).setUri(r.getUri() + ":bench-" + copy)
            .setFirstCreated(r.getFirstCreated() == null ? null : r.getFirstCreated().plus(shift))
            .setVersionCreated(r.getVersionCreated() == null ? null : r.getVersionCreated().plus(shift))
            .build());
      }
    }
    return out;
  }

  /** The identity topology: raw topic to a copy, bytes untouched, exactly-once like the pipeline. */
  private static KafkaStreams passthrough(final EmbeddedKafka kafka) throws IOException {
    final StreamsBuilder b = new StreamsBuilder();
    b.stream(Topics.RAW_REPORTS, Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()))
        .to(PASSTHROUGH_OUT, Produced.with(Serdes.ByteArray(), Serdes.ByteArray()));
    final Properties p = new Properties();
    p.put(StreamsConfig.APPLICATION_ID_CONFIG, "bench-passthrough");
    p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
    p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    p.put(StreamsConfig.STATE_DIR_CONFIG, Files.createTempDirectory("passthrough").toString());
    p.put(StreamsConfig.producerPrefix("linger.ms"), 5);
    p.put(StreamsConfig.producerPrefix("batch.size"), 262_144);
    p.put(StreamsConfig.consumerPrefix("max.poll.records"), 1000);
    return new KafkaStreams(b.build(), p);
  }

  /**
   * Sends {@code reports} at {@code rate} with the send time as timestamp and collects, per topic the pipeline
   * writes on its way to the tallies (extractions, both repartition topics, incidents, tallies), how long after
   * its report's send each record became readable (read_committed): the latency of each hop, cumulatively.
   */
  private static Map<String, long[]> latency(final EmbeddedKafka kafka, final StreamSerdes serdes,
      final List<WireReport> reports, final double rate) throws Exception {
    final Map<String, Object> c = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
        ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed", ConsumerConfig.GROUP_ID_CONFIG, "bench-latency",
        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
    final Map<String, List<Long>> out = new java.util.LinkedHashMap<>();
    HOPS.forEach(t -> out.put(t, new ArrayList<>()));
    final AtomicBoolean done = new AtomicBoolean();
    final long[] start = new long[1];
    try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(c, new ByteArrayDeserializer(),
        new ByteArrayDeserializer())) {
      final List<TopicPartition> parts = HOPS.stream().flatMap(t -> consumer.partitionsFor(t).stream())
          .map(i -> new TopicPartition(i.topic(), i.partition())).toList();
      consumer.assign(parts);
      consumer.seekToEnd(parts);
      parts.forEach(consumer::position);
      final Thread sender = new Thread(() -> {
        try (KafkaProducer<String, WireReport> producer = Replay.producer(Map.of(), kafka.bootstrapServers(),
            serdes.report())) {
          start[0] = System.currentTimeMillis();
          final long t0 = System.nanoTime();
          for (int i = 0; i < reports.size(); i++) {
            final long due = t0 + (long) (i * 1e9 / rate);
            while (System.nanoTime() < due) {
              Thread.onSpinWait();
            }
            final WireReport r = reports.get(i);
            producer.send(new ProducerRecord<>(Topics.RAW_REPORTS, null, System.currentTimeMillis(), r.getUri(), r));
          }
          producer.flush();
        } finally {
          done.set(true);
        }
      });
      sender.start();
      long quietSince = System.nanoTime();
      while (!done.get() || System.nanoTime() - quietSince < Duration.ofSeconds(5).toNanos()) {
        for (final ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(100))) {
          if (r.timestamp() >= start[0] && start[0] > 0) {
            out.get(r.topic()).add(System.currentTimeMillis() - r.timestamp());
          }
          quietSince = System.nanoTime();
        }
      }
      sender.join();
    }
    final Map<String, long[]> sorted = new java.util.LinkedHashMap<>();
    out.forEach((topic, l) -> sorted.put(topic, l.stream().mapToLong(Long::longValue).sorted().toArray()));
    return sorted;
  }

  /** Warnings only: logging every request at DEBUG (logback's default without a config) is what we'd measure. */
  static void quiet() {
    if (org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME) instanceof ch.qos.logback.classic.Logger l) {
      l.setLevel(ch.qos.logback.classic.Level.WARN);
    }
  }

  private static long pct(final long[] sorted, final int p) {
    return sorted.length == 0 ? -1 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
  }

  static List<WireReport> read(final Path folder) throws IOException {
    final ReportParser parser = new ReportParser();
    final List<WireReport> out = new ArrayList<>();
    try (Stream<Path> files = Files.list(folder)) {
      for (final Path f : files.sorted().toList()) {
        final String name = f.getFileName().toString();
        if (name.endsWith(".gold.json") || name.endsWith(".md")) {
          continue;
        }
        final ParseResult r = parser.parse(Files.readAllBytes(f), name);
        out.addAll(r.reports());
      }
    }
    return out;
  }

  static void deleteTree(final Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

}
