package org.wirewatch.common.query;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.wirewatch.schema.CasualtyTally;
import org.wirewatch.schema.TallyWindow;

/**
 * Read access to the casualty tallies, answered from the Streams state stores (interactive queries) so that the
 * feed needs no database. Implementations route to the instance that owns a region when several run.
 */
public interface TallyQueries {

    /** The tally of one region and window ending on {@code windowEnd} (inclusive), if any incident falls in it. */
    default Optional<CasualtyTally> tally(
            final String regionCode, final TallyWindow window, final LocalDate windowEnd) {
        return tallies(regionCode, window, windowEnd, windowEnd).stream().findFirst();
    }

    /** The tallies of one region and window whose windowEnd lies in {@code [from, to]}, oldest first. */
    List<CasualtyTally> tallies(String regionCode, TallyWindow window, LocalDate from, LocalDate to);

    /** Every region code that has a tally, sorted. */
    List<String> regions();
}
