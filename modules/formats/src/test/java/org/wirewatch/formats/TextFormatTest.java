package org.wirewatch.formats;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.wirewatch.schema.PubStatus;
import org.wirewatch.schema.ReportFormat;
import org.wirewatch.schema.WireReport;

class TextFormatTest {

    private final ReportParser parser = new ReportParser();

    @Test
    void shouldTakeTheFirstLineAsHeadlineAndTheRestAsBody() {
        // when
        ParseResult result = parser.parse(Samples.bytes("samples/story.txt"), "story.txt");

        // then
        assertThat(result.accepted()).isTrue();
        WireReport report = result.reports().get(0);
        assertThat(report.getFormat()).isEqualTo(ReportFormat.TEXT);
        assertThat(report.getHeadline()).isEqualTo("Rocket attack on base north of Baghdad wounds two");
        assertThat(report.getBody())
                .startsWith("BALAD, Iraq, Jan 5 (Example) - Two rockets")
                .endsWith("security sources said.\n\nNo group claimed responsibility.");
        assertThat(report.getVersion()).isEqualTo(1);
        assertThat(report.getPubStatus()).isEqualTo(PubStatus.USABLE);
        assertThat(report.getUri()).matches("urn:wirewatch:text:[0-9a-f]{32}");
    }

    @Test
    void shouldDeriveTheUriFromTheContentNotTheName() {
        // given
        byte[] text = Samples.utf8("Headline\n\nBody.\n");
        byte[] other = Samples.utf8("Headline\n\nAnother body.\n");

        // when
        String a = parser.parse(text, "a.txt").reports().get(0).getUri();
        String b = parser.parse(text, "b.txt").reports().get(0).getUri();
        String c = parser.parse(other, "a.txt").reports().get(0).getUri();

        // then
        assertThat(a).isEqualTo(b).isNotEqualTo(c);
    }

    @Test
    void shouldNormaliseWindowsLineEndsAndBlankLineRuns() {
        // when
        ParseResult result =
                parser.parse(Samples.utf8("Head \r\n\r\n\r\n\r\nPara one.  \r\n\r\n\r\nPara two.\r\n"), "x.txt");

        // then
        assertThat(result.reports().get(0).getBody()).isEqualTo("Para one.\n\nPara two.");
    }

    @Test
    void shouldRejectWhenThereIsOnlyAHeadline() {
        // when
        ParseResult result = parser.parse(Samples.utf8("Just one line\n"), "x.txt");

        // then
        assertThat(result)
                .isEqualTo(new ParseResult.Rejection(RejectionCode.MISSING_FIELD, "no body text", ReportFormat.TEXT));
    }
}
