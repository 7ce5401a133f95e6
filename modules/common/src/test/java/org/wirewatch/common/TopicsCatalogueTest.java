package org.wirewatch.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TopicsCatalogueTest {

    @Test
    void shouldMatchOpsTopicsYamlWhenCompared() throws IOException {
        // given the file operators use to create topics by hand
        final JsonNode yaml = new ObjectMapper(new YAMLFactory())
                .readTree(Path.of("../../ops/topics.yaml").toFile());

        // when both are rendered the same way
        final List<String> fromYaml = new ArrayList<>();
        yaml.get("topics")
                .forEach(t -> fromYaml.add(t.get("name").asText() + " "
                        + t.get("partitions").asInt() + " "
                        + t.get("cleanup.policy").asText() + " "
                        + (t.has("retention")
                                ? Duration.parse(t.get("retention").asText()).toMillis()
                                : -1)
                        + " " + t.get("value").asText()));
        final List<String> fromCode = Topics.catalogue().stream()
                .map(t -> t.name() + " " + t.partitions() + " "
                        + t.cleanupPolicy() + " " + t.retentionMs() + " "
                        + (t.valueType() == null ? "bytes" : t.valueType().getSimpleName()))
                .toList();

        // then they agree entry by entry
        assertThat(fromYaml).containsExactlyElementsOf(fromCode);
    }

    @Test
    void shouldFollowTheNamingConventionWhenTopicIsPublic() {
        assertThat(Topics.catalogue())
                .filteredOn(t -> !t.name().startsWith("_"))
                .allSatisfy(t -> assertThat(t.name()).matches("wirewatch\\.[a-z]+(\\.[a-z]+)*\\.v\\d+"));
    }

    @Test
    void shouldNameKnownTopicsWhenAskedForAnUnknownOne() {
        assertThatThrownBy(() -> Topics.spec("wirewatch.nope.v1")).hasMessageContaining(Topics.INCIDENTS);
    }
}
