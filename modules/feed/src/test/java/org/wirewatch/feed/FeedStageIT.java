package org.wirewatch.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.wirewatch.schema.CasualtyTally;
import org.wirewatch.schema.ClaimKind;
import org.wirewatch.schema.SourceType;
import org.wirewatch.schema.TallyWindow;
import org.wirewatch.testkit.KafkaBroker;
import org.wirewatch.testkit.WithKafka;

/** The feed's HTTP surface against records on a real broker: REST views, SSE filters, health and metrics. */
@WithKafka
class FeedStageIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final LocalDate DAY = LocalDate.of(2018, 11, 17);
    /** Incidents the streaming test adds lie after the listing tests' range, so test order does not matter. */
    private static final LocalDate LATER = LocalDate.of(2019, 3, 1);

    static FeedFixture f;

    @BeforeAll
    static void start(final KafkaBroker kafka) {
        f = new FeedFixture(kafka, FeedConfig.defaults().withHeartbeat(Duration.ofMillis(200)), 3);
        f.send(FeedEventType.INCIDENT, "sy-1", TestRecords.incident("sy-1", "SY", "SY-DY", "Abu Husn", DAY, 43));
        f.send(
                FeedEventType.INCIDENT,
                "sy-2",
                TestRecords.incident("sy-2", "SY", "SY-ID", "Zardana", DAY.minusDays(2), 5));
        f.send(
                FeedEventType.INCIDENT,
                "iq-1",
                org.wirewatch.schema.Incident.newBuilder(
                                TestRecords.incident("iq-1", "IQ", "IQ-SD", "Balad", DAY.minusDays(9), 0))
                        .setEventType(org.wirewatch.schema.EventType.BATTLES)
                        .build());
        f.send(
                FeedEventType.CLAIM,
                "sy-1#c1",
                TestRecords.claim(
                        "sy-1#c1",
                        "sy-1",
                        "Syrian Observatory for Human Rights",
                        SourceType.MONITOR,
                        ClaimKind.FIGURE,
                        43));
        f.send(
                FeedEventType.CLAIM,
                "sy-1#c2",
                TestRecords.claim(
                        "sy-1#c2", "sy-1", "US-led coalition", SourceType.BELLIGERENT, ClaimKind.DENIAL, null));
        for (final TallyWindow w : TallyWindow.values()) {
            final CasualtyTally t = TestRecords.tally("SY-DY", w, DAY, 43);
            f.send(FeedEventType.TALLY, TestRecords.tallyKey(t), t);
        }
        await().atMost(Duration.ofSeconds(10))
                .until(() -> f.feed.view().tallyCount() == 3 && f.feed.view().claimCount() == 2);
    }

    @AfterAll
    static void stop() {
        f.close();
    }

    private static java.util.List<String> ids(final JsonNode list) {
        final java.util.List<String> out = new java.util.ArrayList<>();
        list.get("items").forEach(i -> out.add(i.get("incidentId").asText()));
        return out;
    }

    private static JsonNode get(final String path, final int status) throws Exception {
        final var res = f.get(path);
        assertThat(res.statusCode()).as(path + ": " + res.body()).isEqualTo(status);
        return JSON.readTree(res.body());
    }

    @Test
    void shouldListIncidentsNewestFirstWithTheirClaimsWhenFiltered() throws Exception {
        final JsonNode all = get("/v1/incidents?until=2018-12-31", 200);
        assertThat(all.get("total").asInt()).isEqualTo(3);
        assertThat(ids(all)).containsExactly("sy-1", "sy-2", "iq-1");
        assertThat(all.get("items").get(0).get("claims")).hasSize(2);
        assertThat(all.get("position").asText()).startsWith("i");

        assertThat(ids(get("/v1/incidents?country=SY&minKilled=10", 200))).containsExactly("sy-1");
        assertThat(get("/v1/incidents?region=SY-ID", 200).get("total").asInt()).isEqualTo(1);
        assertThat(ids(get("/v1/incidents?since=2018-11-10&until=2018-11-16", 200)))
                .containsExactly("sy-2");
        final JsonNode page = get("/v1/incidents?until=2018-12-31&limit=2&offset=0", 200);
        assertThat(page.get("items")).hasSize(2);
        assertThat(page.get("nextOffset").asInt()).isEqualTo(2);
        assertThat(get("/v1/incidents?until=2018-12-31&limit=2&offset=2", 200)
                        .get("nextOffset")
                        .isNull())
                .isTrue();
        assertThat(get("/v1/incidents?since=yesterday", 400).get("error").asText())
                .contains("since");
    }

    @Test
    void shouldListOnlyTheAskedEventTypesWhenFilteredByType() throws Exception {
        assertThat(ids(get("/v1/incidents?until=2018-12-31&eventType=BATTLES", 200)))
                .containsExactly("iq-1");
        assertThat(ids(get("/v1/incidents?until=2018-12-31&eventType=battles,EXPLOSIONS_REMOTE_VIOLENCE", 200)))
                .containsExactly("sy-1", "sy-2", "iq-1");
        assertThat(get("/v1/incidents?eventType=RIOTS", 200).get("total").asInt())
                .isZero();
        assertThat(get("/v1/incidents?eventType=airstrike", 400).get("error").asText())
                .contains("eventType")
                .contains("airstrike");
    }

    @Test
    void shouldShowTheExtractorVersionAndTheLastReprocessWhenOneIncidentIsAsked() throws Exception {
        // given one incident as first extracted, then changed by a reprocess run
        final var first = org.wirewatch.schema.Incident.newBuilder(
                        TestRecords.incident("lb-1", "LB", "LB-NA", "Tyre", DAY, 3))
                .setExtractorVersion("0.1.0+aaaaaaaaaaaa")
                .build();
        f.sendAsync(FeedEventType.INCIDENT, "lb-1", first, () -> {}).get();
        final var headers = new org.apache.kafka.common.header.internals.RecordHeaders();
        headers.add(
                org.wirewatch.common.ReprocessHeaders.RUN,
                "2026-12-07T04:00:00Z".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        f.sendAsync(
                        FeedEventType.INCIDENT,
                        "lb-1",
                        org.wirewatch.schema.Incident.newBuilder(first)
                                .setExtractorVersion("0.1.0+bbbbbbbbbbbb")
                                .build(),
                        headers,
                        () -> {})
                .get();
        // and a live update afterwards, which does not hide when the reprocess changed it
        f.sendAsync(
                        FeedEventType.INCIDENT,
                        "lb-1",
                        org.wirewatch.schema.Incident.newBuilder(first)
                                .setExtractorVersion("0.1.0+bbbbbbbbbbbb")
                                .setSourceCount(2)
                                .build(),
                        () -> {})
                .get();

        // when / then
        await().atMost(java.time.Duration.ofSeconds(20)).untilAsserted(() -> {
            final JsonNode one = get("/v1/incidents/lb-1", 200);
            assertThat(one.get("incident").get("sourceCount").asInt()).isEqualTo(2);
            assertThat(one.get("extractorVersion").asText()).isEqualTo("0.1.0+bbbbbbbbbbbb");
            assertThat(one.get("incident").get("extractorVersion").asText()).isEqualTo("0.1.0+bbbbbbbbbbbb");
            assertThat(one.get("reprocessedAt").asText()).isEqualTo("2026-12-07T04:00:00Z");
        });
        assertThat(get("/v1/incidents/sy-1", 200).get("reprocessedAt").isNull()).isTrue();

        // the other tests share the feed: retracted again
        f.sendAsync(FeedEventType.INCIDENT, "lb-1", null, () -> {}).get();
        await().atMost(java.time.Duration.ofSeconds(20))
                .until(() -> f.get("/v1/incidents/lb-1").statusCode() == 404);
    }

    @Test
    void shouldShowClaimsSideBySideAndEvidenceWhenOneIncidentIsAsked() throws Exception {
        final JsonNode one = get("/v1/incidents/sy-1", 200);
        assertThat(one.get("incident").get("killed").get("best").asInt()).isEqualTo(43);
        assertThat(one.get("claims").findValuesAsText("kind")).containsExactly("FIGURE", "DENIAL");
        assertThat(one.get("evidence").findValuesAsText("text"))
                .contains("US-led coalition air strikes Saturday killed 43 people", "US-led coalition said so.");
        get("/v1/incidents/nope", 404);
    }

    @Test
    void shouldAnswerTalliesFromTheTopicViewAndSayWhereTheyCameFromWhenNoStoresAreWired() throws Exception {
        final JsonNode t = get("/v1/tallies?region=SY-DY&window=P7D&date=2018-11-17", 200);
        assertThat(t.get("source").asText()).isEqualTo("tallies-topic");
        assertThat(t.get("tallies")).hasSize(1);
        assertThat(t.get("tallies").get(0).get("windowStart").asText()).isEqualTo("2018-11-11");
        get("/v1/tallies?window=P7D", 400);
        get("/v1/tallies?region=SY-DY&window=P2W", 400);

        final JsonNode regions = get("/v1/regions?asOf=2018-11-17", 200);
        assertThat(regions.get("asOf").asText()).isEqualTo("2018-11-17");
        final JsonNode dy = regions.get("regions").findParents("regionCode").stream()
                .filter(r -> r.get("regionCode").asText().equals("SY-DY"))
                .findFirst()
                .orElseThrow();
        assertThat(dy.get("tallies").get("P30D").get("killed").get("best").asInt())
                .isEqualTo(43);
        assertThat(dy.get("daily")).hasSize(30);
        assertThat(dy.get("daily").get(29).get("killed").asInt()).isEqualTo(43);
        assertThat(dy.get("regionName").asText()).isEqualTo("Deir ez-Zor");
    }

    @Test
    void shouldStreamOnlyMatchingEventsAndRemovalsWhenFiltered() throws Exception {
        // given a client for big incidents in Syria and one for everything
        try (SseTestClient filtered =
                        SseTestClient.connect(f.url("/v1/stream?region=YE&minKilled=10&types=incident"), null);
                SseTestClient all = SseTestClient.connect(f.url("/v1/stream"), null)) {
            await().until(() -> !filtered.events().isEmpty() && !all.events().isEmpty());

            // when a small and a big incident arrive, then the big one is retracted
            f.send(FeedEventType.INCIDENT, "ye-3", TestRecords.incident("ye-3", "YE", "YE-SD", "Saada", LATER, 2));
            f.send(FeedEventType.INCIDENT, "ye-4", TestRecords.incident("ye-4", "YE", "YE-SD", "Saada", LATER, 12));
            f.send(FeedEventType.INCIDENT, "ye-4", null);

            // then
            await().atMost(Duration.ofSeconds(5)).until(() -> all.records().size() >= 3);
            await().atMost(Duration.ofSeconds(5)).until(() -> filtered.records().size() >= 2);
            assertThat(filtered.records())
                    .extracting(SseTestClient.Event::event)
                    .containsExactly("incident", "incident-removed");
            assertThat(JSON.readTree(filtered.records().get(1).data())
                            .get("key")
                            .asText())
                    .isEqualTo("ye-4");
            assertThat(f.get("/v1/incidents/ye-4").statusCode()).isEqualTo(404);
            // heartbeats keep the idle connection alive
            await().atMost(Duration.ofSeconds(5))
                    .until(() -> filtered.comments().contains("heartbeat"));
        }
    }

    @Test
    void shouldRejectABadFilterOrPositionWhenStreaming() throws Exception {
        assertThat(f.get("/v1/stream?types=weather").statusCode()).isEqualTo(400);
        assertThat(f.get("/v1/stream?lastEventId=zz").statusCode()).isEqualTo(400);
    }

    @Test
    void shouldReportHealthAndPrometheusMetricsWhenRunning() throws Exception {
        assertThat(f.get("/health/live").statusCode()).isEqualTo(200);
        final JsonNode ready = get("/health/ready", 200);
        assertThat(ready.get("stages").get("feed").asBoolean()).isTrue();
        final var metrics = f.get("/metrics");
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body())
                .contains("wirewatch_feed_records_total{topic=\"" + f.topics.incidents() + "\"}")
                .contains("wirewatch_feed_sse_clients")
                .contains("kafka_consumer_fetch_manager_records_lag_max");
    }

    @Test
    void shouldServeTheDashboardWhenTheRootIsAsked() throws Exception {
        final var page = f.get("/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<title>Wirewatch").doesNotContain("http://", "https://");
        assertThat(f.get("/dashboard.js").body()).contains("new EventSource").doesNotContain("https://");
    }
}
