package org.wirewatch.streams.consolidate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wirewatch.streams.Fixtures.PUBLISHED;
import static org.wirewatch.streams.Fixtures.claim;
import static org.wirewatch.streams.Fixtures.extraction;
import static org.wirewatch.streams.Fixtures.mention;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.Test;
import org.wirewatch.common.Topics;
import org.wirewatch.common.json.AvroJson;
import org.wirewatch.schema.Claim;
import org.wirewatch.schema.ClaimKind;
import org.wirewatch.schema.Incident;
import org.wirewatch.schema.ReportExtraction;
import org.wirewatch.schema.SourceType;
import org.wirewatch.streams.StreamSerdes;
import org.wirewatch.streams.TestDrivers;

/**
 * An incident's id is a function of its members, not of the order their reports were consolidated in
 * ({@code docs/architecture.md#semantics-11}): every order of the same extractions leaves the same incidents and
 * claims, key for key and field for field, and an update that changes the earliest member re-keys the incident and
 * its claims to what a fresh consolidation of the same reports gives.
 */
class IncidentIdentityTopologyTest {

    // The earliest story's uri does not sort first, so the origin is chosen by publication time, not by id.
    private static final String REUTERS = "urn:reuters:sy-raids";
    private static final String AFP = "urn:afp:sy-strikes";
    private static final String DPA = "urn:dpa:sy-angriffe";

    private final StreamSerdes serdes = TestDrivers.serdes();

    /**
     * The compacted incidents and claims topics after consolidating these extractions (null value: withdrawal), and
     * the incident ids tombstoned on the way.
     */
    private record Tables(Map<String, Incident> incidents, Map<String, Claim> claims, List<String> tombstoned) {

        /** The incidents as plain JSON by key: what a consumer reads, compared field for field. */
        Map<String, String> incidentLines() {
            return json(incidents);
        }

        Map<String, String> claimLines() {
            return json(claims);
        }

        private static Map<String, String> json(final Map<String, ? extends SpecificRecord> table) {
            final Map<String, String> out = new TreeMap<>();
            table.forEach((k, v) -> out.put(k, AvroJson.toJson(v)));
            return out;
        }
    }

    private Tables consolidate(final List<KeyValue<String, ReportExtraction>> input) {
        try (TopologyTestDriver driver = TestDrivers.driver(ConsolidateTopology.build(serdes, 90))) {
            final TestInputTopic<String, ReportExtraction> in = driver.createInputTopic(
                    Topics.EXTRACTIONS,
                    serdes.key().serializer(),
                    serdes.extraction().serializer());
            input.forEach(kv -> in.pipeInput(kv.key, kv.value));
            final Map<String, Incident> incidents = new TreeMap<>();
            final List<String> tombstoned = new ArrayList<>();
            driver.createOutputTopic(
                            Topics.INCIDENTS,
                            serdes.key().deserializer(),
                            serdes.incident().deserializer())
                    .readKeyValuesToList()
                    .forEach(kv -> {
                        if (kv.value == null) {
                            incidents.remove(kv.key);
                            tombstoned.add(kv.key);
                        } else {
                            incidents.put(kv.key, kv.value);
                        }
                    });
            final Map<String, Claim> claims = new TreeMap<>();
            driver.createOutputTopic(
                            Topics.CLAIMS,
                            serdes.key().deserializer(),
                            serdes.claim().deserializer())
                    .readKeyValuesToList()
                    .forEach(kv -> {
                        if (kv.value == null) {
                            claims.remove(kv.key);
                        } else {
                            claims.put(kv.key, kv.value);
                        }
                    });
            return new Tables(incidents, claims, tombstoned);
        }
    }

    /** One story's report of the strike, published {@code hoursLater} after the first, with a monitor's figure. */
    private static KeyValue<String, ReportExtraction> report(
            final String uri, final String agency, final int hoursLater, final int killed) {
        final ReportExtraction e = extraction(
                uri,
                1,
                agency,
                List.of(mention(uri + "#1").killed(killed).build()),
                List.of(claim(uri + "#c1", uri + "#1", "SOHR", SourceType.MONITOR, ClaimKind.FIGURE, killed)));
        return KeyValue.pair(
                uri,
                ReportExtraction.newBuilder(e)
                        .setPublishedAt(PUBLISHED.plus(Duration.ofHours(hoursLater)))
                        .build());
    }

