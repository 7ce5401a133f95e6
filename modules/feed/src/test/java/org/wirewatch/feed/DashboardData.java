package org.wirewatch.feed;

import java.time.LocalDate;
import org.wirewatch.schema.CasualtyTally;
import org.wirewatch.schema.ClaimKind;
import org.wirewatch.schema.EventType;
import org.wirewatch.schema.IncidentGrade;
import org.wirewatch.schema.SourceType;
import org.wirewatch.schema.SubEventType;
import org.wirewatch.schema.TallyWindow;

/** A small, realistic state of the sink topics for the dashboard tests and the fan-out benchmark. */
final class DashboardData {

  static final int INCIDENTS = 4;

  private DashboardData() {}

  static void publish(final FeedFixture f, final LocalDate today) {
    f.send(FeedEventType.INCIDENT, "pk-quetta-blast", TestRecords.incident("pk-quetta-blast", "PK", "PK-BA",
        "Balochistan", "Quetta", today.minusDays(2), EventType.EXPLOSIONS_REMOTE_VIOLENCE, SubEventType.SUICIDE_BOMB,
        "Unidentified armed group", TestRecords.figure(20, 22, 24), null, IncidentGrade.MULTIPLE_SOURCES, 2));
    f.send(FeedEventType.CLAIM, "pk-1#c1", TestRecords.claim("pk-1#c1", "pk-quetta-blast", "Quetta police",
        SourceType.LOCAL_OFFICIAL, ClaimKind.FIGURE, 20));
    f.send(FeedEventType.CLAIM, "pk-2#c1", TestRecords.claim("pk-2#c1", "pk-quetta-blast", "Civil Hospital Quetta",
        SourceType.MEDICAL, ClaimKind.FIGURE, 24));
    f.send(FeedEventType.INCIDENT, "af-laghman", TestRecords.incident("af-laghman", "AF", "AF-LAG", "Laghman",
        "Mehtarlam", today.minusDays(5), EventType.EXPLOSIONS_REMOTE_VIOLENCE, SubEventType.SUICIDE_BOMB, null,
        TestRecords.figure(10, 22, 22), null, IncidentGrade.CONFIRMED, 1));
    f.send(FeedEventType.CLAIM, "af-1#c1", TestRecords.claim("af-1#c1", "af-laghman", "Laghman governor's office",
        SourceType.LOCAL_OFFICIAL, ClaimKind.FIGURE, 22));
    f.send(FeedEventType.CLAIM, "af-1#c2", TestRecords.claim("af-1#c2", "af-laghman", "Ministry of Interior",
        SourceType.GOVERNMENT, ClaimKind.CONFIRMATION, null));
    f.send(FeedEventType.INCIDENT, "ng-rann", TestRecords.incident("ng-rann", "NG", "NG-BO", "Borno", "Rann",
        today.minusDays(12), EventType.EXPLOSIONS_REMOTE_VIOLENCE, SubEventType.AIR_DRONE_STRIKE, "Nigerian Air Force",
        TestRecords.figure(52, 76, 115), null, IncidentGrade.CONTESTED, 3));
    f.send(FeedEventType.CLAIM, "ng-1#c1", TestRecords.claim("ng-1#c1", "ng-rann", "Medecins Sans Frontieres",
        SourceType.UN_NGO, ClaimKind.FIGURE, 76));
    f.send(FeedEventType.CLAIM, "ng-1#c2", TestRecords.claim("ng-1#c2", "ng-rann", "Borno state government",
        SourceType.LOCAL_OFFICIAL, ClaimKind.FIGURE, 52));
    f.send(FeedEventType.INCIDENT, "so-hilowle", TestRecords.incident("so-hilowle", "SO", "SO-SH", "Shabeellaha Hoose",
        "Hilowle Gaab", today.minusDays(20), EventType.BATTLES, SubEventType.ARMED_CLASH, "Al-Shabaab",
        TestRecords.figure(5, 8, 8), null, IncidentGrade.SINGLE_SOURCE, 1));

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

    f.send(FeedEventType.ALERT, "MASS_CASUALTY|sy-abu-husn", org.wirewatch.schema.Alert.newBuilder(
        TestRecords.alert("sy-abu-husn", "SY-DY", 43))
        .setTitle("43 killed in air strike on Abu Husn, Deir ez-Zor (SY)")
        .setMessage("Syrian Observatory for Human Rights: 43 killed, 17 children. US-led coalition denies civilian"
            + " casualties.")
        .build());
  }

  /** One day's tally and the 7- and 30-day windows ending today that contain it. */
  private static void tallies(final FeedFixture f, final String region, final String name, final LocalDate today,
      final LocalDate day, final int killed) {
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
