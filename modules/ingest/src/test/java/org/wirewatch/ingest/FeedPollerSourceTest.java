package org.wirewatch.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wirewatch.schema.RejectedReport;
import org.wirewatch.schema.WireReport;

class FeedPollerSourceTest {

    @TempDir
    Path state;

    private HttpServer server;
    private volatile String feed;
    private volatile int status = 200;
    private final List<String> conditionalHeaders = new CopyOnWriteArrayList<>();
    private final TestProducers producers = new TestProducers(true);

    private static String rss(String... guids) {
        StringBuilder items = new StringBuilder();
        for (String guid : guids) {
            items.append("<item><title>Story ")
                    .append(guid)
                    .append("</title><guid>")
                    .append(guid)
                    .append("</guid><description>Body of ")
                    .append(guid)
                    .append(".</description></item>");
        }
        return "<rss version=\"2.0\"><channel><title>Test feed</title>" + items + "</channel></rss>";
    }

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/rss", exchange -> {
            String etag = "\"" + Integer.toHexString(feed.hashCode()) + "\"";
            String ifNoneMatch = exchange.getRequestHeaders().getFirst("If-None-Match");
            conditionalHeaders.add(String.valueOf(ifNoneMatch));
            if (status != 200) {
                exchange.sendResponseHeaders(status, -1);
            } else if (etag.equals(ifNoneMatch)) {
                exchange.sendResponseHeaders(304, -1);
            } else {
                byte[] body = feed.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("ETag", etag);
                exchange.getResponseHeaders().add("Content-Type", "application/rss+xml");
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    private FeedPollerSource poller() throws IOException {
        URI url = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/rss");
        return new FeedPollerSource(
                List.of(url),
                state,
                producers.ingestor(1 << 20),
                Duration.ofSeconds(30),
                Duration.ofMinutes(8),
                1 << 20);
    }

    @Test
    void shouldPublishEveryEntryOnceAndSkipThemOnTheNextPoll() throws IOException {
        // given
        feed = rss("a", "b");
        FeedPollerSource poller = poller();
        FeedPollerSource.Feed f = poller.feeds().get(0);

        // when
        boolean first = poller.poll(f);
        boolean second = poller.poll(f);

        // then
        assertThat(first).isTrue();
        assertThat(second).isTrue();
        assertThat(producers.sentReports()).extracting(WireReport::getUri).containsExactly("a", "b");
        assertThat(producers.sentReports().get(0).getSource()).startsWith("feed:http://127.0.0.1:");
        // the second poll was conditional and answered 304
        assertThat(conditionalHeaders).hasSize(2);
        assertThat(conditionalHeaders.get(0)).isEqualTo("null");
        assertThat(conditionalHeaders.get(1)).startsWith("\"");
        poller.close();
    }

    @Test
    void shouldPublishOnlyNewEntriesWhenTheFeedChanges() throws IOException {
        // given
        feed = rss("a", "b");
        FeedPollerSource poller = poller();
        poller.poll(poller.feeds().get(0));

        // when
        feed = rss("c", "a", "b");
        poller.poll(poller.feeds().get(0));

        // then
        assertThat(producers.sentReports()).extracting(WireReport::getUri).containsExactly("a", "b", "c");
        poller.close();
    }

    @Test
    void shouldRememberSeenEntriesAcrossRestarts() throws IOException {
        // given
        feed = rss("a", "b");
        FeedPollerSource first = poller();
        first.poll(first.feeds().get(0));
        first.close();

        // when: a new poller (no ETag in memory) reads the same feed
        FeedPollerSource second = poller();
        second.poll(second.feeds().get(0));

        // then
        assertThat(producers.sentReports()).hasSize(2);
        second.close();
    }

    @Test
    void shouldPublishABadEntryAsARejectionAndTheGoodOnesAsReports() throws IOException {
        // given: the second item has no title
        feed = rss("a").replace(
                        "</channel>", "<item><guid>no-title</guid><description>x</description></item></channel>");
        FeedPollerSource poller = poller();

        // when
        poller.poll(poller.feeds().get(0));

        // then
        assertThat(producers.sentReports()).extracting(WireReport::getUri).containsExactly("a");
        assertThat(producers.sentRejections()).singleElement().satisfies(r -> {
            assertThat(r.getSourceId()).endsWith("/rss#no-title");
            assertThat(r.getReason()).isEqualTo("entry 2: no headline");
            assertThat(r.getSource()).isEqualTo("feed");
        });
        poller.close();
    }

    @Test
    void shouldRejectAnUnreadableFeedOnceAndCountItAsAFailure() throws IOException {
        // given
        feed = "<rss><channel><item>";
        FeedPollerSource poller = poller();
        FeedPollerSource.Feed f = poller.feeds().get(0);

        // when
        boolean first = poller.poll(f);
        boolean second = poller.poll(f);

        // then
        assertThat(first).isFalse();
        assertThat(second).isFalse();
        assertThat(producers.sentRejections())
                .extracting(RejectedReport::getReason)
                .singleElement()
                .asString()
                .startsWith("malformed XML");
        poller.close();
    }

    @Test
    void shouldFailThePollOnAnHttpError() throws IOException {
        // given
        feed = rss("a");
        status = 503;
        FeedPollerSource poller = poller();

        // when
        boolean ok = poller.poll(poller.feeds().get(0));

        // then
        assertThat(ok).isFalse();
        assertThat(producers.mock.history()).isEmpty();
        poller.close();
    }

    @Test
    void shouldDoubleTheWaitAfterEachFailureUpToTheMaximum() throws IOException {
        // given
        FeedPollerSource poller = poller();

        // then: 30s interval, 8 min maximum
        assertThat(poller.delayAfter(0)).isEqualTo(Duration.ofSeconds(30));
        assertThat(poller.delayAfter(1)).isEqualTo(Duration.ofMinutes(1));
        assertThat(poller.delayAfter(3)).isEqualTo(Duration.ofMinutes(4));
        assertThat(poller.delayAfter(4)).isEqualTo(Duration.ofMinutes(8));
        assertThat(poller.delayAfter(50)).isEqualTo(Duration.ofMinutes(8));
        poller.close();
    }
}
