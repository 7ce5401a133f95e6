package org.wirewatch.sink;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The records of one poll, reduced to what the store must do in one transaction: the last change per table row
 * and the next offset per partition.
 *
 * <p>Only the last change of a key is applied because the topics are changelogs (the last value wins) and because
 * DuckDB 1.1 silently loses a row that is deleted and re-inserted within one transaction.
 */
public final class ChangeBatch {

    /** An upsert ({@code value != null}) or a delete of one row. */
    public record Change(Table<?> table, String key, Object value, int partition, long offset) {}

    /** A record that could not be decoded: kept with its coordinates and reason instead of being skipped. */
    public record DeadLetter(String topic, int partition, long offset, String key, String error) {}

    private final Map<String, Change> changes = new LinkedHashMap<>();
    private final Map<PartitionKey, Long> nextOffsets = new LinkedHashMap<>();
    private final List<DeadLetter> deadLetters = new ArrayList<>();
    private int records;

    /** Records a value ({@code null} for a tombstone) read at a position. */
    public void put(
            final Table<?> table, final String key, final Object value, final int partition, final long offset) {
        final String rowId = table.name() + '\u0000' + key;
        // Re-inserting moves the entry to the end, so changes are applied in the order of their last occurrence.
        changes.remove(rowId);
        changes.put(rowId, new Change(table, key, value, partition, offset));
        advance(table.topic(), partition, offset);
    }

    /** Records an undecodable record, which still moves the partition's offset on. */
    public void deadLetter(final DeadLetter letter) {
        deadLetters.add(letter);
        advance(letter.topic(), letter.partition(), letter.offset());
    }

    private void advance(final String topic, final int partition, final long offset) {
        nextOffsets.merge(new PartitionKey(topic, partition), offset + 1, Math::max);
        records++;
    }

    public Collection<Change> changes() {
        return Collections.unmodifiableCollection(changes.values());
    }

    public Map<PartitionKey, Long> nextOffsets() {
        return Collections.unmodifiableMap(nextOffsets);
    }

    public List<DeadLetter> deadLetters() {
        return Collections.unmodifiableList(deadLetters);
    }

    /** Records read, including superseded ones and dead letters. */
    public int records() {
        return records;
    }

    public boolean isEmpty() {
        return records == 0;
    }
}
