package org.wirewatch.app.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wirewatch.alerts.AlertsConfig;
import org.wirewatch.alerts.AlertsStage;
import org.wirewatch.app.Pipeline;
import org.wirewatch.app.StageContext;
import org.wirewatch.app.WirewatchCli;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code wirewatch alerts}: the alert topology and the webhook dispatcher alone, for scaled deployments; and the
 * factory {@code run} uses to add them.
 */
@Command(
        name = "alerts",
        description = {
            "Runs alerting alone: rules (wirewatch.alerts.rules.file, default the bundled alert-rules.yaml)"
                    + " over incidents, claims and tallies into wirewatch.alerts.v1, and, with wirewatch.alerts.webhook.urls and"
                    + " wirewatch.alerts.webhook.secret, signed webhook delivery with retries and a dead-letter topic.",
            "Without Kafka settings it starts the embedded broker, as 'run' does."
        })
public final class AlertsCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(AlertsCommand.class);

    @Mixin
    ConfigOptions config;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        Pipeline.runUntilStopped(
                config.settings(),
                List.of(AlertsCommand::stage),
                spec.commandLine().getOut(),
                pipeline -> String.format(
                        "Wirewatch alerts running against %s (webhooks: %s). Ctrl-C stops it.",
                        pipeline.core().bootstrapServers().orElseThrow(),
                        FeedCommand.find(pipeline.stages(), AlertsStage.class)
                                        .dispatcher()
                                        .isPresent()
                                ? "on"
                                : "off, set " + AlertsConfig.WEBHOOK_URLS));
        return 0;
    }

    /** The alerts stage, its settings validated. */
    public static AlertsStage stage(final StageContext context) {
        return new AlertsStage(
                AlertsConfig.from(context.settings(), context.core()), context.core(), AlertsCommand::exit);
    }

    private static void exit(final Throwable e) {
        LOG.error("The alerts topology failed; Wirewatch exits", e);
        // Not from the Streams thread itself: exit runs the shutdown hook, which waits for that thread to stop.
        final Thread t = new Thread(() -> System.exit(WirewatchCli.EXIT_FAILURE), "wirewatch-fatal-exit");
        t.setDaemon(false);
        t.start();
    }
}
