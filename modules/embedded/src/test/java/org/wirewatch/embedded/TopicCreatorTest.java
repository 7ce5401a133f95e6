package org.wirewatch.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;
import org.wirewatch.common.TopicSpec;
import org.wirewatch.common.Topics;

class TopicCreatorTest {

    private final TopicSpec raw = Topics.spec(Topics.RAW_REPORTS);

    @Test
    void shouldAskForReplicasAndMinInsyncReplicasWhenTheyAreGiven() {
        // when
        NewTopic topic = TopicCreator.newTopic(raw, new TopicCreator.Replication(3, 2));

        // then
        assertThat(topic.replicationFactor()).isEqualTo((short) 3);
        assertThat(topic.numPartitions()).isEqualTo(raw.partitions());
        assertThat(topic.configs())
                .containsEntry("min.insync.replicas", "2")
                .containsEntry("cleanup.policy", raw.cleanupPolicy());
    }

    @Test
    void shouldLeaveReplicationToTheBrokerWhenNothingIsGiven() {
        // when
        NewTopic topic = TopicCreator.newTopic(raw, TopicCreator.Replication.BROKER_DEFAULTS);

        // then the request carries no replication factor (-1) and no min.insync.replicas
        assertThat(topic.replicationFactor()).isEqualTo((short) -1);
        assertThat(topic.configs()).doesNotContainKey("min.insync.replicas");
    }

    @Test
    void shouldRefuseMoreInsyncReplicasThanReplicasWhenBothAreGiven() {
        assertThatThrownBy(() -> new TopicCreator.Replication(2, 3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("exceeds the replication factor");
        assertThatThrownBy(() -> new TopicCreator.Replication(0, -1)).isInstanceOf(IllegalArgumentException.class);
    }
}
