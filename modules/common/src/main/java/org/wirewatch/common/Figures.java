package org.wirewatch.common;

import org.wirewatch.schema.CasualtyFigure;

/**
 * The one number of a casualty figure ({@code low}, {@code best}, {@code high}) each reader takes. A report may state
 * only one bound ("at least 12", "up to 40"), so each falls back to the nearest stated number: the tally sums them,
 * the alert rules compare them with their thresholds and the feed shows and filters by them, and all three must
 * agree on what an incident counts. A vague figure with no number ("dozens") gives none.
 */
public final class Figures {

    private Figures() {}

    /** {@code best}, else {@code low}, else {@code high}; null when the figure states no number. */
    public static Integer best(final CasualtyFigure f) {
        return f == null ? null : first(f.getBest(), f.getLow(), f.getHigh());
    }

    /** {@code low}, else {@code best}, else {@code high}; null when the figure states no number. */
    public static Integer low(final CasualtyFigure f) {
        return f == null ? null : first(f.getLow(), f.getBest(), f.getHigh());
    }

    /** {@code high}, else {@code best}, else {@code low}; null when the figure states no number. */
    public static Integer high(final CasualtyFigure f) {
        return f == null ? null : first(f.getHigh(), f.getBest(), f.getLow());
    }

    private static Integer first(final Integer a, final Integer b, final Integer c) {
        return a != null ? a : b != null ? b : c;
    }
}
