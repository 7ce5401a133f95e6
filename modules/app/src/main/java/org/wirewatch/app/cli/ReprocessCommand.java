package org.wirewatch.app.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.wirewatch.app.WirewatchCli;
import org.wirewatch.common.Topics;
import org.wirewatch.common.config.CoreConfig;
import org.wirewatch.common.config.Settings;
import org.wirewatch.embedded.TopicCreator;
import org.wirewatch.extract.ExtractorVersion;
import org.wirewatch.streams.reprocess.Reprocess;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code wirewatch reprocess}: brings history up to the running rules ({@code docs/architecture.md#semantics-11},
 * {@code docs/runbook.md}). A client of a running pipeline: it copies the archive to the reprocess topic and follows
 * normalize's progress; the extraction is normalize's, with the rules of the build normalize runs.
 */
@Command(
        name = "reprocess",
        description = {
            "Re-extracts every report the archive (the compacted topic " + Topics.RAW_REPORTS + ") holds with"
                    + " the rules the running normalize stage has, so that incidents, claims and tallies become exactly what a"
                    + " fresh replay of the archive with those rules would give.",
            "",
            "How: every archived report is copied to " + Topics.REPROCESS_REPORTS + "; normalize extracts each copy"
                    + " again and writes an extraction only when it differs from the story's last one (a digest per story"
                    + " says so), so a report whose extraction did not change writes nothing downstream; consolidate and"
                    + " tally then replace the story's old contribution by the new one. A progress bar on stderr follows the"
                    + " copies, then normalize's re-extraction.",
            "",
            "Live reports keep flowing meanwhile: the copies interleave with them, and a copy of a version a story has"
                    + " since left behind changes nothing. Interrupting it (Ctrl-C) is safe, and so is running it again: what"
                    + " was already re-extracted compares equal and writes nothing.",
            "",
            "First upgrade the stage that runs normalize ('run' or 'normalize') to the build with the new rules; this"
                    + " command needs only to reach the cluster. Without Kafka settings it talks to the embedded broker that"
                    + " 'wirewatch run' serves (localhost:9092); with --bootstrap-servers, to that cluster. It exits 0 when"
                    + " normalize has read every copy, 1 on failure or when --timeout passed first (then run it again)."
        })
public final class ReprocessCommand implements Callable<Integer> {

    @Option(
            names = "--timeout",
            paramLabel = "DURATION",
            defaultValue = "6h",
            converter = DurationConverter.class,
            description =
                    "How long to follow normalize's re-extraction before giving up (default ${DEFAULT-VALUE}); the"
                            + " copies are re-extracted anyway.")
    Duration timeout;

    @Option(names = "--no-wait", description = "Only send the copies; do not follow normalize's re-extraction.")
    boolean noWait;

    @Mixin
    ConfigOptions config;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        final PrintWriter err = spec.commandLine().getErr();
        final Settings settings = config.settings();
        final Settings.Reader reader = settings.reader();
        CoreConfig core = CoreConfig.read(reader, settings);
        reader.validate();
        if (core.embedded()) {
            core = core.withCluster("localhost:" + core.embeddedKafkaPort(), core.schemaRegistryUrl());
        }
        final String bootstrap = core.bootstrapServers().orElseThrow();
        final String group = core.applicationId() + "-normalize";
        final Map<String, Object> adminConfig = new HashMap<>(core.kafkaClientProperties());
        adminConfig.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (Admin admin = Admin.create(adminConfig)) {
            try {
                for (final String problem :
                        TopicCreator.policyMismatches(admin, Topics.catalogue(), List.of(Topics.RAW_REPORTS))) {
                    err.println("warning: " + problem);
                }
            } catch (final TimeoutException e) {
                err.println("warning: cannot read the configuration of " + Topics.RAW_REPORTS + ": " + e.getMessage());
            }
            // The run's mark on what it changes; seconds are enough to tell runs apart.
            final Instant run = Instant.now().truncatedTo(ChronoUnit.SECONDS);
            err.println("Reprocess " + run + " of " + Topics.RAW_REPORTS + " at " + bootstrap + " (normalize group "
                    + group + "; this build's extractor is "
                    + ExtractorVersion.of(org.wirewatch.extract.Extractor.class) + ")");
            final Reprocess.Copy copy;
            try {
                copy = Reprocess.copyArchive(
                        admin, core.kafkaClientProperties(), bootstrap, run, p -> progress(err, p));
            } catch (final IllegalStateException e) {
                err.println();
                err.println("reprocess failed: " + e.getMessage());
                err.flush();
                return WirewatchCli.EXIT_FAILURE;
            }
            err.println();
            if (noWait) {
                err.println(copy.copied() + " reports sent to normalize; not waiting (--no-wait)");
                err.flush();
                return 0;
            }
            final long started = System.nanoTime();
            final boolean done = Reprocess.awaitReextracted(admin, group, copy, timeout, p -> progress(err, p));
            err.println();
            if (!done) {
                err.println(
                        "normalize had not read every copy after " + timeout + " (is the normalize stage running?);"
                                + " it goes on doing so. Run 'wirewatch reprocess' again to follow it: what is done stays done.");
                err.flush();
                return WirewatchCli.EXIT_FAILURE;
            }
            final double seconds = Math.max(1e-3, (System.nanoTime() - started) / 1e9);
            err.printf(
                    "%d reports re-extracted (%.0f/s); consolidate and tally apply what changed as they read it%n",
                    copy.copied(), copy.copied() / seconds);
            err.flush();
            return 0;
        }
    }

    private static void progress(final PrintWriter err, final Reprocess.Progress p) {
        final int width = 30;
        final int filled = p.total() == 0 ? width : (int) (width * Math.min(p.done(), p.total()) / p.total());
        err.print("\r[" + "#".repeat(filled) + " ".repeat(width - filled) + "] " + p.done() + "/" + p.total() + " "
                + p.phase());
        err.flush();
    }
}
