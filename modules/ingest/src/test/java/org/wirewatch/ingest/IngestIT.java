package org.wirewatch.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wirewatch.common.Topics;
import org.wirewatch.common.config.CoreConfig;
import org.wirewatch.common.config.Settings;
import org.wirewatch.schema.PubStatus;
import org.wirewatch.schema.RejectedReport;
import org.wirewatch.schema.WireReport;
import org.wirewatch.serde.AvroSerdes;
import org.wirewatch.testkit.KafkaBroker;
import org.wirewatch.testkit.WithKafka;

/**
 * Every source against a real broker: each input ends up on the raw or the rejected topic, exactly once, and the
 * drop folder's failed/ holds exactly the rejected files.
 */
@WithKafka(catalogue = true)
class IngestIT {

    private static final String REGISTRY = "mock://ingest-it";
    private static final String TOKEN = "integration-test-token-0123";

    static KafkaBroker kafka;

    @TempDir
    static Path work;

    private static HttpServer feedServer;

    @BeforeAll
    static void serveFeed() throws IOException {
        StringBuilder items = new StringBuilder();
        for (int i = 1; i <= 5; i++) {
            items.append("<item><title>Feed story ")
                    .append(i)
                    .append("</title><guid>urn:feed:")
                    .append(i)
                    .append("</guid><description>Body ")
                    .append(i)
                    .append(".</description></item>");
        }
        items.append("<item><guid>urn:feed:untitled</guid><description>No title.</description></item>");
        byte[] rss = ("<rss version=\"2.0\"><channel><title>IT feed</title>" + items + "</channel></rss>")
                .getBytes(StandardCharsets.UTF_8);
        feedServer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        feedServer.createContext("/rss", exchange -> {
            exchange.sendResponseHeaders(200, rss.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(rss);
            }
        });
        feedServer.start();
    }

    @AfterAll
    static void stopFeed() {
        feedServer.stop(0);
    }

    private static String ninjs(String uri, int version, String headline) {
        return "{\"uri\":\"" + uri + "\",\"version\":" + version + ",\"headline\":\"" + headline
                + "\",\"body_text\":\"KABUL - Something happened.\\n\\nMore.\"}";
    }

