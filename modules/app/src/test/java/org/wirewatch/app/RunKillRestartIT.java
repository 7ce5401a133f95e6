package org.wirewatch.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wirewatch.common.json.AvroJson;
import org.wirewatch.schema.WireReport;
import org.wirewatch.streams.StreamSerdes;
import org.wirewatch.streams.StreamsStage;
import org.wirewatch.streams.StreamsStageConfig.Part;
import org.wirewatch.streams.replay.ChildJvm;
import org.wirewatch.streams.replay.Corpus;
import org.wirewatch.streams.replay.GeneratedReports;
import org.wirewatch.streams.replay.Replay;

/**
 * The embedded default survives {@code kill -9}: {@code wirewatch run} (broker, registry and every stage in one
 * JVM) runs as a child process on a data directory of its own, gets a couple of thousand reports, and is killed
 * with SIGKILL five times: once within seconds of a start, once while a burst of reports is in flight, three times
 * at random moments. Every restart must reach {@code /health/ready} within 60 s of the kill, and the final tallies
 * must equal, byte for byte, those of an uninterrupted {@code wirewatch run} of the same reports. The seed is
 * logged; {@code -Dwirewatch.crash.seed=N} replays a run.
 */
class RunKillRestartIT {

    private static final Logger LOG = LoggerFactory.getLogger(RunKillRestartIT.class);
    private static final Path CORPUS = Path.of("../streams").resolve(Corpus.DEV);
    private static final int COPIES = 60;
    private static final int CHUNKS = 10;
    private static final Duration READY_WITHIN = Duration.ofSeconds(60);
    private static final String APPLICATION_ID = "wirewatch";

    private final Path root = Path.of(System.getProperty("java.io.tmpdir"), "run-kill-it-" + UUID.randomUUID());
    // C1 only: a short-lived child spends less of its two shared cores compiling; behaviour is the same.
    private final ChildJvm jvm = new ChildJvm(root, List.of("-Xmx768m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"));
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final List<Long> restartMillis = new ArrayList<>();
    private int kills;

    @Test
    void shouldBeReadyWithinAMinuteAndEndWithSameTalliesWhenRunIsKilledFiveTimes() throws Exception {
        // given
        final long seed = Long.getLong("wirewatch.crash.seed", System.nanoTime());
        final Random random = new Random(seed);
        final List<WireReport> reports = GeneratedReports.inPublicationOrder(CORPUS, COPIES);
        final int burst = 1 + random.nextInt(CHUNKS - 2);
        final TreeSet<Integer> killAfter = new TreeSet<>();
        while (killAfter.size() < 3) {
            final int c = random.nextInt(CHUNKS - 1);
            if (c != burst) {
                killAfter.add(c);
            }
        }
        // The kill within seconds of a start follows one of the other kills' restarts: a directory killed during its
        // very first start may hold a half-formatted log, which is a different matter.
        final int earlyAfter = killAfter.first();
        LOG.info(
                "Run kill test: seed {}, {} reports in {} chunks, burst kill in chunk {}, kills after chunks {},"
                        + " a kill within seconds of the restart after chunk {}",
                seed,
                reports.size(),
                CHUNKS,
                burst,
                killAfter,
                earlyAfter);

        // when
        final List<String> clean = uninterrupted(reports);
        final List<String> crashed = killed(reports, burst, killAfter, earlyAfter, random);

        // then every restart that was left running was ready in time (the one killed within seconds of its start
        // never had the chance)
        LOG.info("Restart to ready after each SIGKILL: {} ms", restartMillis);
        assertThat(kills).isEqualTo(5);
        assertThat(restartMillis)
                .hasSize(4)
                .allSatisfy(ms -> assertThat(ms)
                        .as("restart to ready after SIGKILL, ms")
                        .isLessThanOrEqualTo(READY_WITHIN.toMillis()));
        assertThat(clean).isNotEmpty();
        Files.write(root.resolve("clean.jsonl"), clean);
        Files.write(root.resolve("crashed.jsonl"), crashed);
        // Only the differences are reported: thousands of lines in one message help nobody.
        assertThat(clean.stream().filter(l -> !crashed.contains(l)).limit(5).toList())
                .as("tallies of the uninterrupted run missing after the kills")
                .isEmpty();
        assertThat(crashed.stream().filter(l -> !clean.contains(l)).limit(5).toList())
                .as("tallies after the kills that the uninterrupted run lacks")
                .isEmpty();
        assertThat(crashed).as("every tally, byte for byte, in key order").isEqualTo(clean);
    }

