package org.wirewatch.streams.normalize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wirewatch.streams.Fixtures.report;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.wirewatch.common.ReprocessHeaders;
import org.wirewatch.common.Topics;
import org.wirewatch.schema.ExtractionStatus;
import org.wirewatch.schema.PubStatus;
import org.wirewatch.schema.ReportExtraction;
import org.wirewatch.schema.WireReport;
import org.wirewatch.streams.StreamSerdes;
import org.wirewatch.streams.TestDrivers;

class NormalizeTopologyTest {

    private static final String URI = "urn:newsml:example.org:20181117:sy-strikes";

    private final StreamSerdes serdes = TestDrivers.serdes();
    private final AtomicInteger extractions = new AtomicInteger();
    private TopologyTestDriver driver;
    private TestInputTopic<String, WireReport> raw;
    private TestInputTopic<String, WireReport> again;
    private TestOutputTopic<String, ReportExtraction> out;

    private void start(final Function<WireReport, ReportExtraction> extract) {
        driver = TestDrivers.driver(NormalizeTopology.build(serdes, r -> {
            extractions.incrementAndGet();
            return extract.apply(r);
        }));
        raw = driver.createInputTopic(
                Topics.RAW_REPORTS, serdes.key().serializer(), serdes.report().serializer());
        again = driver.createInputTopic(
                Topics.REPROCESS_REPORTS,
                serdes.key().serializer(),
                serdes.report().serializer());
        out = driver.createOutputTopic(
                Topics.EXTRACTIONS,
                serdes.key().deserializer(),
                serdes.extraction().deserializer());
    }

    private static ReportExtraction fake(final WireReport r) {
        return ReportExtraction.newBuilder()
                .setReportUri(r.getUri())
                .setReportVersion(r.getVersion())
                .setAgency(r.getAgency())
                .setHeadline(r.getHeadline())
                .setPublishedAt(r.getFirstCreated())
                .setLanguage("en")
                .setStatus(ExtractionStatus.NOT_RELEVANT)
                .setIncidents(List.of())
                .setClaims(List.of())
                .build();
    }

    @AfterEach
    void close() {
        driver.close();
    }

    @Test
    void shouldEmitOneExtractionWhenStoryIsNew() {
        // given
        start(NormalizeTopologyTest::fake);
        // when
        raw.pipeInput(URI, report(URI, 1, PubStatus.USABLE));
        // then
        final List<TestRecord<String, ReportExtraction>> records = out.readRecordsToList();
        assertThat(records).hasSize(1);
        assertThat(records.get(0).key()).isEqualTo(URI);
        assertThat(records.get(0).value().getReportVersion()).isEqualTo(1);
    }

    @Test
    void shouldSupersedeWhenHigherVersionArrives() {
        // given
        start(NormalizeTopologyTest::fake);
        raw.pipeInput(URI, report(URI, 1, PubStatus.USABLE));
        // when
        raw.pipeInput(URI, report(URI, 2, PubStatus.USABLE));
        // then
        assertThat(out.readValuesToList())
                .extracting(ReportExtraction::getReportVersion)
                .containsExactly(1, 2);
    }

    @Test
    void shouldIgnoreStaleVersionWhenItArrivesLate() {
        // given
        start(NormalizeTopologyTest::fake);
        raw.pipeInput(URI, report(URI, 3, PubStatus.USABLE));
        // when
        raw.pipeInput(URI, report(URI, 2, PubStatus.USABLE));
        // then
        assertThat(out.readValuesToList())
                .extracting(ReportExtraction::getReportVersion)
                .containsExactly(3);
        assertThat(extractions).hasValue(1);
    }

    @Test
    void shouldIgnoreDuplicateWhenSameVersionIsRedelivered() {
        // given
        start(NormalizeTopologyTest::fake);
        raw.pipeInput(URI, report(URI, 1, PubStatus.USABLE));
        // when
        raw.pipeInput(URI, report(URI, 1, PubStatus.USABLE));
        raw.pipeInput(URI, report(URI, 1, PubStatus.USABLE));
        // then
        assertThat(out.readValuesToList()).hasSize(1);
        assertThat(extractions).hasValue(1);
    }

    @Test
    void shouldEmitTombstoneWhenStoryIsCanceled() {
        // given
        start(NormalizeTopologyTest::fake);
        raw.pipeInput(URI, report(URI, 1, PubStatus.USABLE));
        // when
        raw.pipeInput(URI, report(URI, 2, PubStatus.CANCELED));
        raw.pipeInput(URI, report(URI, 1, PubStatus.USABLE));
        // then
        final List<TestRecord<String, ReportExtraction>> records = out.readRecordsToList();
        assertThat(records).hasSize(2);
        assertThat(records.get(1).key()).isEqualTo(URI);
        assertThat(records.get(1).value()).isNull();
    }

