package org.wirewatch.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wirewatch.formats.Excerpts;
import org.wirewatch.formats.MediaTypes;
import org.wirewatch.formats.ParseResult;
import org.wirewatch.formats.RejectionCode;

/**
 * {@code POST /v1/reports}: agencies push one report (or a NewsML-G2 newsMessage, or a feed document) per request.
 *
 * <p>The {@code Content-Type} picks the parser ({@link MediaTypes#SUPPORTED}). The caller must send
 * {@code Authorization: Bearer <token>}; the token is compared in constant time. Answers, each once the broker
 * has acknowledged what the request produced:
 * <ul>
 *   <li>202 {@code {"requestId", "format", "stories": [{"uri", "version"}]}}: on the raw topic; when some items
 *   of a feed or newsMessage were unusable, also {@code "rejected": [{"id", "error", "reason"}]}, each on the
 *   rejected topic with its own reason;</li>
 *   <li>400 (unreadable), 413 (too large), 415 (content type missing or not supported), with
 *   {@code {"requestId", "error", "reason"}}: on the rejected topic with that reason;</li>
 *   <li>401: no or wrong token; not published, since unauthenticated bytes are nobody's report;</li>
 *   <li>503: the broker did not acknowledge; nothing is promised, the caller should retry.</li>
 * </ul>
 *
 * <p>The route can be {@link #mount mounted} on an existing Javalin server (under {@code run} it shares the feed's
 * port) or served by its own server ({@link #start(int)}).
 */
public final class HttpPushSource implements AutoCloseable {

    /** The push endpoint's path. */
    public static final String PATH = "/v1/reports";

    private static final Logger LOG = LoggerFactory.getLogger(HttpPushSource.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SOURCE = "http";

    private final ReportIngestor ingestor;
    private final byte[] tokenDigest;
    private final int maxBytes;
    private volatile Javalin ownServer;
    private volatile boolean closed;

    public HttpPushSource(ReportIngestor ingestor, String token, int maxBytes) {
        this.ingestor = Objects.requireNonNull(ingestor, "ingestor");
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("HTTP push needs a bearer token");
        }
        this.tokenDigest = sha256(token.strip());
        this.maxBytes = maxBytes;
    }

    /** Adds {@code POST /v1/reports} to a server someone else starts and stops. */
    public void mount(Javalin app) {
        app.post(PATH, this::handle);
    }

    /** Serves the route on its own server; port 0 picks a free port. */
    public synchronized void start(int port) {
        Javalin app = Javalin.create(cfg -> {
            cfg.showJavalinBanner = false;
            cfg.useVirtualThreads = false;
        });
        mount(app);
        app.start(port);
        ownServer = app;
        LOG.info("HTTP push listening on http://localhost:{}{}", app.port(), PATH);
    }

    /** The port of the own server started by {@link #start(int)}. */
    public int port() {
        Javalin app = ownServer;
        if (app == null) {
            throw new IllegalStateException("HTTP push has no server of its own");
        }
        return app.port();
    }

    void handle(Context ctx) {
        String requestId = UUID.randomUUID().toString();
        String sourceId = "http:" + requestId;
        if (closed) {
            error(
                    ctx,
                    HttpStatus.SERVICE_UNAVAILABLE,
                    requestId,
                    "unavailable",
                    "ingest is shutting down; retry later");
            return;
        }
        if (!authorized(ctx.header("Authorization"))) {
            ctx.header("WWW-Authenticate", "Bearer realm=\"wirewatch\"");
            error(
                    ctx,
                    HttpStatus.UNAUTHORIZED,
                    requestId,
                    "unauthorized",
                    "send Authorization: Bearer <token> with the configured ingest token");
            return;
        }
        Optional<String> contentType =
                Optional.ofNullable(ctx.header("Content-Type")).filter(s -> !s.isBlank());
        long declaredLength = ctx.req().getContentLengthLong();
        if (declaredLength > maxBytes) {
            // Refused before reading: the body never reaches the heap.
            publish(
                    ctx,
                    requestId,
                    new ParseResult.Rejection(
                            RejectionCode.TOO_LARGE,
                            "body of " + declaredLength + " bytes exceeds the limit of " + maxBytes + " bytes",
                            null),
                    declaredLength,
                    new byte[0],
                    contentType);
            return;
        }
        byte[] body;
        try (InputStream in = ctx.bodyInputStream()) {
            body = in.readNBytes(maxBytes + 1);
        } catch (IOException e) {
            error(ctx, HttpStatus.BAD_REQUEST, requestId, "unreadable", "the request body could not be read: " + e);
            return;
        }
        if (body.length > maxBytes) {
            publish(
                    ctx,
                    requestId,
                    new ParseResult.Rejection(
                            RejectionCode.TOO_LARGE, "body exceeds the limit of " + maxBytes + " bytes", null),
                    body.length,
                    body,
                    contentType);
            return;
        }
        if (contentType.isEmpty() || MediaTypes.kindOf(contentType.get()).isEmpty()) {
            String reason = contentType.isEmpty()
                    ? "no Content-Type"
                    : "unsupported content type '"
                            + Excerpts.of(MediaTypes.essence(contentType.get()).getBytes(StandardCharsets.UTF_8), 100)
                            + "'";
            publish(
                    ctx,
                    requestId,
                    new ParseResult.Rejection(
                            RejectionCode.UNSUPPORTED_MEDIA_TYPE,
                            reason + "; supported: " + MediaTypes.supportedList(),
                            null),
                    body.length,
                    body,
                    contentType);
            return;
        }
        ParseResult result = ingestor.parser().parse(body, sourceId, contentType);
        publish(ctx, requestId, result, body.length, body, contentType);
    }

