package org.wirewatch.common;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * One topic of the catalogue: its name, how it is laid out, and what its values are.
 *
 * @param name       topic name, {@code wirewatch.<entity>[.<qualifier>].v<N>}
 * @param partitions partition count; keys are story uris, incident ids or region keys, so this is the unit of
 *                   scale-out
 * @param compacted  true for changelog-like topics (latest value per key wins, tombstones delete)
 * @param retention  how long records are kept; empty means forever (compacted topics)
 * @param valueType  the Avro record class of the values, or null for raw bytes (dead letters)
 * @param doc        what the topic is for, shown in ops/topics.yaml
 */
public record TopicSpec(
        String name, int partitions, boolean compacted, Optional<Duration> retention, Class<?> valueType, String doc) {

    public TopicSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(retention, "retention");
        if (partitions < 1) {
            throw new IllegalArgumentException(name + ": partitions must be >= 1");
        }
    }

    /** The {@code cleanup.policy} topic config value. */
    public String cleanupPolicy() {
        return compacted ? "compact" : "delete";
    }

    /** The {@code retention.ms} topic config value; -1 (forever) when no retention is set. */
    public long retentionMs() {
        return retention.map(Duration::toMillis).orElse(-1L);
    }
}
