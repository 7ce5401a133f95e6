package org.wirewatch.bench.ingest;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.wirewatch.common.Topics;
import org.wirewatch.common.config.CoreConfig;
import org.wirewatch.common.config.Settings;
import org.wirewatch.embedded.EmbeddedKafka;
import org.wirewatch.embedded.TopicCreator;
import org.wirewatch.formats.ParseResult;
import org.wirewatch.formats.ReportParser;
import org.wirewatch.ingest.IngestConfig;
import org.wirewatch.ingest.IngestProducer;
import org.wirewatch.ingest.IngestSource;
import org.wirewatch.ingest.IngestStage;
import org.wirewatch.schema.WireReport;
import org.wirewatch.serde.AvroSerdes;

/**
 * Sustained HTTP push rate into the raw topic, beside the rate of Kafka's own Java producer for the same payloads,
 * measured in the same run against one embedded broker.
 *
 * <ol>
 *   <li>Kafka producer: the payloads parsed once and serialised to Avro up front, then sent by a plain
 *   {@link KafkaProducer} with Wirewatch's producer settings ({@link IngestProducer#defaults()}, idempotent,
 *   acks=all); the clock stops when the last send is acknowledged. This is the ceiling for this broker.</li>
 *   <li>HTTP push: {@code POST /v1/reports} with the same payloads (each with its own story uri) from
 *   {@code --concurrency} requests in flight; a request counts once its 202 arrived, which is after the broker
 *   acknowledged the report. Parsing, Avro, the idempotent producer and Jetty are all inside the measurement.</li>
 * </ol>
 *
 * <p>Payloads are the ninjs reports of {@code --corpus} (default the development corpus,
 * {@code modules/extract/src/test/resources/corpus/dev}, about 3 KB each).
 * Run from the repository root after {@code ./mvnw -q -o -pl modules/bench install -DskipTests}:
 * <pre>{@code
 * ./mvnw -q -o -pl modules/bench exec:java -Dexec.mainClass=org.wirewatch.bench.ingest.HttpPushBenchmark \
 *     -Dexec.args="--records 30000 --concurrency 32"
 * }</pre>
 */
public final class HttpPushBenchmark {

    private static final String TOKEN = "benchmark-token-0123456789";
    private static final String REGISTRY = "mock://http-push-benchmark";

    private HttpPushBenchmark() {}

    public static void main(String[] args) throws Exception {
        // Broker and client logs at INFO would swamp the figures; set before the first logger exists.
        System.setProperty("logback.configurationFile", "org/wirewatch/bench/ingest/logback-bench.xml");
        // Avro 1.12 refuses generated classes from untrusted packages (the launcher sets this for the app).
        System.setProperty("org.apache.avro.SERIALIZABLE_PACKAGES", "org.wirewatch");
        Map<String, String> options = options(args);
        int records = Integer.parseInt(options.getOrDefault("records", "30000"));
        int concurrency = Integer.parseInt(options.getOrDefault("concurrency", "32"));
        int warmup = Integer.parseInt(options.getOrDefault("warmup", "3000"));
        Path corpus = Path.of(options.getOrDefault("corpus", "modules/extract/src/test/resources/corpus/dev"));
        List<String> payloads = payloads(corpus);
        double avgBytes = payloads.stream()
                .mapToInt(p -> p.getBytes(StandardCharsets.UTF_8).length)
                .average()
                .orElse(0);
        System.out.printf(
                "payloads: %d ninjs reports from %s, %.0f bytes on average; %d records per phase,"
                        + " %d requests in flight, %d warm-up%n",
                payloads.size(), corpus, avgBytes, records, concurrency, warmup);

        Path dir = Files.createTempDirectory("http-push-bench");
        try (EmbeddedKafka kafka =
                EmbeddedKafka.builder().dataDir(dir.resolve("kafka")).port(0).start()) {
            TopicCreator.createCatalogue(kafka.bootstrapServers(), Map.of());

            // Kafka's own producer, same payloads, same settings, pre-serialised.
            List<byte[]> avro = avroRecords(payloads);
            producerPhase(kafka.bootstrapServers(), avro, warmup);
            double producerRate = producerPhase(kafka.bootstrapServers(), avro, records);

            // HTTP push through the ingest stage.
            CoreConfig core = new CoreConfig(
                    Optional.of(kafka.bootstrapServers()),
                    URI.create(REGISTRY),
                    dir.resolve("data"),
                    0,
                    0,
                    0,
                    "bench",
                    Map.of());
            IngestConfig config =
                    IngestConfig.from(Settings.of(Map.of(IngestConfig.HTTP_TOKEN, TOKEN, IngestConfig.HTTP_PORT, "0")));
            try (IngestStage stage = new IngestStage(config, core, EnumSet.of(IngestSource.HTTP))) {
                stage.start();
                URI endpoint = URI.create("http://localhost:" + stage.httpPort() + "/v1/reports");
                HttpClient client = HttpClient.newBuilder()
                        .version(HttpClient.Version.HTTP_1_1)
                        .build();
                pushPhase(client, endpoint, payloads, warmup, concurrency, "warmup");
                PushResult push = pushPhase(client, endpoint, payloads, records, concurrency, "run");
                System.out.printf(
                        "%nKafka producer (Java client, idempotent, acks=all, lz4, batch.size=1000000,"
                                + " linger.ms=10): %,.0f records/s (%.1f MB/s of Avro)%n",
                        producerRate,
                        producerRate
                                * avro.stream()
                                        .mapToInt(b -> b.length)
                                        .average()
                                        .orElse(0)
                                / 1e6);
                System.out.printf(
                        "HTTP push (POST /v1/reports, %d in flight, 202 after broker ack): %,.0f reports/s"
                                + " (%.1f MB/s of ninjs), latency p50 %.1f ms, p99 %.1f ms, non-202: %d%n",
                        concurrency,
                        push.rate,
                        push.rate * avgBytes / 1e6,
                        push.p50Millis,
                        push.p99Millis,
                        push.errors);
                System.out.printf("HTTP push / Kafka producer: %.0f%%%n", 100 * push.rate / producerRate);
            }
        }
    }

