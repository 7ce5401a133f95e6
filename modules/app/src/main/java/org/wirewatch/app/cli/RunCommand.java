package org.wirewatch.app.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.wirewatch.app.Pipeline;
import org.wirewatch.app.StageFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code wirewatch run}: the whole pipeline in one process. With no Kafka settings it starts the embedded default
 * (a real single-node KRaft broker with data under {@code ./data/kafka} on port 9092, and the schema registry
 * endpoint on http://localhost:8081); with {@code --bootstrap-servers} / {@code --schema-registry-url} it joins
 * an existing cluster. Ctrl-C stops it cleanly.
 */
@Command(
        name = "run",
        description = {
            "Runs the whole pipeline. Without Kafka settings it starts the embedded default: a Kafka"
                    + " broker (data under ./data/kafka, port 9092) and a schema registry endpoint"
                    + " (http://localhost:8081); with --bootstrap-servers it joins that cluster.",
            "Creates missing topics of the catalogue, then starts every stage. Ctrl-C stops it cleanly."
        })
public final class RunCommand implements Callable<Integer> {

    /** How long {@code run} waits for every stage to be ready before it says so and runs on anyway. */
    static final java.time.Duration READY_LIMIT = java.time.Duration.ofMinutes(2);

    @Mixin
    ConfigOptions config;

    @Spec
    CommandSpec spec;

    /**
     * Every stage {@code run} starts, in start order; they stop in reverse, so HTTP-facing stages go last.
     * To add a stage: one {@code stages.add(...)} line.
     */
    public static List<StageFactory> stages() {
        List<StageFactory> stages = new ArrayList<>();
        stages.add(StreamsCommands.configured());
        stages.add(IngestCommand::stage);
        stages.add(AlertsCommand::stage);
        stages.add(SinkCommand::stage);
        return FeedCommand.withFeed(stages);
    }

    @Override
    public Integer call() throws InterruptedException {
        Pipeline.runUntilStopped(config.settings(), stages(), spec.commandLine().getOut(), pipeline -> {
            // "Running" means a report pushed now goes straight through: every stage ready, first-record costs paid.
            String notReady = Warmup.warmUpAndAwaitReady(pipeline, pipeline.ownRegistry(), READY_LIMIT)
                    ? ""
                    : String.format(
                            "Wirewatch started, but not every stage is ready after %d s; see /health/ready.%n",
                            READY_LIMIT.toSeconds());
            return notReady
                    + String.format(
                            "Wirewatch is running (started in %.1f s): Kafka at %s, schema registry"
                                    + " at %s, stages %s. Press Ctrl-C to stop.",
                            pipeline.upTime().toMillis() / 1000.0,
                            pipeline.core().bootstrapServers().orElseThrow(),
                            pipeline.core().schemaRegistryUrl(),
                            pipeline.stages().stream().map(s -> s.name()).toList());
        });
        return 0;
    }
}
