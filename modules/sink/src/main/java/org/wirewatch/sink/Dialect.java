package org.wirewatch.sink;

import java.util.Optional;

/**
 * The SQL differences between the two supported stores. Everything else (upsert with {@code ON CONFLICT ... DO
 * UPDATE}, {@code EXCLUDED}, {@code CREATE TABLE IF NOT EXISTS}) is written once for both.
 */
public enum Dialect {
    /** Embedded, one file, one writing process. */
    DUCKDB("JSON", "DOUBLE"),
    /** Production, in docker-compose.yml. */
    POSTGRESQL("JSONB", "DOUBLE PRECISION");

    private final String jsonType;
    private final String doubleType;

    Dialect(final String jsonType, final String doubleType) {
        this.jsonType = jsonType;
        this.doubleType = doubleType;
    }

    /** Column type for JSON documents. */
    public String jsonType() {
        return jsonType;
    }

    /** Column type for 64-bit floating point. */
    public String doubleType() {
        return doubleType;
    }

    /** The dialect of a JDBC url, if supported. */
    public static Optional<Dialect> of(final String jdbcUrl) {
        if (jdbcUrl.startsWith("jdbc:duckdb:")) {
            return Optional.of(DUCKDB);
        }
        if (jdbcUrl.startsWith("jdbc:postgresql:")) {
            return Optional.of(POSTGRESQL);
        }
        return Optional.empty();
    }
}
