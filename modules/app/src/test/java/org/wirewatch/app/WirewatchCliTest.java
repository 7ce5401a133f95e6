package org.wirewatch.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class WirewatchCliTest {

    @TempDir
    Path dir;

    @Test
    void shouldPrintHelpWhenAnyCommandIsAskedForIt() {
        CommandLine root = WirewatchCli.commandLine();
        assertThat(root.getSubcommands()).containsKeys("run", "tail");
        for (String name : root.getSubcommands().keySet()) {
            if (name.equals("help")) {
                continue;
            }
            StringWriter out = new StringWriter();
            int exit = WirewatchCli.commandLine().setOut(new PrintWriter(out)).execute(name, "--help");
            assertThat(exit).as(name).isZero();
            assertThat(out.toString()).as(name).contains("Usage: wirewatch " + name);
        }
    }

    @Test
    void shouldPrintTheVersionWhenAsked() {
        StringWriter out = new StringWriter();
        int exit = WirewatchCli.commandLine().setOut(new PrintWriter(out)).execute("--version");
        assertThat(exit).isZero();
        assertThat(out.toString()).contains("wirewatch").contains("Kafka 4.3.1");
    }

    @Test
    void shouldReportEveryProblemAndExitWithTwoWhenTheConfigurationIsInvalid() throws Exception {
        // given a file with two bad values and a bad command-line value
        Path file = dir.resolve("bad.properties");
        Files.writeString(file, "wirewatch.embedded.kafka.port=99999\nwirewatch.run.shutdown.timeout=soon\n");
        StringWriter err = new StringWriter();

        // when
        int exit = WirewatchCli.commandLine()
                .setErr(new PrintWriter(err))
                .execute("run", "--config", file.toString(), "--schema-registry-url", "ftp://registry");

        // then nothing starts and all three are named at once
        assertThat(exit).isEqualTo(WirewatchCli.EXIT_USAGE);
        assertThat(err.toString())
                .contains("wirewatch.embedded.kafka.port=99999")
                .contains("wirewatch.run.shutdown.timeout=soon")
                .contains("wirewatch.schema.registry.url=ftp://registry");
    }

    @Test
    void shouldExitWithTwoWhenTheCommandIsMissingOrUnknown() {
        StringWriter err = new StringWriter();
        assertThat(WirewatchCli.commandLine().setErr(new PrintWriter(err)).execute())
                .isEqualTo(2);
        assertThat(err.toString()).contains("Missing command");
        assertThat(WirewatchCli.commandLine()
                        .setErr(new PrintWriter(new StringWriter()))
                        .execute("frobnicate"))
                .isEqualTo(2);
    }
}
