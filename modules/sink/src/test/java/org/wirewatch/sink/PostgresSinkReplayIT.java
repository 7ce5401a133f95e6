package org.wirewatch.sink;

import org.junit.jupiter.api.extension.RegisterExtension;

/** Replay and crash equality on PostgreSQL, on a throwaway local cluster. */
class PostgresSinkReplayIT extends SinkReplayContract {

    @RegisterExtension
    static final PostgresCluster POSTGRES = new PostgresCluster();

    @Override
    protected SinkConfig freshStore() throws Exception {
        return POSTGRES.freshStore();
    }
}
