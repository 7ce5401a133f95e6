package org.wirewatch.streams.consolidate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wirewatch.streams.Fixtures.DAY;
import static org.wirewatch.streams.Fixtures.claim;
import static org.wirewatch.streams.Fixtures.extraction;
import static org.wirewatch.streams.Fixtures.mention;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wirewatch.common.Topics;
import org.wirewatch.schema.Claim;
import org.wirewatch.schema.ClaimKind;
import org.wirewatch.schema.EventType;
import org.wirewatch.schema.Incident;
import org.wirewatch.schema.IncidentGrade;
import org.wirewatch.schema.ReportExtraction;
import org.wirewatch.schema.SourceType;
import org.wirewatch.schema.SubEventType;
import org.wirewatch.streams.StreamSerdes;
import org.wirewatch.streams.TestDrivers;

class ConsolidateTopologyTest {

    private static final String AFP = "urn:afp:sy-strikes";
    private static final String REUTERS = "urn:reuters:sy-raids";

    private final StreamSerdes serdes = TestDrivers.serdes();
    private TopologyTestDriver driver;
    private TestInputTopic<String, ReportExtraction> extractions;
    private TestOutputTopic<String, Incident> incidentsOut;
    private TestOutputTopic<String, Claim> claimsOut;
    private final Map<String, Incident> incidents = new LinkedHashMap<>();
    private final Map<String, Claim> claims = new LinkedHashMap<>();

    @BeforeEach
    void start() {
        driver = TestDrivers.driver(ConsolidateTopology.build(serdes, 90));
        extractions = driver.createInputTopic(
                Topics.EXTRACTIONS,
                serdes.key().serializer(),
                serdes.extraction().serializer());
        incidentsOut = driver.createOutputTopic(
                Topics.INCIDENTS, serdes.key().deserializer(), serdes.incident().deserializer());
        claimsOut = driver.createOutputTopic(
                Topics.CLAIMS, serdes.key().deserializer(), serdes.claim().deserializer());
    }

    @AfterEach
    void close() {
        driver.close();
    }

    private void send(final String uri, final ReportExtraction e) {
        extractions.pipeInput(uri, e);
    }

    /** The compacted view of the output topics: latest value per key, tombstones remove. */
    private void drain() {
        incidentsOut.readKeyValuesToList().forEach(kv -> {
            if (kv.value == null) {
                incidents.remove(kv.key);
            } else {
                incidents.put(kv.key, kv.value);
            }
        });
        claimsOut.readKeyValuesToList().forEach(kv -> {
            if (kv.value == null) {
                claims.remove(kv.key);
            } else {
                claims.put(kv.key, kv.value);
            }
        });
    }

    private Incident only() {
        drain();
        assertThat(incidents).hasSize(1);
        return incidents.values().iterator().next();
    }

    @Test
    void shouldOpenOneIncidentPerCurrentMentionWhenStoryIsNew() {
        // when
        send(
                AFP,
                extraction(
                        AFP,
                        1,
                        "AFP",
                        mention(AFP + "#1").killed(43).children(17).build()));
        // then
        final Incident i = only();
        assertThat(i.getKilled().getBest()).isEqualTo(43);
        assertThat(i.getChildrenKilled()).isEqualTo(17);
        assertThat(i.getSourceCount()).isEqualTo(1);
        assertThat(i.getGrade()).isEqualTo(IncidentGrade.SINGLE_SOURCE);
        assertThat(i.getMentions()).extracting(m -> m.getReportUri()).containsExactly(AFP);
    }

    @Test
    void shouldMergeWithoutAddingDeathsWhenSecondAgencyReportsSameEvent() {
        // given
        send(AFP, extraction(AFP, 1, "AFP", mention(AFP + "#1").killed(43).build()));
        // when: another agency, another story, same strike, another figure, place spelled more precisely missing
        send(
                REUTERS,
                extraction(
                        REUTERS,
                        1,
                        "Reuters",
                        mention(REUTERS + "#1")
                                .killed(40)
                                .where("SY", "SY-DY", null)
                                .build()));
        // then
        final Incident i = only();
        assertThat(i.getSourceCount()).isEqualTo(2);
        assertThat(i.getGrade()).isEqualTo(IncidentGrade.MULTIPLE_SOURCES);
        assertThat(i.getKilled().getLow()).isEqualTo(40);
        assertThat(i.getKilled().getHigh()).isEqualTo(43);
        assertThat(i.getKilled().getBest()).isIn(40, 43);
        assertThat(i.getMentions()).hasSize(2);
    }

