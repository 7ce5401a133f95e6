package org.wirewatch.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wirewatch.common.Topics;
import org.wirewatch.schema.Alert;
import org.wirewatch.schema.AlertRule;
import org.wirewatch.schema.AlertSeverity;
import org.wirewatch.schema.CasualtyTally;
import org.wirewatch.schema.Claim;
import org.wirewatch.schema.ClaimKind;
import org.wirewatch.schema.Incident;
import org.wirewatch.schema.IncidentGrade;
import org.wirewatch.serde.AvroSerde;
import org.wirewatch.serde.AvroSerdes;
import org.wirewatch.serde.MockSchemaRegistry;

class AlertsTopologyTest {

    private static final String REGISTRY = "mock://alerts-topology-test";
    private static final String GOLDEN = "alerts-topology.txt";

    private TopologyTestDriver driver;
    private TestInputTopic<String, Incident> incidents;
    private TestInputTopic<String, Claim> claims;
    private TestInputTopic<String, CasualtyTally> tallies;
    private TestOutputTopic<String, Alert> alerts;

    static Topology topology() {
        return AlertsTopology.build(
                AlertRules.defaults(),
                AvroSerdes.value(Incident.class, REGISTRY),
                AvroSerdes.value(Claim.class, REGISTRY),
                AvroSerdes.value(CasualtyTally.class, REGISTRY),
                AvroSerdes.value(Alert.class, REGISTRY));
    }

    @BeforeEach
    void start() {
        final Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "alerts-topology-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        driver = new TopologyTestDriver(topology(), props);
        final AvroSerde<Incident> incidentSerde = AvroSerdes.value(Incident.class, REGISTRY);
        incidents = driver.createInputTopic(Topics.INCIDENTS, new StringSerializer(), incidentSerde.serializer());
        claims = driver.createInputTopic(
                Topics.CLAIMS,
                new StringSerializer(),
                AvroSerdes.value(Claim.class, REGISTRY).serializer());
        tallies = driver.createInputTopic(
                Topics.TALLIES,
                new StringSerializer(),
                AvroSerdes.value(CasualtyTally.class, REGISTRY).serializer());
        alerts = driver.createOutputTopic(
                Topics.ALERTS,
                new StringDeserializer(),
                AvroSerdes.value(Alert.class, REGISTRY).deserializer());
    }

    @AfterEach
    void stop() {
        driver.close();
        MockSchemaRegistry.drop("alerts-topology-test");
    }

