package org.wirewatch.streams.tally;

import org.wirewatch.common.Figures;
import org.wirewatch.schema.CasualtyFigure;
import org.wirewatch.schema.Incident;

/**
 * What one incident adds to a tally. A pure function of the incident, so the subtractor removes exactly what the
 * adder once added. A vague figure ("dozens") with no number adds nothing: a tally only sums stated numbers.
 */
record Contribution(
        int killedLow,
        int killedBest,
        int killedHigh,
        int injuredLow,
        int injuredBest,
        int injuredHigh,
        int civilians,
        int children) {

    static Contribution of(final Incident incident) {
        final CasualtyFigure k = incident.getKilled();
        final CasualtyFigure i = incident.getInjured();
        return new Contribution(
                low(k),
                best(k),
                high(k),
                low(i),
                best(i),
                high(i),
                nz(incident.getCiviliansKilled()),
                nz(incident.getChildrenKilled()));
    }

    private static int low(final CasualtyFigure f) {
        return nz(Figures.low(f));
    }

    private static int best(final CasualtyFigure f) {
        return nz(Figures.best(f));
    }

    private static int high(final CasualtyFigure f) {
        return nz(Figures.high(f));
    }

    private static int nz(final Integer v) {
        return v == null ? 0 : v;
    }
}
