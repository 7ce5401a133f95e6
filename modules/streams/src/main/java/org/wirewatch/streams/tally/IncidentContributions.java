package org.wirewatch.streams.tally;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.wirewatch.common.Regions;
import org.wirewatch.schema.CasualtyTally;
import org.wirewatch.schema.Incident;
import org.wirewatch.schema.RegionLevel;
import org.wirewatch.streams.StreamSerdes;

/**
 * First step of the tally, keyed by incident id: turns each change of an incident into what it changes in the
 * one-day tallies of its regions ({@code docs/architecture.md#semantics-6}). The incident as last counted is kept in
 * {@value #STORE} (what counts of it: place, day, figures); a new version subtracts it and adds the new one, a
 * tombstone only subtracts. Both halves are summed per region-day before anything is sent, so an update that
 * changes a figure sends one delta per region level, and one that moves neither a number nor {@code updatedAt}
 * sends nothing.
 *
 * <p>Output: key {@code region|day|incident id}, value a {@link CasualtyTally} whose counts are differences
 * ({@link TallyMath#delta}) and whose {@code updatedAt} is the incident's while it stays counted on that day, for
 * the region-level step to add.
 */
public final class IncidentContributions implements Processor<String, Incident, String, CasualtyTally> {

    /** Incident id to the incident as it was last counted, without its mentions and evidence. */
    public static final String STORE = "tally-incident-contributions";

    private ProcessorContext<String, CasualtyTally> context;
    private KeyValueStore<String, Incident> counted;

    public static ProcessorSupplier<String, Incident, String, CasualtyTally> supplier(final StreamSerdes serdes) {
        return new ProcessorSupplier<>() {
            @Override
            public Processor<String, Incident, String, CasualtyTally> get() {
                return new IncidentContributions();
            }

            @Override
            public Set<StoreBuilder<?>> stores() {
                return Set.of(Stores.keyValueStoreBuilder(
                        Stores.persistentKeyValueStore(STORE), serdes.key(), serdes.incident()));
            }
        };
    }

    @Override
    public void init(final ProcessorContext<String, CasualtyTally> context) {
        this.context = context;
        this.counted = context.getStateStore(STORE);
    }

    @Override
    public void process(final Record<String, Incident> record) {
        if (record.key() == null) {
            throw new IllegalArgumentException("incident without a key");
        }
        final Incident before = counted.get(record.key());
        final Incident after = record.value();
        // Sorted, so the deltas of one change leave in the same order on every run.
        final Map<String, CasualtyTally> deltas = new TreeMap<>();
        if (before != null) {
            add(deltas, before, -1);
        }
        if (after != null) {
            add(deltas, after, 1);
        }
        // A delta that moves no number still carries a changed updatedAt: a day's updatedAt is the latest of the
        // incidents counted in it now, whatever versions came before, so replays and restarts after a crash, which
        // may see other intermediate versions, end with the same bytes.
        final boolean retimed = before != null
                && after != null
                && !java.util.Objects.equals(before.getUpdatedAt(), after.getUpdatedAt());
        deltas.values().removeIf(d -> TallyMath.changesNothing(d) && !retimed);
        if (deltas.isEmpty()) {
            // Nothing to re-count; the stored incident, if any, stays: its contribution equals the new one's.
            return;
        }
        if (after == null) {
            counted.delete(record.key());
        } else {
            counted.put(record.key(), countedPart(after));
        }
        deltas.forEach((dayKey, delta) -> context.forward(
                record.withKey(TallyKeys.change(dayKey, record.key())).withValue(delta)));
    }

    /**
     * The incident as the tally needs it later (region, day, figures, updatedAt): its mentions and evidence, most of
     * its bytes, stay out of the store, which is written and read once per incident change.
     */
    static Incident countedPart(final Incident incident) {
        final Incident out = new Incident();
        for (int f = 0; f < Incident.getClassSchema().getFields().size(); f++) {
            out.put(f, incident.get(f));
        }
        out.setMentions(java.util.List.of());
        out.setEvidence(java.util.List.of());
        return out;
    }

    private static void add(final Map<String, CasualtyTally> deltas, final Incident incident, final int sign) {
        for (final RegionLevel level : RegionLevel.values()) {
            final String region = Regions.of(incident.getLocation(), level);
            if (region == null || incident.getEventDate() == null) {
                continue;
            }
            final String dayKey = TallyKeys.day(region, incident.getEventDate());
            deltas.merge(dayKey, TallyMath.delta(dayKey, incident, sign), TallyMath::plus);
        }
    }
}
