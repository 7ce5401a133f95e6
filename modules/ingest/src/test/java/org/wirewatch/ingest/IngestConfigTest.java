package org.wirewatch.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.wirewatch.common.config.ConfigException;
import org.wirewatch.common.config.Settings;

class IngestConfigTest {

    @Test
    void shouldUseTheDocumentedDefaultsWhenNothingIsSet() {
        // when
        IngestConfig config = IngestConfig.from(Settings.of(Map.of()));

        // then
        assertThat(config.inboxEnabled()).isTrue();
        assertThat(config.inboxDir()).isEqualTo(Path.of("inbox"));
        assertThat(config.httpEnabled()).isTrue();
        assertThat(config.httpToken()).isEmpty();
        assertThat(config.maxBytes()).isEqualTo(4 * 1024 * 1024);
        assertThat(config.feeds()).isEmpty();
        assertThat(config.pollInterval()).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void shouldReadFeedsAndDurations() {
        // when
        IngestConfig config = IngestConfig.from(Settings.of(Map.of(
                IngestConfig.FEEDS, "https://a.example/rss, http://b.example/atom",
                IngestConfig.FEEDS_INTERVAL, "30s",
                IngestConfig.HTTP_TOKEN, "0123456789abcdef0123")));

        // then
        assertThat(config.feeds())
                .containsExactly(URI.create("https://a.example/rss"), URI.create("http://b.example/atom"));
        assertThat(config.pollInterval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(config.httpToken()).hasValue("0123456789abcdef0123");
    }

    @Test
    void shouldReportEveryProblemAtOnceWithSecretsMasked() {
        // given
        Settings settings = Settings.of(Map.of(
                IngestConfig.FEEDS, "ftp://x.example/feed",
                IngestConfig.HTTP_TOKEN, "short",
                IngestConfig.MAX_BYTES, "ten"));

        // then
        assertThatThrownBy(() -> IngestConfig.from(settings))
                .isInstanceOfSatisfying(
                        ConfigException.class,
                        e -> assertThat(e.getMessage())
                                .contains(IngestConfig.FEEDS)
                                .contains(IngestConfig.MAX_BYTES)
                                .contains(IngestConfig.HTTP_TOKEN)
                                .doesNotContain("short"));
    }
}
