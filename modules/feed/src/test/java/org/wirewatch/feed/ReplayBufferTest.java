package org.wirewatch.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReplayBufferTest {

    private static FeedEvent incident(final int partition, final long offset) {
        return new FeedEvent(FeedEventType.INCIDENT, "k" + offset, partition, offset, 0, null, "{}", null, null, null);
    }

    @Test
    void shouldReturnExactlyTheEventsAfterAPositionWhenTheBufferCoversIt() {
        // given
        final ReplayBuffer b = new ReplayBuffer(100, Position.start(new int[] {2}));
        b.append(incident(0, 0));
        b.append(incident(1, 0));
        b.append(incident(0, 1));
        b.append(incident(1, 1));
        final Position seen = Position.parse("i1,1");

        // when
        final List<FeedEvent> missed = b.since(seen).orElseThrow();

        // then
        assertThat(missed).extracting(e -> e.partition() + "@" + e.offset()).containsExactly("0@1", "1@1");
        assertThat(b.head()).isEqualTo(Position.parse("i2,2"));
    }

    @Test
    void shouldSayItCannotServeAPositionWhenItsEventsWereEvicted() {
        final ReplayBuffer b = new ReplayBuffer(2, Position.start(new int[] {1}));
        b.append(incident(0, 0));
        b.append(incident(0, 1));
        b.append(incident(0, 2));
        assertThat(b.since(Position.parse("i0"))).isEmpty();
        assertThat(b.since(Position.parse("i1")).orElseThrow())
                .extracting(FeedEvent::offset)
                .containsExactly(1L, 2L);
        // a partition that never lost anything is still covered from its start
        assertThat(b.since(Position.parse("i3.c0")).orElseThrow()).isEmpty();
    }

    @Test
    void shouldMoveTheHeadPastSkippedRecordsWhenTheyCannotBeDecoded() {
        final ReplayBuffer b = new ReplayBuffer(10, Position.start(new int[] {1}));
        b.append(incident(0, 0));
        b.skip(FeedEventType.INCIDENT, 0, 1);
        assertThat(b.head().next(FeedEventType.INCIDENT, 0)).isEqualTo(2);
        assertThat(b.size()).isEqualTo(1);
    }
}
