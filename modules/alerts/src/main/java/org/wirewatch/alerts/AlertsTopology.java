package org.wirewatch.alerts;

import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.wirewatch.common.TallyKey;
import org.wirewatch.common.Topics;
import org.wirewatch.schema.Alert;
import org.wirewatch.schema.CasualtyTally;
import org.wirewatch.schema.Claim;
import org.wirewatch.schema.Incident;

/**
 * Alerting: {@value Topics#INCIDENTS}, {@value Topics#CLAIMS} and {@value Topics#TALLIES} in,
 * {@value Topics#ALERTS} out, keyed by alert id: one alert per subject ({@code INCIDENT|<incidentId>},
 * {@code REGION_SPIKE|<region>|<day>}), its reasons the rules that hold ({@link SubjectAlert}).
 *
 * <ul>
 *   <li>Incident rules (MASS_CASUALTY, CHILDREN_KILLED, CONTESTED_TOLL): the incidents table
 *   ({@value #INCIDENTS_STORE}) left-joined with the figure and denial claims per incident, which are re-keyed from
 *   claim id to incident id through {@value #CLAIMS_BY_INCIDENT_REPARTITION} and aggregated in
 *   {@value #CLAIMS_BY_INCIDENT}; every change is evaluated by {@link IncidentRules}.</li>
 *   <li>REGION_SPIKE: daily (P1D) tallies re-keyed by region through {@value #TALLIES_BY_REGION}, each day's killed
 *   kept in {@value #REGION_DAILY_KILLED}, evaluated by {@link RegionSpikeRule} against the days before.</li>
 *   <li>Once per subject, escalating: what was published per alert id ({@value #INCIDENT_PUBLISHED},
 *   {@value #REGION_PUBLISHED}, each rule with its highest published severity); an alert is published again only
 *   when a new rule holds or a rule's severity rises. (Before alerts were grouped by subject, the stores
 *   {@code alerts-incident-severity} and {@code alerts-region-severity} held one severity per rule and subject;
 *   they are left unused.)</li>
 * </ul>
 */
public final class AlertsTopology {

    public static final String INCIDENTS_STORE = "alerts-incidents";
    public static final String CLAIMS_STORE = "alerts-claims";
    public static final String CLAIMS_BY_INCIDENT_REPARTITION = "alerts-claims-by-incident";
    public static final String CLAIMS_BY_INCIDENT = "alerts-incident-claims";
    public static final String TALLIES_BY_REGION = "alerts-tallies-by-region";
    public static final String REGION_DAILY_KILLED = "alerts-region-daily-killed";
    public static final String INCIDENT_PUBLISHED = "alerts-incident-published";
    public static final String REGION_PUBLISHED = "alerts-region-published";

    private AlertsTopology() {}

    public static Topology build(
            final AlertRules rules,
            final Serde<Incident> incidentSerde,
            final Serde<Claim> claimSerde,
            final Serde<CasualtyTally> tallySerde,
            final Serde<Alert> alertSerde) {
        final StreamsBuilder builder = new StreamsBuilder();
        final Serde<String> keys = Serdes.String();
        final Serde<ClaimMark> markSerde = JsonSerde.of(ClaimMark.class);
        final Serde<IncidentClaims> claimsSerde = JsonSerde.of(IncidentClaims.class);

        builder.addStateStore(
                Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(INCIDENT_PUBLISHED), keys, keys));
        builder.addStateStore(
                Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(REGION_PUBLISHED), keys, keys));
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.persistentKeyValueStore(REGION_DAILY_KILLED), keys, Serdes.Integer()));

        final KTable<String, Incident> incidents = builder.table(
                Topics.INCIDENTS,
                Consumed.with(keys, incidentSerde).withName("alerts-incidents-source"),
                Materialized.<String, Incident, KeyValueStore<Bytes, byte[]>>as(INCIDENTS_STORE)
                        .withKeySerde(keys)
                        .withValueSerde(incidentSerde));

        final KTable<String, IncidentClaims> claimsByIncident = builder.table(
                        Topics.CLAIMS,
                        Consumed.with(keys, claimSerde).withName("alerts-claims-source"),
                        Materialized.<String, Claim, KeyValueStore<Bytes, byte[]>>as(CLAIMS_STORE)
                                .withKeySerde(keys)
                                .withValueSerde(claimSerde))
                .filter((claimId, claim) -> ClaimMark.relevant(claim), Named.as("alerts-claims-on-incidents"))
                .groupBy(
                        (claimId, claim) -> KeyValue.pair(claim.getIncidentId(), ClaimMark.of(claim)),
                        Grouped.with(CLAIMS_BY_INCIDENT_REPARTITION, keys, markSerde))
                .aggregate(
                        IncidentClaims::empty,
                        new IncidentClaims.Add(),
                        new IncidentClaims.Remove(),
                        Named.as("alerts-claims-aggregate"),
                        Materialized.<String, IncidentClaims, KeyValueStore<Bytes, byte[]>>as(CLAIMS_BY_INCIDENT)
                                .withKeySerde(keys)
                                .withValueSerde(claimsSerde));

        final KStream<String, Alert> incidentAlerts = incidents
                .leftJoin(claimsByIncident, IncidentWithClaims::new, Named.as("alerts-incident-with-claims"))
                .toStream(Named.as("alerts-incident-changes"))
                .process(
                        () -> new IncidentAlertProcessor(new IncidentRules(rules)),
                        Named.as("alerts-incident-rules"),
                        INCIDENT_PUBLISHED);

        final KStream<String, Alert> regionAlerts = builder.stream(
                        Topics.TALLIES, Consumed.with(keys, tallySerde).withName("alerts-tallies-source"))
                .filter((key, tally) -> DailyTallies.isDaily(key), Named.as("alerts-daily-tallies"))
                .map(
                        (key, tally) -> KeyValue.pair(TallyKey.regionOf(key), DailyTallies.valueOrEmpty(key, tally)),
                        Named.as("alerts-tally-region"))
                .repartition(Repartitioned.with(keys, tallySerde).withName(TALLIES_BY_REGION))
                .process(
                        () -> new RegionSpikeProcessor(new RegionSpikeRule(rules)),
                        Named.as("alerts-region-spike"),
                        REGION_DAILY_KILLED,
                        REGION_PUBLISHED);

        incidentAlerts
                .merge(regionAlerts, Named.as("alerts-merge"))
                .to(Topics.ALERTS, Produced.with(keys, alertSerde).withName("alerts-sink"));
        return builder.build();
    }
}
