package org.wirewatch.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.LogAndContinueProcessingExceptionHandler;
import org.junit.jupiter.api.Test;
import org.wirewatch.common.Topics;
import org.wirewatch.common.config.ConfigException;
import org.wirewatch.common.config.CoreConfig;
import org.wirewatch.common.config.Settings;
import org.wirewatch.streams.StreamsStageConfig;

class AlertsConfigTest {

    private static AlertsConfig read(final Map<String, String> values) {
        final Settings s = Settings.of(values);
        return AlertsConfig.from(s, CoreConfig.from(s));
    }

    @Test
    void shouldRunWithoutWebhooksWhenNoUrlIsSet() {
        // when
        final AlertsConfig c = read(Map.of());

        // then
        assertThat(c.webhook().enabled()).isFalse();
        assertThat(c.rules()).isEqualTo(AlertRules.defaults());
        assertThat(c.webhook().groupId()).isEqualTo("wirewatch-alerts-webhook");
    }

    @Test
    void shouldRequireASecretWhenUrlsAreSet() {
        assertThatThrownBy(() -> read(Map.of(AlertsConfig.WEBHOOK_URLS, "https://hooks.example.org/a")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(AlertsConfig.WEBHOOK_SECRET);
    }

    @Test
    void shouldDoubleTheBackoffUpToItsCapWhenRetrying() {
        // given
        final AlertsConfig c = read(Map.of(
                AlertsConfig.WEBHOOK_URLS,
                "https://a.example.org/h,http://b.example.org/h",
                AlertsConfig.WEBHOOK_SECRET,
                "0123456789abcdef",
                AlertsConfig.WEBHOOK_INITIAL_BACKOFF,
                "1s",
                AlertsConfig.WEBHOOK_MAX_BACKOFF,
                "5s",
                AlertsConfig.WEBHOOK_MAX_ATTEMPTS,
                "5",
                AlertsConfig.WEBHOOK_TIMEOUT,
                "2s"));

        // then
        assertThat(c.webhook().urls()).hasSize(2);
        assertThat(c.webhook().backoff(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(c.webhook().backoff(3)).isEqualTo(Duration.ofSeconds(4));
        assertThat(c.webhook().backoff(4)).isEqualTo(Duration.ofSeconds(5));
        // 5 tries x 2 s + waits 1 + 2 + 4 + 5 s, for each of two URLs
        assertThat(c.webhook().worstCase()).isEqualTo(Duration.ofSeconds(2 * (10 + 12)));
    }

    @Test
    void shouldReportEveryBadKeyWhenSeveralAreWrong() {
        assertThatThrownBy(() -> read(Map.of(
                        AlertsConfig.WEBHOOK_URLS,
                        "ftp://x",
                        AlertsConfig.WEBHOOK_MAX_ATTEMPTS,
                        "0",
                        AlertsConfig.RULES_FILE,
                        "/does/not/exist.yaml")))
                .isInstanceOfSatisfying(
                        ConfigException.class, e -> assertThat(e.problems()).hasSize(3));
    }

    @Test
    void shouldGiveTheAlertsApplicationTheStreamsSettingsAndHandlersOfThePipeline() {
        // given
        final Settings s = Settings.of(Map.of(
                CoreConfig.BOOTSTRAP_SERVERS, "broker:9092",
                StreamsStageConfig.THREADS, "3",
                StreamsStageConfig.REPLICATION_FACTOR, "3",
                StreamsStageConfig.COMMIT_INTERVAL, "250ms",
                StreamsStageConfig.CACHE_BYTES, "1024",
                StreamsStageConfig.PROCESSING_GUARANTEE, "at_least_once",
                AlertsConfig.STATE_DIR, "/var/lib/alerts"));
        final CoreConfig core = CoreConfig.from(s);

        // when
        final Properties p = new AlertsStage(AlertsConfig.from(s, core), core, null).properties();

        // then
        assertThat(p)
                .containsEntry(StreamsConfig.APPLICATION_ID_CONFIG, "wirewatch-alerts")
                .containsEntry(StreamsConfig.NUM_STREAM_THREADS_CONFIG, 3)
                .containsEntry(StreamsConfig.REPLICATION_FACTOR_CONFIG, 3)
                .containsEntry(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 250L)
                .containsEntry(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 1024L)
                .containsEntry(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, "at_least_once")
                .containsEntry(StreamsConfig.STATE_DIR_CONFIG, "/var/lib/alerts")
                .containsEntry(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, Topics.DEAD_LETTERS)
                .containsEntry(
                        StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG,
                        LogAndContinueProcessingExceptionHandler.class);
    }
}
