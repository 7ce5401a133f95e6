package org.wirewatch.bench.feed;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;
import org.wirewatch.common.Topics;
import org.wirewatch.embedded.EmbeddedKafka;
import org.wirewatch.embedded.TopicCreator;
import org.wirewatch.feed.FeedConfig;
import org.wirewatch.feed.FeedStage;
import org.wirewatch.schema.CasualtyFigure;
import org.wirewatch.schema.CasualtyTally;
import org.wirewatch.schema.RegionLevel;
import org.wirewatch.schema.TallyWindow;
import org.wirewatch.serde.AvroSerdes;

/**
 * Fan-out of the live feed: with {@code subscribers} SSE clients connected over HTTP, one tally update is written to
 * {@code wirewatch.tallies.v1} (record timestamp = now) and the operation ends when every client has read it. The
 * score (sample time) is the latency to the last subscriber; at tear-down the per-delivery latencies (record
 * timestamp to the moment each client parsed the event) are printed as p50/p99/max.
 *
 * <p>Runs against the in-process broker, so it needs no setup:
 * {@code ./mvnw -q -pl modules/bench exec:java -Dexec.mainClass=org.openjdk.jmh.Main -Dexec.args="FeedFanOut -f 0"}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 5, time = 10)
@Fork(0)
public class FeedFanOutBenchmark {

    private static final Pattern KILLED = Pattern.compile("\"killed\":\\{\"low\":(\\d+)");

    @Param("200")
    public int subscribers;

    private Path dir;
    private EmbeddedKafka kafka;
    private FeedStage feed;
    private KafkaProducer<String, byte[]> producer;
    private org.apache.kafka.common.serialization.Serializer<CasualtyTally> serializer;
    private final List<InputStream> streams = new ArrayList<>();
    private final List<Thread> readers = new ArrayList<>();
    private final AtomicReference<CountDownLatch> pending = new AtomicReference<>(new CountDownLatch(0));
    private final AtomicLong expectedSeq = new AtomicLong(-1);
    private long[] latenciesMicros = new long[1 << 20];
    private final AtomicLong recorded = new AtomicLong();
    private long seq;
    private volatile long sentNanos;
    private boolean measuring;

    @Setup(Level.Trial)
    public void start() throws Exception {
        dir = Files.createTempDirectory("wirewatch-fanout");
        kafka = EmbeddedKafka.builder().dataDir(dir.resolve("kafka")).port(0).start();
        TopicCreator.createCatalogue(kafka.bootstrapServers(), Map.of());
        final String registry = "mock://fanout";
        final Map<String, Object> client = Map.of("bootstrap.servers", kafka.bootstrapServers());
        feed = FeedStage.builder()
                .config(FeedConfig.defaults().withHeartbeat(Duration.ofSeconds(15)))
                .kafka(client)
                .registry(registry)
                .build();
        feed.start();
        while (!feed.ready()) {
            Thread.sleep(50);
        }
        final Map<String, Object> p = new HashMap<>(client);
        p.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        producer = new KafkaProducer<>(
                p, new StringSerializer(), new org.apache.kafka.common.serialization.ByteArraySerializer());
        serializer = AvroSerdes.value(CasualtyTally.class, registry).serializer();
        final HttpClient http = HttpClient.newBuilder().build();
        final String url = "http://localhost:" + feed.port() + "/v1/stream?types=tally";
        for (int i = 0; i < subscribers; i++) {
            final InputStream in = http.send(
                            HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofInputStream())
                    .body();
            streams.add(in);
            final Thread t = new Thread(() -> read(in), "fanout-client-" + i);
            t.setDaemon(true);
            t.start();
            readers.add(t);
        }
        while (feed.sseClients() < subscribers) {
            Thread.sleep(20);
        }
    }

    private void read(final InputStream in) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (!line.startsWith("data: {\"regionCode\"")) {
                    continue;
                }
                final long now = System.nanoTime();
                final Matcher k = KILLED.matcher(line);
                if (k.find() && Long.parseLong(k.group(1)) == expectedSeq.get()) {
                    // The record timestamp is taken at the same instant as sentNanos; nanoTime gives sub-millisecond
                    // resolution.
                    final long micros = (now - sentNanos) / 1000;
                    final long slot = recorded.getAndIncrement();
                    if (slot < latenciesMicros.length) {
                        latenciesMicros[(int) slot] = micros;
                    }
                    pending.get().countDown();
                }
            }
        } catch (final IOException e) {
            // closed at tear-down
        }
    }

    /** Per-delivery latencies count from the first measurement iteration on, not during warm-up. */
    @Setup(Level.Iteration)
    public void iteration(final IterationParams params) {
        if (params.getType() == IterationType.MEASUREMENT && !measuring) {
            measuring = true;
            recorded.set(0);
        }
    }

    /** One tally update, until every subscriber has parsed it. */
    @Benchmark
    public void tallyUpdateToAllSubscribers() throws Exception {
        final long n = ++seq;
        final CountDownLatch latch = new CountDownLatch(subscribers);
        pending.set(latch);
        expectedSeq.set(n);
        final Instant now = Instant.now();
        sentNanos = System.nanoTime();
        final LocalDate day = LocalDate.of(2026, 1, 1);
        final CasualtyTally t = CasualtyTally.newBuilder()
                .setRegionCode("SY-DY")
                .setRegionLevel(RegionLevel.ADMIN1)
                .setRegionName("Deir ez-Zor")
                .setWindow(TallyWindow.P7D)
                .setWindowStart(day)
                .setWindowEnd(day.plusDays(6))
                .setIncidents(1)
                .setKilled(CasualtyFigure.newBuilder()
                        .setLow((int) n)
                        .setBest((int) n)
                        .setHigh((int) n)
                        .setVague(false)
                        .build())
                .setInjured(CasualtyFigure.newBuilder()
                        .setLow(0)
                        .setBest(0)
                        .setHigh(0)
                        .setVague(false)
                        .build())
                .setCiviliansKilled(0)
                .setChildrenKilled(0)
                .setUpdatedAt(now)
                .build();
        producer.send(new ProducerRecord<>(
                Topics.TALLIES,
                null,
                now.toEpochMilli(),
                "SY-DY|P7D|2026-01-01",
                serializer.serialize(Topics.TALLIES, t)));
        if (!latch.await(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("only " + (subscribers - latch.getCount()) + " of " + subscribers
                    + " subscribers received update " + n);
        }
    }

    @TearDown(Level.Trial)
    public void stop() throws Exception {
        final int n = (int) Math.min(recorded.get(), latenciesMicros.length);
        final long[] sorted = Arrays.copyOf(latenciesMicros, n);
        Arrays.sort(sorted);
        if (n > 0) {
            System.out.printf(
                    "%nFan-out to %d SSE subscribers: %d deliveries, record timestamp to client:"
                            + " p50 %.2f ms, p99 %.2f ms, max %.2f ms%n",
                    subscribers,
                    n,
                    sorted[n / 2] / 1000.0,
                    sorted[Math.min(n - 1, (int) Math.ceil(n * 0.99) - 1)] / 1000.0,
                    sorted[n - 1] / 1000.0);
        }
        streams.forEach(s -> {
            try {
                s.close();
            } catch (final IOException e) {
                // gone
            }
        });
        producer.close();
        feed.close();
        kafka.close();
    }
}
