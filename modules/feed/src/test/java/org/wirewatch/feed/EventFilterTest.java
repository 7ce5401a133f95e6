package org.wirewatch.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class EventFilterTest {

    private static FeedEvent event(
            final FeedEventType type,
            final String country,
            final String admin1,
            final Integer killed,
            final boolean removed) {
        return new FeedEvent(
                type, "k", 0, 0, 0, removed ? null : TestRecords.alert("x", admin1, 1), "{}", country, admin1, killed);
    }

    @Test
    void shouldMatchEverythingWhenNoParameterIsGiven() {
        final EventFilter f = EventFilter.parse(null, null, null);
        assertThat(f.matches(event(FeedEventType.TALLY, "SY", null, null, false)))
                .isTrue();
        assertThat(f.matches(event(FeedEventType.CLAIM, null, null, null, false)))
                .isTrue();
    }

    @Test
    void shouldKeepOnlyTheNamedTypesWhenTypesIsGiven() {
        final EventFilter f = EventFilter.parse("incident,alerts", null, null);
        assertThat(f.matches(event(FeedEventType.INCIDENT, "SY", "SY-DY", 1, false)))
                .isTrue();
        assertThat(f.matches(event(FeedEventType.ALERT, "SY", "SY-DY", 1, false)))
                .isTrue();
        assertThat(f.matches(event(FeedEventType.TALLY, "SY", "SY-DY", 1, false)))
                .isFalse();
    }

    @Test
    void shouldMatchACountrysRegionsWhenTheRegionFilterIsACountry() {
        final EventFilter country = EventFilter.parse(null, "sy", null);
        final EventFilter admin1 = EventFilter.parse(null, "SY-DY", null);
        final FeedEvent deirEzzor = event(FeedEventType.INCIDENT, "SY", "SY-DY", 43, false);
        final FeedEvent idlib = event(FeedEventType.INCIDENT, "SY", "SY-ID", 5, false);
        assertThat(country.matches(deirEzzor)).isTrue();
        assertThat(country.matches(idlib)).isTrue();
        assertThat(admin1.matches(deirEzzor)).isTrue();
        assertThat(admin1.matches(idlib)).isFalse();
        assertThat(admin1.matches(event(FeedEventType.INCIDENT, "IQ", "IQ-SD", 5, false)))
                .isFalse();
    }

    @Test
    void shouldDropRecordsWithoutAFigureWhenMinKilledIsGivenButKeepRemovals() {
        final EventFilter f = EventFilter.parse("incident,alert", "SY-DY", "10");
        assertThat(f.matches(event(FeedEventType.INCIDENT, "SY", "SY-DY", 43, false)))
                .isTrue();
        assertThat(f.matches(event(FeedEventType.INCIDENT, "SY", "SY-DY", 9, false)))
                .isFalse();
        assertThat(f.matches(event(FeedEventType.ALERT, "SY", "SY-DY", null, false)))
                .isFalse();
        assertThat(f.matches(event(FeedEventType.INCIDENT, "SY", "SY-DY", 3, true)))
                .isTrue();
        assertThat(f.matches(event(FeedEventType.INCIDENT, null, null, null, true)))
                .isTrue();
    }

    @Test
    void shouldRejectBadParametersWithTheirNameWhenParsing() {
        assertThatThrownBy(() -> EventFilter.parse("incidents,weather", null, null))
                .hasMessageContaining("types");
        assertThatThrownBy(() -> EventFilter.parse(null, "Syria", null)).hasMessageContaining("region");
        assertThatThrownBy(() -> EventFilter.parse(null, null, "ten")).hasMessageContaining("minKilled");
        assertThatThrownBy(() -> EventFilter.parse(null, null, "-1")).hasMessageContaining("minKilled");
    }
}
