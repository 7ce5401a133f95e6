package org.wirewatch.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wirewatch.schema.RejectedReport;
import org.wirewatch.schema.WireReport;

class HttpPushSourceTest {

    private static final String TOKEN = "s3cret-token-for-tests";
    private static final String NINJS =
            "{\"uri\":\"urn:push:1\",\"version\":\"2\",\"headline\":\"H\",\"body_text\":\"B\"}";
    private static final String NEWS_ITEM = "<newsItem xmlns=\"http://iptc.org/std/nar/2006-10-01/\" guid=\"urn:g2:1\""
            + " version=\"4\"><contentMeta><headline>H</headline></contentMeta>"
            + "<contentSet><inlineData contenttype=\"text/plain\">Body.</inlineData></contentSet></newsItem>";

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient client = HttpClient.newHttpClient();
    private TestProducers producers;
    private HttpPushSource source;

    @BeforeEach
    void start() {
        producers = new TestProducers(true);
        source = new HttpPushSource(producers.ingestor(4096), TOKEN, 4096);
        source.start(0);
    }

    @AfterEach
    void stop() {
        source.close();
    }

    private HttpResponse<String> post(String body, String contentType, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create("http://localhost:" + source.port() + "/v1/reports"))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void shouldAnswer202WithTheStoryUriWhenTheReportIsOnTheRawTopic() throws Exception {
        // when
        HttpResponse<String> response = post(NINJS, "application/vnd.iptc.ninjs+json", TOKEN);

        // then
        assertThat(response.statusCode()).isEqualTo(202);
        JsonNode body = json.readTree(response.body());
        assertThat(body.path("format").asText()).isEqualTo("NINJS");
        assertThat(body.path("stories").get(0).path("uri").asText()).isEqualTo("urn:push:1");
        assertThat(body.path("stories").get(0).path("version").asInt()).isEqualTo(2);
        assertThat(producers.sentReports()).extracting(WireReport::getUri).containsExactly("urn:push:1");
        assertThat(producers.sentReports().get(0).getSource())
                .isEqualTo("http:" + body.path("requestId").asText());
    }

    @Test
    void shouldAnswer202ListingTheRejectedItemWhenOneItemOfAMessageIsUnusable() throws Exception {
        // given: a newsMessage with a text item and a picture
        String message = "<newsMessage xmlns=\"http://iptc.org/std/nar/2006-10-01/\"><itemSet>"
                + NEWS_ITEM.replace(" xmlns=\"http://iptc.org/std/nar/2006-10-01/\"", "")
                + "<newsItem guid=\"urn:pic:1\" version=\"1\"><itemMeta><itemClass qcode=\"ninat:picture\"/>"
                + "</itemMeta><contentSet><remoteContent href=\"p.jpg\"/></contentSet></newsItem></itemSet></newsMessage>";

        // when
        HttpResponse<String> response = post(message, "application/vnd.iptc.g2.newsmessage+xml", TOKEN);

        // then
        assertThat(response.statusCode()).isEqualTo(202);
        JsonNode body = json.readTree(response.body());
        String requestId = body.path("requestId").asText();
        assertThat(body.path("stories")).hasSize(1);
        assertThat(body.path("rejected").get(0).path("id").asText()).isEqualTo("http:" + requestId + "#urn:pic:1");
        assertThat(body.path("rejected").get(0).path("error").asText()).isEqualTo("not_text");
        assertThat(producers.sentReports()).extracting(WireReport::getUri).containsExactly("urn:g2:1");
        assertThat(producers.sentRejections())
                .singleElement()
                .satisfies(r -> assertThat(r.getSourceId()).isEqualTo("http:" + requestId + "#urn:pic:1"));
    }

    @Test
    void shouldPickTheParserFromTheContentType() throws Exception {
        // when
        HttpResponse<String> response = post(NEWS_ITEM, "application/vnd.iptc.g2.newsitem+xml", TOKEN);

        // then
        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(producers.sentReports()).singleElement().satisfies(r -> {
            assertThat(r.getUri()).isEqualTo("urn:g2:1");
            assertThat(r.getVersion()).isEqualTo(4);
        });
    }