    @Test
    void shouldPreferMostAuthoritativeSourceWhenPickingBestFigure() {
        // given: a belligerent's figure and a monitor's figure for the same strike
        send(
                AFP,
                extraction(
                        AFP,
                        1,
                        "AFP",
                        List.of(mention(AFP + "#1").killed(10).build()),
                        List.of(claim(
                                AFP + "#c1",
                                AFP + "#1",
                                "Islamic State",
                                SourceType.BELLIGERENT,
                                ClaimKind.FIGURE,
                                10))));
        send(
                REUTERS,
                extraction(
                        REUTERS,
                        1,
                        "Reuters",
                        List.of(mention(REUTERS + "#1").killed(43).build()),
                        List.of(claim(
                                REUTERS + "#c1",
                                REUTERS + "#1",
                                "Syrian Observatory for Human Rights",
                                SourceType.MONITOR,
                                ClaimKind.FIGURE,
                                43))));
        // then
        final Incident i = only();
        assertThat(i.getKilled().getBest()).isEqualTo(43);
        assertThat(i.getKilled().getLow()).isEqualTo(10);
    }

    @Test
    void shouldRecomputeIncidentWhenStoryIsUpdated() {
        // given
        send(AFP, extraction(AFP, 1, "AFP", mention(AFP + "#1").killed(10).build()));
        final String id = only().getIncidentId();
        // when
        send(AFP, extraction(AFP, 2, "AFP", mention(AFP + "#1").killed(22).build()));
        // then: the same incident, the new toll only, the new version
        final Incident i = only();
        assertThat(i.getIncidentId()).isEqualTo(id);
        assertThat(i.getKilled().getLow()).isEqualTo(22);
        assertThat(i.getKilled().getBest()).isEqualTo(22);
        assertThat(i.getMentions())
                .singleElement()
                .satisfies(m -> assertThat(m.getReportVersion()).isEqualTo(2));
    }

    @Test
    void shouldIgnoreStaleVersionWhenItReachesConsolidation() {
        // given
        send(AFP, extraction(AFP, 2, "AFP", mention(AFP + "#1").killed(22).build()));
        // when
        send(AFP, extraction(AFP, 1, "AFP", mention(AFP + "#1").killed(10).build()));
        // then
        assertThat(only().getKilled().getBest()).isEqualTo(22);
    }

    @Test
    void shouldEmitNothingNewWhenSameExtractionIsRedelivered() {
        // given
        final ReportExtraction e =
                extraction(AFP, 1, "AFP", mention(AFP + "#1").killed(43).build());
        send(AFP, e);
        incidentsOut.readRecordsToList();
        // when
        send(AFP, e);
        // then
        assertThat(incidentsOut.readRecordsToList()).isEmpty();
    }

    @Test
    void shouldRetractIncidentAndClaimsWhenStoryIsCanceled() {
        // given
        send(
                AFP,
                extraction(
                        AFP,
                        1,
                        "AFP",
                        List.of(mention(AFP + "#1").build()),
                        List.of(
                                claim(AFP + "#c1", AFP + "#1", "SOHR", SourceType.MONITOR, ClaimKind.FIGURE, 43),
                                claim(
                                        AFP + "#c2",
                                        null,
                                        "coalition",
                                        SourceType.BELLIGERENT,
                                        ClaimKind.CUMULATIVE,
                                        1100))));
        drain();
        assertThat(incidents).hasSize(1);
        assertThat(claims).containsOnlyKeys(AFP + "#c1", AFP + "#c2");
        // when
        send(AFP, null);
        // then
        drain();
        assertThat(incidents).isEmpty();
        assertThat(claims).isEmpty();
    }