    private List<String> uninterrupted(final List<WireReport> reports) throws Exception {
        final Run run = new Run(root.resolve("clean"));
        final ChildJvm.Child child = run.start();
        try {
            run.awaitReady(child, Duration.ofSeconds(120));
            final long started = System.nanoTime();
            try (KafkaProducer<String, WireReport> producer = run.producer()) {
                Replay.produce(producer, reports, n -> {});
            }
            final List<String> out = run.drain();
            LOG.info(
                    "Uninterrupted run: {} reports, {} tallies in {} ms",
                    reports.size(),
                    out.size(),
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
            return out;
        } finally {
            child.kill();
        }
    }

    private List<String> killed(
            final List<WireReport> reports,
            final int burst,
            final TreeSet<Integer> killAfter,
            final int earlyAfter,
            final Random random)
            throws Exception {
        final Run run = new Run(root.resolve("killed"));
        ChildJvm.Child child = run.start();
        run.awaitReady(child, Duration.ofSeconds(120));
        final int chunk = (reports.size() + CHUNKS - 1) / CHUNKS;
        try (KafkaProducer<String, WireReport> producer = run.producer()) {
            for (int c = 0; c < CHUNKS; c++) {
                final List<WireReport> part = reports.subList(c * chunk, Math.min(reports.size(), (c + 1) * chunk));
                if (c == burst) {
                    // Killed once part of the burst is handed to the producer: those records are in flight, the rest
                    // are sent into the broker's absence, and the producer delivers them after the restart.
                    final int at = 1 + random.nextInt(part.size() - 1);
                    final CompletableFuture<Void> handedOver = new CompletableFuture<>();
                    final CompletableFuture<Void> sending =
                            CompletableFuture.runAsync(() -> Replay.produce(producer, part, n -> {
                                if (n == at) {
                                    handedOver.complete(null);
                                }
                            }));
                    handedOver.get(60, TimeUnit.SECONDS);
                    child = killAndRestart(
                            run,
                            child,
                            "during the burst of chunk " + c + " (" + at + " of " + part.size() + " reports sent)");
                    sending.get(120, TimeUnit.SECONDS);
                    continue;
                }
                Replay.produce(producer, part, n -> {});
                if (killAfter.contains(c)) {
                    // Somewhere in the middle of processing what was just sent.
                    Thread.sleep(random.nextInt(1500));
                    if (c == earlyAfter) {
                        child.kill();
                        kills++;
                        LOG.info("Killed after chunk {}; restarting and killing again within seconds", c);
                        child = run.start();
                        Thread.sleep(1000 + random.nextInt(3000));
                        child = killAndRestart(run, child, "within seconds of a start, after chunk " + c);
                    } else {
                        child = killAndRestart(run, child, "after chunk " + c);
                    }
                }
            }
        }
        try {
            run.assertHealthAndMetricsShowTheCheck();
            return run.drain();
        } finally {
            child.kill();
        }
    }

    /** SIGKILL, start again at once, and measure until {@code /health/ready} answers 200. */
    private ChildJvm.Child killAndRestart(final Run run, final ChildJvm.Child child, final String when)
            throws Exception {
        child.kill();
        kills++;
        final long killed = System.nanoTime();
        final ChildJvm.Child next = run.start();
        run.awaitReady(next, READY_WITHIN.plusSeconds(30));
        final long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - killed);
        restartMillis.add(ms);
        LOG.info("Killed {}; ready again {} ms later (log {})", when, ms, next.log());
        return next;
    }

