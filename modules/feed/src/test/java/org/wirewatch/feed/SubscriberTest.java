package org.wirewatch.feed;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The subscriber's delivery rules with a direct executor and a list for a connection. */
class SubscriberTest {

    private final SseHub hub = new SseHub(1, Duration.ofHours(1));
    private final FeedState state =
            new FeedState(new FeedView(), new ReplayBuffer(100, Position.start(new int[] {2})), hub);
    private final FeedMetrics metrics = new FeedMetrics(new SimpleMeterRegistry(), FeedTopics.catalogue());

    @AfterEach
    void close() {
        hub.close();
    }

    static final class ListSink implements SseSink {
        final List<String[]> events = new ArrayList<>();
        final List<String> comments = new ArrayList<>();
        boolean closed;

        @Override
        public void event(final String name, final String data, final String id) {
            events.add(new String[] {name, data, id});
        }

        @Override
        public void comment(final String text) {
            comments.add(text);
        }

        @Override
        public boolean closed() {
            return closed;
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    private Subscriber subscriber(
            final ListSink sink, final EventFilter filter, final int maxQueued, final Subscriber.RangeReader reader) {
        return new Subscriber(1, sink, filter, Runnable::run, maxQueued, metrics, reader, () -> {});
    }

    private void apply(final int partition, final long offset, final String id, final int killed) {
        state.apply(
                FeedEventType.INCIDENT,
                id,
                partition,
                offset,
                0,
                TestRecords.incident(id, "SY", "SY-DY", "Abu Husn", LocalDate.of(2018, 11, 17), killed));
    }

    @Test
    void shouldSendHelloThenOnlyNewEventsWhenConnectingWithoutAnId() {
        // given
        apply(0, 0, "a", 1);
        final ListSink sink = new ListSink();

        // when
        subscriber(sink, EventFilter.ALL, 100, (f, t, s) -> {}).start(state, null);
        apply(1, 0, "b", 2);

        // then
        assertThat(sink.events).extracting(e -> e[0]).containsExactly("hello", "incident");
        assertThat(sink.events.get(0)[2]).isEqualTo("i1,0.c.t.a");
        assertThat(sink.events.get(1)[1]).contains("\"incidentId\":\"b\"");
        assertThat(sink.events.get(1)[2]).isEqualTo("i1,1.c.t.a");
    }

    @Test
    void shouldReplayWhatWasMissedFromTheBufferWhenResuming() {
        apply(0, 0, "a", 1);
        apply(0, 1, "b", 2);
        apply(1, 0, "c", 3);
        final ListSink sink = new ListSink();

        subscriber(sink, EventFilter.ALL, 100, (f, t, s) -> {}).start(state, Position.parse("i1,0"));

        assertThat(sink.events).extracting(e -> e[0]).containsExactly("hello", "incident", "incident");
        assertThat(sink.events.get(1)[1]).contains("\"incidentId\":\"b\"");
        assertThat(sink.events.get(2)[1]).contains("\"incidentId\":\"c\"");
        assertThat(sink.events.get(2)[2]).isEqualTo("i2,1.c.t.a");
    }

    @Test
    void shouldDropOverlapBetweenCatchUpAndLiveEventsWhenKafkaIsReRead() {
        // given a buffer too small for the resume, and a re-read that returns an event also delivered live
        final FeedState small = new FeedState(new FeedView(), new ReplayBuffer(1, Position.start(new int[] {1})), hub);
        small.apply(FeedEventType.INCIDENT, "a", 0, 0, 0, null);
        small.apply(FeedEventType.INCIDENT, "b", 0, 1, 0, null);
        final ListSink sink = new ListSink();
        final List<FeedEvent> reRead = new ArrayList<>();
        final Subscriber s = subscriber(sink, EventFilter.ALL, 100, (from, to, out) -> {
            reRead.add(small.event(FeedEventType.INCIDENT, "a", 0, 0, 0, null, null));
            reRead.add(small.event(FeedEventType.INCIDENT, "b", 0, 1, 0, null, null));
            reRead.forEach(out);
            reRead.forEach(out);
        });

        // when
        s.start(small, Position.parse("i0"));

        // then each offset went out once, with the removal event name
        assertThat(sink.events).extracting(e -> e[0]).containsExactly("hello", "incident-removed", "incident-removed");
        assertThat(sink.events).extracting(e -> e[2]).containsExactly("i0.c.t.a", "i1.c.t.a", "i2.c.t.a");
    }

    @Test
    void shouldAdvanceItsIdPastFilteredEventsWhenTheyDoNotMatch() {
        final ListSink sink = new ListSink();
        subscriber(sink, EventFilter.parse(null, null, "10"), 100, (f, t, s) -> {})
                .start(state, null);
        apply(0, 0, "small", 3);
        apply(0, 1, "big", 30);
        assertThat(sink.events).extracting(e -> e[0]).containsExactly("hello", "incident");
        assertThat(sink.events.get(1)[2]).isEqualTo("i2,0.c.t.a");
    }

    @Test
    void shouldDisconnectASlowClientWhenItsQueueOverflows() {
        final ListSink sink = new ListSink();
        final List<Runnable> parked = new ArrayList<>();
        final Subscriber s =
                new Subscriber(1, sink, EventFilter.ALL, parked::add, 2, metrics, (f, t, o) -> {}, () -> {});
        s.start(state, null);
        apply(0, 0, "a", 1);
        apply(0, 1, "b", 1);
        assertThat(s.closed()).isFalse();
        apply(0, 2, "c", 1);
        assertThat(s.closed()).isTrue();
        assertThat(sink.closed).isTrue();
    }

    @Test
    void shouldWriteAHeartbeatCommentWhenAsked() {
        final ListSink sink = new ListSink();
        final Subscriber s = subscriber(sink, EventFilter.ALL, 100, (f, t, o) -> {});
        s.start(state, null);
        s.heartbeat();
        assertThat(sink.comments).containsExactly("heartbeat");
    }
}
