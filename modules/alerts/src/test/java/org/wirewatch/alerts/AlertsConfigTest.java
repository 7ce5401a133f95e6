package org.wirewatch.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.wirewatch.common.config.ConfigException;
import org.wirewatch.common.config.CoreConfig;
import org.wirewatch.common.config.Settings;

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
        .isInstanceOf(ConfigException.class).hasMessageContaining(AlertsConfig.WEBHOOK_SECRET);
  }

  @Test
  void shouldDoubleTheBackoffUpToItsCapWhenRetrying() {
    // given
    final AlertsConfig c = read(Map.of(AlertsConfig.WEBHOOK_URLS, "https://a.example.org/h,http://b.example.org/h",
        AlertsConfig.WEBHOOK_SECRET, "0123456789abcdef", AlertsConfig.WEBHOOK_INITIAL_BACKOFF, "1s",
        AlertsConfig.WEBHOOK_MAX_BACKOFF, "5s", AlertsConfig.WEBHOOK_MAX_ATTEMPTS, "5",
        AlertsConfig.WEBHOOK_TIMEOUT, "2s"));

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
    assertThatThrownBy(() -> read(Map.of(AlertsConfig.WEBHOOK_URLS, "ftp://x", AlertsConfig.WEBHOOK_MAX_ATTEMPTS, "0",
        AlertsConfig.RULES_FILE, "/does/not/exist.yaml")))
        .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems()).hasSize(3));
  }
}
