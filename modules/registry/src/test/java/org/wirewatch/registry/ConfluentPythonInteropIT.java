package org.wirewatch.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.wirewatch.schema.PubStatus;
import org.wirewatch.schema.ReportFormat;
import org.wirewatch.schema.WireReport;
import org.wirewatch.serde.AvroDeserializer;
import org.wirewatch.serde.AvroSerdeConfig;
import org.wirewatch.serde.AvroSerializer;
import org.wirewatch.serde.RestSchemaRegistryClient;
import org.wirewatch.serde.SchemaMetadata;
import org.wirewatch.serde.WireFormat;
import org.wirewatch.testkit.KafkaBroker;
import org.wirewatch.testkit.WithKafka;

/**
 * Proves wire compatibility with Confluent's own client: Debian's {@code python3-confluent-kafka} (its
 * SchemaRegistryClient, DeserializingConsumer and SerializingProducer, with Confluent's Avro serializer over
 * {@code python3-avro}) reads through the Wirewatch registry what Wirewatch wrote, and the other way round.
 *
 * <p>Runs Debian's system interpreter {@code /usr/bin/python3} (not whatever {@code python3} comes first on the
 * PATH) on {@code interop/confluent_interop.py}. Without the Debian packages the class is skipped with the list of
 * what is missing; on CI ({@code CI=true}) a missing package fails it instead, since CI installs them.
 */
@WithKafka
class ConfluentPythonInteropIT {

    private static final Path PYTHON = Path.of("/usr/bin/python3");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter MILLIS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private static SchemaRegistryServer registry;

    KafkaBroker kafka;

