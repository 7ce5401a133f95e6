package org.wirewatch.ingest;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wirewatch.common.Stage;
import org.wirewatch.common.config.CoreConfig;
import org.wirewatch.formats.ReportParser;

/**
 * Ingest as one pipeline stage: the chosen sources (drop folder, HTTP push, feed poller) over one
 * {@link IngestProducer}.
 *
 * <p>HTTP push is either served by a server of its own on {@code wirewatch.ingest.http.port}, or, when
 * {@link #routes()} was handed to a shared server (the feed's, under {@code run}), mounted there; until this stage
 * has started, or once it is closing, the mounted route answers 503.
 *
 * <p>{@link #close()} stops the sources first (no new input; what was read is acknowledged and settled), then
 * closes the producer, which flushes: once it returns, every report read is on a topic or was reported as failed.
 */
public final class IngestStage implements Stage {

    private static final Logger LOG = LoggerFactory.getLogger(IngestStage.class);

    private final IngestConfig config;
    private final CoreConfig core;
    private final Set<IngestSource> sources;
    private final Map<String, Object> kafkaOverrides;
    private volatile boolean mounted;
    private volatile IngestProducer producer;
    private volatile HttpPushSource push;
    private final List<AutoCloseable> running = new ArrayList<>();
    private volatile boolean started;
    private volatile String token;

    /**
     * @param core    cluster, registry and data dir; {@code bootstrapServers} must be set (after an embedded
     *                broker started, {@link CoreConfig#withCluster})
     * @param sources which sources to run
     */
    public IngestStage(IngestConfig config, CoreConfig core, Set<IngestSource> sources) {
        this(config, core, sources, Map.of());
    }

    /** As above, with producer settings that override the defaults (the benchmark uses this). */
    public IngestStage(
            IngestConfig config, CoreConfig core, Set<IngestSource> sources, Map<String, Object> kafkaOverrides) {
        this.config = Objects.requireNonNull(config, "config");
        this.core = Objects.requireNonNull(core, "core");
        this.sources = sources.isEmpty() ? EnumSet.noneOf(IngestSource.class) : EnumSet.copyOf(sources);
        this.kafkaOverrides = Map.copyOf(kafkaOverrides);
    }

    @Override
    public String name() {
        return "ingest";
    }

    /**
     * The push route for a shared server: register it before that server starts. After this, {@link #start()}
     * does not start a server of its own.
     */
    public Consumer<Javalin> routes() {
        mounted = true;
        return app -> app.post(HttpPushSource.PATH, this::handlePush);
    }

    private void handlePush(Context ctx) {
        HttpPushSource source = push;
        if (source == null) {
            ctx.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .contentType("application/json")
                    .result("{\"error\":\"unavailable\",\"reason\":\"ingest is not running\"}");
            return;
        }
        source.handle(ctx);
    }

    @Override
    public synchronized void start() throws IOException {
        if (started) {
            return;
        }
        String servers = core.bootstrapServers()
                .orElseThrow(() -> new IllegalStateException("ingest needs a Kafka cluster (bootstrap servers)"));
        Map<String, Object> kafka = new HashMap<>(core.kafkaClientProperties());
        kafka.putAll(kafkaOverrides);
        kafka.put("bootstrap.servers", servers);
        producer = IngestProducer.create(kafka, core.schemaRegistryUrl().toString(), core.kafkaClientProperties());
        ReportIngestor ingestor = new ReportIngestor(new ReportParser(config.maxBytes()), producer, Clock.systemUTC());
        try {
            if (sources.contains(IngestSource.FOLDER) && config.inboxEnabled()) {
                DropFolderSource folder = new DropFolderSource(
                        config.inboxDir(),
                        ingestor,
                        config.rescan(),
                        config.settle(),
                        config.maxBytes(),
                        Clock.systemUTC());
                folder.start();
                running.add(folder);
            }
            if (sources.contains(IngestSource.FEEDS) && !config.feeds().isEmpty()) {
                FeedPollerSource feeds = new FeedPollerSource(
                        config.feeds(),
                        core.dataDir().resolve("ingest").resolve("feeds"),
                        ingestor,
                        config.pollInterval(),
                        config.maxBackoff(),
                        config.maxBytes());
                feeds.start();
                running.add(feeds);
            }
            if (sources.contains(IngestSource.HTTP) && config.httpEnabled()) {
                token = HttpTokens.resolve(config.httpToken(), core.dataDir());
                HttpPushSource source = new HttpPushSource(ingestor, token, config.maxBytes());
                if (!mounted) {
                    source.start(config.httpPort());
                }
                running.add(0, source);
                push = source;
                if (config.httpToken().isEmpty()) {
                    LOG.info(
                            "HTTP push token generated; it is in {}",
                            HttpTokens.file(core.dataDir()).toAbsolutePath());
                }
            }
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
        started = true;
        LOG.info(
                "Ingest started: sources {}",
                running.stream().map(s -> s.getClass().getSimpleName()).toList());
    }

    @Override
    public boolean ready() {
        return started && producer != null;
    }

    /** The push server's port when it serves alone; for tests and logs. */
    public int httpPort() {
        HttpPushSource source = push;
        if (source == null) {
            throw new IllegalStateException("HTTP push is not running");
        }
        return source.port();
    }

    /** The bearer token HTTP push expects (configured or generated); for tests and the CLI. */
    public String httpToken() {
        return token;
    }

    /** The drop folder in use, if the folder source runs. */
    public Path inbox() {
        return config.inboxDir();
    }

    @Override
    public synchronized void close() {
        HttpPushSource source = push;
        push = null;
        if (source != null) {
            source.stopAccepting();
        }
        for (AutoCloseable other : running) {
            if (other != source) {
                closeQuietly(other);
            }
        }
        IngestProducer p = producer;
        if (p != null) {
            // Answers to requests already read need their acknowledgements before the server goes away.
            p.flush();
        }
        if (source != null) {
            closeQuietly(source);
        }
        running.clear();
        if (p != null) {
            p.close();
        }
        started = false;
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            LOG.warn("Closing {} failed: {}", closeable.getClass().getSimpleName(), e.toString());
        }
    }
}