    private static final KeyValue<String, ReportExtraction> FIRST = report(REUTERS, "Reuters", 0, 43);
    private static final KeyValue<String, ReportExtraction> SECOND = report(AFP, "AFP", 1, 40);
    private static final KeyValue<String, ReportExtraction> THIRD = report(DPA, "dpa", 2, 45);

    @Test
    void shouldGiveTheSameIncidentIdAndRecordWhenTheSameMentionsArriveInAnyOrder() {
        // given: the reports in publication order, as a fresh replay sends them
        final Tables fresh = consolidate(List.of(FIRST, SECOND, THIRD));
        assertThat(fresh.incidents()).hasSize(1);
        final Incident incident = fresh.incidents().values().iterator().next();
        assertThat(incident.getMentionCount()).isEqualTo(3);
        assertThat(fresh.claims().values()).extracting(Claim::getIncidentId).containsOnly(incident.getIncidentId());

        // when: every other order of the same reports
        final List<List<KeyValue<String, ReportExtraction>>> orders = List.of(
                List.of(FIRST, THIRD, SECOND),
                List.of(SECOND, FIRST, THIRD),
                List.of(SECOND, THIRD, FIRST),
                List.of(THIRD, FIRST, SECOND),
                List.of(THIRD, SECOND, FIRST));

        // then: the same incident under the same id, and the same claims linked to it
        for (final List<KeyValue<String, ReportExtraction>> order : orders) {
            final Tables t = consolidate(order);
            assertThat(t.incidentLines()).as("incidents after %s", keys(order)).isEqualTo(fresh.incidentLines());
            assertThat(t.claimLines()).as("claims after %s", keys(order)).isEqualTo(fresh.claimLines());
        }
    }

    @Test
    void shouldRekeyIncidentAndItsClaimsWhenAnEarlierReportJoinsLate() {
        // given: the later reports first
        final Tables early = consolidate(List.of(SECOND, THIRD));
        final String before = early.incidents().keySet().iterator().next();

        // when: the earliest report arrives last
        final Tables late = consolidate(List.of(SECOND, THIRD, FIRST));

        // then: the incident moved to the id of the earliest report, its old id is retracted and every claim follows
        final Tables fresh = consolidate(List.of(FIRST, SECOND, THIRD));
        assertThat(late.incidentLines()).isEqualTo(fresh.incidentLines()).doesNotContainKey(before);
        assertThat(late.tombstoned()).containsExactly(before);
        assertThat(late.claimLines()).isEqualTo(fresh.claimLines());
        assertThat(late.claims().get(AFP + "#c1").getIncidentId()).isNotEqualTo(before);
    }

    @Test
    void shouldGiveTheIdOfAFreshConsolidationWhenTheEarliestStoryIsWithdrawn() {
        // when: the earliest story is withdrawn after the others joined its incident
        final Tables withdrawn = consolidate(List.of(FIRST, SECOND, THIRD, KeyValue.pair(REUTERS, null)));

        // then: what consolidating only the remaining reports gives, id included
        final Tables fresh = consolidate(List.of(SECOND, THIRD));
        assertThat(withdrawn.incidentLines()).isEqualTo(fresh.incidentLines());
        assertThat(withdrawn.claimLines()).isEqualTo(fresh.claimLines());
    }

    @Test
    void shouldKeepBothIncidentsWhenTheEarliestStoryMovesToAnotherCountry() {
        // given: the earliest story's update places its mention in Iraq, leaving the Syrian incident to the others
        final ReportExtraction moved = ReportExtraction.newBuilder(FIRST.value)
                .setReportVersion(2)
                .setIncidents(List.of(mention(REUTERS + "#1")
                        .killed(43)
                        .where("IQ", "IQ-NI", null)
                        .build()))
                .build();

        // when: the update reaches consolidation after the incident formed
        final Tables updated = consolidate(List.of(FIRST, SECOND, THIRD, KeyValue.pair(REUTERS, moved)));

        // then: two incidents, the Iraqi one under its origin's id in Iraq, as a fresh consolidation gives them; the
        // Syrian incident giving up that origin does not retract the Iraqi one
        final Tables fresh = consolidate(List.of(KeyValue.pair(REUTERS, moved), SECOND, THIRD));
        assertThat(updated.incidents()).hasSize(2);
        assertThat(updated.incidentLines()).isEqualTo(fresh.incidentLines());
        assertThat(updated.claimLines()).isEqualTo(fresh.claimLines());
    }

    private static List<String> keys(final List<KeyValue<String, ReportExtraction>> order) {
        return order.stream().map(kv -> kv.key).toList();
    }
}
