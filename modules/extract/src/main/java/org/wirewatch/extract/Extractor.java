package org.wirewatch.extract;

import java.util.Objects;
import org.wirewatch.schema.ReportExtraction;
import org.wirewatch.schema.WireReport;

/**
 * Turns one wire report into a {@link ReportExtraction}: incident mentions and attributed claims.
 *
 * <p>A pure function of the report: no I/O after {@link #create()}, thread-safe and immutable, so one instance
 * is shared by every caller. Ids are derived from the story uri ({@code uri#1} for mentions, {@code uri#c1} for
 * claims), so the same input always gives the same output.
 *
 * <p>The report text is the headline, a blank line and the body; every evidence span indexes into that text.
 */
public final class Extractor {

    private final ReportReader reader;
    private final String version;

    private Extractor(Rules rules, String version) {
        this.reader = new ReportReader(rules);
        this.version = version;
    }

    /** Loads the rule tables, lexicons and the gazetteer once; the instance is immutable afterwards. */
    public static Extractor create() {
        return new Extractor(new Rules(), ExtractorVersion.of(Extractor.class));
    }

    /** Which rules this extractor applies ({@link ExtractorVersion}); stamped on every extraction and claim. */
    public String version() {
        return version;
    }

    /** Extracts incidents and claims from a report. Never returns null. */
    public ReportExtraction extract(WireReport report) {
        Objects.requireNonNull(report, "report");
        ReportExtraction extraction = reader.read(report);
        extraction.setExtractorVersion(version);
        extraction.getClaims().forEach(c -> c.setExtractorVersion(version));
        return extraction;
    }

    /** The report text evidence offsets index into: headline, blank line, body. */
    public static String reportText(WireReport report) {
        String headline =
                report.getHeadline() == null ? "" : report.getHeadline().strip();
        return headline + "\n\n" + (report.getBody() == null ? "" : report.getBody());
    }
}