    @Test
    void shouldAlertOnceWhenAnUpdateKeepsTheSeverity() {
        // given
        incidents.pipeInput("inc-1", AlertFixtures.incident("inc-1", 12));

        // when
        incidents.pipeInput("inc-1", AlertFixtures.incident("inc-1", 14));

        // then
        final List<Alert> out = alerts.readValuesToList();
        assertThat(out)
                .extracting(Alert::getAlertId, Alert::getSeverity)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("INCIDENT|inc-1", AlertSeverity.WARNING));
        assertThat(out.get(0).getTitle()).isEqualTo("12 killed in Abu Husn, Deir ez-Zor, Syria");
        assertThat(out.get(0).getRegionCode()).isEqualTo("SY-DY");
    }

    @Test
    void shouldAlertAgainWhenTheTollRisesToCritical() {
        // given
        incidents.pipeInput("inc-1", AlertFixtures.incident("inc-1", 12));

        // when
        incidents.pipeInput("inc-1", AlertFixtures.incident("inc-1", 60));
        incidents.pipeInput("inc-1", AlertFixtures.incident("inc-1", 30));

        // then
        assertThat(alerts.readKeyValuesToList())
                .extracting(kv -> kv.key, kv -> kv.value.getSeverity())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("INCIDENT|inc-1", AlertSeverity.WARNING),
                        org.assertj.core.groups.Tuple.tuple("INCIDENT|inc-1", AlertSeverity.CRITICAL));
    }

    @Test
    void shouldAlertWhenChildrenAreAmongTheKilled() {
        // when
        incidents.pipeInput("inc-2", AlertFixtures.withChildren(AlertFixtures.incident("inc-2", 3), 2));

        // then
        assertThat(alerts.readValuesToList())
                .extracting(Alert::getRule, Alert::getTitle)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(
                        AlertRule.CHILDREN_KILLED, "2 children killed in Abu Husn, Deir ez-Zor," + " Syria"));
    }

    @Test
    void shouldNotAlertWhenAnIncidentStaysBelowEveryThreshold() {
        // when
        incidents.pipeInput("inc-3", AlertFixtures.incident("inc-3", 4));
        incidents.pipeInput("inc-3", null);

        // then
        assertThat(alerts.isEmpty()).isTrue();
    }

    @Test
    void shouldAlertContestedTollWhenADenialMeetsAFigureOnTheSameIncident() {
        // given
        incidents.pipeInput("inc-4", AlertFixtures.incident("inc-4", 5));
        claims.pipeInput("c1", AlertFixtures.claim("c1", "inc-4", ClaimKind.FIGURE, 5, "SOHR"));

        // when
        claims.pipeInput("c2", AlertFixtures.claim("c2", "inc-4", ClaimKind.DENIAL, null, "US-led coalition"));

        // then
        final List<Alert> out = alerts.readValuesToList();
        assertThat(out).extracting(Alert::getAlertId).containsExactly("INCIDENT|inc-4");
        assertThat(out.get(0).getTitle()).endsWith(": 5 killed, denied by US-led coalition");
        assertThat(out.get(0).getMessage()).contains("SOHR: 5 killed \u00b7 US-led coalition: denies");
    }

    @Test
    void shouldNotAlertContestedTollWhenTheDenialIsAboutAnotherIncident() {
        // given
        incidents.pipeInput("inc-5", AlertFixtures.incident("inc-5", 5));
        incidents.pipeInput("inc-6", AlertFixtures.incident("inc-6", 5));
        claims.pipeInput("c1", AlertFixtures.claim("c1", "inc-5", ClaimKind.FIGURE, 5, "SOHR"));

        // when
        claims.pipeInput("c2", AlertFixtures.claim("c2", "inc-6", ClaimKind.DENIAL, null, "US-led coalition"));
        claims.pipeInput("c3", AlertFixtures.claim("c3", "inc-5", ClaimKind.DENIAL, null, "US-led coalition"));
        claims.pipeInput("c3", null);

        // then: c3's denial did contest inc-5 while it stood; its retraction does not un-alert
        assertThat(alerts.readValuesToList()).extracting(Alert::getAlertId).containsExactly("INCIDENT|inc-5");
    }

    @Test
    void shouldAlertContestedTollWhenConsolidationGradesTheIncidentContested() {
        // when
        incidents.pipeInput(
                "inc-7", AlertFixtures.graded(AlertFixtures.incident("inc-7", 60), IncidentGrade.CONTESTED));

        // then: one alert for the incident, both rules as its reasons
        final List<Alert> out = alerts.readValuesToList();
        assertThat(out)
                .extracting(Alert::getAlertId, Alert::getRule, Alert::getSeverity)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(
                        "INCIDENT|inc-7", AlertRule.MASS_CASUALTY, AlertSeverity.CRITICAL));
        assertThat(out.get(0).getReasons())
                .extracting(r -> r.getRule(), r -> r.getSeverity())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(AlertRule.MASS_CASUALTY, AlertSeverity.CRITICAL),
                        org.assertj.core.groups.Tuple.tuple(AlertRule.CONTESTED_TOLL, AlertSeverity.CRITICAL));
        assertThat(out.get(0).getTitle())
                .isEqualTo("60 killed in Abu Husn, Deir ez-Zor, Syria \u00b7 also contested toll");
    }

    @Test
    void shouldUpdateTheIncidentsOneAlertWhenAnotherRuleStartsToHold() {
        // given: a toll alert
        incidents.pipeInput("inc-9", AlertFixtures.incident("inc-9", 12));

        // when: children among the killed, then a denial of the toll, then the same again
        incidents.pipeInput("inc-9", AlertFixtures.withChildren(AlertFixtures.incident("inc-9", 12), 11));
        claims.pipeInput("c9", AlertFixtures.claim("c9", "inc-9", ClaimKind.FIGURE, 12, "SOHR"));
        claims.pipeInput("c10", AlertFixtures.claim("c10", "inc-9", ClaimKind.DENIAL, null, "US-led coalition"));
        incidents.pipeInput("inc-9", AlertFixtures.withChildren(AlertFixtures.incident("inc-9", 13), 11));

        // then: three versions of one alert, each with one reason more, its severity the highest of them
        final List<org.apache.kafka.streams.test.TestRecord<String, Alert>> out = alerts.readRecordsToList();
        assertThat(out).extracting(r -> r.key()).containsOnly("INCIDENT|inc-9");
        assertThat(out)
                .extracting(r -> r.value().getSeverity())
                .containsExactly(AlertSeverity.WARNING, AlertSeverity.CRITICAL, AlertSeverity.CRITICAL);
        assertThat(out).extracting(r -> r.value().getReasons().size()).containsExactly(1, 2, 3);
        assertThat(out.get(2).value().getRule()).isEqualTo(AlertRule.CHILDREN_KILLED);
        assertThat(out).extracting(r -> WebhookSigner.idempotencyKey(r.value())).doesNotHaveDuplicates();
    }

    @Test
    void shouldNotRepeatAnAlertWhenARetractedIncidentIsPublishedAgain() {
        // given
        incidents.pipeInput("inc-8", AlertFixtures.incident("inc-8", 12));
        incidents.pipeInput("inc-8", null);

        // when
        incidents.pipeInput("inc-8", AlertFixtures.incident("inc-8", 12));

        // then
        assertThat(alerts.readValuesToList()).hasSize(1);
    }

    @Test
    void shouldAlertRegionSpikeWhenADayExceedsKTimesTheWeekBefore() {
        // given: a week of 4 killed a day
        for (int d = 1; d <= 7; d++) {
            final CasualtyTally t = AlertFixtures.daily("SY-DY", AlertFixtures.DAY.minusDays(d), 4);
            tallies.pipeInput(AlertFixtures.key(t), t);
        }

        // when
        final CasualtyTally spike = AlertFixtures.daily("SY-DY", AlertFixtures.DAY, 25);
        tallies.pipeInput(AlertFixtures.key(spike), spike);

        // then
        final List<Alert> out = alerts.readValuesToList();
        assertThat(out).extracting(Alert::getAlertId).containsExactly("REGION_SPIKE|SY-DY|2018-11-17");
        assertThat(out.get(0).getMessage()).contains("6.3 times the daily mean of the previous 7 days (4.0)");
    }

    @Test
    void shouldNotAlertRegionSpikeWhenTheWeekBeforeWasAsBad() {
        // given: a week of 10 killed a day, 3 x 10 = 30 > 25
        for (int d = 1; d <= 7; d++) {
            final CasualtyTally t = AlertFixtures.daily("SY-ID", AlertFixtures.DAY.minusDays(d), 10);
            tallies.pipeInput(AlertFixtures.key(t), t);
        }

        // when
        final CasualtyTally day = AlertFixtures.daily("SY-ID", AlertFixtures.DAY, 25);
        tallies.pipeInput(AlertFixtures.key(day), day);

        // then
        assertThat(alerts.isEmpty()).isTrue();
    }

    @Test
    void shouldIgnoreWeeklyTalliesAndCountRetractedDaysAsZeroWhenLookingForSpikes() {
        // given: a bad day that is then retracted (tombstone), and a weekly tally that must not count as a day
        final CasualtyTally before = AlertFixtures.daily("SY-HL", AlertFixtures.DAY.minusDays(1), 200);
        tallies.pipeInput(AlertFixtures.key(before), before);
        tallies.pipeInput(AlertFixtures.key(before), null);
        final CasualtyTally weekly = CasualtyTally.newBuilder(AlertFixtures.daily("SY-HL", AlertFixtures.DAY, 500))
                .setWindow(org.wirewatch.schema.TallyWindow.P7D)
                .build();
        tallies.pipeInput(AlertFixtures.key(weekly), weekly);
        alerts.readValuesToList();

        // when
        final CasualtyTally day = AlertFixtures.daily("SY-HL", AlertFixtures.DAY, 21);
        tallies.pipeInput(AlertFixtures.key(day), day);

        // then
        assertThat(alerts.readValuesToList())
                .extracting(Alert::getAlertId, Alert::getSeverity)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("REGION_SPIKE|SY-HL|2018-11-17", AlertSeverity.WARNING));
    }

    /**
     * Golden describe(): renaming a store, repartition topic or processor changes changelog and internal topic names
     * and breaks upgrades of running deployments, so such a change must show up here and be deliberate. To accept a
     * change, run with {@code -Dwirewatch.golden.update=true} and review the diff.
     */
    @Test
    void shouldMatchGoldenDescriptionWhenAlertsTopologyIsBuilt() throws IOException {
        // when
        final String actual = topology().describe().toString();

        // then
        if (Boolean.getBoolean("wirewatch.golden.update")) {
            Files.writeString(Path.of("src/test/resources", GOLDEN), actual, StandardCharsets.UTF_8);
        }
        try (InputStream in = AlertsTopologyTest.class.getResourceAsStream("/" + GOLDEN)) {
            assertThat(in).as("golden file %s", GOLDEN).isNotNull();
            assertThat(actual).isEqualTo(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void shouldLeaveNoGeneratedNameWhenDescribed() {
        // when
        final String description = topology().describe().toString();

        // then: a generated name shifts when a node is added before it, renaming its store or topic
        assertThat(description).doesNotContain("KSTREAM-", "KTABLE-");
    }
}
