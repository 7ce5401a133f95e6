package org.wirewatch.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wirewatch.common.Topics;
import org.wirewatch.schema.ClaimKind;

/** What every analytics store must do, whatever the database; subclasses say which database. */
abstract class AnalyticsStoreContract {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final PartitionKey INCIDENTS_0 = new PartitionKey(Topics.INCIDENTS, 0);

    protected AnalyticsStore store;

    /** A fresh, empty store's settings. */
    protected abstract SinkConfig freshStore() throws Exception;

    @BeforeEach
    void open() throws Exception {
        store = AnalyticsStore.open(freshStore());
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void shouldHoldTheLatestValuePerKeyWhenUpdatesAndTombstonesApply() throws Exception {
        // given
        final ChangeBatch first = new ChangeBatch();
        first.put(AnalyticsTables.INCIDENTS, "inc-a", Fixtures.incident("inc-a", 10), 0, 0);
        first.put(AnalyticsTables.INCIDENTS, "inc-b", Fixtures.incident("inc-b", 3), 0, 1);
        store.apply("g", first, Map.of());

        // when
        final ChangeBatch second = new ChangeBatch();
        second.put(AnalyticsTables.INCIDENTS, "inc-a", Fixtures.incident("inc-a", 43), 0, 2);
        second.put(AnalyticsTables.INCIDENTS, "inc-b", null, 0, 3);
        store.apply("g", second, Map.of(INCIDENTS_0, 2L));

        // then
        assertThat(query("SELECT incident_id, killed_best, kafka_offset FROM incidents ORDER BY incident_id"))
                .containsExactly(List.of("inc-a", 43, 2L));
        assertThat(store.storedOffsets("g")).isEqualTo(Map.of(INCIDENTS_0, 4L));
    }

    @Test
    void shouldApplyEveryRowWhenABatchSpansSeveralStatements() throws Exception {
        // given
        final int n = AnalyticsStore.ROWS_PER_STATEMENT * 2 + 17;
        final ChangeBatch first = new ChangeBatch();
        for (int i = 0; i < n; i++) {
            first.put(AnalyticsTables.INCIDENTS, "inc-" + i, Fixtures.incident("inc-" + i, i), 0, i);
        }
        store.apply("g", first, Map.of());

        // when: every third row is retracted and every other one updated
        final ChangeBatch second = new ChangeBatch();
        for (int i = 0; i < n; i++) {
            second.put(
                    AnalyticsTables.INCIDENTS,
                    "inc-" + i,
                    i % 3 == 0 ? null : Fixtures.incident("inc-" + i, i + 1000),
                    0,
                    n + i);
        }
        store.apply("g", second, Map.of(INCIDENTS_0, (long) n));

        // then
        final int retracted = (n + 2) / 3;
        final List<Object> row =
                query("SELECT count(*), sum(killed_best) FROM incidents").get(0);
        assertThat(((Number) row.get(0)).longValue()).isEqualTo(n - retracted);
        assertThat(((Number) row.get(1)).longValue())
                .isEqualTo(java.util.stream.IntStream.range(0, n)
                        .filter(i -> i % 3 != 0)
                        .mapToLong(i -> i + 1000L)
                        .sum());
    }

    @Test
    void shouldFlattenAnIncidentIntoColumnsWhenStored() throws Exception {
        // given
        final ChangeBatch batch = new ChangeBatch();
        batch.put(AnalyticsTables.INCIDENTS, "inc-a", Fixtures.incident("inc-a", 43), 1, 7);

        // when
        store.apply("g", batch, Map.of());

        // then
        final List<Object> row = query(
                        "SELECT event_type, sub_event_type, event_date, country_code, admin1_code, place,"
                                + " actor_name, killed_low, killed_high, children_killed, grade, agencies, first_reported_at,"
                                + " kafka_partition FROM incidents")
                .get(0);
        assertThat(row.subList(0, 2)).containsExactly("EXPLOSIONS_REMOTE_VIOLENCE", "AIR_DRONE_STRIKE");
        assertThat(LocalDate.parse(row.get(2).toString())).isEqualTo(LocalDate.of(2018, 11, 17));
        assertThat(row.subList(3, 12))
                .containsExactly(
                        "SY", "SY-DY", "Abu Husn", "US-led coalition", 43, 45, 17, "CONTESTED", "AFP; Reuters");
        assertThat(Table.instant(row.get(12))).isEqualTo(Fixtures.T0);
        assertThat(row.get(13)).isEqualTo(1);
        final JsonNode mentions = JSON.readTree(query("SELECT CAST(mentions AS VARCHAR) FROM incidents")
                .get(0)
                .get(0)
                .toString());
        assertThat(mentions).hasSize(2);
        assertThat(mentions.get(1).path("agency").asText()).isEqualTo("Reuters");
        final JsonNode record = JSON.readTree(query("SELECT CAST(record AS VARCHAR) FROM incidents")
                .get(0)
                .get(0)
                .toString());
        assertThat(record.path("incidentId").asText()).isEqualTo("inc-a");
        assertThat(record.path("eventDate").asText()).isEqualTo("2018-11-17");
    }

    @Test
    void shouldStoreClaimsAndTalliesWhenTheirTopicsDeliver() throws Exception {
        // given
        final ChangeBatch batch = new ChangeBatch();
        batch.put(
                AnalyticsTables.CLAIMS,
                "urn:afp:1#c1",
                Fixtures.claim("urn:afp:1#c1", "inc-a", ClaimKind.FIGURE, 43),
                0,
                0);
        batch.put(
                AnalyticsTables.CLAIMS,
                "urn:afp:1#c2",
                Fixtures.claim("urn:afp:1#c2", "inc-a", ClaimKind.DENIAL, null),
                0,
                1);
        final var tally = Fixtures.tally("SY-DY", LocalDate.of(2018, 11, 17), 43);
        batch.put(AnalyticsTables.TALLIES, Fixtures.tallyKey(tally), tally, 2, 0);

        // when
        store.apply("g", batch, Map.of());

        // then
        assertThat(query("SELECT claim_id, kind, killed, source_name FROM claims ORDER BY claim_id"))
                .containsExactly(
                        List.of("urn:afp:1#c1", "FIGURE", 43, "Syrian Observatory for Human Rights"),
                        java.util.Arrays.asList("urn:afp:1#c2", "DENIAL", null, "Syrian Observatory for Human Rights"));
        assertThat(query("SELECT tally_key, tally_window, killed_best, incidents FROM tallies"))
                .containsExactly(List.of("SY-DY|P1D|2018-11-17", "P1D", 43, 1));
        assertThat(store.storedOffsets("g"))
                .containsEntry(new PartitionKey(Topics.TALLIES, 2), 1L)
                .containsEntry(new PartitionKey(Topics.CLAIMS, 0), 2L);
    }

    @Test
    void shouldWriteNothingWhenTheStoredOffsetMovedUnderneath() throws Exception {
        // given: another instance of the group stored offset 1 first
        final ChangeBatch theirs = new ChangeBatch();
        theirs.put(AnalyticsTables.INCIDENTS, "inc-a", Fixtures.incident("inc-a", 10), 0, 0);
        store.apply("g", theirs, Map.of());
        final ChangeBatch ours = new ChangeBatch();
        ours.put(AnalyticsTables.INCIDENTS, "inc-z", Fixtures.incident("inc-z", 99), 0, 0);

        // when / then: this instance still believes nothing is stored
        assertThatThrownBy(() -> store.apply("g", ours, Map.of())).isInstanceOf(FencedException.class);
        assertThatThrownBy(() -> store.apply("g", ours, Map.of(INCIDENTS_0, 0L)))
                .isInstanceOf(FencedException.class);
        assertThat(query("SELECT incident_id FROM incidents")).containsExactly(List.of("inc-a"));
        assertThat(store.storedOffsets("g")).isEqualTo(Map.of(INCIDENTS_0, 1L));
    }

    @Test
    void shouldKeepOffsetsPerGroupWhenTwoGroupsShareAStore() throws Exception {
        // given
        final ChangeBatch batch = new ChangeBatch();
        batch.put(AnalyticsTables.INCIDENTS, "inc-a", Fixtures.incident("inc-a", 10), 0, 4);

        // when
        store.apply("g1", batch, Map.of());

        // then
        assertThat(store.storedOffsets("g1")).isEqualTo(Map.of(INCIDENTS_0, 5L));
        assertThat(store.storedOffsets("g2")).isEmpty();
    }

    @Test
    void shouldRecordUndecodableRecordsWhenBatchHasDeadLetters() throws Exception {
        // given
        final ChangeBatch batch = new ChangeBatch();
        batch.deadLetter(new ChangeBatch.DeadLetter(Topics.CLAIMS, 1, 12, "urn:x#c1", "unknown magic byte"));

        // when
        store.apply("g", batch, Map.of());

        // then
        assertThat(query("SELECT topic, partition_id, kafka_offset, record_key, error FROM sink_dead_letters"))
                .containsExactly(List.of(Topics.CLAIMS, 1, 12L, "urn:x#c1", "unknown magic byte"));
        assertThat(store.storedOffsets("g")).isEqualTo(Map.of(new PartitionKey(Topics.CLAIMS, 1), 13L));
        assertThat(store.counts()).containsEntry("sink_dead_letters", 1L).containsEntry("incidents", 0L);
    }

    protected List<List<Object>> query(final String sql) throws Exception {
        try (Connection c = store.openReader();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            final List<List<Object>> rows = new ArrayList<>();
            final int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                final List<Object> row = new ArrayList<>();
                for (int i = 1; i <= n; i++) {
                    row.add(rs.getObject(i));
                }
                rows.add(row);
            }
            return rows;
        }
    }
}
