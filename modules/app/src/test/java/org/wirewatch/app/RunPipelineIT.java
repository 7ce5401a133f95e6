package org.wirewatch.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wirewatch.app.cli.RunCommand;
import org.wirewatch.common.TopicSpec;
import org.wirewatch.common.Topics;
import org.wirewatch.common.config.CoreConfig;
import org.wirewatch.common.config.Settings;
import org.wirewatch.schema.PubStatus;
import org.wirewatch.schema.ReportFormat;
import org.wirewatch.schema.WireReport;
import org.wirewatch.serde.AvroSerializer;
import org.wirewatch.serde.SchemaRegistryClient;
import org.wirewatch.serde.SchemaRegistryClients;

/**
 * The wiring of {@code wirewatch run} on ephemeral ports: embedded broker, registry endpoint, catalogue topics and
 * the registered stages; a report written with the serde comes back through {@code tail}; a restart on the same
 * data directory keeps topics, records and schema ids.
 */
class RunPipelineIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void shouldKeepTopicsRecordsAndSchemaIdsWhenRestartedOnTheSameDataDirectory() throws Exception {
        Settings settings = Settings.of(Map.of(
                CoreConfig.DATA_DIR,
                dir.resolve("data").toString(),
                CoreConfig.EMBEDDED_KAFKA_PORT,
                "0",
                CoreConfig.EMBEDDED_REGISTRY_PORT,
                "0",
                CoreConfig.HTTP_PORT,
                "0",
                Pipeline.EMBEDDED_BROKER_PREFIX + "log.retention.bytes",
                "1073741824",
                // the stages run registers read their own keys; keep their files in the test directory
                "wirewatch.ingest.inbox.dir",
                dir.resolve("inbox").toString()));
        int schemaId;

        // given the pipeline started as `run` starts it
        try (Pipeline pipeline = Pipeline.start(settings, RunCommand.stages())) {
            CoreConfig core = pipeline.core();

            // then every catalogue topic exists
            try (Admin admin = Admin.create(Map.of(
                    AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                    core.bootstrapServers().orElseThrow()))) {
                assertThat(admin.listTopics().names().get())
                        .containsAll(
                                Topics.catalogue().stream().map(TopicSpec::name).collect(Collectors.toSet()));
                // and the broker took the wirewatch.embedded.broker.* setting
                ConfigResource broker = new ConfigResource(ConfigResource.Type.BROKER, "1");
                assertThat(admin.describeConfigs(List.of(broker))
                                .all()
                                .get()
                                .get(broker)
                                .get("log.retention.bytes")
                                .value())
                        .isEqualTo("1073741824");
            }

            // when a report is written with the serde through the registry endpoint
            produce(core, report("urn:test:run:1", 1, "Air strike kills 43"));
            try (SchemaRegistryClient registry =
                    SchemaRegistryClients.forUrl(core.schemaRegistryUrl().toString(), Map.of())) {
                schemaId = registry.latest(Topics.RAW_REPORTS + "-value").id();
            }

            // then tail decodes it to the plain JSON form
            List<JsonNode> lines = tail(core, Topics.RAW_REPORTS);
            assertThat(lines).hasSize(1);
            assertThat(lines.get(0).get("uri").asText()).isEqualTo("urn:test:run:1");
            assertThat(lines.get(0).get("pubStatus").asText()).isEqualTo("USABLE");
            assertThat(lines.get(0).get("headline").asText()).isEqualTo("Air strike kills 43");
        }

        // when the platform starts again on the same data directory (the stages add nothing to what is checked)
        try (Pipeline pipeline = Pipeline.start(settings, List.of())) {
            CoreConfig core = pipeline.core();
            // then the record and its schema id are still there, and new writes reuse the id
            produce(core, report("urn:test:run:2", 1, "Second report"));
            try (SchemaRegistryClient registry =
                    SchemaRegistryClients.forUrl(core.schemaRegistryUrl().toString(), Map.of())) {
                assertThat(registry.latest(Topics.RAW_REPORTS + "-value").id()).isEqualTo(schemaId);
            }
            assertThat(tail(core, Topics.RAW_REPORTS))
                    .extracting(n -> n.get("uri").asText())
                    .containsExactlyInAnyOrder("urn:test:run:1", "urn:test:run:2");

            // and `wirewatch tail` in a second terminal prints them, with their keys
            StringWriter out = new StringWriter();
            int exit = WirewatchCli.commandLine()
                    .setOut(new PrintWriter(out))
                    .execute(
                            "tail",
                            Topics.RAW_REPORTS,
                            "--bootstrap-servers",
                            core.bootstrapServers().orElseThrow(),
                            "--schema-registry-url",
                            core.schemaRegistryUrl().toString(),
                            "--keys",
                            "--timeout",
                            "30s");
            assertThat(exit).isZero();
            List<JsonNode> lines =
                    out.toString().lines().map(RunPipelineIT::parse).toList();
            assertThat(lines)
                    .extracting(n -> n.get("key").asText())
                    .containsExactlyInAnyOrder("urn:test:run:1", "urn:test:run:2");
            assertThat(lines).allSatisfy(n -> {
                assertThat(n.get("topic").asText()).isEqualTo(Topics.RAW_REPORTS);
                assertThat(n.get("value").get("uri").asText())
                        .isEqualTo(n.get("key").asText());
            });
        }
    }

    private static void produce(CoreConfig core, WireReport report) throws Exception {
        SchemaRegistryClient registry =
                SchemaRegistryClients.forUrl(core.schemaRegistryUrl().toString(), Map.of());
        try (KafkaProducer<String, WireReport> producer = new KafkaProducer<>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        core.bootstrapServers().orElseThrow()),
                new StringSerializer(),
                new AvroSerializer<>(registry))) {
            producer.send(new ProducerRecord<>(Topics.RAW_REPORTS, report.getUri(), report))
                    .get();
        } finally {
            registry.close();
        }
    }

    private static List<JsonNode> tail(CoreConfig core, String topic) throws Exception {
        StringWriter out = new StringWriter();
        try (TopicTail tail = new TopicTail(core, new TopicTail.Options(topic, false, 0, null, false))) {
            TopicTail.Summary summary = tail.run(new PrintWriter(out));
            assertThat(summary.undecodable()).isZero();
        }
        return out.toString().lines().map(RunPipelineIT::parse).toList();
    }

    private static JsonNode parse(String line) {
        try {
            return JSON.readTree(line);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + line, e);
        }
    }

    private static WireReport report(String uri, int version, String headline) {
        return WireReport.newBuilder()
                .setUri(uri)
                .setVersion(version)
                .setPubStatus(PubStatus.USABLE)
                .setHeadline(headline)
                .setBody("BEIRUT, Nov 17 (AFP) - " + headline + ", a monitor said.")
                .setFormat(ReportFormat.TEXT)
                .setAgency("AFP")
                .setReceivedAt(Instant.parse("2018-11-17T10:00:00Z"))
                .build();
    }
}
