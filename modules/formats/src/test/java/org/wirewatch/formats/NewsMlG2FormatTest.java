package org.wirewatch.formats;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.wirewatch.schema.PubStatus;
import org.wirewatch.schema.ReportFormat;
import org.wirewatch.schema.WireReport;

class NewsMlG2FormatTest {

    private final ReportParser parser = new ReportParser();

    @Test
    void shouldReadNewsItemWithXhtmlBodyDatelineAndSignal() {
        // when
        ParseResult result = parser.parse(
                Samples.bytes("samples/newsitem.xml"), "item.xml", Optional.of("application/vnd.iptc.g2.newsitem+xml"));

        // then
        assertThat(result.accepted()).isTrue();
        assertThat(result.format()).contains(ReportFormat.NEWSML_G2);
        WireReport report = result.reports().get(0);
        assertThat(report.getUri()).isEqualTo("urn:newsml:example.org:20181117:sy-raids");
        assertThat(report.getVersion()).isEqualTo(2);
        assertThat(report.getPubStatus()).isEqualTo(PubStatus.USABLE);
        assertThat(report.getFirstCreated()).isEqualTo(Instant.parse("2018-11-17T16:00:00Z"));
        assertThat(report.getVersionCreated()).isEqualTo(Instant.parse("2018-11-17T18:30:00Z"));
        assertThat(report.getHeadline()).isEqualTo("Coalition raids kill 43 in east Syria");
        assertThat(report.getLocated()).isEqualTo("Beirut");
        assertThat(report.getLanguage()).isEqualTo("en");
        assertThat(report.getAgency()).isEqualTo("Example Wire");
        assertThat(report.getUrgency()).isEqualTo(2);
        assertThat(report.getSignals()).containsExactly("update");
        assertThat(report.getBody())
                .isEqualTo(
                        "BEIRUT, Nov 17 - Coalition air strikes on Saturday killed 43 people "
                                + "in eastern Syria, a monitor said.\n\nAnother seven victims had not yet been identified, it said.");
    }

    @Test
    void shouldReadEveryItemOfANewsMessageIncludingUpdateAndCancellation() {
        // when
        ParseResult result = parser.parse(
                Samples.bytes("samples/newsmessage.xml"),
                "message.xml",
                Optional.of("application/vnd.iptc.g2.newsmessage+xml"));

        // then
        assertThat(result.accepted()).isTrue();
        List<WireReport> reports = result.reports();
        assertThat(reports)
                .extracting(WireReport::getUri, WireReport::getVersion, WireReport::getPubStatus)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                "urn:newsml:example.org:20090902:af-laghman", 1, PubStatus.USABLE),
                        org.assertj.core.groups.Tuple.tuple(
                                "urn:newsml:example.org:20090902:af-laghman", 2, PubStatus.USABLE),
                        org.assertj.core.groups.Tuple.tuple(
                                "urn:newsml:example.org:20090901:af-wrong-report", 3, PubStatus.CANCELED));
        assertThat(reports.get(0).getBody())
                .isEqualTo(
                        "MEHTARLAM, Sept 2 - A suicide bomber killed 19 people, "
                                + "including the deputy intelligence chief, outside a mosque on Wednesday.\n\nOfficials said the toll could rise.");
        assertThat(reports.get(0).getAgency()).isEqualTo("Example Wire");
        assertThat(reports.get(1).getSignals()).containsExactly("update", "correction");
        // The update's body already opens with its dateline: it is not repeated.
        assertThat(reports.get(1).getBody())
                .startsWith("MEHTARLAM, Sept 2 - The death toll")
                .doesNotContain("MEHTARLAM, Sept 2 - MEHTARLAM");
        assertThat(reports.get(2).getHeadline()).isEmpty();
        assertThat(reports.get(2).getBody()).isEmpty();
    }

    @Test
    void shouldAcceptTheOtherItemsAndListTheBrokenOneWhenOneItemOfAMessageIsUnusable() {
        // given
        String message = new String(Samples.bytes("samples/newsmessage.xml"), java.nio.charset.StandardCharsets.UTF_8)
                .replace("<headline>Toll rises to 22 in Afghan suicide attack</headline>", "");

        // when
        ParseResult result = parser.parse(Samples.utf8(message), "message.xml");

        // then
        assertThat(result).isInstanceOfSatisfying(ParseResult.Accepted.class, accepted -> {
            assertThat(accepted.reports()).extracting(WireReport::getVersion).containsExactly(1, 3);
            assertThat(accepted.rejectedItems()).singleElement().satisfies(item -> {
                assertThat(item.id()).isEqualTo("urn:newsml:example.org:20090902:af-laghman");
                assertThat(item.rejection())
                        .isEqualTo(new ParseResult.Rejection(
                                RejectionCode.MISSING_FIELD,
                                "newsMessage item 2: no headline",
                                ReportFormat.NEWSML_G2));
            });
        });
    }

    @Test
    void shouldRejectAPictureItemAsNotText() {
        // given
        byte[] xml =
                Samples.utf8("<newsItem xmlns=\"http://iptc.org/std/nar/2006-10-01/\" guid=\"urn:p\" version=\"1\">"
                        + "<itemMeta><itemClass qcode=\"ninat:picture\"/></itemMeta>"
                        + "<contentMeta><headline>h</headline></contentMeta>"
                        + "<contentSet><remoteContent href=\"p.jpg\"/></contentSet></newsItem>");

        // when
        ParseResult result = parser.parse(xml, "picture.xml");

        // then
        assertThat(result)
                .isInstanceOfSatisfying(
                        ParseResult.Rejection.class, r -> assertThat(r.code()).isEqualTo(RejectionCode.NOT_TEXT));
    }

    @Test
    void shouldRejectWhenTheItemHasNoBody() {
        // when
        ParseResult result = parser.parse(Samples.bytes("bad/missing-body.xml"), "x.xml");

        // then
        assertThat(result)
                .isEqualTo(
                        new ParseResult.Rejection(RejectionCode.MISSING_FIELD, "no body text", ReportFormat.NEWSML_G2));
    }

    @Test
    void shouldRejectWhenTheGuidIsMissing() {
        // given
        byte[] xml = Samples.utf8("<newsItem xmlns=\"http://iptc.org/std/nar/2006-10-01/\" version=\"1\">"
                + "<contentMeta><headline>h</headline></contentMeta>"
                + "<contentSet><inlineData>b</inlineData></contentSet></newsItem>");

        // when
        ParseResult result = parser.parse(xml, "x.xml");

        // then
        assertThat(result)
                .isInstanceOfSatisfying(
                        ParseResult.Rejection.class,
                        r -> assertThat(r.reason()).isEqualTo("no story id (uri/guid/id)"));
    }

    @Test
    void shouldRejectRemoteContentItCannotFetch() {
        // given
        byte[] xml = Samples.utf8("<newsItem xmlns=\"http://iptc.org/std/nar/2006-10-01/\" guid=\"g\">"
                + "<contentMeta><headline>h</headline></contentMeta>"
                + "<contentSet><remoteContent href=\"http://example.org/b\"/></contentSet></newsItem>");

        // when
        ParseResult result = parser.parse(xml, "x.xml");

        // then
        assertThat(result)
                .isInstanceOfSatisfying(
                        ParseResult.Rejection.class, r -> assertThat(r.reason()).contains("remoteContent"));
    }
}
