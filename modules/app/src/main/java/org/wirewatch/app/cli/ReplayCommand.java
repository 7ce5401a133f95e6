package org.wirewatch.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.slf4j.LoggerFactory;
import org.wirewatch.app.Pipeline;
import org.wirewatch.app.WirewatchCli;
import org.wirewatch.common.config.CoreConfig;
import org.wirewatch.common.config.Settings;
import org.wirewatch.common.json.AvroJson;
import org.wirewatch.formats.ParseResult;
import org.wirewatch.formats.ReportParser;
import org.wirewatch.schema.CasualtyTally;
import org.wirewatch.schema.WireReport;
import org.wirewatch.streams.StreamSerdes;
import org.wirewatch.streams.StreamsStage;
import org.wirewatch.streams.StreamsStageConfig;
import org.wirewatch.streams.StreamsStageConfig.Part;
import org.wirewatch.streams.replay.Replay;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code wirewatch replay PATH...}: a backfill. Reads report files (ninjs, text, NewsML-G2, RSS/Atom; folders are
 * walked, gold files and READMEs skipped), starts the Streams topologies (by default on a fresh embedded broker
 * and registry on free ports with a temporary data dir; with {@code --bootstrap-servers} against that cluster),
 * produces the reports to the raw topic in publication order with a progress bar on stderr, waits until every
 * topology has consumed everything upstream of it, and prints the final tallies as CasualtyTally JSON lines on
 * stdout, sorted by key.
 */
@Command(
        name = "replay",
        description = {
            "Pushes report files through the pipeline and prints the final tallies as JSON lines.",
            "Without Kafka settings it runs on a fresh embedded broker (free ports, temporary data dir), so the"
                    + " tallies reflect exactly these reports; the progress bar and logs go to stderr."
        })
public final class ReplayCommand implements Callable<Integer> {

    /** Commit and tally emission interval of a replay, unless set (see {@link #backfill}). */
    static final String BACKFILL_INTERVAL = "1s";

    @Parameters(paramLabel = "PATH", arity = "1..*", description = "Report files or folders of report files.")
    List<Path> paths;

    @Option(
            names = "--timeout",
            paramLabel = "DURATION",
            defaultValue = "10m",
            converter = DurationConverter.class,
            description = "How long to wait for the pipeline to catch up (default ${DEFAULT-VALUE}).")
    Duration timeout;

    @Option(names = "--verbose", description = "Log the pipeline's progress at INFO on stderr.")
    boolean verbose;

    @Mixin
    ConfigOptions config;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        final PrintWriter err = spec.commandLine().getErr();
        final PrintWriter out = spec.commandLine().getOut();
        if (!verbose) {
            quiet();
        }
        final List<WireReport> reports = read(err);
        if (reports.isEmpty()) {
            err.println("No reports found in " + paths);
            err.flush();
            return WirewatchCli.EXIT_USAGE;
        }

        Settings settings = backfill(config.settings());
        Path temp = null;
        if (settings.get(CoreConfig.BOOTSTRAP_SERVERS).isEmpty()) {
            temp = Files.createTempDirectory("wirewatch-replay");
            final Map<String, String> embedded = new HashMap<>();
            embedded.put(CoreConfig.DATA_DIR, temp.toString());
            embedded.put(CoreConfig.EMBEDDED_KAFKA_PORT, "0");
            embedded.put(CoreConfig.EMBEDDED_REGISTRY_PORT, "0");
            settings = settings.with(embedded);
        }
        try (Pipeline pipeline = Pipeline.start(settings, List.of(StreamsCommands.stage(EnumSet.allOf(Part.class))))) {
            final StreamsStage stage = (StreamsStage) pipeline.stages().get(0);
            final CoreConfig core = pipeline.core();
            final String bootstrap = core.bootstrapServers().orElseThrow();
            final StreamSerdes serdes =
                    StreamSerdes.forRegistry(core.schemaRegistryUrl().toString(), core.kafkaClientProperties());
            final long deadline = System.nanoTime() + timeout.toNanos();
            while (!stage.ready()) {
                if (System.nanoTime() > deadline || stage.failure().isPresent()) {
                    err.println("The pipeline did not start"
                            + stage.failure().map(e -> ": " + e.getMessage()).orElse(""));
                    err.flush();
                    return WirewatchCli.EXIT_FAILURE;
                }
                Thread.sleep(100);
            }
            final List<WireReport> ordered = Replay.inPublicationOrder(reports);
            try (KafkaProducer<String, WireReport> producer =
                    Replay.producer(core.kafkaClientProperties(), bootstrap, serdes.report())) {
                Replay.produce(producer, ordered, n -> progress(err, "sent", n, ordered.size()));
            }
            err.println();
            err.print("waiting for the pipeline to catch up...");
            err.flush();
            final Map<String, Object> admin = new HashMap<>(core.kafkaClientProperties());
            admin.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
            final boolean done;
            try (Admin a = Admin.create(admin)) {
                done = Replay.awaitCaughtUp(
                        a,
                        core.kafkaClientProperties(),
                        bootstrap,
                        stage.sourceTopicsByGroup(),
                        Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
            }
            if (!done || stage.failure().isPresent()) {
                err.println(" failed: "
                        + stage.failure().map(Throwable::getMessage).orElse("not caught up within " + timeout));
                err.flush();
                return WirewatchCli.EXIT_FAILURE;
            }
            final TreeMap<String, CasualtyTally> tallies =
                    Replay.readTallies(core.kafkaClientProperties(), bootstrap, serdes.tally());
            err.println(" done: " + reports.size() + " reports, " + tallies.size() + " tallies");
            err.flush();
            tallies.values().forEach(t -> out.println(AvroJson.toJson(t)));
            out.flush();
            return 0;
        } finally {
            if (temp != null) {
                deleteTree(temp);
            }
        }
    }

