package org.wirewatch.common;

/**
 * The record header that marks what a {@code wirewatch reprocess} run changed. The reprocess command puts it on
 * every copy it sends to {@link Topics#REPROCESS_REPORTS}; normalize keeps it on an extraction that changed under the
 * running rules, and Kafka Streams carries a record's headers to what the later stages write because of it, so an
 * incident or claim changed by a reprocess carries it too. Headers rather than a field: a record's value stays
 * exactly what a fresh replay of the archive would write.
 */
public final class ReprocessHeaders {

    /** The start of the reprocess run, ISO-8601 UTC ({@code 2026-12-07T04:00:00Z}), as UTF-8 bytes. */
    public static final String RUN = "wirewatch.reprocess.run";

    private ReprocessHeaders() {}
}
