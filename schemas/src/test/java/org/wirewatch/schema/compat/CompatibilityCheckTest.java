package org.wirewatch.schema.compat;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompatibilityCheckTest {

    private static final String V1 = """
      {"type":"record","name":"Thing","namespace":"t","doc":"d","fields":[
        {"name":"id","type":"string","doc":"d"},
        {"name":"kind","type":"Kind","doc":"d"}]}""";
    private static final String KIND = """
      {"type":"enum","name":"Kind","namespace":"t","doc":"d","symbols":["A","B"]}""";

    @TempDir
    Path tmp;

    private Path dir(final String name, final String thing, final String kind) throws IOException {
        final Path d = Files.createDirectories(tmp.resolve(name));
        Files.writeString(d.resolve("Thing.avsc"), thing);
        Files.writeString(d.resolve("Kind.avsc"), kind);
        return d;
    }

    @Test
    void shouldAcceptAnOptionalFieldWithDefault() throws IOException {
        final String v2 = V1.replace(
                "]}", ",{\"name\":\"note\",\"type\":[\"null\",\"string\"],\"default\":null,\"doc\":\"d\"}]}");
        final List<String> problems = CompatibilityCheck.check(dir("rel", V1, KIND), dir("cur", v2, KIND));
        assertThat(problems).isEmpty();
    }

    @Test
    void shouldNameTheFieldWhenARequiredFieldIsAdded() throws IOException {
        final String v2 = V1.replace("]}", ",{\"name\":\"severity\",\"type\":\"int\",\"doc\":\"d\"}]}");
        final List<String> problems = CompatibilityCheck.check(dir("rel", V1, KIND), dir("cur", v2, KIND));
        assertThat(problems).singleElement().asString().contains("t.Thing").contains("'severity'");
    }

    @Test
    void shouldReportARemovedEnumSymbol() throws IOException {
        final String kind2 = KIND.replace(",\"B\"", "");
        final List<String> problems = CompatibilityCheck.check(dir("rel", V1, KIND), dir("cur", V1, kind2));
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("t.Kind").contains("B"));
    }

    @Test
    void shouldReportATypeChange() throws IOException {
        final String v2 = V1.replace("{\"name\":\"id\",\"type\":\"string\"", "{\"name\":\"id\",\"type\":\"int\"");
        final List<String> problems = CompatibilityCheck.check(dir("rel", V1, KIND), dir("cur", v2, KIND));
        assertThat(problems).singleElement().asString().contains("/fields/0");
    }

    @Test
    void shouldParseTheProjectSchemas() throws IOException {
        assertThat(CompatibilityCheck.parseAll(Path.of("src/main/avro")))
                .containsKeys(
                        "org.wirewatch.schema.WireReport",
                        "org.wirewatch.schema.ReportExtraction",
                        "org.wirewatch.schema.Incident",
                        "org.wirewatch.schema.CasualtyTally",
                        "org.wirewatch.schema.Alert",
                        "org.wirewatch.schema.RejectedReport");
    }
}
