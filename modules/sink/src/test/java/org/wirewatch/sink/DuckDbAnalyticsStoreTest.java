package org.wirewatch.sink;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The store contract on the embedded default, DuckDB, in a file under target/. */
class DuckDbAnalyticsStoreTest extends AnalyticsStoreContract {

    @Override
    protected SinkConfig freshStore() throws Exception {
        final Path dir = Files.createTempDirectory("duckdb-store");
        return TestStores.config(SinkConfig.defaultUrl(dir), Optional.empty());
    }

    @Test
    void shouldReopenAtTheLastCheckpointWhenTheWriteAheadLogCannotBeReplayed() throws Exception {
        // given: a store that holds one batch and its position, then a write-ahead log that does not replay (what a
        // kill -9 in the middle of a write can leave)
        final Path dir = Files.createTempDirectory("duckdb-torn-log");
        final SinkConfig config = TestStores.config(SinkConfig.defaultUrl(dir), Optional.empty());
        try (AnalyticsStore store = AnalyticsStore.open(config)) {
            final ChangeBatch batch = new ChangeBatch();
            batch.put(AnalyticsTables.INCIDENTS, "inc-a", Fixtures.incident("inc-a", 10), 0, 0);
            store.apply("g", batch, Map.of());
        }
        // a later transaction left in the log (no checkpoint at close), then one byte of its entry flipped
        try (Connection c = DriverManager.getConnection(config.jdbcUrl());
                Statement s = c.createStatement()) {
            s.execute("PRAGMA disable_checkpoint_on_shutdown");
            s.execute("SET checkpoint_threshold = '1GB'");
            s.execute("CREATE TABLE later AS SELECT range AS x FROM range(10000)");
        }
        final Path wal = Path.of(config.jdbcUrl().substring("jdbc:duckdb:".length()) + ".wal");
        final byte[] log = Files.readAllBytes(wal);
        log[log.length / 2] ^= 0x5A;
        Files.write(wal, log);

        // when
        try (AnalyticsStore store = AnalyticsStore.open(config)) {
            // then: the checkpointed rows and positions are there
            assertThat(store.counts()).containsEntry("incidents", 1L);
            assertThat(store.storedOffsets("g")).isNotEmpty();
        }
        // and the log is kept beside the file, not deleted
        try (Stream<Path> files = Files.list(wal.getParent())) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .anyMatch(n -> n.startsWith(wal.getFileName() + ".unreadable-"));
        }
    }
}
