package org.wirewatch.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.kafka.streams.Topology;
import org.junit.jupiter.api.Test;
import org.wirewatch.extract.Extractor;
import org.wirewatch.streams.consolidate.ConsolidateTopology;
import org.wirewatch.streams.normalize.NormalizeTopology;
import org.wirewatch.streams.tally.TallyTopology;

/**
 * Golden describe() of each topology: renaming a store, repartition topic or processor changes changelog and
 * internal topic names and breaks upgrades, so such a change must show up here and be deliberate. To accept a
 * change, run with {@code -Dwirewatch.golden.update=true} and review the diff.
 */
class TopologyDescriptionTest {

    private final StreamSerdes serdes = TestDrivers.serdes();

    @Test
    void shouldMatchGoldenDescriptionWhenNormalizeTopologyIsBuilt() throws IOException {
        check("normalize-topology.txt", NormalizeTopology.build(serdes, Extractor.create()));
    }

    @Test
    void shouldMatchGoldenDescriptionWhenConsolidateTopologyIsBuilt() throws IOException {
        check("consolidate-topology.txt", ConsolidateTopology.build(serdes, 90));
    }

    @Test
    void shouldMatchGoldenDescriptionWhenTallyTopologyIsBuilt() throws IOException {
        check("tally-topology.txt", TallyTopology.build(serdes));
    }

    private static void check(final String golden, final Topology topology) throws IOException {
        final String actual = topology.describe().toString();
        if (Boolean.getBoolean("wirewatch.golden.update")) {
            Files.writeString(Path.of("src/test/resources", golden), actual, StandardCharsets.UTF_8);
        }
        try (InputStream in = TopologyDescriptionTest.class.getResourceAsStream("/" + golden)) {
            assertThat(in).as("golden file %s", golden).isNotNull();
            assertThat(actual).isEqualTo(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }
}
