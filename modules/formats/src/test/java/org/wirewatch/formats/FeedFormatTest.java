package org.wirewatch.formats;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.wirewatch.schema.ReportFormat;
import org.wirewatch.schema.WireReport;

class FeedFormatTest {

    private final ReportParser parser = new ReportParser();

    @Test
    void shouldReadRssItemsPreferringFullContentOverDescription() {
        // when
        ParseResult result = parser.parse(Samples.bytes("samples/rss.xml"), "feed", Optional.of("application/rss+xml"));

        // then
        assertThat(result.accepted()).isTrue();
        assertThat(result.format()).contains(ReportFormat.RSS);
        assertThat(result.reports()).hasSize(2);
        WireReport first = result.reports().get(0);
        assertThat(first.getUri()).isEqualTo("example-news-0001");
        assertThat(first.getVersion()).isEqualTo(1);
        assertThat(first.getHeadline()).isEqualTo("Shelling hits market in El Fasher");
        assertThat(first.getBody())
                .isEqualTo("EL FASHER, Sudan - Shelling hit a crowded market on Saturday, killing at "
                        + "least 15 people, medics said.\n\nThe army blamed the RSF.");
        assertThat(first.getFirstCreated()).isEqualTo(Instant.parse("2024-06-15T10:00:00Z"));
        assertThat(first.getAgency()).isEqualTo("Example News Ltd");
        assertThat(first.getLanguage()).isEqualTo("en");
        WireReport second = result.reports().get(1);
        assertThat(second.getUri()).isEqualTo("https://news.example.org/a/2");
        assertThat(second.getBody()).isEqualTo("Peace talks resumed in Juba on Saturday.");
    }

    @Test
    void shouldReadAtomEntriesWithHtmlContent() {
        // when
        ParseResult result = parser.parse(Samples.bytes("samples/atom.xml"), "atom.xml");

        // then
        assertThat(result.accepted()).isTrue();
        assertThat(result.format()).contains(ReportFormat.ATOM);
        WireReport entry = result.reports().get(0);
        assertThat(entry.getUri()).isEqualTo("urn:example:agency:2022-04-08:kramatorsk");
        assertThat(entry.getFormat()).isEqualTo(ReportFormat.ATOM);
        assertThat(entry.getHeadline()).isEqualTo("Missile strike on Kramatorsk station");
        assertThat(entry.getBody())
                .isEqualTo("KRAMATORSK, Ukraine - A missile strike on a railway station killed at "
                        + "least 50 people on Friday, officials said.\n\nThousands were waiting to leave.");
        assertThat(entry.getFirstCreated()).isEqualTo(Instant.parse("2022-04-08T09:00:00Z"));
        assertThat(entry.getVersionCreated()).isEqualTo(Instant.parse("2022-04-08T11:00:00Z"));
        assertThat(entry.getLanguage()).isNull();
    }

    @Test
    void shouldRejectOnlyTheBadEntryWhenAFeedIsPolledEntryByEntry() {
        // given: the second item loses its description and so its body
        String rss = new String(Samples.bytes("samples/rss.xml"), java.nio.charset.StandardCharsets.UTF_8)
                .replace("<description><![CDATA[Peace talks <b>resumed</b> in Juba on Saturday.]]></description>", "");

        // when
        FeedParse feed = parser.parseFeed(Samples.utf8(rss), "https://news.example.org/rss");

        // then
        assertThat(feed.rejection()).isEmpty();
        assertThat(feed.entries())
                .extracting(FeedEntry::id)
                .containsExactly("example-news-0001", "https://news.example.org/a/2");
        assertThat(feed.entries().get(0).result().accepted()).isTrue();
        assertThat(feed.entries().get(1).result())
                .isEqualTo(new ParseResult.Rejection(
                        RejectionCode.MISSING_FIELD, "entry 2: no body text", ReportFormat.RSS));
        assertThat(feed.entries().get(1).excerpt()).startsWith("Talks resume in Juba");
    }

    @Test
    void shouldAcceptTheGoodEntriesAndListTheBadOneWhenAPushedFeedHasAnEntryWithoutBody() {
        // given
        String rss = new String(Samples.bytes("samples/rss.xml"), java.nio.charset.StandardCharsets.UTF_8)
                .replace("<description><![CDATA[Peace talks <b>resumed</b> in Juba on Saturday.]]></description>", "");

        // when
        ParseResult result = parser.parse(Samples.utf8(rss), "feed.xml");

        // then
        assertThat(result).isInstanceOfSatisfying(ParseResult.Accepted.class, accepted -> {
            assertThat(accepted.reports()).extracting(WireReport::getUri).containsExactly("example-news-0001");
            assertThat(accepted.rejectedItems()).singleElement().satisfies(item -> {
                assertThat(item.id()).isEqualTo("https://news.example.org/a/2");
                assertThat(item.excerpt()).startsWith("Talks resume in Juba");
                assertThat(item.rejection())
                        .isEqualTo(new ParseResult.Rejection(
                                RejectionCode.MISSING_FIELD, "entry 2: no body text", ReportFormat.RSS));
            });
        });
    }

    @Test
    void shouldRejectTheWholeDropWithTheEntryReasonWhenNoEntryIsUsable() {
        // given
        String rss = "<rss version=\"2.0\"><channel><title>t</title><item><guid>a</guid><title>T</title></item>"
                + "</channel></rss>";

        // when
        ParseResult result = parser.parse(Samples.utf8(rss), "feed.xml");

        // then
        assertThat(result)
                .isEqualTo(new ParseResult.Rejection(
                        RejectionCode.MISSING_FIELD, "entry 1: no body text", ReportFormat.RSS));
    }

    @Test
    void shouldRejectAPolledDocumentThatIsNotAFeed() {
        // when
        FeedParse feed = parser.parseFeed(Samples.bytes("samples/newsitem.xml"), "https://x/feed");

        // then
        assertThat(feed.entries()).isEmpty();
        assertThat(feed.rejection())
                .hasValueSatisfying(r -> assertThat(r.code()).isEqualTo(RejectionCode.UNSUPPORTED_MEDIA_TYPE));
    }

    @Test
    void shouldRejectAFeedWithoutEntries() {
        // when
        ParseResult result = parser.parse(
                Samples.utf8("<rss version=\"2.0\"><channel><title>t</title></channel></rss>"), "empty.rss");

        // then
        assertThat(result)
                .isEqualTo(new ParseResult.Rejection(
                        RejectionCode.NO_ITEM, "the RSS feed has no entries", ReportFormat.RSS));
    }
}
