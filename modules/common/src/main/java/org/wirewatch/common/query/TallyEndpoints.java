package org.wirewatch.common.query;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.wirewatch.schema.TallyWindow;

/**
 * The HTTP contract between instances for tally questions: the feed serves these paths, and the tally stores'
 * router of another instance asks them when that instance owns the region. Both sides read the names here, so a
 * rename cannot leave the router asking a path or sending a header the feed no longer knows. Instances of two
 * releases talk to each other during a rolling upgrade, so these are a wire format: change them only with a new
 * {@code /v2} path.
 */
public final class TallyEndpoints {

    /** Tallies of one region and window: {@code ?region=&window=&from=&to=}, answered as {@link #TALLIES_FIELD}. */
    public static final String TALLIES_PATH = "/v1/tallies";
    /** The region codes that have a tally, answered as {@link #REGIONS_FIELD}. */
    public static final String REGIONS_PATH = "/v1/tally-regions";
    /**
     * Header of a question forwarded by another instance; its value is the sender's {@code host:port}. The receiver
     * answers from its own stores only and never forwards again, so two instances whose metadata disagree during a
     * rebalance cannot bounce a question between them.
     */
    public static final String FORWARDED_HEADER = "X-Wirewatch-Forwarded";
    /** The array of tallies (plain JSON of {@code CasualtyTally}) in an answer of {@link #TALLIES_PATH}. */
    public static final String TALLIES_FIELD = "tallies";
    /** The array of region codes in an answer of {@link #REGIONS_PATH}. */
    public static final String REGIONS_FIELD = "regions";

    private TallyEndpoints() {}

    /** The path and query asking for the tallies of {@code region} and {@code window} ending in {@code [from, to]}. */
    public static String tallies(
            final String region, final TallyWindow window, final LocalDate from, final LocalDate to) {
        return TALLIES_PATH + "?region=" + URLEncoder.encode(region, StandardCharsets.UTF_8) + "&window="
                + window.name() + "&from=" + from + "&to=" + to;
    }
}
