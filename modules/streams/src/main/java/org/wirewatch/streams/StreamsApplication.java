package org.wirewatch.streams;

import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one lifecycle of every Kafka Streams application Wirewatch runs (normalize, consolidate, tally, alerts):
 * built from its topology and the properties of {@link StreamsStageConfig#properties}, its {@code describe()}
 * logged, state changes logged; an unexpected failure shuts this client down and is told once to the fatal-error
 * callback (the command then exits non-zero); ready only while RUNNING; closed within a bound, leaving its group so
 * that a restart rebalances at once instead of waiting out this member's session.
 */
public final class StreamsApplication {

    private static final Logger LOG = LoggerFactory.getLogger(StreamsApplication.class);

    private final String name;
    private final KafkaStreams streams;
    private final AtomicReference<Throwable> failure = new AtomicReference<>();

    /**
     * @param name       the topology's name in logs ({@code normalize}, {@code alerts}...)
     * @param topology   what to run
     * @param properties from {@link StreamsStageConfig#properties}
     * @param onFatal    told once, from a Streams thread, when the application dies of an unexpected error
     */
    public StreamsApplication(
            final String name,
            final Topology topology,
            final Properties properties,
            final Consumer<Throwable> onFatal) {
        this.name = name;
        LOG.info(
                "Topology {} ({}):{}{}",
                name,
                properties.get(StreamsConfig.APPLICATION_ID_CONFIG),
                System.lineSeparator(),
                topology.describe());
        this.streams = new KafkaStreams(topology, properties);
        streams.setUncaughtExceptionHandler(e -> {
            LOG.error("Topology {} failed; shutting it down", name, e);
            if (failure.compareAndSet(null, e) && onFatal != null) {
                onFatal.accept(e);
            }
            return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        });
        streams.setStateListener((now, before) -> LOG.info("Topology {}: {} -> {}", name, before, now));
    }

    public void start() {
        streams.start();
    }

    /** The Kafka Streams client, for interactive queries and metrics. */
    public KafkaStreams client() {
        return streams;
    }

    /** RUNNING and never failed. */
    public boolean ready() {
        return failure.get() == null && streams.state() == KafkaStreams.State.RUNNING;
    }

    /** The error that stopped the application, if one did. */
    public Optional<Throwable> failure() {
        return Optional.ofNullable(failure.get());
    }

    /**
     * Closes several applications within one {@code timeout} in all: each begins closing at once (its last commit,
     * producer and consumer close run beside the others'), then each is waited for until the shared deadline.
     */
    public static void closeAll(final java.util.List<StreamsApplication> applications, final Duration timeout) {
        for (final StreamsApplication a : applications) {
            a.close(Duration.ZERO, false);
        }
        final long deadline = System.nanoTime() + timeout.toNanos();
        for (final StreamsApplication a : applications) {
            a.close(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())), true);
        }
    }

    /** Closes within {@code timeout}, leaving the group; a failure to close is logged, never thrown. */
    public void close(final Duration timeout) {
        close(timeout, true);
    }

    private void close(final Duration timeout, final boolean waitedFor) {
        try {
            final boolean closed = streams.close(CloseOptions.timeout(timeout)
                    .withGroupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP));
            if (!closed && waitedFor) {
                LOG.warn("Topology {} did not close within {}", name, timeout);
            }
        } catch (final RuntimeException e) {
            LOG.warn("Topology {} failed while closing", name, e);
        }
    }
}
