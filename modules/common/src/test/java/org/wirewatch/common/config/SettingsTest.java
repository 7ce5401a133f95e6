package org.wirewatch.common.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsTest {

    @TempDir
    Path tmp;

    @Test
    void shouldApplyPrecedenceDefaultsFileEnvCliWhenKeysOverlap() throws IOException {
        // given the same key at every layer, and one key per layer
        final Path file =
                Files.writeString(tmp.resolve("w.properties"), "wirewatch.http.port=8001\nwirewatch.a=file\n");
        final Settings s = Settings.builder()
                .defaults(Map.of("wirewatch.http.port", "8000", "wirewatch.d", "default"))
                .file(file)
                .environment(Map.of("WIREWATCH_HTTP_PORT", "8002", "WIREWATCH_E", "env", "PATH", "/bin"))
                .overrides(Map.of("wirewatch.http.port", "8003"))
                .build();

        // then the highest layer wins, and each value remembers where it came from
        assertThat(s.reader().port("wirewatch.http.port", 1)).isEqualTo(8003);
        assertThat(s.origin("wirewatch.http.port")).contains("cli");
        assertThat(s.get("wirewatch.a")).contains("file");
        assertThat(s.get("wirewatch.e")).contains("env");
        assertThat(s.get("wirewatch.d")).contains("default");
        assertThat(s.get("path")).isEmpty();
    }

    @Test
    void shouldReportEveryProblemWhenSeveralKeysAreInvalid() {
        // given
        final Settings s = Settings.of(Map.of(
                "wirewatch.http.port",
                "99999",
                "wirewatch.x.enabled",
                "yes",
                "wirewatch.x.horizon",
                "ninety days",
                "wirewatch.schema.registry.url",
                "ftp://nope"));
        final Settings.Reader r = s.reader();

        // when
        r.port("wirewatch.http.port", 8080);
        r.bool("wirewatch.x.enabled", false);
        r.duration("wirewatch.x.horizon", Duration.ofDays(90));
        CoreConfig.read(r, s);

        // then all four are reported together, each naming its key and value
        assertThatThrownBy(r::validate)
                .isInstanceOf(ConfigException.class)
                .satisfies(e -> assertThat(((ConfigException) e).problems()).hasSize(4))
                .hasMessageContaining("wirewatch.http.port=99999")
                .hasMessageContaining("wirewatch.x.enabled=yes")
                .hasMessageContaining("wirewatch.x.horizon=ninety days")
                .hasMessageContaining("wirewatch.schema.registry.url=ftp://nope");
    }

    @Test
    void shouldMaskSecretsWhenLogged() {
        final Settings s = Settings.of(Map.of("wirewatch.ingest.http.token", "s3cret", "wirewatch.http.port", "1"));
        assertThat(s.masked())
                .containsEntry("wirewatch.ingest.http.token", "******")
                .containsEntry("wirewatch.http.port", "1");
    }

    @Test
    void shouldParseShortAndIsoDurationsWhenGiven() {
        assertThat(Settings.parseDuration("90d")).contains(Duration.ofDays(90));
        assertThat(Settings.parseDuration("500ms")).contains(Duration.ofMillis(500));
        assertThat(Settings.parseDuration("PT30S")).contains(Duration.ofSeconds(30));
        assertThat(Settings.parseDuration("soon")).isEmpty();
    }

    @Test
    void shouldDefaultToEmbeddedWhenNoBootstrapServersAreSet() {
        final CoreConfig c = CoreConfig.from(Settings.of(Map.of()));
        assertThat(c.embedded()).isTrue();
        assertThat(c.schemaRegistryUrl().toString()).isEqualTo("http://localhost:8081");
        assertThat(c.httpPort()).isEqualTo(8080);
    }

    @Test
    void shouldPassKafkaClientPropertiesThroughWhenPrefixed() {
        final CoreConfig c = CoreConfig.from(Settings.of(
                Map.of("wirewatch.bootstrap.servers", "k1:9092,k2:9092", "wirewatch.kafka.security.protocol", "SSL")));
        assertThat(c.embedded()).isFalse();
        assertThat(c.kafkaClientProperties()).containsEntry("security.protocol", "SSL");
    }
}
