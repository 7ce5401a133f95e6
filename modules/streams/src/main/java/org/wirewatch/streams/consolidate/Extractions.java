package org.wirewatch.streams.consolidate;

import java.util.List;
import org.apache.avro.specific.SpecificRecordBase;
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
                e.getIncidents().stream().map(Extractions::withoutEvidence).toList(),
                e.getClaims().stream().map(Extractions::withoutEvidence).toList());
    }

    /** The mention without its evidence spans. */
    static IncidentMention withoutEvidence(final IncidentMention m) {
        final IncidentMention out = shallowCopy(m, new IncidentMention());
        out.setEvidence(List.of());
        return out;
    }

    /** The claim without its evidence spans. */
    static Claim withoutEvidence(final Claim c) {
        final Claim out = shallowCopy(c, new Claim());
        out.setEvidence(List.of());
        return out;
    }

    /**
     * A new record sharing the field values of {@code r}. Avro's {@code newBuilder(other)} deep-copies every
     * mention, claim and evidence span only for the caller to replace them: a third of consolidation's allocation
     * (and the same for a mention or claim whose evidence is dropped).
     * Records here are never mutated once built, so sharing is safe.
     */
    private static ReportExtraction shallowCopy(final ReportExtraction r) {
        return shallowCopy(r, new ReportExtraction());
    }

    /** {@code out} with the field values of {@code r}, of the same class (see {@link #shallowCopy(ReportExtraction)}). */
    static <T extends SpecificRecordBase> T shallowCopy(final T r, final T out) {
        final int fields = r.getSchema().getFields().size();
        for (int i = 0; i < fields; i++) {
            out.put(i, r.get(i));
        }
        return out;
    }
}
