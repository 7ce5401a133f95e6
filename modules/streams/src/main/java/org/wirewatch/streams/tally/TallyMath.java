package org.wirewatch.streams.tally;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.wirewatch.common.Regions;
import org.wirewatch.common.TallyKey;
import org.wirewatch.common.query.TallyWindows;
import org.wirewatch.schema.CasualtyFigure;
import org.wirewatch.schema.CasualtyTally;
import org.wirewatch.schema.Incident;
import org.wirewatch.schema.RegionLevel;
import org.wirewatch.schema.TallyWindow;

/** Arithmetic on tallies: add or remove one incident's contribution, and sum days into a window. */
public final class TallyMath {

    private TallyMath() {}

    /**
     * What one incident adds to ({@code sign} 1) or takes from ({@code sign} -1) the one-day tally of
     * {@code dayKey}: a tally whose counts are differences. {@code updatedAt} is the incident's on an addition and
     * the epoch on a removal, so the day keeps the latest {@code updatedAt} of any incident that changed it: event
     * time, never the wall clock, so replays are identical.
     */
    public static CasualtyTally delta(final String dayKey, final Incident incident, final int sign) {
        final Contribution c = Contribution.of(incident);
        final String region = TallyKey.regionOf(dayKey);
        final LocalDate day = TallyKeys.dayOf(dayKey);
        final RegionLevel level = Regions.level(region);
        return CasualtyTally.newBuilder()
                .setRegionCode(region)
                .setRegionLevel(level)
                .setRegionName(regionName(region, level, incident))
                .setWindow(TallyWindow.P1D)
                .setWindowStart(day)
                .setWindowEnd(day)
                .setIncidents(sign)
                .setKilled(figure(sign * c.killedLow(), sign * c.killedBest(), sign * c.killedHigh()))
                .setInjured(figure(sign * c.injuredLow(), sign * c.injuredBest(), sign * c.injuredHigh()))
                .setCiviliansKilled(sign * c.civilians())
                .setChildrenKilled(sign * c.children())
                .setUpdatedAt(sign > 0 && incident.getUpdatedAt() != null ? incident.getUpdatedAt() : Instant.EPOCH)
                .build();
    }

    /**
     * The sum of two tallies of the same region-day (a day and a delta, or two deltas). Commutative and
     * associative, so deltas arriving in any order from any partition give the same day: counts add, the latest
     * {@code updatedAt} wins and the region name is the first in alphabetical order of those seen.
     */
    public static CasualtyTally plus(final CasualtyTally a, final CasualtyTally b) {
        final String name = a.getRegionName() == null
                ? b.getRegionName()
                : b.getRegionName() == null || a.getRegionName().compareTo(b.getRegionName()) <= 0
                        ? a.getRegionName()
                        : b.getRegionName();
        return CasualtyTally.newBuilder(a)
                .setRegionName(name)
                .setIncidents(a.getIncidents() + b.getIncidents())
                .setKilled(plus(
                        a.getKilled(),
                        b.getKilled().getLow(),
                        b.getKilled().getBest(),
                        b.getKilled().getHigh()))
                .setInjured(plus(
                        a.getInjured(),
                        b.getInjured().getLow(),
                        b.getInjured().getBest(),
                        b.getInjured().getHigh()))
                .setCiviliansKilled(a.getCiviliansKilled() + b.getCiviliansKilled())
                .setChildrenKilled(a.getChildrenKilled() + b.getChildrenKilled())
                .setUpdatedAt(max(a.getUpdatedAt(), b.getUpdatedAt()))
                .build();
    }

    /** True when a delta changes no count: adding it leaves every number of a tally as it was. */
    public static boolean changesNothing(final CasualtyTally delta) {
        return delta.getIncidents() == 0
                && zero(delta.getKilled())
                && zero(delta.getInjured())
                && delta.getCiviliansKilled() == 0
                && delta.getChildrenKilled() == 0;
    }

    private static boolean zero(final CasualtyFigure f) {
        return f.getLow() == 0 && f.getBest() == 0 && f.getHigh() == 0;
    }

    /**
     * The window tally summing the given one-day tallies of one region; null when they hold no incident. The same sum
     * as the feed's ({@link TallyWindows#sum}), so a window is the same wherever it is computed.
     */
    public static CasualtyTally window(
            final String region, final TallyWindow window, final LocalDate start, final List<CasualtyTally> days) {
        return TallyWindows.sum(region, window, start, days);
    }

    static String regionName(final String region, final RegionLevel level, final Incident incident) {
        if (level == RegionLevel.ADMIN1) {
            return incident.getLocation().getAdmin1Name();
        }
        final String name = new java.util.Locale("", region).getDisplayCountry(java.util.Locale.ENGLISH);
        return name.isEmpty() || name.equals(region) ? null : name;
    }

    private static CasualtyFigure plus(final CasualtyFigure f, final int low, final int best, final int high) {
        return figure(f.getLow() + low, f.getBest() + best, f.getHigh() + high);
    }

    static CasualtyFigure figure(final int low, final int best, final int high) {
        return CasualtyFigure.newBuilder()
                .setLow(low)
                .setBest(best)
                .setHigh(high)
                .setVague(false)
                .build();
    }

    private static Instant max(final Instant a, final Instant b) {
        return b != null && b.isAfter(a) ? b : a;
    }
}
