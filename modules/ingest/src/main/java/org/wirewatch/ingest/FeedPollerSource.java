package org.wirewatch.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wirewatch.formats.FeedEntry;
import org.wirewatch.formats.FeedParse;
import org.wirewatch.formats.ParseResult;
import org.wirewatch.formats.RejectionCode;

/**
 * Polls RSS/Atom feeds. Each entry is one input: a new entry goes to the raw or the rejected topic and its id is
 * then remembered under the data dir, so neither the next poll nor a restart publishes it again.
 *
 * <p>Polls are conditional ({@code If-None-Match} with the last {@code ETag}, {@code If-Modified-Since} with the
 * last {@code Last-Modified}), so an unchanged feed costs a 304. After a failed poll (network, HTTP status, an
 * unreadable document, an undelivered entry) the next one waits twice as long as the last, from the poll interval
 * up to the maximum backoff; a success resets it. An unreadable document is published as a rejection once per
 * distinct content, not on every poll.
 */
public final class FeedPollerSource implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FeedPollerSource.class);
    private static final String SOURCE = "feed";
    private static final int SEEN_CAPACITY = 10_000;
    private static final Duration ACK_TIMEOUT = Duration.ofMinutes(2);

    private final List<Feed> feeds = new ArrayList<>();
    private final ReportIngestor ingestor;
    private final HttpClient http;
    private final Duration interval;
    private final Duration maxBackoff;
    private final int maxBytes;
    private final ScheduledExecutorService scheduler;
    private volatile boolean closing;

    /** Poll state of one feed; touched only by the scheduler thread. */
    final class Feed {
        final URI url;
        final SeenIds seen;
        String etag;
        String lastModified;
        int failures;
        String lastRejectedDigest;
        long polls;

        Feed(URI url, SeenIds seen) {
            this.url = url;
            this.seen = seen;
        }
    }

    /**
     * @param stateDir where the seen ids are kept, one file per feed (named by a hash of its URL)
     */
    public FeedPollerSource(
            List<URI> urls,
            Path stateDir,
            ReportIngestor ingestor,
            Duration interval,
            Duration maxBackoff,
            int maxBytes)
            throws IOException {
        this.ingestor = Objects.requireNonNull(ingestor, "ingestor");
        this.interval = interval;
        this.maxBackoff = maxBackoff;
        this.maxBytes = maxBytes;
        for (URI url : urls) {
            feeds.add(new Feed(
                    url,
                    SeenIds.load(stateDir.resolve(digest(url.toString()).substring(0, 16) + ".seen"), SEEN_CAPACITY)));
        }
        this.http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
        this.scheduler = DaemonScheduler.create("ingest-feed-poller");
    }

    /** Polls every feed now, then each on its own schedule. */
    public void start() {
        for (Feed feed : feeds) {
            scheduler.execute(() -> pollAndReschedule(feed));
        }
        LOG.info("Polling {} feed(s) every {}", feeds.size(), interval);
    }

    private void pollAndReschedule(Feed feed) {
        if (closing) {
            return;
        }
        boolean ok = poll(feed);
        feed.failures = ok ? 0 : feed.failures + 1;
        Duration delay = delayAfter(feed.failures);
        if (!ok) {
            LOG.warn("Feed {} failed {} time(s) in a row; next poll in {}", feed.url, feed.failures, delay);
        }
        try {
            scheduler.schedule(() -> pollAndReschedule(feed), delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // closed while polling
        }
    }

    /** The wait before the next poll after {@code failures} consecutive failures. */
    Duration delayAfter(int failures) {
        Duration delay = interval;
        for (int i = 0; i < failures && delay.compareTo(maxBackoff) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(maxBackoff) > 0 ? maxBackoff : delay;
    }

    /** One poll of one feed; true when it fully succeeded. */
    boolean poll(Feed feed) {
        feed.polls++;
        HttpRequest.Builder request = HttpRequest.newBuilder(feed.url)
                .timeout(Duration.ofSeconds(30))
                .header("Accept", "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.8")
                .GET();
        if (feed.etag != null) {
            request.header("If-None-Match", feed.etag);
        }
        if (feed.lastModified != null) {
            request.header("If-Modified-Since", feed.lastModified);
        }
        byte[] body;
        HttpResponse<InputStream> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = response.body()) {
                if (response.statusCode() == 304) {
                    return true;
                }
                if (response.statusCode() != 200) {
                    LOG.warn("Feed {} answered HTTP {}", feed.url, response.statusCode());
                    return false;
                }
                body = in.readNBytes(maxBytes + 1);
            }
        } catch (IOException e) {
            LOG.warn("Feed {} could not be fetched: {}", feed.url, e.toString());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        if (body.length > maxBytes) {
            return rejectDocument(
                    feed,
                    new ParseResult.Rejection(
                            RejectionCode.TOO_LARGE, "feed document exceeds the limit of " + maxBytes + " bytes", null),
                    body);
        }
        FeedParse parsed = ingestor.parser().parseFeed(body, feed.url.toString());
        if (parsed.rejection().isPresent()) {
            return rejectDocument(feed, parsed.rejection().get(), body);
        }
        boolean delivered = publishNewEntries(feed, parsed.entries());
        if (delivered) {
            feed.etag = response.headers().firstValue("ETag").orElse(null);
            feed.lastModified = response.headers().firstValue("Last-Modified").orElse(null);
        } else {
            // Refetch in full next time, so the undelivered entries are offered again.
            feed.etag = null;
            feed.lastModified = null;
        }
        return delivered;
    }

    private boolean publishNewEntries(Feed feed, List<FeedEntry> entries) {
        List<FeedEntry> fresh =
                entries.stream().filter(e -> !feed.seen.contains(e.id())).toList();
        List<CompletableFuture<IngestOutcome>> acks = new ArrayList<>();
        for (FeedEntry entry : fresh) {
            byte[] text = entry.excerpt().getBytes(StandardCharsets.UTF_8);
            acks.add(ingestor.publish(
                    entry.result(),
                    text.length,
                    text,
                    SOURCE,
                    "feed:" + feed.url + "#" + entry.id(),
                    "feed:" + feed.url,
                    Optional.of("application/rss+xml")));
        }
        boolean all = true;
        for (int i = 0; i < fresh.size(); i++) {
            try {
                acks.get(i).get(ACK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                feed.seen.add(fresh.get(i).id());
            } catch (ExecutionException | TimeoutException e) {
                all = false;
                LOG.error(
                        "Feed {} entry {} not delivered; offered again on the next poll: {}",
                        feed.url,
                        fresh.get(i).id(),
                        e.toString());
            } catch (IOException e) {
                // Delivered but not remembered: the next poll sends it again, which downstream ignores.
                LOG.warn(
                        "Feed {} entry {} delivered but the seen-id file could not be written: {}",
                        feed.url,
                        fresh.get(i).id(),
                        e.toString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        if (!fresh.isEmpty()) {
            LOG.debug("Feed {}: {} new entries of {}", feed.url, fresh.size(), entries.size());
        }
        return all;
    }

    /** Publishes an unreadable feed document once per distinct content; always a failed poll. */
    private boolean rejectDocument(Feed feed, ParseResult.Rejection rejection, byte[] body) {
        LOG.warn("Feed {} is unreadable: {}", feed.url, rejection.reason());
        String digest = digest(body);
        if (digest.equals(feed.lastRejectedDigest)) {
            return false;
        }
        try {
            ingestor.publish(
                            rejection,
                            body.length,
                            body,
                            SOURCE,
                            "feed:" + feed.url,
                            "feed:" + feed.url,
                            Optional.empty())
                    .get(ACK_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            feed.lastRejectedDigest = digest;
        } catch (ExecutionException | TimeoutException e) {
            LOG.error("Rejection of feed {} not delivered: {}", feed.url, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return false;
    }

    private static String digest(String s) {
        return digest(s.getBytes(StandardCharsets.UTF_8));
    }

    private static String digest(byte[] bytes) {
        return HexFormat.of().formatHex(Hashes.sha256(bytes));
    }

    List<Feed> feeds() {
        return feeds;
    }

    /** Stops polling; a poll under way finishes (its entries are acknowledged) before this returns. */
    @Override
    public void close() {
        closing = true;
        scheduler.shutdown();
        try {
            if (!scheduler.awaitTermination(ACK_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                scheduler.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            scheduler.shutdownNow();
        }
    }
}
