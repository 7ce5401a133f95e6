package org.wirewatch.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wirewatch.streams.Fixtures.DAY;
import static org.wirewatch.streams.Fixtures.claim;
import static org.wirewatch.streams.Fixtures.extraction;
import static org.wirewatch.streams.Fixtures.mention;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wirewatch.common.TallyKey;
import org.wirewatch.common.Topics;
import org.wirewatch.schema.CasualtyTally;
import org.wirewatch.schema.ClaimKind;
import org.wirewatch.schema.Incident;
import org.wirewatch.schema.ReportExtraction;
import org.wirewatch.schema.SourceType;
import org.wirewatch.schema.TallyWindow;
import org.wirewatch.streams.consolidate.ConsolidateTopology;
import org.wirewatch.streams.tally.TallyTopology;

/** Consolidation feeding the tally, on hand-made extractions: the semantics users see in the tallies. */
class PipelineTopologyTest {

    private static final String AFP = "urn:afp:quetta-blast";
    private static final String DPA = "urn:dpa:quetta-blast";

    private final StreamSerdes serdes = TestDrivers.serdes();
    private TopologyTestDriver consolidate;
    private TopologyTestDriver tally;
    private TestInputTopic<String, ReportExtraction> extractions;
    private TestOutputTopic<String, Incident> incidentsOut;
    private TestInputTopic<String, Incident> incidentsIn;
    private TestOutputTopic<String, CasualtyTally> talliesOut;
    private final Map<String, CasualtyTally> tallies = new TreeMap<>();
    private final List<Incident> consolidatedSoFar = new java.util.ArrayList<>();

    @BeforeEach
    void start() {
        consolidate = TestDrivers.driver(ConsolidateTopology.build(serdes, 90));
        tally = TestDrivers.driver(TallyTopology.build(serdes));
        extractions = consolidate.createInputTopic(
                Topics.EXTRACTIONS,
                serdes.key().serializer(),
                serdes.extraction().serializer());
        incidentsOut = consolidate.createOutputTopic(
                Topics.INCIDENTS, serdes.key().deserializer(), serdes.incident().deserializer());
        incidentsIn = tally.createInputTopic(
                Topics.INCIDENTS, serdes.key().serializer(), serdes.incident().serializer());
        talliesOut = tally.createOutputTopic(
                Topics.TALLIES, serdes.key().deserializer(), serdes.tally().deserializer());
    }

    @AfterEach
    void close() {
        consolidate.close();
        tally.close();
    }

    private void send(final String uri, final ReportExtraction e) {
        extractions.pipeInput(uri, e);
        for (final KeyValue<String, Incident> kv : incidentsOut.readKeyValuesToList()) {
            incidentsIn.pipeInput(kv.key, kv.value);
            if (kv.value != null) {
                consolidatedSoFar.add(kv.value);
            }
        }
        tally.advanceWallClockTime(java.time.Duration.ofSeconds(1));
        talliesOut.readKeyValuesToList().forEach(kv -> {
            if (kv.value == null) {
                tallies.remove(kv.key);
            } else {
                tallies.put(kv.key, kv.value);
            }
        });
    }

    private CasualtyTally p1d(final String region) {
        return tallies.get(TallyKey.format(region, TallyWindow.P1D, DAY));
    }

    private ReportExtraction blast(final String uri, final int version, final String agency, final int killed) {
        return extraction(
                uri,
                version,
                agency,
                mention(uri + "#1")
                        .where("PK", "PK-BA", "Quetta")
                        .actor(null)
                        .killed(killed)
                        .build());
    }

    @Test
    void shouldAddNoDeathsWhenSecondAgencyReportsSameIncident() {
        // given
        send(AFP, blast(AFP, 1, "AFP", 4));
        // when
        send(DPA, blast(DPA, 1, "dpa", 5));
        // then: one incident, a figure between the two reports, never their sum
        assertThat(p1d("PK").getIncidents()).isEqualTo(1);
        assertThat(p1d("PK").getKilled().getBest()).isBetween(4, 5);
        assertThat(p1d("PK").getKilled().getLow()).isEqualTo(4);
        assertThat(p1d("PK").getKilled().getHigh()).isEqualTo(5);
        assertThat(p1d("PK-BA").getIncidents()).isEqualTo(1);
    }

