package org.wirewatch.sink;

import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A throwaway local PostgreSQL cluster for one test class ({@code @RegisterExtension static}), skipped with the
 * reason when Debian's postgresql package is not installed; each {@link #freshStore()} is a new database on it.
 */
final class PostgresCluster implements BeforeAllCallback, AfterAllCallback {

    private PostgresServer postgres;

    @Override
    public void beforeAll(final ExtensionContext context) throws Exception {
        Assumptions.assumeTrue(
                PostgresServer.unavailable().isEmpty(),
                () -> PostgresServer.unavailable().get());
        postgres = PostgresServer.start();
    }

    @Override
    public void afterAll(final ExtensionContext context) throws Exception {
        if (postgres != null) {
            postgres.close();
        }
    }

    /** The sink settings of a new, empty database on the cluster. */
    SinkConfig freshStore() throws Exception {
        return TestStores.config(postgres.newDatabase(), Optional.of(PostgresServer.USER));
    }
}
