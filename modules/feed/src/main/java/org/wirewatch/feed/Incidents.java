package org.wirewatch.feed;

import org.wirewatch.common.Figures;
import org.wirewatch.schema.CasualtyFigure;
import org.wirewatch.schema.Incident;

/** Small readings of an incident shared by the filters and the REST views. */
final class Incidents {

    private Incidents() {}

    /** The best killed figure, falling back to the conservative then the high one; null when none is stated. */
    static Integer killedBest(final Incident i) {
        return best(i.getKilled());
    }

    static Integer best(final CasualtyFigure f) {
        return Figures.best(f);
    }
}
