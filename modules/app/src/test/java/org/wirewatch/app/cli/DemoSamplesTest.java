package org.wirewatch.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wirewatch.formats.ParseResult;
import org.wirewatch.formats.ReportParser;
import org.wirewatch.schema.PubStatus;
import org.wirewatch.schema.ReportFormat;
import org.wirewatch.schema.WireReport;

/** The demo's bundled reports: every one renders and is accepted by the same parser ingest uses. */
class DemoSamplesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T06:00:00Z"), ZoneOffset.UTC);

    @Test
    void shouldFillDatePlaceholdersRelativeToTodayWhenRendering() {
        final String out =
                DemoCommand.render("{{ymd:-1}} {{dow:-1}} {{md:-2}} {{ts:-1:16:00}} {{ts:0:10:30}}", TODAY, CLOCK);
        assertThat(out).isEqualTo("20261122 Sunday Nov 21 2026-11-22T16:00:00Z 2026-11-23T05:59:00Z");
    }

    @Test
    void shouldParseEverySampleWithNoPlaceholderLeftWhenRendered() {
        final ReportParser parser = new ReportParser();
        final List<ReportFormat> formats = new ArrayList<>();
        final List<WireReport> reports = new ArrayList<>();
        for (final String name : DemoCommand.sampleNames()) {
            final String text = DemoCommand.render(DemoCommand.read(name), TODAY, CLOCK);
            assertThat(text).as(name).doesNotContain("{{");
            final ParseResult result = parser.parse(text.getBytes(StandardCharsets.UTF_8), name);
            assertThat(result.accepted()).as(name + ": " + result).isTrue();
            formats.add(result.format().orElseThrow());
            reports.addAll(result.reports());
        }
        assertThat(formats).contains(ReportFormat.NINJS, ReportFormat.NEWSML_G2, ReportFormat.TEXT);
        // an update (a second version of one story) and a withdrawal
        assertThat(reports)
                .filteredOn(r -> r.getUri().contains("af-laghman"))
                .extracting(WireReport::getVersion)
                .containsExactly(1, 2);
        assertThat(reports)
                .filteredOn(r -> r.getPubStatus() == PubStatus.CANCELED)
                .hasSize(1);
    }
}
