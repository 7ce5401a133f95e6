package org.wirewatch.streams.tally;

import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.wirewatch.common.Topics;
import org.wirewatch.schema.CasualtyTally;
import org.wirewatch.streams.StreamSerdes;

/**
 * Tally: {@code wirewatch.incidents.v1} (Incident, key incident id) to {@code wirewatch.tallies.v1}
 * (CasualtyTally, key {@code region|window|windowStart}).
 *
 * <p>Table semantics ({@code docs/architecture.md#semantics-6}): {@link IncidentContributions} keeps each incident as
 * last counted ({@value IncidentContributions#STORE}) and turns a change into per region-day deltas, the old
 * contribution subtracted and the new one added; a tombstone only subtracts, and an update that moves no number sends
 * nothing. A late report lands in the day its event happened, whenever it arrives. The deltas are re-partitioned by
 * region ({@value #DELTAS_BY_REGION}), and {@link WindowDeriver} adds them to the one-day tallies and emits the P1D,
 * P7D and P30D windows each changed day belongs to, keyed by their first day, once per emit interval.
 */
public final class TallyTopology {

    /** Repartition topic of region-day deltas, partitioned by region ({@link RegionPartitioner}). */
    public static final String DELTAS_BY_REGION = "tally-deltas-by-region";

    private TallyTopology() {}

    public static Topology build(final StreamSerdes serdes) {
        return build(serdes, WindowDeriver.DEFAULT_EMIT_INTERVAL);
    }

    /** The topology emitting the windows of changed days every {@code emitInterval}. */
    public static Topology build(final StreamSerdes serdes, final java.time.Duration emitInterval) {
        final StreamsBuilder builder = new StreamsBuilder();
        builder.stream(
                        Topics.INCIDENTS,
                        Consumed.with(serdes.key(), serdes.incident()).withName("incidents"))
                .process(IncidentContributions.supplier(serdes), Named.as("incident-contributions"))
                .repartition(Repartitioned.<String, CasualtyTally>with(serdes.key(), serdes.tally())
                        .withName(DELTAS_BY_REGION)
                        .withStreamPartitioner(new RegionPartitioner<>()))
                .process(WindowDeriver.supplier(serdes, emitInterval), Named.as("derive-windows"))
                .to(Topics.TALLIES, Produced.with(serdes.key(), serdes.tally()).withName("tallies"));
        return builder.build();
    }
}
