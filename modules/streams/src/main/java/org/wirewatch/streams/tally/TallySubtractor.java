package org.wirewatch.streams.tally;

import org.apache.kafka.streams.kstream.Aggregator;
import org.wirewatch.schema.CasualtyTally;
import org.wirewatch.schema.Incident;

/**
 * Removes an incident's previous figures from its region-day tally (the KTable aggregate's subtractor), so an
 * updated incident counts once with its new figures and a retracted one not at all.
 */
public final class TallySubtractor implements Aggregator<String, Incident, CasualtyTally> {

  @Override
  public CasualtyTally apply(final String dayKey, final Incident incident, final CasualtyTally agg) {
    return TallyMath.subtract(incident, agg);
  }
}
