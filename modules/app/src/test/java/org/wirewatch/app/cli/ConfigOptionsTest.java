package org.wirewatch.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wirewatch.common.config.CoreConfig;
import org.wirewatch.common.config.Settings;
import picocli.CommandLine;
import picocli.CommandLine.TypeConversionException;

class ConfigOptionsTest {

    @TempDir
    Path dir;

    @Test
    void shouldLayerFileEnvironmentAndCommandLineWhenAllSetTheSameKeys() throws Exception {
        // given
        Path file = dir.resolve("wirewatch.properties");
        Files.writeString(
                file,
                String.join(
                        "\n",
                        "wirewatch.http.port=7000",
                        "wirewatch.data.dir=/from/file",
                        "wirewatch.bootstrap.servers=file:9092",
                        "wirewatch.application.id=from-file"));
        ConfigOptions options =
                parse("--config", file.toString(), "--bootstrap-servers", "cli:9092", "-D", "wirewatch.http.port=9000");

        // when
        Settings settings = options.settings(Map.of(
                "WIREWATCH_HTTP_PORT", "8000",
                "WIREWATCH_DATA_DIR", "/from/env",
                "PATH", "/usr/bin"));
        CoreConfig core = CoreConfig.from(settings);

        // then CLI beats environment beats file beats defaults
        assertThat(core.httpPort()).isEqualTo(9000);
        assertThat(core.bootstrapServers()).contains("cli:9092");
        assertThat(core.dataDir()).isEqualTo(Path.of("/from/env"));
        assertThat(core.applicationId()).isEqualTo("from-file");
        assertThat(core.embeddedRegistryPort()).isEqualTo(8081);
        assertThat(settings.origin("wirewatch.http.port")).contains("cli");
        assertThat(settings.origin("wirewatch.data.dir")).contains("env");
    }

    @Test
    void shouldMaskSecretsWhenTheEffectiveConfigurationIsShown() {
        Settings settings = parse(
                        "-D",
                        "wirewatch.kafka.sasl.jaas.config.password=hunter2",
                        "-D",
                        "wirewatch.kafka.basic.auth.user.info=user:pw")
                .settings(Map.of());
        assertThat(settings.masked().values()).doesNotContain("hunter2", "user:pw");
    }

    @Test
    void shouldReadDurationsWithUnitsOrIso8601() {
        DurationConverter converter = new DurationConverter();
        assertThat(converter.convert("30s")).isEqualTo(Duration.ofSeconds(30));
        assertThat(converter.convert("PT2M")).isEqualTo(Duration.ofMinutes(2));
        assertThatThrownBy(() -> converter.convert("soon"))
                .isInstanceOf(TypeConversionException.class)
                .hasMessageContaining("'soon' is not a duration");
    }

    private static ConfigOptions parse(String... args) {
        Holder holder = new Holder();
        new CommandLine(holder).parseArgs(args);
        return holder.options;
    }

    @CommandLine.Command(name = "holder")
    static final class Holder {
        @CommandLine.Mixin
        ConfigOptions options;
    }
}
