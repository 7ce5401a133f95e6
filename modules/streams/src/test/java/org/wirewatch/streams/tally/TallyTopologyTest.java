package org.wirewatch.streams.tally;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wirewatch.streams.Fixtures.DAY;
import static org.wirewatch.streams.Fixtures.incident;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wirewatch.common.TallyKey;
import org.wirewatch.common.Topics;
import org.wirewatch.schema.CasualtyTally;
import org.wirewatch.schema.EvidenceSpan;
import org.wirewatch.schema.Incident;
import org.wirewatch.schema.RegionLevel;
import org.wirewatch.schema.TallyWindow;
import org.wirewatch.streams.StreamSerdes;
import org.wirewatch.streams.TestDrivers;

class TallyTopologyTest {

    private final StreamSerdes serdes = TestDrivers.serdes();
    private TopologyTestDriver driver;
    private TestInputTopic<String, Incident> incidents;
    private TestOutputTopic<String, CasualtyTally> out;
    private final Map<String, CasualtyTally> tallies = new TreeMap<>();

    @BeforeEach
    void start() {
        driver = TestDrivers.driver(TallyTopology.build(serdes));
        incidents = driver.createInputTopic(
                Topics.INCIDENTS, serdes.key().serializer(), serdes.incident().serializer());
        out = driver.createOutputTopic(
                Topics.TALLIES, serdes.key().deserializer(), serdes.tally().deserializer());
    }

    @AfterEach
    void close() {
        driver.close();
    }

    private Map<String, CasualtyTally> tallies() {
        // Windows of changed days leave on the next emit punctuation.
        driver.advanceWallClockTime(java.time.Duration.ofSeconds(1));
        out.readKeyValuesToList().forEach(kv -> {
            if (kv.value == null) {
                tallies.remove(kv.key);
            } else {
                tallies.put(kv.key, kv.value);
            }
        });
        return tallies;
    }

    private CasualtyTally day(final String region, final java.time.LocalDate day) {
        return tallies().get(TallyKey.format(region, TallyWindow.P1D, day));
    }

    @Test
    void shouldTallyCountryAndRegionWhenIncidentArrives() {
        // when
        incidents.pipeInput("i1", incident("i1", "SY", "SY-DY", DAY, 43));
        // then
        final CasualtyTally sy = day("SY", DAY);
        assertThat(sy.getKilled().getBest()).isEqualTo(43);
        assertThat(sy.getIncidents()).isEqualTo(1);
        assertThat(sy.getRegionLevel()).isEqualTo(RegionLevel.COUNTRY);
        assertThat(sy.getRegionName()).isEqualTo("Syria");
        final CasualtyTally dy = day("SY-DY", DAY);
        assertThat(dy.getKilled().getBest()).isEqualTo(43);
        assertThat(dy.getRegionLevel()).isEqualTo(RegionLevel.ADMIN1);
    }

    @Test
    void shouldReplaceOldFiguresWhenIncidentIsUpdated() {
        // given
        incidents.pipeInput("i1", incident("i1", "AF", "AF-LAG", DAY, 10));
        // when
        incidents.pipeInput("i1", incident("i1", "AF", "AF-LAG", DAY, 22));
        // then
        assertThat(day("AF", DAY).getKilled().getBest()).isEqualTo(22);
        assertThat(day("AF", DAY).getIncidents()).isEqualTo(1);
        assertThat(day("AF-LAG", DAY).getKilled().getBest()).isEqualTo(22);
    }

    @Test
    void shouldStoreOnlyWhatCountsOfAnIncidentAndStillSubtractItWhenUpdated() {
        // given: an incident with its evidence
        incidents.pipeInput(
                "i1",
                Incident.newBuilder(incident("i1", "SY", "SY-DY", DAY, 43))
                        .setEvidence(List.of(EvidenceSpan.newBuilder()
                                .setStart(0)
                                .setEnd(9)
                                .setText("43 killed")
                                .build()))
                        .build());
        // when
        incidents.pipeInput("i1", incident("i1", "SY", "SY-DY", DAY, 50));
        // then: the store keeps figures and place but no evidence, and the update replaced the old figure
        final Incident stored = driver.<String, Incident>getKeyValueStore(IncidentContributions.STORE)
                .get("i1");
        assertThat(stored.getEvidence()).isEmpty();
        assertThat(stored.getKilled().getBest()).isEqualTo(50);
        assertThat(stored.getLocation().getAdmin1Code()).isEqualTo("SY-DY");
        assertThat(day("SY", DAY).getKilled().getBest()).isEqualTo(50);
        assertThat(day("SY", DAY).getIncidents()).isEqualTo(1);
    }

