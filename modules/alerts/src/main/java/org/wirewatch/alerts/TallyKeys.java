package org.wirewatch.alerts;

import java.time.Instant;
import java.time.LocalDate;
import org.wirewatch.schema.CasualtyFigure;
import org.wirewatch.schema.CasualtyTally;
import org.wirewatch.schema.RegionLevel;
import org.wirewatch.schema.TallyWindow;

/** The parts of a tally key, {@code region|window|windowStart}, which a tombstone carries alone. */
final class TallyKeys {

  private TallyKeys() {}

  static boolean isDaily(final String key) {
    final String[] p = key == null ? new String[0] : key.split("\\|");
    return p.length == 3 && TallyWindow.P1D.name().equals(p[1]);
  }

  static String region(final String key) {
    return key.substring(0, key.indexOf('|'));
  }

  /** The value itself, or for a tombstone an empty tally of the key's day: a removed tally counts zero. */
  static CasualtyTally valueOrEmpty(final String key, final CasualtyTally value) {
    if (value != null) {
      return value;
    }
    final String[] p = key.split("\\|");
    final LocalDate day = LocalDate.parse(p[2]);
    final CasualtyFigure zero = CasualtyFigure.newBuilder().setLow(0).setBest(0).setHigh(0).build();
    return CasualtyTally.newBuilder()
        .setRegionCode(p[0])
        .setRegionLevel(p[0].contains("-") ? RegionLevel.ADMIN1 : RegionLevel.COUNTRY)
        .setWindow(TallyWindow.P1D)
        .setWindowStart(day)
        .setWindowEnd(day)
        .setIncidents(0)
        .setKilled(zero)
        .setInjured(zero)
        .setUpdatedAt(Instant.EPOCH)
        .build();
  }
}
