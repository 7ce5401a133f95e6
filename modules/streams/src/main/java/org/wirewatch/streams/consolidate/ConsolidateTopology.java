package org.wirewatch.streams.consolidate;

import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.wirewatch.common.Topics;
import org.wirewatch.schema.Claim;
import org.wirewatch.schema.Incident;
import org.wirewatch.streams.StreamSerdes;

/**
 * Consolidate: {@code wirewatch.extractions.v1} (ReportExtraction, key story uri) to
 * {@code wirewatch.incidents.v1} (Incident, key incident id; tombstone when retracted) and
 * {@code wirewatch.claims.v1} (Claim, key claim id; tombstone when the story withdraws it).
 *
 * <p>Two steps. {@link StoryFanOut} (store {@value StoryFanOut#STORE}, keyed by story) cuts each extraction into
 * per-country deltas and sends them through the repartition topic {@value #BY_COUNTRY}, keyed by
 * {@link StateKeys.Route} (the country; the story for claims linked to no current mention), so all mentions of one
 * country meet in one task. {@link IncidentClusterProcessor} (stores
 * {@value IncidentClusterProcessor#INCIDENTS}, {@value IncidentClusterProcessor#MEMBERS},
 * {@value IncidentClusterProcessor#INDEX}, {@value IncidentClusterProcessor#DELTAS},
 * {@value IncidentClusterProcessor#WATERMARKS}) clusters them into incidents and emits incidents and claims.
 */
public final class ConsolidateTopology {

    /** Name of the repartition topic of deltas keyed by country. */
    public static final String BY_COUNTRY = "mentions-by-country";
    /** Default horizon: incidents no report touched for this long (publication time, per country) are closed. */
    public static final int DEFAULT_HORIZON_DAYS = 90;

    private ConsolidateTopology() {}

    /** Default interval of the wall-clock eviction pass. */
    public static final java.time.Duration DEFAULT_EVICTION_INTERVAL = java.time.Duration.ofMinutes(10);

    public static Topology build(final StreamSerdes serdes, final int horizonDays) {
        return build(serdes, horizonDays, DEFAULT_EVICTION_INTERVAL);
    }

    public static Topology build(
            final StreamSerdes serdes, final int horizonDays, final java.time.Duration evictionInterval) {
        final StreamsBuilder builder = new StreamsBuilder();
        final KStream<String, ConsolidatedRecord> out = builder.stream(
                        Topics.EXTRACTIONS,
                        Consumed.with(serdes.key(), serdes.extraction()).withName("extractions"))
                .process(StoryFanOut.supplier(serdes), Named.as("story-fan-out"))
                .repartition(
                        Repartitioned.with(StateKeys.ROUTE, serdes.extraction()).withName(BY_COUNTRY))
                .process(
                        IncidentClusterProcessor.supplier(serdes, horizonDays, evictionInterval),
                        Named.as("cluster-incidents"));
        out.split(Named.as("consolidated-"))
                .branch(
                        (k, v) -> v.kind() == ConsolidatedRecord.Kind.INCIDENT,
                        Branched.withConsumer(
                                s -> s.mapValues(ConsolidatedRecord::asIncident, Named.as("as-incident"))
                                        .to(
                                                Topics.INCIDENTS,
                                                Produced.<String, Incident>with(serdes.key(), serdes.incident())
                                                        .withName("incidents")),
                                "incidents"))
                .branch(
                        (k, v) -> v.kind() == ConsolidatedRecord.Kind.CLAIM,
                        Branched.withConsumer(
                                s -> s.mapValues(ConsolidatedRecord::asClaim, Named.as("as-claim"))
                                        .to(
                                                Topics.CLAIMS,
                                                Produced.<String, Claim>with(serdes.key(), serdes.claim())
                                                        .withName("claims")),
                                "claims"));
        return builder.build();
    }
}
