package org.wirewatch.streams.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.wirewatch.common.json.AvroJson;
import org.wirewatch.common.query.TallyEndpoints;
import org.wirewatch.common.query.TallyQueries;
import org.wirewatch.schema.CasualtyTally;
import org.wirewatch.schema.TallyWindow;
import org.wirewatch.streams.tally.RegionPartitioner;
import org.wirewatch.streams.tally.TallyKeys;
import org.wirewatch.streams.tally.TallyMath;
import org.wirewatch.streams.tally.TallyTopology;
import org.wirewatch.streams.tally.WindowDeriver;

/**
 * {@link TallyQueries} answered from the tally topology's one-day tallies ({@value WindowDeriver#DAYS}, keyed
 * {@code region|day}), summed into windows on demand.
 *
 * <p>With several instances, all windows of one region live in one partition (see {@link RegionPartitioner}); the
 * instance owning it is found with {@link KafkaStreams#queryMetadataForKey} and the same partitioner. When another
 * instance owns it, the question is forwarded over HTTP to that instance's feed ({@code GET /v1/tallies}), whose
 * address each instance advertises as {@code application.server} ({@code wirewatch.streams.application.server}).
 * {@link #regions()} asks every instance hosting the store for its regions ({@code GET /v1/tally-regions}) and
 * merges them.
 *
 * <p>A forwarded request carries {@value TallyEndpoints#FORWARDED_HEADER}; the instance receiving it answers from {@link #local()}
 * only, never forwarding again, so two instances whose metadata disagree during a rebalance cannot bounce a
 * question between them. Store errors (a rebalance, a partition that moved, an owner that cannot be reached)
 * propagate as {@link IllegalStateException} or {@link InvalidStateStoreException}, so callers can retry or fall
 * back.
 */
public final class StoreTallyQueries implements TallyQueries {

