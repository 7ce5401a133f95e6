package org.wirewatch.streams.consolidate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.common.serialization.Serdes;
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
import org.wirewatch.streams.consolidate.IncidentStateSerde.Stored;
import org.wirewatch.streams.consolidate.StateKeys.DateKey;
import org.wirewatch.streams.consolidate.StateKeys.IncidentKey;
import org.wirewatch.streams.consolidate.StateKeys.MemberKey;
import org.wirewatch.streams.consolidate.StateKeys.MentionKey;
import org.wirewatch.streams.consolidate.StateKeys.MentionPlace;
import org.wirewatch.streams.consolidate.StateKeys.Route;
import org.wirewatch.streams.consolidate.StateKeys.StoryKey;

/**
 * Second step of consolidation, keyed by {@link Route} (a country, mostly): applies one story's delta (see
 * {@link StoryFanOut}) to the open incidents of that country. The story's previous mentions leave their incidents,
 * its new mentions join the most similar compatible incident ({@link MentionCompatibility}) or open a new one, and
 * every incident touched is updated from its {@link IncidentState} and emitted, or tombstoned when its last mention
 * left. An incident is published under an id that depends on its members only ({@link IncidentIds#published}); when
 * a delta changes it, the old id is tombstoned and the incident and its members' claims are published under the new
 * one, while the stores go on naming the incident by its store key. Claims linked to the story's mentions are
 * emitted with their incident id; claims the story no longer makes are tombstoned. A delta routed by story ({@link Route.Kind#UNLINKED}) carries only claims linked to no current
 * mention, which are emitted with no incident id.
 *
 * <p>An added mention costs the same whatever the incident's reach: the incident is updated from its summary, not
 * recomputed from every member, and the published record lists at most {@value IncidentState#LISTED} mentions in
 * full and counts the rest by agency.
 *
 * <p>Bounded state: each country keeps a watermark, the latest publication day of any report about it. Every
 * eviction interval of wall-clock time, incidents that no report touched for more than the horizon before their
 * country's watermark are closed: they leave the stores but stay published as they were (and keep counting in
 * tallies); a late version of one of their stories leaves them alone.
 *
 * <p>Stores, keyed by the types of {@link StateKeys}, each starting with the route and naming incidents by their store
 * key ({@link IncidentIds#forMention}): {@value #INCIDENTS} incident to
 * the incident as published and its summary; {@value #MEMBERS} incident and mention to a single-mention extraction
 * (with evidence: the primary's is published); {@value #INDEX} mention to its incident, and whether that incident
 * was closed; {@value #DELTAS} story to its last delta; {@value #WATERMARKS} country to the epoch day of its
 * watermark; {@value #BY_DATE} event date and incident, the date index that lets a new mention read only the
 * incidents it could join.
 */
public final class IncidentClusterProcessor implements Processor<Route, ReportExtraction, String, ConsolidatedRecord> {

    public static final String INCIDENTS = "consolidate-incidents";
    public static final String MEMBERS = "consolidate-members";
    public static final String INDEX = "consolidate-mention-index";
    public static final String DELTAS = "consolidate-story-deltas";
    public static final String WATERMARKS = "consolidate-watermarks";
    public static final String BY_DATE = "consolidate-incidents-by-date";

    private static final Logger LOG = LoggerFactory.getLogger(IncidentClusterProcessor.class);
    private static final byte[] PRESENT = new byte[0];
    /**
     * A new mention must agree with this many members of an incident (the first in key order) to join it: enough to
     * stop chains of near matches, and bounded, so an event a hundred agencies report costs no more to match.
     */
    static final int COMPARED_MEMBERS = 8;

    private final int horizonDays;
    private final java.time.Duration evictionInterval;
    private ProcessorContext<String, ConsolidatedRecord> context;
    private KeyValueStore<IncidentKey, Stored> incidents;
    private KeyValueStore<MemberKey, ReportExtraction> members;
    private KeyValueStore<MentionKey, MentionPlace> index;
    private KeyValueStore<StoryKey, ReportExtraction> deltas;
    private KeyValueStore<Route, Integer> watermarks;
    private KeyValueStore<DateKey, byte[]> byDate;

    IncidentClusterProcessor(final int horizonDays, final java.time.Duration evictionInterval) {
        this.horizonDays = horizonDays;
        this.evictionInterval = evictionInterval;
    }

