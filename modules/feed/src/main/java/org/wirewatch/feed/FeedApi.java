package org.wirewatch.feed;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wirewatch.common.Regions;
import org.wirewatch.common.json.AvroJson;
import org.wirewatch.common.query.TallyEndpoints;
import org.wirewatch.common.query.TallyQueries;
import org.wirewatch.schema.Alert;
import org.wirewatch.schema.CasualtyTally;
import org.wirewatch.schema.Claim;
import org.wirewatch.schema.EventType;
import org.wirewatch.schema.EvidenceSpan;
import org.wirewatch.schema.Incident;
import org.wirewatch.schema.RegionLevel;
import org.wirewatch.schema.TallyWindow;

/**
 * The REST side of the feed: incidents with their claims, tallies, regions and alerts, as plain JSON.
 *
 * <p>List responses carry {@code position}: the feed position the list reflects. A client that opens
 * {@code /v1/stream?lastEventId=<position>} right after gets every change since the list, none twice.
 *
 * <p>Tallies come from the Streams stores through {@link TallyQueries} when the pipeline wires them in (field
 * {@code source: "streams-store"}; with several instances the stores route a region to the instance owning it),
 * otherwise, or while the stores are unavailable (a rebalance), from this instance's view of the tallies topic
 * ({@code source: "tallies-topic"}), which holds every partition of the topic. Until that view has caught up with
 * the topic, such a question is answered 503 with {@code Retry-After} rather than with a partial answer.
 *
 * <p>A question another instance forwards here carries {@value TallyEndpoints#FORWARDED_HEADER} (set by the stores' router);
 * it is answered from this instance's own stores only ({@code peerStores}), never forwarded again and never from
 * the topic view, and 503 with {@code Retry-After} when they cannot answer (the region moved in a rebalance), so
 * the asking instance decides what to do.
 */
final class FeedApi {

    private static final Logger LOG = LoggerFactory.getLogger(FeedApi.class);
    static final String SOURCE_STORE = "streams-store";
    static final String SOURCE_TOPIC = "tallies-topic";
    /** Seconds a client should wait before asking again when the tallies are unavailable. */
    static final String RETRY_AFTER_SECONDS = "1";

    private final ObjectMapper mapper = new ObjectMapper();
    private final FeedState state;
    private final FeedView view;
    private final TallyQueries stores;
    private final TallyQueries peerStores;
    private final BooleanSupplier viewComplete;
    private final FeedMetrics metrics;
    private final int pageMax;
    // Each distinct problem is logged once: during start-up and rebalances every request would otherwise repeat it.
    private volatile String lastStoreProblem;

    /**
     * @param stores       routed tally queries (any region, any instance), or null to answer from the topic view
     * @param peerStores   this instance's own stores, for questions other instances forward; null if it has none
     * @param viewComplete whether the topic view has caught up with the tallies topic (the fallback is complete)
     */
    FeedApi(
            final FeedState state,
            final TallyQueries stores,
            final TallyQueries peerStores,
            final BooleanSupplier viewComplete,
            final FeedMetrics metrics,
            final int pageMax) {
        this.state = state;
        this.view = state.view();
        this.stores = stores;
        this.peerStores = peerStores;
        this.viewComplete = viewComplete;
        this.metrics = metrics;
        this.pageMax = pageMax;
    }

    void incidents(final Context ctx) {
        final IncidentQuery q = new IncidentQuery(
                code(ctx, "country", 2),
                region(ctx),
                date(ctx, "since"),
                date(ctx, "until"),
                intParam(ctx, "minKilled", null, 0, Integer.MAX_VALUE),
                eventTypes(ctx));
        final int limit = intParam(ctx, "limit", 50, 1, pageMax);
        final int offset = intParam(ctx, "offset", 0, 0, Integer.MAX_VALUE);
        final ObjectNode out = mapper.createObjectNode();
        synchronized (view) {
            final List<Incident> all = view.incidents(q);
            out.put("position", state.head().encode());
            out.put("total", all.size());
            out.put("offset", offset);
            out.put("limit", limit);
            if (offset + limit < all.size()) {
                out.put("nextOffset", offset + limit);
            } else {
                out.putNull("nextOffset");
            }
            final ArrayNode items = out.putArray("items");
            for (int i = offset; i < Math.min(all.size(), offset + limit); i++) {
                items.add(incidentWithClaims(all.get(i)));
            }
        }
        json(ctx, out);
    }

