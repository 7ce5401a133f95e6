package org.wirewatch.sink;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.wirewatch.common.Topics;

class ChangeBatchTest {

    @Test
    void shouldKeepOnlyTheLastChangePerRowWhenAKeyRepeats() {
        // given
        final ChangeBatch batch = new ChangeBatch();

        // when
        batch.put(AnalyticsTables.INCIDENTS, "a", Fixtures.incident("a", 10), 0, 5);
        batch.put(AnalyticsTables.INCIDENTS, "b", Fixtures.incident("b", 3), 0, 6);
        batch.put(AnalyticsTables.INCIDENTS, "a", null, 0, 7);

        // then
        assertThat(batch.changes())
                .extracting(ChangeBatch.Change::key, c -> c.value() == null)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("b", false),
                        org.assertj.core.groups.Tuple.tuple("a", true));
        assertThat(batch.records()).isEqualTo(3);
    }

    @Test
    void shouldAdvanceEachPartitionPastItsLastRecordWhenRecordsInterleave() {
        // given
        final ChangeBatch batch = new ChangeBatch();

        // when
        batch.put(AnalyticsTables.INCIDENTS, "a", null, 0, 5);
        batch.put(AnalyticsTables.CLAIMS, "c", null, 2, 40);
        batch.deadLetter(new ChangeBatch.DeadLetter(Topics.INCIDENTS, 0, 9, "x", "bad"));

        // then
        assertThat(batch.nextOffsets())
                .isEqualTo(Map.of(
                        new PartitionKey(Topics.INCIDENTS, 0), 10L,
                        new PartitionKey(Topics.CLAIMS, 2), 41L));
        assertThat(batch.deadLetters()).hasSize(1);
    }

    @Test
    void shouldKeepTheSameRowKeyApartWhenTablesDiffer() {
        // given
        final ChangeBatch batch = new ChangeBatch();

        // when
        batch.put(AnalyticsTables.INCIDENTS, "k", null, 0, 1);
        batch.put(AnalyticsTables.CLAIMS, "k", null, 0, 1);

        // then
        assertThat(batch.changes()).hasSize(2);
    }
}
