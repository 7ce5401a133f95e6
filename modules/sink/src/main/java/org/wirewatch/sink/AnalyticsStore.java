package org.wirewatch.sink;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.duckdb.DuckDBConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The relational store: creates the tables of {@link AnalyticsTables} plus two of its own, and applies one
 * {@link ChangeBatch} per transaction together with the consumer offsets it reached. Because rows and offsets
 * commit or roll back together, a crash at any point leaves the store at the state of some whole number of batches,
 * and the restarted sink continues from exactly the offsets that state corresponds to.
 *
 * <ul>
 *   <li>{@code sink_offsets (group_id, topic, partition_id, next_offset, updated_at)}: the next offset to read per
 *   partition and group; the only place the sink's position is kept (it never commits offsets to Kafka).</li>
 *   <li>{@code sink_dead_letters (topic, partition_id, kafka_offset, record_key, error, recorded_at)}: records that
 *   could not be decoded.</li>
 * </ul>
 *
 * <p>Not thread-safe: one writer thread; readers take their own {@link #openReader()} connection.
 */
public final class AnalyticsStore implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AnalyticsStore.class);

    private final SinkConfig config;
    private final Dialect dialect;
    private final Connection connection;
    // Keyed by SQL text; a handful of chunk sizes per table recur, so the cache stays small in practice but is bounded.
    private final Map<String, PreparedStatement> statements = new java.util.LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(final Map.Entry<String, PreparedStatement> eldest) {
            if (size() > 64) {
                closeQuietly(eldest.getValue());
                return true;
            }
            return false;
        }
    };

    private AnalyticsStore(final SinkConfig config, final Dialect dialect, final Connection connection) {
        this.config = config;
        this.dialect = dialect;
        this.connection = connection;
    }

    /** Opens the store and creates missing tables. */
    public static AnalyticsStore open(final SinkConfig config) throws SQLException {
        final Dialect dialect = Dialect.of(config.jdbcUrl())
                .orElseThrow(() -> new SQLException("unsupported JDBC url " + config.maskedUrl()));
        final Connection c = connect(config, dialect);
        try {
            final AnalyticsStore store = new AnalyticsStore(config, dialect, c);
            store.createSchema();
            LOG.info("Analytics store {} open ({})", config.maskedUrl(), dialect);
            return store;
        } catch (final SQLException | RuntimeException e) {
            c.close();
            throw e;
        }
    }

    private static Connection connect(final SinkConfig config, final Dialect dialect) throws SQLException {
        if (dialect == Dialect.DUCKDB) {
            final String file = config.jdbcUrl().substring("jdbc:duckdb:".length());
            if (!file.isEmpty() && !file.startsWith(":memory:")) {
                final Path parent = Path.of(file).toAbsolutePath().getParent();
                try {
                    Files.createDirectories(parent);
                } catch (final IOException e) {
                    throw new UncheckedIOException("cannot create " + parent, e);
                }
            }
        }
        final Properties p = new Properties();
        config.user().ifPresent(u -> p.setProperty("user", u));
        config.password().ifPresent(pw -> p.setProperty("password", pw));
        try {
            return DriverManager.getConnection(config.jdbcUrl(), p);
        } catch (final SQLException e) {
            final Path wal = dialect == Dialect.DUCKDB ? unreadableWal(config, e) : null;
            if (wal != null) {
                // A kill -9 in the middle of a write can leave a torn last entry, which DuckDB refuses to replay. The
                // log holds only transactions since the last checkpoint, and each of them moved the sink's positions
                // together with its rows: without it the store is an older consistent state, and the sink reads those
                // records from Kafka again. Kept beside the file, not deleted, for whoever wants to look at it.
                final Path aside = wal.resolveSibling(wal.getFileName() + ".unreadable-" + System.currentTimeMillis());
                try {
                    Files.move(wal, aside);
                } catch (final IOException io) {
                    e.addSuppressed(io);
                    throw e;
                }
                LOG.warn(
                        "The analytics store's write-ahead log {} could not be replayed ({}); moved it to {} and reopened"
                                + " the store at its last checkpoint: the sink reads what it held from Kafka again",
                        wal,
                        e.getMessage(),
                        aside.getFileName());
                return DriverManager.getConnection(config.jdbcUrl(), p);
            }
            if (dialect == Dialect.DUCKDB && String.valueOf(e.getMessage()).contains("lock")) {
                throw new SQLException(
                        "The analytics store " + config.maskedUrl() + " is open in another process (a running"
                                + " wirewatch?). DuckDB allows one process per file: stop it, or use PostgreSQL for shared access. ("
                                + e.getMessage() + ")",
                        e);
            }
            throw e;
        }
    }

    /** The DuckDB write-ahead log that {@code e} says could not be replayed, or null for any other failure. */
    private static Path unreadableWal(final SinkConfig config, final SQLException e) {
        final String message = String.valueOf(e.getMessage());
        final String file = config.jdbcUrl().substring("jdbc:duckdb:".length());
        if (file.isEmpty()
                || file.startsWith(":memory:")
                || !message.contains("WAL")
                || !(message.contains("Corrupt") || message.contains("replaying"))) {
            return null;
        }
        final Path wal = Path.of(file + ".wal");
        return Files.isRegularFile(wal) ? wal : null;
    }

    private void createSchema() throws SQLException {
        try (Statement s = connection.createStatement()) {
            for (final Table<?> t : AnalyticsTables.ALL) {
                s.execute(t.createSql(dialect));
            }
            s.execute("CREATE TABLE IF NOT EXISTS sink_offsets (group_id VARCHAR NOT NULL, topic VARCHAR NOT NULL,"
                    + " partition_id INTEGER NOT NULL, next_offset BIGINT NOT NULL, updated_at TIMESTAMP NOT NULL,"
                    + " PRIMARY KEY (group_id, topic, partition_id))");
            s.execute(
                    "CREATE TABLE IF NOT EXISTS sink_dead_letters (topic VARCHAR NOT NULL, partition_id INTEGER NOT NULL,"
                            + " kafka_offset BIGINT NOT NULL, record_key VARCHAR, error VARCHAR NOT NULL, recorded_at TIMESTAMP NOT NULL,"
                            + " PRIMARY KEY (topic, partition_id, kafka_offset))");
        }
        connection.setAutoCommit(false);
        connection.commit();
    }

    public Dialect dialect() {
        return dialect;
    }

    /**
     * A separate connection for reading (export, tests) while this store writes: DuckDB shares the open database
     * within the process, PostgreSQL opens a new session. The caller closes it.
     */
    public Connection openReader() throws SQLException {
        if (connection instanceof DuckDBConnection duck) {
            return duck.duplicate();
        }
        return connect(config, dialect);
    }

    /** Opens a read connection to a store without creating anything, e.g. for {@code export}. */
    public static Connection openReader(final SinkConfig config) throws SQLException {
        final Dialect dialect = Dialect.of(config.jdbcUrl())
                .orElseThrow(() -> new SQLException("unsupported JDBC url " + config.maskedUrl()));
        return connect(config, dialect);
    }

    /** The stored next offsets of a group, for the partitions it has a row for. */
    public Map<PartitionKey, Long> storedOffsets(final String groupId) throws SQLException {
        final Map<PartitionKey, Long> out = storedOffsets(connection, groupId);
        connection.commit();
        return out;
    }

    /** The stored next offsets of a group, read through any connection (e.g. a reader's). */
    public static Map<PartitionKey, Long> storedOffsets(final Connection c, final String groupId) throws SQLException {
        final Map<PartitionKey, Long> out = new HashMap<>();
        try (PreparedStatement ps =
                c.prepareStatement("SELECT topic, partition_id, next_offset FROM sink_offsets WHERE group_id = ?")) {
            ps.setString(1, groupId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(new PartitionKey(rs.getString(1), rs.getInt(2)), rs.getLong(3));
                }
            }
        }
        return out;
    }

    /**
     * Applies a batch and moves the group's offsets in one transaction.
     *
     * @param expected the offsets this sink believes are stored (absent: no row yet); a mismatch means another
     *                 instance wrote them, and the whole transaction is rolled back
     * @throws FencedException when {@code expected} does not hold; nothing was written
     * @throws SQLException    when the database failed; nothing was written
     */
    public void apply(final String groupId, final ChangeBatch batch, final Map<PartitionKey, Long> expected)
            throws SQLException, FencedException {
        try {
            final Map<Table<?>, List<ChangeBatch.Change>> upsertsByTable = new java.util.LinkedHashMap<>();
            final Map<Table<?>, List<String>> deletesByTable = new java.util.LinkedHashMap<>();
            for (final ChangeBatch.Change c : batch.changes()) {
                if (c.value() == null) {
                    deletesByTable
                            .computeIfAbsent(c.table(), t -> new java.util.ArrayList<>())
                            .add(c.key());
                } else {
                    upsertsByTable
                            .computeIfAbsent(c.table(), t -> new java.util.ArrayList<>())
                            .add(c);
                }
            }
            // Each key occurs once per batch, so deletes and upserts do not depend on each other's order.
            for (final var e : deletesByTable.entrySet()) {
                for (final List<String> chunk : chunks(e.getValue())) {
                    final PreparedStatement del = statement(e.getKey().deleteSql(chunk.size()));
                    for (int i = 0; i < chunk.size(); i++) {
                        del.setString(i + 1, chunk.get(i));
                    }
                    del.executeUpdate();
                }
            }
            for (final var e : upsertsByTable.entrySet()) {
                final Table<?> table = e.getKey();
                for (final List<ChangeBatch.Change> chunk : chunks(e.getValue())) {
                    final PreparedStatement up = statement(table.upsertSql(dialect, chunk.size()));
                    int first = 1;
                    for (final ChangeBatch.Change c : chunk) {
                        bindUpsert(up, first, c);
                        first += table.parametersPerRow();
                    }
                    up.executeUpdate();
                }
            }
            final Instant now = Instant.now();
            for (final ChangeBatch.DeadLetter d : batch.deadLetters()) {
                insertDeadLetter(d, now);
            }
            for (final Map.Entry<PartitionKey, Long> e : batch.nextOffsets().entrySet()) {
                moveOffset(groupId, e.getKey(), expected.get(e.getKey()), e.getValue(), now);
            }
            connection.commit();
        } catch (final SQLException | FencedException | RuntimeException e) {
            rollbackQuietly();
            throw e;
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> void bindUpsert(final PreparedStatement ps, final int first, final ChangeBatch.Change c)
            throws SQLException {
        ((Table<T>) c.table()).bindUpsert(ps, first, c.key(), (T) c.value(), c.partition(), c.offset());
    }

    /** Rows per statement: many rows per statement is what makes DuckDB fast; PostgreSQL allows 32767 parameters. */
    static final int ROWS_PER_STATEMENT = 256;

    private static <X> List<List<X>> chunks(final List<X> all) {
        final List<List<X>> out = new java.util.ArrayList<>();
        for (int i = 0; i < all.size(); i += ROWS_PER_STATEMENT) {
            out.add(all.subList(i, Math.min(all.size(), i + ROWS_PER_STATEMENT)));
        }
        return out;
    }

    private PreparedStatement statement(final String sql) {
        return statements.computeIfAbsent(sql, this::prepare);
    }

    private void moveOffset(
            final String groupId, final PartitionKey tp, final Long expected, final long next, final Instant now)
            throws SQLException, FencedException {
        if (expected == null) {
            // A concurrent instance inserting the same row makes this fail on the primary key: also a fence.
            try (PreparedStatement ps = connection.prepareStatement("INSERT INTO sink_offsets (group_id, topic,"
                    + " partition_id, next_offset, updated_at) VALUES (?, ?, ?, ?, ?)")) {
                ps.setString(1, groupId);
                ps.setString(2, tp.topic());
                ps.setInt(3, tp.partition());
                ps.setLong(4, next);
                ps.setObject(5, Table.utc(now));
                ps.executeUpdate();
            } catch (final SQLException e) {
                if (rowExists(groupId, tp)) {
                    throw new FencedException(
                            "offsets of " + tp + " for group " + groupId + " were created by another sink");
                }
                throw e;
            }
            return;
        }
        try (PreparedStatement ps =
                connection.prepareStatement("UPDATE sink_offsets SET next_offset = ?, updated_at = ?"
                        + " WHERE group_id = ? AND topic = ? AND partition_id = ? AND next_offset = ?")) {
            ps.setLong(1, next);
            ps.setObject(2, Table.utc(now));
            ps.setString(3, groupId);
            ps.setString(4, tp.topic());
            ps.setInt(5, tp.partition());
            ps.setLong(6, expected);
            if (ps.executeUpdate() != 1) {
                throw new FencedException("offset of " + tp + " for group " + groupId + " is no longer " + expected);
            }
        }
    }

    private boolean rowExists(final String groupId, final PartitionKey tp) {
        rollbackQuietly();
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT 1 FROM sink_offsets WHERE group_id = ? AND topic = ? AND partition_id = ?")) {
            ps.setString(1, groupId);
            ps.setString(2, tp.topic());
            ps.setInt(3, tp.partition());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        } catch (final SQLException e) {
            return false;
        }
    }

    private void insertDeadLetter(final ChangeBatch.DeadLetter d, final Instant now) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("INSERT INTO sink_dead_letters (topic, partition_id,"
                + " kafka_offset, record_key, error, recorded_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
            ps.setString(1, d.topic());
            ps.setInt(2, d.partition());
            ps.setLong(3, d.offset());
            ps.setString(4, d.key());
            ps.setString(5, d.error());
            ps.setObject(6, Table.utc(now));
            ps.executeUpdate();
        }
    }

    private PreparedStatement prepare(final String sql) {
        try {
            return connection.prepareStatement(sql);
        } catch (final SQLException e) {
            throw new IllegalStateException("cannot prepare " + sql, e);
        }
    }

    private void rollbackQuietly() {
        try {
            connection.rollback();
        } catch (final SQLException e) {
            LOG.warn("Rollback of the analytics store failed: {}", e.getMessage());
        }
    }

    /** Row counts per table, for logs and status output. */
    public Map<String, Long> counts() throws SQLException {
        final Map<String, Long> out = new java.util.LinkedHashMap<>();
        try (Statement s = connection.createStatement()) {
            for (final String t : List.of("incidents", "claims", "tallies", "sink_dead_letters")) {
                try (ResultSet rs = s.executeQuery("SELECT count(*) FROM " + t)) {
                    rs.next();
                    out.put(t, rs.getLong(1));
                }
            }
        }
        connection.commit();
        return out;
    }

    @Override
    public void close() {
        for (final PreparedStatement ps : statements.values()) {
            closeQuietly(ps);
        }
        try {
            connection.close();
        } catch (final SQLException e) {
            LOG.warn("Closing the analytics store failed: {}", e.getMessage());
        }
    }

    private static void closeQuietly(final AutoCloseable c) {
        try {
            c.close();
        } catch (final Exception e) {
            LOG.debug("close failed", e);
        }
    }
}
