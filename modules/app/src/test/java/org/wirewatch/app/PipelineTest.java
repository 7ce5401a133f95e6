package org.wirewatch.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.wirewatch.common.Stage;
import org.wirewatch.common.config.ConfigException;
import org.wirewatch.common.config.CoreConfig;
import org.wirewatch.common.config.Settings;

/** Stage ordering and error handling of {@link Pipeline}, against a configured cluster so no broker starts. */
class PipelineTest {

    private static final Settings CLUSTER = Settings.of(Map.of(
            CoreConfig.BOOTSTRAP_SERVERS, "localhost:1",
            CoreConfig.SCHEMA_REGISTRY_URL, "mock://pipeline-test",
            Pipeline.CREATE_TOPICS, "false",
            Pipeline.ABORT_HANGING_TRANSACTIONS, "false",
            Pipeline.SHUTDOWN_TIMEOUT, "5s"));

    private final List<String> events = java.util.Collections.synchronizedList(new ArrayList<>());

    @Test
    void shouldStartStagesInOrderAndCloseThemInReverseWhenClosed() {
        // given
        Pipeline pipeline = Pipeline.start(CLUSTER, List.of(c -> new Recording("a"), c -> new Recording("b")));

        // when
        pipeline.close();
        pipeline.close();

        // then
        assertThat(events).containsExactly("start a", "start b", "close b", "close a");
        assertThat(pipeline.broker()).isEmpty();
        assertThat(pipeline.core().bootstrapServers()).contains("localhost:1");
    }

    @Test
    void shouldHandStagesTheClusterSettingsWhenBuildingThem() {
        List<StageContext> seen = new ArrayList<>();
        try (Pipeline pipeline = Pipeline.start(CLUSTER, List.of(c -> {
            seen.add(c);
            return new Recording("a");
        }))) {
            assertThat(seen).singleElement().satisfies(c -> {
                assertThat(c.bootstrapServers()).isEqualTo("localhost:1");
                assertThat(c.schemaRegistryUrl()).isEqualTo("mock://pipeline-test");
            });
            assertThat(pipeline.ready()).isTrue();
        }
    }

    @Test
    void shouldReportEveryStageProblemAndStartNothingWhenStagesAreMisconfigured() {
        // given two stages with invalid settings and one valid
        List<StageFactory> factories = List.of(
                c -> new Recording("ok"),
                c -> {
                    throw new ConfigException(List.of("wirewatch.one.key: bad"));
                },
                c -> {
                    throw new ConfigException(List.of("wirewatch.two.key: bad", "wirewatch.two.other: bad"));
                });

        // when/then
        assertThatThrownBy(() -> Pipeline.start(CLUSTER, factories))
                .isInstanceOfSatisfying(
                        ConfigException.class,
                        e -> assertThat(e.problems())
                                .containsExactly(
                                        "wirewatch.one.key: bad",
                                        "wirewatch.two.key: bad",
                                        "wirewatch.two.other: bad"));
        assertThat(events).containsExactly("close ok");
    }

    @Test
    void shouldCloseWhatStartedWhenALaterStageFailsToStart() {
        // given
        List<StageFactory> factories =
                List.of(c -> new Recording("a"), c -> new Recording("broken"), c -> new Recording("c"));

        // when/then
        assertThatThrownBy(() -> Pipeline.start(CLUSTER, factories))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Stage broken failed to start");
        assertThat(events).containsExactly("start a", "start broken", "close broken", "close c", "close a");
    }

    @Test
    void shouldReturnFromCloseWhenAStageHangsPastTheShutdownTimeout() {
        // given a stage whose close never returns
        CountDownLatch never = new CountDownLatch(1);
        Settings quick = CLUSTER.with(Map.of(Pipeline.SHUTDOWN_TIMEOUT, "200ms"));
        Pipeline pipeline = Pipeline.start(quick, List.of(c -> new Recording("a"), c -> new Recording("stuck") {
            @Override
            public void close() {
                super.close();
                try {
                    never.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }));

        // when/then close gives up on it instead of blocking the shutdown
        assertTimeoutPreemptively(Duration.ofSeconds(20), pipeline::close);
        assertThat(events).contains("close stuck").doesNotContain("close a");
        never.countDown();
    }

    @Test
    void shouldNameEveryInvalidCoreSettingWhenStarting() {
        Settings bad = Settings.of(Map.of(
                CoreConfig.BOOTSTRAP_SERVERS, "no-port",
                Pipeline.SHUTDOWN_TIMEOUT, "later"));
        assertThatThrownBy(() -> Pipeline.start(bad, List.of()))
                .isInstanceOfSatisfying(
                        ConfigException.class,
                        e -> assertThat(e.problems())
                                .anySatisfy(p -> assertThat(p).startsWith(CoreConfig.BOOTSTRAP_SERVERS))
                                .anySatisfy(p -> assertThat(p).startsWith(Pipeline.SHUTDOWN_TIMEOUT)));
    }

    @Test
    void shouldRefuseMoreInsyncReplicasThanReplicasWhenTopicReplicationIsConfigured() {
        Settings bad = CLUSTER.with(Map.of(
                Pipeline.TOPICS_REPLICATION_FACTOR, "2",
                Pipeline.TOPICS_MIN_INSYNC_REPLICAS, "3"));
        assertThatThrownBy(() -> Pipeline.start(bad, List.of()))
                .isInstanceOfSatisfying(
                        ConfigException.class,
                        e -> assertThat(e.problems())
                                .singleElement()
                                .asString()
                                .startsWith(Pipeline.TOPICS_MIN_INSYNC_REPLICAS)
                                .contains("exceeds"));
    }

    @Test
    void shouldReadTheTopicReplicationWhenBothAreGiven() {
        Settings.Reader reader = Settings.of(Map.of(
                        Pipeline.TOPICS_REPLICATION_FACTOR, "3",
                        Pipeline.TOPICS_MIN_INSYNC_REPLICAS, "2"))
                .reader();
        assertThat(Pipeline.topicReplication(reader))
                .isEqualTo(new org.wirewatch.embedded.TopicCreator.Replication(3, 2));
        assertThat(reader.problems()).isEmpty();
    }

    private class Recording implements Stage {
        private final String name;

        Recording(String name) {
            this.name = name;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public void start() {
            events.add("start " + name);
            if (name.equals("broken")) {
                throw new IllegalStateException("cannot bind");
            }
        }

        @Override
        public void close() {
            events.add("close " + name);
        }
    }
}