    void incident(final Context ctx) {
        final String id = ctx.pathParam("id");
        final ObjectNode out = mapper.createObjectNode();
        synchronized (view) {
            final Optional<Incident> incident = view.incident(id);
            if (incident.isEmpty()) {
                error(ctx, HttpStatus.NOT_FOUND, "no incident '" + id + "'");
                return;
            }
            final List<Claim> claims = view.claimsOf(id);
            out.put("position", state.head().encode());
            out.set("incident", AvroJson.toJsonNode(incident.get()));
            // Which rules made it (also inside the incident and each claim), and when a reprocess last changed it.
            out.put("extractorVersion", incident.get().getExtractorVersion());
            out.put(
                    "reprocessedAt",
                    view.reprocessedAt(id).map(java.time.Instant::toString).orElse(null));
            out.set("claims", claimsNode(claims));
            // Every sentence behind a number, once, in text order: the incident's and each claim's evidence.
            final ArrayNode evidence = out.putArray("evidence");
            final Set<String> seen = new LinkedHashSet<>();
            final List<EvidenceSpan> spans = new ArrayList<>(incident.get().getEvidence());
            claims.forEach(c -> spans.addAll(c.getEvidence()));
            spans.sort((a, b) -> Integer.compare(a.getStart(), b.getStart()));
            for (final EvidenceSpan s : spans) {
                if (seen.add(s.getText())) {
                    evidence.add(AvroJson.toJsonNode(s));
                }
            }
        }
        json(ctx, out);
    }

    void tallies(final Context ctx) {
        final String region = region(ctx);
        if (region == null) {
            error(ctx, HttpStatus.BAD_REQUEST, "region is required, e.g. region=SY-DY");
            return;
        }
        final TallyWindow window = window(ctx);
        final LocalDate date = date(ctx, "date");
        final LocalDate to =
                date != null ? date : Optional.ofNullable(date(ctx, "to")).orElseGet(this::asOf);
        final LocalDate from =
                date != null ? date : Optional.ofNullable(date(ctx, "from")).orElse(to.minusDays(89));
        if (from.isAfter(to)) {
            error(ctx, HttpStatus.BAD_REQUEST, "from must not be after to");
            return;
        }
        final ObjectNode out = mapper.createObjectNode();
        final Sourced<List<CasualtyTally>> result = forwarded(ctx)
                ? peer(s -> s.tallies(region, window, from, to))
                : query(s -> s.tallies(region, window, from, to));
        out.put("source", result.source());
        out.put("region", region);
        out.put("regionName", view.regionName(region));
        out.put("window", window.name());
        out.put("from", from.toString());
        out.put("to", to.toString());
        final ArrayNode items = out.putArray(TallyEndpoints.TALLIES_FIELD);
        result.value().forEach(t -> items.add(AvroJson.toJsonNode(t)));
        json(ctx, out);
    }

    /** The region codes that have a tally: all of them, or this instance's own on a forwarded question. */
    void tallyRegions(final Context ctx) {
        final Sourced<List<String>> result =
                forwarded(ctx) ? peer(TallyQueries::regions) : query(TallyQueries::regions);
        final ObjectNode out = mapper.createObjectNode();
        out.put("source", result.source());
        final ArrayNode items = out.putArray(TallyEndpoints.REGIONS_FIELD);
        result.value().forEach(items::add);
        json(ctx, out);
    }

