package org.wirewatch.streams.consolidate;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wirewatch.common.Regions;
import org.wirewatch.schema.Claim;
import org.wirewatch.schema.IncidentMention;
import org.wirewatch.schema.Recency;
import org.wirewatch.schema.RegionLevel;
import org.wirewatch.schema.ReportExtraction;
import org.wirewatch.streams.StreamSerdes;
import org.wirewatch.streams.consolidate.StateKeys.Route;

/**
 * First step of consolidation, keyed by story uri: turns each new extraction (or tombstone) of a story into one
 * <em>delta</em> per country the story touches now or touched before, re-keyed by country so that every mention of
 * one country meets the others in one task.
 *
 * <p>A delta for country C is a {@link ReportExtraction} holding the story's CURRENT mentions located in C (empty:
 * "this story no longer says anything about C") and the claims linked to them. BACKGROUND mentions never leave this
 * step ({@code docs/architecture.md#semantics-4}). Mentions that name no country travel under
 * {@link Route#noCountry()}, since they can only match each other. Claims linked to no current mention (cumulative
 * totals, claims about background events) travel in a delta routed by the story itself ({@link Route#unlinked}), so
 * they spread over the partitions as stories do; it holds no mentions of its own but carries the ids of the story's
 * current mentions so its owner can tell linked from unlinked.
 *
 * <p>Store {@value #STORE}: the last extraction per story, without evidence, to know which countries a new
 * version or a retraction must reach.
 */
public final class StoryFanOut implements Processor<String, ReportExtraction, Route, ReportExtraction> {

    /** Header on each delta: the claim ids of the story's current extraction, newline-separated. */
    static final String STORY_CLAIMS_HEADER = "wirewatch.story.claims";

    /** Last extraction per story uri, stripped of evidence. */
    public static final String STORE = "consolidate-stories";

    private static final java.util.Comparator<Route> ROUTE_ORDER =
            java.util.Comparator.comparing(Route::kind).thenComparing(Route::value);

    private static final Logger LOG = LoggerFactory.getLogger(StoryFanOut.class);

    private ProcessorContext<Route, ReportExtraction> context;
    private KeyValueStore<String, ReportExtraction> stories;

    public static ProcessorSupplier<String, ReportExtraction, Route, ReportExtraction> supplier(
            final StreamSerdes serdes) {
        return new ProcessorSupplier<>() {
            @Override
            public Processor<String, ReportExtraction, Route, ReportExtraction> get() {
                return new StoryFanOut();
            }

            @Override
            public Set<StoreBuilder<?>> stores() {
                return Set.of(Stores.keyValueStoreBuilder(
                        Stores.persistentKeyValueStore(STORE), serdes.key(), serdes.extraction()));
            }
        };
    }

    @Override
    public void init(final ProcessorContext<Route, ReportExtraction> context) {
        this.context = context;
        this.stories = context.getStateStore(STORE);
    }

    @Override
    public void process(final Record<String, ReportExtraction> record) {
        final String uri = record.value() != null ? record.value().getReportUri() : record.key();
        if (uri == null) {
            throw new IllegalArgumentException("extraction tombstone without a story uri key");
        }
        final ReportExtraction old = stories.get(uri);
        final ReportExtraction now = record.value();
        if (now != null && old != null && now.getReportVersion() < old.getReportVersion()) {
            LOG.debug(
                    "Ignoring {} version {}: version {} already consolidated",
                    uri,
                    now.getReportVersion(),
                    old.getReportVersion());
            return;
        }
        if (now == null && old == null) {
            return;
        }
        final ReportExtraction base = now != null ? now : old;
        final Map<Route, List<IncidentMention>> byCountry = now == null ? Map.of() : currentByCountry(now);
        final Set<String> currentIds = new HashSet<>();
        byCountry.values().forEach(ms -> ms.forEach(m -> currentIds.add(m.getMentionId())));
        final List<Claim> claims = now == null ? List.of() : now.getClaims();
        // Every delta says which claims the story still makes, so that the delta a claim moved out of does not
        // tombstone it after the delta it moved into has published it (the two may be read in either order).
        record.headers().remove(STORY_CLAIMS_HEADER);
        record.headers()
                .add(
                        STORY_CLAIMS_HEADER,
                        String.join("\n", claims.stream().map(Claim::getClaimId).toList())
                                .getBytes(java.nio.charset.StandardCharsets.UTF_8));

        final Set<Route> countries = new java.util.TreeSet<>(ROUTE_ORDER);
        countries.addAll(byCountry.keySet());
        if (old != null) {
            countries.addAll(currentByCountry(old).keySet());
        }
        for (final Route country : countries) {
            final List<IncidentMention> mentions = byCountry.getOrDefault(country, List.of());
            final Set<String> ids = new HashSet<>();
            mentions.forEach(m -> ids.add(m.getMentionId()));
            final List<Claim> linked = claims.stream()
                    .filter(c -> c.getMentionId() != null && ids.contains(c.getMentionId()))
                    .toList();
            context.forward(record.withKey(country).withValue(Extractions.with(base, mentions, linked)));
        }

        final List<Claim> unlinked =
                claims.stream().filter(c -> !linked(c, currentIds)).toList();
        if (!unlinked.isEmpty() || (old != null && hasUnlinked(old))) {
            // The unlinked delta lists the story's current mentions (without evidence) only for their ids.
            final List<IncidentMention> idsOnly = byCountry.values().stream()
                    .flatMap(List::stream)
                    .map(Extractions::withoutEvidence)
                    .toList();
            context.forward(record.withKey(Route.unlinked(uri)).withValue(Extractions.with(base, idsOnly, unlinked)));
        }

        if (now == null) {
            stories.delete(uri);
        } else {
            stories.put(uri, Extractions.stripped(now));
        }
    }

    /** The CURRENT mentions of an extraction by country, countries sorted so deltas go out in a stable order. */
    static Map<Route, List<IncidentMention>> currentByCountry(final ReportExtraction e) {
        final Map<Route, List<IncidentMention>> out = new TreeMap<>(ROUTE_ORDER);
        for (final IncidentMention m : e.getIncidents()) {
            if (m.getRecency() != Recency.CURRENT) {
                continue;
            }
            out.computeIfAbsent(countryKey(m), k -> new ArrayList<>()).add(m);
        }
        return out;
    }

    static Route countryKey(final IncidentMention m) {
        // The same country code the tally counts under, so a mention and its tally agree on the country.
        final String c = m.getLocation() == null ? null : Regions.of(m.getLocation(), RegionLevel.COUNTRY);
        return c == null ? Route.noCountry() : Route.country(c);
    }

    private static boolean linked(final Claim c, final Set<String> currentIds) {
        return c.getMentionId() != null && currentIds.contains(c.getMentionId());
    }

    private static boolean hasUnlinked(final ReportExtraction old) {
        final Set<String> ids = new HashSet<>();
        currentByCountry(old).values().forEach(ms -> ms.forEach(m -> ids.add(m.getMentionId())));
        return old.getClaims().stream().anyMatch(c -> !linked(c, ids));
    }
}
