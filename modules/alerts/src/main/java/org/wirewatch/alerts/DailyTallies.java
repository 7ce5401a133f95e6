package org.wirewatch.alerts;

import java.time.Instant;
import org.wirewatch.common.Regions;
import org.wirewatch.common.TallyKey;
import org.wirewatch.schema.CasualtyFigure;
import org.wirewatch.schema.CasualtyTally;
import org.wirewatch.schema.TallyWindow;

/** The daily (P1D) tallies the region spike rule reads, told apart and read back by their {@link TallyKey}. */
final class DailyTallies {

    private DailyTallies() {}

    /**
     * Whether a key is a daily tally's, by its window part alone: a daily key whose day does not parse must reach
     * {@link #valueOrEmpty} and throw there, so that it is dead-lettered instead of dropped without a trace.
     */
    static boolean isDaily(final String key) {
        // indexOf, not split: this runs for every tally record, and a split on '|' compiles a pattern each time
        final int first = key == null ? -1 : key.indexOf(TallyKey.SEPARATOR);
        final int second = first < 0 ? -1 : key.indexOf(TallyKey.SEPARATOR, first + 1);
        return second > 0
                && key.indexOf(TallyKey.SEPARATOR, second + 1) < 0
                && key.regionMatches(first + 1, TallyWindow.P1D.name(), 0, second - first - 1)
                && second - first - 1 == TallyWindow.P1D.name().length();
    }

    /** The value itself, or for a tombstone an empty tally of the key's day: a removed tally counts zero. */
    static CasualtyTally valueOrEmpty(final String key, final CasualtyTally value) {
        if (value != null) {
            return value;
        }
        final TallyKey k =
                TallyKey.parse(key).orElseThrow(() -> new IllegalArgumentException("not a tally key: " + key));
        final CasualtyFigure zero =
                CasualtyFigure.newBuilder().setLow(0).setBest(0).setHigh(0).build();
        return CasualtyTally.newBuilder()
                .setRegionCode(k.region())
                .setRegionLevel(Regions.level(k.region()))
                .setWindow(k.window())
                .setWindowStart(k.start())
                .setWindowEnd(k.start())
                .setIncidents(0)
                .setKilled(zero)
                .setInjured(zero)
                .setUpdatedAt(Instant.EPOCH)
                .build();
    }
}
