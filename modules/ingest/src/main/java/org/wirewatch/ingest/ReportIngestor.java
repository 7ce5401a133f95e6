package org.wirewatch.ingest;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.wirewatch.formats.Excerpts;
import org.wirewatch.formats.ParseResult;
import org.wirewatch.formats.ReportParser;
import org.wirewatch.schema.RejectedReport;
import org.wirewatch.schema.WireReport;

/**
 * The one path from received bytes to the topics, shared by every source: parse, stamp source and receipt time,
 * then publish either every report of the input (and a rejection for each of its items that could not be read,
 * keyed {@code sourceId#itemId}) or one rejection of the whole input: every item on one topic, never both and
 * never neither. The future
 * completes when the broker has acknowledged everything the input produced, and fails if any of it could not be
 * delivered (the caller then keeps the input to try again: a re-sent story version is a no-op downstream).
 */
public final class ReportIngestor {

    private final ReportParser parser;
    private final IngestProducer producer;
    private final Clock clock;

    public ReportIngestor(ReportParser parser, IngestProducer producer, Clock clock) {
        this.parser = Objects.requireNonNull(parser, "parser");
        this.producer = Objects.requireNonNull(producer, "producer");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public ReportParser parser() {
        return parser;
    }

    /**
     * Ingests one input.
     *
     * @param input       the raw bytes
     * @param source      which source received it: {@code drop-folder}, {@code http}, {@code feed}
     * @param sourceId    what was received, for the rejected topic's key: file path, request id, feed entry
     * @param sourceLabel the WireReport {@code source} value, e.g. {@code drop-folder:inbox/a.json}
     * @param contentType declared content type, if any
     */
    public CompletableFuture<IngestOutcome> ingest(
            byte[] input, String source, String sourceId, String sourceLabel, Optional<String> contentType) {
        return publish(
                parser.parse(input, sourceId, contentType),
                input.length,
                input,
                source,
                sourceId,
                sourceLabel,
                contentType);
    }

    /**
     * Publishes an input that was already parsed (a feed entry) or refused before parsing (an oversized body).
     *
     * @param sizeBytes size of the raw input
     * @param raw       the raw input, or as much of its start as was read; a rejection carries a bounded excerpt
     */
    public CompletableFuture<IngestOutcome> publish(
            ParseResult result,
            long sizeBytes,
            byte[] raw,
            String source,
            String sourceId,
            String sourceLabel,
            Optional<String> contentType) {
        try {
            return send(result, sizeBytes, raw, source, sourceId, sourceLabel, contentType);
        } catch (RuntimeException e) {
            // Building a record can fail on a misconfigured platform (e.g. Avro's trusted packages); the caller
            // must still learn that nothing was stored, as for any delivery failure.
            return CompletableFuture.failedFuture(e);
        }
    }

    private CompletableFuture<IngestOutcome> send(
            ParseResult result,
            long sizeBytes,
            byte[] raw,
            String source,
            String sourceId,
            String sourceLabel,
            Optional<String> contentType) {
        Instant now = clock.instant();
        if (result instanceof ParseResult.Rejection rejection) {
            return producer.send(rejected(rejection, sourceId, source, contentType, sizeBytes, Excerpts.of(raw), now))
                    .thenApply(m -> new IngestOutcome.Rejected(
                            rejection.code(), rejection.reason(), rejection.detectedFormat()));
        }
        ParseResult.Accepted accepted = (ParseResult.Accepted) result;
        List<CompletableFuture<?>> acks = new ArrayList<>();
        List<IngestOutcome.Story> stories = new ArrayList<>();
        for (WireReport parsed : accepted.reports()) {
            WireReport report = WireReport.newBuilder(parsed)
                    .setSource(sourceLabel)
                    .setReceivedAt(now)
                    .build();
            acks.add(producer.send(report));
            stories.add(new IngestOutcome.Story(report.getUri(), report.getVersion()));
        }
        List<IngestOutcome.RejectedItem> items = new ArrayList<>();
        for (ParseResult.RejectedItem item : accepted.rejectedItems()) {
            String itemId = sourceId + "#" + item.id();
            byte[] excerpt = item.excerpt().getBytes(StandardCharsets.UTF_8);
            acks.add(producer.send(rejected(
                    item.rejection(), itemId, source, contentType, excerpt.length, Excerpts.of(excerpt), now)));
            items.add(new IngestOutcome.RejectedItem(
                    itemId, item.rejection().code(), item.rejection().reason()));
        }
        return CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new))
                .thenApply(v -> new IngestOutcome.Published(accepted.detectedFormat(), stories, items));
    }

    private static RejectedReport rejected(
            ParseResult.Rejection rejection,
            String sourceId,
            String source,
            Optional<String> contentType,
            long sizeBytes,
            String excerpt,
            Instant now) {
        return RejectedReport.newBuilder()
                .setSourceId(sourceId)
                .setSource(source)
                .setReason(rejection.reason())
                .setFormat(rejection.detectedFormat())
                .setContentType(contentType.orElse(null))
                .setSizeBytes(sizeBytes)
                .setExcerpt(excerpt)
                .setReceivedAt(now)
                .build();
    }
}
