package org.wirewatch.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedKafkaClusterIT {

    private static final String TOPIC = "cluster.events.v1";

    @TempDir
    Path dir;

    @Test
    void shouldKeepEveryAcknowledgedRecordWhenTheLeaderIsStoppedAndRestarted() throws Exception {
        EmbeddedKafkaCluster cluster =
                EmbeddedKafkaCluster.builder().nodes(3).dataDir(dir).start();
        try (EmbeddedKafkaCluster kafka = cluster;
                Admin admin =
                        Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()));
                KafkaProducer<String, String> producer = producer(kafka)) {
            // given a topic on the cluster's defaults: three replicas, two in sync for acks=all
            admin.createTopics(List.of(new NewTopic(TOPIC, Optional.of(1), Optional.empty())))
                    .all()
                    .get();
            TopicCreator.awaitTopics(admin, List.of(TOPIC));
            TopicDescription before = describe(admin);
            assertThat(before.partitions().get(0).replicas()).hasSize(3);
            int leader = before.partitions().get(0).leader().id();
            send(producer, "before", 50);

            // when its leader stops, more is written, and it comes back
            kafka.stop(leader);
            assertThat(kafka.isRunning(leader)).isFalse();
            send(producer, "during", 50);
            TopicDescription during = describe(admin);
            kafka.restart(leader);
            send(producer, "after", 50);
            kafka.awaitInSync(Duration.ofSeconds(60));

            // then another replica led meanwhile, and every record is there once
            assertThat(during.partitions().get(0).leader().id()).isNotEqualTo(leader);
            assertThat(during.partitions().get(0).isr()).hasSize(2);
            assertThat(describe(admin).partitions().get(0).isr()).hasSize(3);
            List<String> values = readAll(kafka);
            assertThat(values).hasSize(150).doesNotHaveDuplicates();
            assertThat(values).startsWith("before-0").endsWith("after-49");
        }

        // and closing stopped every node: none is left behind still listening, waiting for a controller quorum
        assertThat(cluster.nodeIds()).noneMatch(cluster::isRunning);
        for (String server : cluster.bootstrapServers().split(",")) {
            int port = Integer.parseInt(server.substring(server.indexOf(':') + 1));
            try (ServerSocket socket = new ServerSocket()) {
                socket.bind(new InetSocketAddress("localhost", port));
            }
        }
    }

    private static TopicDescription describe(Admin admin) throws Exception {
        return admin.describeTopics(Set.of(TOPIC)).allTopicNames().get().get(TOPIC);
    }

    private static KafkaProducer<String, String> producer(EmbeddedKafkaCluster kafka) {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                kafka.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                true,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                StringSerializer.class));
    }

    private static void send(KafkaProducer<String, String> producer, String prefix, int count) throws Exception {
        for (int i = 0; i < count; i++) {
            producer.send(new ProducerRecord<>(TOPIC, "k", prefix + "-" + i));
        }
        producer.flush();
    }

    private static List<String> readAll(EmbeddedKafkaCluster kafka) {
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class))) {
            TopicPartition p = new TopicPartition(TOPIC, 0);
            consumer.assign(List.of(p));
            consumer.seekToBeginning(List.of(p));
            long end = consumer.endOffsets(List.of(p)).get(p);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (consumer.position(p) < end && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> values.add(r.value()));
            }
        }
        return values;
    }
}