    /** One {@code wirewatch run} data directory and its ports, kept across restarts as an operator's would be. */
    private final class Run {
        private final Path dir;
        private final int kafkaPort = freePort();
        private final int registryPort = freePort();
        private final int httpPort = freePort();

        Run(final Path dir) {
            this.dir = dir;
        }

        ChildJvm.Child start() throws IOException {
            return jvm.start(
                    WirewatchCli.class.getName(),
                    List.of(
                            "run",
                            "--data-dir",
                            dir.resolve("data").toString(),
                            "-D",
                            "wirewatch.embedded.kafka.port=" + kafkaPort,
                            "-D",
                            "wirewatch.embedded.registry.port=" + registryPort,
                            "-D",
                            "wirewatch.http.port=" + httpPort,
                            "-D",
                            "wirewatch.ingest.inbox.dir=" + dir.resolve("inbox")));
        }

        String bootstrap() {
            return "localhost:" + kafkaPort;
        }

        StreamSerdes serdes() {
            return StreamSerdes.forRegistry("http://localhost:" + registryPort, Map.of());
        }

        KafkaProducer<String, WireReport> producer() {
            return Replay.producer(Map.of(), bootstrap(), serdes().report());
        }

        void awaitReady(final ChildJvm.Child child, final Duration timeout) throws Exception {
            final long deadline = System.nanoTime() + timeout.toNanos();
            while (get("/health/ready").status() != 200) {
                assertThat(child.process().isAlive())
                        .as("wirewatch run is running (log %s)", child.log())
                        .isTrue();
                if (System.nanoTime() >= deadline) {
                    // CI keeps only the failure message: the warnings say where the start stopped
                    assertThat(System.nanoTime())
                            .as(
                                    "ready within %s (log %s; its last warnings:%n%s)",
                                    timeout, child.log(), lastWarnings(child.log(), 12))
                            .isLessThan(deadline);
                }
                Thread.sleep(100);
            }
        }

        void assertHealthAndMetricsShowTheCheck() throws Exception {
            assertThat(get("/health/ready").body()).contains("\"hangingTransactions\"", "\"partitionsChecked\"");
            assertThat(get("/metrics").body())
                    .contains(
                            "wirewatch_hanging_transactions_aborted_total",
                            "wirewatch_hanging_transactions_committed_total");
        }

        List<String> drain() throws Exception {
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap()))) {
                assertThat(Replay.awaitCaughtUp(
                                admin,
                                Map.of(),
                                bootstrap(),
                                StreamsStage.sourceTopicsByGroup(APPLICATION_ID, EnumSet.allOf(Part.class)),
                                Duration.ofSeconds(120)))
                        .as("pipeline caught up")
                        .isTrue();
            }
            return Replay.readTallies(Map.of(), bootstrap(), serdes().tally()).values().stream()
                    .map(AvroJson::toJson)
                    .toList();
        }

        private Answer get(final String path) throws InterruptedException {
            try {
                final HttpResponse<String> r = http.send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + httpPort + path))
                                .timeout(Duration.ofSeconds(2))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                return new Answer(r.statusCode(), r.body());
            } catch (final IOException e) {
                return new Answer(0, "");
            }
        }
    }

    private static String lastWarnings(final Path log, final int n) {
        try (var lines = Files.lines(log)) {
            final List<String> warnings = lines.filter(l -> l.contains(" WARN ") || l.contains(" ERROR "))
                    .map(l -> l.length() > 300 ? l.substring(0, 300) : l)
                    .toList();
            return String.join(
                    System.lineSeparator(), warnings.subList(Math.max(0, warnings.size() - n), warnings.size()));
        } catch (IOException | java.io.UncheckedIOException e) {
            return "(log unreadable: " + e + ")";
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (final IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** An HTTP answer; status 0 while nothing listens. */
    private record Answer(int status, String body) {}
}
