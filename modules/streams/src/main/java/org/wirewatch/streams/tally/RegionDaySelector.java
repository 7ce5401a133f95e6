package org.wirewatch.streams.tally;

import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.kstream.KeyValueMapper;
import org.wirewatch.schema.Incident;
import org.wirewatch.schema.Location;
import org.wirewatch.schema.RegionLevel;

/**
 * Groups an incident under its region-day key at one region level: {@code SY|2018-11-17} for the country,
 * {@code SY-DY|2018-11-17} for the first-level region. An incident without a region at that level selects a null
 * key, which the grouping drops: it has no tally at that level.
 */
public final class RegionDaySelector implements KeyValueMapper<String, Incident, KeyValue<String, Incident>> {

  private final RegionLevel level;

  public RegionDaySelector(final RegionLevel level) {
    this.level = level;
  }

  @Override
  public KeyValue<String, Incident> apply(final String incidentId, final Incident incident) {
    final String region = region(incident.getLocation(), level);
    return KeyValue.pair(region == null ? null : TallyKeys.day(region, incident.getEventDate()), incident);
  }

  static String region(final Location location, final RegionLevel level) {
    final String code = level == RegionLevel.COUNTRY ? location.getCountryCode() : location.getAdmin1Code();
    if (code == null || code.isBlank() || code.indexOf(TallyKeys.SEPARATOR) >= 0) {
      return null;
    }
    if (level == RegionLevel.COUNTRY && !code.trim().matches("[A-Za-z]{2}")) {
      return null;
    }
    if (level == RegionLevel.ADMIN1 && code.indexOf('-') <= 0) {
      return null;
    }
    return code.trim().toUpperCase(java.util.Locale.ROOT);
  }
}
