package org.wirewatch.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.wirewatch.common.query.TallyQueries;
import org.wirewatch.schema.CasualtyTally;
import org.wirewatch.schema.TallyWindow;
import org.wirewatch.testkit.KafkaBroker;
import org.wirewatch.testkit.WithKafka;

/**
 * Where the feed's tally answers come from when stores are wired in: the stores while they answer, the tallies
 * topic while they are unavailable (a rebalance); a question another instance forwarded is answered from this
 * instance's own stores or refused with 503 and {@code Retry-After}, never from the topic and never forwarded on.
 */
@WithKafka
class TallyAnswersIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final LocalDate DAY = LocalDate.of(2018, 11, 17);
    private static final String FORWARDED = "X-Wirewatch-Forwarded";

    static FeedFixture f;
    /** Whether the stores answer; off, they fail as Kafka Streams does while rebalancing. */
    static final AtomicBoolean storesUp = new AtomicBoolean(true);

    @BeforeAll
    static void start(final KafkaBroker kafka) {
        f = new FeedFixture(
                kafka,
                FeedConfig.defaults(),
                3,
                b -> b.tallyQueries(new Stores("routed", 11)).peerTallyQueries(new Stores("local", 22)));
        final CasualtyTally t = TestRecords.tally("SY-DY", TallyWindow.P7D, DAY, 43);
        f.send(FeedEventType.TALLY, TestRecords.tallyKey(t), t);
        await().atMost(Duration.ofSeconds(10)).until(() -> f.feed.view().tallyCount() == 1);
    }

    @AfterAll
    static void stop() {
        f.close();
    }

    @Test
    void shouldAnswerFromTheStoresOrTheTopicViewWhenAskedDirectly() throws Exception {
        storesUp.set(true);
        final JsonNode fromStores = json(f.get("/v1/tallies?region=SY-DY&window=P7D&date=2018-11-17"), 200);
        assertThat(fromStores.get("source").asText()).isEqualTo("streams-store");
        assertThat(fromStores.get("tallies").get(0).get("killed").get("best").asInt())
                .isEqualTo(11);
        assertThat(json(f.get("/v1/tally-regions"), 200).get("regions").get(0).asText())
                .isEqualTo("routed");

        storesUp.set(false);
        final JsonNode fromTopic = json(f.get("/v1/tallies?region=SY-DY&window=P7D&date=2018-11-17"), 200);
        assertThat(fromTopic.get("source").asText()).isEqualTo("tallies-topic");
        assertThat(fromTopic.get("tallies").get(0).get("killed").get("best").asInt())
                .isEqualTo(43);
        assertThat(json(f.get("/v1/tally-regions"), 200).get("regions").get(0).asText())
                .isEqualTo("SY-DY");
    }

    @Test
    void shouldAnswerAForwardedQuestionFromTheLocalStoresOnlyWhenTheyAnswer() throws Exception {
        storesUp.set(true);
        final JsonNode local =
                json(f.get("/v1/tallies?region=SY-DY&window=P7D&date=2018-11-17", FORWARDED, "localhost:1"), 200);
        assertThat(local.get("source").asText()).isEqualTo("streams-store");
        assertThat(local.get("tallies").get(0).get("killed").get("best").asInt())
                .isEqualTo(22);
        assertThat(json(f.get("/v1/tally-regions", FORWARDED, "localhost:1"), 200)
                        .get("regions")
                        .get(0)
                        .asText())
                .isEqualTo("local");
    }

    @Test
    void shouldRefuseAForwardedQuestionWith503AndRetryAfterWhenTheLocalStoresAreRebalancing() throws Exception {
        storesUp.set(false);
        for (final String path : List.of("/v1/tallies?region=SY-DY&window=P7D", "/v1/tally-regions")) {
            final HttpResponse<String> r = f.get(path, FORWARDED, "localhost:1");
            assertThat(r.statusCode()).as(path).isEqualTo(503);
            assertThat(r.headers().firstValue("Retry-After")).as(path).contains("1");
            assertThat(JSON.readTree(r.body()).get("error").asText()).contains("rebalancing");
        }
    }

    private static JsonNode json(final HttpResponse<String> r, final int status) throws Exception {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        return JSON.readTree(r.body());
    }

    /** Stores answering one recognisable figure, or failing like a store that migrated. */
    private record Stores(String name, int killed) implements TallyQueries {

        private void check() {
            if (!storesUp.get()) {
                throw new IllegalStateException(
                        "store tally-windows is not available: the stream thread is rebalancing");
            }
        }

        @Override
        public Optional<CasualtyTally> tally(final String regionCode, final TallyWindow window, final LocalDate end) {
            return tallies(regionCode, window, end, end).stream().findFirst();
        }

        @Override
        public List<CasualtyTally> tallies(
                final String regionCode, final TallyWindow window, final LocalDate from, final LocalDate to) {
            check();
            return List.of(TestRecords.tally(regionCode, window, to, killed));
        }

        @Override
        public List<String> regions() {
            check();
            return List.of(name);
        }
    }
}