    private void publish(
            Context ctx, String requestId, ParseResult result, long size, byte[] raw, Optional<String> contentType) {
        String sourceId = "http:" + requestId;
        CompletableFuture<IngestOutcome> outcome =
                ingestor.publish(result, size, raw, SOURCE, sourceId, SOURCE + ":" + requestId, contentType);
        ctx.future(() -> outcome.handle((done, error) -> {
            if (error != null) {
                error(
                        ctx,
                        HttpStatus.SERVICE_UNAVAILABLE,
                        requestId,
                        "not_delivered",
                        "the report could not be stored; nothing was accepted, retry later");
            } else if (done instanceof IngestOutcome.Published published) {
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("requestId", requestId);
                body.put("format", published.format().name());
                body.put(
                        "stories",
                        published.stories().stream()
                                .map(s -> Map.of("uri", s.uri(), "version", s.version()))
                                .toList());
                if (!published.rejectedItems().isEmpty()) {
                    body.put(
                            "rejected",
                            published.rejectedItems().stream()
                                    .map(r -> Map.of(
                                            "id",
                                            r.sourceId(),
                                            "error",
                                            r.code().name().toLowerCase(java.util.Locale.ROOT),
                                            "reason",
                                            r.reason()))
                                    .toList());
                }
                json(ctx, HttpStatus.ACCEPTED, body);
            } else {
                IngestOutcome.Rejected rejected = (IngestOutcome.Rejected) done;
                error(
                        ctx,
                        statusFor(rejected.code()),
                        requestId,
                        rejected.code().name().toLowerCase(java.util.Locale.ROOT),
                        rejected.reason());
            }
            return null;
        }));
    }

    static HttpStatus statusFor(RejectionCode code) {
        return switch (code) {
            case TOO_LARGE -> HttpStatus.CONTENT_TOO_LARGE;
            case UNSUPPORTED_MEDIA_TYPE -> HttpStatus.UNSUPPORTED_MEDIA_TYPE;
            case INTERNAL_ERROR -> HttpStatus.INTERNAL_SERVER_ERROR;
            default -> HttpStatus.BAD_REQUEST;
        };
    }

    private boolean authorized(String header) {
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        // Digests have a fixed length, so the comparison time says nothing about the token, not even its length.
        return MessageDigest.isEqual(tokenDigest, sha256(header.substring(7).strip()));
    }

    private static byte[] sha256(String s) {
        return Hashes.sha256(s.getBytes(StandardCharsets.UTF_8));
    }

    private static void error(Context ctx, HttpStatus status, String requestId, String error, String reason) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("requestId", requestId);
        body.put("error", error);
        body.put("reason", reason);
        json(ctx, status, body);
    }

    private static void json(Context ctx, HttpStatus status, Map<String, Object> body) {
        try {
            ctx.status(status).contentType("application/json").result(JSON.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            // Maps of strings always serialise; keep a valid answer regardless.
            ctx.status(HttpStatus.INTERNAL_SERVER_ERROR).result("{\"error\":\"internal\"}");
        }
    }

    /** Answers 503 to every new request from now on; requests already read still get their answer. */
    public void stopAccepting() {
        closed = true;
    }

    /** Stops accepting and stops the own server, if any. */
    @Override
    public synchronized void close() {
        closed = true;
        Javalin app = ownServer;
        if (app != null) {
            app.stop();
            ownServer = null;
        }
    }
}
