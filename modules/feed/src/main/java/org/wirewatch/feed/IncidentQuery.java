package org.wirewatch.feed;

import java.time.LocalDate;
import java.util.Set;
import org.wirewatch.common.Regions;
import org.wirewatch.schema.EventType;
import org.wirewatch.schema.Incident;
import org.wirewatch.schema.RegionLevel;

/**
 * Filters of {@code GET /v1/incidents}; every one optional.
 *
 * @param country   ISO 3166-1 alpha-2 of the incident
 * @param region    ISO 3166-2 region, or a country code (then the same as {@code country})
 * @param since     first event day (inclusive)
 * @param until     last event day (inclusive)
 * @param minKilled best killed figure at least this
 * @param eventTypes ACLED event types, any of them; null or empty for all
 */
public record IncidentQuery(
        String country, String region, LocalDate since, LocalDate until, Integer minKilled, Set<EventType> eventTypes) {

    public static final IncidentQuery ALL = new IncidentQuery(null, null, null, null, null);

    public IncidentQuery(
            final String country,
            final String region,
            final LocalDate since,
            final LocalDate until,
            final Integer minKilled) {
        this(country, region, since, until, minKilled, null);
    }

    public boolean matches(final Incident i) {
        final var loc = i.getLocation();
        if (country != null && !country.equals(loc.getCountryCode())) {
            return false;
        }
        if (region != null) {
            final boolean ok = Regions.level(region) == RegionLevel.COUNTRY
                    ? region.equals(loc.getCountryCode())
                    : region.equals(loc.getAdmin1Code());
            if (!ok) {
                return false;
            }
        }
        if (since != null && i.getEventDate().isBefore(since)) {
            return false;
        }
        if (until != null && i.getEventDate().isAfter(until)) {
            return false;
        }
        if (eventTypes != null && !eventTypes.isEmpty() && !eventTypes.contains(i.getEventType())) {
            return false;
        }
        if (minKilled != null) {
            final Integer k = Incidents.killedBest(i);
            return k != null && k >= minKilled;
        }
        return true;
    }
}
