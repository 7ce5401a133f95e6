package org.wirewatch.common;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.wirewatch.schema.Alert;
import org.wirewatch.schema.CasualtyTally;
import org.wirewatch.schema.Claim;
import org.wirewatch.schema.Incident;
import org.wirewatch.schema.RejectedReport;
import org.wirewatch.schema.ReportExtraction;
import org.wirewatch.schema.WireReport;

/**
 * The topic catalogue: every topic Wirewatch reads or writes, declared once. {@code ops/topics.yaml} mirrors it
 * (a test keeps the two equal) so that operators who create topics by hand create the same ones.
 *
 * <p>Keys: story uri on the report and extraction topics (so every version of a story lands on one partition, in
 * order), incident id, claim id, {@code region|window|start} for tallies, {@code rule|subject} for alerts.
 */
public final class Topics {

    /**
     * Raw wire reports, one record per story version. Key: story uri. Compacted: the archive of every story's latest
     * version (a withdrawal's cancel record included) that {@code wirewatch reprocess} re-extracts.
     */
    public static final String RAW_REPORTS = "wirewatch.reports.raw.v1";
    /**
     * Copies of archived reports that {@code wirewatch reprocess} sends to normalize to be extracted again with the
     * running rules; each on the partition number its original has on the raw topic, so the same task reads both.
     * Key: story uri.
     */
    public static final String REPROCESS_REPORTS = "wirewatch.reports.reprocess.v1";
    /** Inputs that could not become a WireReport, with the reason. Key: source id. */
    public static final String REJECTED_REPORTS = "wirewatch.reports.rejected.v1";
    /** One extraction per raw report version; tombstone when a story is canceled. Key: story uri. */
    public static final String EXTRACTIONS = "wirewatch.extractions.v1";
    /** Consolidated incidents; tombstone when retracted. Key: incident id. */
    public static final String INCIDENTS = "wirewatch.incidents.v1";
    /** Attributed claims; tombstone when the story that made them is retracted. Key: claim id. */
    public static final String CLAIMS = "wirewatch.claims.v1";
    /** Rolling casualty tallies. Key: region|window|windowStart. */
    public static final String TALLIES = "wirewatch.tallies.v1";
    /** Alerts for services that must react. Key: rule|subject. */
    public static final String ALERTS = "wirewatch.alerts.v1";
    /** Alerts no webhook would accept after every retry, with the failure reason in headers. Key: alert id. */
    public static final String ALERTS_DLQ = "wirewatch.alerts.dlq.v1";
    /** Records a Streams topology could not process: the original bytes, with topic/partition/offset and the
     *  exception in headers. */
    public static final String DEAD_LETTERS = "wirewatch.deadletters.v1";
    /** The schema registry's store: one compacted partition, as Confluent's registry keeps it. */
    public static final String SCHEMAS = "_schemas";

    private static final int PARTITIONS = 3;
    private static final Optional<Duration> THIRTY_DAYS = Optional.of(Duration.ofDays(30));
    private static final Optional<Duration> SEVEN_DAYS = Optional.of(Duration.ofDays(7));

    private static final List<TopicSpec> CATALOGUE = List.of(
            new TopicSpec(
                    RAW_REPORTS,
                    PARTITIONS,
                    true,
                    Optional.empty(),
                    WireReport.class,
                    "Wire reports as received; compacted by story uri, so every story's latest version (a withdrawal's"
                            + " cancel record included) is kept for as long as the deployment runs: the archive a reprocess"
                            + " re-extracts."),
            new TopicSpec(
                    REPROCESS_REPORTS,
                    PARTITIONS,
                    false,
                    SEVEN_DAYS,
                    WireReport.class,
                    "Archived reports sent again by 'wirewatch reprocess' for normalize to re-extract; needed only until"
                            + " normalize has read them."),
            new TopicSpec(
                    REJECTED_REPORTS,
                    PARTITIONS,
                    false,
                    THIRTY_DAYS,
                    RejectedReport.class,
                    "Inputs that could not be parsed, with the reason and an excerpt."),
            new TopicSpec(
                    EXTRACTIONS,
                    PARTITIONS,
                    true,
                    Optional.empty(),
                    ReportExtraction.class,
                    "Latest extraction per story; tombstone on cancel."),
            new TopicSpec(
                    INCIDENTS,
                    PARTITIONS,
                    true,
                    Optional.empty(),
                    Incident.class,
                    "Consolidated incidents; tombstone when retracted."),
            new TopicSpec(
                    CLAIMS,
                    PARTITIONS,
                    true,
                    Optional.empty(),
                    Claim.class,
                    "Attributed claims; tombstone when retracted."),
            new TopicSpec(
                    TALLIES,
                    PARTITIONS,
                    true,
                    Optional.empty(),
                    CasualtyTally.class,
                    "Casualty tallies per region and window."),
            new TopicSpec(
                    ALERTS,
                    PARTITIONS,
                    false,
                    THIRTY_DAYS,
                    Alert.class,
                    "Alerts, one per rule and subject and each severity rise."),
            new TopicSpec(
                    ALERTS_DLQ,
                    1,
                    false,
                    THIRTY_DAYS,
                    Alert.class,
                    "Alerts that no webhook accepted after every retry."),
            new TopicSpec(
                    DEAD_LETTERS,
                    1,
                    false,
                    THIRTY_DAYS,
                    null,
                    "Records a topology could not process, original bytes with context headers."),
            new TopicSpec(SCHEMAS, 1, true, Optional.empty(), null, "Schema registry store."));

    private Topics() {}

    /** Every topic, in pipeline order. */
    public static List<TopicSpec> catalogue() {
        return CATALOGUE;
    }

    /** The spec of a catalogue topic. */
    public static TopicSpec spec(final String name) {
        return CATALOGUE.stream()
                .filter(t -> t.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown topic '" + name + "'; known: "
                        + CATALOGUE.stream().map(TopicSpec::name).toList()));
    }
}
