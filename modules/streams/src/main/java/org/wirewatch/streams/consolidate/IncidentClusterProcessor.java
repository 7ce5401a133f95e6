package org.wirewatch.streams.consolidate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wirewatch.schema.Claim;
import org.wirewatch.schema.Incident;
import org.wirewatch.schema.IncidentMention;
import org.wirewatch.schema.ReportExtraction;
import org.wirewatch.streams.StreamSerdes;

/**
 * Second step of consolidation, keyed by country: applies one story's delta (see {@link StoryFanOut}) to the open
 * incidents of that country. The story's previous mentions leave their incidents, its new mentions join the most
 * similar compatible incident ({@link MentionCompatibility}) or open a new one, and every incident touched is
 * recomputed from its members ({@link IncidentMerger}) and emitted, or tombstoned when its last mention left.
 * Claims linked to the story's mentions are emitted with their incident id; claims the story no longer makes
 * are tombstoned.
 *
 * <p>Bounded state: each country keeps a watermark, the latest publication day of any report about it. Every
 * eviction interval of wall-clock time, incidents that no report touched for more than the horizon before their
 * country's watermark are closed: they leave the stores but stay published as they were (and keep counting in
 * tallies); a late version of one of their stories leaves them alone.
 *
 * <p>Stores (all keys start with the country and {@code |}): {@value #INCIDENTS} country|incident id to Incident;
 * {@value #MEMBERS} country|incident id|mention id to a single-mention extraction; {@value #INDEX} country|mention
 * id to incident id; {@value #DELTAS} country|story uri to the story's last delta for that country;
 * {@value #WATERMARKS} country to the epoch day of its watermark; {@value #BY_DATE} country|event date|incident id
 * to incident id, the date index that lets a new mention read only the incidents it could join.
 * An index value starting with {@code !} marks a mention of a closed incident.
 */