    void regions(final Context ctx) {
        final LocalDate asOf = Optional.ofNullable(date(ctx, "asOf")).orElseGet(this::asOf);
        final int days = intParam(ctx, "days", 30, 1, 366);
        final String only = region(ctx);
        final ObjectNode out = mapper.createObjectNode();
        out.put("asOf", asOf.toString());
        final Set<String> codes = new java.util.TreeSet<>(view.knownRegions());
        final Sourced<List<String>> storeRegions = query(TallyQueries::regions);
        codes.addAll(storeRegions.value());
        String source = storeRegions.source();
        final ArrayNode items = mapper.createArrayNode();
        for (final String code : codes) {
            if (only != null
                    && !(code.equals(only)
                            || (Regions.level(only) == RegionLevel.COUNTRY
                                    && Regions.countryOf(code).equals(only)))) {
                continue;
            }
            final ObjectNode r = items.addObject();
            r.put("regionCode", code);
            r.put("regionLevel", Regions.level(code).name());
            r.put("regionName", view.regionName(code));
            DeskNames.of(code).ifPresent(n -> r.put("deskName", n));
            r.put("countryCode", Regions.countryOf(code));
            r.put(
                    "incidents",
                    view.incidents(new IncidentQuery(null, code, null, null, null))
                            .size());
            final ObjectNode windows = r.putObject("tallies");
            for (final TallyWindow w : TallyWindow.values()) {
                final Sourced<Optional<CasualtyTally>> t = query(s -> s.tally(code, w, asOf));
                source = worst(source, t.source());
                if (t.value().isPresent()) {
                    windows.set(w.name(), AvroJson.toJsonNode(t.value().get()));
                } else {
                    windows.putNull(w.name());
                }
            }
            final Sourced<List<CasualtyTally>> daily =
                    query(s -> s.tallies(code, TallyWindow.P1D, asOf.minusDays(days - 1L), asOf));
            source = worst(source, daily.source());
            final ArrayNode series = r.putArray("daily");
            int k = 0;
            final List<CasualtyTally> ds = daily.value();
            for (LocalDate d = asOf.minusDays(days - 1L); !d.isAfter(asOf); d = d.plusDays(1)) {
                while (k < ds.size() && ds.get(k).getWindowEnd().isBefore(d)) {
                    k++;
                }
                final CasualtyTally t =
                        k < ds.size() && ds.get(k).getWindowEnd().equals(d) ? ds.get(k) : null;
                final ObjectNode day = series.addObject();
                day.put("date", d.toString());
                day.put("incidents", t == null ? 0 : t.getIncidents());
                final Integer best = t == null ? Integer.valueOf(0) : Incidents.best(t.getKilled());
                day.put("killed", best == null ? 0 : best);
            }
        }
        out.put("source", source);
        out.set("regions", items);
        json(ctx, out);
    }

    void alerts(final Context ctx) {
        final int limit = intParam(ctx, "limit", 20, 1, pageMax);
        final ObjectNode out = mapper.createObjectNode();
        synchronized (view) {
            out.put("position", state.head().encode());
            final ArrayNode items = out.putArray("items");
            for (final Alert a : view.alerts(limit)) {
                items.add(AvroJson.toJsonNode(a));
            }
        }
        json(ctx, out);
    }

    /** The dashboard's day of reference: today, or the latest event day when all data is older (a replay). */
    LocalDate asOf() {
        final LocalDate today = LocalDate.now(ZoneOffset.UTC);
        return view.latestEventDate().filter(d -> !d.isAfter(today)).orElse(today);
    }

    ObjectNode incidentWithClaims(final Incident i) {
        final ObjectNode n = AvroJson.toJsonNode(i);
        n.set("claims", claimsNode(view.claimsOf(i.getIncidentId())));
        return n;
    }

    private ArrayNode claimsNode(final List<Claim> claims) {
        final ArrayNode arr = mapper.createArrayNode();
        claims.forEach(c -> arr.add(AvroJson.toJsonNode(c)));
        return arr;
    }

    private record Sourced<T>(String source, T value) {}

    @FunctionalInterface
    private interface Query<T> {
        T apply(TallyQueries q);
    }

    private <T> Sourced<T> query(final Query<T> q) {
        if (stores != null) {
            try {
                final T value = q.apply(stores);
                metrics.tallyAnswered("store");
                return new Sourced<>(SOURCE_STORE, value);
            } catch (final RuntimeException e) {
                // Stores are unavailable during a rebalance or before Streams runs; the topic view is the honest
                // fallback.
                final String problem = e.toString();
                if (!problem.equals(lastStoreProblem)) {
                    lastStoreProblem = problem;
                    LOG.info("Tally stores unavailable, answering from the tallies topic until they are: {}", problem);
                }
            }
        }
        if (!viewComplete.getAsBoolean()) {
            metrics.tallyAnswered("unavailable");
            throw new Unavailable("tallies are not available yet: the feed is still reading the tallies topic");
        }
        metrics.tallyAnswered("topic");
        return new Sourced<>(SOURCE_TOPIC, q.apply(view));
    }

    /** A question another instance forwarded: this instance's own stores or 503, never the topic view. */
    private <T> Sourced<T> peer(final Query<T> q) {
        if (peerStores == null) {
            metrics.tallyAnswered("unavailable");
            throw new Unavailable("this instance runs no tally stores");
        }
        try {
            final T value = q.apply(peerStores);
            metrics.tallyAnswered("peer");
            return new Sourced<>(SOURCE_STORE, value);
        } catch (final RuntimeException e) {
            metrics.tallyAnswered("unavailable");
            throw new Unavailable("tally stores unavailable here (starting or rebalancing): " + e.getMessage());
        }
    }

