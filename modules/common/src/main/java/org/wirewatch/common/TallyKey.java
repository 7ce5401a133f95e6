package org.wirewatch.common;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;
import org.wirewatch.schema.CasualtyTally;
import org.wirewatch.schema.TallyWindow;

/**
 * The key of {@value Topics#TALLIES}: {@code region|window|windowStart}, e.g. {@code SY-DY|P7D|2018-11-11} for the
 * seven days from 2018-11-11. Written by the tally topology and read by every consumer of the topic; a tombstone
 * carries the key alone, so a consumer that must know which tally was removed parses it here.
 *
 * <p>Every key partitioned by region starts with the region and {@link #SEPARATOR} (the tally topology's internal
 * {@code region|day} keys too), so {@link #regionOf} finds the region of any of them. Region codes never contain the
 * separator, and ISO dates sort as strings, so keys of one region and window sort by their first day.
 *
 * @param region ISO 3166-1 alpha-2 ({@code SY}) or ISO 3166-2 ({@code SY-DY}) code
 * @param window P1D, P7D or P30D
 * @param start  first event day of the window
 */
public record TallyKey(String region, TallyWindow window, LocalDate start) {

    /** Separates the parts of a tally key. */
    public static final char SEPARATOR = '|';

    public TallyKey {
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(start, "start");
        if (region.isEmpty() || region.indexOf(SEPARATOR) >= 0) {
            throw new IllegalArgumentException(
                    "region must be a non-empty code without '" + SEPARATOR + "': " + region);
        }
    }

    /** The key of a window: {@code region|window|start}. */
    public static String format(final String region, final TallyWindow window, final LocalDate start) {
        return new TallyKey(region, window, start).toString();
    }

    /** The key a tally is published under. */
    public static String of(final CasualtyTally tally) {
        return format(tally.getRegionCode(), tally.getWindow(), tally.getWindowStart());
    }

    /** The parts of a tally key; empty when the key is not {@code region|window|start}. */
    public static Optional<TallyKey> parse(final String key) {
        if (key == null) {
            return Optional.empty();
        }
        final int first = key.indexOf(SEPARATOR);
        final int second = first < 0 ? -1 : key.indexOf(SEPARATOR, first + 1);
        if (first <= 0 || second < 0 || key.indexOf(SEPARATOR, second + 1) >= 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(new TallyKey(
                    key.substring(0, first),
                    TallyWindow.valueOf(key.substring(first + 1, second)),
                    LocalDate.parse(key.substring(second + 1))));
        } catch (final IllegalArgumentException | DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** The region of a key partitioned by region: everything before the first separator, or the whole key. */
    public static String regionOf(final String key) {
        final int i = key.indexOf(SEPARATOR);
        return i < 0 ? key : key.substring(0, i);
    }

    /** The key itself, {@code region|window|start}. */
    @Override
    public String toString() {
        return region + SEPARATOR + window.name() + SEPARATOR + start;
    }
}
