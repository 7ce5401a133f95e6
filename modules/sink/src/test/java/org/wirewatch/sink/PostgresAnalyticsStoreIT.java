package org.wirewatch.sink;

import org.junit.jupiter.api.extension.RegisterExtension;

/** The store contract on PostgreSQL, the production store, on a throwaway local cluster. */
class PostgresAnalyticsStoreIT extends AnalyticsStoreContract {

    @RegisterExtension
    static final PostgresCluster POSTGRES = new PostgresCluster();

    @Override
    protected SinkConfig freshStore() throws Exception {
        return POSTGRES.freshStore();
    }
}
