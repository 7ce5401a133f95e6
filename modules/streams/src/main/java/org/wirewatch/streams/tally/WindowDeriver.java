package org.wirewatch.streams.tally;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.wirewatch.common.TallyKey;
import org.wirewatch.schema.CasualtyTally;
import org.wirewatch.schema.TallyWindow;
import org.wirewatch.streams.StreamSerdes;

/**
 * Second step of the tally, partitioned by region: adds each region-day delta (see {@link IncidentContributions})
 * to the one-day tally in {@value #DAYS} and marks the day as changed in {@value #PENDING}. Every emit interval
 * (wall-clock punctuation), for each region with a changed day it publishes:
 *
 * <ul>
 *   <li>the P1D tally of each changed day (a tombstone when the day has no incident left);</li>
 *   <li>the region's trailing windows, the P7D and P30D ending on its latest day with an incident, when a changed
 *       day lies in them or when that latest day moved. When it moved (a later day, or the latest day withdrawn),
 *       the trailing windows published before get tombstones, so the topic holds exactly one P7D and one P30D per
 *       region, both current.</li>
 * </ul>
 *
 * A window is keyed by its first day: {@code region|P7D|start} covers start..start+6. Every published number is
 * exact under updates, withdrawals and late reports: a record on the topic is either re-published when a day it
 * covers changes or removed. The other sliding windows (a week ending on any earlier day) are not published: they
 * are sums of at most thirty days, answered on demand from {@value #DAYS} ({@link #window}, the interactive queries
 * of {@code StoreTallyQueries}) or from the P1D tallies a consumer holds. Publishing all of them cost 38 windows per
 * changed region-day, two thirds of all the pipeline's writes.
 *
 * <p>Why a pending set rather than emitting on every delta: a burst of changes to one region (a backfill, a busy
 * day, several agencies reporting the same strike) then sends each affected tally once per interval instead of once
 * per change, and the marks are in a changelogged store, so under exactly-once a crash between a change and its
 * emission loses nothing: the restored marks are emitted by the next punctuation. Each record carries the timestamp
 * of the latest change of its region in the interval.
 *
 * <p>Stores: {@value #DAYS} (region|day to the day's tally), {@value #PENDING} (region|day to the timestamp of its
 * latest change not yet emitted; in memory, restored from its changelog), {@value #COUNTED} (region|day|incident id
 * to the incident's updatedAt, so a day's updatedAt is the latest of the incidents counted in it now, whatever
 * versions came before), {@value #TRAILING} (region to the last day of its published trailing windows, written only
 * when that day moves). The regions with a tally are read off {@value #DAYS} ({@link #regions}), not kept apart.
 */
public final class WindowDeriver implements Processor<String, CasualtyTally, String, CasualtyTally> {

    public static final String DAYS = "tally-days";
    public static final String PENDING = "tally-pending-days";
    public static final String COUNTED = "tally-day-incidents";
    public static final String TRAILING = "tally-trailing-ends";
    /** Default interval between two emissions of the tallies of changed days. */
    public static final Duration DEFAULT_EMIT_INTERVAL = Duration.ofMillis(100);

    /** The windows published for the latest day of each region only, besides the P1D of every day. */
    private static final List<TallyWindow> TRAILING_WINDOWS = List.of(TallyWindow.P7D, TallyWindow.P30D);

    private static final int LONGEST = TallyKeys.length(TallyWindow.P30D);
    private static final StringSerializer KEYS = new StringSerializer();

    private ProcessorContext<String, CasualtyTally> context;
    private KeyValueStore<String, CasualtyTally> days;
    private KeyValueStore<String, Long> pending;
    private KeyValueStore<String, Long> counted;
    private KeyValueStore<String, Long> trailing;
    private final Duration emitInterval;

    WindowDeriver(final Duration emitInterval) {
        this.emitInterval = emitInterval;
    }

