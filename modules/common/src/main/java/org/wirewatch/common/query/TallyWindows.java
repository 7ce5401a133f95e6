package org.wirewatch.common.query;

import java.time.Instant;
import java.time.LocalDate;
import org.wirewatch.schema.CasualtyFigure;
import org.wirewatch.schema.CasualtyTally;
import org.wirewatch.schema.RegionLevel;
import org.wirewatch.schema.TallyWindow;

/**
 * A window tally as the sum of one region's one-day (P1D) tallies. The tallies topic carries every day but, per
 * region, only the 7- and 30-day windows ending on its latest day: any other window is this sum, computed where it
 * is asked for (the Streams stores, the feed's view of the topic), and equal to what the tally topology would have
 * published for it.
 */
public final class TallyWindows {

    private TallyWindows() {}

    /** Number of event days a window covers. */
    public static int length(final TallyWindow window) {
        return switch (window) {
            case P1D -> 1;
            case P7D -> 7;
            case P30D -> 30;
        };
    }

    /**
     * The window of {@code region} starting {@code start} summing {@code days}, the region's P1D tallies within it;
     * null when they hold no incident. The region name is the first one a day carries, {@code updatedAt} the latest.
     */
    public static CasualtyTally sum(
            final String region, final TallyWindow window, final LocalDate start, final Iterable<CasualtyTally> days) {
        int incidents = 0;
        int kl = 0;
        int kb = 0;
        int kh = 0;
        int il = 0;
        int ib = 0;
        int ih = 0;
        int civ = 0;
        int chi = 0;
        Instant updated = Instant.EPOCH;
        String name = null;
        for (final CasualtyTally d : days) {
            incidents += d.getIncidents();
            kl += d.getKilled().getLow();
            kb += d.getKilled().getBest();
            kh += d.getKilled().getHigh();
            il += d.getInjured().getLow();
            ib += d.getInjured().getBest();
            ih += d.getInjured().getHigh();
            civ += d.getCiviliansKilled();
            chi += d.getChildrenKilled();
            if (d.getUpdatedAt() != null && d.getUpdatedAt().isAfter(updated)) {
                updated = d.getUpdatedAt();
            }
            name = name != null ? name : d.getRegionName();
        }
        if (incidents == 0) {
            return null;
        }
        return CasualtyTally.newBuilder()
                .setRegionCode(region)
                .setRegionLevel(region.indexOf('-') > 0 ? RegionLevel.ADMIN1 : RegionLevel.COUNTRY)
                .setRegionName(name)
                .setWindow(window)
                .setWindowStart(start)
                .setWindowEnd(start.plusDays(length(window) - 1L))
                .setIncidents(incidents)
                .setKilled(figure(kl, kb, kh))
                .setInjured(figure(il, ib, ih))
                .setCiviliansKilled(civ)
                .setChildrenKilled(chi)
                .setUpdatedAt(updated)
                .build();
    }

    private static CasualtyFigure figure(final int low, final int best, final int high) {
        return CasualtyFigure.newBuilder()
                .setLow(low)
                .setBest(best)
                .setHigh(high)
                .setVague(false)
                .build();
    }
}
