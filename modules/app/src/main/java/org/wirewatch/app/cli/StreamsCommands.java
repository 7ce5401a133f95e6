package org.wirewatch.app.cli;

import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wirewatch.app.Pipeline;
import org.wirewatch.app.StageFactory;
import org.wirewatch.app.WirewatchCli;
import org.wirewatch.common.config.Settings;
import org.wirewatch.streams.StreamsStage;
import org.wirewatch.streams.StreamsStageConfig;
import org.wirewatch.streams.StreamsStageConfig.Part;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The Streams stage as {@code run} and the single-stage commands build it. A topology that dies of an unexpected
 * error shuts its client down and the process exits with {@link WirewatchCli#EXIT_FAILURE} (through the shutdown
 * hook, which closes every other stage first).
 */
public final class StreamsCommands {

    private static final Logger LOG = LoggerFactory.getLogger(StreamsCommands.class);

    private StreamsCommands() {}

    /** A factory for the Streams stage running {@code parts} (the {@code wirewatch.streams.topologies} key aside). */
    public static StageFactory stage(final Set<Part> parts) {
        return context -> {
            final Settings.Reader r = context.settings().reader();
            final StreamsStageConfig config = StreamsStageConfig.read(r, context.core());
            r.validate();
            return new StreamsStage(context.core(), config.only(parts), StreamsCommands::exit);
        };
    }

    /** A factory for the Streams stage running what {@code wirewatch.streams.topologies} says (default: all). */
    public static StageFactory configured() {
        return context -> {
            final Settings.Reader r = context.settings().reader();
            final StreamsStageConfig config = StreamsStageConfig.read(r, context.core());
            r.validate();
            return new StreamsStage(context.core(), config, StreamsCommands::exit);
        };
    }

    private static void exit(final Throwable e) {
        LOG.error("A Streams topology failed; Wirewatch exits", e);
        // Not from the Streams thread itself: exit runs the shutdown hook, which waits for that thread to stop.
        final Thread t = new Thread(() -> System.exit(WirewatchCli.EXIT_FAILURE), "wirewatch-fatal-exit");
        t.setDaemon(false);
        t.start();
    }

    /** Runs one topology in this process until Ctrl-C: a scaled-out deployment of one stage. */
    abstract static class SingleTopology implements Callable<Integer> {

        @Mixin
        ConfigOptions config;

        @Spec
        CommandSpec spec;

        abstract Part part();

        @Override
        public Integer call() throws InterruptedException {
            Pipeline.runUntilStopped(
                    config.settings(),
                    java.util.List.of(stage(EnumSet.of(part()))),
                    spec.commandLine().getOut(),
                    pipeline -> "Wirewatch " + part().id() + " is running against "
                            + pipeline.core().bootstrapServers().orElseThrow() + ". Press Ctrl-C to stop.");
            return 0;
        }
    }
}
