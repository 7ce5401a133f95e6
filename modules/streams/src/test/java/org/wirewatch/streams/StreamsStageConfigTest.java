package org.wirewatch.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import org.wirewatch.common.config.ConfigException;
import org.wirewatch.common.config.CoreConfig;
import org.wirewatch.common.config.Settings;

class StreamsStageConfigTest {

    @Test
    void shouldReplicateInternalTopicsAsConfiguredWhenOnACluster() {
        // given
        final Settings settings = Settings.of(Map.of(
                CoreConfig.BOOTSTRAP_SERVERS,
                "a:9092,b:9092,c:9092",
                StreamsStageConfig.REPLICATION_FACTOR,
                "3",
                StreamsStageConfig.MIN_INSYNC_REPLICAS,
                "2"));

        // when
        final Properties p = StreamsStageConfig.from(settings).properties(CoreConfig.from(settings), "wirewatch-tally");

        // then
        assertThat(p)
                .containsEntry(StreamsConfig.REPLICATION_FACTOR_CONFIG, 3)
                .containsEntry(StreamsConfig.topicPrefix("min.insync.replicas"), "2");
    }

    @Test
    void shouldLeaveInternalTopicsToTheBrokerDefaultsWhenNothingIsSet() {
        final Settings settings = Settings.of(Map.of(CoreConfig.BOOTSTRAP_SERVERS, "a:9092"));
        final Properties p = StreamsStageConfig.from(settings).properties(CoreConfig.from(settings), "wirewatch-tally");
        assertThat(p)
                .containsEntry(StreamsConfig.REPLICATION_FACTOR_CONFIG, -1)
                .doesNotContainKey(StreamsConfig.topicPrefix("min.insync.replicas"));
    }

    @Test
    void shouldWaitForEveryInsyncReplicaWhenThePassthroughAsksForLess() {
        // given a passthrough that would acknowledge on the leader alone
        final Settings settings = Settings.of(
                Map.of(CoreConfig.BOOTSTRAP_SERVERS, "a:9092", CoreConfig.KAFKA_PREFIX + "producer.acks", "1"));

        // when
        final Properties p = StreamsStageConfig.from(settings).properties(CoreConfig.from(settings), "wirewatch-tally");

        // then
        assertThat(p).containsEntry(StreamsConfig.producerPrefix("acks"), "all");
    }

    @Test
    void shouldNameTheKeyWhenMoreInsyncReplicasThanReplicasAreAskedFor() {
        final Settings settings = Settings.of(Map.of(
                CoreConfig.BOOTSTRAP_SERVERS,
                "a:9092",
                StreamsStageConfig.REPLICATION_FACTOR,
                "2",
                StreamsStageConfig.MIN_INSYNC_REPLICAS,
                "3"));
        assertThatThrownBy(() -> StreamsStageConfig.from(settings))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(StreamsStageConfig.MIN_INSYNC_REPLICAS);
    }
}