    @Test
    void shouldMoveContributionWhenIncidentChangesDayOrRegion() {
        // given
        incidents.pipeInput("i1", incident("i1", "AF", "AF-LAG", DAY, 10));
        // when: a later version corrects the date and the province
        incidents.pipeInput("i1", incident("i1", "AF", "AF-NAN", DAY.minusDays(1), 10));
        // then
        assertThat(day("AF", DAY)).isNull();
        assertThat(day("AF-LAG", DAY)).isNull();
        assertThat(day("AF", DAY.minusDays(1)).getKilled().getBest()).isEqualTo(10);
        assertThat(day("AF-NAN", DAY.minusDays(1)).getKilled().getBest()).isEqualTo(10);
    }

    @Test
    void shouldRemoveTallyWhenIncidentIsRetracted() {
        // given
        incidents.pipeInput("i1", incident("i1", "SY", "SY-DY", DAY, 43));
        incidents.pipeInput("i2", incident("i2", "SY", "SY-ID", DAY, 5));
        // when
        incidents.pipeInput("i1", (Incident) null);
        // then
        assertThat(day("SY", DAY).getKilled().getBest()).isEqualTo(5);
        assertThat(day("SY-DY", DAY)).isNull();
        assertThat(tallies().keySet()).noneMatch(k -> k.startsWith("SY-DY|"));
    }

    @Test
    void shouldLandInEventDayWhenReportArrivesWeeksLate() {
        // given: recent events
        incidents.pipeInput("i1", incident("i1", "SY", "SY-DY", DAY, 43));
        // when: an event three weeks older is reported now
        incidents.pipeInput("i0", incident("i0", "SY", "SY-DY", DAY.minusDays(21), 7));
        // then
        assertThat(day("SY", DAY.minusDays(21)).getKilled().getBest()).isEqualTo(7);
        assertThat(day("SY", DAY).getKilled().getBest()).isEqualTo(43);
        final CasualtyTally month = tallies().get(TallyKey.format("SY", TallyWindow.P30D, DAY.minusDays(29)));
        assertThat(month.getKilled().getBest()).isEqualTo(50);
        assertThat(month.getIncidents()).isEqualTo(2);
    }

    @Test
    void shouldSumDaysIntoSevenAndThirtyDayWindows() {
        // when
        incidents.pipeInput("a", incident("a", "UA", "UA-14", DAY, 15));
        incidents.pipeInput("b", incident("b", "UA", "UA-14", DAY.minusDays(6), 8));
        incidents.pipeInput("c", incident("c", "UA", "UA-14", DAY.minusDays(7), 100));
        // then: the 7-day window ending DAY holds a and b, not c
        final CasualtyTally week = tallies().get(TallyKey.format("UA", TallyWindow.P7D, DAY.minusDays(6)));
        assertThat(week.getWindowEnd()).isEqualTo(DAY);
        assertThat(week.getKilled().getBest()).isEqualTo(23);
        assertThat(week.getIncidents()).isEqualTo(2);
        final CasualtyTally month = tallies().get(TallyKey.format("UA-14", TallyWindow.P30D, DAY.minusDays(29)));
        assertThat(month.getKilled().getBest()).isEqualTo(123);
        // every day is published, and one 7-day and one 30-day window: those ending on the latest day
        assertThat(tallies().keySet().stream().filter(k -> k.startsWith("UA|P1D|")))
                .hasSize(3);
        assertThat(tallies().keySet().stream().filter(k -> k.startsWith("UA|P7D|")))
                .hasSize(1);
        assertThat(tallies().keySet().stream().filter(k -> k.startsWith("UA|P30D|")))
                .hasSize(1);
    }

