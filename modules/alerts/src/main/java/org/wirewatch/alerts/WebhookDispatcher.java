package org.wirewatch.alerts;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wirewatch.common.Topics;
import org.wirewatch.common.json.AvroJson;
import org.wirewatch.schema.Alert;

/**
 * Delivers {@value Topics#ALERTS} to webhooks, at least once.
 *
 * <p>Each alert is POSTed as JSON ({@link AvroJson}) to every configured URL with an HMAC signature
 * ({@link WebhookSigner}), a timestamp, and {@code Idempotency-Key: <alertId>|<severity>|<reasons>} (a new key
 * for each update of the same alert). A 2xx answer is a delivery; 408, 429, 5xx and network errors are retried with exponential backoff up to
 * {@code wirewatch.alerts.webhook.max.attempts}; other 4xx answers (the receiver refuses this alert) are not retried.
 * An alert a URL never accepted is parked on {@value Topics#ALERTS_DLQ} (the original record bytes, with headers
 * naming the URL, the reason, the attempts and the source topic/partition/offset).
 *
 * <p>The alert's offset is committed only after every URL has taken it or it has been parked, so a crash
 * re-delivers rather than loses; receivers deduplicate by the idempotency key.
 */
public final class WebhookDispatcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookDispatcher.class);
    public static final String DLQ_REASON = "wirewatch.dlq.reason";
    public static final String DLQ_URL = "wirewatch.dlq.url";
    public static final String DLQ_ATTEMPTS = "wirewatch.dlq.attempts";
    public static final String DLQ_SOURCE = "wirewatch.dlq.source";

    private final AlertsConfig.Webhook config;
    private final Map<String, Object> clientProps;
    private final Deserializer<Alert> alerts;
    private final HttpClient http;
    private final WebhookSigner signer;
    private final Clock clock;
    private final CountDownLatch stopRequested = new CountDownLatch(1);
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong parked = new AtomicLong();

    private volatile boolean running;
    private volatile Thread thread;
    private KafkaConsumer<byte[], byte[]> consumer;
    private KafkaProducer<byte[], byte[]> dlq;

    /**
     * @param clientProps bootstrap servers and client settings (security) for the consumer and the DLQ producer
     */
    public WebhookDispatcher(
            final AlertsConfig.Webhook config,
            final Map<String, Object> clientProps,
            final Deserializer<Alert> alerts,
            final Clock clock) {
        this.config = config;
        this.clientProps = Map.copyOf(clientProps);
        this.alerts = alerts;
        this.clock = clock;
        this.signer = new WebhookSigner(config.secret());
        this.http = HttpClient.newBuilder()
                .connectTimeout(config.timeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    public void start() {
        final Map<String, Object> c = new HashMap<>(clientProps);
        c.put(ConsumerConfig.GROUP_ID_CONFIG, config.groupId());
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        // One alert per poll, and a poll interval longer than the worst delivery, so retries never cost the partition.
        c.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1);
        c.put(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, (int)
                Math.min(Integer.MAX_VALUE, config.worstCase().plusMinutes(1).toMillis()));
        consumer = new KafkaConsumer<>(c, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        final Map<String, Object> p = new HashMap<>(clientProps);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        dlq = new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer());
        running = true;
        final Thread t = new Thread(this::loop, "wirewatch-webhooks");
        t.setDaemon(true);
        thread = t;
        t.start();
        LOG.info(
                "Webhook dispatcher started: {} -> {} (group {}, {} tries per URL)",
                Topics.ALERTS,
                config.urls(),
                config.groupId(),
                config.maxAttempts());
    }

    public boolean running() {
        return running;
    }

    /** Deliveries that a URL accepted. */
    public long delivered() {
        return delivered.get();
    }

    /** Alerts parked on the dead-letter topic (one per URL that refused). */
    public long parked() {
        return parked.get();
    }

    private void loop() {
        try {
            consumer.subscribe(List.of(Topics.ALERTS));
            while (running) {
                for (final ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    if (!handle(r)) {
                        return;
                    }
                    consumer.commitSync(Map.of(
                            new TopicPartition(r.topic(), r.partition()), new OffsetAndMetadata(r.offset() + 1)));
                }
            }
        } catch (final WakeupException e) {
            if (running) {
                LOG.error("Webhook dispatcher woken up unexpectedly", e);
            }
        } catch (final RuntimeException e) {
            LOG.error("Webhook dispatcher stopped by an unexpected failure", e);
        } finally {
            running = false;
            closeClients();
            stopped.countDown();
        }
    }

    /** Delivers or parks one record; false when stopped before it was done (it is then not committed). */
    private boolean handle(final ConsumerRecord<byte[], byte[]> r) {
        if (r.value() == null) {
            return true;
        }
        final Alert alert;
        try {
            alert = alerts.deserialize(r.topic(), r.headers(), r.value());
        } catch (final RuntimeException e) {
            LOG.warn("Undecodable alert at {}-{}@{}: {}", r.topic(), r.partition(), r.offset(), e.toString());
            return park(r, "-", "undecodable: " + e, 0);
        }
        final String body = AvroJson.toJson(alert);
        final String key = WebhookSigner.idempotencyKey(alert);
        for (final URI url : config.urls()) {
            final Outcome outcome = deliver(url, alert.getAlertId(), key, body);
            if (outcome == null) {
                return false;
            }
            if (outcome.ok()) {
                delivered.incrementAndGet();
            } else if (!park(r, url.toString(), outcome.reason(), outcome.attempts())) {
                return false;
            }
        }
        return true;
    }

    private record Outcome(boolean ok, String reason, int attempts) {}

    /** Tries one URL until accepted, refused, or out of attempts; null when stopped meanwhile. */
    private Outcome deliver(final URI url, final String alertId, final String key, final String body) {
        String reason = "";
        for (int attempt = 1; attempt <= config.maxAttempts(); attempt++) {
            final long ts = clock.instant().getEpochSecond();
            final HttpRequest request = HttpRequest.newBuilder(url)
                    .timeout(config.timeout())
                    .header("Content-Type", "application/json; charset=utf-8")
                    .header("User-Agent", "wirewatch-alerts")
                    .header(WebhookSigner.TIMESTAMP_HEADER, Long.toString(ts))
                    .header(WebhookSigner.SIGNATURE_HEADER, signer.sign(ts, body))
                    .header(WebhookSigner.IDEMPOTENCY_HEADER, key)
                    .header(WebhookSigner.ALERT_ID_HEADER, alertId)
                    .header(WebhookSigner.ATTEMPT_HEADER, Integer.toString(attempt))
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                    .build();
            boolean retryable;
            try {
                final HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
                final int status = response.statusCode();
                if (status >= 200 && status < 300) {
                    return new Outcome(true, "", attempt);
                }
                reason = "HTTP " + status;
                retryable = status == 408 || status == 429 || status >= 500;
            } catch (final IOException e) {
                reason = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
                retryable = true;
            } catch (final InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
            if (!retryable) {
                LOG.warn("Webhook {} refused alert {} ({}); not retrying", url, alertId, reason);
                return new Outcome(false, reason + " (not retryable)", attempt);
            }
            if (attempt < config.maxAttempts()) {
                final Duration wait = config.backoff(attempt);
                LOG.info(
                        "Webhook {} failed for alert {} on try {} ({}); retrying in {}",
                        url,
                        alertId,
                        attempt,
                        reason,
                        wait);
                if (!pause(wait)) {
                    return null;
                }
            }
        }
        LOG.warn(
                "Webhook {} did not accept alert {} after {} tries ({}); parking it",
                url,
                alertId,
                config.maxAttempts(),
                reason);
        return new Outcome(false, reason + " after " + config.maxAttempts() + " tries", config.maxAttempts());
    }

    private boolean park(
            final ConsumerRecord<byte[], byte[]> r, final String url, final String reason, final int attempts) {
        final RecordHeaders headers = new RecordHeaders();
        headers.add(DLQ_REASON, reason.getBytes(StandardCharsets.UTF_8));
        headers.add(DLQ_URL, url.getBytes(StandardCharsets.UTF_8));
        headers.add(DLQ_ATTEMPTS, Integer.toString(attempts).getBytes(StandardCharsets.UTF_8));
        headers.add(DLQ_SOURCE, (r.topic() + "-" + r.partition() + "@" + r.offset()).getBytes(StandardCharsets.UTF_8));
        try {
            dlq.send(new ProducerRecord<>(Topics.ALERTS_DLQ, null, r.key(), r.value(), headers))
                    .get(30, TimeUnit.SECONDS);
            parked.incrementAndGet();
            return true;
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (final Exception e) {
            // Not parked means not committed: the alert is retried after a restart instead of being lost.
            throw new IllegalStateException(
                    "cannot park alert " + r.topic() + "-" + r.partition() + "@" + r.offset() + " on "
                            + Topics.ALERTS_DLQ,
                    e);
        }
    }

    private boolean pause(final Duration d) {
        try {
            return !stopRequested.await(d.toMillis(), TimeUnit.MILLISECONDS);
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void closeClients() {
        final List<AutoCloseable> clients = new ArrayList<>();
        clients.add(() -> consumer.close(Duration.ofSeconds(5)));
        clients.add(() -> dlq.close(Duration.ofSeconds(5)));
        for (final AutoCloseable c : clients) {
            try {
                c.close();
            } catch (final Exception e) {
                LOG.warn("Closing a webhook client failed: {}", e.getMessage());
            }
        }
    }

    @Override
    public void close() {
        if (thread == null) {
            return;
        }
        running = false;
        stopRequested.countDown();
        consumer.wakeup();
        try {
            if (!stopped.await(15, TimeUnit.SECONDS)) {
                LOG.warn("Webhook dispatcher did not stop within 15 s");
            }
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        thread = null;
        LOG.info("Webhook dispatcher stopped: {} delivered, {} parked", delivered.get(), parked.get());
    }
}
