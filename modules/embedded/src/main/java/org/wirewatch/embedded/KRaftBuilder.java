package org.wirewatch.embedded;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The settings every embedded Kafka builder takes: where the data goes, broker settings over the defaults, how long
 * to wait for readiness.
 *
 * @param <B> the builder itself, so that each setter returns it
 */
abstract class KRaftBuilder<B extends KRaftBuilder<B>> {

    Path dataDir;
    final Map<String, String> overrides = new LinkedHashMap<>();
    Duration readyTimeout;

    KRaftBuilder(Duration readyTimeout) {
        this.readyTimeout = readyTimeout;
    }

    /** Directory for the metadata log and topic data; created if missing, formatted if empty. */
    public B dataDir(Path dataDir) {
        this.dataDir = Objects.requireNonNull(dataDir, "dataDir");
        return self();
    }

    /** Any broker setting, applied over the defaults (for example {@code num.partitions}). */
    public B brokerProperty(String key, String value) {
        overrides.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
        return self();
    }

    /** How long to wait for the broker, or the cluster, to answer clients after start-up. */
    public B readyTimeout(Duration readyTimeout) {
        this.readyTimeout = Objects.requireNonNull(readyTimeout, "readyTimeout");
        return self();
    }

    abstract B self();
}
