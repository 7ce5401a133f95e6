package org.wirewatch.feed;

import java.time.LocalDate;
import java.util.List;
import org.wirewatch.schema.Alert;
import org.wirewatch.schema.AlertReason;
import org.wirewatch.schema.AlertRule;
import org.wirewatch.schema.AlertSeverity;
import org.wirewatch.schema.CasualtyTally;
import org.wirewatch.schema.ClaimKind;
import org.wirewatch.schema.EventType;
import org.wirewatch.schema.Incident;
import org.wirewatch.schema.IncidentGrade;
import org.wirewatch.schema.Location;
import org.wirewatch.schema.SourceType;
import org.wirewatch.schema.SubEventType;
import org.wirewatch.schema.TallyWindow;

/** A small, realistic state of the sink topics for the dashboard tests and the fan-out benchmark. */
final class DashboardData {

    static final int INCIDENTS = 4;
    /** Incidents with coordinates: all but the Somali one, whose village no gazetteer places. */
    static final int LOCATED = 3;

    private DashboardData() {}

    static void publish(final FeedFixture f, final LocalDate today) {
        f.send(
                FeedEventType.INCIDENT,
                "pk-quetta-blast",
                at(
                        30.18,
                        66.99,
                        TestRecords.incident(
                                "pk-quetta-blast",
                                "PK",
                                "PK-BA",
                                "Balochistan",
                                "Quetta",
                                today.minusDays(2),
                                EventType.EXPLOSIONS_REMOTE_VIOLENCE,
                                SubEventType.SUICIDE_BOMB,
                                "Unidentified armed group",
                                TestRecords.figure(20, 22, 24),
                                null,
                                IncidentGrade.MULTIPLE_SOURCES,
                                2)));
        f.send(
                FeedEventType.CLAIM,
                "pk-1#c1",
                TestRecords.claim(
                        "pk-1#c1",
                        "pk-quetta-blast",
                        "Quetta police",
                        SourceType.LOCAL_OFFICIAL,
                        ClaimKind.FIGURE,
                        20));
        f.send(
                FeedEventType.CLAIM,
                "pk-2#c1",
                TestRecords.claim(
                        "pk-2#c1",
                        "pk-quetta-blast",
                        "Civil Hospital Quetta",
                        SourceType.MEDICAL,
                        ClaimKind.FIGURE,
                        24));
        f.send(
                FeedEventType.INCIDENT,
                "af-laghman",
                at(
                        34.67,
                        70.21,
                        TestRecords.incident(
                                "af-laghman",
                                "AF",
                                "AF-LAG",
                                "Laghman",
                                "Mehtarlam",
                                today.minusDays(5),
                                EventType.EXPLOSIONS_REMOTE_VIOLENCE,
                                SubEventType.SUICIDE_BOMB,
                                null,
                                TestRecords.figure(10, 22, 22),
                                null,
                                IncidentGrade.CONFIRMED,
                                1)));
        f.send(
                FeedEventType.CLAIM,
                "af-1#c1",
                TestRecords.claim(
                        "af-1#c1",
                        "af-laghman",
                        "Laghman governor's office",
                        SourceType.LOCAL_OFFICIAL,
                        ClaimKind.FIGURE,
                        22));
        f.send(
                FeedEventType.CLAIM,
                "af-1#c2",
                TestRecords.claim(
                        "af-1#c2",
                        "af-laghman",
                        "Ministry of Interior",
                        SourceType.GOVERNMENT,
                        ClaimKind.CONFIRMATION,
                        null));
        f.send(
                FeedEventType.INCIDENT,
                "ng-rann",
                at(
                        12.27,
                        14.47,
                        TestRecords.incident(
                                "ng-rann",
                                "NG",
                                "NG-BO",
                                "Borno",
                                "Rann",
                                today.minusDays(12),
                                EventType.EXPLOSIONS_REMOTE_VIOLENCE,
                                SubEventType.AIR_DRONE_STRIKE,
                                "Nigerian Air Force",
                                TestRecords.figure(52, 76, 115),
                                null,
                                IncidentGrade.CONTESTED,
                                3)));
        f.send(
                FeedEventType.CLAIM,
                "ng-1#c1",
                TestRecords.claim(
                        "ng-1#c1", "ng-rann", "Medecins Sans Frontieres", SourceType.UN_NGO, ClaimKind.FIGURE, 76));
        f.send(
                FeedEventType.CLAIM,
                "ng-1#c2",
                TestRecords.claim(
                        "ng-1#c2",
                        "ng-rann",
                        "Borno state government",
                        SourceType.LOCAL_OFFICIAL,
                        ClaimKind.FIGURE,
                        52));
        f.send(
                FeedEventType.INCIDENT,
                "so-hilowle",
                TestRecords.incident(
                        "so-hilowle",
                        "SO",
                        "SO-SH",
                        "Shabeellaha Hoose",
                        "Hilowle Gaab",
                        today.minusDays(20),
                        EventType.BATTLES,
                        SubEventType.ARMED_CLASH,
                        "Al-Shabaab",
                        TestRecords.figure(5, 8, 8),
                        null,
                        IncidentGrade.SINGLE_SOURCE,
                        1));

        tallies(f, "PK", "Pakistan", today, today.minusDays(2), 22);
        tallies(f, "PK-BA", "Balochistan", today, today.minusDays(2), 22);
        tallies(f, "AF", "Afghanistan", today, today.minusDays(5), 22);
        tallies(f, "AF-LAG", "Laghman", today, today.minusDays(5), 22);
        tallies(f, "NG", "Nigeria", today, today.minusDays(12), 76);
        tallies(f, "NG-BO", "Borno", today, today.minusDays(12), 76);
        tallies(f, "SO", "Somalia", today, today.minusDays(20), 8);
        tallies(f, "SO-SH", "Shabeellaha Hoose", today, today.minusDays(20), 8);
        tallies(f, "SY", "Syria", today, today, 43);
        tallies(f, "SY-DY", "Deir ez-Zor", today, today, 43);

        // As the alerts stage publishes them: one alert for the incident with its three reasons, one for the spike.
        f.send(
                FeedEventType.ALERT,
                "INCIDENT|sy-abu-husn",
                Alert.newBuilder(TestRecords.alert("sy-abu-husn", "SY-DY", 43))
                        .setAlertId("INCIDENT|sy-abu-husn")
                        .setTitle(
                                "43 killed in Abu Husn, Deir ez-Zor, Syria \u00b7 also children killed, contested toll")
                        .setMessage(
                                "Air/drone strike by US-led coalition: 43 killed, 17 of them children. US-led coalition denies"
                                        + " civilian casualties.")
                        .setReasons(List.of(
                                reason(
                                        AlertRule.MASS_CASUALTY,
                                        AlertSeverity.WARNING,
                                        "43 killed in Abu Husn, Deir ez-Zor, Syria"),
                                reason(
                                        AlertRule.CHILDREN_KILLED,
                                        AlertSeverity.CRITICAL,
                                        "17 children killed in Abu Husn"),
                                reason(
                                        AlertRule.CONTESTED_TOLL,
                                        AlertSeverity.WARNING,
                                        "Contested toll in Abu Husn: 43 killed")))
                        .build());
        f.send(
                FeedEventType.ALERT,
                "REGION_SPIKE|SY-DY|" + today,
                Alert.newBuilder(TestRecords.alert("SY-DY", "SY-DY", 43))
                        .setAlertId("REGION_SPIKE|SY-DY|" + today)
                        .setIncidentId(null)
                        .setRule(AlertRule.REGION_SPIKE)
                        .setSeverity(AlertSeverity.WARNING)
                        .setSubject("SY-DY|" + today)
                        .setTitle("Spike in Deir ez-Zor (SY-DY): 43 killed on " + today)
                        .setMessage("43 killed in 1 incident, against none in the previous 7 days.")
                        .setReasons(
                                List.of(reason(AlertRule.REGION_SPIKE, AlertSeverity.WARNING, "Spike in Deir ez-Zor")))
                        .build());
        // As alerts written before they were grouped: one per rule on the same incident; the page folds them.
        f.send(
                FeedEventType.ALERT,
                "MASS_CASUALTY|ng-rann",
                Alert.newBuilder(TestRecords.alert("ng-rann", "NG-BO", 76))
                        .setAlertId("MASS_CASUALTY|ng-rann")
                        .setTitle("76 killed in Rann, Borno, Nigeria")
                        .build());
        f.send(
                FeedEventType.ALERT,
                "CONTESTED_TOLL|ng-rann",
                Alert.newBuilder(TestRecords.alert("ng-rann", "NG-BO", 76))
                        .setAlertId("CONTESTED_TOLL|ng-rann")
                        .setRule(AlertRule.CONTESTED_TOLL)
                        .setSeverity(AlertSeverity.WARNING)
                        .setTitle("Contested toll in Rann, Borno, Nigeria: 76 killed")
                        .build());
    }

