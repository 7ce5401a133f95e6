package org.wirewatch.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.wirewatch.schema.Alert;
import org.wirewatch.schema.AlertSeverity;

class RegionSpikeRuleTest {

    private final RegionSpikeRule rule = new RegionSpikeRule(AlertRules.defaults());

    @Test
    void shouldAlertWhenAQuietRegionFlaresUp() {
        // when
        final var alert = rule.evaluate(AlertFixtures.daily("SY-DY", AlertFixtures.DAY, 20), new int[7]);

        // then
        assertThat(alert)
                .get()
                .extracting(Alert::getSubject, Alert::getSeverity)
                .containsExactly("SY-DY|2018-11-17", AlertSeverity.WARNING);
        assertThat(alert.get().getMessage()).endsWith("against none in the previous 7 days.");
    }

    @Test
    void shouldStayQuietWhenTheDayIsBelowTheMinimum() {
        assertThat(rule.evaluate(AlertFixtures.daily("SY-DY", AlertFixtures.DAY, 19), new int[7]))
                .isEmpty();
    }

    @Test
    void shouldStayQuietWhenTheDayIsJustBelowFactorTimesTheMean() {
        // given: mean 10, factor 3: 29 is below 30
        final int[] week = {10, 10, 10, 10, 10, 10, 10};

        // then
        assertThat(rule.evaluate(AlertFixtures.daily("SY-DY", AlertFixtures.DAY, 29), week))
                .isEmpty();
        assertThat(rule.evaluate(AlertFixtures.daily("SY-DY", AlertFixtures.DAY, 30), week))
                .isPresent();
    }

    @Test
    void shouldRaiseCriticalWhenTheDayReachesTheCriticalToll() {
        assertThat(rule.evaluate(AlertFixtures.daily("SY-DY", AlertFixtures.DAY, 100), new int[7]))
                .get()
                .extracting(Alert::getSeverity)
                .isEqualTo(AlertSeverity.CRITICAL);
    }
}
