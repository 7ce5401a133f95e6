package org.wirewatch.app.cli;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.wirewatch.app.Pipeline;
import org.wirewatch.app.StageContext;
import org.wirewatch.app.StageFactory;
import org.wirewatch.ingest.IngestConfig;
import org.wirewatch.ingest.IngestSource;
import org.wirewatch.ingest.IngestStage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code wirewatch ingest [folder] [http] [feeds]}: the ingest sources alone, for scaled deployments; and the factory
 * {@code run} uses to add ingest with every source.
 */
@Command(
        name = "ingest",
        description = {
            "Runs ingest alone: the drop folder (wirewatch.ingest.inbox.dir, default ./inbox), HTTP push"
                    + " (POST /v1/reports on wirewatch.ingest.http.port, default wirewatch.http.port or 8080) and the"
                    + " feed poller (wirewatch.ingest.feeds). Name sources to run only those.",
            "Without Kafka settings it starts the embedded broker, as 'run' does."
        })
public final class IngestCommand implements Callable<Integer> {

    @Mixin
    ConfigOptions config;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "SOURCE", arity = "0..3", description = "folder, http or feeds; default: all three.")
    List<IngestSource> sources = new ArrayList<>();

    @Override
    public Integer call() throws InterruptedException {
        Set<IngestSource> chosen = sources.isEmpty() ? EnumSet.allOf(IngestSource.class) : EnumSet.copyOf(sources);
        Pipeline.runUntilStopped(
                config.settings(), List.of(factory(chosen)), spec.commandLine().getOut(), pipeline -> {
                    IngestStage ingest = FeedCommand.find(pipeline.stages(), IngestStage.class);
                    StringBuilder where = new StringBuilder("Wirewatch ingest running (" + chosen + ")");
                    if (chosen.contains(IngestSource.FOLDER)) {
                        where.append("; drop folder ").append(ingest.inbox().toAbsolutePath());
                    }
                    if (chosen.contains(IngestSource.HTTP) && ingest.httpToken() != null) {
                        where.append("; POST http://localhost:")
                                .append(ingest.httpPort())
                                .append("/v1/reports");
                    }
                    return where.append(". Ctrl-C stops it.").toString();
                });
        return 0;
    }

    /** Every source; under {@code run} the push route is mounted on the feed's server. */
    public static IngestStage stage(StageContext context) {
        return (IngestStage) factory(EnumSet.allOf(IngestSource.class)).create(context);
    }

    private static StageFactory factory(Set<IngestSource> sources) {
        return context -> new IngestStage(
                IngestConfig.from(context.settings(), context.core().httpPort()), context.core(), sources);
    }
}
