package org.wirewatch.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;
import org.wirewatch.common.Topics;
import org.wirewatch.schema.PubStatus;
import org.wirewatch.schema.RejectedReport;
import org.wirewatch.schema.ReportFormat;
import org.wirewatch.schema.WireReport;

class IngestProducerTest {

    static WireReport report(String uri, int version) {
        return WireReport.newBuilder()
                .setUri(uri)
                .setVersion(version)
                .setPubStatus(PubStatus.USABLE)
                .setHeadline("h")
                .setBody("b")
                .setFormat(ReportFormat.NINJS)
                .setSignals(List.of())
                .build();
    }

    @Test
    void shouldKeyReportsByStoryUriOnTheRawTopic() {
        // given
        TestProducers t = new TestProducers(true);

        // when
        CompletableFuture<RecordMetadata> ack = t.producer.send(report("urn:a", 2));

        // then
        assertThat(ack).isCompleted();
        assertThat(t.sent(Topics.RAW_REPORTS))
                .singleElement()
                .satisfies(r -> assertThat(r.key()).isEqualTo("urn:a"));
        assertThat(t.sentReports())
                .singleElement()
                .satisfies(r -> assertThat(r.getVersion()).isEqualTo(2));
        assertThat(t.producer.acknowledged()).isEqualTo(1);
    }

    @Test
    void shouldKeyRejectionsBySourceIdOnTheRejectedTopic() {
        // given
        TestProducers t = new TestProducers(true);
        RejectedReport rejected = RejectedReport.newBuilder()
                .setSourceId("inbox/x.json")
                .setSource("drop-folder")
                .setReason("no headline")
                .setSizeBytes(3)
                .setExcerpt("abc")
                .setReceivedAt(Instant.EPOCH)
                .build();

        // when
        t.producer.send(rejected);

        // then
        assertThat(t.sent(Topics.REJECTED_REPORTS))
                .singleElement()
                .satisfies(r -> assertThat(r.key()).isEqualTo("inbox/x.json"));
        assertThat(t.sentRejections()).containsExactly(rejected);
    }

    @Test
    void shouldFailTheFutureAndCountWhenDeliveryFails() {
        // given
        TestProducers t = new TestProducers(false);
        CompletableFuture<RecordMetadata> ack = t.producer.send(report("urn:b", 1));

        // when
        t.mock.errorNext(new TimeoutException("broker gone"));

        // then
        assertThat(ack).isCompletedExceptionally();
        assertThat(t.producer.failures()).isEqualTo(1);
        assertThat(t.producer.acknowledged()).isZero();
    }

    @Test
    void shouldFlushInFlightRecordsOnClose() {
        // given
        TestProducers t = new TestProducers(false);
        CompletableFuture<RecordMetadata> ack = t.producer.send(report("urn:c", 1));
        assertThat(ack).isNotDone();

        // when
        t.producer.close();

        // then
        assertThat(ack).isCompleted();
        assertThat(t.mock.closed()).isTrue();
        assertThat(t.producer.send(report("urn:d", 1))).isCompletedExceptionally();
    }
}
