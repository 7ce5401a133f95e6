package org.wirewatch.app.cli;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.wirewatch.common.config.CoreConfig;
import org.wirewatch.common.config.Settings;
import org.wirewatch.schema.Incident;
import org.wirewatch.serde.AvroSerdes;
import org.wirewatch.sink.AnalyticsStore;
import org.wirewatch.sink.Dialect;
import org.wirewatch.sink.SinkConfig;
import org.wirewatch.sink.export.IncidentExport;
import org.wirewatch.sink.export.TopicIncidents;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code wirewatch export --format acled-csv|jsonl [--out FILE]}: the current incidents of the analytics store for
 * analysts' tools. When the embedded DuckDB file is held by a running {@code wirewatch run}, the incidents are read
 * from the incidents topic of that run's broker instead (the same state, as the store mirrors the topic).
 */
@Command(
        name = "export",
        description = {
            "Writes the current incidents of the analytics store: --format acled-csv (ACLED's columns and"
                    + " labels, fatalities = the conservative figure, RFC 4180 CSV) or jsonl (one incident JSON per line).",
            "Reads wirewatch.sink.jdbc.url (default DuckDB under the data dir); while a running wirewatch holds that"
                    + " file, reads the incidents topic instead (--bootstrap-servers, default localhost:9092)."
        })
public final class ExportCommand implements Callable<Integer> {

    private static final char BYTE_ORDER_MARK = '\uFEFF';

    @Mixin
    ConfigOptions config;

    @Spec
    CommandSpec spec;

    @Option(
            names = "--format",
            paramLabel = "FORMAT",
            defaultValue = "acled-csv",
            description = "acled-csv (default) or jsonl.")
    String format;

    @Option(names = "--out", paramLabel = "FILE", description = "Write to FILE instead of standard output.")
    Path out;

    @Option(
            names = "--bom",
            description = "Start with a UTF-8 byte-order mark, which Excel needs to show non-ASCII"
                    + " place names (Şa‘dah) right when the file is opened by double-click. Off by default: scripts (pandas, R)"
                    + " would read the mark as part of the first column's name.")
    boolean bom;

    @Override
    public Integer call() throws Exception {
        final IncidentExport.Format f;
        try {
            f = IncidentExport.Format.parse(format);
        } catch (final IllegalArgumentException e) {
            throw new picocli.CommandLine.ParameterException(
                    spec.commandLine(), "--format must be acled-csv or jsonl, not '" + format + "'");
        }
        final Settings settings = config.settings();
        final Settings.Reader r = settings.reader();
        final CoreConfig core = CoreConfig.read(r, settings);
        final SinkConfig sink = SinkConfig.read(r, core);
        r.validate();
        final List<Incident> incidents = incidents(sink, core);
        final int n;
        if (out == null) {
            final PrintWriter w = spec.commandLine().getOut();
            if (bom) {
                w.write(BYTE_ORDER_MARK);
            }
            n = IncidentExport.write(incidents, f, w);
        } else {
            final Path parent = out.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            try (Writer w = new OutputStreamWriter(Files.newOutputStream(out), StandardCharsets.UTF_8)) {
                if (bom) {
                    w.write(BYTE_ORDER_MARK);
                }
                n = IncidentExport.write(incidents, f, w);
            }
            spec.commandLine().getErr().printf("Wrote %d incidents to %s%n", n, out);
        }
        return 0;
    }

    private List<Incident> incidents(final SinkConfig sink, final CoreConfig core) throws IOException, SQLException {
        if (Dialect.of(sink.jdbcUrl()).orElse(null) == Dialect.DUCKDB) {
            final Path file = Path.of(sink.jdbcUrl().substring("jdbc:duckdb:".length()));
            if (!Files.exists(file)) {
                throw new IllegalStateException(
                        "No analytics store at " + file.toAbsolutePath() + " yet: 'wirewatch run' (or"
                                + " 'wirewatch sink') creates it; or point wirewatch.sink.jdbc.url (--data-dir) at an existing one.");
            }
        }
        try (Connection db = AnalyticsStore.openReader(sink)) {
            return IncidentExport.fromStore(db);
        } catch (final SQLException e) {
            if (String.valueOf(e.getMessage()).contains("incidents")) {
                throw new IllegalStateException(
                        "The analytics store " + sink.maskedUrl() + " has no incidents table yet:"
                                + " start the sink ('wirewatch run' or 'wirewatch sink') against it first.",
                        e);
            }
            if (Dialect.of(sink.jdbcUrl()).orElse(null) != Dialect.DUCKDB || !isLocked(e)) {
                throw e;
            }
            final String servers = core.bootstrapServers().orElse("localhost:" + core.embeddedKafkaPort());
            spec.commandLine()
                    .getErr()
                    .printf(
                            "The analytics store %s is held by a running wirewatch; reading the"
                                    + " incidents topic on %s instead.%n",
                            sink.maskedUrl(), servers);
            final Map<String, Object> kafka = new HashMap<>(core.kafkaClientProperties());
            kafka.put("bootstrap.servers", servers);
            return TopicIncidents.read(
                    kafka,
                    AvroSerdes.of(
                                    Incident.class,
                                    core.schemaRegistryUrl().toString(),
                                    new HashMap<>(core.kafkaClientProperties()),
                                    false)
                            .deserializer(),
                    Duration.ofSeconds(30));
        }
    }

    private static boolean isLocked(final SQLException e) {
        return String.valueOf(e.getMessage()).contains("open in another process");
    }
}
