package org.wirewatch.streams.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wirewatch.common.config.CoreConfig;
import org.wirewatch.common.config.Settings;
import org.wirewatch.schema.CasualtyTally;
import org.wirewatch.streams.StreamSerdes;
import org.wirewatch.streams.StreamsStage;
import org.wirewatch.streams.StreamsStageConfig;
import org.wirewatch.testkit.KafkaBroker;

/**
 * The Streams stage running some topologies on the test broker, against a mock registry of its own, for the
 * replay ITs: started and ready on construction, drained into the final tallies, closed after the test.
 */
final class RunningStage implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RunningStage.class);

    private final KafkaBroker kafka;
    private final StreamSerdes serdes;
    private final StreamsStage stage;

    RunningStage(final KafkaBroker kafka, final String name, final String topologies) {
        this(
                kafka,
                kafka.uniqueName(name),
                "mock://" + UUID.randomUUID(),
                Path.of(System.getProperty("java.io.tmpdir"), name + "-" + UUID.randomUUID()),
                topologies,
                null);
    }

    /**
     * Some topologies under a given application id prefix, registry and state folder, so that several stages (one
     * normalize after another, with other rules) make one pipeline; {@code extractor} null for the real rules.
     */
    RunningStage(
            final KafkaBroker kafka,
            final String applicationId,
            final String registry,
            final Path dataDir,
            final String topologies,
            final java.util.function.Function<org.wirewatch.schema.WireReport, org.wirewatch.schema.ReportExtraction>
                    extractor) {
        this.kafka = kafka;
        final Settings settings = Settings.of(Map.of(
                CoreConfig.BOOTSTRAP_SERVERS, kafka.bootstrapServers(),
                CoreConfig.SCHEMA_REGISTRY_URL, registry,
                CoreConfig.DATA_DIR, dataDir.toString(),
                CoreConfig.APPLICATION_ID, applicationId,
                StreamsStageConfig.TOPOLOGIES, topologies));
        this.serdes = StreamSerdes.forRegistry(registry, Map.of());
        this.stage = extractor == null
                ? new StreamsStage(
                        CoreConfig.from(settings), StreamsStageConfig.from(settings), e -> LOG.error("fatal", e))
                : new StreamsStage(
                        CoreConfig.from(settings),
                        StreamsStageConfig.from(settings),
                        e -> LOG.error("fatal", e),
                        () -> extractor);
        stage.start();
        await().atMost(60, TimeUnit.SECONDS).until(stage::ready);
    }

    StreamSerdes serdes() {
        return serdes;
    }

    StreamsStage stage() {
        return stage;
    }

    /** Waits until every topology has consumed everything, then reads the tallies topic as a table. */
    TreeMap<String, CasualtyTally> drainedTallies() {
        try {
            assertThat(Replay.awaitCaughtUp(
                            kafka.admin(),
                            Map.of(),
                            kafka.bootstrapServers(),
                            stage.sourceTopicsByGroup(),
                            Duration.ofSeconds(90)))
                    .as("pipeline caught up")
                    .isTrue();
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while draining", e);
        }
        return Replay.readTallies(Map.of(), kafka.bootstrapServers(), serdes.tally());
    }

    @Override
    public void close() {
        stage.close();
    }
}
