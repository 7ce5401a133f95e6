package org.wirewatch.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedKafkaIT {

    @TempDir
    Path dir;

    @Test
    void shouldKeepTopicsAndRecordsWhenRestartedOnTheSameDirectory() throws Exception {
        // given a broker that stored two records and a compacted topic
        Path data = dir.resolve("kafka");
        String clusterId;
        try (EmbeddedKafka kafka = EmbeddedKafka.builder().dataDir(data).start()) {
            clusterId = kafka.clusterId();
            try (Admin admin = admin(kafka)) {
                admin.createTopics(List.of(
                                new NewTopic("restart.events.v1", 2, (short) 1),
                                new NewTopic("restart.state.v1", 1, (short) 1)
                                        .configs(Map.of("cleanup.policy", "compact"))))
                        .all()
                        .get();
            }
            try (KafkaProducer<String, String> producer = producer(kafka)) {
                producer.send(new ProducerRecord<>("restart.events.v1", "k1", "first"))
                        .get();
                producer.send(new ProducerRecord<>("restart.events.v1", "k2", "second"))
                        .get();
            }
        }

        // when it starts again on the same directory
        try (EmbeddedKafka kafka = EmbeddedKafka.builder().dataDir(data).start()) {
            // then the cluster, the topics and the records are still there
            assertThat(kafka.clusterId()).isEqualTo(clusterId);
            try (Admin admin = admin(kafka)) {
                assertThat(admin.listTopics().names().get()).contains("restart.events.v1", "restart.state.v1");
                assertThat(admin.describeTopics(Set.of("restart.events.v1"))
                                .allTopicNames()
                                .get()
                                .get("restart.events.v1")
                                .partitions())
                        .hasSize(2);
            }
            assertThat(readAll(kafka, "restart.events.v1", 2)).containsExactlyInAnyOrder("first", "second");
        }
    }

    @Test
    void shouldCommitTransactionsWhenRunningOnOneNode() throws Exception {
        // given one node with the exactly-once defaults
        try (EmbeddedKafka kafka =
                        EmbeddedKafka.builder().dataDir(dir.resolve("tx")).start();
                Admin admin = admin(kafka)) {
            admin.createTopics(List.of(new NewTopic("tx.out.v1", 1, (short) 1)))
                    .all()
                    .get();

            // when a transactional producer commits one transaction and aborts another
            Map<String, Object> conf = Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                    kafka.bootstrapServers(),
                    ProducerConfig.TRANSACTIONAL_ID_CONFIG,
                    "tx-it",
                    ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                    StringSerializer.class,
                    ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                    StringSerializer.class);
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(conf)) {
                producer.initTransactions();
                producer.beginTransaction();
                producer.send(new ProducerRecord<>("tx.out.v1", "k", "committed"));
                producer.commitTransaction();
                producer.beginTransaction();
                producer.send(new ProducerRecord<>("tx.out.v1", "k", "aborted"));
                producer.abortTransaction();
                producer.beginTransaction();
                producer.send(new ProducerRecord<>("tx.out.v1", "k", "committed-again"));
                producer.commitTransaction();
            }

            // then a read_committed consumer sees only the committed records
            assertThat(readAll(kafka, "tx.out.v1", 2)).containsExactly("committed", "committed-again");
        }
    }

    @Test
    void shouldRefuseASecondBrokerAndKeepTheFirstWhenTheDirectoryIsInUse() throws Exception {
        // given a running broker
        Path data = dir.resolve("shared");
        try (EmbeddedKafka first = EmbeddedKafka.builder().dataDir(data).start()) {
            // when a second one is started on its directory
            assertThatThrownBy(() -> EmbeddedKafka.builder().dataDir(data).start())
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("is in use by another embedded broker");

            // then the first one still serves
            try (Admin admin = admin(first)) {
                admin.createTopics(List.of(new NewTopic("shared.after.v1", 1, (short) 1)))
                        .all()
                        .get();
                assertThat(admin.listTopics().names().get()).contains("shared.after.v1");
            }
        }
        // and the directory is free again once the first one is closed
        try (EmbeddedKafka again = EmbeddedKafka.builder().dataDir(data).start()) {
            assertThat(again.dataDir()).isEqualTo(data);
        }
    }

    @Test
    void shouldNameThePortWhenTheRequestedPortIsTaken() throws Exception {
        try (java.net.ServerSocket taken =
                new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName("localhost"))) {
            int port = taken.getLocalPort();
            assertThatThrownBy(() -> EmbeddedKafka.builder()
                            .dataDir(dir.resolve("taken"))
                            .port(port)
                            .start())
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("client port " + port)
                    .hasMessageContaining("in use");
        }
    }

    @Test
    void shouldRefuseToFormatWhenTheDirectoryHoldsSomethingElse() throws Exception {
        // given a directory with foreign content
        Path foreign = Files.createDirectories(dir.resolve("foreign"));
        Files.writeString(foreign.resolve("notes.txt"), "not a Kafka log");

        // when/then
        assertThatThrownBy(() -> EmbeddedKafka.builder().dataDir(foreign).start())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not empty");
        assertThat(foreign.resolve(EmbeddedKafka.META_PROPERTIES)).doesNotExist();
    }

    private static Admin admin(EmbeddedKafka kafka) {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()));
    }

    private static KafkaProducer<String, String> producer(EmbeddedKafka kafka) {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class));
    }

    private static List<String> readAll(EmbeddedKafka kafka, String topic, int expected) {
        Map<String, Object> conf = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                kafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG,
                "it-" + topic,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                "read_committed",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class);
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(conf)) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (values.size() < expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    values.add(r.value());
                }
            }
            // one more poll shows that nothing beyond the expected records is visible
            consumer.poll(Duration.ofMillis(300)).forEach(r -> values.add(r.value()));
        }
        return values;
    }
}
