package org.wirewatch.sink;

import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;

/** Replay and crash equality on PostgreSQL, on a throwaway local cluster. */
class PostgresSinkReplayIT extends SinkReplayContract {

  private static PostgresServer postgres;

  @BeforeAll
  static void startPostgres() throws Exception {
    Assumptions.assumeTrue(PostgresServer.unavailable().isEmpty(), () -> PostgresServer.unavailable().get());
    postgres = PostgresServer.start();
  }

  @AfterAll
  static void stopPostgres() throws Exception {
    if (postgres != null) {
      postgres.close();
    }
  }

  @Override
  protected SinkConfig freshStore() throws Exception {
    return TestStores.config(postgres.newDatabase(), Optional.of(PostgresServer.USER));
  }
}
