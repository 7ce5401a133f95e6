package org.wirewatch.streams.tally;

import org.apache.kafka.streams.kstream.Aggregator;
import org.wirewatch.schema.CasualtyTally;
import org.wirewatch.schema.Incident;

/** Adds an incident's figures to its region-day tally (the KTable aggregate's adder). */
public final class TallyAdder implements Aggregator<String, Incident, CasualtyTally> {

  @Override
  public CasualtyTally apply(final String dayKey, final Incident incident, final CasualtyTally agg) {
    return TallyMath.add(dayKey, incident, agg);
  }
}
