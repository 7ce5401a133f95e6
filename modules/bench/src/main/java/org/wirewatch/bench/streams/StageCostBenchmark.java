package org.wirewatch.bench.streams;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.wirewatch.common.Topics;
import org.wirewatch.common.config.CoreConfig;
import org.wirewatch.common.config.Settings;
import org.wirewatch.extract.Extractor;
import org.wirewatch.schema.WireReport;
import org.wirewatch.streams.StreamSerdes;
import org.wirewatch.streams.StreamsStageConfig;
import org.wirewatch.streams.consolidate.ConsolidateTopology;
import org.wirewatch.streams.normalize.NormalizeTopology;
import org.wirewatch.streams.tally.TallyTopology;

/**
 * What each topology's own code costs per report, without Kafka clients or a broker: the three topologies run on
 * TopologyTestDriver in this one thread (real serdes, real RocksDB stores, repartitions inside the driver), each
 * stage's output piped as bytes, with its timestamp and headers, into the next. The thread's CPU time is counted per
 * stage, so the figures hold on a machine busy with other work, and a profile of this process shows the stages'
 * code alone. {@link PipelineBenchmark} measures the same stages with the clients, the transactions and the broker.
 *
 * <p>Every record each stage writes (topic, key, value, timestamp) goes into one SHA-256 printed at the end: a change
 * to the stages that must not change what they publish has to leave it the same.
 *
 * <p>Run: {@code java -cp modules/bench/target/classes:$(cat cp.txt) org.wirewatch.bench.streams.StageCostBenchmark
 * CORPUS_DIR [WARMUP] [MEASURED]} (20,000 and 20,000 by default). The reports are those of {@link PipelineBenchmark}
 * (the corpus repeated a week later per copy). Wall-clock time advances 100 ms after every 36 reports, as if they
 * came at 360 reports/s, so the tally's emit interval and consolidation's eviction run as in service; each report's
 * timestamp is the time it came at, as a report's send time is in service.
 */
public final class StageCostBenchmark {

    private static final int REPORTS_PER_TICK = 36;
    private static final Duration TICK = Duration.ofMillis(100);
    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    private static final List<String> PARTS = List.of("extraction alone", "normalize", "consolidate", "tally");

    private StageCostBenchmark() {}

