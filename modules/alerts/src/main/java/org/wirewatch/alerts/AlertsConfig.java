package org.wirewatch.alerts;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.wirewatch.common.config.ConfigException;
import org.wirewatch.common.config.CoreConfig;
import org.wirewatch.common.config.Settings;
import org.wirewatch.streams.StreamsStageConfig;

/**
 * Settings of the {@code alerts} stage.
 *
 * <table>
 *   <caption>Keys</caption>
 *   <tr><th>key</th><th>default</th><th>meaning</th></tr>
 *   <tr><td>wirewatch.alerts.rules.file</td><td>(bundled alert-rules.yaml)</td><td>YAML rules file; the bundled
 *   one documents every field</td></tr>
 *   <tr><td>wirewatch.alerts.state.dir</td><td>wirewatch.streams.state.dir</td><td>state of the alert
 *   topology</td></tr>
 *   <tr><td>wirewatch.alerts.webhook.urls</td><td>(none: no dispatcher)</td><td>comma-separated http(s) URLs every
 *   alert is POSTed to</td></tr>
 *   <tr><td>wirewatch.alerts.webhook.secret</td><td>(required with urls)</td><td>HMAC-SHA256 key of the
 *   {@code X-Wirewatch-Signature} header; masked in logs</td></tr>
 *   <tr><td>wirewatch.alerts.webhook.max.attempts</td><td>6</td><td>tries per URL before the alert is parked on
 *   wirewatch.alerts.dlq.v1</td></tr>
 *   <tr><td>wirewatch.alerts.webhook.initial.backoff</td><td>500ms</td><td>wait before the second try; doubles per
 *   try</td></tr>
 *   <tr><td>wirewatch.alerts.webhook.max.backoff</td><td>30s</td><td>longest wait between tries</td></tr>
 *   <tr><td>wirewatch.alerts.webhook.timeout</td><td>10s</td><td>connect and response timeout per try</td></tr>
 *   <tr><td>wirewatch.alerts.webhook.group.id</td><td>&lt;application id&gt;-alerts-webhook</td><td>consumer group of
 *   the dispatcher (its committed offsets are its progress)</td></tr>
 * </table>
 *
 * <p>The alert topology is a Streams application like the pipeline's: it takes every {@code wirewatch.streams.*}
 * setting that applies to one application (processing guarantee, threads, commit interval, cache, replication of
 * internal topics, close timeout) from {@link StreamsStageConfig}, read here as {@code streams}.
 */
