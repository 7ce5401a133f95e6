package org.wirewatch.feed;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.wirewatch.common.TallyKey;
import org.wirewatch.schema.Actor;
import org.wirewatch.schema.Alert;
import org.wirewatch.schema.AlertRule;
import org.wirewatch.schema.AlertSeverity;
import org.wirewatch.schema.CasualtyFigure;
import org.wirewatch.schema.CasualtyTally;
import org.wirewatch.schema.Claim;
import org.wirewatch.schema.ClaimKind;
import org.wirewatch.schema.ClaimSource;
import org.wirewatch.schema.EventType;
import org.wirewatch.schema.EvidenceSpan;
import org.wirewatch.schema.GeoPrecision;
import org.wirewatch.schema.Incident;
import org.wirewatch.schema.IncidentGrade;
import org.wirewatch.schema.Location;
import org.wirewatch.schema.MentionRef;
import org.wirewatch.schema.RegionLevel;
import org.wirewatch.schema.SourceType;
import org.wirewatch.schema.SubEventType;
import org.wirewatch.schema.TallyWindow;

/** Records shaped like the pipeline's output, for feed tests. */
final class TestRecords {

    static final Instant T0 = Instant.parse("2018-11-17T16:00:00Z");

    private TestRecords() {}

    static CasualtyFigure figure(final int low, final int best, final int high) {
        return CasualtyFigure.newBuilder()
                .setLow(low)
                .setBest(best)
                .setHigh(high)
                .setVague(false)
                .build();
    }

    static Incident incident(
            final String id,
            final String country,
            final String admin1,
            final String place,
            final LocalDate date,
            final int killed) {
        return Incident.newBuilder()
                .setIncidentId(id)
                .setEventType(EventType.EXPLOSIONS_REMOTE_VIOLENCE)
                .setSubEventType(SubEventType.AIR_DRONE_STRIKE)
                .setEventDate(date)
                .setLocation(Location.newBuilder()
                        .setCountryCode(country)
                        .setAdmin1Code(admin1)
                        .setAdmin1Name(admin1 == null ? null : "Deir ez-Zor")
                        .setPlace(place)
                        .setGeoPrecision(GeoPrecision.PLACE)
                        .build())
                .setActor(Actor.newBuilder().setName("US-led coalition").build())
                .setKilled(figure(killed, killed, killed))
                .setInjured(null)
                .setCiviliansKilled(null)
                .setChildrenKilled(17)
                .setMentions(List.of(MentionRef.newBuilder()
                        .setMentionId(id + "#m1")
                        .setReportUri("urn:test:" + id)
                        .setReportVersion(1)
                        .setAgency("AFP")
                        .setKilled(figure(killed, killed, killed))
                        .build()))
                .setSourceCount(1)
                .setGrade(IncidentGrade.CONTESTED)
                .setEvidence(List.of(EvidenceSpan.newBuilder()
                        .setStart(8)
                        .setEnd(60)
                        .setText("US-led coalition air strikes Saturday killed " + killed + " people")
                        .build()))
                .setFirstReportedAt(T0)
                .setUpdatedAt(T0)
                .build();
    }

    /** A fuller incident for the dashboard tests. */
    static Incident incident(
            final String id,
            final String country,
            final String admin1,
            final String admin1Name,
            final String place,
            final LocalDate date,
            final EventType type,
            final SubEventType sub,
            final String actor,
            final CasualtyFigure killed,
            final Integer children,
            final IncidentGrade grade,
            final int sources) {
        final Incident base =
                incident(id, country, admin1, place, date, killed.getBest() == null ? 0 : killed.getBest());
        return Incident.newBuilder(base)
                .setEventType(type)
                .setSubEventType(sub)
                .setLocation(Location.newBuilder(base.getLocation())
                        .setAdmin1Name(admin1Name)
                        .build())
                .setActor(
                        actor == null ? null : Actor.newBuilder().setName(actor).build())
                .setKilled(killed)
                .setChildrenKilled(children)
                .setGrade(grade)
                .setSourceCount(sources)
                .setUpdatedAt(Instant.now())
                .setFirstReportedAt(Instant.now())
                .build();
    }

    static CasualtyTally tally(
            final String region,
            final String name,
            final TallyWindow window,
            final LocalDate end,
            final int incidents,
            final int killed) {
        return CasualtyTally.newBuilder(tally(region, window, end, killed))
                .setRegionName(name)
                .setIncidents(incidents)
                .build();
    }

    static Claim claim(
            final String id,
            final String incidentId,
            final String source,
            final SourceType type,
            final ClaimKind kind,
            final Integer killed) {
        return Claim.newBuilder()
                .setClaimId(id)
                .setIncidentId(incidentId)
                .setMentionId(incidentId + "#m1")
                .setReportUri("urn:test:" + incidentId)
                .setReportVersion(1)
                .setAgency("AFP")
                .setSource(
                        ClaimSource.newBuilder().setName(source).setType(type).build())
                .setSpeaker(null)
                .setKind(kind)
                .setKilled(killed)
                .setInjured(null)
                .setSuperseded(false)
                .setEvidence(List.of(EvidenceSpan.newBuilder()
                        .setStart(100)
                        .setEnd(140)
                        .setText(source + " said so.")
                        .build()))
                .build();
    }

    static CasualtyTally tally(final String region, final TallyWindow window, final LocalDate end, final int killed) {
        final int days = switch (window) {
            case P1D -> 1;
            case P7D -> 7;
            case P30D -> 30;
        };
        return CasualtyTally.newBuilder()
                .setRegionCode(region)
                .setRegionLevel(region.contains("-") ? RegionLevel.ADMIN1 : RegionLevel.COUNTRY)
                .setRegionName(region.contains("-") ? "Deir ez-Zor" : "Syria")
                .setWindow(window)
                .setWindowStart(end.minusDays(days - 1L))
                .setWindowEnd(end)
                .setIncidents(1)
                .setKilled(figure(killed, killed, killed))
                .setInjured(figure(0, 0, 0))
                .setCiviliansKilled(0)
                .setChildrenKilled(0)
                .setUpdatedAt(Instant.now())
                .build();
    }

    static String tallyKey(final CasualtyTally t) {
        return TallyKey.of(t);
    }

    static Alert alert(final String incidentId, final String region, final int killed) {
        return Alert.newBuilder()
                .setAlertId("MASS_CASUALTY|" + incidentId)
                .setRule(AlertRule.MASS_CASUALTY)
                .setSeverity(AlertSeverity.CRITICAL)
                .setSubject(incidentId)
                .setIncidentId(incidentId)
                .setRegionCode(region)
                .setTitle(killed + " killed in air strike on Abu Husn")
                .setMessage("SOHR: " + killed + " killed; coalition denies civilian casualties.")
                .setKilledBest(killed)
                .setEventDate(LocalDate.of(2018, 11, 17))
                .setRaisedAt(Instant.now())
                .build();
    }
}
