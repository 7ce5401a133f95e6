package org.wirewatch.streams.consolidate;

import java.util.List;
import org.wirewatch.schema.Claim;
import org.wirewatch.schema.IncidentMention;
import org.wirewatch.schema.ReportExtraction;

/** Small helpers to cut a report extraction into the pieces consolidation stores and sends. */
final class Extractions {

  private Extractions() {}

  /** The report's metadata with the given mentions and claims. */
  static ReportExtraction with(final ReportExtraction report, final List<IncidentMention> mentions,
      final List<Claim> claims) {
    return ReportExtraction.newBuilder(report).setHeadline(null).setIncidents(mentions).setClaims(claims).build();
  }

  /** The same extraction without evidence text: what state stores keep when only ids and figures matter. */
  static ReportExtraction stripped(final ReportExtraction e) {
    return ReportExtraction.newBuilder(e)
        .setHeadline(null)
        .setIncidents(e.getIncidents().stream()
            .map(m -> IncidentMention.newBuilder(m).setEvidence(List.of()).build()).toList())
        .setClaims(e.getClaims().stream().map(c -> Claim.newBuilder(c).setEvidence(List.of()).build()).toList())
        .build();
  }
}
