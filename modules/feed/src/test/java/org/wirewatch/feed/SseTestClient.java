package org.wirewatch.feed;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A minimal SSE reader over java.net.http: collects events until closed. */
final class SseTestClient implements AutoCloseable {

    record Event(String id, String event, String data) {}

    private final List<Event> events = new CopyOnWriteArrayList<>();
    private final List<String> comments = new CopyOnWriteArrayList<>();
    private final InputStream body;
    private final Thread reader;
    private final int status;
    private final int hangUpAfter;

    private SseTestClient(final InputStream body, final int status, final int hangUpAfter) {
        this.body = body;
        this.status = status;
        this.hangUpAfter = hangUpAfter;
        this.reader = new Thread(this::read, "sse-test-client");
        this.reader.setDaemon(true);
        this.reader.start();
    }

    static SseTestClient connect(final String url, final String lastEventId) throws Exception {
        return connect(url, lastEventId, Integer.MAX_VALUE);
    }

    /**
     * A client that hangs up by itself right after its {@code hangUpAfter}-th record, so a test knows exactly where
     * it dropped: closing from the test thread would race the feed, which may have sent the whole burst by then.
     */
    static SseTestClient connect(final String url, final String lastEventId, final int hangUpAfter) throws Exception {
        final HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).GET();
        if (lastEventId != null) {
            b.header("Last-Event-ID", lastEventId);
        }
        final HttpResponse<InputStream> res =
                HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
        return new SseTestClient(res.body(), res.statusCode(), hangUpAfter);
    }

    int status() {
        return status;
    }

    List<Event> events() {
        return List.copyOf(events);
    }

    /** Events other than the connection's hello. */
    List<Event> records() {
        return events.stream().filter(e -> !e.event().equals("hello")).toList();
    }

    List<String> comments() {
        return List.copyOf(comments);
    }

    String lastId() {
        String id = null;
        for (final Event e : events) {
            if (e.id() != null) {
                id = e.id();
            }
        }
        return id;
    }

    private void read() {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            String id = null;
            String event = "message";
            StringBuilder data = new StringBuilder();
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isEmpty()) {
                    if (data.length() > 0) {
                        events.add(new Event(id, event, data.toString()));
                        if (!event.equals("hello") && records().size() >= hangUpAfter) {
                            close();
                            return;
                        }
                    }
                    id = null;
                    event = "message";
                    data = new StringBuilder();
                } else if (line.startsWith(":")) {
                    comments.add(line.substring(1).trim());
                } else if (line.startsWith("id: ")) {
                    id = line.substring(4);
                } else if (line.startsWith("event: ")) {
                    event = line.substring(7);
                } else if (line.startsWith("data: ")) {
                    if (data.length() > 0) {
                        data.append('\n');
                    }
                    data.append(line.substring(6));
                }
            }
        } catch (final IOException e) {
            // closed by the test
        }
    }

    @Override
    public void close() {
        try {
            body.close();
        } catch (final IOException e) {
            // already gone
        }
    }
}
