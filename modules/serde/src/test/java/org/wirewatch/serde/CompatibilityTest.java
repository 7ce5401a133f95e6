package org.wirewatch.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

class CompatibilityTest {

    private static final Schema V1 = schema("{\"name\":\"a\",\"type\":\"string\"}");
    private static final Schema V2_OPTIONAL_ADDED = schema(
            "{\"name\":\"a\",\"type\":\"string\"}," + "{\"name\":\"b\",\"type\":[\"null\",\"int\"],\"default\":null}");
    private static final Schema V2_REQUIRED_ADDED =
            schema("{\"name\":\"a\",\"type\":\"string\"}," + "{\"name\":\"b\",\"type\":\"int\"}");
    private static final Schema V3_A_REMOVED = schema("{\"name\":\"b\",\"type\":[\"null\",\"int\"],\"default\":null}");

    @Test
    void shouldAcceptOptionalFieldWhenBackward() {
        assertThat(Compatibility.BACKWARD.incompatibilities(V2_OPTIONAL_ADDED, List.of(V1)))
                .isEmpty();
        assertThat(Compatibility.FULL.incompatibilities(V2_OPTIONAL_ADDED, List.of(V1)))
                .isEmpty();
    }

    @Test
    void shouldNameTheFieldWhenRequiredFieldBreaksBackward() {
        assertThat(Compatibility.BACKWARD.incompatibilities(V2_REQUIRED_ADDED, List.of(V1)))
                .singleElement()
                .asString()
                .contains("READER_FIELD_MISSING_DEFAULT_VALUE")
                .contains("b");
        assertThat(Compatibility.FORWARD.incompatibilities(V2_REQUIRED_ADDED, List.of(V1)))
                .isEmpty();
        assertThat(Compatibility.NONE.incompatibilities(V2_REQUIRED_ADDED, List.of(V1)))
                .isEmpty();
    }

    @Test
    void shouldCheckEveryVersionWhenTransitive() {
        // V3 drops the required field "a": readers of V1 cannot read it, while V2 (optional b) readers can.
        List<Schema> history = List.of(V1, V2_OPTIONAL_ADDED);
        assertThat(Compatibility.BACKWARD.incompatibilities(V3_A_REMOVED, history))
                .isEmpty();
        assertThat(Compatibility.FORWARD.incompatibilities(V3_A_REMOVED, history))
                .isNotEmpty();
        assertThat(Compatibility.FULL_TRANSITIVE.incompatibilities(V3_A_REMOVED, history))
                .isNotEmpty();
    }

    @Test
    void shouldParseLevelNamesWhenGivenInAnyCase() {
        assertThat(Compatibility.parse("backward_transitive")).isEqualTo(Compatibility.BACKWARD_TRANSITIVE);
        assertThatThrownBy(() -> Compatibility.parse("SIDEWAYS"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("SIDEWAYS");
    }

    private static Schema schema(String fields) {
        return new Schema.Parser().parse("{\"type\":\"record\",\"name\":\"R\",\"fields\":[" + fields + "]}");
    }
}
