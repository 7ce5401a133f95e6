package org.wirewatch.ingest;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.wirewatch.common.config.Settings;
import org.wirewatch.formats.ReportParser;

/**
 * Settings of the ingest sources, validated at start.
 *
 * <table>
 *   <caption>Keys</caption>
 *   <tr><th>key</th><th>default</th><th>meaning</th></tr>
 *   <tr><td>wirewatch.ingest.inbox.enabled</td><td>true</td><td>watch the drop folder</td></tr>
 *   <tr><td>wirewatch.ingest.inbox.dir</td><td>inbox</td><td>drop folder; {@code processed/} and {@code failed/}
 *   are created inside it</td></tr>
 *   <tr><td>wirewatch.ingest.inbox.rescan</td><td>2s</td><td>full rescan period, beside the file-system watch</td></tr>
 *   <tr><td>wirewatch.ingest.inbox.settle</td><td>500ms</td><td>a file is read once its size and modification time
 *   have not changed for this long (so half-copied files are never read)</td></tr>
 *   <tr><td>wirewatch.ingest.http.enabled</td><td>true</td><td>accept {@code POST /v1/reports}</td></tr>
 *   <tr><td>wirewatch.ingest.http.token</td><td>(generated)</td><td>bearer token for HTTP push; when unset, a random
 *   token is generated once and kept in {@code <data dir>/ingest/http-token}</td></tr>
 *   <tr><td>wirewatch.ingest.http.port</td><td>wirewatch.http.port (8080)</td><td>port of the push server when ingest serves it alone
 *   ({@code wirewatch ingest http}); under {@code run} the push endpoint shares the feed's server</td></tr>
 *   <tr><td>wirewatch.ingest.max.bytes</td><td>4194304</td><td>largest accepted input (file, body, feed document)</td></tr>
 *   <tr><td>wirewatch.ingest.feeds</td><td>(none)</td><td>comma-separated RSS/Atom URLs to poll</td></tr>
 *   <tr><td>wirewatch.ingest.feeds.interval</td><td>5m</td><td>poll period per feed</td></tr>
 *   <tr><td>wirewatch.ingest.feeds.max.backoff</td><td>1h</td><td>longest wait after repeated errors (the wait
 *   doubles from the interval on every failed poll)</td></tr>
 * </table>
 */
public record IngestConfig(
        boolean inboxEnabled,
        Path inboxDir,
        Duration rescan,
        Duration settle,
        boolean httpEnabled,
        Optional<String> httpToken,
        int httpPort,
        int maxBytes,
        List<URI> feeds,
        Duration pollInterval,
        Duration maxBackoff) {

    public static final String INBOX_ENABLED = "wirewatch.ingest.inbox.enabled";
    public static final String INBOX_DIR = "wirewatch.ingest.inbox.dir";
    public static final String INBOX_RESCAN = "wirewatch.ingest.inbox.rescan";
    public static final String INBOX_SETTLE = "wirewatch.ingest.inbox.settle";
    public static final String HTTP_ENABLED = "wirewatch.ingest.http.enabled";
    public static final String HTTP_TOKEN = "wirewatch.ingest.http.token";
    public static final String HTTP_PORT = "wirewatch.ingest.http.port";
    public static final String MAX_BYTES = "wirewatch.ingest.max.bytes";
    public static final String FEEDS = "wirewatch.ingest.feeds";
    public static final String FEEDS_INTERVAL = "wirewatch.ingest.feeds.interval";
    public static final String FEEDS_MAX_BACKOFF = "wirewatch.ingest.feeds.max.backoff";

    /** The push server's port when nothing else says. */
    public static final int DEFAULT_HTTP_PORT = 8080;

    private static final int MIN_TOKEN_LENGTH = 16;

    /** Reads and validates; throws a ConfigException naming every bad key. */
    public static IngestConfig from(Settings settings) {
        return from(settings, DEFAULT_HTTP_PORT);
    }

    /**
     * Reads and validates, with the push server's port defaulting to {@code defaultHttpPort} (the shared
     * {@code wirewatch.http.port}); throws a ConfigException naming every bad key.
     */
    public static IngestConfig from(Settings settings, int defaultHttpPort) {
        Settings.Reader r = settings.reader();
        IngestConfig config = read(r, defaultHttpPort);
        r.validate();
        return config;
    }

    /** Reads into a caller's reader, so a command can validate every stage's settings in one report. */
    public static IngestConfig read(Settings.Reader r, int defaultHttpPort) {
        Optional<String> token = r.optional(HTTP_TOKEN);
        if (token.isPresent() && token.get().strip().length() < MIN_TOKEN_LENGTH) {
            r.problem(HTTP_TOKEN, token.get(), "must be at least " + MIN_TOKEN_LENGTH + " characters");
        }
        List<URI> feeds = new ArrayList<>();
        for (String url : r.list(FEEDS, List.of())) {
            try {
                URI uri = URI.create(url);
                if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
                    r.problem(FEEDS, url, "every feed must be an http:// or https:// URL");
                } else {
                    feeds.add(uri);
                }
            } catch (IllegalArgumentException e) {
                r.problem(FEEDS, url, "not a URL: " + e.getMessage());
            }
        }
        Duration interval = r.duration(FEEDS_INTERVAL, Duration.ofMinutes(5));
        Duration maxBackoff = r.duration(FEEDS_MAX_BACKOFF, Duration.ofHours(1));
        if (interval.compareTo(Duration.ofSeconds(1)) < 0) {
            r.problem(FEEDS_INTERVAL, interval.toString(), "must be at least 1s");
        }
        if (maxBackoff.compareTo(interval) < 0) {
            r.problem(FEEDS_MAX_BACKOFF, maxBackoff.toString(), "must not be shorter than " + FEEDS_INTERVAL);
        }
        Duration rescan = r.duration(INBOX_RESCAN, Duration.ofSeconds(2));
        Duration settle = r.duration(INBOX_SETTLE, Duration.ofMillis(500));
        if (rescan.isZero() || rescan.isNegative()) {
            r.problem(INBOX_RESCAN, rescan.toString(), "must be positive");
        }
        return new IngestConfig(
                r.bool(INBOX_ENABLED, true),
                r.path(INBOX_DIR, Path.of("inbox")),
                rescan,
                settle,
                r.bool(HTTP_ENABLED, true),
                token.map(String::strip),
                r.port(HTTP_PORT, defaultHttpPort),
                r.intValue(MAX_BYTES, ReportParser.DEFAULT_MAX_BYTES, 1024, 256 * 1024 * 1024),
                List.copyOf(feeds),
                interval,
                maxBackoff);
    }
}
