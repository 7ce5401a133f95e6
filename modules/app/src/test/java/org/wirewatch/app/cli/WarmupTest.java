package org.wirewatch.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wirewatch.serde.SchemaRegistryClient;
import org.wirewatch.serde.SchemaRegistryClients;
import org.wirewatch.streams.StreamsStageConfig.Part;

class WarmupTest {

    @TempDir
    Path dir;

    @Test
    void shouldRegisterTheInternalSubjectsOfTheTopologiesWhenWarmingUp() {
        // given an empty registry
        final String registry = "mock://warmup-test-" + System.nanoTime();

        // when the topologies of normalize, consolidate and tally are warmed up under the application ids "ww-<part>"
        final int registered = Warmup.runTopologies(EnumSet.allOf(Part.class), p -> "ww-" + p.id(), dir, registry);

        // then the repartition and changelog subjects their first records would register are already there
        try (SchemaRegistryClient client = SchemaRegistryClients.forUrl(registry, Map.of())) {
            final List<String> subjects = client.subjects();
            assertThat(subjects).hasSize(registered);
            assertThat(subjects).anyMatch(s -> s.startsWith("ww-consolidate-") && s.endsWith("-repartition-value"));
            assertThat(subjects).anyMatch(s -> s.startsWith("ww-consolidate-") && s.endsWith("-changelog-value"));
            assertThat(subjects).anyMatch(s -> s.startsWith("ww-tally-"));
            assertThat(subjects).allMatch(s -> s.startsWith("ww-"));
        }
        // and the temporary state is gone
        assertThat(dir.toFile().list()).isEmpty();
    }

    @Test
    void shouldParseAndExtractEverySampleAtLeastOnceWhenExercising() {
        assertThat(Warmup.exercise(Duration.ofMillis(1)))
                .isGreaterThanOrEqualTo(DemoCommand.sampleNames().size());
    }
}
