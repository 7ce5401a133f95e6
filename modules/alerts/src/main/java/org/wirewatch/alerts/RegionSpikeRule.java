package org.wirewatch.alerts;

import java.time.LocalDate;
import java.util.Optional;
import org.wirewatch.schema.Alert;
import org.wirewatch.schema.AlertRule;
import org.wirewatch.schema.AlertSeverity;
import org.wirewatch.schema.CasualtyTally;

/**
 * REGION_SPIKE as a pure function of a region's daily (P1D) tally and its daily killed on the baseline days
 * before it: the day must reach {@code minKilled} and {@code factor} times the baseline's daily mean.
 */
public final class RegionSpikeRule {

    private final AlertRules.RegionSpike rule;

    public RegionSpikeRule(final AlertRules rules) {
        this.rule = rules.regionSpike();
    }

    /** Days before the event day that make the baseline. */
    public int baselineDays() {
        return rule.baselineDays();
    }

    /**
     * @param day      the region's P1D tally
     * @param baseline killed on each of the {@link #baselineDays()} days before it (missing days as 0)
     */
    public Optional<Alert> evaluate(final CasualtyTally day, final int[] baseline) {
        if (!rule.enabled()) {
            return Optional.empty();
        }
        final int killed = killed(day);
        double sum = 0;
        for (final int k : baseline) {
            sum += k;
        }
        final double mean = sum / rule.baselineDays();
        if (killed < rule.minKilled() || killed < rule.factor() * mean) {
            return Optional.empty();
        }
        final AlertSeverity severity = killed >= rule.criticalKilled() ? AlertSeverity.CRITICAL : AlertSeverity.WARNING;
        final LocalDate date = day.getWindowStart();
        final String name = day.getRegionName() == null
                ? day.getRegionCode()
                : day.getRegionName() + " (" + day.getRegionCode() + ")";
        final String subject = day.getRegionCode() + "|" + date;
        final String against = mean == 0
                ? "none in the previous " + rule.baselineDays() + " days"
                : String.format(
                        java.util.Locale.ROOT,
                        "%.1f times the daily mean of the previous %d days (%.1f)",
                        killed / mean,
                        rule.baselineDays(),
                        mean);
        return Optional.of(Alert.newBuilder()
                .setAlertId(AlertRule.REGION_SPIKE.name() + "|" + subject)
                .setRule(AlertRule.REGION_SPIKE)
                .setSeverity(severity)
                .setSubject(subject)
                .setRegionCode(day.getRegionCode())
                .setTitle("Spike in " + name + ": " + killed + " killed on " + date)
                .setMessage(killed + " killed on " + date + " in " + day.getIncidents() + " incident"
                        + (day.getIncidents() == 1 ? "" : "s") + " in " + name + ", against " + against + ".")
                .setKilledBest(killed)
                .setEventDate(date)
                .setRaisedAt(day.getUpdatedAt())
                .build());
    }

    /** The day's killed: the sum of best figures, or of low ones when no best is known. */
    static int killed(final CasualtyTally t) {
        if (t == null || t.getKilled() == null) {
            return 0;
        }
        final Integer k = IncidentRules.killed(t.getKilled());
        return k == null ? 0 : k;
    }
}
