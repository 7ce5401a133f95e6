package org.wirewatch.formats;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.wirewatch.schema.ReportFormat;

class BadInputTest {

    private final ReportParser parser = new ReportParser();

    private static ParseResult.Rejection rejection(ParseResult result) {
        assertThat(result).isInstanceOf(ParseResult.Rejection.class);
        return (ParseResult.Rejection) result;
    }

    @Test
    void shouldRejectExternalEntityWithoutResolvingIt() {
        // when
        ParseResult.Rejection r = rejection(parser.parse(Samples.bytes("bad/xxe.xml"), "xxe.xml"));

        // then
        assertThat(r.code()).isEqualTo(RejectionCode.FORBIDDEN_XML);
        assertThat(r.reason()).contains("DOCTYPE").doesNotContain("root:");
    }

    @Test
    void shouldRejectEntityExpansionBombWithoutExpandingIt() {
        // when
        ParseResult.Rejection r = rejection(parser.parse(Samples.bytes("bad/billion-laughs.xml"), "lol.xml"));

        // then
        assertThat(r.code()).isEqualTo(RejectionCode.FORBIDDEN_XML);
    }

    @Test
    void shouldRejectExternalDtdInAFeedWithoutFetchingIt() {
        // when
        ParseResult.Rejection pushed = rejection(parser.parse(Samples.bytes("bad/xxe-rss.xml"), "f.xml"));
        FeedParse polled = parser.parseFeed(Samples.bytes("bad/xxe-rss.xml"), "https://x/feed");

        // then
        assertThat(pushed.code()).isEqualTo(RejectionCode.FORBIDDEN_XML);
        assertThat(polled.rejection())
                .hasValueSatisfying(r -> assertThat(r.code()).isEqualTo(RejectionCode.FORBIDDEN_XML));
    }

    @Test
    void shouldRejectMalformedJsonWithItsPosition() {
        // when
        ParseResult.Rejection r = rejection(parser.parse(Samples.bytes("bad/malformed.json"), "m.json"));

        // then
        assertThat(r.code()).isEqualTo(RejectionCode.MALFORMED);
        assertThat(r.reason()).startsWith("malformed JSON at line 1, column").doesNotContain("Source");
        assertThat(r.format()).contains(ReportFormat.NINJS);
    }

    @Test
    void shouldRejectTruncatedJsonWithoutParserInternals() {
        // when
        ParseResult.Rejection r = rejection(parser.parse(Samples.utf8("{\"uri\":\"x\""), "x.json"));

        // then
        assertThat(r.reason())
                .isEqualTo("malformed JSON at line 1, column 11: Unexpected end-of-input: "
                        + "expected close marker for Object");
    }

    @Test
    void shouldRejectMalformedXmlWithItsPosition() {
        // when
        ParseResult.Rejection r = rejection(parser.parse(Samples.bytes("bad/malformed.xml"), "m.xml"));

        // then
        assertThat(r.code()).isEqualTo(RejectionCode.MALFORMED);
        assertThat(r.reason()).startsWith("malformed XML at line 1, column");
    }

    @Test
    void shouldRejectInvalidUtf8NamingTheOffset() {
        // given: a lone continuation byte after five valid ones
        byte[] bytes = {'H', 'e', 'a', 'd', '\n', (byte) 0x80, 'b', 'o', 'd', 'y'};

        // when
        ParseResult.Rejection r = rejection(parser.parse(bytes, "x.txt"));

        // then
        assertThat(r.code()).isEqualTo(RejectionCode.INVALID_ENCODING);
        assertThat(r.reason()).isEqualTo("invalid UTF-8 byte sequence at byte offset 5");
    }

    @Test
    void shouldDecodeUtf16AndUtf32XmlWithoutAByteOrderMarkWhateverTheDeclarationCallsIt() {
        // given: XML 1.0 appendix F tells these from their first bytes; "u16" is no charset name Java knows
        String xml = "<?xml version=\"1.0\" encoding=\"u16\"?><rss version=\"2.0\"><channel><title>t</title>"
                + "</channel></rss>";

        // when
        ParseResult.Rejection utf16 = rejection(parser.parse(xml.getBytes(StandardCharsets.UTF_16BE), "a.xml"));
        ParseResult.Rejection utf32 =
                rejection(parser.parse(xml.getBytes(java.nio.charset.Charset.forName("UTF-32LE")), "b.xml"));

        // then: decoded, and found empty
        assertThat(utf16.code()).isEqualTo(RejectionCode.NO_ITEM);
        assertThat(utf32.code()).isEqualTo(RejectionCode.NO_ITEM);
    }

    @Test
    void shouldRejectAControlCharacterOtherThanNulAsMalformed() {
        // when
        ParseResult.Rejection r =
                rejection(parser.parse(Samples.utf8("<rss><channel><title>a\bb</title></channel></rss>"), "x.xml"));

        // then
        assertThat(r.code()).isEqualTo(RejectionCode.MALFORMED);
        assertThat(r.reason()).isEqualTo("control character U+0008 at character offset 22 is not allowed in text");
    }

