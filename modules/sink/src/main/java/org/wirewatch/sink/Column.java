package org.wirewatch.sink;

import java.util.function.Function;

/**
 * One column of an analytics table and how to read its value from a record.
 *
 * @param name  column name (snake_case, no reserved words in either dialect)
 * @param type  SQL type family
 * @param value the value for a record; null means SQL NULL
 * @param <T>   the record type
 */
public record Column<T>(String name, Type type, Function<T, Object> value) {

    /** SQL type families, spelled per dialect by {@link #sqlType(Dialect)}. */
    public enum Type {
        TEXT,
        INT,
        BIGINT,
        DOUBLE,
        BOOLEAN,
        DATE,
        TIMESTAMP,
        JSON
    }

    /** The column's type in a dialect. Timestamps are UTC without a zone, as Kafka and Avro carry them. */
    public String sqlType(final Dialect dialect) {
        return switch (type) {
            case TEXT -> "VARCHAR";
            case INT -> "INTEGER";
            case BIGINT -> "BIGINT";
            case DOUBLE -> dialect.doubleType();
            case BOOLEAN -> "BOOLEAN";
            case DATE -> "DATE";
            case TIMESTAMP -> "TIMESTAMP";
            case JSON -> dialect.jsonType();
        };
    }

    /** The bind placeholder: JSON needs an explicit cast from text in PostgreSQL. */
    public String placeholder(final Dialect dialect) {
        return type == Type.JSON ? "CAST(? AS " + dialect.jsonType() + ")" : "?";
    }
}
