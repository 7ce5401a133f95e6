package org.wirewatch.formats;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.wirewatch.schema.PubStatus;
import org.wirewatch.schema.ReportFormat;
import org.wirewatch.schema.WireReport;

/**
 * Coverage-guided fuzzing of the parsers with Jazzer. In the normal test run (regression mode) every input under
 * {@code src/test/resources/org/wirewatch/formats/ReportParserFuzzTestInputs/<method>/} is replayed; to fuzz for
 * real, see the module's README: {@code JAZZER_FUZZ=1 ./mvnw -o -pl modules/formats test -Dtest=ReportParserFuzzTest}.
 *
 * <p>The promise under test: whatever the bytes, the parser answers with reports that satisfy the WireReport
 * rules and serialise, or with a rejection of its own; never an exception, never an internal error.
 */
class ReportParserFuzzTest {

    private static final ReportParser PARSER = new ReportParser(256 * 1024);
    private static final List<Optional<String>> CONTENT_TYPES = List.of(
            Optional.empty(),
            Optional.of("application/json"),
            Optional.of("application/vnd.iptc.g2.newsitem+xml"),
            Optional.of("application/rss+xml"),
            Optional.of("text/plain; charset=ISO-8859-1"),
            Optional.of("text/plain; charset=UTF-16"),
            Optional.of("application/octet-stream"));
    private static final List<String> NAMES = List.of("drop", "story.json", "story.xml", "story.txt");

    @FuzzTest(maxDuration = "5m")
    void parseAnyBytes(byte[] input) {
        int selector = input.length == 0 ? 0 : input[input.length - 1] & 0xFF;
        Optional<String> contentType = CONTENT_TYPES.get(selector % CONTENT_TYPES.size());
        String name = NAMES.get((selector / CONTENT_TYPES.size()) % NAMES.size());

        check(PARSER.parse(input, name, contentType));
        check(PARSER.parse(input, name));
        assertThat(Excerpts.of(input).getBytes(java.nio.charset.StandardCharsets.UTF_8).length)
                .isLessThanOrEqualTo(Excerpts.MAX_EXCERPT_BYTES);
        if ((selector & 1) == 1) {
            check(PARSER.parse(input, name, ReportFormat.values()[selector % ReportFormat.values().length]));
        }
    }

    @FuzzTest(maxDuration = "5m")
    void parseAnyFeed(byte[] input) {
        FeedParse feed = PARSER.parseFeed(input, "https://feed.example/rss");

        assertThat(feed).isNotNull();
        feed.rejection().ifPresent(r -> assertThat(r.code()).isNotEqualTo(RejectionCode.INTERNAL_ERROR));
        if (feed.rejection().isPresent()) {
            assertThat(feed.entries()).isEmpty();
        }
        for (FeedEntry entry : feed.entries()) {
            assertThat(entry.id()).isNotBlank();
            check(entry.result());
        }
    }

    private static void check(ParseResult result) {
        assertThat(result).isNotNull();
        if (result instanceof ParseResult.Rejection rejection) {
            assertThat(rejection.code()).as(rejection.reason()).isNotEqualTo(RejectionCode.INTERNAL_ERROR);
            assertThat(rejection.reason()).isNotBlank();
            return;
        }
        assertThat(result.reports()).isNotEmpty();
        for (WireReport report : result.reports()) {
            assertThat(report.getUri()).isNotBlank();
            assertThat(report.getVersion()).isPositive();
            if (report.getPubStatus() != PubStatus.CANCELED) {
                assertThat(report.getHeadline()).isNotBlank();
                assertThat(report.getBody()).isNotBlank();
            }
            assertSerialises(report);
        }
    }

    private static void assertSerialises(WireReport report) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
            new SpecificDatumWriter<>(WireReport.class).write(report, encoder);
            encoder.flush();
            assertThat(out.size()).isPositive();
        } catch (IOException e) {
            throw new AssertionError("WireReport does not serialise", e);
        }
    }
}
