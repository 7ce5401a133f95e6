package org.wirewatch.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wirewatch.common.Topics;
import org.wirewatch.schema.Alert;
import org.wirewatch.schema.AlertRule;
import org.wirewatch.schema.AlertSeverity;
import org.wirewatch.serde.AvroSerdes;
import org.wirewatch.testkit.KafkaBroker;
import org.wirewatch.testkit.WithKafka;

@WithKafka(catalogue = true)
class WebhookDispatcherIT {

    private static final String REGISTRY = "mock://webhook-dispatcher-it";
    private static final String SECRET = "a-webhook-secret-of-32-characters";
    private static final ObjectMapper JSON = new ObjectMapper();

    KafkaBroker kafka;

    private HttpServer server;
    private final Map<String, AtomicInteger> tries = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> accepted = new ConcurrentHashMap<>();
    private final List<String> badSignatures = new CopyOnWriteArrayList<>();
    private final List<JsonNode> bodies = new CopyOnWriteArrayList<>();
    private volatile Function<Integer, Integer> statusForTry = t -> 200;

    @BeforeEach
    void startReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hook", this::receive);
        server.start();
    }

    @AfterEach
    void stopReceiver() {
        server.stop(0);
    }

    /** A receiver as the docs tell users to write one: verify, then deduplicate by idempotency key. */
    private void receive(final HttpExchange ex) throws IOException {
        final String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        final String key = ex.getRequestHeaders().getFirst(WebhookSigner.IDEMPOTENCY_HEADER);
        final long ts = Long.parseLong(ex.getRequestHeaders().getFirst(WebhookSigner.TIMESTAMP_HEADER));
        if (!new WebhookSigner(SECRET)
                .verify(ts, body, ex.getRequestHeaders().getFirst(WebhookSigner.SIGNATURE_HEADER))) {
            badSignatures.add(key);
        }
        final int attempt = tries.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
        final int status = statusForTry.apply(attempt);
        if (status == 200) {
            accepted.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
            bodies.add(JSON.readTree(body));
        }
        ex.sendResponseHeaders(status, -1);
        ex.close();
    }

    private AlertsConfig.Webhook webhook(final int attempts, final String group) {
        return new AlertsConfig.Webhook(
                List.of(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hook")),
                SECRET,
                attempts,
                Duration.ofMillis(20),
                Duration.ofMillis(100),
                Duration.ofSeconds(5),
                group);
    }

    private WebhookDispatcher dispatcher(final AlertsConfig.Webhook webhook) {
        return new WebhookDispatcher(
                webhook,
                kafka.clientConfig(),
                AvroSerdes.value(Alert.class, REGISTRY).deserializer(),
                Clock.systemUTC());
    }

    private List<String> publish(final String prefix, final int n, final AlertSeverity severity) {
        final List<String> keys = new ArrayList<>();
        try (KafkaProducer<String, Alert> p = new KafkaProducer<>(
                kafka.clientConfig(),
                new StringSerializer(),
                AvroSerdes.value(Alert.class, REGISTRY).serializer())) {
            for (int i = 0; i < n; i++) {
                final String id = "INCIDENT|" + prefix + "-" + i;
                final Alert alert = Alert.newBuilder()
                        .setAlertId(id)
                        .setRule(AlertRule.MASS_CASUALTY)
                        .setSeverity(severity)
                        .setSubject(prefix + "-" + i)
                        .setIncidentId(prefix + "-" + i)
                        .setTitle("12 killed in Abu Husn")
                        .setMessage("Air/drone strike.")
                        .setKilledBest(12)
                        .setRaisedAt(AlertFixtures.T0)
                        .build();
                p.send(new ProducerRecord<>(Topics.ALERTS, id, alert));
                keys.add(WebhookSigner.idempotencyKey(alert));
            }
        }
        return keys;
    }

    @Test
    void shouldDeliverEachAlertOnceWhenTheReceiverFailsTheFirstTries() {
        // given: the receiver answers 503 twice for every alert, then 200
        statusForTry = t -> t <= 2 ? 503 : 200;
        final List<String> keys = publish("flaky", 5, AlertSeverity.WARNING);

        // when
        try (WebhookDispatcher d = dispatcher(webhook(4, kafka.uniqueName("webhook")))) {
            d.start();
            await().atMost(Duration.ofSeconds(30)).until(() -> accepted.keySet().containsAll(keys));

            // then: each alert accepted exactly once, after three tries, signed, as plain JSON
            assertThat(keys).allSatisfy(k -> {
                assertThat(accepted.get(k)).hasValue(1);
                assertThat(tries.get(k)).hasValue(3);
            });
            assertThat(badSignatures).isEmpty();
            assertThat(bodies).allSatisfy(b -> {
                assertThat(b.path("rule").asText()).isEqualTo("MASS_CASUALTY");
                assertThat(b.path("raisedAt").asText()).isEqualTo("2018-11-18T09:00:00Z");
            });
        }
    }

    @Test
    void shouldParkTheAlertWithItsReasonWhenTheReceiverNeverAccepts() throws Exception {
        // given
        statusForTry = t -> 500;
        final List<String> keys = publish("down", 1, AlertSeverity.CRITICAL);
        final String group = kafka.uniqueName("webhook");

        final String alertId = "INCIDENT|down-0";

        // when
        try (WebhookDispatcher d = dispatcher(webhook(3, group))) {
            d.start();
            await().atMost(Duration.ofSeconds(30)).until(() -> lastParked(alertId) != null);
        }

        // then
        assertThat(tries.get(keys.get(0))).hasValue(3);
        final ConsumerRecord<byte[], byte[]> parked = lastParked(alertId);
        assertThat(new String(
                        parked.headers()
                                .lastHeader(WebhookDispatcher.DLQ_REASON)
                                .value(),
                        StandardCharsets.UTF_8))
                .isEqualTo("HTTP 500 after 3 tries");
        assertThat(new String(
                        parked.headers()
                                .lastHeader(WebhookDispatcher.DLQ_ATTEMPTS)
                                .value(),
                        StandardCharsets.UTF_8))
                .isEqualTo("3");
        assertThat(AvroSerdes.value(Alert.class, REGISTRY)
                        .deserializer()
                        .deserialize(Topics.ALERTS_DLQ, parked.value())
                        .getSeverity())
                .isEqualTo(AlertSeverity.CRITICAL);
    }

    @Test
    void shouldNotRetryWhenTheReceiverRefusesTheAlert() {
        // given
        statusForTry = t -> 422;
        final List<String> keys = publish("refused", 1, AlertSeverity.WARNING);

        final String alertId = "INCIDENT|refused-0";

        // when
        try (WebhookDispatcher d = dispatcher(webhook(5, kafka.uniqueName("webhook")))) {
            d.start();
            await().atMost(Duration.ofSeconds(30)).until(() -> lastParked(alertId) != null);
        }

        // then
        assertThat(tries.get(keys.get(0))).hasValue(1);
    }

    @Test
    void shouldNotDeliverAgainWhenARestartedDispatcherResumesItsGroup() {
        // given: a first dispatcher delivered everything and stopped
        final List<String> keys = publish("resume", 3, AlertSeverity.WARNING);
        final String group = kafka.uniqueName("webhook");
        try (WebhookDispatcher d = dispatcher(webhook(3, group))) {
            d.start();
            await().atMost(Duration.ofSeconds(30)).until(() -> accepted.keySet().containsAll(keys));
        }

        // when: a new alert arrives and a second dispatcher of the same group starts
        final List<String> next = publish("resume-next", 1, AlertSeverity.WARNING);
        try (WebhookDispatcher d = dispatcher(webhook(3, group))) {
            d.start();
            await().atMost(Duration.ofSeconds(30)).until(() -> accepted.containsKey(next.get(0)));
        }

        // then
        assertThat(keys).allSatisfy(k -> assertThat(accepted.get(k)).hasValue(1));
    }

    /** The last record parked for an alert id, or null. */
    private ConsumerRecord<byte[], byte[]> lastParked(final String alertId) {
        final Map<String, Object> c = new HashMap<>(kafka.clientConfig());
        try (KafkaConsumer<byte[], byte[]> consumer =
                new KafkaConsumer<>(c, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            final TopicPartition tp = new TopicPartition(Topics.ALERTS_DLQ, 0);
            consumer.assign(List.of(tp));
            consumer.seekToBeginning(List.of(tp));
            final long end = consumer.endOffsets(List.of(tp)).get(tp);
            ConsumerRecord<byte[], byte[]> found = null;
            while (consumer.position(tp) < end) {
                for (final ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    if (alertId.equals(new String(r.key(), StandardCharsets.UTF_8))) {
                        found = r;
                    }
                }
            }
            return found;
        }
    }
}
