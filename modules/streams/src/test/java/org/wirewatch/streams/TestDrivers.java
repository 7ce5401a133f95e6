package org.wirewatch.streams;

import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.wirewatch.common.config.CoreConfig;
import org.wirewatch.common.config.Settings;

/**
 * TopologyTestDriver set-up shared by the topology tests: the production Streams properties, a fixed clock and a
 * fresh mock registry scope.
 */
public final class TestDrivers {

    private TestDrivers() {}

    /** Serdes against a registry scope of their own, so tests never see each other's schemas. */
    public static StreamSerdes serdes() {
        return StreamSerdes.forRegistry("mock://" + UUID.randomUUID(), Map.of());
    }

    /**
     * A driver with the production Streams properties ({@link StreamsStageConfig#properties}), error handlers and
     * dead-letter topic included, so the topology tests run under the configuration deployments use.
     */
    public static TopologyTestDriver driver(final Topology topology) {
        final Settings settings = Settings.of(Map.of(
                CoreConfig.BOOTSTRAP_SERVERS,
                "unused:9092",
                StreamsStageConfig.STATE_DIR,
                System.getProperty("java.io.tmpdir") + "/kafka-streams-tests"));
        final Properties p =
                StreamsStageConfig.from(settings).properties(CoreConfig.from(settings), "test-" + UUID.randomUUID());
        return new TopologyTestDriver(topology, p, Instant.parse("2018-11-17T15:00:00Z"));
    }
}
