package org.wirewatch.alerts;

import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.streams.kstream.Aggregator;

/**
 * The figure and denial claims currently attached to one incident, by claim id: the aggregate behind
 * CONTESTED_TOLL. Immutable; {@link Add} and {@link Remove} return new instances.
 *
 * @param claims claim id to mark
 */
public record IncidentClaims(Map<String, ClaimMark> claims) {

    public IncidentClaims {
        claims = Map.copyOf(claims);
    }

    public static IncidentClaims empty() {
        return new IncidentClaims(Map.of());
    }

    /** True when someone denies casualties that another claim puts a figure on. */
    public boolean denialAgainstFigure() {
        return claims.values().stream().anyMatch(c -> c.kind() == org.wirewatch.schema.ClaimKind.DENIAL)
                && claims.values().stream()
                        .anyMatch(c -> c.kind() == org.wirewatch.schema.ClaimKind.FIGURE
                                && c.killed() != null
                                && c.killed() > 0);
    }

    /** Adds (or replaces) a claim. */
    public static final class Add implements Aggregator<String, ClaimMark, IncidentClaims> {
        @Override
        public IncidentClaims apply(final String incidentId, final ClaimMark mark, final IncidentClaims agg) {
            final Map<String, ClaimMark> m = new TreeMap<>(agg.claims());
            m.put(mark.claimId(), mark);
            return new IncidentClaims(m);
        }
    }

    /**
     * Removes a claim, but only the version being retracted: should the new version of a claim have arrived first,
     * the old one's removal must not take it away.
     */
    public static final class Remove implements Aggregator<String, ClaimMark, IncidentClaims> {
        @Override
        public IncidentClaims apply(final String incidentId, final ClaimMark mark, final IncidentClaims agg) {
            final Map<String, ClaimMark> m = new TreeMap<>(agg.claims());
            m.remove(mark.claimId(), mark);
            return new IncidentClaims(m);
        }
    }
}
