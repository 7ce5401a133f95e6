package org.wirewatch.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.avro.Schema;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.wirewatch.schema.Actor;
import org.wirewatch.schema.PubStatus;
import org.wirewatch.schema.ReportFormat;
import org.wirewatch.schema.WireReport;
import org.wirewatch.serde.AvroDeserializer;
import org.wirewatch.serde.AvroSerdeConfig;
import org.wirewatch.serde.AvroSerializer;
import org.wirewatch.serde.RestSchemaRegistryClient;
import org.wirewatch.serde.SchemaMetadata;
import org.wirewatch.serde.SchemaRegistryException;
import org.wirewatch.testkit.KafkaBroker;
import org.wirewatch.testkit.WithKafka;

@WithKafka
class SchemaRegistryServerIT {

    private static final String ACTOR_V2 =
            "{\"type\":\"record\",\"name\":\"Actor\",\"namespace\":\"org.wirewatch.schema\","
                    + "\"fields\":[{\"name\":\"name\",\"type\":\"string\"},"
                    + "{\"name\":\"qualifier\",\"type\":[\"null\",\"string\"],\"default\":null},"
                    + "{\"name\":\"side\",\"type\":[\"null\",\"string\"],\"default\":null}]}";

    KafkaBroker kafka;

    @Test
    void shouldAnswerRestClientWhenServingFromAFreshTopic() throws Exception {
        // given
        String topic = kafka.uniqueName("_schemas");
        try (SchemaRegistryServer server = new SchemaRegistryServer(kafka.bootstrapServers(), 0, topic)) {
            server.start();
            RestSchemaRegistryClient client = RestSchemaRegistryClient.of(server.url(), Map.of());

            // when
            int id = client.register("wirewatch.reports.raw.v1-value", WireReport.getClassSchema());
            int actorId = client.register("actors-value", Actor.getClassSchema());

            // then
            assertThat(server.ready()).isTrue();
            assertThat(server.port()).isPositive();
            assertThat(RestSchemaRegistryClient.of(server.url(), Map.of()).getById(id))
                    .isEqualTo(WireReport.getClassSchema());
            assertThat(client.latest("wirewatch.reports.raw.v1-value"))
                    .isEqualTo(
                            new SchemaMetadata("wirewatch.reports.raw.v1-value", id, 1, WireReport.getClassSchema()));
            assertThat(client.lookup("actors-value", Actor.getClassSchema()))
                    .map(SchemaMetadata::id)
                    .contains(actorId);
            assertThat(client.testCompatibility("actors-value", new Schema.Parser().parse(ACTOR_V2)))
                    .isTrue();
            assertThat(client.subjects()).containsExactly("actors-value", "wirewatch.reports.raw.v1-value");
            assertThat(List.of(id, actorId)).containsExactly(1, 2);
            TopicDescription description = kafka.admin()
                    .describeTopics(List.of(topic))
                    .allTopicNames()
                    .get()
                    .get(topic);
            assertThat(description.partitions()).hasSize(1);
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
            Config config =
                    kafka.admin().describeConfigs(List.of(resource)).all().get().get(resource);
            assertThat(config.get("cleanup.policy").value()).isEqualTo("compact");
        }
    }

    @Test
    void shouldKeepIdsVersionsAndConfigWhenRestartedOnTheSameTopic() throws Exception {
        // given
        String topic = kafka.uniqueName("_schemas");
        Schema actorV2 = new Schema.Parser().parse(ACTOR_V2);
        int reportId;
        int actorId;
        int actorV2Id;
        try (SchemaRegistryServer first = new SchemaRegistryServer(kafka.bootstrapServers(), 0, topic)) {
            first.start();
            RestSchemaRegistryClient client = RestSchemaRegistryClient.of(first.url(), Map.of());
            reportId = client.register("raw-value", WireReport.getClassSchema());
            actorId = client.register("actors-value", Actor.getClassSchema());
            actorV2Id = client.register("actors-value", actorV2);
            putConfig(first.url(), "actors-value", "FULL");
        }

        // when
        try (SchemaRegistryServer second = new SchemaRegistryServer(kafka.bootstrapServers(), 0, topic)) {
            second.start();
            RestSchemaRegistryClient client = RestSchemaRegistryClient.of(second.url(), Map.of());

            // then
            assertThat(client.getById(reportId)).isEqualTo(WireReport.getClassSchema());
            assertThat(client.getById(actorId)).isEqualTo(Actor.getClassSchema());
            assertThat(client.versions("actors-value")).containsExactly(1, 2);
            assertThat(client.latest("actors-value").id()).isEqualTo(actorV2Id);
            assertThat(client.register("actors-value", actorV2)).isEqualTo(actorV2Id);
            assertThat(getJson(second.url() + "/config/actors-value")).contains("\"compatibilityLevel\":\"FULL\"");
            Schema tally = org.wirewatch.schema.CasualtyTally.getClassSchema();
            assertThat(client.register("tallies-value", tally)).isEqualTo(Math.max(reportId, actorV2Id) + 1);
        }
    }

