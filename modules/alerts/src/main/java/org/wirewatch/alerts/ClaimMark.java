package org.wirewatch.alerts;

import org.wirewatch.schema.Claim;
import org.wirewatch.schema.ClaimKind;

/**
 * What the alert rules need of a claim: who said what about which incident.
 *
 * @param claimId  the claim's id
 * @param kind     FIGURE, DENIAL, CONFIRMATION or CUMULATIVE
 * @param killed   the stated killed figure (FIGURE only), or null
 * @param source   who made the statement
 */
public record ClaimMark(String claimId, ClaimKind kind, Integer killed, String source) {

    public static ClaimMark of(final Claim c) {
        return new ClaimMark(
                c.getClaimId(), c.getKind(), c.getKilled(), c.getSource().getName());
    }

    /** Only figures and denials tied to an incident can make a toll contested. */
    public static boolean relevant(final Claim c) {
        return c != null
                && c.getIncidentId() != null
                && (c.getKind() == ClaimKind.FIGURE || c.getKind() == ClaimKind.DENIAL);
    }
}