    @Test
    void shouldRetractCopyThatWasOnlyCountedWhenWidelyCarriedStoryIsWithdrawnOrUpdated() {
        // given: an early report of 12 killed, then forty outlets carrying 20, each later than the one before
        final String early = "urn:witness:quetta-blast";
        send(early, blast(early, 1, "Witness Wire", 12));
        Incident last = null;
        for (int n = 0; n < 40; n++) {
            final String uri = "urn:outlet-" + n + ":quetta-blast";
            send(
                    uri,
                    ReportExtraction.newBuilder(blast(uri, 1, "Outlet " + n, 20))
                            .setPublishedAt(Fixtures.PUBLISHED.plusSeconds(60L * (n + 1)))
                            .build());
        }
        for (final Incident i : consolidatedSoFar) {
            last = i;
        }
        // then: the incident lists the latest sixteen, counts all 41, and the early figure still sets the low
        assertThat(last.getMentions())
                .hasSize(16)
                .noneMatch(m -> m.getReportUri().equals(early));
        assertThat(last.getMentionCount()).isEqualTo(41);
        assertThat(last.getSourceCount()).isEqualTo(41);
        assertThat(p1d("PK").getIncidents()).isEqualTo(1);
        assertThat(p1d("PK").getKilled().getLow()).isEqualTo(12);
        // when: the early report, listed nowhere, is withdrawn
        send(early, null);
        // then: its figure leaves the tally
        assertThat(p1d("PK").getKilled().getLow()).isEqualTo(20);
        assertThat(p1d("PK").getIncidents()).isEqualTo(1);
        // when: an early outlet, also only counted, raises its figure
        final String second = "urn:outlet-0:quetta-blast";
        send(
                second,
                ReportExtraction.newBuilder(blast(second, 2, "Outlet 0", 31))
                        .setPublishedAt(Fixtures.PUBLISHED.plusSeconds(60))
                        .build());
        // then: the high moves with it, the low stays, and the incident is still counted once
        assertThat(p1d("PK").getKilled().getHigh()).isEqualTo(31);
        assertThat(p1d("PK").getKilled().getLow()).isEqualTo(20);
        assertThat(p1d("PK").getIncidents()).isEqualTo(1);
    }

    @Test
    void shouldCountOnlyLatestVersionWhenStoryIsUpdatedThreeTimes() {
        // when
        send(AFP, blast(AFP, 1, "AFP", 10));
        send(AFP, blast(AFP, 2, "AFP", 18));
        send(AFP, blast(AFP, 3, "AFP", 22));
        // then
        assertThat(p1d("PK").getKilled().getBest()).isEqualTo(22);
        assertThat(p1d("PK").getIncidents()).isEqualTo(1);
    }

    @Test
    void shouldRemoveFromTallyWhenStoryIsCanceled() {
        // given
        send(AFP, blast(AFP, 1, "AFP", 10));
        assertThat(p1d("PK")).isNotNull();
        assertThat(p1d("PK").getKilled().getBest()).isEqualTo(10);
        // when
        send(AFP, null);
        // then
        assertThat(tallies).isEmpty();
    }

    @Test
    void shouldNeverTallyBackgroundMentionsOrCumulativeClaims() {
        // when
        send(
                AFP,
                extraction(
                        AFP,
                        1,
                        "AFP",
                        List.of(
                                mention(AFP + "#1")
                                        .where("PK", "PK-BA", "Quetta")
                                        .killed(4)
                                        .build(),
                                mention(AFP + "#2")
                                        .where("PK", "PK-BA", "Quetta")
                                        .date(DAY.minusDays(40))
                                        .background()
                                        .killed(20)
                                        .build()),
                        List.of(claim(AFP + "#c1", null, "UN", SourceType.UN_NGO, ClaimKind.CUMULATIVE, 1100))));
        // then
        assertThat(p1d("PK").getKilled().getBest()).isEqualTo(4);
        assertThat(tallies.keySet()).noneMatch(k -> k.contains(DAY.minusDays(40).toString()));
        assertThat(tallies.values())
                .allSatisfy(t -> assertThat(t.getKilled().getHigh()).isLessThan(1100));
    }

    @Test
    void shouldLandInEventDayWhenReportIsWeeksLate() {
        // given
        send(AFP, blast(AFP, 1, "AFP", 4));
        // when: a report of an event three weeks earlier arrives now
        send(
                DPA,
                extraction(
                        DPA,
                        1,
                        "dpa",
                        mention(DPA + "#1")
                                .where("PK", "PK-KP", "Peshawar")
                                .date(DAY.minusDays(21))
                                .killed(9)
                                .build()));
        // then
        assertThat(tallies.get(TallyKey.format("PK", TallyWindow.P1D, DAY.minusDays(21)))
                        .getKilled()
                        .getBest())
                .isEqualTo(9);
        assertThat(p1d("PK").getKilled().getBest()).isEqualTo(4);
    }
}
