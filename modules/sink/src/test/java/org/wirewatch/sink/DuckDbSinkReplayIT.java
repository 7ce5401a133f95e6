package org.wirewatch.sink;

import java.nio.file.Files;
import java.util.Optional;

/** Replay and crash equality on the embedded default store, DuckDB. */
class DuckDbSinkReplayIT extends SinkReplayContract {

    @Override
    protected SinkConfig freshStore() throws Exception {
        return TestStores.config(SinkConfig.defaultUrl(Files.createTempDirectory("duckdb-replay")), Optional.empty());
    }
}
