package org.wirewatch.alerts;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.wirewatch.common.Figures;
import org.wirewatch.schema.Alert;
import org.wirewatch.schema.AlertRule;
import org.wirewatch.schema.AlertSeverity;
import org.wirewatch.schema.CasualtyFigure;
import org.wirewatch.schema.ClaimKind;
import org.wirewatch.schema.Incident;
import org.wirewatch.schema.IncidentGrade;
import org.wirewatch.schema.Location;
import org.wirewatch.schema.MentionRef;

/**
 * The incident rules (MASS_CASUALTY, CHILDREN_KILLED, CONTESTED_TOLL) as a pure function: the alerts an incident
 * deserves right now, each at its severity. {@link SubjectAlert} folds them into the incident's one alert and
 * decides whether it must be published.
 */
public final class IncidentRules {

    private final AlertRules rules;

    public IncidentRules(final AlertRules rules) {
        this.rules = rules;
    }

    /** The alerts the incident deserves, in rule order. */
    public List<Alert> evaluate(final Incident incident, final IncidentClaims claims) {
        final List<Alert> out = new ArrayList<>();
        final Integer killed = killed(incident.getKilled());
        final AlertRules.MassCasualty mass = rules.massCasualty();
        if (mass.enabled() && killed != null && killed >= mass.minKilled()) {
            final AlertSeverity s = killed >= mass.criticalKilled() ? AlertSeverity.CRITICAL : AlertSeverity.WARNING;
            out.add(alert(
                    AlertRule.MASS_CASUALTY,
                    s,
                    incident,
                    killed + " killed in " + where(incident.getLocation()),
                    summary(incident) + " Reported by " + sources(incident) + "."));
        }
        final AlertRules.ChildrenKilled kids = rules.childrenKilled();
        final Integer children = incident.getChildrenKilled();
        if (kids.enabled() && children != null && children >= kids.minChildren()) {
            final AlertSeverity s =
                    children >= kids.criticalChildren() ? AlertSeverity.CRITICAL : AlertSeverity.WARNING;
            out.add(alert(
                    AlertRule.CHILDREN_KILLED,
                    s,
                    incident,
                    children + (children == 1 ? " child" : " children") + " killed in " + where(incident.getLocation()),
                    summary(incident) + " Reported by " + sources(incident) + "."));
        }
        final AlertRules.ContestedToll contested = rules.contestedToll();
        final boolean denied = claims.denialAgainstFigure();
        if (contested.enabled() && (denied || incident.getGrade() == IncidentGrade.CONTESTED)) {
            final AlertSeverity s = killed != null && killed >= contested.criticalKilled()
                    ? AlertSeverity.CRITICAL
                    : AlertSeverity.WARNING;
            out.add(alert(
                    AlertRule.CONTESTED_TOLL,
                    s,
                    incident,
                    "Contested toll in " + where(incident.getLocation())
                            + (killed == null ? "" : ": " + killed + " killed")
                            + (denied ? ", denied by " + deniers(claims) : ""),
                    summary(incident)
                            + (claims.claims().isEmpty()
                                    ? " Graded contested by consolidation."
                                    : " Claims: " + sideBySide(claims) + ".")));
        }
        return out;
    }

    /** The figure rules read: the one the tally counts and the feed shows ({@link Figures#best}). */
    static Integer killed(final CasualtyFigure f) {
        return Figures.best(f);
    }

    private static Alert alert(
            final AlertRule rule,
            final AlertSeverity severity,
            final Incident i,
            final String title,
            final String message) {
        final Location loc = i.getLocation();
        return Alert.newBuilder()
                .setAlertId(rule.name() + "|" + i.getIncidentId())
                .setRule(rule)
                .setSeverity(severity)
                .setSubject(i.getIncidentId())
                .setIncidentId(i.getIncidentId())
                .setRegionCode(
                        loc == null ? null : loc.getAdmin1Code() != null ? loc.getAdmin1Code() : loc.getCountryCode())
                .setTitle(title)
                .setMessage(message)
                .setKilledBest(killed(i.getKilled()))
                .setEventDate(i.getEventDate())
                .setRaisedAt(i.getUpdatedAt())
                .build();
    }

    /** "Abu Husn, Deir ez-Zor, Syria", from the most to the least precise part known. */
    static String where(final Location loc) {
        if (loc == null) {
            return "an unknown place";
        }
        final List<String> parts = new ArrayList<>();
        if (loc.getPlace() != null) {
            parts.add(loc.getPlace());
        }
        if (loc.getAdmin1Name() != null && !loc.getAdmin1Name().equals(loc.getPlace())) {
            parts.add(loc.getAdmin1Name());
        } else if (loc.getAdmin1Name() == null && loc.getAdmin1Code() != null) {
            parts.add(loc.getAdmin1Code());
        }
        if (loc.getCountryCode() != null) {
            final String country = new Locale("", loc.getCountryCode()).getDisplayCountry(Locale.ENGLISH);
            parts.add(country.isEmpty() ? loc.getCountryCode() : country);
        }
        return parts.isEmpty() ? "an unknown place" : String.join(", ", parts);
    }

    private static String summary(final Incident i) {
        final StringBuilder b = new StringBuilder();
        b.append(label(i.getSubEventType().name())).append(" on ").append(i.getEventDate());
        if (i.getActor() != null) {
            b.append(" by ").append(i.getActor().getName());
            if (i.getActor().getQualifier() != null) {
                b.append(" (").append(i.getActor().getQualifier()).append(')');
            }
        }
        final CasualtyFigure k = i.getKilled();
        if (k != null && killed(k) != null) {
            b.append(": ").append(killed(k)).append(" killed");
            if (k.getLow() != null && k.getHigh() != null && !k.getLow().equals(k.getHigh())) {
                b.append(" (")
                        .append(k.getLow())
                        .append('-')
                        .append(k.getHigh())
                        .append(')');
            }
        }
        if (i.getChildrenKilled() != null && i.getChildrenKilled() > 0) {
            b.append(", ").append(i.getChildrenKilled()).append(" of them children");
        }
        b.append('.');
        return b.toString();
    }

    private static String sources(final Incident i) {
        final String agencies = i.getMentions().stream()
                .map(MentionRef::getAgency)
                .filter(a -> a != null)
                .distinct()
                .collect(Collectors.joining(", "));
        final String grade = i.getGrade().name().toLowerCase(Locale.ROOT).replace('_', ' ');
        return (agencies.isEmpty() ? i.getSourceCount() + " source(s)" : agencies) + " (" + grade + ")";
    }

    private static String deniers(final IncidentClaims claims) {
        return claims.claims().values().stream()
                .filter(c -> c.kind() == ClaimKind.DENIAL)
                .map(ClaimMark::source)
                .distinct()
                .collect(Collectors.joining(", "));
    }

    /** "SOHR: 43 killed · US-led coalition: denies", figures first. */
    private static String sideBySide(final IncidentClaims claims) {
        return claims.claims().values().stream()
                .sorted((a, b) -> a.kind() == b.kind()
                        ? a.claimId().compareTo(b.claimId())
                        : a.kind() == ClaimKind.FIGURE ? -1 : 1)
                .map(c -> c.source() + ": "
                        + (c.kind() == ClaimKind.DENIAL
                                ? "denies"
                                : c.killed() == null ? "reports casualties" : c.killed() + " killed"))
                .distinct()
                .collect(Collectors.joining(" \u00b7 "));
    }

    private static String label(final String enumName) {
        final String s = enumName.toLowerCase(Locale.ROOT).replace('_', ' ');
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
