package org.wirewatch.streams.consolidate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Arrays;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.utils.Bytes;
import org.junit.jupiter.api.Test;
import org.wirewatch.streams.consolidate.StateKeys.DateKey;
import org.wirewatch.streams.consolidate.StateKeys.IncidentKey;
import org.wirewatch.streams.consolidate.StateKeys.MemberKey;
import org.wirewatch.streams.consolidate.StateKeys.MentionPlace;
import org.wirewatch.streams.consolidate.StateKeys.Route;

class StateKeysTest {

    private static final Route SY = Route.country("SY");

    private static <T> byte[] bytes(final org.apache.kafka.common.serialization.Serde<T> serde, final T value) {
        return serde.serializer().serialize("t", value);
    }

    private static boolean startsWith(final byte[] key, final byte[] prefix) {
        return key.length >= prefix.length && Arrays.equals(key, 0, prefix.length, prefix, 0, prefix.length);
    }

    @Test
    void shouldReadBackEveryKeyWhateverCharactersItsPartsHold() {
        // given: parts holding the old separator, a zero byte and non-ASCII text
        final MemberKey member = new MemberKey(Route.unlinked("urn:a|b\u0000c"), "inc-|", "m\u0000#1 Ḑ");
        final DateKey date = new DateKey(Route.noCountry(), LocalDate.of(2018, 11, 17), "inc-1");
        final MentionPlace place = new MentionPlace("inc-2", true);
        // when / then
        assertThat(StateKeys.MEMBER.deserializer().deserialize("t", bytes(StateKeys.MEMBER, member)))
                .isEqualTo(member);
        assertThat(StateKeys.DATE.deserializer().deserialize("t", bytes(StateKeys.DATE, date)))
                .isEqualTo(date);
        assertThat(StateKeys.PLACE.deserializer().deserialize("t", bytes(StateKeys.PLACE, place)))
                .isEqualTo(place);
    }

    @Test
    void shouldScanOnlyOwnMembersWhenAnotherIncidentIdStartsWithTheSameCharacters() {
        // given
        final byte[] prefix = bytes(StateKeys.INCIDENT, new IncidentKey(SY, "inc-1"));
        // then: a member of inc-1 starts with inc-1's key, a member of inc-10 does not
        assertThat(startsWith(bytes(StateKeys.MEMBER, new MemberKey(SY, "inc-1", "m#1")), prefix))
                .isTrue();
        assertThat(startsWith(bytes(StateKeys.MEMBER, new MemberKey(SY, "inc-10", "m#1")), prefix))
                .isFalse();
        // and a route is the prefix of its incidents, not of another route's
        final byte[] route = bytes(StateKeys.ROUTE, SY);
        assertThat(startsWith(bytes(StateKeys.INCIDENT, new IncidentKey(SY, "inc-1")), route))
                .isTrue();
        assertThat(startsWith(bytes(StateKeys.INCIDENT, new IncidentKey(Route.country("SYR"), "inc-1")), route))
                .isFalse();
    }

    @Test
    void shouldSortDateKeysByDateSoThatADateRangeIsAKeyRange() {
        // given
        final Bytes early = Bytes.wrap(bytes(StateKeys.DATE, new DateKey(SY, LocalDate.of(2018, 11, 9), "inc-z")));
        final Bytes from = Bytes.wrap(bytes(StateKeys.DATE, new DateKey(SY, LocalDate.of(2018, 11, 10), "")));
        final Bytes inside = Bytes.wrap(bytes(StateKeys.DATE, new DateKey(SY, LocalDate.of(2018, 11, 17), "inc-a")));
        final Bytes to = Bytes.wrap(bytes(StateKeys.DATE, new DateKey(SY, LocalDate.of(2018, 11, 25), "")));
        final Bytes late = Bytes.wrap(bytes(StateKeys.DATE, new DateKey(SY, LocalDate.of(2018, 11, 25), "inc-a")));
        // then
        assertThat(early.compareTo(from)).isNegative();
        assertThat(from.compareTo(inside)).isNegative();
        assertThat(inside.compareTo(to)).isNegative();
        assertThat(to.compareTo(late)).isNegative();
    }

    @Test
    void shouldTellRoutesApartThatOldStringKeysConfused() {
        // then: no country, a story's unlinked claims and a country are three different keys
        assertThat(bytes(StateKeys.ROUTE, Route.noCountry())).isNotEqualTo(bytes(StateKeys.ROUTE, Route.country("")));
        assertThat(bytes(StateKeys.ROUTE, Route.unlinked("SY"))).isNotEqualTo(bytes(StateKeys.ROUTE, SY));
    }

    @Test
    void shouldNameTheProblemWhenKeyBytesAreNotOfThisCodec() {
        // given: a key as the former string codec wrote it
        final byte[] old = "SY|inc-1".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        // then
        assertThatThrownBy(() -> StateKeys.INCIDENT.deserializer().deserialize("consolidate-incidents-changelog", old))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("without a terminator");
    }
}