    @Test
    void shouldPutEveryInputOfEverySourceOnExactlyOneTopic() throws Exception {
        // given: a drop folder with good and bad files (written before start, as an operator's backlog)
        Path inbox = work.resolve("inbox");
        Files.createDirectories(inbox);
        for (int i = 1; i <= 6; i++) {
            Files.writeString(inbox.resolve("story-" + i + ".json"), ninjs("urn:folder:" + i, 1, "Folder story " + i));
        }
        Files.writeString(inbox.resolve("story-1-v2.json"), ninjs("urn:folder:1", 2, "Folder story 1, update"));
        Files.writeString(inbox.resolve("plain.txt"), "A plain headline\n\nA plain body.\n");
        Files.write(
                inbox.resolve("message.xml"),
                Files.readAllBytes(
                        Path.of(IngestIT.class.getResource("/newsmessage.xml").toURI())));
        Map<String, byte[]> bad = Map.of(
                "malformed.json", "{\"uri\": \"urn:x\", ".getBytes(StandardCharsets.UTF_8),
                "xxe.xml",
                        ("<?xml version=\"1.0\"?><!DOCTYPE n [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                                        + "<n>&x;</n>")
                                .getBytes(StandardCharsets.UTF_8),
                "garbage.bin", randomBytes(2048),
                "no-body.json", "{\"uri\":\"urn:nobody\",\"headline\":\"H\"}".getBytes(StandardCharsets.UTF_8));
        for (Map.Entry<String, byte[]> e : bad.entrySet()) {
            Files.write(inbox.resolve(e.getKey()), e.getValue());
        }
        Files.writeString(inbox.resolve(".partial-upload.json"), ninjs("urn:never", 1, "Never read"));

        IngestStage stage = new IngestStage(
                IngestConfig.from(Settings.of(Map.of(
                        IngestConfig.INBOX_DIR, inbox.toString(),
                        IngestConfig.INBOX_RESCAN, "300ms",
                        IngestConfig.INBOX_SETTLE, "200ms",
                        IngestConfig.HTTP_TOKEN, TOKEN,
                        IngestConfig.HTTP_PORT, "0",
                        IngestConfig.MAX_BYTES, "65536",
                        IngestConfig.FEEDS,
                                "http://127.0.0.1:" + feedServer.getAddress().getPort() + "/rss",
                        IngestConfig.FEEDS_INTERVAL, "1s"))),
                new CoreConfig(
                        Optional.of(kafka.bootstrapServers()),
                        URI.create(REGISTRY),
                        work.resolve("data"),
                        0,
                        0,
                        0,
                        "wirewatch-it",
                        Map.of()),
                EnumSet.allOf(IngestSource.class));

        // when
        stage.start();
        List<Integer> statuses = new ArrayList<>();
        HttpClient client = HttpClient.newHttpClient();
        for (int i = 1; i <= 10; i++) {
            statuses.add(
                    post(client, stage, ninjs("urn:http:" + i, 1, "Pushed story " + i), "application/json", TOKEN));
        }
        statuses.add(post(client, stage, "{\"uri\":", "application/json", TOKEN));
        statuses.add(post(client, stage, "Headline\n\nBody", "application/pdf", TOKEN));
        statuses.add(post(client, stage, "x".repeat(70_000), "text/plain", TOKEN));
        statuses.add(
                post(client, stage, ninjs("urn:http:intruder", 1, "Nope"), "application/json", "wrong-token-wrong"));

        int expectedRaw = 6 + 1 + 1 + 3 + 10 + 5;
        int expectedRejected = 4 + 3 + 1;
        await().atMost(Duration.ofSeconds(60))
                .until(() -> endOffsets(Topics.RAW_REPORTS) >= expectedRaw
                        && endOffsets(Topics.REJECTED_REPORTS) >= expectedRejected
                        && files(inbox).isEmpty());
        stage.close();

        // then: exactly N in total, nothing twice, nothing lost
        assertThat(statuses).containsExactly(202, 202, 202, 202, 202, 202, 202, 202, 202, 202, 400, 415, 413, 401);
        assertThat(endOffsets(Topics.RAW_REPORTS)).isEqualTo(expectedRaw);
        assertThat(endOffsets(Topics.REJECTED_REPORTS)).isEqualTo(expectedRejected);

        List<WireReport> raw = read(Topics.RAW_REPORTS, expectedRaw).stream()
                .map(r -> AvroSerdes.value(WireReport.class, REGISTRY)
                        .deserializer()
                        .deserialize(r.topic(), r.value()))
                .toList();
        Map<String, Long> perVersion = raw.stream()
                .collect(Collectors.groupingBy(r -> r.getUri() + "#" + r.getVersion(), Collectors.counting()));
        assertThat(perVersion)
                .hasSize(expectedRaw)
                .allSatisfy((k, n) -> assertThat(n).isEqualTo(1));
        assertThat(perVersion)
                .containsKeys(
                        "urn:folder:1#1",
                        "urn:folder:1#2",
                        "urn:http:10#1",
                        "urn:feed:5#1",
                        "urn:newsml:example.org:20090902:af-laghman#2");
        assertThat(raw).filteredOn(r -> r.getPubStatus() == PubStatus.CANCELED).hasSize(1);
        assertThat(read(Topics.RAW_REPORTS, expectedRaw))
                .allSatisfy(r -> assertThat(r.key())
                        .isEqualTo(AvroSerdes.value(WireReport.class, REGISTRY)
                                .deserializer()
                                .deserialize(r.topic(), r.value())
                                .getUri()));

        List<RejectedReport> rejected = read(Topics.REJECTED_REPORTS, expectedRejected).stream()
                .map(r -> AvroSerdes.value(RejectedReport.class, REGISTRY)
                        .deserializer()
                        .deserialize(r.topic(), r.value()))
                .toList();
        assertThat(rejected).extracting(RejectedReport::getSource).containsOnly("drop-folder", "http", "feed");
        assertThat(rejected)
                .allSatisfy(r -> assertThat(r.getExcerpt().getBytes(StandardCharsets.UTF_8).length)
                        .isLessThanOrEqualTo(1024));

        assertThat(names(inbox.resolve("failed")))
                .filteredOn(n -> !n.endsWith(".reason"))
                .containsExactlyInAnyOrderElementsOf(bad.keySet());
        assertThat(names(inbox.resolve("failed")))
                .filteredOn(n -> n.endsWith(".reason"))
                .hasSize(bad.size());
        assertThat(names(inbox.resolve("processed"))).hasSize(9);
        assertThat(inbox.resolve(".partial-upload.json")).exists();
    }

    private static int post(HttpClient client, IngestStage stage, String body, String contentType, String token)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + stage.httpPort() + "/v1/reports"))
                .header("Content-Type", contentType)
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return client.send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    private static long endOffsets(String topic) throws Exception {
        var partitions = kafka.admin()
                .describeTopics(List.of(topic))
                .allTopicNames()
                .get()
                .get(topic)
                .partitions();
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        partitions.forEach(p -> latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
        return kafka.admin().listOffsets(latest).all().get().values().stream()
                .mapToLong(o -> o.offset())
                .sum();
    }

    private static List<ConsumerRecord<String, byte[]>> read(String topic, int count) {
        Map<String, Object> props = new HashMap<>(kafka.clientConfig());
        props.put("group.id", kafka.uniqueName("ingest-it"));
        props.put("auto.offset.reset", "earliest");
        List<ConsumerRecord<String, byte[]>> out = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer =
                new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(out::add);
                return out.size() >= count;
            });
        }
        return out;
    }

    private static Set<String> files(Path inbox) throws IOException {
        try (Stream<Path> s = Files.list(inbox)) {
            return s.filter(Files::isRegularFile)
                    .map(p -> p.getFileName().toString())
                    .filter(n -> !n.startsWith("."))
                    .collect(Collectors.toSet());
        }
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).toList();
        }
    }

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        new Random(7).nextBytes(bytes);
        return bytes;
    }
}