public record AlertsConfig(
        AlertRules rules, Optional<Path> rulesFile, Path stateDir, Webhook webhook, StreamsStageConfig streams) {

    public static final String RULES_FILE = "wirewatch.alerts.rules.file";
    public static final String STATE_DIR = "wirewatch.alerts.state.dir";
    public static final String WEBHOOK_URLS = "wirewatch.alerts.webhook.urls";
    public static final String WEBHOOK_SECRET = "wirewatch.alerts.webhook.secret";
    public static final String WEBHOOK_MAX_ATTEMPTS = "wirewatch.alerts.webhook.max.attempts";
    public static final String WEBHOOK_INITIAL_BACKOFF = "wirewatch.alerts.webhook.initial.backoff";
    public static final String WEBHOOK_MAX_BACKOFF = "wirewatch.alerts.webhook.max.backoff";
    public static final String WEBHOOK_TIMEOUT = "wirewatch.alerts.webhook.timeout";
    public static final String WEBHOOK_GROUP_ID = "wirewatch.alerts.webhook.group.id";

    /**
     * Webhook delivery settings.
     *
     * @param urls           where alerts are POSTed; empty: no dispatcher runs
     * @param secret         HMAC key
     * @param maxAttempts    tries per URL
     * @param initialBackoff wait before the second try
     * @param maxBackoff     cap of the doubling wait
     * @param timeout        per-try connect and response timeout
     * @param groupId        consumer group
     */
    public record Webhook(
            List<URI> urls,
            String secret,
            int maxAttempts,
            Duration initialBackoff,
            Duration maxBackoff,
            Duration timeout,
            String groupId) {

        public boolean enabled() {
            return !urls.isEmpty();
        }

        /** Wait before try {@code attempt + 1} (1-based): initial x 2^(attempt-1), capped. */
        public Duration backoff(final int attempt) {
            final long factor = 1L << Math.min(attempt - 1, 30);
            final Duration d = initialBackoff.multipliedBy(factor);
            return d.compareTo(maxBackoff) > 0 ? maxBackoff : d;
        }

        /** The longest one alert can take across all URLs and tries: a bound for the consumer's poll interval. */
        public Duration worstCase() {
            Duration per = Duration.ZERO;
            for (int a = 1; a <= maxAttempts; a++) {
                per = per.plus(timeout);
                if (a < maxAttempts) {
                    per = per.plus(backoff(a));
                }
            }
            return per.multipliedBy(urls.size());
        }
    }

    public static AlertsConfig from(final Settings settings, final CoreConfig core) {
        final Settings.Reader r = settings.reader();
        final AlertsConfig c = read(r, core);
        r.validate();
        return c;
    }

    public static AlertsConfig read(final Settings.Reader r, final CoreConfig core) {
        final Optional<Path> file = r.optional(RULES_FILE).map(Path::of);
        AlertRules rules = null;
        if (file.isPresent() && !Files.isReadable(file.get())) {
            r.problem(RULES_FILE, file.get().toString(), "no readable file there");
        } else {
            try {
                rules = file.map(AlertRules::load).orElseGet(AlertRules::defaults);
            } catch (final ConfigException e) {
                e.problems()
                        .forEach(p ->
                                r.problem(RULES_FILE, file.map(Path::toString).orElse("(bundled)"), p));
            }
        }
        final List<URI> urls = new ArrayList<>();
        for (final String u : r.list(WEBHOOK_URLS, List.of())) {
            try {
                final URI uri = URI.create(u);
                if (uri.getScheme() == null
                        || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))
                        || uri.getHost() == null) {
                    r.problem(WEBHOOK_URLS, u, "each URL must be http:// or https:// with a host");
                } else {
                    urls.add(uri);
                }
            } catch (final IllegalArgumentException e) {
                r.problem(WEBHOOK_URLS, u, "not a URL: " + e.getMessage());
            }
        }
        final String secret = r.string(WEBHOOK_SECRET, "");
        if (!urls.isEmpty() && secret.length() < 16) {
            r.problem(
                    WEBHOOK_SECRET,
                    secret,
                    "required when webhook URLs are set: at least 16 characters, so receivers"
                            + " can verify X-Wirewatch-Signature");
        }
        final int attempts = r.intValue(WEBHOOK_MAX_ATTEMPTS, 6, 1, 20);
        final Duration initial = r.duration(WEBHOOK_INITIAL_BACKOFF, Duration.ofMillis(500));
        final Duration max = r.duration(WEBHOOK_MAX_BACKOFF, Duration.ofSeconds(30));
        if (initial.isNegative() || initial.isZero()) {
            r.problem(WEBHOOK_INITIAL_BACKOFF, initial.toString(), "must be positive");
        }
        if (max.compareTo(initial) < 0) {
            r.problem(WEBHOOK_MAX_BACKOFF, max.toString(), "must be at least " + WEBHOOK_INITIAL_BACKOFF);
        }
        final Duration timeout = r.duration(WEBHOOK_TIMEOUT, Duration.ofSeconds(10));
        if (timeout.isNegative() || timeout.isZero()) {
            r.problem(WEBHOOK_TIMEOUT, timeout.toString(), "must be positive");
        }
        final Webhook webhook = new Webhook(
                List.copyOf(urls),
                secret,
                attempts,
                initial,
                max,
                timeout,
                r.string(WEBHOOK_GROUP_ID, core.applicationId() + "-alerts-webhook"));
        final StreamsStageConfig streams = StreamsStageConfig.read(r, core);
        final Path stateDir = r.path(STATE_DIR, streams.stateDir());
        return new AlertsConfig(rules, file, stateDir, webhook, streams.withStateDir(stateDir));
    }
}
