package org.wirewatch.sink;

/**
 * The stored offset of a partition was not the one this sink started from: another instance of the same group
 * wrote it (after a rebalance this instance has not seen yet). The transaction is rolled back and the sink re-reads
 * its positions from the store, so no record is applied twice.
 */
public final class FencedException extends Exception {

    private static final long serialVersionUID = 1L;

    public FencedException(final String message) {
        super(message);
    }
}