    @Test
    void shouldMoveTrailingWindowsAndRemoveTheOldOnesWhenALaterDayArrives() {
        // given
        incidents.pipeInput("a", incident("a", "SY", "SY-DY", DAY, 3));
        assertThat(tallies()).containsKey(TallyKey.format("SY", TallyWindow.P7D, DAY.minusDays(6)));
        // when a later day gets its first incident
        incidents.pipeInput("b", incident("b", "SY", "SY-DY", DAY.plusDays(2), 4));
        // then the windows ending on it replace those ending on the day before, which are removed from the topic
        assertThat(tallies())
                .doesNotContainKey(TallyKey.format("SY", TallyWindow.P7D, DAY.minusDays(6)))
                .doesNotContainKey(TallyKey.format("SY", TallyWindow.P30D, DAY.minusDays(29)));
        assertThat(tallies()
                        .get(TallyKey.format("SY", TallyWindow.P7D, DAY.minusDays(4)))
                        .getKilled()
                        .getBest())
                .isEqualTo(7);
        assertThat(tallies().keySet())
                .filteredOn(k -> k.startsWith("SY|P"))
                .containsExactly(
                        TallyKey.format("SY", TallyWindow.P1D, DAY),
                        TallyKey.format("SY", TallyWindow.P1D, DAY.plusDays(2)),
                        TallyKey.format("SY", TallyWindow.P30D, DAY.minusDays(27)),
                        TallyKey.format("SY", TallyWindow.P7D, DAY.minusDays(4)));
    }

    @Test
    void shouldMoveTrailingWindowsBackWhenTheLatestDayIsWithdrawn() {
        // given
        incidents.pipeInput("a", incident("a", "SY", "SY-DY", DAY, 3));
        incidents.pipeInput("b", incident("b", "SY", "SY-DY", DAY.plusDays(10), 4));
        assertThat(tallies()
                        .get(TallyKey.format("SY", TallyWindow.P30D, DAY.minusDays(19)))
                        .getIncidents())
                .isEqualTo(2);
        // when the latest incident is withdrawn
        incidents.pipeInput("b", null);
        // then the trailing windows end on the latest day left, as if b had never come
        assertThat(tallies())
                .doesNotContainKey(TallyKey.format("SY", TallyWindow.P30D, DAY.minusDays(19)))
                .doesNotContainKey(TallyKey.format("SY", TallyWindow.P1D, DAY.plusDays(10)));
        assertThat(tallies()
                        .get(TallyKey.format("SY", TallyWindow.P30D, DAY.minusDays(29)))
                        .getIncidents())
                .isEqualTo(1);
        // and when the last one goes, nothing of the region is left
        incidents.pipeInput("a", null);
        assertThat(tallies().keySet()).noneMatch(k -> k.startsWith("SY|"));
    }

    @Test
    void shouldUpdateTrailingWindowsWhenALateReportLandsInThem() {
        // given
        incidents.pipeInput("a", incident("a", "SY", "SY-DY", DAY, 3));
        tallies();
        // when a report of an event twenty days earlier arrives
        incidents.pipeInput("b", incident("b", "SY", "SY-DY", DAY.minusDays(20), 4));
        driver.advanceWallClockTime(java.time.Duration.ofSeconds(1));
        final List<String> sent =
                out.readKeyValuesToList().stream().map(kv -> kv.key).toList();
        // then its day and the 30-day window ending on the latest day are re-published, the 7-day one is not
        assertThat(sent)
                .containsExactlyInAnyOrder(
                        TallyKey.format("SY", TallyWindow.P1D, DAY.minusDays(20)),
                        TallyKey.format("SY", TallyWindow.P30D, DAY.minusDays(29)),
                        TallyKey.format("SY-DY", TallyWindow.P1D, DAY.minusDays(20)),
                        TallyKey.format("SY-DY", TallyWindow.P30D, DAY.minusDays(29)));
    }

    @Test
    void shouldIgnoreIncidentWithoutRegionAtThatLevel() {
        // when
        incidents.pipeInput("i1", incident("i1", "IQ", null, DAY, 4));
        // then
        assertThat(day("IQ", DAY).getKilled().getBest()).isEqualTo(4);
        assertThat(tallies()).allSatisfy((k, v) -> assertThat(k).startsWith("IQ|"));
    }