    private static final ObjectMapper JSON = new ObjectMapper();
    // One client for every query: each HttpClient owns a selector thread, too costly to build per question.
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);

    private final KafkaStreams streams;
    private final HostInfo self;
    private final AtomicLong forwarded = new AtomicLong();
    private final TallyQueries local = new Local();

    /**
     * @param streams           the running tally application
     * @param applicationServer this instance's advertised host:port, or null for a single instance
     */
    public StoreTallyQueries(final KafkaStreams streams, final String applicationServer) {
        this.streams = streams;
        this.self = applicationServer == null ? null : HostInfo.buildFromEndpoint(applicationServer);
    }

    @Override
    public List<CasualtyTally> tallies(
            final String regionCode, final TallyWindow window, final LocalDate from, final LocalDate to) {
        final String region = normalise(regionCode);
        final KeyQueryMetadata meta = metadata(region, window, from);
        if (self != null
                && meta != null
                && meta.activeHost() != null
                && !meta.activeHost().equals(self)
                && meta.activeHost().port() > 0) {
            forwarded.incrementAndGet();
            return remoteTallies(meta.activeHost(), region, window, from, to);
        }
        return localTallies(region, window, from, to, meta);
    }

    /** Every region with a tally on any instance, sorted: this instance's own and each other instance's. */
    @Override
    public List<String> regions() {
        final TreeSet<String> out = new TreeSet<>(localRegions());
        if (self == null) {
            return List.copyOf(out);
        }
        final Collection<StreamsMetadata> hosts = streams.streamsMetadataForStore(WindowDeriver.DAYS);
        for (final StreamsMetadata m : hosts) {
            final HostInfo host = m.hostInfo();
            if (host == null
                    || host.equals(self)
                    || host.port() <= 0
                    || m.topicPartitions().isEmpty()) {
                continue;
            }
            forwarded.incrementAndGet();
            out.addAll(remoteRegions(host));
        }
        return List.copyOf(out);
    }

    /**
     * What this instance answers for another one: its own active partitions of the stores, never forwarded. A region
     * whose partition this instance does not own (any more) is an {@link InvalidStateStoreException}.
     */
    public TallyQueries local() {
        return local;
    }

    /** How many questions (a region's tallies, or the regions of another instance) went over HTTP to another owner. */
    public long forwarded() {
        return forwarded.get();
    }

    /** This instance's advertised address, if it has one. */
    public Optional<String> applicationServer() {
        return self == null ? Optional.empty() : Optional.of(self.host() + ":" + self.port());
    }

    private KeyQueryMetadata metadata(final String region, final TallyWindow window, final LocalDate from) {
        // Every day of a region lives in the partition of the region, whatever the day.
        return streams.queryMetadataForKey(
                WindowDeriver.DAYS, TallyKeys.day(region, from), new RegionPartitioner<CasualtyTally>());
    }

    /**
     * The windows ending {@code from} .. {@code to} that hold an incident, summed from the one-day tallies (the
     * topology stores days only): one scan of the region's days, then a sliding sum.
     */
    private List<CasualtyTally> localTallies(
            final String region,
            final TallyWindow window,
            final LocalDate from,
            final LocalDate to,
            final KeyQueryMetadata meta) {
        final int back = TallyKeys.length(window) - 1;
        final ReadOnlyKeyValueStore<String, CasualtyTally> store = streams.store(StoreQueryParameters.fromNameAndType(
                        WindowDeriver.DAYS, QueryableStoreTypes.<String, CasualtyTally>keyValueStore())
                // Without metadata for the key (a single instance, a rebalance), every local partition is asked.
                .withPartition(meta == null || meta.partition() < 0 ? null : meta.partition()));
        final List<CasualtyTally> days = WindowDeriver.range(store, region, from.minusDays(back), to);
        final List<CasualtyTally> out = new ArrayList<>();
        int lo = 0;
        int hi = 0;
        for (LocalDate end = from; !end.isAfter(to); end = end.plusDays(1)) {
            final LocalDate start = end.minusDays(back);
            while (hi < days.size() && !days.get(hi).getWindowStart().isAfter(end)) {
                hi++;
            }
            while (lo < hi && days.get(lo).getWindowStart().isBefore(start)) {
                lo++;
            }
            if (lo < hi) {
                out.add(TallyMath.window(region, window, start, days.subList(lo, hi)));
            }
        }
        return out;
    }

    /**
     * The regions of this instance's active partitions of the day store, each read with seeks from region to region
     * ({@link WindowDeriver#regions}); partition by partition, because seeking through the all-partitions view would
     * skip regions of one partition that sort before those of another.
     */
    private List<String> localRegions() {
        final TreeSet<String> out = new TreeSet<>();
        for (final int partition : localPartitions()) {
            out.addAll(WindowDeriver.regions(streams.store(StoreQueryParameters.fromNameAndType(
                            WindowDeriver.DAYS, QueryableStoreTypes.<String, CasualtyTally>keyValueStore())
                    .withPartition(partition))));
        }
        return List.copyOf(out);
    }

    /** The partitions of the day store this instance holds as active tasks. */
    private Set<Integer> localPartitions() {
        final Set<Integer> out = new TreeSet<>();
        streams.metadataForLocalThreads()
                .forEach(thread -> thread.activeTasks()
                        .forEach(task -> task.topicPartitions().stream()
                                .filter(tp -> tp.topic().endsWith(TallyTopology.DELTAS_BY_REGION + "-repartition"))
                                .forEach(tp -> out.add(tp.partition()))));
        return out;
    }

    private List<CasualtyTally> remoteTallies(
            final HostInfo host,
            final String region,
            final TallyWindow window,
            final LocalDate from,
            final LocalDate to) {
        final JsonNode body = get(host, TallyEndpoints.tallies(region, window, from, to));
        final List<CasualtyTally> out = new ArrayList<>();
        for (final JsonNode t : body.path(TallyEndpoints.TALLIES_FIELD)) {
            out.add(AvroJson.fromJsonNode(t, CasualtyTally.class));
        }
        return out;
    }

    private List<String> remoteRegions(final HostInfo host) {
        final List<String> out = new ArrayList<>();
        for (final JsonNode r : get(host, TallyEndpoints.REGIONS_PATH).path(TallyEndpoints.REGIONS_FIELD)) {
            out.add(r.asText());
        }
        return out;
    }

    private JsonNode get(final HostInfo host, final String pathAndQuery) {
        final URI uri = URI.create("http://" + host.host() + ":" + host.port() + pathAndQuery);
        try {
            final HttpResponse<String> response = HTTP.send(
                    HttpRequest.newBuilder(uri)
                            .timeout(REQUEST_TIMEOUT)
                            .header(TallyEndpoints.FORWARDED_HEADER, self.host() + ":" + self.port())
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(
                        "tally owner " + host + " answered " + response.statusCode() + " to " + pathAndQuery);
            }
            return JSON.readTree(response.body());
        } catch (final IOException e) {
            throw new IllegalStateException("tally owner " + host + " unreachable: " + e, e);
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted asking " + host, e);
        }
    }

    private static String normalise(final String regionCode) {
        return regionCode.trim().toUpperCase(Locale.ROOT);
    }

    /** This instance's own partitions only. */
    private final class Local implements TallyQueries {

        @Override
        public List<CasualtyTally> tallies(
                final String regionCode, final TallyWindow window, final LocalDate from, final LocalDate to) {
            final String region = normalise(regionCode);
            final KeyQueryMetadata meta = metadata(region, window, from);
            if (meta == null || meta.partition() < 0) {
                throw new InvalidStateStoreException(
                        "no metadata for region " + region + " yet (starting or rebalancing)");
            }
            // Querying the region's own partition fails unless this instance holds it as an active task right now.
            return localTallies(region, window, from, to, meta);
        }

        @Override
        public List<String> regions() {
            return localRegions();
        }
    }
}
