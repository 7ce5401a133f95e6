package org.wirewatch.extract;

import java.util.List;
import org.wirewatch.common.Publication;
import org.wirewatch.schema.Claim;
import org.wirewatch.schema.ClaimKind;
import org.wirewatch.schema.ExtractionStatus;
import org.wirewatch.schema.IncidentMention;
import org.wirewatch.schema.PubStatus;
import org.wirewatch.schema.ReportExtraction;
import org.wirewatch.schema.WireReport;

/**
 * Reads one report through the reader's stages, each with one job and an immutable result:
 * <pre>
 * WireReport
 *   → ReportText      text, publication day, dateline cut, sentences, language      (ReportText.read)
 *   → ReportFacts     what each sentence says: SentenceInfo per sentence             (SentenceReader)
 *   → IncidentDrafts  sentences grouped into incident frames                         (FrameAssembler)
 *   → IncidentMention event type, location, perpetrator, figures per frame           (IncidentReader)
 *   → Claim           who said what about which incident                             (ClaimReader)
 * </pre>
 * A stage sees only the results of the stages before it, never the stage that calls it. Stateless and shared by
 * every caller; the stages that keep working state while they read are made per report.
 */
final class ReportReader {

    private final Rules rules;

    ReportReader(Rules rules) {
        this.rules = rules;
    }

    ReportExtraction read(WireReport report) {
        if (report.getPubStatus() == PubStatus.CANCELED) {
            // a withdrawal takes back what earlier versions said: it states no incident and no claim of its own
            return output(report, "en", ExtractionStatus.NOT_RELEVANT, List.of(), List.of());
        }
        ReportText text = ReportText.read(rules, report);
        if (!text.language().equals("en")) {
            return output(report, text.language(), ExtractionStatus.UNSUPPORTED_LANGUAGE, List.of(), List.of());
        }
        ReportFacts facts = new SentenceReader(rules, text).read();
        IncidentDrafts drafts = new FrameAssembler(facts).assemble();
        List<IncidentMention> incidents = new IncidentReader(rules, facts, drafts).read();
        if (incidents.isEmpty()) {
            // no event of its own, but a running total is still a claim ("more than 100,000 killed in 12 years,
            // says the governor"): analysts keep it, and no tally ever counts it. Most such reports have none, and
            // read no claims at all.
            boolean anyTotal = facts.sentences().stream().anyMatch(s -> s.cumulative && s.hasCasualties());
            List<Claim> totals = !anyTotal
                    ? List.of()
                    : new ClaimReader(rules, facts, drafts, incidents)
                            .read().stream()
                                    .filter(c -> c.getKind() == ClaimKind.CUMULATIVE)
                                    .toList();
            return output(report, "en", ExtractionStatus.NOT_RELEVANT, List.of(), totals);
        }
        List<Claim> claims = new ClaimReader(rules, facts, drafts, incidents).read();
        return output(report, "en", ExtractionStatus.EXTRACTED, incidents, claims);
    }

    private static ReportExtraction output(
            WireReport report,
            String language,
            ExtractionStatus status,
            List<IncidentMention> incidents,
            List<Claim> claims) {
        return ReportExtraction.newBuilder()
                .setReportUri(report.getUri())
                .setReportVersion(report.getVersion())
                .setAgency(report.getAgency())
                .setHeadline(report.getHeadline())
                .setPublishedAt(Publication.of(report))
                .setLanguage(language)
                .setStatus(status)
                .setIncidents(incidents)
                .setClaims(claims)
                .build();
    }
}
