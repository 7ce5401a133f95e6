package org.wirewatch.streams.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.wirewatch.common.json.AvroJson;
import org.wirewatch.common.query.TallyQueries;
import org.wirewatch.schema.CasualtyTally;
import org.wirewatch.schema.TallyWindow;
import org.wirewatch.streams.tally.RegionPartitioner;
import org.wirewatch.streams.tally.TallyKeys;
import org.wirewatch.streams.tally.WindowDeriver;

/**
 * {@link TallyQueries} answered from the tally topology's window store ({@value WindowDeriver#WINDOWS}), keyed
 * {@code region|window|windowStart}.
 *
 * <p>With several instances, all windows of one region live in one partition (see {@link RegionPartitioner}); the
 * instance owning it is found with {@link KafkaStreams#queryMetadataForKey} and the same partitioner. When another
 * instance owns it, the question is forwarded over HTTP to that instance's feed ({@code GET /v1/tallies}), whose
 * address each instance advertises as {@code application.server} ({@code wirewatch.streams.application.server});
 * the owner answers from its own store. {@link #regions()} lists the regions whose state this instance hosts (the
 * feed adds the regions it saw on the tallies topic). Store errors during a rebalance propagate, so callers can
 * fall back.
 */
public final class StoreTallyQueries implements TallyQueries {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final KafkaStreams streams;
  private final HostInfo self;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  /**
   * @param streams           the running tally application
   * @param applicationServer this instance's advertised host:port, or null for a single instance
   */
  public StoreTallyQueries(final KafkaStreams streams, final String applicationServer) {
    this.streams = streams;
    this.self = applicationServer == null ? null : HostInfo.buildFromEndpoint(applicationServer);
  }

  @Override
  public Optional<CasualtyTally> tally(final String regionCode, final TallyWindow window, final LocalDate windowEnd) {
    return tallies(regionCode, window, windowEnd, windowEnd).stream().findFirst();
  }

  @Override
  public List<CasualtyTally> tallies(final String regionCode, final TallyWindow window, final LocalDate from,
      final LocalDate to) {
    final String region = regionCode.trim().toUpperCase(java.util.Locale.ROOT);
    final int back = TallyKeys.length(window) - 1;
    final String first = TallyKeys.window(region, window, from.minusDays(back));
    final KeyQueryMetadata meta = streams.queryMetadataForKey(WindowDeriver.WINDOWS, first,
        new RegionPartitioner<CasualtyTally>());
    if (self != null && meta != null && meta.activeHost() != null && !meta.activeHost().equals(self)
        && meta.activeHost().port() > 0) {
      return remote(meta.activeHost(), region, window, from, to);
    }
    final ReadOnlyKeyValueStore<String, CasualtyTally> store = streams.store(StoreQueryParameters
        .fromNameAndType(WindowDeriver.WINDOWS, QueryableStoreTypes.<String, CasualtyTally>keyValueStore())
        // Without metadata for the key (a single instance, a rebalance), every local partition is asked.
        .withPartition(meta == null || meta.partition() < 0 ? null : meta.partition()));
    final List<CasualtyTally> out = new ArrayList<>();
    try (KeyValueIterator<String, CasualtyTally> it =
        store.range(first, TallyKeys.window(region, window, to.minusDays(back)))) {
      it.forEachRemaining(kv -> out.add(kv.value));
    }
    return out;
  }

  @Override
  public List<String> regions() {
    final ReadOnlyKeyValueStore<String, Integer> store = streams.store(StoreQueryParameters
        .fromNameAndType(WindowDeriver.REGIONS, QueryableStoreTypes.<String, Integer>keyValueStore()));
    final TreeSet<String> out = new TreeSet<>();
    try (KeyValueIterator<String, Integer> it = store.all()) {
      it.forEachRemaining(kv -> out.add(kv.key));
    }
    return List.copyOf(out);
  }

  private List<CasualtyTally> remote(final HostInfo host, final String region, final TallyWindow window,
      final LocalDate from, final LocalDate to) {
    final URI uri = URI.create("http://" + host.host() + ":" + host.port() + "/v1/tallies?region="
        + URLEncoder.encode(region, StandardCharsets.UTF_8) + "&window=" + window + "&from=" + from + "&to=" + to);
    try {
      final HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5))
          .GET().build(), HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IllegalStateException("tally owner " + host + " answered " + response.statusCode());
      }
      final List<CasualtyTally> out = new ArrayList<>();
      for (final JsonNode t : JSON.readTree(response.body()).path("tallies")) {
        out.add(AvroJson.fromJsonNode(t, CasualtyTally.class));
      }
      return out;
    } catch (final IOException e) {
      throw new IllegalStateException("tally owner " + host + " unreachable: " + e.getMessage(), e);
    } catch (final InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted asking " + host, e);
    }
  }
}
