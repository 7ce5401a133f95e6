package org.wirewatch.sink;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.wirewatch.schema.CasualtyTally;
import org.wirewatch.schema.Claim;
import org.wirewatch.schema.Incident;
import org.wirewatch.serde.AvroSerdes;

/**
 * The sink alone in its own JVM, for the crash test: {@code SinkProcess <bootstrap> <mock registry url> <jdbc url>
 * <user or -> <group>}. Prints {@code COMMITTED <records>} after every transaction. Registers the three value
 * schemas first, in {@link SinkReplayContract#registerSchemas} order, so its in-memory registry hands out the same
 * ids as the test's.
 */
public final class SinkProcess {

    private SinkProcess() {}

    public static void main(final String[] args) throws Exception {
        final String registry = args[1];
        SinkReplayContract.registerSchemas(registry);
        final SinkConfig config = new SinkConfig(
                args[2],
                "-".equals(args[3]) ? Optional.empty() : Optional.of(args[3]),
                Optional.empty(),
                args[4],
                Duration.ofMillis(100),
                Duration.ofSeconds(1));
        final AnalyticsSink sink = new AnalyticsSink(
                config,
                // A short session lets the restarted sink take the partitions over soon after this JVM is killed.
                Map.of(
                        "bootstrap.servers",
                        args[0],
                        "max.poll.records",
                        10,
                        "session.timeout.ms",
                        6000,
                        "heartbeat.interval.ms",
                        1000),
                new AnalyticsSink.Decoders(
                        AvroSerdes.value(Incident.class, registry).deserializer(),
                        AvroSerdes.value(Claim.class, registry).deserializer(),
                        AvroSerdes.value(CasualtyTally.class, registry).deserializer()),
                (records, offsets) -> {
                    System.out.println("COMMITTED " + records);
                    System.out.flush();
                });
        sink.start();
        new CountDownLatch(1).await();
    }
}
