package org.wirewatch.alerts;

import org.wirewatch.schema.Incident;

/**
 * An incident joined with its claims (empty when it has none).
 *
 * @param incident the current incident
 * @param claims   its figure and denial claims
 */
public record IncidentWithClaims(Incident incident, IncidentClaims claims) {

    public IncidentWithClaims {
        claims = claims == null ? IncidentClaims.empty() : claims;
    }
}
