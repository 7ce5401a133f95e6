package org.wirewatch.sink;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * An analytics table fed from one compacted topic: one row per record key, upserted on a value and deleted on a
 * tombstone. Every table also records the Kafka partition and offset of the record its row came from, so any row
 * can be traced back to the topic.
 *
 * @param <T> the Avro record type of the topic's values
 */
public final class Table<T> {

    private final String name;
    private final String topic;
    private final String keyColumn;
    private final List<Column<T>> columns;

    public Table(final String name, final String topic, final String keyColumn, final List<Column<T>> valueColumns) {
        this.name = name;
        this.topic = topic;
        this.keyColumn = keyColumn;
        final List<Column<T>> all = new ArrayList<>(valueColumns);
        all.add(new Column<>("kafka_partition", Column.Type.INT, v -> null));
        all.add(new Column<>("kafka_offset", Column.Type.BIGINT, v -> null));
        this.columns = List.copyOf(all);
    }

    public String name() {
        return name;
    }

    public String topic() {
        return topic;
    }

    public String keyColumn() {
        return keyColumn;
    }

    public List<Column<T>> columns() {
        return columns;
    }

    public String createSql(final Dialect d) {
        return "CREATE TABLE IF NOT EXISTS " + name + " (" + keyColumn + " VARCHAR PRIMARY KEY, "
                + columns.stream().map(c -> c.name() + " " + c.sqlType(d)).collect(Collectors.joining(", ")) + ")";
    }

    /** An upsert of {@code rows} rows in one statement (bind them with {@link #bindUpsert}, one after another). */
    public String upsertSql(final Dialect d, final int rows) {
        final String tuple =
                "(?, " + columns.stream().map(c -> c.placeholder(d)).collect(Collectors.joining(", ")) + ")";
        return "INSERT INTO " + name + " (" + keyColumn + ", "
                + columns.stream().map(Column::name).collect(Collectors.joining(", ")) + ") VALUES "
                + String.join(", ", java.util.Collections.nCopies(rows, tuple)) + " ON CONFLICT ("
                + keyColumn + ") DO UPDATE SET "
                + columns.stream()
                        .map(c -> c.name() + " = EXCLUDED." + c.name())
                        .collect(Collectors.joining(", "));
    }

    /** A delete of {@code rows} keys in one statement. */
    public String deleteSql(final int rows) {
        return "DELETE FROM " + name + " WHERE " + keyColumn + " IN ("
                + String.join(", ", java.util.Collections.nCopies(rows, "?")) + ")";
    }

    /** Parameters per upserted row. */
    public int parametersPerRow() {
        return columns.size() + 1;
    }

    /** Binds one row of {@link #upsertSql(Dialect, int)} starting at parameter {@code first}. */
    public void bindUpsert(
            final PreparedStatement ps,
            final int first,
            final String key,
            final T value,
            final int partition,
            final long offset)
            throws SQLException {
        ps.setString(first, key);
        int i = first + 1;
        for (final Column<T> c : columns) {
            final Object v = switch (c.name()) {
                case "kafka_partition" -> partition;
                case "kafka_offset" -> offset;
                default -> c.value().apply(value);
            };
            bind(ps, i++, c.type(), v);
        }
    }

    static void bind(final PreparedStatement ps, final int i, final Column.Type type, final Object v)
            throws SQLException {
        if (v == null) {
            ps.setNull(
                    i,
                    switch (type) {
                        case TEXT, JSON -> Types.VARCHAR;
                        case INT -> Types.INTEGER;
                        case BIGINT -> Types.BIGINT;
                        case DOUBLE -> Types.DOUBLE;
                        case BOOLEAN -> Types.BOOLEAN;
                        case DATE -> Types.DATE;
                        case TIMESTAMP -> Types.TIMESTAMP;
                    });
            return;
        }
        switch (type) {
            case TEXT, JSON -> ps.setString(i, v.toString());
            case INT -> ps.setInt(i, ((Number) v).intValue());
            case BIGINT -> ps.setLong(i, ((Number) v).longValue());
            case DOUBLE -> ps.setDouble(i, ((Number) v).doubleValue());
            case BOOLEAN -> ps.setBoolean(i, (Boolean) v);
            case DATE -> ps.setObject(i, v);
            case TIMESTAMP -> ps.setObject(i, utc((Instant) v));
        }
    }

    /** Stored without a zone, in UTC, so both dialects read back the same wall-clock value. */
    static LocalDateTime utc(final Instant t) {
        return LocalDateTime.ofInstant(t, ZoneOffset.UTC);
    }

    static Instant instant(final Object fromDb) {
        if (fromDb == null) {
            return null;
        }
        if (fromDb instanceof Timestamp ts) {
            return ts.toLocalDateTime().toInstant(ZoneOffset.UTC);
        }
        if (fromDb instanceof LocalDateTime ldt) {
            return ldt.toInstant(ZoneOffset.UTC);
        }
        throw new IllegalArgumentException("not a timestamp: " + fromDb.getClass());
    }
}