    @Test
    void shouldAnswer401AndPublishNothingWhenTheTokenIsWrongOrMissing() throws Exception {
        // when
        HttpResponse<String> wrong = post(NINJS, "application/json", "not-the-token-at-all");
        HttpResponse<String> missing = post(NINJS, "application/json", null);

        // then
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(missing.statusCode()).isEqualTo(401);
        assertThat(wrong.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"wirewatch\"");
        assertThat(json.readTree(wrong.body()).path("error").asText()).isEqualTo("unauthorized");
        assertThat(producers.mock.history()).isEmpty();
    }

    @Test
    void shouldAnswer400WithTheReasonAndPublishTheRejection() throws Exception {
        // when
        HttpResponse<String> response = post("{\"uri\":\"urn:x\",\"body_text\":\"B\"}", "application/json", TOKEN);

        // then
        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode body = json.readTree(response.body());
        assertThat(body.path("error").asText()).isEqualTo("missing_field");
        assertThat(body.path("reason").asText()).isEqualTo("no headline");
        assertThat(producers.sentRejections()).singleElement().satisfies(r -> {
            assertThat(r.getSourceId())
                    .isEqualTo("http:" + body.path("requestId").asText());
            assertThat(r.getContentType()).isEqualTo("application/json");
        });
        assertThat(producers.sentReports()).isEmpty();
    }

    @Test
    void shouldAnswer413AndPublishTheRejectionWhenTheBodyIsTooLarge() throws Exception {
        // when
        HttpResponse<String> response = post("x".repeat(5000), "text/plain", TOKEN);

        // then
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(json.readTree(response.body()).path("reason").asText())
                .isEqualTo("body of 5000 bytes exceeds the limit of 4096 bytes");
        assertThat(producers.sentRejections())
                .extracting(RejectedReport::getSizeBytes)
                .containsExactly(5000L);
    }

    @Test
    void shouldAnswer415WhenTheContentTypeIsMissingOrUnsupported() throws Exception {
        // when
        HttpResponse<String> unsupported = post(NINJS, "application/pdf", TOKEN);
        HttpResponse<String> missing = post(NINJS, null, TOKEN);

        // then
        assertThat(unsupported.statusCode()).isEqualTo(415);
        assertThat(json.readTree(unsupported.body()).path("reason").asText())
                .startsWith("unsupported content type 'application/pdf'; supported: application/atom+xml");
        assertThat(missing.statusCode()).isEqualTo(415);
        assertThat(producers.sentRejections()).hasSize(2);
        assertThat(producers.sentReports()).isEmpty();
    }

    @Test
    void shouldAnswer503WhenTheBrokerDoesNotAcknowledge() throws Exception {
        // given
        source.close();
        TestProducers failing = new TestProducers(false);
        source = new HttpPushSource(failing.ingestor(4096), TOKEN, 4096);
        source.start(0);
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + source.port() + "/v1/reports"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + TOKEN)
                .POST(HttpRequest.BodyPublishers.ofString(NINJS))
                .build();
        var pending = client.sendAsync(request, HttpResponse.BodyHandlers.ofString());

        // when: the broker fails the record the request produced
        await().atMost(Duration.ofSeconds(10))
                .until(() -> failing.mock.errorNext(new org.apache.kafka.common.errors.TimeoutException("down")));
        HttpResponse<String> response = pending.get(10, TimeUnit.SECONDS);

        // then
        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(json.readTree(response.body()).path("error").asText()).isEqualTo("not_delivered");
    }

    @Test
    void shouldAnswer503AfterItStoppedAccepting() throws Exception {
        // when
        source.stopAccepting();
        HttpResponse<String> response = post(NINJS, "application/json", TOKEN);

        // then
        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(producers.mock.history()).isEmpty();
    }
}