    @Test
    void shouldSendDeadLetterWithContextWhenExtractionFails() {
        // given
        start(r -> {
            if (r.getVersion() == 1) {
                throw new IllegalStateException("extractor broke on this text");
            }
            return fake(r);
        });
        final TestOutputTopic<byte[], byte[]> dead =
                driver.createOutputTopic(Topics.DEAD_LETTERS, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        // when
        raw.pipeInput(URI, report(URI, 1, PubStatus.USABLE));
        raw.pipeInput(URI, report(URI, 2, PubStatus.USABLE));
        // then: the failed report is a dead letter with its origin; the next version is still processed
        final List<TestRecord<byte[], byte[]>> letters = dead.readRecordsToList();
        assertThat(letters).hasSize(1);
        assertThat(new StringDeserializer().deserialize("", letters.get(0).key()))
                .isEqualTo(URI);
        assertThat(header(letters.get(0), "__streams.errors.topic")).isEqualTo(Topics.RAW_REPORTS);
        assertThat(header(letters.get(0), "__streams.errors.offset")).isEqualTo("0");
        assertThat(header(letters.get(0), "__streams.errors.message")).contains("extractor broke");
        assertThat(out.readValuesToList())
                .extracting(ReportExtraction::getReportVersion)
                .containsExactly(2);
    }

    @Test
    void shouldWriteNothingWhenReprocessedExtractionIsUnchanged() {
        // given
        start(NormalizeTopologyTest::fake);
        raw.pipeInput(URI, report(URI, 1, PubStatus.USABLE));
        out.readRecordsToList();
        // when
        again.pipeInput(reprocessCopy(report(URI, 1, PubStatus.USABLE)));
        again.pipeInput(reprocessCopy(report(URI, 1, PubStatus.USABLE)));
        // then: extracted again, written never
        assertThat(extractions).hasValue(3);
        assertThat(out.readRecordsToList()).isEmpty();
    }

    @Test
    void shouldForwardWithReprocessMarkWhenRulesChangedTheExtraction() {
        // given: the story was extracted by older rules
        final AtomicInteger rules = new AtomicInteger(1);
        start(r -> ReportExtraction.newBuilder(fake(r))
                .setExtractorVersion("rules-" + rules.get())
                .build());
        raw.pipeInput(URI, report(URI, 1, PubStatus.USABLE));
        out.readRecordsToList();
        // when the running rules change and the archive is sent again, twice (a rerun)
        rules.set(2);
        again.pipeInput(reprocessCopy(report(URI, 1, PubStatus.USABLE)));
        again.pipeInput(reprocessCopy(report(URI, 1, PubStatus.USABLE)));
        // then one new extraction, marked with the run
        final List<TestRecord<String, ReportExtraction>> records = out.readRecordsToList();
        assertThat(records).hasSize(1);
        assertThat(records.get(0).value().getExtractorVersion()).isEqualTo("rules-2");
        assertThat(new String(
                        records.get(0)
                                .headers()
                                .lastHeader(ReprocessHeaders.RUN)
                                .value(),
                        StandardCharsets.UTF_8))
                .isEqualTo(RUN);
    }

    @Test
    void shouldIgnoreReprocessCopyWhenStoryHasMovedOn() {
        // given
        start(NormalizeTopologyTest::fake);
        raw.pipeInput(URI, report(URI, 1, PubStatus.USABLE));
        raw.pipeInput(URI, report(URI, 2, PubStatus.USABLE));
        out.readRecordsToList();
        // when a copy of the older version arrives
        again.pipeInput(reprocessCopy(report(URI, 1, PubStatus.USABLE)));
        // then
        assertThat(out.readRecordsToList()).isEmpty();
        assertThat(extractions).hasValue(2);
    }

    @Test
    void shouldTreatCopyAsTheVersionWhenItOvertakesTheOriginal() {
        // given
        start(NormalizeTopologyTest::fake);
        // when the copy is read before the raw original
        again.pipeInput(reprocessCopy(report(URI, 1, PubStatus.USABLE)));
        raw.pipeInput(URI, report(URI, 1, PubStatus.USABLE));
        // then one extraction, as a fresh replay writes it, without the mark
        final List<TestRecord<String, ReportExtraction>> records = out.readRecordsToList();
        assertThat(records).hasSize(1);
        assertThat(records.get(0).headers().lastHeader(ReprocessHeaders.RUN)).isNull();
    }

    @Test
    void shouldWriteNothingWhenCanceledStoryIsReprocessed() {
        // given
        start(NormalizeTopologyTest::fake);
        raw.pipeInput(URI, report(URI, 1, PubStatus.USABLE));
        raw.pipeInput(URI, report(URI, 2, PubStatus.CANCELED));
        out.readRecordsToList();
        // when
        again.pipeInput(reprocessCopy(report(URI, 2, PubStatus.CANCELED)));
        // then
        assertThat(out.readRecordsToList()).isEmpty();
    }

    private static final String RUN = "2026-12-07T04:00:00Z";

    private static TestRecord<String, WireReport> reprocessCopy(final WireReport r) {
        final TestRecord<String, WireReport> record = new TestRecord<>(r.getUri(), r);
        record.headers().add(ReprocessHeaders.RUN, RUN.getBytes(StandardCharsets.UTF_8));
        return record;
    }

    private static String header(final TestRecord<byte[], byte[]> r, final String name) {
        final Header h = r.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
