package org.wirewatch.streams.replay;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.wirewatch.common.config.CoreConfig;
import org.wirewatch.common.config.Settings;
import org.wirewatch.streams.StreamsStage;
import org.wirewatch.streams.StreamsStageConfig;

/**
 * The three topologies in a process of their own, for the crash and cluster tests: {@code bootstrap registry-url
 * data-dir application-id [key=value ...]}, the optional pairs being further settings. Prints {@code READY} once every
 * topology runs, then runs until killed.
 */
public final class PipelineProcess {

    private PipelineProcess() {}

    public static void main(final String[] args) throws Exception {
        final Map<String, String> values = new HashMap<>(Map.of(
                CoreConfig.BOOTSTRAP_SERVERS,
                args[0],
                CoreConfig.SCHEMA_REGISTRY_URL,
                args[1],
                CoreConfig.DATA_DIR,
                args[2],
                CoreConfig.APPLICATION_ID,
                args[3],
                // A killed member leaves the group after this, rather than after the 45 s default.
                CoreConfig.KAFKA_PREFIX + "session.timeout.ms",
                "6000",
                CoreConfig.KAFKA_PREFIX + "heartbeat.interval.ms",
                "1500"));
        for (int i = 4; i < args.length; i++) {
            final int eq = args[i].indexOf('=');
            values.put(args[i].substring(0, eq), args[i].substring(eq + 1));
        }
        final Settings settings = Settings.of(values);
        final StreamsStage stage = new StreamsStage(CoreConfig.from(settings), StreamsStageConfig.from(settings), e -> {
            e.printStackTrace();
            Runtime.getRuntime().halt(3);
        });
        stage.start();
        while (!stage.ready()) {
            Thread.sleep(50);
        }
        System.out.println("READY");
        System.out.flush();
        new CountDownLatch(1).await();
    }
}
