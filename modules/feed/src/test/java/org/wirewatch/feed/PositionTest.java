package org.wirewatch.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PositionTest {

    @Test
    void shouldRoundTripThroughItsTextFormWhenOffsetsAreLarge() {
        // given
        final Position p = Position.start(new int[] {3, 3, 3, 3});
        p.advance(FeedEventType.INCIDENT, 0, 41);
        p.advance(FeedEventType.INCIDENT, 2, 9_876_543_210L);
        p.advance(FeedEventType.ALERT, 1, 0);

        // when
        final String text = p.encode();

        // then
        assertThat(text).isEqualTo("i16,0,4jc8lij.c0,0,0.t0,0,0.a0,1,0");
        assertThat(Position.parse(text)).isEqualTo(p);
        assertThat(Position.parse(text).next(FeedEventType.INCIDENT, 2)).isEqualTo(9_876_543_211L);
    }

    @Test
    void shouldTreatMissingPartitionsAsUnseenWhenParsing() {
        final Position p = Position.parse("i5.a");
        assertThat(p.next(FeedEventType.INCIDENT, 0)).isEqualTo(5);
        assertThat(p.next(FeedEventType.INCIDENT, 7)).isZero();
        assertThat(p.next(FeedEventType.CLAIM, 0)).isZero();
        assertThat(p.isAfter(FeedEventType.INCIDENT, 0, 4)).isFalse();
        assertThat(p.isAfter(FeedEventType.INCIDENT, 0, 5)).isTrue();
    }

    @Test
    void shouldNeverMoveBackwardsWhenAnOlderOffsetIsAdvanced() {
        final Position p = Position.start(new int[] {1});
        p.advance(FeedEventType.INCIDENT, 0, 10);
        p.advance(FeedEventType.INCIDENT, 0, 3);
        assertThat(p.next(FeedEventType.INCIDENT, 0)).isEqualTo(11);
    }

    @Test
    void shouldBeEqualWithAndWithoutTrailingZeroPartitionsWhenComparing() {
        assertThat(Position.parse("i1,0")).isEqualTo(Position.parse("i1")).hasSameHashCodeAs(Position.parse("i1"));
        assertThat(Position.parse("i1,1")).isNotEqualTo(Position.parse("i1"));
    }

    @Test
    void shouldRejectMalformedTextWhenParsing() {
        assertThatThrownBy(() -> Position.parse("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Position.parse("x1")).hasMessageContaining("unknown topic code");
        assertThatThrownBy(() -> Position.parse("i1,zz!")).hasMessageContaining("bad offset");
        assertThatThrownBy(() -> Position.parse("i1..c2")).hasMessageContaining("empty group");
    }
}
