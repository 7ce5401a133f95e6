package org.wirewatch.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.wirewatch.schema.PubStatus;
import org.wirewatch.schema.ReportFormat;
import org.wirewatch.schema.WireReport;

class PublicationTest {

    private static final Instant FIRST = Instant.parse("2018-11-17T23:30:00Z");
    private static final Instant VERSION = Instant.parse("2018-11-19T08:00:00Z");
    private static final Instant RECEIVED = Instant.parse("2018-11-20T10:00:00Z");

    @Test
    void shouldTakeTheStorysFirstVersionWhenAskedWhenTheStoryWasPublished() {
        assertThat(Publication.of(report(FIRST, VERSION, RECEIVED))).isEqualTo(FIRST);
        assertThat(Publication.dayOf(report(FIRST, VERSION, RECEIVED))).isEqualTo(LocalDate.of(2018, 11, 17));
    }

    @Test
    void shouldTakeThisVersionWhenAskedWhenTheVersionWasPublished() {
        assertThat(Publication.ofVersion(report(FIRST, VERSION, RECEIVED))).isEqualTo(VERSION);
    }

    @Test
    void shouldFallBackToTheOtherCreationTimeThenToReceptionWhenATimeIsMissing() {
        assertThat(Publication.of(report(null, VERSION, RECEIVED))).isEqualTo(VERSION);
        assertThat(Publication.of(report(null, null, RECEIVED))).isEqualTo(RECEIVED);
        assertThat(Publication.ofVersion(report(FIRST, null, RECEIVED))).isEqualTo(FIRST);
        assertThat(Publication.ofVersion(report(null, null, RECEIVED))).isEqualTo(RECEIVED);
    }

    @Test
    void shouldGiveNoStoryTimeButTheEpochDayAndVersionWhenTheReportCarriesNoTime() {
        assertThat(Publication.of(report(null, null, null))).isNull();
        assertThat(Publication.dayOf(report(null, null, null))).isEqualTo(LocalDate.EPOCH);
        assertThat(Publication.ofVersion(report(null, null, null))).isEqualTo(Instant.EPOCH);
    }

    private static WireReport report(final Instant first, final Instant version, final Instant received) {
        return WireReport.newBuilder()
                .setUri("urn:test:1")
                .setVersion(2)
                .setPubStatus(PubStatus.USABLE)
                .setFirstCreated(first)
                .setVersionCreated(version)
                .setReceivedAt(received)
                .setHeadline("h")
                .setBody("b")
                .setFormat(ReportFormat.values()[0])
                .build();
    }
}
