package org.wirewatch.app.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.wirewatch.app.TopicTail;
import org.wirewatch.common.config.CoreConfig;
import org.wirewatch.common.config.Settings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code wirewatch tail TOPIC}: prints a topic's records as JSON lines, decoded through the schema registry. */
@Command(
        name = "tail",
        description = {
            "Prints a topic's records from the beginning as plain JSON, one per line, decoded through the"
                    + " schema registry (stdout; logs go to stderr).",
            "Without Kafka settings it reads from the embedded default (localhost:9092, http://localhost:8081)"
                    + " that 'wirewatch run' serves."
        })
public final class TailCommand implements Callable<Integer> {

    @Mixin
    ConfigOptions config;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "TOPIC", description = "Topic to print, e.g. wirewatch.reports.raw.v1.")
    String topic;

    @Option(
            names = {"-f", "--follow"},
            description = "Keep printing new records until Ctrl-C.")
    boolean follow;

    @Option(
            names = {"-n", "--max"},
            paramLabel = "N",
            defaultValue = "0",
            description = "Stop after N records (0: no limit).")
    long max;

    @Option(
            names = "--timeout",
            paramLabel = "DURATION",
            converter = DurationConverter.class,
            description = "Stop after this long, e.g. 30s, 5m, PT1M (default: no limit).")
    Duration timeout;

    @Option(
            names = {"-k", "--keys"},
            description = "Print {topic, partition, offset, timestamp, key, value} per record.")
    boolean keys;

    @Override
    public Integer call() {
        Settings settings = config.settings();
        Settings.Reader reader = settings.reader();
        CoreConfig core = CoreConfig.read(reader, settings);
        if (max < 0) {
            reader.problem("--max", Long.toString(max), "must be >= 0");
        }
        reader.validate();
        if (core.embedded()) {
            core = core.withCluster("localhost:" + core.embeddedKafkaPort(), core.schemaRegistryUrl());
        }
        PrintWriter out = spec.commandLine().getOut();
        try (TopicTail tail = new TopicTail(core, new TopicTail.Options(topic, follow, max, timeout, keys))) {
            Thread hook = new Thread(tail::stop, "wirewatch-tail-stop");
            Runtime.getRuntime().addShutdownHook(hook);
            TopicTail.Summary summary = tail.run(out);
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // already shutting down
            }
            if (summary.undecodable() > 0) {
                spec.commandLine()
                        .getErr()
                        .printf("%d record(s) could not be decoded (see the log)%n", summary.undecodable());
                return 1;
            }
            return 0;
        }
    }
}
