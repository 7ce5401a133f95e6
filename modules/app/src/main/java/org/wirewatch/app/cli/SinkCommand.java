package org.wirewatch.app.cli;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.wirewatch.app.Pipeline;
import org.wirewatch.app.StageContext;
import org.wirewatch.schema.CasualtyTally;
import org.wirewatch.schema.Claim;
import org.wirewatch.schema.Incident;
import org.wirewatch.serde.AvroSerdes;
import org.wirewatch.sink.AnalyticsSink;
import org.wirewatch.sink.SinkConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code wirewatch sink}: the analytics store alone, for scaled deployments; and the factory {@code run} uses to add
 * it.
 */
@Command(
        name = "sink",
        description = {
            "Runs the analytics store alone: incidents, claims and tallies into relational tables, exactly"
                    + " once (offsets are committed in the same database transaction).",
            "Store: wirewatch.sink.jdbc.url, default DuckDB in <data dir>/analytics.duckdb; PostgreSQL with"
                    + " jdbc:postgresql://HOST:5432/DB plus wirewatch.sink.jdbc.user and wirewatch.sink.jdbc.password.",
            "Without Kafka settings it starts the embedded broker, as 'run' does."
        })
public final class SinkCommand implements Callable<Integer> {

    @Mixin
    ConfigOptions config;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        Pipeline.runUntilStopped(
                config.settings(),
                List.of(SinkCommand::stage),
                spec.commandLine().getOut(),
                pipeline -> "Wirewatch sink running against "
                        + pipeline.core().bootstrapServers().orElseThrow() + ". Ctrl-C stops it.");
        return 0;
    }

    /** The sink stage, its settings validated, decoding through the run's registry. */
    public static AnalyticsSink stage(final StageContext context) {
        final SinkConfig sink = SinkConfig.from(context.settings(), context.core());
        final Map<String, Object> kafka = new HashMap<>(context.core().kafkaClientProperties());
        kafka.put("bootstrap.servers", context.bootstrapServers());
        final Map<String, Object> serde = new HashMap<>(context.core().kafkaClientProperties());
        final String registry = context.schemaRegistryUrl();
        return new AnalyticsSink(
                sink,
                kafka,
                new AnalyticsSink.Decoders(
                        AvroSerdes.of(Incident.class, registry, serde, false).deserializer(),
                        AvroSerdes.of(Claim.class, registry, serde, false).deserializer(),
                        AvroSerdes.of(CasualtyTally.class, registry, serde, false)
                                .deserializer()),
                null);
    }
}
