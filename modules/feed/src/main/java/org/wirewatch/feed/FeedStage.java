package org.wirewatch.feed;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Header;
import io.javalin.http.HttpStatus;
import io.javalin.http.sse.SseClient;
import io.javalin.http.staticfiles.Location;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wirewatch.common.Stage;
import org.wirewatch.common.query.TallyEndpoints;
import org.wirewatch.common.query.TallyQueries;

/**
 * The live feed stage: one Kafka consumer over the incidents, claims, tallies and alerts topics feeding an
 * in-memory view and a replay buffer, served over HTTP by Javalin.
 *
 * <table>
 *   <caption>Endpoints</caption>
 *   <tr><td>GET /</td><td>the dashboard (static, self-contained)</td></tr>
 *   <tr><td>GET /v1/stream</td><td>Server-Sent Events; filters {@code types}, {@code region}, {@code minKilled};
 *   resume with {@code Last-Event-ID} (or {@code ?lastEventId=})</td></tr>
 *   <tr><td>GET /v1/incidents</td><td>filters country, region, since, until, minKilled; limit/offset paging</td></tr>
 *   <tr><td>GET /v1/incidents/{id}</td><td>one incident, its claims side by side and the evidence sentences</td></tr>
 *   <tr><td>GET /v1/tallies</td><td>region, window (P1D, P7D, P30D), from/to or date</td></tr>
 *   <tr><td>GET /v1/regions</td><td>every region with its 1/7/30-day tallies and a daily series</td></tr>
 *   <tr><td>GET /v1/tally-regions</td><td>the region codes that have a tally (all instances')</td></tr>
 *   <tr><td>GET /v1/alerts</td><td>latest alerts</td></tr>
 *   <tr><td>GET /health/live, /health/ready</td><td>ready when every registered stage is ready</td></tr>
 *   <tr><td>GET /metrics</td><td>Prometheus text format</td></tr>
 * </table>
 *
 * <p>SSE events: {@code event:} is {@code incident}, {@code claim}, {@code tally} or {@code alert} with the plain
 * JSON of the record as data, or {@code <type>-removed} with {@code {"key":...}} for a tombstone; the first event
 * of every connection is {@code hello} with the starting position. Ids encode the client's Kafka position
 * ({@link Position}): a reconnect with {@code Last-Event-ID} receives exactly the records after it, from the replay
 * buffer or, if older, re-read from Kafka (then superseded versions that compaction removed are not resent).
 */
public final class FeedStage implements Stage {

