package org.wirewatch.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.wirewatch.testkit.KafkaBroker;
import org.wirewatch.testkit.WithKafka;

/**
 * A client that drops its connection in the middle of a burst and reconnects with {@code Last-Event-ID} receives
 * every record exactly once: from the replay buffer when it covers the gap, from Kafka when it does not.
 */
@WithKafka
class SseResumeIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int RECORDS = 300;

    KafkaBroker kafka;

    @Test
    void shouldDeliverEveryRecordOnceWhenResumingFromTheReplayBuffer() throws Exception {
        final List<SseTestClient.Event> received = disconnectMidBurstAndResume(FeedConfig.defaults(), "buffer");
        assertExactlyOnce(received);
    }

    @Test
    void shouldDeliverEveryRecordOnceWhenResumingFromKafkaBeyondTheBuffer() throws Exception {
        final List<SseTestClient.Event> received =
                disconnectMidBurstAndResume(FeedConfig.defaults().withReplayEvents(5), "kafka");
        assertExactlyOnce(received);
    }

    private List<SseTestClient.Event> disconnectMidBurstAndResume(final FeedConfig config, final String expectedSource)
            throws Exception {
        try (FeedFixture f = new FeedFixture(kafka, config, 3)) {
            // given a client connected before the burst that drops after a third of it
            final SseTestClient first = SseTestClient.connect(f.url("/v1/stream?types=incident"), null, RECORDS / 3);
            // An observer that stays connected shows how far the feed itself has read: producer acks alone do not,
            // and a resume that the feed can still serve from memory would not test the Kafka path.
            final SseTestClient observer = SseTestClient.connect(f.url("/v1/stream?types=incident"), null);
            await().until(() -> !first.events().isEmpty() && !observer.events().isEmpty());
            final AtomicInteger sent = new AtomicInteger();
            final Thread producer = new Thread(() -> {
                for (int i = 0; i < RECORDS; i++) {
                    f.sendAsync(
                            FeedEventType.INCIDENT,
                            "inc-" + i,
                            TestRecords.incident("inc-" + i, "SY", "SY-DY", "Abu Husn", LocalDate.of(2018, 11, 17), i),
                            sent::incrementAndGet);
                }
            });
            producer.start();

            // when it drops the connection part-way through and comes back with its last id
            await().atMost(Duration.ofSeconds(20)).until(() -> first.records().size() >= RECORDS / 3);
            final List<SseTestClient.Event> beforeDrop = first.records();
            final String lastId = first.lastId();
            await().atMost(Duration.ofSeconds(20))
                    .until(() ->
                            sent.get() >= RECORDS * 2 / 3 && observer.records().size() >= RECORDS * 2 / 3);
            final SseTestClient second = SseTestClient.connect(f.url("/v1/stream?types=incident"), lastId);
            producer.join();

            // then it gets the rest, and the resume came from where it should
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> beforeDrop.size() + second.records().size() >= RECORDS);
            second.close();
            observer.close();
            assertThat(second.events().get(0).event()).isEqualTo("hello");
            assertThat(JSON.readTree(second.events().get(0).data())
                            .get("catchUp")
                            .asText())
                    .isEqualTo(expectedSource);
            final List<SseTestClient.Event> all = new ArrayList<>(beforeDrop);
            all.addAll(second.records());
            return all;
        }
    }

    private static void assertExactlyOnce(final List<SseTestClient.Event> received) throws Exception {
        final List<String> ids = new ArrayList<>();
        for (final SseTestClient.Event e : received) {
            assertThat(e.event()).isEqualTo("incident");
            ids.add(JSON.readTree(e.data()).get("incidentId").asText());
        }
        final List<String> expected = new ArrayList<>();
        for (int i = 0; i < RECORDS; i++) {
            expected.add("inc-" + i);
        }
        assertThat(ids).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expected);
    }
}