    private record PushResult(double rate, double p50Millis, double p99Millis, long errors) {}

    private static double producerPhase(String servers, List<byte[]> avro, int records) throws Exception {
        Map<String, Object> props = new HashMap<>(IngestProducer.defaults());
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers);
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "bench-baseline");
        try (KafkaProducer<String, byte[]> producer =
                new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
            long start = System.nanoTime();
            CompletableFuture<Void> last = new CompletableFuture<>();
            AtomicLong acked = new AtomicLong();
            for (int i = 0; i < records; i++) {
                producer.send(
                        new ProducerRecord<>(Topics.RAW_REPORTS, "urn:bench:producer:" + i, avro.get(i % avro.size())),
                        (m, e) -> {
                            if (e != null) {
                                last.completeExceptionally(e);
                            } else if (acked.incrementAndGet() == records) {
                                last.complete(null);
                            }
                        });
            }
            last.get();
            return records / ((System.nanoTime() - start) / 1e9);
        }
    }

    private static PushResult pushPhase(
            HttpClient client, URI endpoint, List<String> payloads, int records, int concurrency, String phase)
            throws InterruptedException {
        Semaphore inFlight = new Semaphore(concurrency);
        long[] latencies = new long[records];
        AtomicLong errors = new AtomicLong();
        long start = System.nanoTime();
        String prefix = "urn:bench:" + phase + ":" + Instant.now().toEpochMilli() + ":";
        for (int i = 0; i < records; i++) {
            String payload = payloads.get(i % payloads.size())
                    .replaceFirst("\"uri\"\\s*:\\s*\"[^\"]*\"", "\"uri\": \"" + prefix + i + "\"");
            HttpRequest request = HttpRequest.newBuilder(endpoint)
                    .header("Content-Type", "application/vnd.iptc.ninjs+json")
                    .header("Authorization", "Bearer " + TOKEN)
                    .POST(HttpRequest.BodyPublishers.ofString(payload))
                    .build();
            inFlight.acquire();
            long sent = System.nanoTime();
            int index = i;
            client.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> {
                latencies[index] = System.nanoTime() - sent;
                if (error != null || response.statusCode() != 202) {
                    errors.incrementAndGet();
                }
                inFlight.release();
            });
        }
        inFlight.acquire(concurrency);
        double seconds = (System.nanoTime() - start) / 1e9;
        long[] sorted = latencies.clone();
        Arrays.sort(sorted);
        return new PushResult(
                records / seconds, sorted[records / 2] / 1e6, sorted[(int) (records * 0.99)] / 1e6, errors.get());
    }

    private static List<byte[]> avroRecords(List<String> payloads) {
        ReportParser parser = new ReportParser();
        var serializer = AvroSerdes.value(WireReport.class, REGISTRY).serializer();
        List<byte[]> out = new ArrayList<>();
        for (String payload : payloads) {
            ParseResult result = parser.parse(payload.getBytes(StandardCharsets.UTF_8), "bench.json");
            for (WireReport report : result.reports()) {
                out.add(serializer.serialize(Topics.RAW_REPORTS, report));
            }
        }
        return out;
    }

    private static List<String> payloads(Path corpus) throws IOException {
        try (Stream<Path> files = Files.list(corpus)) {
            List<String> out = files.filter(
                            p -> p.toString().endsWith(".json") && !p.toString().endsWith(".gold.json"))
                    .sorted()
                    .map(p -> {
                        try {
                            return Files.readString(p, StandardCharsets.UTF_8);
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    })
                    .toList();
            if (out.isEmpty()) {
                throw new IllegalArgumentException("no ninjs reports in " + corpus);
            }
            return out;
        }
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> out = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --name value pairs, got " + args[i]);
            }
            out.put(args[i].substring(2), args[i + 1]);
        }
        return out;
    }
}
