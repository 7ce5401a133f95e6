package org.wirewatch.feed;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.wirewatch.common.query.TallyQueries;
import org.wirewatch.common.query.TallyWindows;
import org.wirewatch.schema.Alert;
import org.wirewatch.schema.CasualtyTally;
import org.wirewatch.schema.Claim;
import org.wirewatch.schema.Incident;
import org.wirewatch.schema.TallyWindow;

/**
 * The latest value per key of the four feed topics, as this instance has read them; tombstones remove. Indexed for
 * the REST queries: claims by incident, tallies by region and window. All methods lock the view, which is also the
 * lock {@link FeedState} holds while it applies a record, so readers never see half an update.
 */
public final class FeedView implements TallyQueries {

    /** Newest event day first, then most recently updated, then id: the order of the incident list and dashboard. */
    static final Comparator<Incident> NEWEST_FIRST = Comparator.comparing(Incident::getEventDate)
            .reversed()
            .thenComparing(Comparator.comparing(Incident::getUpdatedAt).reversed())
            .thenComparing(Incident::getIncidentId);

    private final Map<String, Incident> incidents = new HashMap<>();
    private final Map<String, Claim> claims = new HashMap<>();
    private final Map<String, Set<String>> claimsByIncident = new HashMap<>();
    private final Map<String, CasualtyTally> tallies = new HashMap<>();
    private final Map<String, Map<TallyWindow, NavigableMap<LocalDate, CasualtyTally>>> talliesByRegion =
            new TreeMap<>();
    private final Map<String, Alert> alerts = new HashMap<>();
    private final Map<String, String> regionNames = new HashMap<>();
    private final Map<String, java.time.Instant> reprocessedAt = new HashMap<>();

    /**
     * Notes that a version of an incident came from a reprocess run ({@code run} non-null), which stays its "last
     * changed by a reprocess" time until a later run changes it; a tombstone forgets it.
     */
    synchronized void reprocessed(final String incidentId, final java.time.Instant run) {
        if (run != null) {
            reprocessedAt.put(incidentId, run);
        }
    }

    /** When a reprocess run last changed this incident, as far as this feed has read. */
    public synchronized Optional<java.time.Instant> reprocessedAt(final String incidentId) {
        return Optional.ofNullable(reprocessedAt.get(incidentId));
    }

    /** Applies a record; returns the value it replaced (null if none). */
    synchronized Object apply(final FeedEventType type, final String key, final Object value) {
        return switch (type) {
            case INCIDENT -> applyIncident(key, (Incident) value);
            case CLAIM -> applyClaim(key, (Claim) value);
            case TALLY -> applyTally(key, (CasualtyTally) value);
            case ALERT -> value == null ? alerts.remove(key) : alerts.put(key, (Alert) value);
        };
    }

    private Incident applyIncident(final String key, final Incident value) {
        if (value == null) {
            reprocessedAt.remove(key);
            return incidents.remove(key);
        }
        final var loc = value.getLocation();
        if (loc.getAdmin1Code() != null && loc.getAdmin1Name() != null) {
            regionNames.putIfAbsent(loc.getAdmin1Code(), loc.getAdmin1Name());
        }
        return incidents.put(key, value);
    }

    private Claim applyClaim(final String key, final Claim value) {
        final Claim old = value == null ? claims.remove(key) : claims.put(key, value);
        if (old != null && old.getIncidentId() != null) {
            final Set<String> ids = claimsByIncident.get(old.getIncidentId());
            if (ids != null) {
                ids.remove(key);
                if (ids.isEmpty()) {
                    claimsByIncident.remove(old.getIncidentId());
                }
            }
        }
        if (value != null && value.getIncidentId() != null) {
            claimsByIncident
                    .computeIfAbsent(value.getIncidentId(), k -> new LinkedHashSet<>())
                    .add(key);
        }
        return old;
    }

    private CasualtyTally applyTally(final String key, final CasualtyTally value) {
        final CasualtyTally old = value == null ? tallies.remove(key) : tallies.put(key, value);
        if (old != null) {
            final var byWindow = talliesByRegion.get(old.getRegionCode());
            if (byWindow != null && byWindow.get(old.getWindow()) != null) {
                byWindow.get(old.getWindow()).remove(old.getWindowEnd());
            }
        }
        if (value != null) {
            talliesByRegion
                    .computeIfAbsent(value.getRegionCode(), k -> new java.util.EnumMap<>(TallyWindow.class))
                    .computeIfAbsent(value.getWindow(), k -> new TreeMap<>())
                    .put(value.getWindowEnd(), value);
            if (value.getRegionName() != null) {
                regionNames.put(value.getRegionCode(), value.getRegionName());
            }
        }
        return old;
    }

    public synchronized Optional<Incident> incident(final String id) {
        return Optional.ofNullable(incidents.get(id));
    }

    public synchronized int incidentCount() {
        return incidents.size();
    }

    public synchronized int claimCount() {
        return claims.size();
    }

    public synchronized int tallyCount() {
        return tallies.size();
    }

    public synchronized int alertCount() {
        return alerts.size();
    }

