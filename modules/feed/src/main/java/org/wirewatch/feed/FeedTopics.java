package org.wirewatch.feed;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Which topic carries each kind of feed record; the catalogue's names unless injected (tests use their own). */
public record FeedTopics(String incidents, String claims, String tallies, String alerts) {

    public FeedTopics {
        Objects.requireNonNull(incidents);
        Objects.requireNonNull(claims);
        Objects.requireNonNull(tallies);
        Objects.requireNonNull(alerts);
    }

    public static FeedTopics catalogue() {
        return new FeedTopics(
                FeedEventType.INCIDENT.topic(),
                FeedEventType.CLAIM.topic(),
                FeedEventType.TALLY.topic(),
                FeedEventType.ALERT.topic());
    }

    /** The catalogue names with a suffix, e.g. for one test's own topics. */
    public static FeedTopics withSuffix(final String suffix) {
        final FeedTopics c = catalogue();
        return new FeedTopics(c.incidents + suffix, c.claims + suffix, c.tallies + suffix, c.alerts + suffix);
    }

    public String topic(final FeedEventType type) {
        return switch (type) {
            case INCIDENT -> incidents;
            case CLAIM -> claims;
            case TALLY -> tallies;
            case ALERT -> alerts;
        };
    }

    public Optional<FeedEventType> typeOf(final String topic) {
        for (final FeedEventType t : FeedEventType.values()) {
            if (topic(t).equals(topic)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    public Map<FeedEventType, String> asMap() {
        final Map<FeedEventType, String> m = new EnumMap<>(FeedEventType.class);
        for (final FeedEventType t : FeedEventType.values()) {
            m.put(t, topic(t));
        }
        return m;
    }
}