    @Test
    void shouldKeepOtherAgencyWhenOneContributingStoryIsCanceled() {
        // given
        send(AFP, extraction(AFP, 1, "AFP", mention(AFP + "#1").killed(43).build()));
        send(
                REUTERS,
                extraction(
                        REUTERS,
                        1,
                        "Reuters",
                        mention(REUTERS + "#1").killed(40).build()));
        // when
        send(AFP, null);
        // then
        final Incident i = only();
        assertThat(i.getKilled().getBest()).isEqualTo(40);
        assertThat(i.getSourceCount()).isEqualTo(1);
    }

    @Test
    void shouldIgnoreBackgroundMentionsAndLeaveCumulativeClaimsUnlinked() {
        // when
        send(
                AFP,
                extraction(
                        AFP,
                        1,
                        "AFP",
                        List.of(
                                mention(AFP + "#1").build(),
                                mention(AFP + "#2")
                                        .background()
                                        .date(DAY.minusDays(30))
                                        .where("SY", "SY-HA", "Qamishli")
                                        .killed(20)
                                        .build()),
                        List.of(claim(
                                AFP + "#c1", null, "coalition", SourceType.BELLIGERENT, ClaimKind.CUMULATIVE, 1100))));
        // then
        final Incident i = only();
        assertThat(i.getKilled().getBest()).isEqualTo(43);
        assertThat(claims.get(AFP + "#c1").getIncidentId()).isNull();
    }

    @Test
    void shouldLinkClaimsToTheirIncident() {
        // when
        send(
                AFP,
                extraction(
                        AFP,
                        1,
                        "AFP",
                        List.of(mention(AFP + "#1").build()),
                        List.of(claim(AFP + "#c1", AFP + "#1", "SOHR", SourceType.MONITOR, ClaimKind.FIGURE, 43))));
        // then
        final Incident i = only();
        assertThat(claims.get(AFP + "#c1").getIncidentId()).isEqualTo(i.getIncidentId());
        assertThat(claims.get(AFP + "#c1").getReportUri()).isEqualTo(AFP);
    }

    @Test
    void shouldGradeContestedWhenPartyDenies() {
        // when
        send(
                AFP,
                extraction(
                        AFP,
                        1,
                        "AFP",
                        List.of(mention(AFP + "#1").build()),
                        List.of(
                                claim(
                                        AFP + "#c1",
                                        AFP + "#1",
                                        "US-led coalition",
                                        SourceType.BELLIGERENT,
                                        ClaimKind.CONFIRMATION,
                                        null),
                                claim(
                                        AFP + "#c2",
                                        AFP + "#1",
                                        "US-led coalition",
                                        SourceType.BELLIGERENT,
                                        ClaimKind.DENIAL,
                                        null))));
        // then
        assertThat(only().getGrade()).isEqualTo(IncidentGrade.CONTESTED);
    }

    @Test
    void shouldGradeConfirmedWhenPerpetratorConfirms() {
        // when
        send(
                AFP,
                extraction(
                        AFP,
                        1,
                        "AFP",
                        List.of(mention(AFP + "#1").build()),
                        List.of(claim(
                                AFP + "#c1",
                                AFP + "#1",
                                "coalition spokesman",
                                SourceType.BELLIGERENT,
                                ClaimKind.CONFIRMATION,
                                null))));
        // then
        assertThat(only().getGrade()).isEqualTo(IncidentGrade.CONFIRMED);
    }

    @Test
    void shouldKeepEventsApartWhenPlacesOrDatesDiffer() {
        // when
        send(AFP, extraction(AFP, 1, "AFP", mention(AFP + "#1").at(34.44, 40.92).build()));
        send(
                REUTERS,
                extraction(
                        REUTERS,
                        1,
                        "Reuters",
                        mention(REUTERS + "#1")
                                .where("SY", "SY-DY", "Hajin")
                                .at(34.69, 40.45)
                                .build(),
                        mention(REUTERS + "#2").date(DAY.plusDays(3)).build()));
        // then
        drain();
        assertThat(incidents).hasSize(3);
    }

    @Test
    void shouldKeepTwoEventsOfOneReportApartWhenTheyLookAlike() {
        // when
        send(
                AFP,
                extraction(
                        AFP,
                        1,
                        "AFP",
                        mention(AFP + "#1").build(),
                        mention(AFP + "#2").killed(5).build()));
        // then
        drain();
        assertThat(incidents).hasSize(2);
    }

