package org.wirewatch.streams.tally;

import static org.wirewatch.common.TallyKey.SEPARATOR;

import java.time.LocalDate;
import org.wirewatch.common.TallyKey;
import org.wirewatch.schema.TallyWindow;
import org.wirewatch.streams.IsoDates;

/**
 * Keys of the tally stores. A region-day is {@code region|YYYY-MM-DD}; the key of a window on
 * {@code wirewatch.tallies.v1} is {@link TallyKey}. Both start with the region and {@link TallyKey#SEPARATOR}, so
 * {@link TallyKey#regionOf} finds the region of either. ISO dates sort as strings, so a range scan from
 * {@code region|start} to {@code region|end} returns exactly the days of one region in order.
 */
public final class TallyKeys {

    private TallyKeys() {}

    public static String day(final String region, final LocalDate day) {
        return region + SEPARATOR + day;
    }

    /** The day of a region-day key ({@code region|day}, optionally followed by {@code |incident id}). */
    public static LocalDate dayOf(final String dayKey) {
        final int from = dayKey.indexOf(SEPARATOR) + 1;
        final int to = dayKey.indexOf(SEPARATOR, from);
        return IsoDates.parse(to < 0 ? dayKey.substring(from) : dayKey.substring(from, to));
    }

    /** What one incident changes in one region-day: {@code region|day|incident id}, partitioned by region. */
    public static String change(final String dayKey, final String incidentId) {
        return dayKey + SEPARATOR + incidentId;
    }

    /** The region-day of a change key. */
    public static String dayKeyOf(final String changeKey) {
        return changeKey.substring(0, changeKey.indexOf(SEPARATOR, changeKey.indexOf(SEPARATOR) + 1));
    }

    /** Number of event days a window covers. */
    public static int length(final TallyWindow window) {
        return org.wirewatch.common.query.TallyWindows.length(window);
    }
}
