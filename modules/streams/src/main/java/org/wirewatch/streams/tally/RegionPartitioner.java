package org.wirewatch.streams.tally;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.processor.StreamPartitioner;
import org.wirewatch.common.TallyKey;

/**
 * Partitions region-day and window keys by their region alone, so every day of a region is in one task and a
 * window can be summed from local state. Interactive queries use it too, to find the instance owning a region.
 */
public final class RegionPartitioner<V> implements StreamPartitioner<String, V> {

    @Override
    public Optional<Set<Integer>> partitions(
            final String topic, final String key, final V value, final int numPartitions) {
        return Optional.of(Set.of(partition(TallyKey.regionOf(key), numPartitions)));
    }

    /** The partition of a region: murmur2 of its code, as Kafka's default partitioner would place the bare code. */
    public static int partition(final String region, final int numPartitions) {
        return Utils.toPositive(Utils.murmur2(region.getBytes(StandardCharsets.UTF_8))) % numPartitions;
    }
}
