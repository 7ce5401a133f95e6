package org.wirewatch.alerts;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.wirewatch.schema.Alert;

/**
 * Evaluates the incident rules on every change of an incident or its claims and forwards the incident's one alert
 * ({@link SubjectAlert}, key {@code INCIDENT|<incidentId>}) when it escalates past what was published (remembered
 * in {@value AlertsTopology#INCIDENT_PUBLISHED}). A retracted incident raises nothing, and what was published of it
 * stays, so a re-publication does not repeat it.
 */
final class IncidentAlertProcessor implements Processor<String, IncidentWithClaims, String, Alert> {

    private final IncidentRules rules;
    private ProcessorContext<String, Alert> context;
    private KeyValueStore<String, String> published;

    IncidentAlertProcessor(final IncidentRules rules) {
        this.rules = rules;
    }

    @Override
    public void init(final ProcessorContext<String, Alert> context) {
        this.context = context;
        this.published = context.getStateStore(AlertsTopology.INCIDENT_PUBLISHED);
    }

    @Override
    public void process(final Record<String, IncidentWithClaims> record) {
        if (record.value() == null || record.value().incident() == null) {
            return;
        }
        final String alertId =
                SubjectAlert.incidentAlertId(record.value().incident().getIncidentId());
        SubjectAlert.of(
                        alertId,
                        rules.evaluate(record.value().incident(), record.value().claims()))
                .ifPresent(alert -> SubjectAlert.escalation(published.get(alertId), alert)
                        .ifPresent(signature -> {
                            published.put(alertId, signature);
                            context.forward(record.withKey(alertId).withValue(alert));
                        }));
    }
}
