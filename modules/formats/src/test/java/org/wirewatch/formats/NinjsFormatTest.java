package org.wirewatch.formats;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.wirewatch.schema.PubStatus;
import org.wirewatch.schema.ReportFormat;
import org.wirewatch.schema.WireReport;

class NinjsFormatTest {

    private final ReportParser parser = new ReportParser();

    @Test
    void shouldReadNinjs1FieldsWhenVersionIsAString() {
        // given
        byte[] json = Samples.utf8("""
                {"uri": "urn:newsml:afp.com:20181117:sy-raids", "version": "1",
                 "firstcreated": "2018-11-17T16:00:00Z", "versioncreated": "2018-11-17T16:05:00Z",
                 "type": "text", "pubstatus": "usable", "language": "en", "copyrightholder": "AFP",
                 "located": "Beirut", "urgency": 4, "headline": "Raids kill 43 in east Syria",
                 "body_text": "BEIRUT: Air strikes killed 43 people.\\n\\nA monitor said so."}
                """);

        // when
        ParseResult result = parser.parse(json, "story.json");

        // then
        assertThat(result.accepted()).isTrue();
        assertThat(result.format()).contains(ReportFormat.NINJS);
        WireReport report = result.reports().get(0);
        assertThat(report.getUri()).isEqualTo("urn:newsml:afp.com:20181117:sy-raids");
        assertThat(report.getVersion()).isEqualTo(1);
        assertThat(report.getPubStatus()).isEqualTo(PubStatus.USABLE);
        assertThat(report.getFirstCreated()).isEqualTo(Instant.parse("2018-11-17T16:00:00Z"));
        assertThat(report.getVersionCreated()).isEqualTo(Instant.parse("2018-11-17T16:05:00Z"));
        assertThat(report.getLanguage()).isEqualTo("en");
        assertThat(report.getAgency()).isEqualTo("AFP");
        assertThat(report.getLocated()).isEqualTo("Beirut");
        assertThat(report.getUrgency()).isEqualTo(4);
        assertThat(report.getHeadline()).isEqualTo("Raids kill 43 in east Syria");
        assertThat(report.getBody()).isEqualTo("BEIRUT: Air strikes killed 43 people.\n\nA monitor said so.");
        assertThat(report.getFormat()).isEqualTo(ReportFormat.NINJS);
        assertThat(report.getSource()).isNull();
        assertThat(report.getSignals()).isEmpty();
    }

    @Test
    void shouldReadNinjs2HeadlinesAndHtmlBodiesWhenVersionIsANumber() {
        // when
        ParseResult result = parser.parse(Samples.bytes("samples/ninjs2.json"), "ninjs2.json");

        // then
        assertThat(result.accepted()).isTrue();
        WireReport report = result.reports().get(0);
        assertThat(report.getVersion()).isEqualTo(3);
        assertThat(report.getHeadline()).isEqualTo("Clashes near Juba kill 12, officials say");
        assertThat(report.getBody())
                .isEqualTo(
                        "JUBA, May 12 - Clashes between two armed groups near Juba killed 12 "
                                + "people on Sunday, a local official said.\n\nThe fighting broke out at dawn.\nResidents fled.");
        assertThat(report.getFirstCreated()).isEqualTo(Instant.parse("2024-05-12T06:15:00Z"));
        assertThat(report.getLanguage()).isEqualTo("en");
        assertThat(report.getLocated()).isEqualTo("Juba");
        assertThat(report.getAgency()).isEqualTo("Example Wire");
        assertThat(report.getUrgency()).isEqualTo(3);
    }

    @Test
    void shouldAcceptCanceledStoryWithoutHeadlineOrBody() {
        // when
        ParseResult result = parser.parse(Samples.bytes("samples/ninjs-canceled.json"), "cancel.json");

        // then
        assertThat(result.accepted()).isTrue();
        WireReport report = result.reports().get(0);
        assertThat(report.getPubStatus()).isEqualTo(PubStatus.CANCELED);
        assertThat(report.getVersion()).isEqualTo(4);
        assertThat(report.getHeadline()).isEmpty();
        assertThat(report.getBody()).isEmpty();
    }

    @Test
    void shouldDeriveTheSameUriWhenTheSameDocumentWithoutUriArrivesTwice() {
        // given
        byte[] json = Samples.utf8("{\"headline\": \"h\", \"body_text\": \"b\"}");

        // when
        String first = parser.parse(json, "a.json").reports().get(0).getUri();
        String second = parser.parse(json, "b.json").reports().get(0).getUri();

        // then
        assertThat(first).startsWith("urn:wirewatch:ninjs:").isEqualTo(second);
    }

    @Test
    void shouldRejectWhenHeadlineIsMissing() {
        // when
        ParseResult result = parser.parse(Samples.bytes("bad/missing-headline.json"), "x.json");

        // then
        assertThat(result)
                .isEqualTo(new ParseResult.Rejection(RejectionCode.MISSING_FIELD, "no headline", ReportFormat.NINJS));
    }

