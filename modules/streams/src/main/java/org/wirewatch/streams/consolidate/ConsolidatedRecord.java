package org.wirewatch.streams.consolidate;

import org.wirewatch.schema.Claim;
import org.wirewatch.schema.Incident;

/**
 * One output of the clustering step, before it is split to the incidents and claims topics: the incident or
 * claim itself, or a tombstone of either (value null). Never serialized: the split follows directly.
 */
public record ConsolidatedRecord(Kind kind, Object value) {

    public enum Kind {
        INCIDENT,
        CLAIM
    }

    static ConsolidatedRecord incident(final Incident incident) {
        return new ConsolidatedRecord(Kind.INCIDENT, incident);
    }

    static ConsolidatedRecord claim(final Claim claim) {
        return new ConsolidatedRecord(Kind.CLAIM, claim);
    }

    public Incident asIncident() {
        return (Incident) value;
    }

    public Claim asClaim() {
        return (Claim) value;
    }
}
