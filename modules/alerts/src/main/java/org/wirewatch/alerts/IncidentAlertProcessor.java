package org.wirewatch.alerts;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.wirewatch.schema.Alert;

/**
 * Evaluates the incident rules on every change of an incident or its claims and forwards, keyed by alert id, the
 * alerts that are new or more severe than last published (remembered in {@value AlertsTopology#INCIDENT_SEVERITY}).
 * A retracted incident raises nothing, and its published severities stay, so a re-publication does not repeat them.
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
    this.published = context.getStateStore(AlertsTopology.INCIDENT_SEVERITY);
  }

  @Override
  public void process(final Record<String, IncidentWithClaims> record) {
    if (record.value() == null || record.value().incident() == null) {
      return;
    }
    for (final Alert alert : rules.evaluate(record.value().incident(), record.value().claims())) {
      if (SeverityGate.raises(published.get(alert.getAlertId()), alert.getSeverity())) {
        published.put(alert.getAlertId(), alert.getSeverity().name());
        context.forward(record.withKey(alert.getAlertId()).withValue(alert));
      }
    }
  }
}
