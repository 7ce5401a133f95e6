package org.wirewatch.testkit;

import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.wirewatch.common.Topics;
import org.wirewatch.embedded.TopicCreator;

/**
 * A running Kafka broker shared by the tests of one class, injected by {@link KafkaBrokerExtension}
 * (through {@link WithKafka}) into fields, constructors and test or lifecycle method parameters.
 *
 * <p>Tests of one class share the broker, so each test should use its own topics and consumer groups
 * ({@link #uniqueName(String)} helps).
 */
public interface KafkaBroker {

    /** @return the value for {@code bootstrap.servers}. */
    String bootstrapServers();

    /** @return which kind of broker runs behind this handle. */
    BrokerKind kind();

    /** @return an admin client connected to the broker, closed with it; do not close it yourself. */
    Admin admin();

    /** Creates topics that do not exist yet and waits until they are ready. Existing topics are left alone. */
    void createTopics(NewTopic... topics);

    /** Creates single-partition topics that do not exist yet, with the broker's defaults. */
    default void createTopics(String... names) {
        NewTopic[] topics = new NewTopic[names.length];
        for (int i = 0; i < names.length; i++) {
            topics[i] = new NewTopic(names[i], 1, (short) 1);
        }
        createTopics(topics);
    }

    /** Creates a topic with the given partition count if it does not exist yet. */
    default void createTopic(String name, int partitions) {
        createTopics(new NewTopic(name, partitions, (short) 1));
    }

    /**
     * Creates every topic of the Wirewatch catalogue ({@code Topics.catalogue()}) that is missing, with its
     * partitions, cleanup policy and retention, as {@code wirewatch run} does.
     */
    default void createCatalogueTopics() {
        TopicCreator.createMissing(admin(), Topics.catalogue());
    }

    /** @return {@code base} with a counter suffix that no other call on this broker returned. */
    String uniqueName(String base);

    /** @return client settings with {@code bootstrap.servers}: a start for producer, consumer or Streams configs. */
    default Map<String, Object> clientConfig() {
        return Map.of("bootstrap.servers", bootstrapServers());
    }
}
