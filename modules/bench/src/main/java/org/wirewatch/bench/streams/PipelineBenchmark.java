package org.wirewatch.bench.streams;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
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
import org.apache.kafka.streams.KafkaStreams;
import org.wirewatch.common.Topics;
import org.wirewatch.common.config.CoreConfig;
import org.wirewatch.common.config.Settings;
import org.wirewatch.embedded.EmbeddedKafka;
import org.wirewatch.embedded.TopicCreator;
import org.wirewatch.extract.Extractor;
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
 * What the Streams pipeline (normalize, consolidate, tally, exactly-once, embedded broker) costs per report, beside
 * the two floors it cannot go below, all in the same run over the same reports:
 *
 * <ul>
 *   <li><b>extraction alone</b>: the extractor called on each report in this thread, no Kafka;</li>
 *   <li><b>a shape-equivalent passthrough</b> ({@link ShapePassthroughTopology}): three exactly-once applications
 *       with the pipeline's sub-topologies, stores, repartition and output topics, making per record read as many
 *       writes to each as the pipeline made in the warm-up, of the same mean size, and computing nothing;</li>
 *   <li><b>the pipeline</b>.</li>
 * </ul>
 *
 * A plain main rather than JMH: it measures running distributed applications, not a method.
 *
 * <p>Warm-up: {@code bench.warmup} reports (the corpus repeated under generated story uris, each copy a week
 * later than the previous, so every copy's events are new) are loaded, the pipeline starts and catches up
 * (start-up included: the cold figure), then the passthrough is built from the writes the pipeline made and warmed
 * up on the same reports. Steady state: {@code bench.reports} more reports in slices of {@code bench.slice}; each
 * slice is loaded while every application is paused, then extracted alone, then the pipeline is resumed until it has
 * caught up, then the passthrough. Each slice prints CPU per report by part (stream threads of each application
 * with their producers' network threads, JIT compilation, garbage collection, the rest: the in-process broker),
 * transactional writes per report (records the applications' producers sent, changelogs and repartitions included)
 * and the rate; JIT time per report shows when the code has settled. {@code -Dbench.until.settled=true} stops after
 * the first slice whose JIT time per report did not fall. Then the totals over every measured slice, and the latency
 * of each hop at half the pipeline's rate: reports are sent with the send time as timestamp, and every record the
 * pipeline writes on the way carries the timestamp of the report that caused it.
 *
 * <p>Run: {@code java -cp modules/bench/target/classes:$(cat cp.txt) org.wirewatch.bench.streams.PipelineBenchmark
 * CORPUS_DIR [REPORTS] [LATENCY_REPORTS] [STREAM_THREADS]}, or the same counts as {@code -Dbench.reports},
 * {@code -Dbench.latency.reports}, with {@code -Dbench.warmup} (20,000) and {@code -Dbench.slice} (20,000). Any
 * {@code -Dwirewatch.*} setting applies to the pipeline and the passthrough alike:
 * {@code -Dwirewatch.streams.topologies=normalize} (or any subset) measures those stages alone,
 * {@code -Dwirewatch.streams.commit.interval=1s} shows what a backfill setting buys. {@code -Dbench.jfr=FILE}
 * records the measured pipeline phases with Flight Recorder (execution samples, deoptimizations and compilations).
 */
public final class PipelineBenchmark {

    /** The topics a report's consequences pass through on their way to the tallies, in order. */
    private static final List<String> HOPS = List.of(
            Topics.EXTRACTIONS,
            "bench-consolidate-" + ConsolidateTopology.BY_COUNTRY + "-repartition",
            Topics.INCIDENTS,
            "bench-tally-" + TallyTopology.DELTAS_BY_REGION + "-repartition",
            Topics.TALLIES);

    private PipelineBenchmark() {}

    public static void main(final String[] args) throws Exception {
        quiet();
        final Path corpus = Path.of(args.length > 0 ? args[0] : "modules/extract/src/test/resources/corpus/dev");
        final int measured = args.length > 1 ? Integer.parseInt(args[1]) : Integer.getInteger("bench.reports", 100_000);
        final int latencyReports =
                args.length > 2 ? Integer.parseInt(args[2]) : Integer.getInteger("bench.latency.reports", 2_000);
        final String threads = args.length > 3 ? args[3] : "1";
        final int warmup = Integer.getInteger("bench.warmup", 20_000);
        final int slice = Integer.getInteger("bench.slice", 20_000);
        final boolean untilSettled = Boolean.getBoolean("bench.until.settled");
        final List<WireReport> base = read(corpus);
        final Path dir = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "pipeline-bench");
        final String registry = "mock://bench-" + UUID.randomUUID();
        final StreamSerdes serdes = StreamSerdes.forRegistry(registry, Map.of());
        System.out.printf("load average at start: %s%n", loadAverage());
        // The default 3 s broker session (short for quick restarts after a kill, which never happen here) lets a
        // controller stalled by other work on a shared machine fence its own broker, and the idempotent producer
        // loading the reports then never recovers its sequence numbers.
        try (EmbeddedKafka kafka = EmbeddedKafka.builder()
                        .dataDir(dir.resolve("kafka"))
                        .brokerProperty("broker.session.timeout.ms", "30000")
                        .brokerProperty("broker.heartbeat.interval.ms", "2000")
                        .start();
                Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()));
                KafkaProducer<String, WireReport> producer =
                        Replay.producer(Map.of(), kafka.bootstrapServers(), serdes.report())) {
            TopicCreator.createCatalogue(kafka.bootstrapServers(), Map.of());
            awaitLeaders(admin, Topics.RAW_REPORTS);
            final List<WireReport> warm = generate(base, warmup, 0);
            Replay.produce(producer, warm, n -> {});

            // Any wirewatch.* system property (-Dwirewatch.streams.commit.interval=1s) overrides a default.
            final Map<String, String> values = new java.util.HashMap<>();
            System.getProperties().stringPropertyNames().stream()
                    .filter(k -> k.startsWith("wirewatch."))
                    .forEach(k -> values.put(k, System.getProperty(k)));
            values.putAll(Map.of(
                    CoreConfig.BOOTSTRAP_SERVERS,
                    kafka.bootstrapServers(),
                    CoreConfig.SCHEMA_REGISTRY_URL,
                    registry,
                    CoreConfig.DATA_DIR,
                    dir.resolve("data").toString(),
                    CoreConfig.APPLICATION_ID,
                    "bench",
                    StreamsStageConfig.THREADS,
                    threads));
            final Settings settings = Settings.of(values);
            final CoreConfig core = CoreConfig.from(settings);
            final StreamsStageConfig config = StreamsStageConfig.from(settings);
            final Extractor extractor = Extractor.create();

            try (StreamsStage stage = new StreamsStage(core, config, e -> e.printStackTrace())) {
                // Warm-up, and the cold figure: start-up, rebalances and the first JIT compilations included.
                CpuMeter cpu = new CpuMeter("bench-");
                long t0 = System.nanoTime();
                stage.start();
                final Thread lagReport = lagReport(admin, stage.sourceTopicsByGroup(), t0);
                final double seconds = (caughtUp(admin, kafka, stage.sourceTopicsByGroup()) - t0) / 1e9;
                lagReport.interrupt();
                stage.streams().values().forEach(KafkaStreams::pause);
                System.out.printf(
                        "warm-up (cold start): pipeline %d reports in %.1f s (start-up included): %.0f reports/s;"
                                + " load average %s%n  %s%n",
                        warm.size(), seconds, warm.size() / seconds, loadAverage(), cpu.report(warm.size()));
                final Writes pipelineWarmup = Writes.of(stage.streams());
                System.out.println("  " + pipelineWarmup.describe(warm.size()));

                final List<KafkaStreams> passthrough =
                        passthrough(admin, config, core, stage, pipelineWarmup, warm.size());
                final Map<String, java.util.Set<String>> passGroups = passGroups(config, stage);
                t0 = System.nanoTime();
                passthrough.forEach(KafkaStreams::start);
                final double passSeconds = (caughtUp(admin, kafka, passGroups) - t0) / 1e9;
                passthrough.forEach(KafkaStreams::pause);
                System.out.printf("warm-up (cold start): passthrough %.0f reports/s%n", warm.size() / passSeconds);
                extractCpu(extractor, warm);

                final jdk.jfr.Recording jfr = profile();
                final Totals pipeline = new Totals();
                final Totals pass = new Totals();
                final Totals extraction = new Totals();
                double lastJit = Double.MAX_VALUE;
                for (int done = 0, n; done < measured; done += n) {
                    n = Math.min(slice, measured - done);
                    final List<WireReport> reports = generate(base, n, warmup + done);
                    Replay.produce(producer, reports, k -> {});
                    final String load = loadAverage();
                    final long extractNanos = extractCpu(extractor, reports);
                    extraction.add(n, extractNanos, 0, null, Map.of());

                    final Writes w0 = Writes.of(stage.streams());
                    cpu = new CpuMeter("bench-");
                    t0 = System.nanoTime();
                    stage.streams().values().forEach(KafkaStreams::resume);
                    final long pipelineNanos = caughtUp(admin, kafka, stage.sourceTopicsByGroup()) - t0;
                    final CpuMeter.Sample p = cpu.sample();
                    stage.streams().values().forEach(KafkaStreams::pause);
                    final Writes pw = Writes.of(stage.streams()).minus(w0);
                    pipeline.add(n, p.process(), pipelineNanos, p, pw.byTopic());

                    final Writes q0 = Writes.of(passthrough);
                    cpu = new CpuMeter("bench-pass-");
                    t0 = System.nanoTime();
                    passthrough.forEach(KafkaStreams::resume);
                    final long passNanos = caughtUp(admin, kafka, passGroups) - t0;
                    final CpuMeter.Sample q = cpu.sample();
                    passthrough.forEach(KafkaStreams::pause);
                    final Writes qw = Writes.of(passthrough).minus(q0);
                    pass.add(n, q.process(), passNanos, q, qw.byTopic());

                    final double jit = p.parts().get("JIT") / 1e6 / n;
                    System.out.printf(
                            "slice %d..%d (load average %s): extraction alone %.3f ms/report;"
                                    + " pipeline %.0f reports/s, %.3f ms/report, %.1f writes/report, JIT %.3f ms/report;"
                                    + " passthrough %.0f reports/s, %.3f ms/report, %.1f writes/report%n  pipeline %s%n  passthrough %s%n",
                            warmup + done,
                            warmup + done + n,
                            load,
                            extractNanos / 1e6 / n,
                            n * 1e9 / pipelineNanos,
                            p.process() / 1e6 / n,
                            pw.total() / (double) n,
                            jit,
                            n * 1e9 / passNanos,
                            q.process() / 1e6 / n,
                            qw.total() / (double) n,
                            p.describe(n),
                            q.describe(n));
                    if (untilSettled && done > 0 && jit >= lastJit) {
                        System.out.println("JIT time per report stopped falling: steady state");
                        done += n;
                        measured(done);
                        break;
                    }
                    lastJit = jit;
                }
                if (jfr != null) {
                    jfr.stop();
                    jfr.close();
                }
                final double extractMs = extraction.cpuNanos / 1e6 / extraction.reports;
                final double pipelineMs = pipeline.cpuNanos / 1e6 / pipeline.reports;
                final double passMs = pass.cpuNanos / 1e6 / pass.reports;
                System.out.printf(
                        "%nsteady state, %d reports after a warm-up of %d (load average now %s):%n",
                        pipeline.reports, warmup, loadAverage());
                System.out.printf(
                        "  CPU per report: pipeline %.3f ms (%.1f x extraction alone), passthrough %.3f ms,"
                                + " extraction alone %.3f ms%n",
                        pipelineMs, pipelineMs / extractMs, passMs, extractMs);
                System.out.println("  pipeline by part (ms/report): " + pipeline.parts());
                System.out.println("  passthrough by part (ms/report): " + pass.parts());
                System.out.printf(
                        "  throughput: pipeline %.0f reports/s, passthrough %.0f reports/s (pipeline at %.0f %%)%n",
                        pipeline.rate(), pass.rate(), 100 * pipeline.rate() / pass.rate());
                System.out.println("  pipeline " + pipeline.writes());
                System.out.println("  passthrough " + pass.writes());

                stage.streams().values().forEach(KafkaStreams::resume);
                final double rate = pipeline.rate() / 2;
                final Map<String, long[]> hops =
                        latency(kafka, serdes, generate(base, latencyReports, warmup + measured), Math.max(1, rate));
                final long[] latencies = hops.get(Topics.TALLIES);
                System.out.printf(
                        "latency raw->tally at %.0f reports/s (%d tally updates, load average %s): p50 %d ms,"
                                + " p99 %d ms, max %d ms%n",
                        rate,
                        latencies.length,
                        loadAverage(),
                        pct(latencies, 50),
                        pct(latencies, 99),
                        latencies.length == 0 ? -1 : latencies[latencies.length - 1]);
                final StringBuilder line = new StringBuilder("  readable after (p50/p99 ms):");
                hops.forEach((topic, l) -> line.append(String.format(
                        " %s %d/%d,",
                        topic.replaceFirst("^bench-[a-z]+-", "").replaceFirst("^wirewatch\\.", ""),
                        pct(l, 50),
                        pct(l, 99))));
                System.out.println(line.substring(0, line.length() - 1));
                passthrough.forEach(KafkaStreams::close);
            }
        } finally {
            deleteTree(dir);
        }
    }

    /**
     * Waits until every partition of the topic has a leader that answers: on a loaded machine the first sends to a
     * topic created a moment ago can meet NOT_LEADER_OR_FOLLOWER, after which the idempotent producer may never get
     * its sequence numbers accepted again.
     */
    private static void awaitLeaders(final Admin admin, final String topic) throws Exception {
        final long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            final var d =
                    admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic);
            if (d.partitions().stream()
                    .allMatch(p -> p.leader() != null && !p.leader().isEmpty())) {
                final Map<TopicPartition, org.apache.kafka.clients.admin.OffsetSpec> latest = new java.util.HashMap<>();
                d.partitions()
                        .forEach(p -> latest.put(
                                new TopicPartition(topic, p.partition()),
                                org.apache.kafka.clients.admin.OffsetSpec.latest()));
                try {
                    admin.listOffsets(latest).all().get();
                    return;
                } catch (final java.util.concurrent.ExecutionException e) {
                    // a leader not serving yet
                }
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException(topic + " has no leader for every partition after 60 s");
    }

    private static void measured(final int done) {
        System.out.printf("measured %d reports%n", done);
    }

    /** The load average of the machine (1, 5 and 15 minutes): the other work sharing its cores. */
    static String loadAverage() {
        try {
            final String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (final IOException e) {
            return String.format(
                    "%.2f",
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                            .getSystemLoadAverage());
        }
    }

    /** CPU nanoseconds this thread spends extracting the reports: extraction alone, no Kafka. */
    private static long extractCpu(final Extractor extractor, final List<WireReport> reports) {
        final java.lang.management.ThreadMXBean t = java.lang.management.ManagementFactory.getThreadMXBean();
        final long c0 = t.getCurrentThreadCpuTime();
        long sink = 0;
        for (final WireReport r : reports) {
            sink += extractor.extract(r).hashCode();
        }
        final long nanos = t.getCurrentThreadCpuTime() - c0;
        if (sink == 42) {
            System.out.print("");
        }
        return nanos;
    }

    /**
     * The shape-equivalent passthrough of each running pipeline application: its topics created like the pipeline's,
     * its fan-out the pipeline's writes per record read during the warm-up.
     */
    private static List<KafkaStreams> passthrough(
            final Admin admin,
            final StreamsStageConfig config,
            final CoreConfig core,
            final StreamsStage stage,
            final Writes writes,
            final int reports)
            throws Exception {
        final Map<String, Double> perReport = new java.util.HashMap<>();
        writes.byTopic().forEach((topic, n) -> perReport.put(topic, n[0] / (double) reports));
        perReport.put(Topics.RAW_REPORTS, 1.0);
        final List<KafkaStreams> out = new ArrayList<>();
        final List<NewTopic> topics = new ArrayList<>();
        for (final Part part : config.topologies()) {
            final String app = stage.applicationId(part);
            final List<ShapePassthroughTopology.Stage> stages = new ArrayList<>();
            for (final Map<String, List<String>> sub : ShapePassthroughTopology.shape(topologyOf(part))) {
                final List<String> sources =
                        sub.get("sources").stream().map(t -> passTopic(app, t)).toList();
                final double in = sub.get("sources").stream()
                        .mapToDouble(t -> perReport.getOrDefault(pipelineTopic(app, t), 0.0))
                        .sum();
                final List<ShapePassthroughTopology.Target> stores = sub.get("stores").stream()
                        .map(s -> target(s, app + "-" + s + "-changelog", in, perReport, writes))
                        .toList();
                final List<ShapePassthroughTopology.Target> sinks = sub.get("sinks").stream()
                        .map(t -> target(passTopic(app, t), pipelineTopic(app, t), in, perReport, writes))
                        .toList();
                for (final String t : sub.get("sinks")) {
                    final int partitions = admin.describeTopics(List.of(pipelineTopic(app, t)))
                            .allTopicNames()
                            .get()
                            .get(pipelineTopic(app, t))
                            .partitions()
                            .size();
                    topics.add(new NewTopic(passTopic(app, t), partitions, (short) 1));
                }
                stages.add(new ShapePassthroughTopology.Stage(sources, stores, sinks));
            }
            System.out.printf("passthrough of %s: %s%n", part.id(), stages);
            final org.apache.kafka.streams.Topology topology = ShapePassthroughTopology.build(stages);
            out.add(new KafkaStreams(topology, config.properties(core, "bench-pass-" + part.id())));
        }
        admin.createTopics(topics).all().get();
        return out;
    }

    private static ShapePassthroughTopology.Target target(
            final String name,
            final String pipelineTopic,
            final double in,
            final Map<String, Double> perReport,
            final Writes writes) {
        final double n = perReport.getOrDefault(pipelineTopic, 0.0);
        final long[] w = writes.byTopic().get(pipelineTopic);
        final int bytes = w == null || w[0] == 0 ? 1 : (int) Math.max(1, w[1] / w[0]);
        return new ShapePassthroughTopology.Target(name, in == 0 ? 0 : n / in, bytes);
    }

    /** The name under which the pipeline application writes a topic of its description. */
    private static String pipelineTopic(final String app, final String topic) {
        return topic.startsWith("wirewatch.") ? topic : app + "-" + topic;
    }

    /**
     * The passthrough's copy of a pipeline topic; it reads the pipeline's own inputs (the raw topic, and the reprocess
     * topic, which stays empty here), which only the pipeline's producers write.
     */
    private static String passTopic(final String app, final String topic) {
        if (topic.equals(Topics.RAW_REPORTS) || topic.equals(Topics.REPROCESS_REPORTS)) {
            return topic;
        }
        return topic.startsWith("wirewatch.") ? "bench.pass." + topic : "bench-pass-" + app + "-" + topic;
    }

    private static Map<String, java.util.Set<String>> passGroups(
            final StreamsStageConfig config, final StreamsStage stage) {
        final Map<String, java.util.Set<String>> out = new java.util.LinkedHashMap<>();
        for (final Part part : config.topologies()) {
            final String app = stage.applicationId(part);
            final java.util.Set<String> sources = new java.util.TreeSet<>();
            ShapePassthroughTopology.shape(topologyOf(part))
                    .forEach(sub -> sub.get("sources").forEach(t -> sources.add(passTopic(app, t))));
            out.put("bench-pass-" + part.id(), sources);
        }
        return out;
    }

    /** The pipeline topology of a part, for its shape only (placeholder serdes and extractor). */
    private static org.apache.kafka.streams.Topology topologyOf(final Part part) {
        final StreamSerdes placeholder = StreamSerdes.forRegistry("mock://shape", Map.of());
        return switch (part) {
            case NORMALIZE -> org.wirewatch.streams.normalize.NormalizeTopology.build(placeholder, r -> null);
            case CONSOLIDATE -> ConsolidateTopology.build(placeholder, 90);
            case TALLY -> TallyTopology.build(placeholder);
        };
    }

    /** Records and bytes each application's producers sent, per topic: the transactional writes. */
    private record Writes(Map<String, long[]> byTopic) {

        static Writes of(final Map<Part, KafkaStreams> streams) {
            return of(streams.values());
        }

        static Writes of(final java.util.Collection<KafkaStreams> streams) {
            final Map<String, long[]> out = new java.util.TreeMap<>();
            for (final KafkaStreams s : streams) {
                s.metrics().forEach((name, metric) -> {
                    if (!name.group().equals("producer-topic-metrics")
                            || name.tags().get("topic") == null) {
                        return;
                    }
                    final int i = name.name().equals("record-send-total")
                            ? 0
                            : name.name().equals("byte-total") ? 1 : -1;
                    if (i >= 0) {
                        out.computeIfAbsent(name.tags().get("topic"), k -> new long[2])[i] +=
                                (long) ((Number) metric.metricValue()).doubleValue();
                    }
                });
            }
            return new Writes(out);
        }

        Writes minus(final Writes before) {
            final Map<String, long[]> out = new java.util.TreeMap<>();
            byTopic.forEach((t, n) -> {
                final long[] b = before.byTopic.getOrDefault(t, new long[2]);
                out.put(t, new long[] {n[0] - b[0], n[1] - b[1]});
            });
            return new Writes(out);
        }

        long total() {
            return byTopic.values().stream().mapToLong(n -> n[0]).sum();
        }

        String describe(final int reports) {
            final StringBuilder line =
                    new StringBuilder(String.format("writes per report %.1f:", total() / (double) reports));
            byTopic.forEach((t, n) -> {
                if (n[0] > 0) {
                    line.append(String.format(" %s=%.2f", t, n[0] / (double) reports));
                }
            });
            return line.toString();
        }
    }

    /** Sums over the measured slices. */
    private static final class Totals {
        int reports;
        long cpuNanos;
        long wallNanos;
        final Map<String, Long> parts = new java.util.LinkedHashMap<>();
        final Map<String, long[]> writes = new java.util.TreeMap<>();

        void add(
                final int n,
                final long cpu,
                final long wall,
                final CpuMeter.Sample sample,
                final Map<String, long[]> byTopic) {
            reports += n;
            cpuNanos += cpu;
            wallNanos += wall;
            if (sample != null) {
                sample.parts().forEach((k, v) -> parts.merge(k, v, Long::sum));
                parts.merge("rest", sample.rest(), Long::sum);
            }
            byTopic.forEach((t, w) -> {
                final long[] sum = writes.computeIfAbsent(t, k -> new long[2]);
                sum[0] += w[0];
                sum[1] += w[1];
            });
        }

        double rate() {
            return reports * 1e9 / wallNanos;
        }

        String parts() {
            final StringBuilder line = new StringBuilder();
            parts.forEach((k, v) -> line.append(String.format("%s %.3f, ", k, v / 1e6 / reports)));
            return line.length() == 0 ? "" : line.substring(0, line.length() - 2);
        }

        String writes() {
            return new Writes(writes).describe(reports);
        }
    }

    /** When the groups caught up (see {@link Replay#caughtUpAt}), checked every 50 ms. */
    private static long caughtUp(
            final Admin admin, final EmbeddedKafka kafka, final Map<String, java.util.Set<String>> groups)
            throws InterruptedException {
        return Replay.caughtUpAt(
                        admin,
                        Map.of(),
                        kafka.bootstrapServers(),
                        groups,
                        Duration.ofMinutes(30),
                        Duration.ofMillis(50))
                .orElseThrow(() -> new IllegalStateException(groups.keySet() + " did not catch up"));
    }

    /**
     * A JFR recording of the measured phases when {@code -Dbench.jfr=FILE} is set: execution samples every 10 ms,
     * deoptimizations and compilations over 10 ms, which costs little (add {@code -XX:FlightRecorderOptions:stackdepth=512} for Avro's deep stacks).
     */
    private static jdk.jfr.Recording profile() throws IOException {
        final String file = System.getProperty("bench.jfr");
        if (file == null) {
            return null;
        }
        final jdk.jfr.Recording r = new jdk.jfr.Recording();
        r.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(10));
        // Why compiled code is thrown away and recompiled: the JIT's share of the CPU in a phase that should be
        // settled.
        r.enable("jdk.Deoptimization");
        r.enable("jdk.Compilation").withThreshold(Duration.ofMillis(10));
        r.enable("jdk.CompilationFailure");
        r.setDestination(Path.of(file));
        r.start();
        return r;
    }

    /**
     * CPU time spent since construction: the whole process, each application's threads (stream threads and their
     * producers' network threads, told apart by the application id in the thread name), the JIT compiler and the
     * garbage collector (JVM threads, read from /proc since they are not Java threads); the rest is the in-process
     * broker and the benchmark's own clients.
     */
    private static final class CpuMeter {
        private static final List<String> PARTS = List.of("normalize", "consolidate", "tally");
        private final com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean)
                java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        private final java.lang.management.ThreadMXBean threads =
                java.lang.management.ManagementFactory.getThreadMXBean();
        private final String prefix;
        private final long wall0 = System.nanoTime();
        private final long process0;
        private final Map<String, Long> parts0;

        /** @param prefix the application ids' prefix: {@code bench-} for the pipeline, {@code bench-pass-} */
        CpuMeter(final String prefix) {
            this.prefix = prefix;
            this.process0 = os.getProcessCpuTime();
            this.parts0 = byPart();
        }

        /** CPU per part since construction: process total, and nanoseconds per part. */
        record Sample(long process, Map<String, Long> parts, long rest, double wallSeconds, int cores) {
            String describe(final int reports) {
                final StringBuilder line = new StringBuilder(String.format(
                        "cpu: %.1f s of %.1f s (%d cores x %.1f s wall)," + " %.3f ms per report:",
                        process / 1e9, wallSeconds * cores, cores, wallSeconds, process / 1e6 / reports));
                parts.forEach((k, v) -> line.append(String.format(" %s %.3f,", k, v / 1e6 / reports)));
                return line.append(String.format(" broker and the rest %.3f", rest / 1e6 / reports))
                        .toString();
            }
        }

        private Map<String, Long> byPart() {
            final Map<String, Long> out = new java.util.LinkedHashMap<>();
            PARTS.forEach(p -> out.put(p, 0L));
            for (final java.lang.management.ThreadInfo t : threads.getThreadInfo(threads.getAllThreadIds())) {
                if (t == null) {
                    continue;
                }
                for (final String part : PARTS) {
                    if (t.getThreadName().contains(prefix + part + "-")) {
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
                        final String comm =
                                Files.readString(task.resolve("comm")).strip();
                        if (Arrays.stream(prefixes).anyMatch(comm::startsWith)) {
                            // Fields after the ")" closing the name: state is the 1st, utime the 12th, stime the 13th.
                            final String stat = Files.readString(task.resolve("stat"));
                            final String[] f =
                                    stat.substring(stat.lastIndexOf(')') + 2).split(" ");
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

        Sample sample() {
            final long process = os.getProcessCpuTime() - process0;
            final Map<String, Long> now = byPart();
            final Map<String, Long> parts = new java.util.LinkedHashMap<>();
            long rest = process;
            for (final Map.Entry<String, Long> e : now.entrySet()) {
                final long d = e.getValue() - parts0.getOrDefault(e.getKey(), 0L);
                parts.put(e.getKey(), d);
                rest -= d;
            }
            return new Sample(process, parts, rest, (System.nanoTime() - wall0) / 1e9, os.getAvailableProcessors());
        }

        String report(final int reports) {
            return sample().describe(reports);
        }
    }

    /**
     * Prints, every five seconds on stderr, how many records each stage still has to read per source topic: which
     * stage holds the pipeline back.
     */
    private static Thread lagReport(final Admin admin, final Map<String, java.util.Set<String>> groups, final long t0) {
        final Thread t = new Thread(
                () -> {
                    try {
                        while (!Thread.currentThread().isInterrupted()) {
                            Thread.sleep(5000);
                            final StringBuilder line =
                                    new StringBuilder(String.format("%6.1f s lag:", (System.nanoTime() - t0) / 1e9));
                            for (final Map.Entry<String, java.util.Set<String>> g : groups.entrySet()) {
                                final Map<TopicPartition, org.apache.kafka.clients.consumer.OffsetAndMetadata>
                                        committed = admin.listConsumerGroupOffsets(g.getKey())
                                                .partitionsToOffsetAndMetadata()
                                                .get();
                                final Map<TopicPartition, org.apache.kafka.clients.admin.OffsetSpec> latest =
                                        new java.util.HashMap<>();
                                admin.describeTopics(g.getValue())
                                        .allTopicNames()
                                        .get()
                                        .values()
                                        .forEach(d -> d.partitions()
                                                .forEach(p -> latest.put(
                                                        new TopicPartition(d.name(), p.partition()),
                                                        org.apache.kafka.clients.admin.OffsetSpec.latest())));
                                final Map<String, Long> lag = new java.util.TreeMap<>();
                                admin.listOffsets(latest).all().get().forEach((tp, end) -> {
                                    final var c = committed.get(tp);
                                    lag.merge(
                                            tp.topic()
                                                    .replaceFirst(
                                                            "^" + java.util.regex.Pattern.quote(g.getKey()) + "-", ""),
                                            end.offset() - (c == null ? 0 : c.offset()),
                                            Long::sum);
                                });
                                lag.forEach((topic, n) -> line.append(' ')
                                        .append(topic)
                                        .append('=')
                                        .append(n));
                            }
                            System.err.println(line);
                        }
                    } catch (final InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } catch (final java.util.concurrent.ExecutionException e) {
                        System.err.println("lag report stopped: " + e.getMessage());
                    }
                },
                "lag-report");
        t.setDaemon(true);
        t.start();
        return t;
    }

    /**
     * The corpus repeated under new uris until {@code n} reports; copy i is published 7(i+offset) days later, so
     * publication and event time move forward as in a live deployment: every copy's events are new, regions' latest
     * days roll over, and consolidation closes incidents at its horizon as it would in service. (Copies going back in
     * time, as before, each fell behind the horizon at once, and consolidation's work drifted from slice to slice.)
     */
    static List<WireReport> generate(final List<WireReport> base, final int n, final int offset) {
        final List<WireReport> out = new ArrayList<>(n);
        for (int i = 0; out.size() < n; i++) {
            final int copy = i + offset / base.size() + 1;
            final Duration shift = Duration.ofDays(7L * copy);
            for (final WireReport r : base) {
                if (out.size() == n) {
                    break;
                }
                out.add(WireReport.newBuilder(r)
                        .setUri(r.getUri() + ":bench-" + copy)
                        .setFirstCreated(
                                r.getFirstCreated() == null
                                        ? null
                                        : r.getFirstCreated().plus(shift))
                        .setVersionCreated(
                                r.getVersionCreated() == null
                                        ? null
                                        : r.getVersionCreated().plus(shift))
                        .build());
            }
        }
        return out;
    }

    /**
     * Sends {@code reports} at {@code rate} with the send time as timestamp and collects, per topic the pipeline
     * writes on its way to the tallies (extractions, both repartition topics, incidents, tallies), how long after
     * its report's send each record became readable (read_committed): the latency of each hop, cumulatively.
     */
    private static Map<String, long[]> latency(
            final EmbeddedKafka kafka, final StreamSerdes serdes, final List<WireReport> reports, final double rate)
            throws Exception {
        final Map<String, Object> c = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                kafka.bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                "read_committed",
                ConsumerConfig.GROUP_ID_CONFIG,
                "bench-latency",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "latest");
        final Map<String, List<Long>> out = new java.util.LinkedHashMap<>();
        HOPS.forEach(t -> out.put(t, new ArrayList<>()));
        final AtomicBoolean done = new AtomicBoolean();
        final long[] start = new long[1];
        try (KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(c, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            final List<TopicPartition> parts = HOPS.stream()
                    .flatMap(t -> consumer.partitionsFor(t).stream())
                    .map(i -> new TopicPartition(i.topic(), i.partition()))
                    .toList();
            consumer.assign(parts);
            consumer.seekToEnd(parts);
            parts.forEach(consumer::position);
            final Thread sender = new Thread(() -> {
                try (KafkaProducer<String, WireReport> producer =
                        Replay.producer(Map.of(), kafka.bootstrapServers(), serdes.report())) {
                    start[0] = System.currentTimeMillis();
                    final long t0 = System.nanoTime();
                    for (int i = 0; i < reports.size(); i++) {
                        final long due = t0 + (long) (i * 1e9 / rate);
                        while (System.nanoTime() < due) {
                            Thread.onSpinWait();
                        }
                        final WireReport r = reports.get(i);
                        producer.send(new ProducerRecord<>(
                                Topics.RAW_REPORTS, null, System.currentTimeMillis(), r.getUri(), r));
                    }
                    producer.flush();
                } finally {
                    done.set(true);
                }
            });
            sender.start();
            long quietSince = System.nanoTime();
            while (!done.get()
                    || System.nanoTime() - quietSince < Duration.ofSeconds(5).toNanos()) {
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
        out.forEach((topic, l) ->
                sorted.put(topic, l.stream().mapToLong(Long::longValue).sorted().toArray()));
        return sorted;
    }

    /**
     * Errors only: logging every request at DEBUG (logback's default without a config) is what we'd measure, and the
     * producers' retry warnings (CONCURRENT_TRANSACTIONS under transactions v2) would bury the figures.
     */
    static void quiet() {
        if (org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)
                instanceof ch.qos.logback.classic.Logger l) {
            l.setLevel(ch.qos.logback.classic.Level.ERROR);
        }
    }

    private static long pct(final long[] sorted, final int p) {
        return sorted.length == 0
                ? -1
                : sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
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
            walk.sorted(java.util.Comparator.reverseOrder())
                    .forEach(p -> p.toFile().delete());
        }
    }
}
