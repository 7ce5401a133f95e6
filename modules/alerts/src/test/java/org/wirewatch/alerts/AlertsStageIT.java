package org.wirewatch.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.wirewatch.common.Topics;
import org.wirewatch.common.config.CoreConfig;
import org.wirewatch.common.config.Settings;
import org.wirewatch.schema.Incident;
import org.wirewatch.serde.AvroSerdes;
import org.wirewatch.testkit.KafkaBroker;
import org.wirewatch.testkit.WithKafka;

/**
 * The alerts stage end to end on a real broker: incidents in, signed webhooks out, exactly once per severity; a
 * record the topology throws on is dead-lettered like in the pipeline's topologies, and alerting goes on.
 */
@WithKafka(catalogue = true)
class AlertsStageIT {

    private static final String REGISTRY = "mock://alerts-stage-it";
    private static final String SECRET = "a-webhook-secret-of-32-characters";

    KafkaBroker kafka;

    @Test
    void shouldPostAnAlertPerSeverityRiseWhenIncidentsArrive() throws Exception {
        // given: a receiver and the stage
        final List<JsonNode> received = new CopyOnWriteArrayList<>();
        final HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hook", ex -> {
            final String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            final long ts = Long.parseLong(ex.getRequestHeaders().getFirst(WebhookSigner.TIMESTAMP_HEADER));
            final boolean signed = new WebhookSigner(SECRET)
                    .verify(ts, body, ex.getRequestHeaders().getFirst(WebhookSigner.SIGNATURE_HEADER));
            ex.sendResponseHeaders(signed ? 200 : 401, -1);
            ex.close();
            if (signed) {
                received.add(new ObjectMapper().readTree(body));
            }
        });
        server.start();
        final Settings settings = Settings.of(Map.of(
                CoreConfig.BOOTSTRAP_SERVERS,
                kafka.bootstrapServers(),
                CoreConfig.SCHEMA_REGISTRY_URL,
                REGISTRY,
                CoreConfig.DATA_DIR,
                Files.createTempDirectory("alerts-stage").toString(),
                AlertsConfig.WEBHOOK_URLS,
                "http://127.0.0.1:" + server.getAddress().getPort() + "/hook",
                AlertsConfig.WEBHOOK_SECRET,
                SECRET,
                AlertsConfig.WEBHOOK_INITIAL_BACKOFF,
                "50ms"));
        final CoreConfig core = CoreConfig.from(settings);
        final AlertsStage stage = new AlertsStage(AlertsConfig.from(settings, core), core, null);
        try {
            stage.start();
            await().atMost(Duration.ofSeconds(60)).until(stage::ready);

            // when: a strike is reported, then its toll rises twice, once above the critical threshold
            try (KafkaProducer<String, Incident> p = new KafkaProducer<>(
                    kafka.clientConfig(),
                    new StringSerializer(),
                    AvroSerdes.value(Incident.class, REGISTRY).serializer())) {
                p.send(new ProducerRecord<>(Topics.INCIDENTS, "inc-e2e", AlertFixtures.incident("inc-e2e", 12)))
                        .get();
                await().atMost(Duration.ofSeconds(60)).until(() -> received.size() >= 1);
                p.send(new ProducerRecord<>(Topics.INCIDENTS, "inc-e2e", AlertFixtures.incident("inc-e2e", 14)))
                        .get();
                p.send(new ProducerRecord<>(Topics.INCIDENTS, "inc-e2e", AlertFixtures.incident("inc-e2e", 55)))
                        .get();
            }

            // then
            await().atMost(Duration.ofSeconds(60)).until(() -> received.size() >= 2);
            assertThat(received)
                    .extracting(n -> n.path("alertId").asText() + " "
                            + n.path("severity").asText())
                    .containsExactly("INCIDENT|inc-e2e WARNING", "INCIDENT|inc-e2e CRITICAL");
            assertThat(received.get(1).path("killedBest").asInt()).isEqualTo(55);
        } finally {
            stage.close();
            server.stop(0);
        }
    }

    @Test
    void shouldDeadLetterARecordTheTopologyThrowsOnAndGoOnAlerting() throws Exception {
        // given: the stage without webhooks, so the topology alone decides
        final Settings settings = Settings.of(Map.of(
                CoreConfig.BOOTSTRAP_SERVERS,
                kafka.bootstrapServers(),
                CoreConfig.SCHEMA_REGISTRY_URL,
                REGISTRY,
                CoreConfig.APPLICATION_ID,
                "alerts-dead-letter",
                CoreConfig.DATA_DIR,
                Files.createTempDirectory("alerts-dead-letter").toString()));
        final CoreConfig core = CoreConfig.from(settings);
        final List<Throwable> fatal = new CopyOnWriteArrayList<>();
        final AlertsStage stage = new AlertsStage(AlertsConfig.from(settings, core), core, fatal::add);
        try {
            stage.start();
            await().atMost(Duration.ofSeconds(60)).until(stage::ready);

            // when: a daily tally tombstone whose key names no day (reading it throws), then a mass-casualty incident
            try (KafkaProducer<String, byte[]> raw = new KafkaProducer<>(
                            kafka.clientConfig(), new StringSerializer(), new ByteArraySerializer());
                    KafkaProducer<String, Incident> incidents = new KafkaProducer<>(
                            kafka.clientConfig(),
                            new StringSerializer(),
                            AvroSerdes.value(Incident.class, REGISTRY).serializer())) {
                raw.send(new ProducerRecord<>(Topics.TALLIES, "SY-DY|P1D|not-a-day", null))
                        .get();
                incidents
                        .send(new ProducerRecord<>(
                                Topics.INCIDENTS, "inc-after-poison", AlertFixtures.incident("inc-after-poison", 55)))
                        .get();
            }

            // then: the bad record is a dead letter naming its origin, and the incident is still alerted on (the broker
            // is
            // shared by the class, so the other test's alerts may be there too)
            final List<ConsumerRecord<String, byte[]>> letters = new CopyOnWriteArrayList<>();
            final List<ConsumerRecord<String, byte[]>> alerts = new CopyOnWriteArrayList<>();
            try (KafkaConsumer<String, byte[]> consumer = consumer()) {
                consumer.subscribe(List.of(Topics.DEAD_LETTERS, Topics.ALERTS));
                await().atMost(Duration.ofSeconds(60)).until(() -> {
                    consumer.poll(Duration.ofMillis(200))
                            .forEach(r -> (r.topic().equals(Topics.ALERTS) ? alerts : letters).add(r));
                    return !letters.isEmpty()
                            && alerts.stream().anyMatch(a -> a.key().equals("INCIDENT|inc-after-poison"));
                });
            }
            assertThat(letters).singleElement().satisfies(letter -> {
                assertThat(letter.key()).isEqualTo("SY-DY|P1D|not-a-day");
                assertThat(header(letter, "__streams.errors.topic")).isEqualTo(Topics.TALLIES);
                assertThat(header(letter, "__streams.errors.exception")).contains("IllegalArgumentException");
                assertThat(header(letter, "__streams.errors.message")).contains("SY-DY|P1D|not-a-day");
            });
            assertThat(stage.ready()).isTrue();
            assertThat(fatal).isEmpty();
        } finally {
            stage.close();
        }
    }

    private KafkaConsumer<String, byte[]> consumer() {
        final Map<String, Object> config = new java.util.HashMap<>(kafka.clientConfig());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "alerts-dead-letter-check");
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
    }

    private static String header(final ConsumerRecord<String, byte[]> record, final String name) {
        final var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
