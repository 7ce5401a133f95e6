package org.wirewatch.streams.tally;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.wirewatch.schema.CasualtyFigure;
import org.wirewatch.schema.CasualtyTally;
import org.wirewatch.schema.Incident;
import org.wirewatch.schema.RegionLevel;
import org.wirewatch.schema.TallyWindow;

/** Arithmetic on tallies: add or remove one incident's contribution, and sum days into a window. */
public final class TallyMath {

  private TallyMath() {}

  /** An empty one-day tally; the region is filled in by the first {@link #add}. */
  public static CasualtyTally empty() {
    return CasualtyTally.newBuilder()
        .setRegionCode("")
        .setRegionLevel(RegionLevel.COUNTRY)
        .setRegionName(null)
        .setWindow(TallyWindow.P1D)
        .setWindowStart(LocalDate.EPOCH)
        .setWindowEnd(LocalDate.EPOCH)
        .setIncidents(0)
        .setKilled(figure(0, 0, 0))
        .setInjured(figure(0, 0, 0))
        .setCiviliansKilled(0)
        .setChildrenKilled(0)
        .setUpdatedAt(Instant.EPOCH)
        .build();
  }

  /**
   * The one-day tally of {@code dayKey} with the incident added. {@code updatedAt} is the latest
   * {@code updatedAt} of any incident ever added: event time, never the wall clock, so replays are identical.
   */
  public static CasualtyTally add(final String dayKey, final Incident incident, final CasualtyTally agg) {
    final Contribution c = Contribution.of(incident);
    final String region = TallyKeys.region(dayKey);
    final LocalDate day = TallyKeys.dayOf(dayKey);
    final RegionLevel level = level(region);
    final String name = agg.getRegionName() != null ? agg.getRegionName() : regionName(region, level, incident);
    return CasualtyTally.newBuilder(agg)
        .setRegionCode(region)
        .setRegionLevel(level)
        .setRegionName(name)
        .setWindow(TallyWindow.P1D)
        .setWindowStart(day)
        .setWindowEnd(day)
        .setIncidents(agg.getIncidents() + 1)
        .setKilled(plus(agg.getKilled(), c.killedLow(), c.killedBest(), c.killedHigh()))
        .setInjured(plus(agg.getInjured(), c.injuredLow(), c.injuredBest(), c.injuredHigh()))
        .setCiviliansKilled(agg.getCiviliansKilled() + c.civilians())
        .setChildrenKilled(agg.getChildrenKilled() + c.children())
        .setUpdatedAt(max(agg.getUpdatedAt(), incident.getUpdatedAt()))
        .build();
  }

  /** The tally with the incident's contribution removed; null (delete the day) when no incident is left. */
  public static CasualtyTally subtract(final Incident incident, final CasualtyTally agg) {
    if (agg.getIncidents() <= 1) {
      return null;
    }
    final Contribution c = Contribution.of(incident);
    return CasualtyTally.newBuilder(agg)
        .setIncidents(agg.getIncidents() - 1)
        .setKilled(plus(agg.getKilled(), -c.killedLow(), -c.killedBest(), -c.killedHigh()))
        .setInjured(plus(agg.getInjured(), -c.injuredLow(), -c.injuredBest(), -c.injuredHigh()))
        .setCiviliansKilled(agg.getCiviliansKilled() - c.civilians())
        .setChildrenKilled(agg.getChildrenKilled() - c.children())
        .build();
  }

  /**
   * The window tally summing the given one-day tallies of one region; null when they hold no incident.
   */
  public static CasualtyTally window(final String region, final TallyWindow window, final LocalDate start,
      final List<CasualtyTally> days) {
    if (days.isEmpty()) {
      return null;
    }
    int incidents = 0;
    int kl = 0;
    int kb = 0;
    int kh = 0;
    int il = 0;
    int ib = 0;
    int ih = 0;
    int civ = 0;
    int chi = 0;
    Instant updated = Instant.EPOCH;
    String name = null;
    for (final CasualtyTally d : days) {
      incidents += d.getIncidents();
      kl += d.getKilled().getLow();
      kb += d.getKilled().getBest();
      kh += d.getKilled().getHigh();
      il += d.getInjured().getLow();
      ib += d.getInjured().getBest();
      ih += d.getInjured().getHigh();
      civ += d.getCiviliansKilled();
      chi += d.getChildrenKilled();
      updated = max(updated, d.getUpdatedAt());
      name = name != null ? name : d.getRegionName();
    }
    if (incidents == 0) {
      return null;
    }
    return CasualtyTally.newBuilder()
        .setRegionCode(region)
        .setRegionLevel(level(region))
        .setRegionName(name)
        .setWindow(window)
        .setWindowStart(start)
        .setWindowEnd(start.plusDays(TallyKeys.length(window) - 1L))
        .setIncidents(incidents)
        .setKilled(figure(kl, kb, kh))
        .setInjured(figure(il, ib, ih))
        .setCiviliansKilled(civ)
        .setChildrenKilled(chi)
        .setUpdatedAt(updated)
        .build();
  }

  /** ISO 3166-2 codes carry a dash (SY-DY); country codes do not. */
  public static RegionLevel level(final String region) {
    return region.indexOf('-') > 0 ? RegionLevel.ADMIN1 : RegionLevel.COUNTRY;
  }

  static String regionName(final String region, final RegionLevel level, final Incident incident) {
    if (level == RegionLevel.ADMIN1) {
      return incident.getLocation().getAdmin1Name();
    }
    final String name = new java.util.Locale("", region).getDisplayCountry(java.util.Locale.ENGLISH);
    return name.isEmpty() || name.equals(region) ? null : name;
  }

  private static CasualtyFigure plus(final CasualtyFigure f, final int low, final int best, final int high) {
    return figure(f.getLow() + low, f.getBest() + best, f.getHigh() + high);
  }

  static CasualtyFigure figure(final int low, final int best, final int high) {
    return CasualtyFigure.newBuilder().setLow(low).setBest(best).setHigh(high).setVague(false).build();
  }

  private static Instant max(final Instant a, final Instant b) {
    return b != null && b.isAfter(a) ? b : a;
  }
}