    private static boolean forwarded(final Context ctx) {
        final String by = ctx.header(TallyEndpoints.FORWARDED_HEADER);
        return by != null && !by.isBlank();
    }

    /** The topic view if any part of an answer came from it. */
    private static String worst(final String a, final String b) {
        return SOURCE_TOPIC.equals(a) || SOURCE_TOPIC.equals(b) ? SOURCE_TOPIC : b;
    }

    private void json(final Context ctx, final ObjectNode body) {
        ctx.contentType("application/json").result(body.toString());
    }

    static void error(final Context ctx, final HttpStatus status, final String message) {
        final ObjectNode n = new ObjectMapper().createObjectNode();
        n.put("error", message);
        ctx.status(status).contentType("application/json").result(n.toString());
    }

    private static String region(final Context ctx) {
        final String r = ctx.queryParam("region");
        if (r == null || r.isBlank()) {
            return null;
        }
        final String s = r.trim().toUpperCase(Locale.ROOT);
        if (!Regions.isCode(s)) {
            throw new BadRequest("region: '" + r + "' is not an ISO 3166-1 or 3166-2 code");
        }
        return s;
    }

    private static String code(final Context ctx, final String name, final int length) {
        final String r = ctx.queryParam(name);
        if (r == null || r.isBlank()) {
            return null;
        }
        final String s = r.trim().toUpperCase(Locale.ROOT);
        if (s.length() != length || !s.chars().allMatch(Character::isLetter)) {
            throw new BadRequest(name + ": '" + r + "' is not an ISO 3166-1 alpha-2 code");
        }
        return s;
    }

    private static TallyWindow window(final Context ctx) {
        final String w = ctx.queryParam("window");
        if (w == null || w.isBlank()) {
            return TallyWindow.P7D;
        }
        try {
            return TallyWindow.valueOf(w.trim().toUpperCase(Locale.ROOT));
        } catch (final IllegalArgumentException e) {
            throw new BadRequest("window: '" + w + "' is not one of P1D, P7D, P30D");
        }
    }

    /** {@code eventType=BATTLES,RIOTS}: any of the listed ACLED event types. */
    private static Set<EventType> eventTypes(final Context ctx) {
        final String v = ctx.queryParam("eventType");
        if (v == null || v.isBlank()) {
            return null;
        }
        final Set<EventType> out = java.util.EnumSet.noneOf(EventType.class);
        for (final String part : v.split(",")) {
            try {
                out.add(EventType.valueOf(part.trim().toUpperCase(Locale.ROOT)));
            } catch (final IllegalArgumentException e) {
                throw new BadRequest("eventType: '" + part.trim() + "' is not one of "
                        + java.util.Arrays.toString(EventType.values()));
            }
        }
        return out;
    }

    private static LocalDate date(final Context ctx, final String name) {
        final String d = ctx.queryParam(name);
        if (d == null || d.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(d.trim());
        } catch (final DateTimeParseException e) {
            throw new BadRequest(name + ": '" + d + "' is not a date (YYYY-MM-DD)");
        }
    }

    private static Integer intParam(
            final Context ctx, final String name, final Integer def, final int min, final int max) {
        final String v = ctx.queryParam(name);
        if (v == null || v.isBlank()) {
            return def;
        }
        try {
            final int i = Integer.parseInt(v.trim());
            if (i < min || i > max) {
                throw new BadRequest(name + ": must be between " + min + " and " + max);
            }
            return i;
        } catch (final NumberFormatException e) {
            throw new BadRequest(name + ": '" + v + "' is not an integer");
        }
    }

    /** Answered 503 with {@code Retry-After}: the tallies cannot be answered right now, but will be shortly. */
    static final class Unavailable extends RuntimeException {
        Unavailable(final String message) {
            super(message);
        }
    }

    static void unavailable(final Context ctx, final Unavailable e) {
        ctx.header(io.javalin.http.Header.RETRY_AFTER, RETRY_AFTER_SECONDS);
        error(ctx, HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
    }

    /** A malformed request parameter; answered with 400 and the message. */
    static final class BadRequest extends RuntimeException {
        BadRequest(final String message) {
            super(message);
        }
    }
}
