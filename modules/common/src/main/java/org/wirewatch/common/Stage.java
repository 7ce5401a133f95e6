package org.wirewatch.common;

/**
 * One part of the running pipeline (a topology, an ingest source, the feed, a sink). {@code run} starts every
 * stage in order and closes them in reverse; each scaled-out command runs one.
 */
public interface Stage extends AutoCloseable {

    /** Short name for logs and health output, e.g. {@code normalize}, {@code feed}. */
    String name();

    /** Starts the stage; returns once it is started (not necessarily ready). Throws when it cannot start. */
    void start() throws Exception;

    /** True when the stage serves its purpose, e.g. its Kafka Streams are RUNNING; drives {@code /health/ready}. */
    default boolean ready() {
        return true;
    }

    /** Stops the stage, flushing anything in flight; must be idempotent and must not throw. */
    @Override
    void close();
}
