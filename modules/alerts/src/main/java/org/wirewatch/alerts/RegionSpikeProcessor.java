package org.wirewatch.alerts;

import java.time.LocalDate;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.wirewatch.schema.Alert;
import org.wirewatch.schema.CasualtyTally;

/**
 * Keeps each region's daily killed ({@value AlertsTopology#REGION_DAILY_KILLED}, key {@code region|day}) from its
 * P1D tallies, and evaluates REGION_SPIKE for the day that changed against the days before it. Input is keyed by
 * region, so all days of a region are on one partition.
 */
final class RegionSpikeProcessor implements Processor<String, CasualtyTally, String, Alert> {

    private final RegionSpikeRule rule;
    private ProcessorContext<String, Alert> context;
    private KeyValueStore<String, Integer> daily;
    private KeyValueStore<String, String> published;

    RegionSpikeProcessor(final RegionSpikeRule rule) {
        this.rule = rule;
    }

    @Override
    public void init(final ProcessorContext<String, Alert> context) {
        this.context = context;
        this.daily = context.getStateStore(AlertsTopology.REGION_DAILY_KILLED);
        this.published = context.getStateStore(AlertsTopology.REGION_PUBLISHED);
    }

    @Override
    public void process(final Record<String, CasualtyTally> record) {
        final CasualtyTally day = record.value();
        if (day == null) {
            return;
        }
        final String region = day.getRegionCode();
        final LocalDate date = day.getWindowStart();
        final int killed = RegionSpikeRule.killed(day);
        if (killed == 0) {
            daily.delete(region + "|" + date);
            return;
        }
        daily.put(region + "|" + date, killed);
        final int[] baseline = new int[rule.baselineDays()];
        for (int i = 0; i < baseline.length; i++) {
            final Integer k = daily.get(region + "|" + date.minusDays(i + 1L));
            baseline[i] = k == null ? 0 : k;
        }
        rule.evaluate(day, baseline)
                .flatMap(a -> SubjectAlert.of(a.getAlertId(), java.util.List.of(a)))
                .ifPresent(alert -> SubjectAlert.escalation(published.get(alert.getAlertId()), alert)
                        .ifPresent(signature -> {
                            published.put(alert.getAlertId(), signature);
                            context.forward(record.withKey(alert.getAlertId()).withValue(alert));
                        }));
    }
}
