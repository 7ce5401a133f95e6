package org.wirewatch.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wirewatch.app.Pipeline;
import org.wirewatch.common.Topics;
import org.wirewatch.common.config.CoreConfig;
import org.wirewatch.common.config.Settings;
import org.wirewatch.feed.FeedConfig;
import org.wirewatch.schema.CasualtyFigure;
import org.wirewatch.schema.EventType;
import org.wirewatch.schema.GeoPrecision;
import org.wirewatch.schema.Incident;
import org.wirewatch.schema.IncidentGrade;
import org.wirewatch.schema.Location;
import org.wirewatch.schema.SubEventType;
import org.wirewatch.serde.AvroSerializer;
import org.wirewatch.serde.SchemaRegistryClient;
import org.wirewatch.serde.SchemaRegistryClients;
import org.wirewatch.streams.StreamsStage;
import org.wirewatch.streams.StreamsStageConfig;
import org.wirewatch.streams.StreamsStageConfig.Part;
import org.wirewatch.streams.replay.Replay;
import org.wirewatch.testkit.KafkaBroker;
import org.wirewatch.testkit.WithKafka;

/**
 * Two instances of the tally stage with their feeds, composed as {@code run} composes them (same application id,
 * own state directories, each advertising its feed as {@code wirewatch.streams.application.server}), sharing the
 * three partitions of the catalogue's incidents topic. Every region's tallies and the region list must be the same
 * from either feed and equal to what the published incidents add up to; a region the other instance owns is
 * answered through the forwarding path (seen on both instances' {@code /metrics}).
 */