    public static ProcessorSupplier<Route, ReportExtraction, String, ConsolidatedRecord> supplier(
            final StreamSerdes serdes, final int horizonDays, final java.time.Duration evictionInterval) {
        return new ProcessorSupplier<>() {
            @Override
            public Processor<Route, ReportExtraction, String, ConsolidatedRecord> get() {
                return new IncidentClusterProcessor(horizonDays, evictionInterval);
            }

            @Override
            public Set<StoreBuilder<?>> stores() {
                // Insertion order, so describe() lists the stores the same way on every run.
                return new java.util.LinkedHashSet<>(java.util.List.of(
                        Stores.keyValueStoreBuilder(
                                Stores.persistentKeyValueStore(INCIDENTS),
                                StateKeys.INCIDENT,
                                new IncidentStateSerde(serdes)),
                        Stores.keyValueStoreBuilder(
                                Stores.persistentKeyValueStore(MEMBERS), StateKeys.MEMBER, serdes.extraction()),
                        Stores.keyValueStoreBuilder(
                                Stores.persistentKeyValueStore(INDEX), StateKeys.MENTION, StateKeys.PLACE),
                        Stores.keyValueStoreBuilder(
                                Stores.persistentKeyValueStore(DELTAS), StateKeys.STORY, serdes.extraction()),
                        Stores.keyValueStoreBuilder(
                                Stores.persistentKeyValueStore(WATERMARKS), StateKeys.ROUTE, Serdes.Integer()),
                        Stores.keyValueStoreBuilder(
                                Stores.persistentKeyValueStore(BY_DATE), StateKeys.DATE, Serdes.ByteArray())));
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
        context.schedule(
                evictionInterval,
                org.apache.kafka.streams.processor.PunctuationType.WALL_CLOCK_TIME,
                now -> evictAll());
    }

    /** Closes, in every country, the incidents no report touched for the horizon before its watermark. */
    private void evictAll() {
        final List<KeyValue<Route, Integer>> marks = new ArrayList<>();
        try (KeyValueIterator<Route, Integer> it = watermarks.all()) {
            it.forEachRemaining(marks::add);
        }
        for (final KeyValue<Route, Integer> m : marks) {
            evict(m.key, (long) m.value - horizonDays);
        }
    }

    @Override
    public void process(final Record<Route, ReportExtraction> record) {
        final Route route = record.key();
        final ReportExtraction delta = record.value();
        if (route == null || delta == null) {
            throw new IllegalArgumentException("consolidation delta without route or value");
        }
        final Set<String> storyClaims = storyClaims(record);
        final StoryKey deltaKey = new StoryKey(route, delta.getReportUri());
        final ReportExtraction previous = deltas.get(deltaKey);
        if (previous != null && delta.getReportVersion() < previous.getReportVersion()) {
            return;
        }
        if (route.unlinked()) {
            emitClaims(record, previous, delta.getClaims(), Map.of(), storyClaims);
            saveDelta(deltaKey, delta, delta.getClaims().isEmpty());
            return;
        }

        // The incidents this delta touches, in id order so they are emitted in a stable order.
        final Map<String, Touched> touched = new TreeMap<>();
        final Map<String, String> before = new HashMap<>();
        if (previous != null) {
            for (final IncidentMention old : previous.getIncidents()) {
                final MentionKey indexKey = new MentionKey(route, old.getMentionId());
                final MentionPlace place = index.get(indexKey);
                if (place != null && !place.closed()) {
                    final MemberKey memberKey = new MemberKey(route, place.incidentId(), old.getMentionId());
                    final ReportExtraction member = members.get(memberKey);
                    members.delete(memberKey);
                    index.delete(indexKey);
                    touched(touched, route, place.incidentId()).remove(member);
                    before.put(old.getMentionId(), place.incidentId());
                }
            }
        }

        final List<IncidentMention> accepted = new ArrayList<>();
        for (final IncidentMention m : delta.getIncidents()) {
            final MentionPlace seen = index.get(new MentionKey(route, m.getMentionId()));
            if (seen != null && seen.closed()) {
                LOG.debug(
                        "Mention {} belongs to incident {}, closed beyond the {}-day horizon: left as published",
                        m.getMentionId(),
                        seen.incidentId(),
                        horizonDays);
                continue;
            }
            accepted.add(m);
        }
        accepted.sort(java.util.Comparator.comparing(IncidentMention::getMentionId));

        final Map<String, String> incidentOf = new HashMap<>();
        for (final IncidentMention m : accepted) {
            final List<Claim> linked = delta.getClaims().stream()
                    .filter(c -> m.getMentionId().equals(c.getMentionId()))
                    .toList();
            final ReportExtraction member = Extractions.with(delta, List.of(m), linked);
            final String incidentId = assign(route, m, delta.getReportUri(), before.get(m.getMentionId()));
            members.put(new MemberKey(route, incidentId, m.getMentionId()), member);
            index.put(new MentionKey(route, m.getMentionId()), new MentionPlace(incidentId, false));
            incidentOf.put(m.getMentionId(), incidentId);
            touched(touched, route, incidentId).add(member);
        }

        final List<Outcome> outcomes = new ArrayList<>();
        for (final Map.Entry<String, Touched> t : touched.entrySet()) {
            outcomes.add(update(route, t.getKey(), t.getValue()));
        }
        final Map<String, String> published = publish(record, route, outcomes);

        final Map<String, String> publishedOf = new HashMap<>();
        incidentOf.forEach((mention, key) -> publishedOf.put(mention, published.get(key)));
        final List<Claim> owned = delta.getClaims().stream()
                .filter(c -> c.getMentionId() != null && incidentOf.containsKey(c.getMentionId()))
                .toList();
        emitClaims(record, previous, owned, publishedOf, storyClaims);
        saveDelta(deltaKey, Extractions.with(delta, accepted, owned), accepted.isEmpty() && owned.isEmpty());
        advanceWatermark(route, delta);
    }

    /**
     * An incident as this delta changes it: its stored state, updated member by member, or marked for a rebuild from
     * the member store when a removal leaves the summary unable to say what replaces the member.
     */
    private static final class Touched {
        final Stored before;
        final IncidentState state;
        boolean rebuild;

        Touched(final Stored before) {
            this.before = before;
            this.state = before == null ? new IncidentState() : before.state();
            // A summary stored before origins were kept says nothing of its origin: rebuilt, it knows it.
            this.rebuild = before != null && !before.state().originKnown;
        }

        void add(final ReportExtraction member) {
            if (!rebuild) {
                state.add(member);
            }
        }

        void remove(final ReportExtraction member) {
            // A member missing from the store (never expected) leaves nothing to subtract: rebuild to stay exact.
            rebuild |= member == null || !state.remove(member);
        }
    }

    private Touched touched(final Map<String, Touched> touched, final Route route, final String incidentId) {
        return touched.computeIfAbsent(incidentId, id -> new Touched(incidents.get(new IncidentKey(route, id))));
    }

    /** Moves the country's watermark to this report's publication day if it is later. */
    private void advanceWatermark(final Route route, final ReportExtraction delta) {
        if (delta.getPublishedAt() == null) {
            return;
        }
        final int day = (int) Math.floorDiv(delta.getPublishedAt().toEpochMilli(), 86_400_000L);
        final Integer mark = watermarks.get(route);
        if (mark == null || day > mark) {
            watermarks.put(route, day);
        }
    }

    /**
     * The incident a new mention joins: the best-scoring compatible one (its previous incident, when a new version
     * of the story is still compatible with it, wins ties so ids stay put), or a new one.
     */
    private String assign(final Route route, final IncidentMention m, final String story, final String previous) {
        String best = null;
        double bestScore = Double.NEGATIVE_INFINITY;
        // Incidents span their members' dates; a week of slack keeps every possible match. Only incidents dated
        // within reach are read, through the date index, so matching costs the same with ten or ten thousand open
        // incidents in a country.
        final int reach = MentionCompatibility.DATE_SLACK_DAYS + Math.max(7, Math.max(0, m.getDateToleranceDays()));
        try (KeyValueIterator<DateKey, byte[]> it = byDate.range(
                new DateKey(route, m.getEventDate().minusDays(reach), ""),
                new DateKey(route, m.getEventDate().plusDays(reach + 1L), ""))) {
            while (it.hasNext()) {
                // The index key holds the incident's date and id: no need to read the incident itself.
                final DateKey entry = it.next().key;
                final String incidentId = entry.incidentId();
                if (!MentionCompatibility.datesMayMatch(entry.date(), 7, m.getEventDate(), m.getDateToleranceDays())) {
                    continue;
                }
                final List<MentionCompatibility.Member> ms = new ArrayList<>();
                for (final ReportExtraction e : members(route, incidentId, COMPARED_MEMBERS)) {
                    ms.add(new MentionCompatibility.Member(IncidentMerger.mention(e), e.getReportUri()));
                }
                final OptionalDouble score = MentionCompatibility.scoreAgainstAll(m, story, ms);
                final double bonus = incidentId.equals(previous) ? 0.5 : 0;
                // Ties go to the smallest published id, whatever order the index returns them in: a store key
                // depends on which mention came first, a published id only on the members.
                if (score.isPresent()
                        && (score.getAsDouble() + bonus > bestScore
                                || best != null
                                        && score.getAsDouble() + bonus == bestScore
                                        && publishedId(route, incidentId).compareTo(publishedId(route, best)) < 0)) {
                    best = incidentId;
                    bestScore = score.getAsDouble() + bonus;
                }
            }
        }
        if (best != null) {
            return best;
        }
        if (previous != null && members(route, previous, 1).isEmpty()) {
            return previous;
        }
        // An incident whose last member just left is free: its id is reused rather than retracted and reissued.
        return IncidentIds.forMention(
                m.getMentionId(), id -> !members(route, id, 1).isEmpty());
    }

    private List<ReportExtraction> members(final Route route, final String incidentId) {
        return members(route, incidentId, Integer.MAX_VALUE);
    }

    /** The id an open incident was last published under; its store key if it has not been stored yet. */
    private String publishedId(final Route route, final String key) {
        final Stored stored = incidents.get(new IncidentKey(route, key));
        return stored == null ? key : stored.incident().getIncidentId();
    }

    /** The first {@code limit} members of an incident in key order. */
    private List<ReportExtraction> members(final Route route, final String incidentId, final int limit) {
        final List<ReportExtraction> out = new ArrayList<>();
        try (KeyValueIterator<MemberKey, ReportExtraction> it =
                members.prefixScan(new IncidentKey(route, incidentId), StateKeys.INCIDENT.serializer())) {
            while (it.hasNext() && out.size() < limit) {
                out.add(it.next().value);
            }
        }
        return out;
    }

    /** An incident this delta touched: its store key, as it was published before (or null) and now (null: gone). */
    private record Outcome(String key, Incident before, Incident after) {}

    /**
     * Stores an incident this delta touched, updated, or removed when its last member left. Its published id is that
     * of its origin now ({@link IncidentIds#published}), which may differ from the one it was published under.
     */
    private Outcome update(final Route route, final String key, final Touched t) {
        final IncidentKey storeKey = new IncidentKey(route, key);
        final Incident before = t.before == null ? null : t.before.incident();
        final IncidentState state = t.rebuild ? IncidentState.of(members(route, key)) : t.state;
        if (state.count == 0) {
            if (before != null) {
                incidents.delete(storeKey);
                byDate.delete(new DateKey(route, before.getEventDate(), key));
            }
            return new Outcome(key, before, null);
        }
        final ReportExtraction primary = members.get(new MemberKey(route, key, state.primaryMentionId()));
        final Incident after = state.incident(
                IncidentIds.published(route, state.originMentionId()),
                IncidentMerger.mention(primary).getEvidence());
        incidents.put(storeKey, new Stored(after, state));
        if (before == null || !before.getEventDate().equals(after.getEventDate())) {
            if (before != null) {
                byDate.delete(new DateKey(route, before.getEventDate(), key));
            }
            byDate.put(new DateKey(route, after.getEventDate(), key), PRESENT);
        }
        return new Outcome(key, before, after);
    }

    /**
     * Emits what the touched incidents became and returns their published ids by store key. Tombstones come first,
     * and none is sent for an id another incident of this delta publishes now: when an origin moves from one incident
     * to another, the id moves with it. An incident whose id changed also re-emits the claims of its other stories'
     * members with the new id (this story's own claims follow in {@link #emitClaims}).
     */
    private Map<String, String> publish(
            final Record<Route, ReportExtraction> record, final Route route, final List<Outcome> outcomes) {
        final Map<String, String> published = new HashMap<>();
        for (final Outcome o : outcomes) {
            if (o.after() != null) {
                published.put(o.key(), o.after().getIncidentId());
            }
        }
        final Set<String> live = new HashSet<>(published.values());
        for (final Outcome o : outcomes) {
            if (o.before() != null && !live.contains(o.before().getIncidentId())) {
                context.forward(
                        record.withKey(o.before().getIncidentId()).withValue(ConsolidatedRecord.incident(null)));
            }
        }
        for (final Outcome o : outcomes) {
            if (o.after() != null && !o.after().equals(o.before())) {
                context.forward(
                        record.withKey(o.after().getIncidentId()).withValue(ConsolidatedRecord.incident(o.after())));
            }
        }
        for (final Outcome o : outcomes) {
            if (o.before() != null
                    && o.after() != null
                    && !o.before().getIncidentId().equals(o.after().getIncidentId())) {
                final String story = record.value().getReportUri();
                for (final ReportExtraction member : members(route, o.key())) {
                    if (story.equals(member.getReportUri())) {
                        continue;
                    }
                    for (final Claim c : member.getClaims()) {
                        context.forward(record.withKey(c.getClaimId())
                                .withValue(ConsolidatedRecord.claim(
                                        claim(c, member, o.after().getIncidentId()))));
                    }
                }
            }
        }
        return published;
    }

    /** A claim as published: linked to its incident's published id, with its report's details where it has none. */
    private static Claim claim(final Claim c, final ReportExtraction report, final String incidentId) {
        return Claim.newBuilder(c)
                .setIncidentId(c.getMentionId() == null ? null : incidentId)
                .setReportUri(c.getReportUri() != null ? c.getReportUri() : report.getReportUri())
                .setReportVersion(c.getReportVersion() != null ? c.getReportVersion() : report.getReportVersion())
                .setAgency(c.getAgency() != null ? c.getAgency() : report.getAgency())
                .build();
    }

    /**
     * The story's current claim ids from {@link StoryFanOut#STORY_CLAIMS_HEADER}, removed from the record so that
     * nothing published carries it; null for a delta written before the header existed.
     */
    private static Set<String> storyClaims(final Record<Route, ReportExtraction> record) {
        final org.apache.kafka.common.header.Header h = record.headers().lastHeader(StoryFanOut.STORY_CLAIMS_HEADER);
        record.headers().remove(StoryFanOut.STORY_CLAIMS_HEADER);
        if (h == null) {
            return null;
        }
        final String ids = new String(h.value(), java.nio.charset.StandardCharsets.UTF_8);
        return ids.isEmpty() ? Set.of() : new HashSet<>(java.util.Arrays.asList(ids.split("\n")));
    }

    /** Emits the claims a delta owns, and tombstones those the story's previous delta owned that are gone now. */
    private void emitClaims(
            final Record<Route, ReportExtraction> record,
            final ReportExtraction previous,
            final List<Claim> owned,
            final Map<String, String> incidentOf,
            final Set<String> storyClaims) {
        final ReportExtraction delta = record.value();
        final Set<String> now = new HashSet<>();
        for (final Claim c : owned) {
            now.add(c.getClaimId());
            final Claim out = claim(c, delta, c.getMentionId() == null ? null : incidentOf.get(c.getMentionId()));
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

    private void saveDelta(final StoryKey key, final ReportExtraction delta, final boolean empty) {
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
    private void evict(final Route route, final long cutoffDay) {
        final List<KeyValue<String, Incident>> gone = new ArrayList<>();
        try (KeyValueIterator<IncidentKey, Stored> it = incidents.prefixScan(route, StateKeys.ROUTE.serializer())) {
            while (it.hasNext()) {
                final KeyValue<IncidentKey, Stored> next = it.next();
                final Incident inc = next.value.incident();
                if (Math.floorDiv(inc.getUpdatedAt().toEpochMilli(), 86_400_000L) < cutoffDay) {
                    gone.add(KeyValue.pair(next.key.incidentId(), inc));
                }
            }
        }
        final Set<String> stories = new HashSet<>();
        for (final KeyValue<String, Incident> g : gone) {
            // The store key, not the published id: the stores name an incident by the mention that opened it.
            final String incidentId = g.key;
            final Incident closed = g.value;
            for (final ReportExtraction m : members(route, incidentId)) {
                final String mentionId = IncidentMerger.mention(m).getMentionId();
                members.delete(new MemberKey(route, incidentId, mentionId));
                index.put(new MentionKey(route, mentionId), new MentionPlace(incidentId, true));
                stories.add(m.getReportUri());
            }
            incidents.delete(new IncidentKey(route, incidentId));
            byDate.delete(new DateKey(route, closed.getEventDate(), incidentId));
        }
        for (final String story : stories) {
            final StoryKey key = new StoryKey(route, story);
            final ReportExtraction d = deltas.get(key);
            final boolean open = d != null
                    && d.getIncidents().stream()
                            .map(m -> index.get(new MentionKey(route, m.getMentionId())))
                            .anyMatch(p -> p != null && !p.closed());
            if (!open) {
                deltas.delete(key);
            }
        }
        if (!gone.isEmpty()) {
            LOG.debug(
                    "Closed {} incidents of {} last reported before {}",
                    gone.size(),
                    route,
                    LocalDate.ofEpochDay(cutoffDay));
        }
    }
}
