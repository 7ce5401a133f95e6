package org.wirewatch.sink;

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

/** Records shaped like the pipeline's, for sink tests. */
public final class Fixtures {

    public static final Instant T0 = Instant.parse("2018-11-18T09:00:00Z");

    private Fixtures() {}

    public static CasualtyFigure figure(final int low, final int best, final int high) {
        return CasualtyFigure.newBuilder()
                .setLow(low)
                .setBest(best)
                .setHigh(high)
                .setVague(false)
                .build();
    }

    /** The Abu Husn strike of the dev corpus, with a given best killed figure. */
    public static Incident incident(final String id, final int killed) {
        return Incident.newBuilder()
                .setIncidentId(id)
                .setEventType(EventType.EXPLOSIONS_REMOTE_VIOLENCE)
                .setSubEventType(SubEventType.AIR_DRONE_STRIKE)
                .setEventDate(LocalDate.of(2018, 11, 17))
                .setLocation(Location.newBuilder()
                        .setCountryCode("SY")
                        .setAdmin1Code("SY-DY")
                        .setAdmin1Name("Deir ez-Zor")
                        .setPlace("Abu Husn")
                        .setGeoPrecision(GeoPrecision.PLACE)
                        .build())
                .setActor(Actor.newBuilder().setName("US-led coalition").build())
                .setKilled(figure(killed, killed, killed + 2))
                .setChildrenKilled(17)
                .setMentions(List.of(
                        MentionRef.newBuilder()
                                .setMentionId("urn:afp:1#1")
                                .setReportUri("urn:afp:1")
                                .setReportVersion(1)
                                .setAgency("AFP")
                                .setKilled(figure(killed, killed, killed))
                                .setReportedAt(T0)
                                .build(),
                        MentionRef.newBuilder()
                                .setMentionId("urn:rtr:9#1")
                                .setReportUri("urn:rtr:9")
                                .setReportVersion(2)
                                .setAgency("Reuters")
                                .setKilled(figure(killed, killed, killed + 2))
                                .setReportedAt(T0)
                                .build()))
                .setSourceCount(2)
                .setGrade(IncidentGrade.CONTESTED)
                .setEvidence(List.of(EvidenceSpan.newBuilder()
                        .setStart(0)
                        .setEnd(60)
                        .setText("US-led coalition air strikes Saturday killed " + killed
                                + " people, \"mostly civilians\"")
                        .build()))
                .setFirstReportedAt(T0)
                .setUpdatedAt(T0.plusSeconds(killed))
                .build();
    }

    public static Claim claim(final String id, final String incidentId, final ClaimKind kind, final Integer killed) {
        return Claim.newBuilder()
                .setClaimId(id)
                .setIncidentId(incidentId)
                .setMentionId("urn:afp:1#1")
                .setReportUri("urn:afp:1")
                .setReportVersion(1)
                .setAgency("AFP")
                .setSource(ClaimSource.newBuilder()
                        .setName("Syrian Observatory for Human Rights")
                        .setType(SourceType.MONITOR)
                        .build())
                .setKind(kind)
                .setKilled(killed)
                .setEvidence(List.of(EvidenceSpan.newBuilder()
                        .setStart(0)
                        .setEnd(5)
                        .setText("43 killed")
                        .build()))
                .build();
    }

    public static CasualtyTally tally(final String region, final LocalDate start, final int killed) {
        return CasualtyTally.newBuilder()
                .setRegionCode(region)
                .setRegionLevel(region.contains("-") ? RegionLevel.ADMIN1 : RegionLevel.COUNTRY)
                .setRegionName("Deir ez-Zor")
                .setWindow(TallyWindow.P1D)
                .setWindowStart(start)
                .setWindowEnd(start)
                .setIncidents(1)
                .setKilled(figure(killed, killed, killed))
                .setInjured(figure(0, 0, 0))
                .setCiviliansKilled(0)
                .setChildrenKilled(0)
                .setUpdatedAt(T0)
                .build();
    }

    public static String tallyKey(final CasualtyTally t) {
        return TallyKey.of(t);
    }
}