    /** Claims attributed to an incident: figures first (largest first), then denials and the rest. */
    public synchronized List<Claim> claimsOf(final String incidentId) {
        final List<Claim> out = new ArrayList<>();
        for (final String id : claimsByIncident.getOrDefault(incidentId, Set.of())) {
            out.add(claims.get(id));
        }
        out.sort(Comparator.comparing((Claim c) -> c.getKind().ordinal())
                .thenComparing(c -> c.getKilled() == null ? Integer.MIN_VALUE : -c.getKilled())
                .thenComparing(Claim::getClaimId));
        return out;
    }

    /** Incidents matching a query, newest first. */
    public synchronized List<Incident> incidents(final IncidentQuery q) {
        return incidents.values().stream()
                .filter(q::matches)
                .sorted(NEWEST_FIRST)
                .toList();
    }

    /**
     * The tallies of a region and window whose windowEnd lies in [from, to] (either may be null), oldest first. The
     * topic carries every day but only the 7- and 30-day windows ending on a region's latest day; a window ending on
     * another day is summed from the days held here ({@link TallyWindows#sum}), as the Streams stores answer it.
     */
    @Override
    public synchronized List<CasualtyTally> tallies(
            final String region, final TallyWindow window, final LocalDate from, final LocalDate to) {
        final var byWindow = talliesByRegion.get(region);
        if (byWindow == null) {
            return List.of();
        }
        final NavigableMap<LocalDate, CasualtyTally> published = byWindow.getOrDefault(window, new TreeMap<>());
        final NavigableMap<LocalDate, CasualtyTally> days = byWindow.getOrDefault(TallyWindow.P1D, new TreeMap<>());
        if (window == TallyWindow.P1D || days.isEmpty()) {
            return List.copyOf(between(published, from, to).values());
        }
        final int back = TallyWindows.length(window) - 1;
        // Only ends whose window can hold a day or that were published: the bounds may be open.
        LocalDate lo = days.firstKey();
        LocalDate hi = days.lastKey().plusDays(back);
        if (!published.isEmpty()) {
            lo = min(lo, published.firstKey());
            hi = max(hi, published.lastKey());
        }
        lo = from == null ? lo : max(lo, from);
        hi = to == null ? hi : min(hi, to);
        final List<CasualtyTally> out = new ArrayList<>();
        for (LocalDate end = lo; !end.isAfter(hi); end = end.plusDays(1)) {
            CasualtyTally t = published.get(end);
            if (t == null) {
                t = TallyWindows.sum(
                        region,
                        window,
                        end.minusDays(back),
                        days.subMap(end.minusDays(back), true, end, true).values());
            }
            if (t != null) {
                out.add(t);
            }
        }
        return out;
    }

    private static NavigableMap<LocalDate, CasualtyTally> between(
            final NavigableMap<LocalDate, CasualtyTally> m, final LocalDate from, final LocalDate to) {
        NavigableMap<LocalDate, CasualtyTally> out = m;
        if (from != null) {
            out = out.tailMap(from, true);
        }
        if (to != null) {
            out = out.headMap(to, true);
        }
        return out;
    }

    private static LocalDate min(final LocalDate a, final LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    private static LocalDate max(final LocalDate a, final LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    @Override
    public synchronized Optional<CasualtyTally> tally(
            final String regionCode, final TallyWindow window, final LocalDate windowEnd) {
        return tallies(regionCode, window, windowEnd, windowEnd).stream().findFirst();
    }

    @Override
    public synchronized List<String> regions() {
        return List.copyOf(talliesByRegion.keySet());
    }

    /** Every region with a tally or an incident, sorted. */
    public synchronized Set<String> knownRegions() {
        final Set<String> out = new TreeSet<>(talliesByRegion.keySet());
        for (final Incident i : incidents.values()) {
            if (i.getLocation().getCountryCode() != null) {
                out.add(i.getLocation().getCountryCode());
            }
            if (i.getLocation().getAdmin1Code() != null) {
                out.add(i.getLocation().getAdmin1Code());
            }
        }
        return out;
    }

    /** English name of a region: from tallies or incidents, else the JDK's country name. */
    public synchronized String regionName(final String code) {
        final String known = regionNames.get(code);
        if (known != null) {
            return known;
        }
        if (code.length() == 2) {
            final String name = new Locale("", code).getDisplayCountry(Locale.ENGLISH);
            return name.isEmpty() || name.equals(code) ? code : name;
        }
        return code;
    }

    /** The latest event day of any tally or incident: the dashboard's "as of" day when data is historic. */
    public synchronized Optional<LocalDate> latestEventDate() {
        LocalDate max = null;
        for (final Incident i : incidents.values()) {
            if (max == null || i.getEventDate().isAfter(max)) {
                max = i.getEventDate();
            }
        }
        for (final CasualtyTally t : tallies.values()) {
            if (max == null || t.getWindowEnd().isAfter(max)) {
                max = t.getWindowEnd();
            }
        }
        return Optional.ofNullable(max);
    }

    /** Alerts, most recently raised first. */
    public synchronized List<Alert> alerts(final int limit) {
        return alerts.values().stream()
                .sorted(Comparator.comparing(Alert::getRaisedAt).reversed().thenComparing(Alert::getAlertId))
                .limit(limit)
                .toList();
    }
}
