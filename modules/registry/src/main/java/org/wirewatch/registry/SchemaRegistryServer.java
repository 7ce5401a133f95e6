package org.wirewatch.registry;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.CommonClientConfigs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wirewatch.common.Stage;
import org.wirewatch.common.Topics;
import org.wirewatch.serde.Compatibility;
import org.wirewatch.serde.SchemaCatalog;

/**
 * A schema registry endpoint speaking the Confluent Schema Registry REST API subset of {@link RegistryApi}, with
 * its schemas kept in a compacted Kafka topic ({@link Topics#SCHEMAS} by default) so that ids survive restarts.
 * Confluent's serializers, Wirewatch's {@code RestSchemaRegistryClient} and Confluent's Python client all use it
 * as they would use Confluent's registry.
 *
 * <p>On {@link #start()} it creates the topic if it is missing (one partition, compacted), reads it to its end,
 * then serves HTTP. New schemas are written to the topic and answered once read back. Compatibility is BACKWARD
 * unless changed through {@code PUT /config}. It is the single writer of its topic: run one instance per topic.
 *
 * <pre>{@code
 * try (SchemaRegistryServer registry = new SchemaRegistryServer("localhost:9092", 8081, Topics.SCHEMAS)) {
 *     registry.start();
 *     String url = registry.url(); // http://localhost:8081
 * }
 * }</pre>
 */
public final class SchemaRegistryServer implements Stage {

    /** The port Confluent's registry listens on, and {@code wirewatch run}'s default. */
    public static final int DEFAULT_PORT = 8081;

    private static final Logger LOG = LoggerFactory.getLogger(SchemaRegistryServer.class);
    private static final int MAX_BODY_BYTES = 16 * 1024 * 1024;

    private final String host;
    private final int requestedPort;
    private final String topic;
    private final Map<String, Object> kafkaConfig;
    private final Duration storeTimeout;
    private final Duration startTimeout;
    private final SchemaCatalog catalog = new SchemaCatalog(Compatibility.BACKWARD);

    private KafkaSchemaStore store;
    private HttpServer http;
    private ExecutorService executor;
    private volatile boolean started;
    private volatile boolean closed;

    /**
     * A registry on all interfaces.
     *
     * @param bootstrapServers the Kafka cluster holding the store topic
     * @param port HTTP port, 0 for an ephemeral one ({@link #port()} tells which after start)
     * @param topic the store topic, usually {@link Topics#SCHEMAS}
     */
    public SchemaRegistryServer(String bootstrapServers, int port, String topic) {
        this(
                null,
                port,
                topic,
                Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers),
                Duration.ofSeconds(10),
                Duration.ofSeconds(60));
    }

    /**
     * A registry with full control.
     *
     * @param host address to bind, null for all interfaces
     * @param port HTTP port, 0 for an ephemeral one
     * @param topic the store topic
     * @param kafkaConfig Kafka client settings: {@code bootstrap.servers} and any security settings
     * @param storeTimeout how long one write may take to be stored and read back
     * @param startTimeout how long start may take to reach the store and read it
     */
    public SchemaRegistryServer(
            String host,
            int port,
            String topic,
            Map<String, Object> kafkaConfig,
            Duration storeTimeout,
            Duration startTimeout) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535, got " + port);
        }
        if (!kafkaConfig.containsKey(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG)) {
            throw new IllegalArgumentException("kafkaConfig needs " + CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG);
        }
        this.host = host;
        this.requestedPort = port;
        this.topic = Objects.requireNonNull(topic, "topic");
        this.kafkaConfig = new HashMap<>(kafkaConfig);
        this.storeTimeout = storeTimeout;
        this.startTimeout = startTimeout;
    }

    @Override
    public String name() {
        return "schema-registry";
    }

    @Override
    public synchronized void start() throws Exception {
        if (started) {
            return;
        }
        store = new KafkaSchemaStore(topic, kafkaConfig, catalog, storeTimeout);
        try {
            store.start(startTimeout);
            RegistryApi api = new RegistryApi(catalog, store);
            InetSocketAddress address =
                    host == null ? new InetSocketAddress(requestedPort) : new InetSocketAddress(host, requestedPort);
            http = HttpServer.create(address, 50);
            AtomicInteger threads = new AtomicInteger();
            executor = Executors.newFixedThreadPool(4, runnable -> {
                Thread thread = new Thread(runnable, "schema-registry-http-" + threads.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            });
            http.setExecutor(executor);
            http.createContext("/", exchange -> serve(api, exchange));
            http.start();
        } catch (Exception e) {
            close();
            throw e;
        }
        started = true;
        LOG.info(
                "Schema registry serving {} from topic {} ({} subjects)",
                url(),
                topic,
                catalog.subjects().size());
    }

    private static void serve(RegistryApi api, HttpExchange exchange) throws IOException {
        try (exchange) {
            RegistryApi.Response response;
            byte[] body = readBody(exchange.getRequestBody());
            if (body == null) {
                response = new RegistryApi.Response(
                        413,
                        "{\"error_code\":413,\"message\":\"Request body larger than " + MAX_BODY_BYTES + " bytes\"}");
            } else {
                response = api.handle(
                        exchange.getRequestMethod(),
                        exchange.getRequestURI().getRawPath(),
                        exchange.getRequestURI().getRawQuery(),
                        body);
            }
            if (response.status() >= 500) {
                LOG.warn("{} {} failed: {}", exchange.getRequestMethod(), exchange.getRequestURI(), response.body());
            } else {
                LOG.debug("{} {} -> {}", exchange.getRequestMethod(), exchange.getRequestURI(), response.status());
            }
            byte[] bytes = response.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", RegistryApi.CONTENT_TYPE);
            exchange.sendResponseHeaders(response.status(), bytes.length);
            exchange.getResponseBody().write(bytes);
        } catch (RuntimeException e) {
            LOG.error("Unexpected failure answering {} {}", exchange.getRequestMethod(), exchange.getRequestURI(), e);
            throw e;
        }
    }

    private static byte[] readBody(InputStream in) throws IOException {
        byte[] bytes = in.readNBytes(MAX_BODY_BYTES + 1);
        return bytes.length > MAX_BODY_BYTES ? null : bytes;
    }

    /** Serving, and still following its store topic. */
    @Override
    public boolean ready() {
        return started && !closed && store.healthy();
    }

    private static void quietly(String what, Runnable step) {
        try {
            step.run();
        } catch (RuntimeException e) {
            LOG.warn("Stopping the schema registry's {} failed", what, e);
        }
    }

    /** The bound HTTP port (after start). */
    public int port() {
        if (http == null) {
            throw new IllegalStateException("The schema registry is not started");
        }
        return http.getAddress().getPort();
    }

    /** The base URL clients use, e.g. {@code http://localhost:8081} (after start). */
    public String url() {
        String shown = host == null || host.equals("0.0.0.0") ? "localhost" : host;
        return "http://" + shown + ":" + port();
    }

    /** The store topic. */
    public String topic() {
        return topic;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        // Each step on its own: a failure to stop one part must not leave the others running.
        if (http != null) {
            quietly("HTTP server", () -> http.stop(0));
        }
        if (executor != null) {
            quietly("HTTP threads", executor::shutdownNow);
        }
        if (store != null) {
            quietly("schema store", store::close);
        }
        LOG.info("Schema registry stopped");
    }
}