@WithKafka(catalogue = true)
class TallyQueriesAcrossInstancesIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern FORWARDED =
            Pattern.compile("^wirewatch_tally_queries_forwarded_total(?:\\{[^}]*})? (\\S+)$", Pattern.MULTILINE);
    private static final Pattern PEER = Pattern.compile(
            "^wirewatch_feed_tally_queries_total\\{[^}]*answer=\"peer\"[^}]*} (\\S+)$", Pattern.MULTILINE);

    static KafkaBroker kafka;

    @TempDir
    Path dir;

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void shouldAnswerEveryRegionTheSameFromEitherInstanceWhenTwoInstancesShareTheTallyStores() throws Exception {
        final String applicationId = kafka.uniqueName("wirewatch-iq");
        final String registry = "mock://" + applicationId;
        final LocalDate today = LocalDate.now(ZoneOffset.UTC);

        // given two instances of the tally stage and feed, both running and sharing the work
        try (Pipeline a = start(applicationId, registry, "a");
                Pipeline b = start(applicationId, registry, "b")) {
            final String feedA = "http://localhost:"
                    + FeedCommand.find(a.stages(), org.wirewatch.feed.FeedStage.class)
                            .port();
            final String feedB = "http://localhost:"
                    + FeedCommand.find(b.stages(), org.wirewatch.feed.FeedStage.class)
                            .port();
            await().atMost(Duration.ofSeconds(60)).until(() -> a.ready() && b.ready() && bothHostTallyTasks(a, b));

            // when incidents of several regions are published, one updated and one withdrawn
            final Map<String, Incident> published = new LinkedHashMap<>();
            final List<Incident> sent = new ArrayList<>();
            int n = 0;
            final String[][] regions = {
                {"SY", "SY-DI", "Deir ez-Zor"},
                {"SY", "SY-HL", "Aleppo"},
                {"AF", "AF-LAG", "Laghman"},
                {"PK", "PK-BA", "Balochistan"},
                {"NG", "NG-BO", "Borno"},
                {"SO", "SO-SH", "Lower Shabelle"},
                {"UA", "UA-63", "Kharkiv"},
                {"YE", "YE-SD", "Saada"},
                {"ML", null, null}
            };
            for (final String[] r : regions) {
                for (int k = 0; k < 3; k++) {
                    n++;
                    // Days spread over five weeks, always one today, so the default window end ("as of") is today.
                    final LocalDate day = today.minusDays(k == 0 ? 0 : (n * 5L) % 35);
                    sent.add(incident("inc-" + n, r[0], r[1], r[2], day, 3 * n % 17 + 1));
                }
            }
            final Incident updated = Incident.newBuilder(sent.get(4))
                    .setKilled(figure(40, 52, 60))
                    .build();
            sent.add(updated);
            sent.add(null); // withdraw inc-8 (tombstone)
            produce(registry, sent, "inc-8");
            for (final Incident i : sent) {
                if (i != null) {
                    published.put(i.getIncidentId(), i);
                }
            }
            published.remove("inc-8");

            // and both instances have processed everything and are running
            final Map<String, Set<String>> groups =
                    StreamsStage.sourceTopicsByGroup(applicationId, EnumSet.of(Part.TALLY));
            assertThat(Replay.awaitCaughtUp(
                            kafka.admin(), Map.of(), kafka.bootstrapServers(), groups, Duration.ofSeconds(90)))
                    .as("tally application caught up")
                    .isTrue();
            await().atMost(Duration.ofSeconds(30)).until(() -> a.ready() && b.ready());

            // then each feed answers each region's 7-day tallies from the stores, the same and as published
            final Set<String> expectedRegions = new TreeSet<>();
            published.values().forEach(i -> {
                expectedRegions.add(i.getLocation().getCountryCode());
                if (i.getLocation().getAdmin1Code() != null) {
                    expectedRegions.add(i.getLocation().getAdmin1Code());
                }
            });
            final Map<String, String> ownerSeenFromA = new TreeMap<>();
            final Map<String, String> ownerSeenFromB = new TreeMap<>();
            for (final String region : expectedRegions) {
                final JsonNode fromA = tallies(feedA, feedB, region, ownerSeenFromA, "a", "b");
                final JsonNode fromB = tallies(feedB, feedA, region, ownerSeenFromB, "b", "a");
                assertThat(fromA.get("source").asText()).as(region + " from a").isEqualTo("streams-store");
                assertThat(fromB.get("source").asText()).as(region + " from b").isEqualTo("streams-store");
                assertThat(fromA.get("to").asText()).isEqualTo(today.toString());
                final LocalDate from = LocalDate.parse(fromA.get("from").asText());
                final List<Window> expected = expectedP7D(published.values(), region, from, today);
                assertThat(expected).as(region + " has tallies").isNotEmpty();
                assertThat(windows(fromA)).as(region + " from a").isEqualTo(expected);
                assertThat(windows(fromB)).as(region + " from b").isEqualTo(expected);
                assertThat(fromB.get("tallies"))
                        .as(region + " identical from both")
                        .isEqualTo(fromA.get("tallies"));
            }
            // and both see the same owner of every region, and each instance owns some of them
            assertThat(ownerSeenFromA).isEqualTo(ownerSeenFromB);
            assertThat(ownerSeenFromA.values())
                    .as("owners of " + ownerSeenFromA)
                    .contains("a", "b");

            // and the region list of the stores is every instance's regions, from either feed
            for (final String feed : List.of(feedA, feedB)) {
                final JsonNode list = get(feed + "/v1/tally-regions");
                assertThat(list.get("source").asText()).isEqualTo("streams-store");
                final List<String> codes = new ArrayList<>();
                list.get("regions").forEach(r -> codes.add(r.asText()));
                assertThat(codes).as(feed).containsExactlyElementsOf(expectedRegions);

                // and the dashboard's region table has each region's 7-day tally ending today
                final JsonNode table = get(feed + "/v1/regions");
                assertThat(table.get("source").asText()).isEqualTo("streams-store");
                final Map<String, Window> p7d = new TreeMap<>();
                table.get("regions")
                        .forEach(r -> p7d.put(
                                r.get("regionCode").asText(),
                                r.get("tallies").get("P7D").isNull()
                                        ? null
                                        : window(r.get("tallies").get("P7D"))));
                assertThat(p7d.keySet()).containsExactlyElementsOf(expectedRegions);
                for (final String region : expectedRegions) {
                    final List<Window> ending = expectedP7D(published.values(), region, today, today);
                    assertThat(p7d.get(region))
                            .as(feed + " " + region)
                            .isEqualTo(ending.isEmpty() ? null : ending.get(0));
                }
            }
        }
    }

    /**
     * The region's P7D tallies from {@code feed}, noting who owns it: a question the other instance owns is
     * forwarded (this instance's forwarding count and the other's peer answers each go up by one), one this
     * instance owns is answered here (neither moves). Nothing else asks either feed meanwhile.
     */
    private JsonNode tallies(
            final String feed,
            final String other,
            final String region,
            final Map<String, String> owners,
            final String self,
            final String otherName)
            throws Exception {
        final double forwardedBefore = metric(feed, FORWARDED);
        final double peerBefore = metric(other, PEER);
        final JsonNode answer = get(feed + "/v1/tallies?region=" + region + "&window=P7D");
        final double forwarded = metric(feed, FORWARDED) - forwardedBefore;
        final double peer = metric(other, PEER) - peerBefore;
        assertThat(peer).as("peer answers on the other instance for " + region).isEqualTo(forwarded);
        assertThat(forwarded).as("forwarded questions for " + region).isIn(0.0, 1.0);
        owners.put(region, forwarded == 1.0 ? otherName : self);
        return answer;
    }

    private Pipeline start(final String applicationId, final String registry, final String name) throws IOException {
        final int port = freePort();
        final Map<String, String> s = new HashMap<>();
        s.put(CoreConfig.BOOTSTRAP_SERVERS, kafka.bootstrapServers());
        s.put(CoreConfig.SCHEMA_REGISTRY_URL, registry);
        s.put(CoreConfig.APPLICATION_ID, applicationId);
        s.put(CoreConfig.DATA_DIR, dir.resolve(name).toString());
        s.put(Pipeline.CREATE_TOPICS, "false");
        s.put(StreamsStageConfig.TOPOLOGIES, "tally");
        s.put(StreamsStageConfig.APPLICATION_SERVER, "localhost:" + port);
        s.put(FeedConfig.PORT, Integer.toString(port));
        // run's composition with only the tally topology: the Streams stage, then the feed mounting its stores.
        return Pipeline.start(
                Settings.of(s), FeedCommand.withFeed(new ArrayList<>(List.of(StreamsCommands.configured()))));
    }

    private static boolean bothHostTallyTasks(final Pipeline a, final Pipeline b) {
        for (final Pipeline p : List.of(a, b)) {
            final StreamsStage streams = FeedCommand.find(p.stages(), StreamsStage.class);
            if (streams.streams().get(Part.TALLY).metadataForLocalThreads().stream()
                    .allMatch(t -> t.activeTasks().isEmpty())) {
                return false;
            }
        }
        return true;
    }

    private void produce(final String registryUrl, final List<Incident> incidents, final String withdrawn)
            throws Exception {
        final SchemaRegistryClient registry = SchemaRegistryClients.forUrl(registryUrl, Map.of());
        try (KafkaProducer<String, Incident> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()),
                new StringSerializer(),
                new AvroSerializer<>(registry))) {
            for (final Incident i : incidents) {
                final String key = i == null ? withdrawn : i.getIncidentId();
                producer.send(new ProducerRecord<>(Topics.INCIDENTS, key, i)).get();
            }
        } finally {
            registry.close();
        }
    }

    private JsonNode get(final String url) throws Exception {
        final HttpResponse<String> r = http.send(
                HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofSeconds(20))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(url + ": " + r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    private double metric(final String feed, final Pattern pattern) throws Exception {
        final HttpResponse<String> r = http.send(
                HttpRequest.newBuilder(URI.create(feed + "/metrics"))
                        .timeout(Duration.ofSeconds(20))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        final Matcher m = pattern.matcher(r.body());
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    /** One P7D window as the API answers it, reduced to what the published incidents determine. */
    record Window(String start, String end, int incidents, int low, int best, int high) {}

    private static List<Window> windows(final JsonNode answer) {
        final List<Window> out = new ArrayList<>();
        answer.get("tallies").forEach(t -> out.add(window(t)));
        return out;
    }

    private static Window window(final JsonNode t) {
        final JsonNode k = t.get("killed");
        return new Window(
                t.get("windowStart").asText(),
                t.get("windowEnd").asText(),
                t.get("incidents").asInt(),
                k.get("low").asInt(),
                k.get("best").asInt(),
                k.get("high").asInt());
    }

    /** The P7D windows of a region ending from {@code from} to {@code to}, summed from the incidents themselves. */
    private static List<Window> expectedP7D(
            final Iterable<Incident> incidents, final String region, final LocalDate from, final LocalDate to) {
        final List<Window> out = new ArrayList<>();
        for (LocalDate end = from; !end.isAfter(to); end = end.plusDays(1)) {
            final LocalDate start = end.minusDays(6);
            int count = 0;
            int low = 0;
            int best = 0;
            int high = 0;
            for (final Incident i : incidents) {
                final boolean inRegion = region.equals(i.getLocation().getCountryCode())
                        || region.equals(i.getLocation().getAdmin1Code());
                if (inRegion
                        && !i.getEventDate().isBefore(start)
                        && !i.getEventDate().isAfter(end)) {
                    count++;
                    low += i.getKilled().getLow();
                    best += i.getKilled().getBest();
                    high += i.getKilled().getHigh();
                }
            }
            if (count > 0) {
                out.add(new Window(start.toString(), end.toString(), count, low, best, high));
            }
        }
        return out;
    }

    private static CasualtyFigure figure(final int low, final int best, final int high) {
        return CasualtyFigure.newBuilder()
                .setLow(low)
                .setBest(best)
                .setHigh(high)
                .setVague(false)
                .build();
    }

    private static Incident incident(
            final String id,
            final String country,
            final String admin1,
            final String admin1Name,
            final LocalDate day,
            final int killed) {
        final Instant at = Instant.parse("2026-01-01T00:00:00Z");
        return Incident.newBuilder()
                .setIncidentId(id)
                .setEventType(EventType.EXPLOSIONS_REMOTE_VIOLENCE)
                .setSubEventType(SubEventType.AIR_DRONE_STRIKE)
                .setEventDate(day)
                .setLocation(Location.newBuilder()
                        .setCountryCode(country)
                        .setAdmin1Code(admin1)
                        .setAdmin1Name(admin1Name)
                        .setPlace(null)
                        .setGeoPrecision(admin1 == null ? GeoPrecision.COUNTRY : GeoPrecision.ADMIN1)
                        .build())
                .setKilled(figure(killed, killed + 1, killed + 3))
                .setSourceCount(1)
                .setGrade(IncidentGrade.SINGLE_SOURCE)
                .setFirstReportedAt(at)
                .setUpdatedAt(at)
                .build();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        }
    }
}