    @Test
    void shouldGiveEachSchemaItsOwnIdWhenRegisteredConcurrently() throws Exception {
        // given
        String topic = kafka.uniqueName("_schemas");
        try (SchemaRegistryServer server = new SchemaRegistryServer(kafka.bootstrapServers(), 0, topic)) {
            server.start();
            ExecutorService pool = Executors.newFixedThreadPool(4);
            List<Callable<Integer>> registrations = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                Schema schema = new Schema.Parser()
                        .parse("{\"type\":\"record\",\"name\":\"R" + i
                                + "\",\"fields\":[{\"name\":\"a\",\"type\":\"int\"}]}");
                String subject = "s" + i + "-value";
                registrations.add(() ->
                        RestSchemaRegistryClient.of(server.url(), Map.of()).register(subject, schema));
            }

            // when
            List<Integer> ids = new ArrayList<>();
            for (Future<Integer> id : pool.invokeAll(registrations)) {
                ids.add(id.get());
            }
            pool.shutdown();

            // then
            assertThat(ids).containsExactlyInAnyOrder(1, 2, 3, 4, 5, 6, 7, 8);
        }
    }

    @Test
    void shouldCarryRecordsThroughKafkaWhenSerdesAreConfiguredWithTheServerUrl() throws Exception {
        // given
        String registryTopic = kafka.uniqueName("_schemas");
        String topic = kafka.uniqueName("wirewatch.reports.raw.v1");
        kafka.createTopics(topic);
        try (SchemaRegistryServer server = new SchemaRegistryServer(kafka.bootstrapServers(), 0, registryTopic)) {
            server.start();
            Map<String, Object> producerConfig = new HashMap<>(kafka.clientConfig());
            producerConfig.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            producerConfig.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, AvroSerializer.class.getName());
            producerConfig.put(AvroSerdeConfig.SCHEMA_REGISTRY_URL, server.url());
            WireReport report = report();

            // when
            try (KafkaProducer<String, WireReport> producer = new KafkaProducer<>(producerConfig)) {
                producer.send(new ProducerRecord<>(topic, report.getUri(), report))
                        .get();
                producer.send(new ProducerRecord<>(topic, report.getUri(), null))
                        .get();
            }

            // then
            Map<String, Object> consumerConfig = new HashMap<>(kafka.clientConfig());
            consumerConfig.put(ConsumerConfig.GROUP_ID_CONFIG, kafka.uniqueName("reader"));
            consumerConfig.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
            consumerConfig.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
            consumerConfig.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, AvroDeserializer.class.getName());
            consumerConfig.put(AvroSerdeConfig.SCHEMA_REGISTRY_URL, server.url());
            consumerConfig.put(AvroSerdeConfig.SPECIFIC_AVRO_VALUE_TYPE, WireReport.class.getName());
            List<ConsumerRecord<String, WireReport>> records = new ArrayList<>();
            try (KafkaConsumer<String, WireReport> consumer = new KafkaConsumer<>(consumerConfig)) {
                consumer.subscribe(List.of(topic));
                await().atMost(Duration.ofSeconds(30)).until(() -> {
                    consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                    return records.size() >= 2;
                });
            }
            assertThat(records.get(0).value()).usingRecursiveComparison().isEqualTo(report);
            assertThat(records.get(1).value()).isNull();
            assertThat(RestSchemaRegistryClient.of(server.url(), Map.of()).subjects())
                    .containsExactly(topic + "-value");
        }
    }

    @Test
    void shouldStopAnsweringWhenClosed() throws Exception {
        // given
        SchemaRegistryServer server =
                new SchemaRegistryServer(kafka.bootstrapServers(), 0, kafka.uniqueName("_schemas"));
        server.start();
        String url = server.url();

        // when
        server.close();
        server.close();

        // then
        assertThat(server.ready()).isFalse();
        assertThatThrownBy(() -> RestSchemaRegistryClient.of(url, Map.of()).subjects())
                .isInstanceOf(SchemaRegistryException.class)
                .hasMessageContaining(url);
    }

    @Test
    void shouldNameTheClusterWhenKafkaCannotBeReached() throws Exception {
        // given a bootstrap address nothing listens on
        int closedPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        SchemaRegistryServer server = new SchemaRegistryServer(
                null,
                0,
                "_schemas",
                Map.of("bootstrap.servers", "localhost:" + closedPort),
                Duration.ofSeconds(1),
                Duration.ofSeconds(2));

        // when / then
        assertThatThrownBy(server::start)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("localhost:" + closedPort)
                .hasMessageContaining("_schemas");
        assertThat(server.ready()).isFalse();
    }

    static WireReport report() {
        return WireReport.newBuilder()
                .setUri("urn:newsml:afp.com:20181117:abuhusn")
                .setVersion(1)
                .setPubStatus(PubStatus.USABLE)
                .setFirstCreated(java.time.Instant.parse("2018-11-17T10:15:00Z"))
                .setHeadline("US-led strikes kill 43 in east Syria: monitor")
                .setBody("US-led coalition air strikes Saturday killed 43 people, mostly civilians.")
                .setFormat(ReportFormat.values()[0])
                .build();
    }

    private static void putConfig(String url, String subject, String level) throws Exception {
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(url + "/config/" + subject))
                .header("Content-Type", "application/vnd.schemaregistry.v1+json")
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString("{\"compatibility\":\"" + level + "\"}"))
                .build();
        var response = java.net.http.HttpClient.newHttpClient()
                .send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    private static String getJson(String url) throws Exception {
        var response = java.net.http.HttpClient.newHttpClient()
                .send(
                        java.net.http.HttpRequest.newBuilder(java.net.URI.create(url))
                                .build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body();
    }
}