    @Test
    void shouldKeepActorsApartWhenTheyContradict() {
        // when
        send(
                AFP,
                extraction(
                        AFP,
                        1,
                        "AFP",
                        mention(AFP + "#1")
                                .type(EventType.BATTLES, SubEventType.ARMED_CLASH)
                                .actor("al-Shabaab")
                                .where("SO", "SO-SH", "Afgoye")
                                .build()));
        send(
                REUTERS,
                extraction(
                        REUTERS,
                        1,
                        "Reuters",
                        mention(REUTERS + "#1")
                                .type(EventType.BATTLES, SubEventType.ARMED_CLASH)
                                .actor("Somali army")
                                .where("SO", "SO-SH", "Afgoye")
                                .build()));
        // then
        drain();
        assertThat(incidents).hasSize(2);
    }

    @Test
    void shouldCloseIncidentsUntouchedForHorizonAndLeaveThemAsPublished() {
        // given: an incident, then a report 100 days later in the same country moves the watermark past it, and the
        // eviction pass runs
        send(AFP, extraction(AFP, 1, "AFP", mention(AFP + "#1").killed(10).build()));
        send(
                REUTERS,
                ReportExtraction.newBuilder(extraction(
                                REUTERS,
                                1,
                                "Reuters",
                                mention(REUTERS + "#1")
                                        .date(DAY.plusDays(100))
                                        .where("SY", "SY-HL", "Aleppo")
                                        .build()))
                        .setPublishedAt(org.wirewatch.streams.Fixtures.PUBLISHED.plus(java.time.Duration.ofDays(100)))
                        .build());
        drain();
        assertThat(incidents).hasSize(2);
        driver.advanceWallClockTime(java.time.Duration.ofMinutes(11));
        final String closed = incidents.values().stream()
                .filter(i -> i.getEventDate().equals(DAY))
                .findFirst()
                .orElseThrow()
                .getIncidentId();
        // then: the old incident left the state
        final KeyValueStore<StateKeys.IncidentKey, IncidentStateSerde.Stored> open =
                driver.getKeyValueStore(IncidentClusterProcessor.INCIDENTS);
        assertThat(open.prefixScan(StateKeys.Route.country("SY"), StateKeys.ROUTE.serializer()))
                .toIterable()
                .hasSize(1);
        // when: a late version of the closed story arrives
        send(AFP, extraction(AFP, 2, "AFP", mention(AFP + "#1").killed(12).build()));
        // then: it neither opens a duplicate nor changes the published incident
        drain();
        assertThat(incidents).hasSize(2);
        assertThat(incidents.get(closed).getKilled().getBest()).isEqualTo(10);
    }

    @Test
    void shouldConsolidateOldEventsWhenBackfillArrivesOutOfOrder() {
        // given: a recent report first
        send(
                REUTERS,
                ReportExtraction.newBuilder(extraction(
                                REUTERS,
                                1,
                                "Reuters",
                                mention(REUTERS + "#1").date(DAY.plusDays(400)).build()))
                        .setPublishedAt(org.wirewatch.streams.Fixtures.PUBLISHED.plus(java.time.Duration.ofDays(400)))
                        .build());
        // when: a report a year older, then its update
        send(AFP, extraction(AFP, 1, "AFP", mention(AFP + "#1").killed(10).build()));
        send(
                "urn:dpa:later",
                ReportExtraction.newBuilder(extraction(
                                "urn:dpa:later",
                                1,
                                "dpa",
                                mention("urn:dpa:later#1")
                                        .date(DAY.plusDays(401))
                                        .where("SY", "SY-HL", "Aleppo")
                                        .build()))
                        .setPublishedAt(org.wirewatch.streams.Fixtures.PUBLISHED.plus(java.time.Duration.ofDays(401)))
                        .build());
        send(AFP, extraction(AFP, 2, "AFP", mention(AFP + "#1").killed(22).build()));
        // then: the old event counts with its latest figure, once, even after an eviction pass
        driver.advanceWallClockTime(java.time.Duration.ofMinutes(11));
        drain();
        assertThat(incidents).hasSize(3);
        assertThat(incidents.values()).anySatisfy(i -> {
            assertThat(i.getEventDate()).isEqualTo(DAY);
            assertThat(i.getKilled().getBest()).isEqualTo(22);
        });
    }
}