public final class IncidentClusterProcessor
    implements Processor<String, ReportExtraction, String, ConsolidatedRecord> {

  public static final String INCIDENTS = "consolidate-incidents";
  public static final String MEMBERS = "consolidate-members";
  public static final String INDEX = "consolidate-mention-index";
  public static final String DELTAS = "consolidate-story-deltas";
  public static final String WATERMARKS = "consolidate-watermarks";
  public static final String BY_DATE = "consolidate-incidents-by-date";

  private static final Logger LOG = LoggerFactory.getLogger(IncidentClusterProcessor.class);
  private static final StringSerializer KEYS = new StringSerializer();
  /** Index value prefix of a mention whose incident was closed at the horizon. */
  private static final String EVICTED = "!";
  /**
   * A new mention must agree with this many members of an incident (the first in key order) to join it: enough to
   * stop chains of near matches, and bounded, so an event a hundred agencies report costs no more to match.
   */
  static final int COMPARED_MEMBERS = 8;

  private final int horizonDays;
  private final java.time.Duration evictionInterval;
  private ProcessorContext<String, ConsolidatedRecord> context;
  private KeyValueStore<String, Incident> incidents;
  private KeyValueStore<String, ReportExtraction> members;
  private KeyValueStore<String, String> index;
  private KeyValueStore<String, ReportExtraction> deltas;
  private KeyValueStore<String, Integer> watermarks;
  private KeyValueStore<String, String> byDate;
  private boolean byDateChecked;

  IncidentClusterProcessor(final int horizonDays, final java.time.Duration evictionInterval) {
    this.horizonDays = horizonDays;
    this.evictionInterval = evictionInterval;
  }

  public static ProcessorSupplier<String, ReportExtraction, String, ConsolidatedRecord> supplier(
      final StreamSerdes serdes, final int horizonDays, final java.time.Duration evictionInterval) {
    return new ProcessorSupplier<>() {
      @Override
      public Processor<String, ReportExtraction, String, ConsolidatedRecord> get() {
        return new IncidentClusterProcessor(horizonDays, evictionInterval);
      }

      @Override
      public Set<StoreBuilder<?>> stores() {
        // Insertion order, so describe() lists the stores the same way on every run.
        return new java.util.LinkedHashSet<>(java.util.List.of(
            Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(INCIDENTS), serdes.key(), serdes.incident()),
            Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(MEMBERS), serdes.key(), serdes.extraction()),
            Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(INDEX), serdes.key(), Serdes.String()),
            Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(DELTAS), serdes.key(), serdes.extraction()),
            Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(WATERMARKS), serdes.key(), Serdes.Integer()),
            Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(BY_DATE), serdes.key(), Serdes.String())));
      }
    };
  }

  @Override
  public void init(final ProcessorContext<String, ConsolidatedRecord> context) {
    this.context = context;
    this.incidents = context.getStateStore(INCIDENTS);
    this.members = context.getStateStore(MEMBERS);
    this.index = context.getStateStore(INDEX);
    this.deltas = context.getStateStore(DELTAS);
    this.watermarks = context.getStateStore(WATERMARKS);
    this.byDate = context.getStateStore(BY_DATE);
    // Wall-clock, not stream time: a backfill of years of reports runs in minutes and closes nothing while it
    // runs, so its result does not depend on how far one partition ran ahead of another.
    context.schedule(evictionInterval, org.apache.kafka.streams.processor.PunctuationType.WALL_CLOCK_TIME,
        now -> evictAll());
  }

  /** Closes, in every country, the incidents no report touched for the horizon before its watermark. */
  private void evictAll() {
    final List<KeyValue<String, Integer>> marks = new ArrayList<>();
    try (KeyValueIterator<String, Integer> it = watermarks.all()) {
      it.forEachRemaining(marks::add);
    }
    for (final KeyValue<String, Integer> m : marks) {
      evict(m.key, (long) m.value - horizonDays);
    }
  }

  @Override
  public void process(final Record<String, ReportExtraction> record) {
    final String country = record.key();
    final ReportExtraction delta = record.value();
    if (country == null || delta == null) {
      throw new IllegalArgumentException("consolidation delta without country or value");
    }
    ensureDateIndex();
    final Set<String> storyClaims = storyClaims(record);
    final String deltaKey = country + '|' + delta.getReportUri();
    final ReportExtraction previous = deltas.get(deltaKey);
    if (previous != null && delta.getReportVersion() < previous.getReportVersion()) {
      return;
    }
    if (StoryFanOut.UNLINKED.equals(country)) {
      emitClaims(record, previous, delta.getClaims(), Map.of(), storyClaims);
      saveDelta(deltaKey, delta, delta.getClaims().isEmpty());
      return;
    }

    final Set<String> affected = new TreeSet<>();
    final Map<String, String> before = new HashMap<>();
    if (previous != null) {
      for (final IncidentMention old : previous.getIncidents()) {
        final String indexKey = country + '|' + old.getMentionId();
        final String incidentId = index.get(indexKey);
        if (incidentId != null && !incidentId.startsWith(EVICTED)) {
          members.delete(country + '|' + incidentId + '|' + old.getMentionId());
          index.delete(indexKey);
          affected.add(incidentId);
          before.put(old.getMentionId(), incidentId);
        }
      }
    }

    final List<IncidentMention> accepted = new ArrayList<>();
    for (final IncidentMention m : delta.getIncidents()) {
      final String seen = index.get(country + '|' + m.getMentionId());
      if (seen != null && seen.startsWith(EVICTED)) {
        LOG.debug("Mention {} belongs to incident {}, closed beyond the {}-day horizon: left as published",
            m.getMentionId(), seen.substring(EVICTED.length()), horizonDays);
        continue;
      }
      accepted.add(m);
    }
    accepted.sort(java.util.Comparator.comparing(IncidentMention::getMentionId));

    final Map<String, String> incidentOf = new HashMap<>();
    for (final IncidentMention m : accepted) {
      final List<Claim> linked = delta.getClaims().stream()
          .filter(c -> m.getMentionId().equals(c.getMentionId())).toList();
      final ReportExtraction member = Extractions.with(delta, List.of(m), linked);
      final String incidentId = assign(country, m, delta.getReportUri(), before.get(m.getMentionId()));
      members.put(country + '|' + incidentId + '|' + m.getMentionId(), member);
      index.put(country + '|' + m.getMentionId(), incidentId);
      incidentOf.put(m.getMentionId(), incidentId);
      affected.add(incidentId);
    }

    for (final String incidentId : affected) {
      recompute(record, country, incidentId);
    }

    final List<Claim> owned = delta.getClaims().stream()
        .filter(c -> c.getMentionId() != null && incidentOf.containsKey(c.getMentionId())).toList();
    emitClaims(record, previous, owned, incidentOf, storyClaims);
    saveDelta(deltaKey, Extractions.with(delta, accepted, owned), accepted.isEmpty() && owned.isEmpty());
    advanceWatermark(country, delta);
  }

  /** Moves the country's watermark to this report's publication day if it is later. */
  private void advanceWatermark(final String country, final ReportExtraction delta) {
    if (delta.getPublishedAt() == null) {
      return;
    }
    final int day = (int) Math.floorDiv(delta.getPublishedAt().toEpochMilli(), 86_400_000L);
    final Integer mark = watermarks.get(country);
    if (mark == null || day > mark) {
      watermarks.put(country, day);
    }
  }

  /**
   * The incident a new mention joins: the best-scoring compatible one (its previous incident, when a new version
   * of the story is still compatible with it, wins ties so ids stay put), or a new one.
   */
  private String assign(final String country, final IncidentMention m, final String story, final String previous) {
    String best = null;
    double bestScore = Double.NEGATIVE_INFINITY;
    // Incidents span their members' dates; a week of slack keeps every possible match. Only incidents dated
    // within reach are read, through the date index, so matching costs the same with ten or ten thousand open
    // incidents in a country.
    final int reach = MentionCompatibility.DATE_SLACK_DAYS + Math.max(7, Math.max(0, m.getDateToleranceDays()));
    try (KeyValueIterator<String, String> it = byDate.range(dateKey(country, m.getEventDate().minusDays(reach), ""),
        dateKey(country, m.getEventDate().plusDays(reach + 1L), ""))) {
      while (it.hasNext()) {
        // The index key holds the incident's date and its value the id: no need to read the incident itself.
        final KeyValue<String, String> entry = it.next();
        final String incidentId = entry.value;
        if (!MentionCompatibility.datesMayMatch(dateOf(country, entry.key), 7, m.getEventDate(),
            m.getDateToleranceDays())) {
          continue;
        }
        final List<MentionCompatibility.Member> ms = new ArrayList<>();
        for (final ReportExtraction e : members(country, incidentId, COMPARED_MEMBERS)) {
          ms.add(new MentionCompatibility.Member(IncidentMerger.mention(e), e.getReportUri()));
        }
        final OptionalDouble score = MentionCompatibility.scoreAgainstAll(m, story, ms);
        final double bonus = incidentId.equals(previous) ? 0.5 : 0;
        // Ties go to the smallest id, whatever order the index returns them in.
        if (score.isPresent() && (score.getAsDouble() + bonus > bestScore
            || best != null && score.getAsDouble() + bonus == bestScore && incidentId.compareTo(best) < 0)) {
          best = incidentId;
          bestScore = score.getAsDouble() + bonus;
        }
      }
    }
    if (best != null) {
      return best;
    }
    if (previous != null && members(country, previous, 1).isEmpty()) {
      return previous;
    }
    // An incident whose last member just left is free: its id is reused rather than retracted and reissued.
    return IncidentIds.forMention(m.getMentionId(), id -> !members(country, id, 1).isEmpty());
  }

  private static String dateKey(final String country, final Incident incident) {
    return dateKey(country, incident.getEventDate(), incident.getIncidentId());
  }

  /** The date of a date index key of {@code country}. */
  private static LocalDate dateOf(final String country, final String dateKey) {
    final int from = country.length() + 1;
    return LocalDate.parse(dateKey.substring(from, dateKey.indexOf('|', from)));
  }

  /** {@code country|YYYY-MM-DD|incident id}: ISO dates sort as strings, so a range scan is a date range. */
  private static String dateKey(final String country, final LocalDate date, final String incidentId) {
    return country + '|' + date + '|' + incidentId;
  }

  /**
   * State written before the date index existed has incidents but no index entries: they are indexed once, on
   * the first record (stores can only be written while a record is processed).
   */
  private void ensureDateIndex() {
    if (byDateChecked) {
      return;
    }
    byDateChecked = true;
    try (KeyValueIterator<String, String> any = byDate.all()) {
      if (any.hasNext()) {
        return;
      }
    }
    try (KeyValueIterator<String, Incident> it = incidents.all()) {
      while (it.hasNext()) {
        final KeyValue<String, Incident> kv = it.next();
        byDate.put(dateKey(kv.key.substring(0, kv.key.indexOf('|')), kv.value), kv.value.getIncidentId());
      }
    }
  }

  private List<ReportExtraction> members(final String country, final String incidentId) {
    return members(country, incidentId, Integer.MAX_VALUE);
  }

  /** The first {@code limit} members of an incident in key order. */
  private List<ReportExtraction> members(final String country, final String incidentId, final int limit) {
    final List<ReportExtraction> out = new ArrayList<>();
    try (KeyValueIterator<String, ReportExtraction> it =
        members.prefixScan(country + '|' + incidentId + '|', KEYS)) {
      while (it.hasNext() && out.size() < limit) {
        out.add(it.next().value);
      }
    }
    return out;
  }

  private void recompute(final Record<String, ReportExtraction> record, final String country,
      final String incidentId) {
    final String key = country + '|' + incidentId;
    final Incident before = incidents.get(key);
    final List<ReportExtraction> ms = members(country, incidentId);
    if (ms.isEmpty()) {
      if (before != null) {
        incidents.delete(key);
        byDate.delete(dateKey(country, before));
        context.forward(record.withKey(incidentId).withValue(ConsolidatedRecord.incident(null)));
      }
      return;
    }
    final Incident after = IncidentMerger.merge(incidentId, ms);
    if (!after.equals(before)) {
      incidents.put(key, after);
      if (before == null || !before.getEventDate().equals(after.getEventDate())) {
        if (before != null) {
          byDate.delete(dateKey(country, before));
        }
        byDate.put(dateKey(country, after), incidentId);
      }
      context.forward(record.withKey(incidentId).withValue(ConsolidatedRecord.incident(after)));
    }
  }

  /**
   * The story's current claim ids from {@link StoryFanOut#STORY_CLAIMS_HEADER}, removed from the record so that
   * nothing published carries it; null for a delta written before the header existed.
   */
  private static Set<String> storyClaims(final Record<String, ReportExtraction> record) {
    final org.apache.kafka.common.header.Header h = record.headers().lastHeader(StoryFanOut.STORY_CLAIMS_HEADER);
    record.headers().remove(StoryFanOut.STORY_CLAIMS_HEADER);
    if (h == null) {
      return null;
    }
    final String ids = new String(h.value(), java.nio.charset.StandardCharsets.UTF_8);
    return ids.isEmpty() ? Set.of() : new HashSet<>(java.util.Arrays.asList(ids.split("\n")));
  }

  /** Emits the claims a delta owns, and tombstones those the story's previous delta owned that are gone now. */
  private void emitClaims(final Record<String, ReportExtraction> record, final ReportExtraction previous,
      final List<Claim> owned, final Map<String, String> incidentOf, final Set<String> storyClaims) {
    final ReportExtraction delta = record.value();
    final Set<String> now = new HashSet<>();
    for (final Claim c : owned) {
      now.add(c.getClaimId());
      final Claim out = Claim.newBuilder(c)
          .setIncidentId(c.getMentionId() == null ? null : incidentOf.get(c.getMentionId()))
          .setReportUri(c.getReportUri() != null ? c.getReportUri() : delta.getReportUri())
          .setReportVersion(c.getReportVersion() != null ? c.getReportVersion() : delta.getReportVersion())
          .setAgency(c.getAgency() != null ? c.getAgency() : delta.getAgency())
          .build();
      context.forward(record.withKey(c.getClaimId()).withValue(ConsolidatedRecord.claim(out)));
    }
    if (previous != null) {
      for (final Claim c : previous.getClaims()) {
        // A claim the story still makes has moved to another delta, which publishes it.
        if (!now.contains(c.getClaimId()) && (storyClaims == null || !storyClaims.contains(c.getClaimId()))) {
          context.forward(record.withKey(c.getClaimId()).withValue(ConsolidatedRecord.claim(null)));
        }
      }
    }
  }

  private void saveDelta(final String key, final ReportExtraction delta, final boolean empty) {
    if (empty) {
      deltas.delete(key);
    } else {
      deltas.put(key, Extractions.stripped(delta));
    }
  }

  /**
   * Closes the incidents of a country last reported before {@code cutoffDay}: their members and deltas leave the
   * stores, their published state stays (and keeps counting in tallies). Each of their mentions keeps a small
   * marker in the index, so a late version of the same story leaves the closed incident alone instead of opening a
   * duplicate.
   */
  private void evict(final String country, final long cutoffDay) {
    final List<String> gone = new ArrayList<>();
    try (KeyValueIterator<String, Incident> it = incidents.prefixScan(country + '|', KEYS)) {
      while (it.hasNext()) {
        final Incident inc = it.next().value;
        if (Math.floorDiv(inc.getUpdatedAt().toEpochMilli(), 86_400_000L) < cutoffDay) {
          gone.add(inc.getIncidentId());
        }
      }
    }
    final Set<String> stories = new HashSet<>();
    for (final String incidentId : gone) {
      for (final ReportExtraction m : members(country, incidentId)) {
        final String mentionId = IncidentMerger.mention(m).getMentionId();
        members.delete(country + '|' + incidentId + '|' + mentionId);
        index.put(country + '|' + mentionId, EVICTED + incidentId);
        stories.add(m.getReportUri());
      }
      final Incident closed = incidents.get(country + '|' + incidentId);
      incidents.delete(country + '|' + incidentId);
      if (closed != null) {
        byDate.delete(dateKey(country, closed));
      }
    }
    for (final String story : stories) {
      final ReportExtraction d = deltas.get(country + '|' + story);
      final boolean open = d != null && d.getIncidents().stream()
          .map(m -> index.get(country + '|' + m.getMentionId()))
          .anyMatch(id -> id != null && !id.startsWith(EVICTED));
      if (!open) {
        deltas.delete(country + '|' + story);
      }
    }
    if (!gone.isEmpty()) {
      LOG.debug("Closed {} incidents of {} last reported before {}", gone.size(), country,
          LocalDate.ofEpochDay(cutoffDay));
    }
  }
}
