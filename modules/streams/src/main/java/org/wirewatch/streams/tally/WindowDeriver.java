package org.wirewatch.streams.tally;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.wirewatch.schema.CasualtyTally;
import org.wirewatch.schema.TallyWindow;
import org.wirewatch.streams.StreamSerdes;

/**
 * Derives the window tallies from one-day tallies. Input: region-day key and the day's tally (null when the day
 * has no incident any more), partitioned by region. A change to day d changes the P1D window of d, the seven P7D
 * windows ending d..d+6 and the thirty P30D windows ending d..d+29; each is re-summed from {@value #DAYS} and
 * emitted only if it changed (tombstone when it became empty). A window is keyed by its first day:
 * {@code region|P7D|start} covers start..start+6.
 *
 * <p>Stores: {@value #DAYS} (region|day to the day's tally), {@value #WINDOWS} (region|window|start to the window
 * tally, what interactive queries read), {@value #REGIONS} (region to its number of days with incidents).
 */
public final class WindowDeriver implements Processor<String, CasualtyTally, String, CasualtyTally> {

  public static final String DAYS = "tally-days";
  public static final String WINDOWS = "tally-windows";
  public static final String REGIONS = "tally-regions";

  private static final int LONGEST = TallyKeys.length(TallyWindow.P30D);

  private ProcessorContext<String, CasualtyTally> context;
  private KeyValueStore<String, CasualtyTally> days;
  private KeyValueStore<String, CasualtyTally> windows;
  private KeyValueStore<String, Integer> regions;

  public static ProcessorSupplier<String, CasualtyTally, String, CasualtyTally> supplier(final StreamSerdes serdes) {
    return new ProcessorSupplier<>() {
      @Override
      public Processor<String, CasualtyTally, String, CasualtyTally> get() {
        return new WindowDeriver();
      }

      @Override
      public Set<StoreBuilder<?>> stores() {
        // Insertion order, so describe() lists the stores the same way on every run.
        return new java.util.LinkedHashSet<>(java.util.List.of(
            Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(DAYS), serdes.key(), serdes.tally()),
            Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(WINDOWS), serdes.key(), serdes.tally()),
            Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(REGIONS), serdes.key(), Serdes.Integer())));
      }
    };
  }

  @Override
  public void init(final ProcessorContext<String, CasualtyTally> context) {
    this.context = context;
    this.days = context.getStateStore(DAYS);
    this.windows = context.getStateStore(WINDOWS);
    this.regions = context.getStateStore(REGIONS);
  }

  @Override
  public void process(final Record<String, CasualtyTally> record) {
    final String dayKey = record.key();
    final String region = TallyKeys.region(dayKey);
    final LocalDate day = TallyKeys.dayOf(dayKey);
    final CasualtyTally before = days.get(dayKey);
    final CasualtyTally after = record.value();
    if (Objects.equals(before, after)) {
      return;
    }
    if (after == null) {
      days.delete(dayKey);
    } else {
      days.put(dayKey, after);
    }
    countDays(region, (before == null ? 0 : -1) + (after == null ? 0 : 1));

    // One scan covers every day any affected window can include: d-29 .. d+29.
    final LocalDate from = day.minusDays(LONGEST - 1L);
    final List<CasualtyTally> span = new ArrayList<>();
    try (KeyValueIterator<String, CasualtyTally> it =
        days.range(TallyKeys.day(region, from), TallyKeys.day(region, day.plusDays(LONGEST - 1L)))) {
      it.forEachRemaining(kv -> span.add(kv.value));
    }
    for (final TallyWindow window : TallyWindow.values()) {
      final int length = TallyKeys.length(window);
      for (int i = 0; i < length; i++) {
        final LocalDate start = day.minusDays(i);
        final LocalDate end = start.plusDays(length - 1L);
        final List<CasualtyTally> in = span.stream()
            .filter(t -> !t.getWindowStart().isBefore(start) && !t.getWindowStart().isAfter(end)).toList();
        emit(record, TallyKeys.window(region, window, start), TallyMath.window(region, window, start, in));
      }
    }
  }

  private void emit(final Record<String, CasualtyTally> record, final String key, final CasualtyTally tally) {
    final CasualtyTally old = windows.get(key);
    if (Objects.equals(old, tally)) {
      return;
    }
    if (tally == null) {
      windows.delete(key);
    } else {
      windows.put(key, tally);
    }
    context.forward(record.withKey(key).withValue(tally));
  }

  private void countDays(final String region, final int delta) {
    if (delta == 0) {
      return;
    }
    final Integer n = regions.get(region);
    final int now = (n == null ? 0 : n) + delta;
    if (now <= 0) {
      regions.delete(region);
    } else {
      regions.put(region, now);
    }
  }
}
