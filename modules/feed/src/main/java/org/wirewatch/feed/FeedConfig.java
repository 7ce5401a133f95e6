package org.wirewatch.feed;

import java.time.Duration;
import org.wirewatch.common.config.CoreConfig;
import org.wirewatch.common.config.Settings;

/**
 * Settings of the feed stage (HTTP server, SSE fan-out, replay buffer).
 *
 * <table>
 *   <caption>Keys</caption>
 *   <tr><th>key</th><th>default</th><th>meaning</th></tr>
 *   <tr><td>wirewatch.feed.port</td><td>wirewatch.http.port, else 8080</td><td>HTTP port of the feed, dashboard,
 *   health and metrics; 0 picks a free port</td></tr>
 *   <tr><td>wirewatch.feed.host</td><td>0.0.0.0</td><td>interface to bind</td></tr>
 *   <tr><td>wirewatch.feed.heartbeat</td><td>15s</td><td>interval of the SSE comment line that keeps idle
 *   connections (and proxies) alive and detects gone clients</td></tr>
 *   <tr><td>wirewatch.feed.replay.events</td><td>10000</td><td>events kept in memory for {@code Last-Event-ID}
 *   resume; older positions are re-read from Kafka</td></tr>
 *   <tr><td>wirewatch.feed.client.queue</td><td>10000</td><td>events queued per SSE client; a client that falls
 *   further behind is disconnected and resumes with its last event id</td></tr>
 *   <tr><td>wirewatch.feed.max.clients</td><td>2000</td><td>concurrent SSE clients; more get 503</td></tr>
 *   <tr><td>wirewatch.feed.sender.threads</td><td>4</td><td>threads writing SSE events to clients</td></tr>
 *   <tr><td>wirewatch.feed.page.max</td><td>500</td><td>largest page size of the REST lists</td></tr>
 * </table>
 *
 * <p>The feed joins no consumer group: it assigns every partition of its four topics and keeps no committed
 * offsets, because every instance must hold the whole view and serve any client's resume position.
 */
public record FeedConfig(
        String host,
        int port,
        Duration heartbeat,
        int replayEvents,
        int clientQueue,
        int maxClients,
        int senderThreads,
        int pageMax) {

    public static final String PORT = "wirewatch.feed.port";
    public static final String HOST = "wirewatch.feed.host";
    public static final String HEARTBEAT = "wirewatch.feed.heartbeat";
    public static final String REPLAY_EVENTS = "wirewatch.feed.replay.events";
    public static final String CLIENT_QUEUE = "wirewatch.feed.client.queue";
    public static final String MAX_CLIENTS = "wirewatch.feed.max.clients";
    public static final String SENDER_THREADS = "wirewatch.feed.sender.threads";
    public static final String PAGE_MAX = "wirewatch.feed.page.max";

    /** Defaults suitable for tests: ephemeral port, everything else as documented. */
    public static FeedConfig defaults() {
        return new FeedConfig("0.0.0.0", 0, Duration.ofSeconds(15), 10_000, 10_000, 2_000, 4, 500);
    }

    /** Reads and validates; throws naming every bad key. */
    public static FeedConfig from(final Settings settings) {
        final Settings.Reader r = settings.reader();
        final FeedConfig c = read(r);
        r.validate();
        return c;
    }

    /** Reads into a caller's reader so that a command reports core and stage problems together. */
    public static FeedConfig read(final Settings.Reader r) {
        final int httpPort = r.port(CoreConfig.HTTP_PORT, 8080);
        final Duration heartbeat = r.duration(HEARTBEAT, Duration.ofSeconds(15));
        if (heartbeat.isNegative() || heartbeat.isZero() || heartbeat.compareTo(Duration.ofMinutes(10)) > 0) {
            r.problem(HEARTBEAT, heartbeat.toString(), "must be between 1ms and 10m");
        }
        return new FeedConfig(
                r.string(HOST, "0.0.0.0"),
                r.port(PORT, httpPort),
                heartbeat,
                r.intValue(REPLAY_EVENTS, 10_000, 0, 10_000_000),
                r.intValue(CLIENT_QUEUE, 10_000, 16, 10_000_000),
                r.intValue(MAX_CLIENTS, 2_000, 1, 1_000_000),
                r.intValue(SENDER_THREADS, 4, 1, 256),
                r.intValue(PAGE_MAX, 500, 1, 100_000));
    }

    public FeedConfig withHeartbeat(final Duration newHeartbeat) {
        return new FeedConfig(host, port, newHeartbeat, replayEvents, clientQueue, maxClients, senderThreads, pageMax);
    }

    public FeedConfig withReplayEvents(final int events) {
        return new FeedConfig(host, port, heartbeat, events, clientQueue, maxClients, senderThreads, pageMax);
    }
}
