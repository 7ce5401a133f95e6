package org.wirewatch.sink;

import java.time.Duration;
import java.util.Optional;

/** Sink settings for tests. */
final class TestStores {

    private TestStores() {}

    static SinkConfig config(final String jdbcUrl, final Optional<String> user) {
        return new SinkConfig(
                jdbcUrl, user, Optional.empty(), "wirewatch-sink-test", Duration.ofMillis(100), Duration.ofSeconds(2));
    }
}
