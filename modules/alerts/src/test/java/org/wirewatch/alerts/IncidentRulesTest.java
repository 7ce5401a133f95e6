package org.wirewatch.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.wirewatch.schema.Alert;
import org.wirewatch.schema.AlertRule;
import org.wirewatch.schema.AlertSeverity;
import org.wirewatch.schema.CasualtyFigure;
import org.wirewatch.schema.ClaimKind;
import org.wirewatch.schema.Incident;

class IncidentRulesTest {

    private final IncidentRules rules = new IncidentRules(AlertRules.defaults());

    @Test
    void shouldRaiseMassCasualtyAtTheThresholdWhenBestReachesIt() {
        // when
        final var alerts = rules.evaluate(AlertFixtures.incident("i", 10), IncidentClaims.empty());

        // then
        assertThat(alerts)
                .extracting(Alert::getRule, Alert::getSeverity, Alert::getAlertId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(
                        AlertRule.MASS_CASUALTY, AlertSeverity.WARNING, "MASS_CASUALTY|i"));
        assertThat(alerts.get(0).getMessage())
                .isEqualTo(
                        "Air drone strike on 2018-11-17 by US-led coalition: 10 killed. Reported by AFP (single source).");
    }

    @Test
    void shouldStayQuietWhenBestIsBelowTheThreshold() {
        assertThat(rules.evaluate(AlertFixtures.incident("i", 9), IncidentClaims.empty()))
                .isEmpty();
    }

    @Test
    void shouldUseTheLowFigureWhenOnlyAVagueCountIsKnown() {
        // given: "dozens killed": no best, low 24
        final Incident vague = Incident.newBuilder(AlertFixtures.incident("i", 0))
                .setKilled(CasualtyFigure.newBuilder().setLow(24).setVague(true).build())
                .build();

        // when / then
        assertThat(rules.evaluate(vague, IncidentClaims.empty()))
                .extracting(Alert::getKilledBest)
                .containsExactly(24);
    }

    @Test
    void shouldUseTheUpperBoundAsTheTallyDoesWhenTheReportStatesOnlyThat() {
        // given: "up to 12 killed": no low, no best
        final Incident upTo = Incident.newBuilder(AlertFixtures.incident("i", 0))
                .setKilled(CasualtyFigure.newBuilder().setHigh(12).build())
                .build();

        // when / then: the number the tally counts for this incident reaches the threshold of 10
        assertThat(rules.evaluate(upTo, IncidentClaims.empty()))
                .extracting(Alert::getKilledBest)
                .containsExactly(12);
    }

    @Test
    void shouldRaiseCriticalWhenChildrenReachTheCriticalCount() {
        // when
        final var alerts =
                rules.evaluate(AlertFixtures.withChildren(AlertFixtures.incident("i", 3), 10), IncidentClaims.empty());

        // then
        assertThat(alerts)
                .extracting(Alert::getRule, Alert::getSeverity)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(AlertRule.CHILDREN_KILLED, AlertSeverity.CRITICAL));
    }

    @Test
    void shouldNotContestWhenOnlyDenialsExist() {
        // given: a denial, but nobody put a figure on the incident
        final IncidentClaims claims =
                new IncidentClaims(Map.of("c", new ClaimMark("c", ClaimKind.DENIAL, null, "Army")));

        // then
        assertThat(claims.denialAgainstFigure()).isFalse();
        assertThat(rules.evaluate(AlertFixtures.incident("i", 3), claims)).isEmpty();
    }

    @Test
    void shouldKeepTheNewVersionOfAClaimWhenTheOldOneIsRemovedAfterIt() {
        // given
        final ClaimMark old = new ClaimMark("c", ClaimKind.FIGURE, 5, "SOHR");
        final ClaimMark updated = new ClaimMark("c", ClaimKind.FIGURE, 7, "SOHR");
        IncidentClaims agg = new IncidentClaims.Add().apply("i", old, IncidentClaims.empty());

        // when: the new version arrives before the old one's removal
        agg = new IncidentClaims.Add().apply("i", updated, agg);
        agg = new IncidentClaims.Remove().apply("i", old, agg);

        // then
        assertThat(agg.claims()).containsEntry("c", updated);
    }

    @Test
    void shouldPublishASubjectAgainOnlyWhenAReasonIsNewOrMoreSevere() {
        final Alert toll = AlertFixtures.alert(AlertRule.MASS_CASUALTY, AlertSeverity.WARNING);
        final Alert tollCritical = AlertFixtures.alert(AlertRule.MASS_CASUALTY, AlertSeverity.CRITICAL);
        final Alert kids = AlertFixtures.alert(AlertRule.CHILDREN_KILLED, AlertSeverity.WARNING);
        final Alert first = SubjectAlert.of("INCIDENT|i", List.of(toll)).orElseThrow();

        assertThat(SubjectAlert.escalation(null, first)).contains("MASS_CASUALTY:WARNING");
        assertThat(SubjectAlert.escalation("MASS_CASUALTY:WARNING", first)).isEmpty();
        assertThat(SubjectAlert.escalation("MASS_CASUALTY:CRITICAL", first)).isEmpty();
        assertThat(SubjectAlert.escalation(
                        "MASS_CASUALTY:WARNING",
                        SubjectAlert.of("INCIDENT|i", List.of(tollCritical)).orElseThrow()))
                .contains("MASS_CASUALTY:CRITICAL");
        // a reason no longer holding is not an escalation, and what was published of it is kept
        assertThat(SubjectAlert.escalation(
                        "MASS_CASUALTY:CRITICAL",
                        SubjectAlert.of("INCIDENT|i", List.of(kids)).orElseThrow()))
                .contains("MASS_CASUALTY:CRITICAL,CHILDREN_KILLED:WARNING");
        assertThat(SubjectAlert.of("INCIDENT|i", List.of())).isEmpty();
    }
}
