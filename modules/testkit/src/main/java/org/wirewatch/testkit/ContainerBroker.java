package org.wirewatch.testkit;

import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;

/**
 * Kafka in a container (the {@code apache/kafka} image) with the same single-node settings as the embedded
 * broker. Only loaded when {@code wirewatch.it.broker=testcontainers}, so the embedded path never touches Docker.
 */
final class ContainerBroker extends AbstractBroker {

    /** System property overriding the image, for example {@code apache/kafka:4.3.1}. */
    static final String IMAGE_PROPERTY = "wirewatch.it.kafka-image";

    static final String DEFAULT_IMAGE = "apache/kafka:4.3.1";

    private final KafkaContainer container;

    private ContainerBroker(KafkaContainer container) {
        this.container = container;
    }

    static ContainerBroker start() {
        return start(() -> DockerClientFactory.instance().isDockerAvailable());
    }

    static ContainerBroker start(BooleanSupplier dockerAvailable) {
        if (!dockerAvailable.getAsBoolean()) {
            throw new ExtensionConfigurationException(BrokerKind.PROPERTY + "=testcontainers was requested but no"
                    + " Docker engine is reachable. Start Docker (or set DOCKER_HOST), or run the integration tests"
                    + " on the embedded broker with -D" + BrokerKind.PROPERTY + "=embedded.");
        }
        KafkaContainer container = new KafkaContainer(System.getProperty(IMAGE_PROPERTY, DEFAULT_IMAGE))
                .withEnv("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR", "1")
                .withEnv("KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR", "1")
                .withEnv("KAFKA_TRANSACTION_STATE_LOG_MIN_ISR", "1")
                .withEnv("KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS", "0")
                .withEnv("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false");
        container.start();
        return new ContainerBroker(container);
    }

    @Override
    public String bootstrapServers() {
        return container.getBootstrapServers();
    }

    @Override
    public BrokerKind kind() {
        return BrokerKind.TESTCONTAINERS;
    }

    @Override
    protected void stop() {
        container.stop();
    }
}
