package org.wirewatch.streams.consolidate;

import java.util.List;
import org.wirewatch.schema.Claim;
import org.wirewatch.schema.IncidentMention;
import org.wirewatch.schema.ReportExtraction;

/** Small helpers to cut a report extraction into the pieces consolidation stores and sends. */
final class Extractions {

    private Extractions() {}

    /** The report's metadata with the given mentions and claims. */
    static ReportExtraction with(
            final ReportExtraction report, final List<IncidentMention> mentions, final List<Claim> claims) {
        final ReportExtraction out = shallowCopy(report);
        out.setHeadline(null);
        out.setIncidents(mentions);
        out.setClaims(claims);
        return out;
    }

    /** The same extraction without evidence text: what state stores keep when only ids and figures matter. */
    static ReportExtraction stripped(final ReportExtraction e) {
        return with(
                e,
                e.getIncidents().stream()
                        .map(m -> IncidentMention.newBuilder(m)
                                .setEvidence(List.of())
                                .build())
                        .toList(),
                e.getClaims().stream()
                        .map(c -> Claim.newBuilder(c).setEvidence(List.of()).build())
                        .toList());
    }

    /**
     * A new record sharing the field values of {@code r}. Avro's {@code newBuilder(other)} deep-copies every
     * mention, claim and evidence span only for the caller to replace them: a third of consolidation's allocation.
     * Records here are never mutated once built, so sharing is safe.
     */
    private static ReportExtraction shallowCopy(final ReportExtraction r) {
        final ReportExtraction out = new ReportExtraction();
        for (int i = 0; i < ReportExtraction.getClassSchema().getFields().size(); i++) {
            out.put(i, r.get(i));
        }
        return out;
    }
}
