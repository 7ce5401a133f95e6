package org.wirewatch.alerts;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.wirewatch.common.TallyKey;
import org.wirewatch.schema.Actor;
import org.wirewatch.schema.CasualtyFigure;
import org.wirewatch.schema.CasualtyTally;
import org.wirewatch.schema.Claim;
import org.wirewatch.schema.ClaimKind;
import org.wirewatch.schema.ClaimSource;
import org.wirewatch.schema.EventType;
import org.wirewatch.schema.GeoPrecision;
import org.wirewatch.schema.Incident;
import org.wirewatch.schema.IncidentGrade;
import org.wirewatch.schema.Location;
import org.wirewatch.schema.MentionRef;
import org.wirewatch.schema.RegionLevel;
import org.wirewatch.schema.SourceType;
import org.wirewatch.schema.SubEventType;
import org.wirewatch.schema.TallyWindow;

/** Records shaped like the pipeline's, for alert tests. */
final class AlertFixtures {

    static final Instant T0 = Instant.parse("2018-11-18T09:00:00Z");
    static final LocalDate DAY = LocalDate.of(2018, 11, 17);

    private AlertFixtures() {}

    static CasualtyFigure figure(final int low, final int best, final int high) {
        return CasualtyFigure.newBuilder()
                .setLow(low)
                .setBest(best)
                .setHigh(high)
                .build();
    }

    /** An air strike in Abu Husn, Deir ez-Zor; single source, no children unless set. */
    static Incident incident(final String id, final int killed) {
        return Incident.newBuilder()
                .setIncidentId(id)
                .setEventType(EventType.EXPLOSIONS_REMOTE_VIOLENCE)
                .setSubEventType(SubEventType.AIR_DRONE_STRIKE)
                .setEventDate(DAY)
                .setLocation(Location.newBuilder()
                        .setCountryCode("SY")
                        .setAdmin1Code("SY-DY")
                        .setAdmin1Name("Deir ez-Zor")
                        .setPlace("Abu Husn")
                        .setGeoPrecision(GeoPrecision.PLACE)
                        .build())
                .setActor(Actor.newBuilder().setName("US-led coalition").build())
                .setKilled(figure(killed, killed, killed))
                .setMentions(List.of(MentionRef.newBuilder()
                        .setMentionId(id + "#1")
                        .setReportUri("urn:afp:" + id)
                        .setReportVersion(1)
                        .setAgency("AFP")
                        .build()))
                .setSourceCount(1)
                .setGrade(IncidentGrade.SINGLE_SOURCE)
                .setFirstReportedAt(T0)
                .setUpdatedAt(T0)
                .build();
    }

    /** What one rule raised on incident "inc-1". */
    static org.wirewatch.schema.Alert alert(
            final org.wirewatch.schema.AlertRule rule, final org.wirewatch.schema.AlertSeverity severity) {
        return org.wirewatch.schema.Alert.newBuilder()
                .setAlertId(rule.name() + "|inc-1")
                .setRule(rule)
                .setSeverity(severity)
                .setSubject("inc-1")
                .setIncidentId("inc-1")
                .setTitle(rule.name().toLowerCase())
                .setMessage("Air/drone strike.")
                .setRaisedAt(T0)
                .build();
    }

    static Incident withChildren(final Incident i, final int children) {
        return Incident.newBuilder(i).setChildrenKilled(children).build();
    }

    static Incident graded(final Incident i, final IncidentGrade grade) {
        return Incident.newBuilder(i).setGrade(grade).build();
    }

    static Claim claim(
            final String id, final String incidentId, final ClaimKind kind, final Integer killed, final String source) {
        return Claim.newBuilder()
                .setClaimId(id)
                .setIncidentId(incidentId)
                .setSource(ClaimSource.newBuilder()
                        .setName(source)
                        .setType(kind == ClaimKind.DENIAL ? SourceType.BELLIGERENT : SourceType.MONITOR)
                        .build())
                .setKind(kind)
                .setKilled(killed)
                .build();
    }

    static CasualtyTally daily(final String region, final LocalDate day, final int killed) {
        return CasualtyTally.newBuilder()
                .setRegionCode(region)
                .setRegionLevel(RegionLevel.ADMIN1)
                .setRegionName("Deir ez-Zor")
                .setWindow(TallyWindow.P1D)
                .setWindowStart(day)
                .setWindowEnd(day)
                .setIncidents(1)
                .setKilled(figure(killed, killed, killed))
                .setInjured(figure(0, 0, 0))
                .setUpdatedAt(T0)
                .build();
    }

    static String key(final CasualtyTally t) {
        return TallyKey.of(t);
    }
}
