package org.wirewatch.streams;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.wirewatch.schema.Actor;
import org.wirewatch.schema.CasualtyFigure;
import org.wirewatch.schema.Claim;
import org.wirewatch.schema.ClaimKind;
import org.wirewatch.schema.ClaimSource;
import org.wirewatch.schema.EventType;
import org.wirewatch.schema.ExtractionStatus;
import org.wirewatch.schema.GeoPrecision;
import org.wirewatch.schema.Incident;
import org.wirewatch.schema.IncidentGrade;
import org.wirewatch.schema.IncidentMention;
import org.wirewatch.schema.Location;
import org.wirewatch.schema.PubStatus;
import org.wirewatch.schema.Recency;
import org.wirewatch.schema.ReportExtraction;
import org.wirewatch.schema.ReportFormat;
import org.wirewatch.schema.SourceType;
import org.wirewatch.schema.SubEventType;
import org.wirewatch.schema.WireReport;

/** Hand-made records for topology tests: the semantics under test never depend on the extractor. */
public final class Fixtures {

    public static final LocalDate DAY = LocalDate.of(2018, 11, 17);
    public static final Instant PUBLISHED = Instant.parse("2018-11-17T14:00:00Z");

    private Fixtures() {}

    public static WireReport report(final String uri, final int version, final PubStatus status) {
        return WireReport.newBuilder()
                .setUri(uri)
                .setVersion(version)
                .setPubStatus(status)
                .setFirstCreated(PUBLISHED)
                .setVersionCreated(PUBLISHED.plusSeconds(60L * version))
                .setLanguage("en")
                .setAgency("AFP")
                .setLocated("Beirut")
                .setHeadline("Strikes kill " + version)
                .setBody("BEIRUT: strikes killed people.")
                .setUrgency(null)
                .setFormat(ReportFormat.NINJS)
                .setSource("test")
                .setReceivedAt(PUBLISHED)
                .setSignals(List.of())
                .build();
    }

    public static CasualtyFigure figure(final Integer low, final Integer best, final Integer high) {
        return CasualtyFigure.newBuilder()
                .setLow(low)
                .setBest(best)
                .setHigh(high)
                .setVague(false)
                .build();
    }

    public static CasualtyFigure killed(final int n) {
        return figure(n, n, n);
    }

    /** A builder of one mention, defaulting to an air strike in Abu Husn, Deir ez-Zor, on {@link #DAY}. */
    public static MentionBuilder mention(final String mentionId) {
        return new MentionBuilder(mentionId);
    }

    public static final class MentionBuilder {
        private final IncidentMention.Builder b;
        private final Location.Builder loc = Location.newBuilder()
                .setCountryCode("SY")
                .setAdmin1Code("SY-DY")
                .setAdmin1Name("Deir ez-Zor")
                .setPlace("Abu Husn")
                .setGeoPrecision(GeoPrecision.PLACE)
                .setLatitude(null)
                .setLongitude(null);

        MentionBuilder(final String mentionId) {
            b = IncidentMention.newBuilder()
                    .setMentionId(mentionId)
                    .setEventType(EventType.EXPLOSIONS_REMOTE_VIOLENCE)
                    .setSubEventType(SubEventType.AIR_DRONE_STRIKE)
                    .setEventDate(DAY)
                    .setDateToleranceDays(0)
                    .setRecency(Recency.CURRENT)
                    .setActor(Actor.newBuilder()
                            .setName("US-led coalition")
                            .setQualifier(null)
                            .build())
                    .setKilled(Fixtures.killed(43))
                    .setInjured(null)
                    .setCiviliansKilled(null)
                    .setChildrenKilled(null)
                    .setAbducted(null)
                    .setEvidence(List.of());
        }

        public MentionBuilder killed(final CasualtyFigure f) {
            b.setKilled(f);
            return this;
        }

        public MentionBuilder killed(final int n) {
            return killed(Fixtures.killed(n));
        }

        public MentionBuilder date(final LocalDate d) {
            b.setEventDate(d);
            return this;
        }