    @Test
    void shouldRejectUnknownDeclaredCharset() {
        // when
        ParseResult.Rejection r =
                rejection(parser.parse(Samples.utf8("Head\nBody"), "x", Optional.of("text/plain; charset=x-klingon")));

        // then
        assertThat(r.code()).isEqualTo(RejectionCode.UNKNOWN_ENCODING);
        assertThat(r.reason()).isEqualTo("unknown character encoding 'x-klingon' (declared charset)");
    }

    @Test
    void shouldRejectUnknownEncodingInTheXmlDeclaration() {
        // when
        ParseResult.Rejection r = rejection(
                parser.parse(Samples.utf8("<?xml version=\"1.0\" encoding=\"ebcdic-klingon\"?><rss/>"), "x.xml"));

        // then
        assertThat(r.code()).isEqualTo(RejectionCode.UNKNOWN_ENCODING);
    }

    @Test
    void shouldAcceptUtf16WithByteOrderMarkAndLatin1WhenDeclared() {
        // given
        String story = "Ümit's headline\n\nBody from Diyarbakır — with a dash.";
        byte[] utf16 = ("\uFEFF" + story).getBytes(StandardCharsets.UTF_16LE);
        byte[] latin1 = "Caf\u00e9 headline\n\nBody.".getBytes(StandardCharsets.ISO_8859_1);

        // when
        ParseResult fromUtf16 = parser.parse(utf16, "x.txt");
        ParseResult fromLatin1 = parser.parse(latin1, "x", Optional.of("text/plain; charset=ISO-8859-1"));

        // then
        assertThat(fromUtf16.reports().get(0).getHeadline()).isEqualTo("Ümit's headline");
        assertThat(fromUtf16.reports().get(0).getBody()).isEqualTo("Body from Diyarbakır — with a dash.");
        assertThat(fromLatin1.reports().get(0).getHeadline()).isEqualTo("Café headline");
    }

    @Test
    void shouldRejectOversizedInputBeforeReadingIt() {
        // given
        ReportParser small = new ReportParser(100);

        // when
        ParseResult.Rejection r = rejection(small.parse(new byte[101], "big.json"));

        // then
        assertThat(r.code()).isEqualTo(RejectionCode.TOO_LARGE);
        assertThat(r.reason()).isEqualTo("input of 101 bytes exceeds the limit of 100 bytes");
    }

    @Test
    void shouldRejectBinaryGarbage() {
        // given: deterministic noise, which has NUL bytes or invalid UTF-8 somewhere
        byte[] noise = new byte[4096];
        new Random(42).nextBytes(noise);

        // when
        ParseResult.Rejection r = rejection(parser.parse(noise, "noise.bin"));

        // then
        assertThat(r.code()).isIn(RejectionCode.BINARY, RejectionCode.INVALID_ENCODING);
    }

    @Test
    void shouldRejectValidUtf8WithControlCharactersAsBinary() {
        // when
        ParseResult.Rejection r = rejection(parser.parse(Samples.utf8("Head\n\u0000\u0001body"), "x.txt"));

        // then
        assertThat(r.code()).isEqualTo(RejectionCode.BINARY);
        assertThat(r.reason()).isEqualTo("binary content: control character U+0000 at character offset 5");
    }

    @Test
    void shouldRejectEmptyAndBlankInput() {
        assertThat(rejection(parser.parse(new byte[0], "x")).code()).isEqualTo(RejectionCode.EMPTY);
        assertThat(rejection(parser.parse(Samples.utf8(" \n\t\n"), "x")).code()).isEqualTo(RejectionCode.EMPTY);
    }

    @Test
    void shouldRejectUnsupportedContentTypeListingTheSupportedOnes() {
        // when
        ParseResult.Rejection r =
                rejection(parser.parse(Samples.utf8("%PDF-1.4"), "x", Optional.of("application/pdf")));

        // then
        assertThat(r.code()).isEqualTo(RejectionCode.UNSUPPORTED_MEDIA_TYPE);
        assertThat(r.reason())
                .startsWith("unsupported content type 'application/pdf'; supported: application/atom+xml");
    }

    @Test
    void shouldRejectAnHtmlPage() {
        // when
        ParseResult.Rejection r = rejection(parser.parse(Samples.bytes("bad/page.html"), "page.html"));

        // then
        assertThat(r.code()).isEqualTo(RejectionCode.UNSUPPORTED_MEDIA_TYPE);
        assertThat(r.reason()).isEqualTo("an HTML page is not a wire report");
    }

    @Test
    void shouldRejectDeeplyNestedJsonAndXml() {
        // given
        byte[] json = Samples.utf8("{\"a\":".repeat(5000) + "1" + "}".repeat(5000));
        byte[] xml = Samples.utf8("<a>".repeat(5000) + "</a>".repeat(5000));

        // when
        ParseResult.Rejection fromJson = rejection(parser.parse(json, "deep.json"));
        ParseResult.Rejection fromXml = rejection(parser.parse(xml, "deep.xml"));

        // then
        assertThat(fromJson.code()).isEqualTo(RejectionCode.MALFORMED);
        assertThat(fromXml.code()).isEqualTo(RejectionCode.MALFORMED);
    }
}
