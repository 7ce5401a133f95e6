package org.wirewatch.streams.tally;

import org.apache.kafka.common.utils.Bytes;
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
import org.wirewatch.common.Topics;
import org.wirewatch.schema.CasualtyTally;
import org.wirewatch.schema.Incident;
import org.wirewatch.schema.RegionLevel;
import org.wirewatch.streams.StreamSerdes;

/**
 * Tally: {@code wirewatch.incidents.v1} (Incident, key incident id) to {@code wirewatch.tallies.v1}
 * (CasualtyTally, key {@code region|window|windowStart}).
 *
 * <p>Table semantics (DESIGN.md semantics 6): the incidents topic is read as a table ({@value #INCIDENTS}); it is
 * grouped by region-day, once per level, through the repartition topics {@value #BY_COUNTRY_DAY} and
 * {@value #BY_ADMIN1_DAY}, and aggregated with {@link TallyAdder} and {@link TallySubtractor} into the one-day
 * tallies {@value #COUNTRY_DAYS} and {@value #ADMIN1_DAYS}. An updated incident is subtracted with its old figures
 * and added with its new ones; a tombstone only subtracts. A late report lands in the day its event happened,
 * whenever it arrives. The day changes are re-partitioned by region ({@value #DAYS_BY_REGION}) and
 * {@link WindowDeriver} sums them into P1D, P7D and P30D windows keyed by their first day.
 */
public final class TallyTopology {

  public static final String INCIDENTS = "tally-incidents";
  public static final String BY_COUNTRY_DAY = "incidents-by-country-day";
  public static final String BY_ADMIN1_DAY = "incidents-by-admin1-day";
  public static final String COUNTRY_DAYS = "tally-by-country-day";
  public static final String ADMIN1_DAYS = "tally-by-admin1-day";
  public static final String DAYS_BY_REGION = "tally-days-by-region";

  private TallyTopology() {}

  public static Topology build(final StreamSerdes serdes) {
    final StreamsBuilder builder = new StreamsBuilder();
    final KTable<String, Incident> incidents = builder.table(Topics.INCIDENTS,
        Consumed.with(serdes.key(), serdes.incident()).withName("incidents"),
        Materialized.<String, Incident, KeyValueStore<Bytes, byte[]>>as(INCIDENTS)
            .withKeySerde(serdes.key()).withValueSerde(serdes.incident()));
    final KStream<String, CasualtyTally> countryDays = daily(incidents, serdes, RegionLevel.COUNTRY,
        BY_COUNTRY_DAY, COUNTRY_DAYS);
    final KStream<String, CasualtyTally> admin1Days = daily(incidents, serdes, RegionLevel.ADMIN1,
        BY_ADMIN1_DAY, ADMIN1_DAYS);
    countryDays.merge(admin1Days, Named.as("region-days"))
        .repartition(Repartitioned.<String, CasualtyTally>with(serdes.key(), serdes.tally())
            .withName(DAYS_BY_REGION).withStreamPartitioner(new RegionPartitioner<>()))
        .process(WindowDeriver.supplier(serdes), Named.as("derive-windows"))
        .to(Topics.TALLIES, Produced.with(serdes.key(), serdes.tally()).withName("tallies"));
    return builder.build();
  }

  private static KStream<String, CasualtyTally> daily(final KTable<String, Incident> incidents,
      final StreamSerdes serdes, final RegionLevel level, final String repartition, final String store) {
    final String suffix = level.name().toLowerCase(java.util.Locale.ROOT);
    return incidents
        .groupBy(new RegionDaySelector(level), Grouped.with(repartition, serdes.key(), serdes.incident()))
        .aggregate(TallyMath::empty, new TallyAdder(), new TallySubtractor(), Named.as("sum-" + suffix + "-days"),
            Materialized.<String, CasualtyTally, KeyValueStore<Bytes, byte[]>>as(store)
                .withKeySerde(serdes.key()).withValueSerde(serdes.tally()))
        .toStream(Named.as(suffix + "-day-changes"));
  }
}
