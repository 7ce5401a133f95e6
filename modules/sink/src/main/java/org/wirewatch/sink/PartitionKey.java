package org.wirewatch.sink;

/** A topic partition, as the offsets table keys it (without the consumer group). */
public record PartitionKey(String topic, int partition) {

    @Override
    public String toString() {
        return topic + "-" + partition;
    }
}