    @BeforeAll
    static void requireConfluentPythonClient(KafkaBroker broker) throws Exception {
        List<String> missing = missingPythonPackages();
        if (!missing.isEmpty()) {
            String message = "Confluent Python interop needs Debian's " + String.join(", ", missing) + " for " + PYTHON
                    + " (apt-get install -y python3-confluent-kafka python3-requests python3-avro)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                Assertions.fail("Missing on CI: " + message);
            }
            Assumptions.abort("Skipped: " + message);
        }
        registry = new SchemaRegistryServer(broker.bootstrapServers(), 0, broker.uniqueName("_schemas"));
        registry.start();
    }

    @AfterAll
    static void stopRegistry() {
        if (registry != null) {
            registry.close();
        }
    }

    @Test
    void shouldDecodeInConfluentPythonWhatWirewatchWrote() throws Exception {
        // given
        String topic = kafka.uniqueName("wirewatch.reports.raw.v1");
        kafka.createTopics(topic);
        List<WireReport> reports = List.of(fullReport(), minimalReport(), retraction());
        Map<String, Object> config = new HashMap<>(kafka.clientConfig());
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, AvroSerializer.class.getName());
        config.put(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registry.url());
        try (KafkaProducer<String, WireReport> producer = new KafkaProducer<>(config)) {
            for (WireReport report : reports) {
                producer.send(new ProducerRecord<>(topic, report.getUri(), report))
                        .get();
            }
            producer.send(new ProducerRecord<>(topic, "urn:wirewatch:tombstone", null))
                    .get();
        }
        SchemaMetadata registered =
                RestSchemaRegistryClient.of(registry.url(), Map.of()).latest(topic + "-value");

        // when
        List<JsonNode> lines = python(
                "consume",
                "--bootstrap",
                kafka.bootstrapServers(),
                "--registry",
                registry.url(),
                "--topic",
                topic,
                "--count",
                "4",
                "--group",
                kafka.uniqueName("python"));

        // then
        assertThat(lines).hasSize(5);
        JsonNode info = lines.get(0).get("registry");
        assertThat(info.get("subjects").toString()).contains(topic + "-value");
        assertThat(info.get("subject").asText()).isEqualTo(topic + "-value");
        assertThat(info.get("version").asInt()).isEqualTo(1);
        assertThat(info.get("schema_id").asInt()).isEqualTo(registered.id());
        assertThat(info.get("schema_name").asText()).isEqualTo("WireReport");
        for (int i = 0; i < reports.size(); i++) {
            JsonNode line = lines.get(i + 1);
            assertThat(line.get("key").asText()).isEqualTo(reports.get(i).getUri());
            assertThat(line.get("schema_id").asInt()).isEqualTo(registered.id());
            assertThat(line.get("value")).isEqualTo(plain(reports.get(i)));
        }
        assertThat(lines.get(4).get("key").asText()).isEqualTo("urn:wirewatch:tombstone");
        assertThat(lines.get(4).get("value").isNull()).isTrue();
        assertThat(lines.get(1).get("value").get("body").asText()).endsWith("Abū Ḥuṣn.");
    }

    @Test
    void shouldReadInWirewatchWhatConfluentPythonWrote() throws Exception {
        // given
        String topic = kafka.uniqueName("wirewatch.reports.raw.v1");
        kafka.createTopics(topic);
        Path schemaFile = Files.createTempFile("wirereport", ".avsc");
        Files.writeString(schemaFile, WireReport.getClassSchema().toString(), StandardCharsets.UTF_8);

        // when
        List<JsonNode> written = python(
                "produce",
                "--bootstrap",
                kafka.bootstrapServers(),
                "--registry",
                registry.url(),
                "--topic",
                topic,
                "--count",
                "3",
                "--schema-file",
                schemaFile.toString());

        // then
        Map<String, Object> config = new HashMap<>(kafka.clientConfig());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, kafka.uniqueName("wirewatch"));
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<String, byte[]>> raw = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer =
                new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(raw::add);
                return raw.size() >= 4;
            });
        }
        AvroDeserializer<WireReport> deserializer = new AvroDeserializer<>(WireReport.class);
        deserializer.configure(Map.of(AvroSerdeConfig.SCHEMA_REGISTRY_URL, registry.url()), false);
        List<WireReport> records = raw.stream()
                .map(r -> deserializer.deserialize(topic, r.value()))
                .toList();
        assertThat(raw).hasSize(4);
        assertThat(written).hasSize(4);
        JsonNode registered = written.get(3).get("registered");
        assertThat(registered.get("subject").asText()).isEqualTo(topic + "-value");
        assertThat(registered.get("version").asInt()).isEqualTo(1);
        for (int i = 0; i < 3; i++) {
            assertThat(raw.get(i).key()).isEqualTo(written.get(i).get("key").asText());
            assertThat(WireFormat.schemaId(raw.get(i).value()))
                    .isEqualTo(registered.get("schema_id").asInt());
            assertThat(plain(records.get(i))).isEqualTo(written.get(i).get("value"));
        }
        WireReport first = records.get(0);
        assertThat(first.getUri()).isEqualTo("urn:python:interop:0");
        assertThat(first.getFirstCreated()).isEqualTo(Instant.parse("2018-11-17T10:15:00.250Z"));
        assertThat(first.getFormat()).isEqualTo(ReportFormat.NINJS);
        assertThat(first.getUrgency()).isNull();
        assertThat(first.getBody()).endsWith("Abū Ḥuṣn.");
        assertThat(records.get(2).getPubStatus()).isEqualTo(PubStatus.CANCELED);
        assertThat(records.get(2).getSignals()).containsExactly("update", "update");
        assertThat(raw.get(3).value()).isNull();
        assertThat(records.get(3)).isNull();
        RestSchemaRegistryClient client = RestSchemaRegistryClient.of(registry.url(), Map.of());
        assertThat(client.versions(topic + "-value")).containsExactly(1);
        assertThat(client.latest(topic + "-value").schema().getFullName()).isEqualTo(WireReport.class.getName());
    }

    private static WireReport fullReport() {
        return WireReport.newBuilder()
                .setUri("urn:newsml:afp.com:20181117:abuhusn")
                .setVersion(2)
                .setPubStatus(PubStatus.USABLE)
                .setFirstCreated(Instant.parse("2018-11-17T10:15:00Z"))
                .setVersionCreated(Instant.parse("2018-11-17T12:40:00.125Z"))
                .setLanguage("en")
                .setAgency("AFP")
                .setLocated("Beirut")
                .setHeadline("US-led strikes kill 43 in east Syria: monitor")
                .setBody("US-led coalition air strikes Saturday killed 43 people, mostly civilians, in Abū Ḥuṣn.")
                .setUrgency(3)
                .setFormat(ReportFormat.NEWSML_G2)
                .setSource("drop-folder:inbox/a.xml")
                .setReceivedAt(Instant.parse("2018-11-17T12:40:01.250Z"))
                .setSignals(List.of("update", "correction"))
                .build();
    }

    private static WireReport minimalReport() {
        return WireReport.newBuilder()
                .setUri("urn:wirewatch:minimal")
                .setVersion(1)
                .setPubStatus(PubStatus.WITHHELD)
                .setHeadline("")
                .setBody("Only the required fields.")
                .setFormat(ReportFormat.TEXT)
                .build();
    }

    private static WireReport retraction() {
        return WireReport.newBuilder(fullReport())
                .setVersion(3)
                .setPubStatus(PubStatus.CANCELED)
                .setSignals(List.of())
                .build();
    }

    /** A record as plain JSON in the form the Python script prints: ISO-8601 UTC timestamps with millis. */
    private static JsonNode plain(SpecificRecord record) {
        return JSON.valueToTree(plainValue(record));
    }

    private static Object plainValue(Object value) {
        if (value instanceof SpecificRecord record) {
            Map<String, Object> fields = new LinkedHashMap<>();
            for (Schema.Field field : record.getSchema().getFields()) {
                fields.put(field.name(), plainValue(record.get(field.pos())));
            }
            return fields;
        }
        if (value instanceof Instant instant) {
            return MILLIS.format(instant);
        }
        if (value instanceof LocalDate date) {
            return date.toString();
        }
        if (value instanceof Enum<?> symbol) {
            return symbol.name();
        }
        if (value instanceof CharSequence text) {
            return text.toString();
        }
        if (value instanceof List<?> list) {
            return list.stream().map(ConfluentPythonInteropIT::plainValue).toList();
        }
        return value;
    }

    private static List<JsonNode> python(String... args) throws Exception {
        Path script = Path.of(ConfluentPythonInteropIT.class
                .getResource("/interop/confluent_interop.py")
                .toURI());
        List<String> command = new ArrayList<>(List.of(PYTHON.toString(), "-I", "-X", "utf8", script.toString()));
        command.addAll(List.of(args));
        Path stderr = Files.createTempFile("confluent-interop", ".err");
        Process process =
                new ProcessBuilder(command).redirectError(stderr.toFile()).start();
        process.getOutputStream().close();
        byte[] stdout = process.getInputStream().readAllBytes();
        if (!process.waitFor(90, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            Assertions.fail("Python interop script timed out: " + command);
        }
        String out = new String(stdout, StandardCharsets.UTF_8);
        if (process.exitValue() != 0) {
            Assertions.fail("Python interop script failed with exit " + process.exitValue() + ": " + command
                    + "\nstdout:\n" + out + "\nstderr:\n" + Files.readString(stderr));
        }
        List<JsonNode> lines = new ArrayList<>();
        for (String line : out.split("\n")) {
            if (!line.isBlank()) {
                lines.add(JSON.readTree(line));
            }
        }
        return lines;
    }

    private static List<String> missingPythonPackages() throws IOException, InterruptedException {
        if (!Files.isExecutable(PYTHON)) {
            return List.of("python3");
        }
        Map<String, String> modules = new LinkedHashMap<>();
        modules.put("confluent_kafka", "python3-confluent-kafka");
        modules.put("requests", "python3-requests");
        modules.put("avro", "python3-avro");
        // One interpreter tries every import and prints the modules it could not load.
        String probe = "import importlib\nfor m in " + JSON.writeValueAsString(List.copyOf(modules.keySet()))
                + ":\n    try:\n        importlib.import_module(m)\n    except Exception:\n        print(m)\n";
        Process process = new ProcessBuilder(PYTHON.toString(), "-I", "-c", probe)
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException(PYTHON + " could not run the import probe: " + output);
        }
        List<String> missing = new ArrayList<>();
        for (String line : output.split("\n")) {
            if (modules.containsKey(line.trim())) {
                missing.add(modules.get(line.trim()));
            }
        }
        return missing;
    }
}
