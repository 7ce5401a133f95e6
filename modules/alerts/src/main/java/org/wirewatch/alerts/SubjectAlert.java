package org.wirewatch.alerts;

import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.wirewatch.schema.Alert;
import org.wirewatch.schema.AlertReason;
import org.wirewatch.schema.AlertRule;
import org.wirewatch.schema.AlertSeverity;

/**
 * One alert per subject. The rules give one alert each; a desk and a receiver want one per incident (or per region
 * and day) that escalates: every rule that holds listed as a reason, the severity the highest of them. Published
 * again only when a rule that was never published starts to hold or one's severity rises above what was published,
 * so an alert never repeats and never de-escalates ({@link #escalation}).
 */
public final class SubjectAlert {

    /** The alert id of the incident rules' alert for an incident. */
    public static final String INCIDENT_PREFIX = "INCIDENT|";

    private SubjectAlert() {}

    /** The alert id of an incident's alert. */
    public static String incidentAlertId(final String incidentId) {
        return INCIDENT_PREFIX + incidentId;
    }

    /**
     * The rules' alerts on one subject folded into one, or empty when no rule holds.
     *
     * @param alertId the subject's alert id
     * @param perRule what each rule raised, in rule order, all on the same subject
     */
    public static Optional<Alert> of(final String alertId, final List<Alert> perRule) {
        if (perRule.isEmpty()) {
            return Optional.empty();
        }
        final List<AlertReason> reasons = perRule.stream()
                .map(a -> AlertReason.newBuilder()
                        .setRule(a.getRule())
                        .setSeverity(a.getSeverity())
                        .setTitle(a.getTitle())
                        .build())
                .toList();
        // The most severe rule heads the alert; among equals the first in rule order (a toll before a child count).
        final Alert head = perRule.stream()
                .max(Comparator.comparingInt((Alert a) -> a.getSeverity().ordinal())
                        .thenComparing(a -> -perRule.indexOf(a)))
                .orElseThrow();
        final List<String> others = perRule.stream()
                .filter(a -> a != head)
                .map(a -> label(a.getRule()))
                .toList();
        final Set<String> messages = new LinkedHashSet<>();
        messages.add(head.getMessage());
        perRule.forEach(a -> messages.add(a.getMessage()));
        return Optional.of(Alert.newBuilder(head)
                .setAlertId(alertId)
                .setTitle(
                        others.isEmpty()
                                ? head.getTitle()
                                : head.getTitle() + " \u00b7 also " + String.join(", ", others))
                .setMessage(String.join(" ", messages))
                .setReasons(reasons)
                .build());
    }

    /** "children killed" for CHILDREN_KILLED: how a reason reads after the headline. */
    static String label(final AlertRule rule) {
        return rule.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    /**
     * What has been published of a subject, as kept in the state store: {@code RULE:SEVERITY} pairs in rule order,
     * comma-separated (e.g. {@code MASS_CASUALTY:WARNING,CHILDREN_KILLED:CRITICAL}).
     */
    static String signature(final Map<AlertRule, AlertSeverity> reasons) {
        return reasons.entrySet().stream()
                .map(e -> e.getKey().name() + ":" + e.getValue().name())
                .collect(Collectors.joining(","));
    }

    /** The reasons of an alert as their signature. */
    public static String signature(final Alert alert) {
        return signature(reasonsOf(alert));
    }

    static Map<AlertRule, AlertSeverity> parse(final String signature) {
        final Map<AlertRule, AlertSeverity> out = new EnumMap<>(AlertRule.class);
        if (signature == null || signature.isEmpty()) {
            return out;
        }
        for (final String pair : signature.split(",")) {
            final int colon = pair.indexOf(':');
            out.put(AlertRule.valueOf(pair.substring(0, colon)), AlertSeverity.valueOf(pair.substring(colon + 1)));
        }
        return out;
    }

    private static Map<AlertRule, AlertSeverity> reasonsOf(final Alert alert) {
        final Map<AlertRule, AlertSeverity> out = new EnumMap<>(AlertRule.class);
        if (alert.getReasons().isEmpty()) {
            out.put(alert.getRule(), alert.getSeverity());
        }
        alert.getReasons()
                .forEach(r -> out.merge(r.getRule(), r.getSeverity(), (a, b) -> a.ordinal() >= b.ordinal() ? a : b));
        return out;
    }

    /**
     * Whether an alert must be published given what was published of its subject before.
     *
     * @param published the stored signature of everything published so far, or null
     * @param alert     the subject's alert as the rules give it now
     * @return the signature to store when the alert must be published (what was published, each rule at the highest
     *     severity it was ever published with), or empty when it adds nothing: no new rule, no higher severity
     */
    public static Optional<String> escalation(final String published, final Alert alert) {
        final Map<AlertRule, AlertSeverity> before = parse(published);
        final Map<AlertRule, AlertSeverity> merged = new EnumMap<>(before);
        boolean rises = false;
        for (final Map.Entry<AlertRule, AlertSeverity> e : reasonsOf(alert).entrySet()) {
            final AlertSeverity was = before.get(e.getKey());
            if (was == null || e.getValue().ordinal() > was.ordinal()) {
                rises = true;
                merged.put(e.getKey(), e.getValue());
            }
        }
        return rises ? Optional.of(signature(merged)) : Optional.empty();
    }
}
