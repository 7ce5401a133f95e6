package org.wirewatch.feed;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.wirewatch.common.Regions;
import org.wirewatch.schema.RegionLevel;

/**
 * The SSE subscription filter, from the query string of {@code /v1/stream}.
 *
 * <ul>
 *   <li>{@code types=incident,alert}: which kinds of record (incident, claim, tally, alert); all by default.</li>
 *   <li>{@code region=SY-DY,SY-HM}: ISO 3166-2 regions or ISO 3166-1 countries; a country matches its regions too.
 *   Claims match through their incident's region.</li>
 *   <li>{@code minKilled=10}: incidents and tallies whose best killed figure, claims whose figure and alerts whose
 *   figure is at least 10; records without a figure do not match.</li>
 * </ul>
 *
 * <p>Removals ({@code *-removed} events) ignore {@code minKilled}: a client that showed a record must learn that
 * it is gone, whatever its figure was.
 */
public record EventFilter(Set<FeedEventType> types, List<String> regions, Integer minKilled) {

    public static final EventFilter ALL = new EventFilter(EnumSet.allOf(FeedEventType.class), List.of(), null);

    /** Parses the three parameters (each may be null); throws {@link IllegalArgumentException} naming the problem. */
    public static EventFilter parse(final String types, final String region, final String minKilled) {
        final Set<FeedEventType> t = EnumSet.noneOf(FeedEventType.class);
        if (types == null || types.isBlank()) {
            t.addAll(EnumSet.allOf(FeedEventType.class));
        } else {
            for (final String name : types.split(",")) {
                if (name.isBlank()) {
                    continue;
                }
                t.add(FeedEventType.ofName(name)
                        .orElseThrow(() -> new IllegalArgumentException(
                                "types: unknown type '" + name.trim() + "' (incident, claim, tally, alert)")));
            }
        }
        List<String> regions = List.of();
        if (region != null && !region.isBlank()) {
            regions = java.util.Arrays.stream(region.split(","))
                    .map(String::trim)
                    .filter(s -> !s.isEmpty())
                    .map(s -> s.toUpperCase(Locale.ROOT))
                    .toList();
            for (final String r : regions) {
                if (!Regions.isCode(r)) {
                    throw new IllegalArgumentException("region: '" + r + "' is not an ISO 3166-1 or 3166-2 code");
                }
            }
        }
        Integer min = null;
        if (minKilled != null && !minKilled.isBlank()) {
            try {
                min = Integer.parseInt(minKilled.trim());
            } catch (final NumberFormatException e) {
                throw new IllegalArgumentException("minKilled: '" + minKilled + "' is not an integer");
            }
            if (min < 0) {
                throw new IllegalArgumentException("minKilled: must be >= 0");
            }
        }
        return new EventFilter(t, regions, min);
    }

    public boolean matches(final FeedEvent e) {
        if (!types.contains(e.type())) {
            return false;
        }
        if (!regions.isEmpty() && !matchesRegion(e)) {
            return false;
        }
        if (minKilled != null && !e.removed()) {
            return e.killed() != null && e.killed() >= minKilled;
        }
        return true;
    }

    private boolean matchesRegion(final FeedEvent e) {
        if (e.removed() && e.country() == null && e.admin1() == null) {
            // A removal of a record this instance never saw: let it through rather than leave a stale row on screen.
            return true;
        }
        for (final String r : regions) {
            if (Regions.level(r) == RegionLevel.COUNTRY ? r.equals(e.country()) : r.equals(e.admin1())) {
                return true;
            }
        }
        return false;
    }
}
