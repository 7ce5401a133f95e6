package org.wirewatch.sink;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.wirewatch.common.config.CoreConfig;
import org.wirewatch.common.config.Settings;

/**
 * Settings of the analytics store ({@code sink} stage and {@code export} command).
 *
 * <table>
 *   <caption>Keys</caption>
 *   <tr><th>key</th><th>default</th><th>meaning</th></tr>
 *   <tr><td>wirewatch.sink.jdbc.url</td><td>jdbc:duckdb:&lt;data dir&gt;/analytics.duckdb</td><td>the store:
 *   {@code jdbc:duckdb:FILE} (embedded) or {@code jdbc:postgresql://host:5432/db} (production)</td></tr>
 *   <tr><td>wirewatch.sink.jdbc.user</td><td>(unset)</td><td>database user (PostgreSQL)</td></tr>
 *   <tr><td>wirewatch.sink.jdbc.password</td><td>(unset)</td><td>database password (PostgreSQL); masked in logs</td></tr>
 *   <tr><td>wirewatch.sink.group.id</td><td>&lt;application id&gt;-sink</td><td>consumer group; also the key of the
 *   stored offsets, so two stores fed from one cluster need two group ids</td></tr>
 *   <tr><td>wirewatch.sink.poll.timeout</td><td>500ms</td><td>longest wait for records before polling again</td></tr>
 *   <tr><td>wirewatch.sink.retry.backoff.max</td><td>30s</td><td>longest wait between attempts after the database
 *   failed a transaction</td></tr>
 * </table>
 *
 * @param jdbcUrl         JDBC url of the store
 * @param user            database user, if any
 * @param password        database password, if any
 * @param groupId         consumer group and offsets key
 * @param pollTimeout     consumer poll timeout
 * @param maxRetryBackoff cap of the exponential wait after a failed transaction
 */
public record SinkConfig(
        String jdbcUrl,
        Optional<String> user,
        Optional<String> password,
        String groupId,
        Duration pollTimeout,
        Duration maxRetryBackoff) {

    public static final String JDBC_URL = "wirewatch.sink.jdbc.url";
    public static final String JDBC_USER = "wirewatch.sink.jdbc.user";
    public static final String JDBC_PASSWORD = "wirewatch.sink.jdbc.password";
    public static final String GROUP_ID = "wirewatch.sink.group.id";
    public static final String POLL_TIMEOUT = "wirewatch.sink.poll.timeout";
    public static final String RETRY_BACKOFF_MAX = "wirewatch.sink.retry.backoff.max";

    /** File name of the embedded store under the data dir. */
    public static final String DUCKDB_FILE = "analytics.duckdb";

    /** Reads and validates; throws naming every bad key. */
    public static SinkConfig from(final Settings settings, final CoreConfig core) {
        final Settings.Reader r = settings.reader();
        final SinkConfig c = read(r, core);
        r.validate();
        return c;
    }

    /** Reads into a caller's reader, so a command reports core and sink problems together. */
    public static SinkConfig read(final Settings.Reader r, final CoreConfig core) {
        final String url = r.string(JDBC_URL, defaultUrl(core.dataDir()));
        if (Dialect.of(url).isEmpty()) {
            r.problem(JDBC_URL, url, "must start with jdbc:duckdb: or jdbc:postgresql:");
        }
        final Duration poll = r.duration(POLL_TIMEOUT, Duration.ofMillis(500));
        if (poll.isNegative() || poll.isZero()) {
            r.problem(POLL_TIMEOUT, poll.toString(), "must be positive");
        }
        final Duration backoff = r.duration(RETRY_BACKOFF_MAX, Duration.ofSeconds(30));
        if (backoff.isNegative() || backoff.isZero()) {
            r.problem(RETRY_BACKOFF_MAX, backoff.toString(), "must be positive");
        }
        return new SinkConfig(
                url,
                r.optional(JDBC_USER),
                r.optional(JDBC_PASSWORD),
                r.string(GROUP_ID, core.applicationId() + "-sink"),
                poll,
                backoff);
    }

    /** The embedded DuckDB store under a data dir. */
    public static String defaultUrl(final Path dataDir) {
        return "jdbc:duckdb:" + dataDir.resolve(DUCKDB_FILE);
    }

    /** The JDBC url for logs: credentials embedded in a url's query are masked. */
    public String maskedUrl() {
        return jdbcUrl.replaceAll("(?i)(password=)[^&;]*", "$1******");
    }
}