    /**
     * A replay is a backfill: nobody watches its latency, only its end result. Unless the settings say otherwise,
     * the topologies commit and emit tallies once a second instead of every 100 ms, so the broker's per-transaction
     * work (markers on every partition a transaction touched) and the tally windows re-sent in a burst are paid ten
     * times less often. The final tallies are the same: both intervals only decide how often intermediate states
     * are written.
     */
    static Settings backfill(final Settings settings) {
        final Map<String, String> defaults = new HashMap<>();
        for (final String key : List.of(StreamsStageConfig.COMMIT_INTERVAL, StreamsStageConfig.TALLY_EMIT_INTERVAL)) {
            if (settings.get(key).isEmpty()) {
                defaults.put(key, BACKFILL_INTERVAL);
            }
        }
        return defaults.isEmpty() ? settings : settings.with(defaults);
    }

    private List<WireReport> read(final PrintWriter err) throws IOException {
        final ReportParser parser = new ReportParser();
        final List<Path> files = new ArrayList<>();
        for (final Path p : paths) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> walk = Files.walk(p)) {
                    walk.filter(Files::isRegularFile)
                            .filter(ReplayCommand::isReport)
                            .sorted()
                            .forEach(files::add);
                }
            } else if (Files.isRegularFile(p)) {
                files.add(p);
            } else {
                err.println("Not found: " + p);
            }
        }
        final List<WireReport> reports = new ArrayList<>();
        int rejected = 0;
        for (final Path f : files) {
            final ParseResult r =
                    parser.parse(Files.readAllBytes(f), f.getFileName().toString());
            if (r instanceof ParseResult.Rejection rejection) {
                rejected++;
                err.println("Skipping " + f + ": " + rejection.reason());
            } else {
                for (final WireReport w : r.reports()) {
                    w.setSource("replay:" + f);
                    reports.add(w);
                }
            }
            progress(err, "read", reports.size(), files.size());
        }
        err.println();
        if (rejected > 0) {
            err.println(rejected + " of " + files.size() + " files rejected");
        }
        err.flush();
        return reports;
    }

    /** Report files: not gold annotations, READMEs or hidden files. */
    static boolean isReport(final Path f) {
        final String name = f.getFileName().toString();
        return !name.startsWith(".")
                && !name.endsWith(".gold.json")
                && !name.toLowerCase().endsWith(".md");
    }

    static void progress(final PrintWriter err, final String what, final long n, final long total) {
        // A hundred steps at most: stderr is often a log file, where every redrawn bar stays as text.
        final long step = Math.max(1, total / 100);
        if (n != 1 && n < total && n % step != 0) {
            return;
        }
        final int width = 30;
        final int filled = total == 0 ? width : (int) (width * Math.min(n, total) / total);
        err.print("\r[" + "#".repeat(filled) + " ".repeat(width - filled) + "] " + n + "/" + total + " " + what);
        err.flush();
    }

    /**
     * Keeps stderr to the progress bar and real problems. Exactly-once producers on a single broker retry their first
     * sends after each commit (CONCURRENT_TRANSACTIONS, then OUT_OF_ORDER_SEQUENCE_NUMBER on the broker side) and
     * succeed; those retries are silenced here, not under {@code --verbose}.
     */
    private static void quiet() {
        level("org.wirewatch", ch.qos.logback.classic.Level.WARN);
        level("org.apache.kafka.clients.producer.internals.Sender", ch.qos.logback.classic.Level.ERROR);
        level("kafka.server.ReplicaManager", ch.qos.logback.classic.Level.OFF);
        level("org.apache.kafka.streams.processor.internals.StateDirectory", ch.qos.logback.classic.Level.ERROR);
        level("org.apache.kafka.streams.StreamsConfig", ch.qos.logback.classic.Level.ERROR);
    }

    private static void level(final String logger, final ch.qos.logback.classic.Level level) {
        if (LoggerFactory.getLogger(logger) instanceof ch.qos.logback.classic.Logger l) {
            l.setLevel(level);
        }
    }

    private static void deleteTree(final Path root) {
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (final IOException e) {
            LoggerFactory.getLogger(ReplayCommand.class).warn("Could not delete {}: {}", root, e.toString());
        }
    }
}