    /** Alert subjects in {@link #publish}: the Syrian incident, its region's spike, the Nigerian incident. */
    static final int ALERT_SUBJECTS = 3;

    static Incident at(final double latitude, final double longitude, final Incident i) {
        return Incident.newBuilder(i)
                .setLocation(Location.newBuilder(i.getLocation())
                        .setLatitude(latitude)
                        .setLongitude(longitude)
                        .build())
                .build();
    }

    private static AlertReason reason(final AlertRule rule, final AlertSeverity severity, final String title) {
        return AlertReason.newBuilder()
                .setRule(rule)
                .setSeverity(severity)
                .setTitle(title)
                .build();
    }

    /** One day's tally and the 7- and 30-day windows ending today that contain it. */
    private static void tallies(
            final FeedFixture f,
            final String region,
            final String name,
            final LocalDate today,
            final LocalDate day,
            final int killed) {
        final CasualtyTally d = TestRecords.tally(region, name, TallyWindow.P1D, day, 1, killed);
        f.send(FeedEventType.TALLY, TestRecords.tallyKey(d), d);
        if (day.isAfter(today.minusDays(7))) {
            final CasualtyTally w = TestRecords.tally(region, name, TallyWindow.P7D, today, 1, killed);
            f.send(FeedEventType.TALLY, TestRecords.tallyKey(w), w);
        }
        final CasualtyTally m = TestRecords.tally(region, name, TallyWindow.P30D, today, 1, killed);
        f.send(FeedEventType.TALLY, TestRecords.tallyKey(m), m);
    }
}