    @Test
    void shouldRejectWhenVersionIsNotAPositiveInteger() {
        // when
        ParseResult result = parser.parse(Samples.bytes("bad/bad-version.json"), "x.json");

        // then
        assertThat(result).isInstanceOfSatisfying(ParseResult.Rejection.class, r -> {
            assertThat(r.code()).isEqualTo(RejectionCode.INVALID_FIELD);
            assertThat(r.reason()).isEqualTo("version must be a positive integer, got 'two'");
        });
    }

    @Test
    void shouldRejectWhenATimestampCannotBeRead() {
        // given
        byte[] json =
                Samples.utf8("{\"uri\":\"u\",\"headline\":\"h\",\"body_text\":\"b\",\"versioncreated\":\"yesterday\"}");

        // when
        ParseResult result = parser.parse(json, "x.json");

        // then
        assertThat(result)
                .isInstanceOfSatisfying(
                        ParseResult.Rejection.class,
                        r -> assertThat(r.reason())
                                .isEqualTo("versioncreated is not an ISO-8601 timestamp: 'yesterday'"));
    }

    @Test
    void shouldRejectWhenPubstatusIsUnknown() {
        // given
        byte[] json = Samples.utf8("{\"uri\":\"u\",\"headline\":\"h\",\"body_text\":\"b\",\"pubstatus\":\"draft\"}");

        // when
        ParseResult result = parser.parse(json, "x.json", Optional.of("application/vnd.iptc.ninjs+json"));

        // then
        assertThat(result)
                .isInstanceOfSatisfying(
                        ParseResult.Rejection.class, r -> assertThat(r.code()).isEqualTo(RejectionCode.INVALID_FIELD));
    }

    @Test
    void shouldRejectWhenTheDocumentIsAnArray() {
        // when
        ParseResult result = parser.parse(Samples.utf8("[{\"headline\":\"h\"}]"), "x.json");

        // then
        assertThat(result)
                .isInstanceOfSatisfying(
                        ParseResult.Rejection.class,
                        r -> assertThat(r.reason()).isEqualTo("a ninjs document must be one JSON object"));
    }

    @Test
    void shouldRejectAPictureAsNotTextEvenWithHeadlineAndCaption() {
        // given
        byte[] json = Samples.utf8("""
                {"uri": "urn:p", "type": "picture", "version": "0", "headlines": [{"value": "h"}],
                 "bodies": [{"value": "a caption"}]}
                """);

        // when
        ParseResult result = parser.parse(json, "picture.json");

        // then
        assertThat(result)
                .isInstanceOfSatisfying(
                        ParseResult.Rejection.class, r -> assertThat(r.code()).isEqualTo(RejectionCode.NOT_TEXT));
    }

    @Test
    void shouldReadBodyXhtmlAndPatternPropertiesWhenThePlainFieldsAreAbsent() {
        // given
        byte[] xhtml =
                Samples.utf8("{\"uri\": \"urn:a\", \"headline\": \"h\", \"body_xhtml\": \"<p>One.</p><p>Two.</p>\"}");
        byte[] pattern = Samples.utf8("{\"uri\": \"urn:b\", \"headline_main\": \"h\", \"body_main\": \"Text.\"}");

        // when
        ParseResult fromXhtml = parser.parse(xhtml, "a.json");
        ParseResult fromPattern = parser.parse(pattern, "b.json");

        // then
        assertThat(fromXhtml.reports())
                .singleElement()
                .satisfies(r -> assertThat(r.getBody()).isEqualTo("One.\n\nTwo."));
        assertThat(fromPattern.reports()).singleElement().satisfies(r -> {
            assertThat(r.getHeadline()).isEqualTo("h");
            assertThat(r.getBody()).isEqualTo("Text.");
        });
    }

    @Test
    void shouldTakeTheGuidAsIdWhenUriIsMissing() {
        // when
        ParseResult result =
                parser.parse(Samples.utf8("{\"guid\": \"sd:1\", \"headline\": \"h\", \"body_text\": \"b\"}"), "x.json");

        // then
        assertThat(result.reports())
                .singleElement()
                .satisfies(r -> assertThat(r.getUri()).isEqualTo("sd:1"));
    }

    @Test
    void shouldRefuseAnApiEnvelopeAndAnUnknownPubStatus() {
        // when
        ParseResult envelope = parser.parse(Samples.utf8("{\"total\": 1, \"item\": [{\"uri\": \"u\"}]}"), "x.json");
        ParseResult cancelled = parser.parse(Samples.utf8("{\"uri\": \"u\", \"pubstatus\": \"cancelled\"}"), "y.json");

        // then
        assertThat(envelope)
                .isInstanceOfSatisfying(
                        ParseResult.Rejection.class,
                        r -> assertThat(r.code()).isEqualTo(RejectionCode.UNSUPPORTED_MEDIA_TYPE));
        assertThat(cancelled)
                .isInstanceOfSatisfying(
                        ParseResult.Rejection.class, r -> assertThat(r.code()).isEqualTo(RejectionCode.INVALID_FIELD));
    }
}
