package org.wirewatch.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.wirewatch.formats.RejectionCode;
import org.wirewatch.schema.RejectedReport;
import org.wirewatch.schema.ReportFormat;

class ReportIngestorTest {

    @Test
    void shouldPublishTheReportWithSourceAndReceiptTimeWhenTheInputParses() {
        // given
        TestProducers t = new TestProducers(true);
        byte[] json = "{\"uri\":\"urn:x\",\"version\":\"3\",\"headline\":\"H\",\"body_text\":\"B\"}"
                .getBytes(StandardCharsets.UTF_8);

        // when
        IngestOutcome outcome = t.ingestor(1 << 20)
                .ingest(json, "http", "http:1", "http:1", Optional.empty())
                .join();

        // then
        assertThat(outcome)
                .isEqualTo(new IngestOutcome.Published(
                        ReportFormat.NINJS, java.util.List.of(new IngestOutcome.Story("urn:x", 3))));
        assertThat(t.sentReports()).singleElement().satisfies(r -> {
            assertThat(r.getSource()).isEqualTo("http:1");
            assertThat(r.getReceivedAt()).isNotNull();
        });
        assertThat(t.sentRejections()).isEmpty();
    }

    @Test
    void shouldPublishOnlyARejectionWithABoundedExcerptWhenTheInputIsBad() {
        // given
        TestProducers t = new TestProducers(true);
        byte[] bad =
                ("{\"uri\":\"urn:x\",\"body_text\":\"" + "x".repeat(5000) + "\"}").getBytes(StandardCharsets.UTF_8);

        // when
        IngestOutcome outcome = t.ingestor(1 << 20)
                .ingest(bad, "drop-folder", "inbox/bad.json", "drop-folder:inbox/bad.json", Optional.empty())
                .join();

        // then
        assertThat(outcome)
                .isEqualTo(new IngestOutcome.Rejected(RejectionCode.MISSING_FIELD, "no headline", ReportFormat.NINJS));
        assertThat(t.sentReports()).isEmpty();
        RejectedReport rejected = t.sentRejections().get(0);
        assertThat(rejected.getSourceId()).isEqualTo("inbox/bad.json");
        assertThat(rejected.getSource()).isEqualTo("drop-folder");
        assertThat(rejected.getReason()).isEqualTo("no headline");
        assertThat(rejected.getFormat()).isEqualTo(ReportFormat.NINJS);
        assertThat(rejected.getSizeBytes()).isEqualTo(bad.length);
        assertThat(rejected.getExcerpt().getBytes(StandardCharsets.UTF_8)).hasSizeLessThanOrEqualTo(1024);
        assertThat(rejected.getExcerpt()).startsWith("{\"uri\":\"urn:x\"");
    }
}
