package org.wirewatch.sink;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** The store contract on the embedded default, DuckDB, in a file under target/. */
class DuckDbAnalyticsStoreTest extends AnalyticsStoreContract {

  @Override
  protected SinkConfig freshStore() throws Exception {
    final Path dir = Files.createTempDirectory("duckdb-store");
    return TestStores.config(SinkConfig.defaultUrl(dir), Optional.empty());
  }
}