    public static ProcessorSupplier<String, CasualtyTally, String, CasualtyTally> supplier(
            final StreamSerdes serdes, final Duration emitInterval) {
        return new ProcessorSupplier<>() {
            @Override
            public Processor<String, CasualtyTally, String, CasualtyTally> get() {
                return new WindowDeriver(emitInterval);
            }

            @Override
            public Set<StoreBuilder<?>> stores() {
                // Insertion order, so describe() lists the stores the same way on every run.
                return new java.util.LinkedHashSet<>(java.util.List.of(
                        Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(DAYS), serdes.key(), serdes.tally()),
                        // In memory (still changelogged): marks live for one emit interval, and RocksDB iterates slowly
                        // over
                        // the tombstones that such short-lived keys leave behind until compaction.
                        Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(PENDING), serdes.key(), Serdes.Long()),
                        Stores.keyValueStoreBuilder(
                                Stores.persistentKeyValueStore(COUNTED), serdes.key(), Serdes.Long()),
                        Stores.keyValueStoreBuilder(
                                Stores.persistentKeyValueStore(TRAILING), serdes.key(), Serdes.Long())));
            }
        };
    }

    @Override
    public void init(final ProcessorContext<String, CasualtyTally> context) {
        this.context = context;
        this.days = context.getStateStore(DAYS);
        this.pending = context.getStateStore(PENDING);
        this.counted = context.getStateStore(COUNTED);
        this.trailing = context.getStateStore(TRAILING);
        context.schedule(emitInterval, PunctuationType.WALL_CLOCK_TIME, now -> emitPending());
    }

    @Override
    public void process(final Record<String, CasualtyTally> record) {
        final String changeKey = record.key();
        final CasualtyTally delta = record.value();
        if (changeKey == null || delta == null) {
            throw new IllegalArgumentException("region-day delta without key or value");
        }
        final String dayKey = TallyKeys.dayKeyOf(changeKey);
        final CasualtyTally before = days.get(dayKey);
        final CasualtyTally sum = before == null ? delta : TallyMath.plus(before, delta);
        track(changeKey, delta);
        final CasualtyTally after = sum.getIncidents() > 0
                ? CasualtyTally.newBuilder(sum)
                        .setUpdatedAt(latestUpdate(dayKey, before, delta))
                        .build()
                : null;
        if (java.util.Objects.equals(before, after)) {
            return;
        }
        if (after == null) {
            days.delete(dayKey);
        } else {
            days.put(dayKey, after);
        }
        final Long marked = pending.get(dayKey);
        if (marked == null || marked < record.timestamp()) {
            pending.put(dayKey, record.timestamp());
        }
    }

    /** Publishes the tallies of every region with a changed day, once, then clears the marks. */
    private void emitPending() {
        final List<KeyValue<String, Long>> marks = new ArrayList<>();
        try (KeyValueIterator<String, Long> it = pending.all()) {
            it.forEachRemaining(marks::add);
        }
        // Keys sort by region, then day: the marks of one region are adjacent.
        int i = 0;
        while (i < marks.size()) {
            final String region = TallyKey.regionOf(marks.get(i).key);
            final TreeMap<LocalDate, Long> changed = new TreeMap<>();
            int j = i;
            while (j < marks.size() && TallyKey.regionOf(marks.get(j).key).equals(region)) {
                changed.put(TallyKeys.dayOf(marks.get(j).key), marks.get(j).value);
                j++;
            }
            emitRegion(region, changed);
            i = j;
        }
        marks.forEach(m -> pending.delete(m.key));
    }

    private void emitRegion(final String region, final TreeMap<LocalDate, Long> changed) {
        long ts = Long.MIN_VALUE;
        for (final java.util.Map.Entry<LocalDate, Long> e : changed.entrySet()) {
            ts = Math.max(ts, e.getValue());
            context.forward(new Record<>(
                    TallyKey.format(region, TallyWindow.P1D, e.getKey()),
                    days.get(TallyKeys.day(region, e.getKey())),
                    e.getValue()));
        }
        final LocalDate latest = latestDay(days, region);
        final Long published = trailing.get(region);
        final LocalDate before = published == null ? null : LocalDate.ofEpochDay(published);
        if (java.util.Objects.equals(before, latest)) {
            if (latest != null) {
                emitTrailing(region, latest, changed, ts);
            }
            return;
        }
        if (before != null) {
            for (final TallyWindow window : TRAILING_WINDOWS) {
                context.forward(new Record<>(TallyKey.format(region, window, start(window, before)), null, ts));
            }
        }
        if (latest == null) {
            trailing.delete(region);
        } else {
            trailing.put(region, latest.toEpochDay());
            emitTrailing(region, latest, null, ts);
        }
    }

    /** The trailing windows ending {@code latest} that hold a changed day (all of them when {@code changed} is null). */
    private void emitTrailing(
            final String region, final LocalDate latest, final TreeMap<LocalDate, Long> changed, final long ts) {
        List<CasualtyTally> span = null;
        for (final TallyWindow window : TRAILING_WINDOWS) {
            final LocalDate start = start(window, latest);
            if (changed != null && changed.ceilingKey(start) == null) {
                continue;
            }
            if (span == null) {
                span = range(days, region, latest.minusDays(LONGEST - 1L), latest);
            }
            context.forward(
                    new Record<>(TallyKey.format(region, window, start), window(region, window, start, span), ts));
        }
    }

    private static LocalDate start(final TallyWindow window, final LocalDate end) {
        return end.minusDays(TallyKeys.length(window) - 1L);
    }

    /** The latest day of a region with an incident, or null when it has none. */
    public static LocalDate latestDay(final ReadOnlyKeyValueStore<String, CasualtyTally> days, final String region) {
        try (KeyValueIterator<String, CasualtyTally> it =
                days.reverseRange(region + TallyKey.SEPARATOR, region + TallyKey.SEPARATOR + '\uffff')) {
            return it.hasNext() ? it.next().value.getWindowStart() : null;
        }
    }

    /** Records when the incident of this change was last updated, while it counts on the day. */
    private void track(final String changeKey, final CasualtyTally delta) {
        if (delta.getIncidents() < 0) {
            counted.delete(changeKey);
        } else {
            counted.put(changeKey, delta.getUpdatedAt().toEpochMilli());
        }
    }

    /**
     * The latest update of the incidents counted on a day: a function of the current incidents only. The day's
     * tally holds the latest before this change, so when the changed incident still counts and is at least as recent,
     * it is the answer; only a withdrawal or an incident going back in time needs the day's incidents read again.
     */
    private Instant latestUpdate(final String dayKey, final CasualtyTally before, final CasualtyTally delta) {
        if (before != null
                && before.getUpdatedAt() != null
                && delta.getIncidents() >= 0
                && !delta.getUpdatedAt().isBefore(before.getUpdatedAt())) {
            return Instant.ofEpochMilli(delta.getUpdatedAt().toEpochMilli());
        }
        return latestUpdate(dayKey);
    }

    private Instant latestUpdate(final String dayKey) {
        long latest = Instant.EPOCH.toEpochMilli();
        try (KeyValueIterator<String, Long> it = counted.prefixScan(dayKey + TallyKey.SEPARATOR, KEYS)) {
            while (it.hasNext()) {
                latest = Math.max(latest, it.next().value);
            }
        }
        return Instant.ofEpochMilli(latest);
    }

    /**
     * Every region with at least one day in the store, in key order: one seek per region, each jumping past the days of
     * the region before (a region-day key is {@code region|YYYY-MM-DD}).
     */
    public static List<String> regions(final ReadOnlyKeyValueStore<String, CasualtyTally> days) {
        final List<String> out = new ArrayList<>();
        String from = null;
        while (true) {
            try (KeyValueIterator<String, CasualtyTally> it = days.range(from, null)) {
                if (!it.hasNext()) {
                    return out;
                }
                final String region = TallyKey.regionOf(it.next().key);
                out.add(region);
                from = region + TallyKey.SEPARATOR + '\uffff';
            }
        }
    }

    /** The days of a region from {@code from} to {@code to}, both included, in order. */
    public static List<CasualtyTally> range(
            final ReadOnlyKeyValueStore<String, CasualtyTally> days,
            final String region,
            final LocalDate from,
            final LocalDate to) {
        final List<CasualtyTally> out = new ArrayList<>();
        try (KeyValueIterator<String, CasualtyTally> it =
                days.range(TallyKeys.day(region, from), TallyKeys.day(region, to))) {
            it.forEachRemaining(kv -> out.add(kv.value));
        }
        return out;
    }

    /**
     * The window starting {@code start}, summed from those of {@code days} (one region's, in date order, as
     * {@link #range} returns them) it covers; null when it has none.
     */
    public static CasualtyTally window(
            final String region, final TallyWindow window, final LocalDate start, final List<CasualtyTally> days) {
        final LocalDate end = start.plusDays(TallyKeys.length(window) - 1L);
        return TallyMath.window(
                region,
                window,
                start,
                days.subList(firstOnOrAfter(days, start), firstOnOrAfter(days, end.plusDays(1))));
    }

    /** Index of the first day on or after {@code day} (binary search; the size when there is none). */
    private static int firstOnOrAfter(final List<CasualtyTally> days, final LocalDate day) {
        int lo = 0;
        int hi = days.size();
        while (lo < hi) {
            final int mid = (lo + hi) >>> 1;
            if (days.get(mid).getWindowStart().isBefore(day)) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
