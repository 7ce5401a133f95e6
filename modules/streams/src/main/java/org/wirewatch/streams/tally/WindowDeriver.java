package org.wirewatch.streams.tally;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.wirewatch.schema.CasualtyTally;
import org.wirewatch.schema.TallyWindow;
import org.wirewatch.streams.StreamSerdes;

/**
 * Second step of the tally, partitioned by region: adds each region-day delta (see {@link IncidentContributions})
 * to the one-day tally in {@value #DAYS} and emits every window the day belongs to: its P1D window, the seven P7D
 * windows starting d-6..d and the thirty P30D windows starting d-29..d, each summed from the days of the region
 * (tombstone when a window has no incident left). A window is keyed by its first day: {@code region|P7D|start}
 * covers start..start+6.
 *
 * <p>Only days are stored: a window is a sum of at most thirty of them, cheap to compute whenever it is asked
 * for ({@link #window}), so no window is written twice, to a store and to its changelog, for every change.
 * Stores: {@value #DAYS} (region|day to the day's tally), {@value #REGIONS} (region to its number of days with
 * incidents, for listing regions).
 */
public final class WindowDeriver implements Processor<String, CasualtyTally, String, CasualtyTally> {

  public static final String DAYS = "tally-days";
  public static final String REGIONS = "tally-regions";

  private static final int LONGEST = TallyKeys.length(TallyWindow.P30D);

  private ProcessorContext<String, CasualtyTally> context;
  private KeyValueStore<String, CasualtyTally> days;
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
            Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(REGIONS), serdes.key(), Serdes.Integer())));
      }
    };
  }

  @Override
  public void init(final ProcessorContext<String, CasualtyTally> context) {
    this.context = context;
    this.days = context.getStateStore(DAYS);
    this.regions = context.getStateStore(REGIONS);
  }

  @Override
  public void process(final Record<String, CasualtyTally> record) {
    final String dayKey = record.key();
    final CasualtyTally delta = record.value();
    if (dayKey == null || delta == null) {
      throw new IllegalArgumentException("region-day delta without key or value");
    }
    final String region = TallyKeys.region(dayKey);
    final LocalDate day = TallyKeys.dayOf(dayKey);
    final CasualtyTally before = days.get(dayKey);
    final CasualtyTally sum = before == null ? delta : TallyMath.plus(before, delta);
    final CasualtyTally after = sum.getIncidents() > 0 ? sum : null;
    if (java.util.Objects.equals(before, after)) {
      return;
    }
    if (after == null) {
      days.delete(dayKey);
    } else {
      days.put(dayKey, after);
    }
    countDays(region, (before == null ? 0 : -1) + (after == null ? 0 : 1));

    // One scan covers every day any affected window can include: d-29 .. d+29.
    final List<CasualtyTally> span = range(days, region, day.minusDays(LONGEST - 1L), day.plusDays(LONGEST - 1L));
    for (final TallyWindow window : TallyWindow.values()) {
      for (int i = 0; i < TallyKeys.length(window); i++) {
        final LocalDate start = day.minusDays(i);
        context.forward(record.withKey(TallyKeys.window(region, window, start))
            .withValue(window(region, window, start, span)));
      }
    }
  }

  /** The days of a region from {@code from} to {@code to}, both included, in order. */
  public static List<CasualtyTally> range(final ReadOnlyKeyValueStore<String, CasualtyTally> days,
      final String region, final LocalDate from, final LocalDate to) {
    final List<CasualtyTally> out = new ArrayList<>();
    try (KeyValueIterator<String, CasualtyTally> it = days.range(TallyKeys.day(region, from),
        TallyKeys.day(region, to))) {
      it.forEachRemaining(kv -> out.add(kv.value));
    }
    return out;
  }

  /** The window starting {@code start}, summed from those of {@code days} it covers; null when it has none. */
  public static CasualtyTally window(final String region, final TallyWindow window, final LocalDate start,
      final List<CasualtyTally> days) {
    final LocalDate end = start.plusDays(TallyKeys.length(window) - 1L);
    final List<CasualtyTally> in = new ArrayList<>();
    for (final CasualtyTally t : days) {
      if (!t.getWindowStart().isBefore(start) && !t.getWindowStart().isAfter(end)) {
        in.add(t);
      }
    }
    return TallyMath.window(region, window, start, in);
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
