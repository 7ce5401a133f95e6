package org.wirewatch.feed;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.wirewatch.common.Topics;

/** The four kinds of record the feed serves, with their topic and the one-letter code used in event ids. */
public enum FeedEventType {
    INCIDENT(Topics.INCIDENTS, 'i'),
    CLAIM(Topics.CLAIMS, 'c'),
    TALLY(Topics.TALLIES, 't'),
    ALERT(Topics.ALERTS, 'a');

    private final String topic;
    private final char code;

    FeedEventType(final String topic, final char code) {
        this.topic = topic;
        this.code = code;
    }

    public String topic() {
        return topic;
    }

    char code() {
        return code;
    }

    /** The SSE {@code event:} name of an upsert, and the value of the {@code types} filter. */
    public String eventName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The SSE {@code event:} name of a tombstone (retraction or deletion). */
    public String removedEventName() {
        return eventName() + "-removed";
    }

    public static Optional<FeedEventType> ofName(final String name) {
        final String n = name.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values())
                .filter(t -> t.eventName().equals(n) || (t.eventName() + "s").equals(n))
                .findFirst();
    }

    static Optional<FeedEventType> ofCode(final char code) {
        return Arrays.stream(values()).filter(t -> t.code == code).findFirst();
    }
}