    private static final Logger LOG = LoggerFactory.getLogger(FeedStage.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final FeedConfig config;
    private final Map<String, Object> kafka;
    private final FeedTopics topics;
    private final RecordDecoder decoder;
    private final TallyQueries tallyQueries;
    private final TallyQueries peerTallyQueries;
    private final PrometheusMeterRegistry registry;
    private final Supplier<? extends Collection<? extends Stage>> stages;
    private final List<Consumer<Javalin>> extraRoutes;
    private final List<Consumer<MeterRegistry>> binders;
    private final Map<String, Supplier<?>> healthDetails;
    private final AtomicLong clientIds = new AtomicLong();

    private volatile Javalin app;
    private volatile FeedConsumer consumer;
    private volatile SseHub hub;
    private volatile FeedState state;
    private volatile KafkaRangeReader rangeReader;
    private volatile FeedMetrics metrics;
    private volatile boolean started;

    private FeedStage(final Builder b) {
        this.config = Objects.requireNonNull(b.config, "config");
        this.kafka = Map.copyOf(Objects.requireNonNull(b.kafka, "kafka client settings"));
        this.topics = b.topics;
        this.decoder = Objects.requireNonNull(b.decoder, "decoder");
        this.tallyQueries = b.tallyQueries;
        this.peerTallyQueries = b.peerTallyQueries;
        this.registry = b.registry != null ? b.registry : new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        this.stages = b.stages;
        this.extraRoutes = List.copyOf(b.routes);
        this.binders = List.copyOf(b.binders);
        this.healthDetails = new java.util.LinkedHashMap<>(b.healthDetails);
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String name() {
        return "feed";
    }

    @Override
    public synchronized void start() {
        if (started) {
            return;
        }
        metrics = new FeedMetrics(registry, topics);
        hub = new SseHub(config.senderThreads(), config.heartbeat());
        final FeedView view = new FeedView();
        state = new FeedState(view, new ReplayBuffer(config.replayEvents(), Position.start(new int[0])), hub);
        rangeReader = new KafkaRangeReader(kafka, topics, decoder, state, Duration.ofSeconds(30));
        metrics.gauges(hub::size, state::buffered);
        final FeedApi api = new FeedApi(
                state,
                tallyQueries,
                peerTallyQueries,
                () -> {
                    final FeedConsumer c = consumer;
                    return c != null && c.caughtUp();
                },
                metrics,
                config.pageMax());
        app = Javalin.create(cfg -> {
            cfg.showJavalinBanner = false;
            cfg.useVirtualThreads = false;
            cfg.staticFiles.add(s -> {
                s.hostedPath = "/";
                s.directory = "/org/wirewatch/feed/dashboard";
                s.location = Location.CLASSPATH;
            });
        });
        app.exception(FeedApi.BadRequest.class, (e, ctx) -> FeedApi.error(ctx, HttpStatus.BAD_REQUEST, e.getMessage()));
        app.exception(FeedApi.Unavailable.class, (e, ctx) -> FeedApi.unavailable(ctx, e));
        app.get("/v1/stream", this::stream);
        app.get("/v1/incidents", api::incidents);
        app.get("/v1/incidents/{id}", api::incident);
        app.get(TallyEndpoints.TALLIES_PATH, api::tallies);
        app.get(TallyEndpoints.REGIONS_PATH, api::tallyRegions);
        app.get("/v1/regions", api::regions);
        app.get("/v1/alerts", api::alerts);
        app.get("/health/live", ctx -> ctx.json(Map.of("status", "UP")));
        app.get("/health/ready", this::ready);
        app.get(
                "/metrics",
                ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8")
                        .result(registry.scrape()));
        extraRoutes.forEach(r -> r.accept(app));
        app.start(config.host(), config.port());
        consumer = new FeedConsumer(kafka, topics, decoder, state, metrics);
        consumer.start();
        for (final Consumer<MeterRegistry> binder : binders) {
            try {
                binder.accept(registry);
            } catch (final RuntimeException e) {
                LOG.warn("A metrics binder failed; its meters are missing from /metrics: {}", e.toString());
            }
        }
        started = true;
        LOG.info("Feed serving on http://localhost:{}/ (SSE /v1/stream)", port());
    }

    /** The bound HTTP port (the configured one, or the ephemeral one when configured 0). */
    public int port() {
        final Javalin a = app;
        if (a == null) {
            throw new IllegalStateException("feed not started");
        }
        return a.port();
    }

    /** The registry behind {@code /metrics}; other stages may record into it. */
    public PrometheusMeterRegistry meterRegistry() {
        return registry;
    }

    /** The in-memory view (for commands that summarise what the feed holds, such as {@code demo}). */
    public FeedView view() {
        final FeedState s = state;
        if (s == null) {
            throw new IllegalStateException("feed not started");
        }
        return s.view();
    }

    /** Number of connected SSE clients. */
    public int sseClients() {
        final SseHub h = hub;
        return h == null ? 0 : h.size();
    }

    /** Ready once serving and the initial read of every feed topic has caught up with its end at start. */
    @Override
    public boolean ready() {
        final FeedConsumer c = consumer;
        return started && c != null && c.caughtUp();
    }

    private void ready(final Context ctx) {
        final ObjectNode out = JSON.createObjectNode();
        final ObjectNode st = out.putObject("stages");
        boolean all = ready();
        st.put(name(), ready());
        if (stages != null) {
            for (final Stage s : new ArrayList<Stage>(stages.get())) {
                if (s == this) {
                    continue;
                }
                boolean r;
                try {
                    r = s.ready();
                } catch (final RuntimeException e) {
                    r = false;
                }
                st.put(s.name(), r);
                all &= r;
            }
        }
        out.put("status", all ? "UP" : "DOWN");
        if (!healthDetails.isEmpty()) {
            final ObjectNode details = out.putObject("details");
            healthDetails.forEach((key, detail) -> details.set(key, JSON.valueToTree(detail.get())));
        }
        ctx.status(all ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE)
                .contentType("application/json")
                .result(out.toString());
    }

    private void stream(final Context ctx) {
        final EventFilter filter;
        Position from = null;
        try {
            filter = EventFilter.parse(ctx.queryParam("types"), ctx.queryParam("region"), ctx.queryParam("minKilled"));
            // The header wins: on reconnect the browser sends it while the URL still carries the first position.
            String last = ctx.header("Last-Event-ID");
            if (last == null || last.isBlank()) {
                last = ctx.queryParam("lastEventId");
            }
            if (last != null && !last.isBlank()) {
                from = Position.parse(last);
            }
        } catch (final IllegalArgumentException e) {
            FeedApi.error(ctx, HttpStatus.BAD_REQUEST, e.getMessage());
            return;
        }
        if (hub.size() >= config.maxClients()) {
            FeedApi.error(ctx, HttpStatus.SERVICE_UNAVAILABLE, "too many SSE clients; retry later");
            return;
        }
        // Javalin's own SSE route only answers requests that send "Accept: text/event-stream"; the feed also serves
        // curl and scripts that do not, so it sets the stream up here and hands the connection to an SseClient.
        final var res = ctx.res();
        res.setStatus(200);
        res.setCharacterEncoding("UTF-8");
        res.setContentType("text/event-stream");
        res.addHeader(Header.CACHE_CONTROL, "no-cache");
        res.addHeader(Header.X_ACCEL_BUFFERING, "no");
        try {
            res.flushBuffer();
        } catch (final java.io.IOException e) {
            return;
        }
        final SseClient client = new SseClient(ctx);
        final long id = clientIds.incrementAndGet();
        final SseSink sink = new ClientSink(client);
        final Subscriber[] holder = new Subscriber[1];
        final Subscriber s = new Subscriber(
                id,
                sink,
                filter,
                hub.senders(),
                config.clientQueue(),
                metrics,
                rangeReader,
                () -> hub.remove(holder[0]));
        holder[0] = s;
        client.onClose(s::close);
        client.keepAlive();
        s.start(state, from);
    }

    @Override
    public synchronized void close() {
        if (!started) {
            return;
        }
        started = false;
        // HTTP first, so no client reconnects into a half-closed feed; then the consumer.
        try {
            hub.close();
        } catch (final RuntimeException e) {
            LOG.warn("Closing SSE clients: {}", e.toString());
        }
        try {
            app.stop();
        } catch (final RuntimeException e) {
            LOG.warn("Stopping HTTP server: {}", e.toString());
        }
        consumer.close();
    }

    /** An SseClient as the subscriber sees it. */
    private static final class ClientSink implements SseSink {
        private final SseClient client;

        ClientSink(final SseClient client) {
            this.client = client;
        }

        @Override
        public void event(final String name, final String data, final String id) {
            client.sendEvent(name, data, id);
        }

        @Override
        public void comment(final String text) {
            client.sendComment(text);
        }

        @Override
        public boolean closed() {
            return client.terminated();
        }

        @Override
        public void close() {
            client.close();
        }
    }

    /** Builds a {@link FeedStage}. */
    public static final class Builder {
        private FeedConfig config = FeedConfig.defaults();
        private Map<String, Object> kafka;
        private FeedTopics topics = FeedTopics.catalogue();
        private RecordDecoder decoder;
        private TallyQueries tallyQueries;
        private TallyQueries peerTallyQueries;
        private PrometheusMeterRegistry registry;
        private Supplier<? extends Collection<? extends Stage>> stages;
        private final List<Consumer<Javalin>> routes = new ArrayList<>();
        private final List<Consumer<MeterRegistry>> binders = new ArrayList<>();
        private final Map<String, Supplier<?>> healthDetails = new java.util.LinkedHashMap<>();

        public Builder config(final FeedConfig c) {
            this.config = c;
            return this;
        }

        /** Kafka client settings, at least {@code bootstrap.servers}. */
        public Builder kafka(final Map<String, Object> settings) {
            this.kafka = settings;
            return this;
        }

        public Builder topics(final FeedTopics t) {
            this.topics = t;
            return this;
        }

        public Builder decoder(final RecordDecoder d) {
            this.decoder = d;
            return this;
        }

        /** Avro decoding through the schema registry at {@code url} ({@code mock://scope} in tests). */
        public Builder registry(final String url) {
            this.decoder = RecordDecoder.avro(url, Map.of());
            return this;
        }

        /** Where {@code /v1/tallies} and {@code /v1/regions} read tallies; without it, the tallies topic view. */
        public Builder tallyQueries(final TallyQueries q) {
            this.tallyQueries = q;
            return this;
        }

        /**
         * This instance's own part of the tally stores, answering the questions other instances forward here (requests
         * carrying {@code X-Wirewatch-Forwarded}); it must never forward them again. Without it such requests get 503.
         */
        public Builder peerTallyQueries(final TallyQueries q) {
            this.peerTallyQueries = q;
            return this;
        }

        /** A shared registry, so every stage's meters appear on {@code /metrics}. */
        public Builder meterRegistry(final PrometheusMeterRegistry r) {
            this.registry = r;
            return this;
        }

        /** The stages whose readiness {@code /health/ready} reports (the feed itself is always included). */
        public Builder stages(final Supplier<? extends Collection<? extends Stage>> s) {
            this.stages = s;
            return this;
        }

        /**
         * A detail {@code /health/ready} shows under {@code details.<key>} without affecting the status, e.g. what a
         * start-up check did; {@code detail} is read per request and rendered as JSON.
         */
        public Builder healthDetail(final String key, final Supplier<?> detail) {
            this.healthDetails.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(detail, "detail"));
            return this;
        }

        /** Extra routes on the same server, e.g. the ingest HTTP push endpoint. */
        public Builder routes(final Consumer<Javalin> r) {
            this.routes.add(r);
            return this;
        }

        /**
         * Binds meters of other parts once the feed starts (after the stages before it), e.g. Micrometer's
         * {@code KafkaStreamsMetrics} for a Streams client that only exists once its stage has started.
         */
        public Builder onStart(final Consumer<MeterRegistry> binder) {
            this.binders.add(binder);
            return this;
        }

        public FeedStage build() {
            return new FeedStage(this);
        }
    }
}
