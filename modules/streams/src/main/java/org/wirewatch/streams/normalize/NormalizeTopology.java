package org.wirewatch.streams.normalize;

import java.util.function.Function;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.wirewatch.common.Topics;
import org.wirewatch.extract.Extractor;
import org.wirewatch.schema.ReportExtraction;
import org.wirewatch.schema.WireReport;
import org.wirewatch.streams.StreamSerdes;

/**
 * Normalize: {@code wirewatch.reports.raw.v1} (WireReport, key story uri) to {@code wirewatch.extractions.v1}
 * (ReportExtraction, key story uri; tombstone when the story is canceled).
 *
 * <p>Also reads {@code wirewatch.reports.reprocess.v1} (WireReport, key story uri, each copy on its original's
 * partition number, so one task holds both and the story's state): copies of archived reports that
 * {@code wirewatch reprocess} sends to be extracted again with the running rules.
 *
 * <p>Store {@value NormalizeProcessor#STORE}: the highest version seen per story, so a late or repeated lower
 * version is a no-op. Store {@value NormalizeProcessor#DIGESTS}: a digest of each story's last extraction, so a
 * re-extraction that changed nothing writes nothing. Every newer report yields exactly one extraction record; a report the extractor cannot
 * handle goes to {@code wirewatch.deadletters.v1} through the processing exception handler, with the source
 * topic, partition, offset and exception in the headers ({@code errors.dead.letter.queue.topic.name}, set by
 * {@link org.wirewatch.streams.StreamsStageConfig}).
 */
public final class NormalizeTopology {

    private NormalizeTopology() {}

    /** The topology calling the extraction engine. */
    public static Topology build(final StreamSerdes serdes, final Extractor extractor) {
        return build(serdes, extractor::extract);
    }

    /** The topology calling any pure extraction function (tests inject failures this way). */
    public static Topology build(final StreamSerdes serdes, final Function<WireReport, ReportExtraction> extract) {
        final StreamsBuilder builder = new StreamsBuilder();
        final KStream<String, WireReport> again = builder.stream(
                Topics.REPROCESS_REPORTS,
                Consumed.with(serdes.key(), serdes.report()).withName("reprocess-reports"));
        builder.stream(
                        Topics.RAW_REPORTS,
                        Consumed.with(serdes.key(), serdes.report()).withName("raw-reports"))
                .merge(again, Named.as("reports-and-reprocess-copies"))
                .process(NormalizeProcessor.supplier(extract), Named.as("normalize-latest-version"))
                .to(
                        Topics.EXTRACTIONS,
                        Produced.with(serdes.key(), serdes.extraction()).withName("extractions"));
        return builder.build();
    }
}