    public static void main(final String[] args) throws Exception {
        PipelineBenchmark.quiet();
        final Path corpus = Path.of(args.length > 0 ? args[0] : "modules/extract/src/test/resources/corpus/dev");
        final int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
        final int measured = args.length > 2 ? Integer.parseInt(args[2]) : 20_000;
        final List<WireReport> base = PipelineBenchmark.read(corpus);
        final StreamSerdes serdes = StreamSerdes.forRegistry("mock://stages-" + UUID.randomUUID(), Map.of());
        final Extractor extractor = Extractor.create();
        final Path dir = Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "stage-cost");
        final ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        final MessageDigest sha = MessageDigest.getInstance("SHA-256");
        final long[] nanos = new long[PARTS.size()];
        final long[] records = new long[PARTS.size()];
        System.out.printf("load average at start: %s%n", PipelineBenchmark.loadAverage());
        try (TopologyTestDriver normalize = driver(NormalizeTopology.build(serdes, extractor), dir, "normalize");
                TopologyTestDriver consolidate = driver(ConsolidateTopology.build(serdes, 90), dir, "consolidate");
                TopologyTestDriver tally = driver(TallyTopology.build(serdes), dir, "tally")) {
            final TestInputTopic<String, WireReport> raw = normalize.createInputTopic(
                    Topics.RAW_REPORTS,
                    serdes.key().serializer(),
                    serdes.report().serializer());
            final TestOutputTopic<byte[], byte[]> extractions = bytesOut(normalize, Topics.EXTRACTIONS);
            final TestInputTopic<byte[], byte[]> extractionsIn = bytesIn(consolidate, Topics.EXTRACTIONS);
            final TestOutputTopic<byte[], byte[]> incidents = bytesOut(consolidate, Topics.INCIDENTS);
            final TestOutputTopic<byte[], byte[]> claims = bytesOut(consolidate, Topics.CLAIMS);
            final TestInputTopic<byte[], byte[]> incidentsIn = bytesIn(tally, Topics.INCIDENTS);
            final TestOutputTopic<byte[], byte[]> tallies = bytesOut(tally, Topics.TALLIES);

            final List<WireReport> reports = PipelineBenchmark.generate(base, warmup + measured, 0);
            Instant sent = START;
            for (int from = 0; from < reports.size(); from += REPORTS_PER_TICK) {
                sent = sent.plus(TICK);
                final boolean counted = from >= warmup;
                final List<WireReport> tick = reports.subList(from, Math.min(reports.size(), from + REPORTS_PER_TICK));
                long t = cpu.getCurrentThreadCpuTime();
                for (final WireReport r : tick) {
                    extractor.extract(r);
                }
                t = add(nanos, counted, 0, t, cpu);
                for (final WireReport r : tick) {
                    raw.pipeInput(r.getUri(), r, sent);
                }
                final List<TestRecord<byte[], byte[]>> e = extractions.readRecordsToList();
                t = add(nanos, counted, 1, t, cpu);
                e.forEach(extractionsIn::pipeInput);
                consolidate.advanceWallClockTime(TICK);
                final List<TestRecord<byte[], byte[]>> i = incidents.readRecordsToList();
                final List<TestRecord<byte[], byte[]>> c = claims.readRecordsToList();
                t = add(nanos, counted, 2, t, cpu);
                i.forEach(incidentsIn::pipeInput);
                tally.advanceWallClockTime(TICK);
                final List<TestRecord<byte[], byte[]>> s = tallies.readRecordsToList();
                add(nanos, counted, 3, t, cpu);
                hash(sha, Topics.EXTRACTIONS, e);
                hash(sha, Topics.INCIDENTS, i);
                hash(sha, Topics.CLAIMS, c);
                hash(sha, Topics.TALLIES, s);
                records[1] += e.size();
                records[2] += i.size() + c.size();
                records[3] += s.size();
            }
        } finally {
            PipelineBenchmark.deleteTree(dir);
        }
        System.out.printf(
                "%d reports after a warm-up of %d, CPU of this thread per report (load average now %s):%n",
                measured, warmup, PipelineBenchmark.loadAverage());
        double stages = 0;
        for (int p = 0; p < PARTS.size(); p++) {
            final double ms = nanos[p] / 1e6 / measured;
            if (p > 0) {
                stages += ms;
            }
            System.out.printf("  %-17s %.3f ms%n", PARTS.get(p), ms);
        }
        final double extraction = nanos[0] / 1e6 / measured;
        System.out.printf("  three stages %.3f ms, of which %.3f ms besides extraction%n", stages, stages - extraction);
        System.out.printf(
                "records written over the whole run: extractions %d, incidents and claims %d, tallies %d%n",
                records[1], records[2], records[3]);
        System.out.println("output digest " + HexFormat.of().formatHex(sha.digest()));
    }

    private static long add(
            final long[] nanos, final boolean counted, final int part, final long since, final ThreadMXBean cpu) {
        final long now = cpu.getCurrentThreadCpuTime();
        if (counted) {
            nanos[part] += now - since;
        }
        return now;
    }

    private static void hash(final MessageDigest sha, final String topic, final List<TestRecord<byte[], byte[]>> rs) {
        for (final TestRecord<byte[], byte[]> r : rs) {
            sha.update(topic.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            sha.update(r.key() == null ? new byte[] {-1} : r.key());
            sha.update(r.value() == null ? new byte[] {-2} : r.value());
            sha.update(java.nio.ByteBuffer.allocate(8).putLong(r.timestamp()).array());
            for (final Header h : r.headers()) {
                sha.update(h.key().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                sha.update(h.value() == null ? new byte[0] : h.value());
            }
        }
    }

    private static TestOutputTopic<byte[], byte[]> bytesOut(final TopologyTestDriver d, final String topic) {
        return d.createOutputTopic(topic, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    private static TestInputTopic<byte[], byte[]> bytesIn(final TopologyTestDriver d, final String topic) {
        return d.createInputTopic(topic, new ByteArraySerializer(), new ByteArraySerializer());
    }

    /** A driver with the production Streams properties, its state under {@code dir}. */
    private static TopologyTestDriver driver(final Topology topology, final Path dir, final String name) {
        final Settings settings = Settings.of(Map.of(
                CoreConfig.BOOTSTRAP_SERVERS,
                "unused:9092",
                StreamsStageConfig.STATE_DIR,
                dir.resolve(name).toString()));
        final Properties p = StreamsStageConfig.from(settings).properties(CoreConfig.from(settings), "stages-" + name);
        return new TopologyTestDriver(topology, p, START);
    }
}
