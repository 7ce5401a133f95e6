package org.wirewatch.feed;

import org.apache.avro.specific.SpecificRecord;

/**
 * One record of a feed topic as the feed serves it: decoded, rendered to JSON once, and tagged with what the SSE
 * filters need, so that fan-out to many clients does no per-client decoding or rendering.
 *
 * @param type      which topic
 * @param key       the record key (incident id, claim id, region|window|start, alert id)
 * @param partition Kafka partition
 * @param offset    Kafka offset
 * @param timestamp record timestamp (ms), the time the producing stage wrote it
 * @param value     the decoded value, null for a tombstone
 * @param json      the SSE data line: the plain JSON of the value, or {@code {"key":...}} for a tombstone
 * @param country   ISO 3166-1 code the record concerns, if known (for the region filter)
 * @param admin1    ISO 3166-2 code the record concerns, if known
 * @param killed    the killed figure the {@code minKilled} filter compares, if any
 */
public record FeedEvent(
        FeedEventType type,
        String key,
        int partition,
        long offset,
        long timestamp,
        SpecificRecord value,
        String json,
        String country,
        String admin1,
        Integer killed) {

    public boolean removed() {
        return value == null;
    }

    /** The SSE {@code event:} field. */
    public String eventName() {
        return removed() ? type.removedEventName() : type.eventName();
    }
}