        public MentionBuilder background() {
            b.setRecency(Recency.BACKGROUND);
            return this;
        }

        public MentionBuilder where(final String country, final String admin1, final String place) {
            loc.setCountryCode(country)
                    .setAdmin1Code(admin1)
                    .setPlace(place)
                    .setAdmin1Name(admin1 == null ? null : admin1 + " province");
            return this;
        }

        /** Located only to its region, which extraction then names as the place. */
        public MentionBuilder regionOnly() {
            loc.setPlace(loc.getAdmin1Name()).setGeoPrecision(GeoPrecision.ADMIN1);
            return this;
        }

        public MentionBuilder at(final double latitude, final double longitude) {
            loc.setLatitude(latitude).setLongitude(longitude);
            return this;
        }

        public MentionBuilder type(final EventType type, final SubEventType sub) {
            b.setEventType(type).setSubEventType(sub);
            return this;
        }

        public MentionBuilder actor(final String name) {
            b.setActor(
                    name == null
                            ? null
                            : Actor.newBuilder()
                                    .setName(name)
                                    .setQualifier(null)
                                    .build());
            return this;
        }

        public MentionBuilder children(final Integer n) {
            b.setChildrenKilled(n);
            return this;
        }

        public IncidentMention build() {
            return b.setLocation(loc.build()).build();
        }
    }

    public static Claim claim(
            final String claimId,
            final String mentionId,
            final String source,
            final SourceType type,
            final ClaimKind kind,
            final Integer killed) {
        return Claim.newBuilder()
                .setClaimId(claimId)
                .setMentionId(mentionId)
                .setIncidentId(null)
                .setReportUri(null)
                .setReportVersion(null)
                .setAgency(null)
                .setSource(
                        ClaimSource.newBuilder().setName(source).setType(type).build())
                .setSpeaker(null)
                .setKind(kind)
                .setKilled(killed)
                .setInjured(null)
                .setSuperseded(false)
                .setEvidence(List.of())
                .build();
    }

    public static ReportExtraction extraction(
            final String uri,
            final int version,
            final String agency,
            final List<IncidentMention> mentions,
            final List<Claim> claims) {
        return ReportExtraction.newBuilder()
                .setReportUri(uri)
                .setReportVersion(version)
                .setAgency(agency)
                .setHeadline("h")
                .setPublishedAt(PUBLISHED)
                .setLanguage("en")
                .setStatus(ExtractionStatus.EXTRACTED)
                .setIncidents(new ArrayList<>(mentions))
                .setClaims(new ArrayList<>(claims))
                .build();
    }

    public static ReportExtraction extraction(
            final String uri, final int version, final String agency, final IncidentMention... mentions) {
        return extraction(uri, version, agency, List.of(mentions), List.of());
    }

    /** A consolidated incident for tally tests. */
    public static Incident incident(
            final String id, final String country, final String admin1, final LocalDate day, final int killed) {
        return Incident.newBuilder()
                .setIncidentId(id)
                .setEventType(EventType.EXPLOSIONS_REMOTE_VIOLENCE)
                .setSubEventType(SubEventType.AIR_DRONE_STRIKE)
                .setEventDate(day)
                .setLocation(Location.newBuilder()
                        .setCountryCode(country)
                        .setAdmin1Code(admin1)
                        .setAdmin1Name(admin1 == null ? null : "Region " + admin1)
                        .setPlace(null)
                        .setGeoPrecision(GeoPrecision.ADMIN1)
                        .setLatitude(null)
                        .setLongitude(null)
                        .build())
                .setActor(null)
                .setKilled(killed(killed))
                .setInjured(null)
                .setCiviliansKilled(null)
                .setChildrenKilled(null)
                .setMentions(List.of())
                .setSourceCount(1)
                .setGrade(IncidentGrade.SINGLE_SOURCE)
                .setEvidence(List.of())
                .setFirstReportedAt(PUBLISHED)
                .setUpdatedAt(PUBLISHED)
                .build();
    }

    public static final SourceType MONITOR = SourceType.MONITOR;
}
