package org.wirewatch.app;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wirewatch.app.cli.RunCommand;
import org.wirewatch.app.cli.TailCommand;
import org.wirewatch.common.config.ConfigException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The {@code wirewatch} program: one binary, one subcommand per job ({@code docs/architecture.md#commands}).
 *
 * <p>Exit codes: 0 success, 1 failure while running, 2 invalid command line or configuration (every problem is
 * printed at once).
 */
@Command(
        name = "wirewatch",
        mixinStandardHelpOptions = true,
        scope = ScopeType.INHERIT,
        versionProvider = WirewatchCli.Version.class,
        description = "Real-time conflict monitoring: wire reports to incidents, claims and casualty tallies on Kafka.",
        footer = {"", "Run 'wirewatch COMMAND --help' for a command's options."},
        subcommands = {
            // One line per command, in the order `wirewatch --help` lists them.
            RunCommand.class,
            TailCommand.class,
            org.wirewatch.app.cli.FeedCommand.class,
            org.wirewatch.app.cli.DemoCommand.class,
            org.wirewatch.app.cli.IngestCommand.class,
            org.wirewatch.app.cli.ReplayCommand.class,
            org.wirewatch.app.cli.ReprocessCommand.class,
            org.wirewatch.app.cli.NormalizeCommand.class,
            org.wirewatch.app.cli.ConsolidateCommand.class,
            org.wirewatch.app.cli.TallyCommand.class,
            org.wirewatch.app.cli.AlertsCommand.class,
            org.wirewatch.app.cli.SinkCommand.class,
            org.wirewatch.app.cli.ExportCommand.class,
            org.wirewatch.app.cli.ExtractCommand.class,
            CommandLine.HelpCommand.class,
        })
public final class WirewatchCli implements Runnable {

    /** Exit code for an invalid command line or configuration. */
    public static final int EXIT_USAGE = 2;
    /** Exit code for a failure while running. */
    public static final int EXIT_FAILURE = 1;

    private static final Logger LOG = LoggerFactory.getLogger(WirewatchCli.class);

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing command");
    }

    public static void main(String[] args) {
        CommandLine cli = commandLine();
        // Commands print JSON and CSV with place names in any script ("Şa‘dah"): UTF-8 whatever the locale says
        // (the JVM's default under LANG=C is ASCII, which would turn them into question marks).
        cli.setOut(new PrintWriter(
                new OutputStreamWriter(new FileOutputStream(FileDescriptor.out), StandardCharsets.UTF_8), true));
        cli.setErr(new PrintWriter(
                new OutputStreamWriter(new FileOutputStream(FileDescriptor.err), StandardCharsets.UTF_8), true));
        int status = cli.execute(args);
        cli.getOut().flush();
        cli.getErr().flush();
        System.exit(status);
    }

    /** The configured command line, also used by tests to run a command in-process. */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new WirewatchCli());
        cli.setExecutionExceptionHandler(WirewatchCli::handleFailure);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        return cli;
    }

    private static int handleFailure(Exception e, CommandLine cli, CommandLine.ParseResult parseResult) {
        PrintWriter err = cli.getErr();
        ConfigException config = find(e, ConfigException.class);
        if (config != null) {
            err.println(cli.getColorScheme().errorText(config.getMessage()));
            err.flush();
            return EXIT_USAGE;
        }
        if (explained(e)) {
            // The message says what went wrong; the stack trace is for WIREWATCH_LOG_LEVEL=DEBUG.
            LOG.debug("wirewatch {} failed", cli.getCommandName(), e);
        } else {
            LOG.error("wirewatch {} failed", cli.getCommandName(), e);
        }
        err.println(cli.getColorScheme().errorText("wirewatch " + cli.getCommandName() + " failed: " + e.getMessage()));
        err.flush();
        return EXIT_FAILURE;
    }

    /** Failures our own code raised with a message meant for the user, as opposed to bugs. */
    private static boolean explained(Exception e) {
        return e.getMessage() != null
                && (e instanceof IllegalStateException
                        || e instanceof IllegalArgumentException
                        || e instanceof java.io.UncheckedIOException);
    }

    private static <T extends Throwable> T find(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    /** The version from the jar manifest (the Maven project version). */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = WirewatchCli.class.getPackage().getImplementationVersion();
            return new String[] {
                "wirewatch " + (version == null ? "development build" : version),
                "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")",
                "Kafka " + org.apache.kafka.common.utils.AppInfoParser.getVersion()
            };
        }
    }
}
