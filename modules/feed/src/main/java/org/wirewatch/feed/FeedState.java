package org.wirewatch.feed;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import org.apache.avro.specific.SpecificRecord;
import org.wirewatch.common.Regions;
import org.wirewatch.common.json.AvroJson;
import org.wirewatch.schema.Alert;
import org.wirewatch.schema.CasualtyTally;
import org.wirewatch.schema.Claim;
import org.wirewatch.schema.Incident;
import org.wirewatch.schema.RegionLevel;

/**
 * The feed's state machine: applies each consumed record to the view, keeps it in the replay buffer and hands it
 * to every subscriber, all under the view's lock so that a subscriber registered at head position H sees exactly
 * the events after H live and the ones before H from its catch-up.
 */
final class FeedState {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final FeedView view;
    private final ReplayBuffer buffer;
    private final SseHub hub;

    FeedState(final FeedView view, final ReplayBuffer buffer, final SseHub hub) {
        this.view = view;
        this.buffer = buffer;
        this.hub = hub;
    }

    FeedView view() {
        return view;
    }

    /** Applies one consumed record (value null for a tombstone) and publishes it; returns the event. */
    FeedEvent apply(
            final FeedEventType type,
            final String key,
            final int partition,
            final long offset,
            final long timestamp,
            final SpecificRecord value) {
        synchronized (view) {
            final Object previous = view.apply(type, key, value);
            final FeedEvent e = event(type, key, partition, offset, timestamp, value, previous);
            buffer.append(e);
            hub.publish(e);
            return e;
        }
    }

    /** Moves past a record that could not be decoded, so positions stay exact. */
    void skip(final FeedEventType type, final int partition, final long offset) {
        synchronized (view) {
            buffer.skip(type, partition, offset);
        }
    }

    /** Sets a partition's head to its log start offset, so ids name every partition from the first event on. */
    void seed(final FeedEventType type, final int partition, final long logStart) {
        synchronized (view) {
            buffer.seed(type, partition, logStart);
        }
    }

    Position head() {
        synchronized (view) {
            return buffer.head();
        }
    }

    /**
     * Registers a subscriber atomically with the head position and the buffered events after {@code from} (empty
     * when the buffer no longer covers it and Kafka must be re-read); null {@code from} means from the head.
     */
    void register(final Subscriber subscriber, final Position from) {
        synchronized (view) {
            final Position head = buffer.head();
            final Optional<List<FeedEvent>> buffered = from == null ? Optional.of(List.of()) : buffer.since(from);
            subscriber.registered(from, head, buffered);
            hub.add(subscriber);
        }
    }

    int buffered() {
        synchronized (view) {
            return buffer.size();
        }
    }

    /** Builds an event from a record; used for live records and for catch-up re-reads from Kafka. */
    FeedEvent event(
            final FeedEventType type,
            final String key,
            final int partition,
            final long offset,
            final long timestamp,
            final SpecificRecord value,
            final Object previous) {
        final Object subject = value != null ? value : previous;
        String country = null;
        String admin1 = null;
        Integer killed = null;
        if (subject instanceof Incident i) {
            country = i.getLocation().getCountryCode();
            admin1 = i.getLocation().getAdmin1Code();
            killed = Incidents.killedBest(i);
        } else if (subject instanceof Claim c) {
            killed = c.getKilled();
            final Incident i = c.getIncidentId() == null
                    ? null
                    : view.incident(c.getIncidentId()).orElse(null);
            if (i != null) {
                country = i.getLocation().getCountryCode();
                admin1 = i.getLocation().getAdmin1Code();
            }
        } else if (subject instanceof CasualtyTally t) {
            final String[] cr = splitRegion(t.getRegionCode());
            country = cr[0];
            admin1 = cr[1];
            killed = Incidents.best(t.getKilled());
        } else if (subject instanceof Alert a) {
            killed = a.getKilledBest();
            if (a.getRegionCode() != null) {
                final String[] cr = splitRegion(a.getRegionCode());
                country = cr[0];
                admin1 = cr[1];
            } else if (a.getIncidentId() != null) {
                final Incident i = view.incident(a.getIncidentId()).orElse(null);
                if (i != null) {
                    country = i.getLocation().getCountryCode();
                    admin1 = i.getLocation().getAdmin1Code();
                }
            }
        }
        final String json;
        if (value != null) {
            json = AvroJson.toJson(value);
        } else {
            final ObjectNode n = MAPPER.createObjectNode();
            n.put("key", key);
            json = n.toString();
        }
        return new FeedEvent(type, key, partition, offset, timestamp, value, json, country, admin1, killed);
    }

    private static String[] splitRegion(final String code) {
        if (code == null) {
            return new String[] {null, null};
        }
        return new String[] {Regions.countryOf(code), Regions.level(code) == RegionLevel.ADMIN1 ? code : null};
    }
}