    @Test
    void shouldAnswerQueriesFromTheDayStore() {
        // given
        incidents.pipeInput("a", incident("a", "SY", "SY-DY", DAY, 43));
        incidents.pipeInput("b", incident("b", "SY", "SY-DY", DAY.minusDays(3), 5));
        // when
        final CasualtyTally week = WindowDeriver.window(
                "SY-DY",
                TallyWindow.P7D,
                DAY.minusDays(6),
                WindowDeriver.range(driver.getKeyValueStore(WindowDeriver.DAYS), "SY-DY", DAY.minusDays(6), DAY));
        // then
        assertThat(week.getKilled().getBest()).isEqualTo(48);
        assertThat(week).isEqualTo(tallies().get(TallyKey.format("SY-DY", TallyWindow.P7D, DAY.minusDays(6))));
        // a week that ends before the latest day is not published, and is answered from the days all the same
        final CasualtyTally earlier = WindowDeriver.window(
                "SY-DY",
                TallyWindow.P7D,
                DAY.minusDays(9),
                WindowDeriver.range(
                        driver.getKeyValueStore(WindowDeriver.DAYS), "SY-DY", DAY.minusDays(9), DAY.minusDays(3)));
        assertThat(earlier.getKilled().getBest()).isEqualTo(5);
        assertThat(tallies()).doesNotContainKey(TallyKey.format("SY-DY", TallyWindow.P7D, DAY.minusDays(9)));
        incidents.pipeInput("c", incident("c", "IQ", null, DAY, 2));
        incidents.pipeInput("d", incident("d", "UA", "UA-14", DAY, 1));
        incidents.pipeInput("d", null);
        assertThat(WindowDeriver.regions(driver.getKeyValueStore(WindowDeriver.DAYS)))
                .containsExactly("IQ", "SY-DY", "SY");
    }

    @Test
    void shouldEmitEachWindowOnceWhenNearbyDaysChangeBetweenEmissions() {
        // given three incidents on consecutive days of one region, before the next emission
        incidents.pipeInput("a", incident("a", "SY", "SY-DY", DAY, 3));
        incidents.pipeInput("b", incident("b", "SY", "SY-DY", DAY.plusDays(1), 4));
        incidents.pipeInput("c", incident("c", "SY", "SY-DY", DAY.plusDays(2), 5));
        assertThat(out.isEmpty()).isTrue();
        // when the emit interval passes
        driver.advanceWallClockTime(java.time.Duration.ofSeconds(1));
        final java.util.List<org.apache.kafka.streams.KeyValue<String, CasualtyTally>> sent = out.readKeyValuesToList();
        // then each day and the trailing 30-day window leave once, the window with all three counted
        assertThat(sent.stream()
                        .map(kv -> kv.key)
                        .filter(k -> k.startsWith("SY-DY|"))
                        .toList())
                .containsExactly(
                        TallyKey.format("SY-DY", TallyWindow.P1D, DAY),
                        TallyKey.format("SY-DY", TallyWindow.P1D, DAY.plusDays(1)),
                        TallyKey.format("SY-DY", TallyWindow.P1D, DAY.plusDays(2)),
                        TallyKey.format("SY-DY", TallyWindow.P7D, DAY.minusDays(4)),
                        TallyKey.format("SY-DY", TallyWindow.P30D, DAY.minusDays(27)));
        assertThat(sent)
                .filteredOn(kv -> kv.key.equals(TallyKey.format("SY-DY", TallyWindow.P30D, DAY.minusDays(27))))
                .singleElement()
                .satisfies(kv -> assertThat(kv.value.getKilled().getBest()).isEqualTo(12));
        // and nothing is sent again until something changes
        driver.advanceWallClockTime(java.time.Duration.ofSeconds(1));
        assertThat(out.isEmpty()).isTrue();
    }

    @Test
    void shouldStampDayWithLatestUpdateOfItsCurrentIncidentsWhenAnUpdateIsWithdrawn() {
        // given an incident updated by a later report, which is then withdrawn again
        final java.time.Instant first = java.time.Instant.parse("2018-11-17T12:00:00Z");
        final java.time.Instant later = java.time.Instant.parse("2018-11-19T12:00:00Z");
        incidents.pipeInput(
                "a",
                Incident.newBuilder(incident("a", "SY", "SY-DY", DAY, 43))
                        .setUpdatedAt(first)
                        .build());
        incidents.pipeInput(
                "a",
                Incident.newBuilder(incident("a", "SY", "SY-DY", DAY, 43))
                        .setUpdatedAt(later)
                        .build());
        assertThat(day("SY-DY", DAY).getUpdatedAt()).isEqualTo(later);
        // when the later report leaves the incident
        incidents.pipeInput(
                "a",
                Incident.newBuilder(incident("a", "SY", "SY-DY", DAY, 43))
                        .setUpdatedAt(first)
                        .build());
        // then the day is as if the later report had never come, as a replay without it would leave it
        assertThat(day("SY-DY", DAY).getUpdatedAt()).isEqualTo(first);
        assertThat(day("SY-DY", DAY).getKilled().getBest()).isEqualTo(43);
    }
}
