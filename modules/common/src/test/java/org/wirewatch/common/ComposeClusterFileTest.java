package org.wirewatch.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * docker-compose.cluster.yml, the three-broker override of docker-compose.yml, read as Compose reads YAML (anchors and
 * merge keys resolved): three KRaft nodes that agree on their quorum, replication 3 and min.insync.replicas 2
 * everywhere, and every stage of the base file given all three brokers and nothing else changed. No Docker engine is
 * needed, so it runs wherever the build does.
 */
class ComposeClusterFileTest {

    private static final String BROKERS = "kafka:9092,kafka-2:9092,kafka-3:9092";

    private final Map<String, Map<String, Object>> base = services("../../docker-compose.yml");
    private final Map<String, Map<String, Object>> cluster = services("../../docker-compose.cluster.yml");

    @Test
    void shouldDefineThreeNodesOfOneQuorumWhenTheClusterFileIsApplied() {
        // when the cluster's brokers are read, node 1 being the base file's broker with the override's settings
        final List<Map<String, String>> nodes =
                List.of(merged("kafka"), environment(cluster.get("kafka-2")), environment(cluster.get("kafka-3")));

        // then they are nodes 1 to 3 of one cluster and one quorum, each advertising its own host
        assertThat(nodes).extracting(n -> n.get("KAFKA_NODE_ID")).containsExactly("1", "2", "3");
        assertThat(nodes)
                .extracting(n -> n.get("CLUSTER_ID"))
                .containsOnly(environment(base.get("kafka")).get("CLUSTER_ID"));
        assertThat(nodes)
                .extracting(n -> n.get("KAFKA_CONTROLLER_QUORUM_VOTERS"))
                .containsOnly("1@kafka:9093,2@kafka-2:9093,3@kafka-3:9093");
        assertThat(nodes)
                .extracting(n -> n.get("KAFKA_ADVERTISED_LISTENERS").split(",")[0])
                .containsExactly("PLAINTEXT://kafka:9092", "PLAINTEXT://kafka-2:9092", "PLAINTEXT://kafka-3:9092");
        for (final Map<String, String> node : nodes) {
            assertThat(node)
                    .containsEntry("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR", "3")
                    .containsEntry("KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR", "3")
                    .containsEntry("KAFKA_TRANSACTION_STATE_LOG_MIN_ISR", "2")
                    .containsEntry("KAFKA_SHARE_COORDINATOR_STATE_TOPIC_REPLICATION_FACTOR", "3")
                    .containsEntry("KAFKA_SHARE_COORDINATOR_STATE_TOPIC_MIN_ISR", "2")
                    .containsEntry("KAFKA_DEFAULT_REPLICATION_FACTOR", "3")
                    .containsEntry("KAFKA_MIN_INSYNC_REPLICAS", "2");
        }
    }

    @Test
    void shouldReplicateEveryWirewatchTopicWhenTheClusterFileIsApplied() {
        assertThat(merged("topic-init"))
                .containsEntry("BOOTSTRAP_SERVERS", BROKERS)
                .containsEntry("REPLICATION_FACTOR", "3")
                .containsEntry("MIN_INSYNC_REPLICAS", "2");
        assertThat(merged("schema-registry").get("SCHEMA_REGISTRY_KAFKASTORE_BOOTSTRAP_SERVERS"))
                .isEqualTo("PLAINTEXT://kafka:9092,PLAINTEXT://kafka-2:9092,PLAINTEXT://kafka-3:9092");
    }

    @Test
    void shouldGiveEveryStageTheThreeBrokersAndChangeNothingElseWhenTheClusterFileIsApplied() {
        // given the stages of the base file: the services running the Wirewatch image
        final List<String> stages = base.entrySet().stream()
                .filter(e -> String.valueOf(e.getValue().get("image")).startsWith("wirewatch/"))
                .map(Map.Entry::getKey)
                .sorted()
                .toList();
        assertThat(stages).contains("ingest", "normalize", "consolidate", "tally", "alerts", "feed", "sink");

        for (final String stage : stages) {
            // then each is overridden with the base command, the single broker replaced by the three
            assertThat(cluster).as("services of the cluster file").containsKey(stage);
            final List<String> expected = command(base.get(stage)).stream()
                    .map(a -> a.equals("kafka:9092") ? BROKERS : a)
                    .toList();
            assertThat(command(cluster.get(stage))).as("command of %s", stage).isEqualTo(expected);
            assertThat(merged(stage))
                    .as("environment of %s", stage)
                    .containsEntry("WIREWATCH_STREAMS_REPLICATION_FACTOR", "3")
                    .containsEntry("WIREWATCH_STREAMS_MIN_INSYNC_REPLICAS", "2");
        }
    }

    /** The environment of a service as Compose merges it: the base file's, then the override's by name. */
    private Map<String, String> merged(final String service) {
        final Map<String, String> env = new java.util.LinkedHashMap<>(environment(base.get(service)));
        env.putAll(environment(cluster.get(service)));
        return env;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> environment(final Map<String, Object> service) {
        assertThat(service).as("service").isNotNull();
        final Object env = service.getOrDefault("environment", Map.of());
        return ((Map<String, Object>) env)
                .entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> String.valueOf(e.getValue())));
    }

    @SuppressWarnings("unchecked")
    private static List<String> command(final Map<String, Object> service) {
        return new ArrayList<>((List<String>) service.get("command"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> services(final String file) {
        try {
            final Map<String, Object> compose = new Yaml().load(Files.readString(Path.of(file)));
            return (Map<String, Map<String, Object>>) compose.get("services");
        } catch (final IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
