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
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.wirewatch.common.Topics;
import org.wirewatch.common.config.CoreConfig;
import org.wirewatch.common.config.Settings;
import org.wirewatch.schema.Incident;
import org.wirewatch.serde.AvroSerdes;
import org.wirewatch.testkit.KafkaBroker;
import org.wirewatch.testkit.WithKafka;

/** The alerts stage end to end on a real broker: incidents in, signed webhooks out, exactly once per severity. */
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
      final boolean signed = new WebhookSigner(SECRET).verify(ts, body,
          ex.getRequestHeaders().getFirst(WebhookSigner.SIGNATURE_HEADER));
      ex.sendResponseHeaders(signed ? 200 : 401, -1);
      ex.close();
      if (signed) {
        received.add(new ObjectMapper().readTree(body));
      }
    });
    server.start();
    final Settings settings = Settings.of(Map.of(
        CoreConfig.BOOTSTRAP_SERVERS, kafka.bootstrapServers(),
        CoreConfig.SCHEMA_REGISTRY_URL, REGISTRY,
        CoreConfig.DATA_DIR, Files.createTempDirectory("alerts-stage").toString(),
        AlertsConfig.WEBHOOK_URLS, "http://127.0.0.1:" + server.getAddress().getPort() + "/hook",
        AlertsConfig.WEBHOOK_SECRET, SECRET,
        AlertsConfig.WEBHOOK_INITIAL_BACKOFF, "50ms"));
    final CoreConfig core = CoreConfig.from(settings);
    final AlertsStage stage = new AlertsStage(AlertsConfig.from(settings, core), core, null);
    try {
      stage.start();
      await().atMost(Duration.ofSeconds(60)).until(stage::ready);

      // when: a strike is reported, then its toll rises twice, once above the critical threshold
      try (KafkaProducer<String, Incident> p = new KafkaProducer<>(kafka.clientConfig(), new StringSerializer(),
          AvroSerdes.value(Incident.class, REGISTRY).serializer())) {
        p.send(new ProducerRecord<>(Topics.INCIDENTS, "inc-e2e", AlertFixtures.incident("inc-e2e", 12))).get();
        await().atMost(Duration.ofSeconds(60)).until(() -> received.size() >= 1);
        p.send(new ProducerRecord<>(Topics.INCIDENTS, "inc-e2e", AlertFixtures.incident("inc-e2e", 14))).get();
        p.send(new ProducerRecord<>(Topics.INCIDENTS, "inc-e2e", AlertFixtures.incident("inc-e2e", 55))).get();
      }

      // then
      await().atMost(Duration.ofSeconds(60)).until(() -> received.size() >= 2);
      assertThat(received).extracting(n -> n.path("alertId").asText() + " " + n.path("severity").asText())
          .containsExactly("MASS_CASUALTY|inc-e2e WARNING", "MASS_CASUALTY|inc-e2e CRITICAL");
      assertThat(received.get(1).path("killedBest").asInt()).isEqualTo(55);
    } finally {
      stage.close();
      server.stop(0);
    }
  }
}
