package org.wirewatch.streams;

import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.wirewatch.common.config.ConfigException;
import org.wirewatch.common.config.CoreConfig;
import org.wirewatch.common.config.Settings;

/**
 * Typed settings of the Streams stage, read from {@code wirewatch.streams.*} and validated at once.
 *
 * <table>
 *   <caption>Keys</caption>
 *   <tr><th>key</th><th>default</th><th>meaning</th></tr>
 *   <tr><td>wirewatch.streams.topologies</td><td>normalize,consolidate,tally</td><td>which topologies this process
 *   runs ({@code run} all, the single-stage commands one)</td></tr>
 *   <tr><td>wirewatch.streams.threads</td><td>1</td><td>stream threads per topology</td></tr>
 *   <tr><td>wirewatch.streams.horizon</td><td>90d</td><td>consolidation closes an incident no report has touched
 *   for this long, counted in publication time per country (bounded state); it stays published as it was</td></tr>
 *   <tr><td>wirewatch.streams.eviction.interval</td><td>10m</td><td>how often (wall clock) consolidation closes
 *   incidents beyond the horizon</td></tr>
 *   <tr><td>wirewatch.streams.commit.interval</td><td>100ms</td><td>transaction commit interval; the floor of
 *   end-to-end latency under exactly-once</td></tr>
 *   <tr><td>wirewatch.streams.cache.bytes</td><td>10485760</td><td>Kafka Streams record cache per
 *   instance</td></tr>
 *   <tr><td>wirewatch.streams.state.dir</td><td>&lt;data dir&gt;/streams</td><td>RocksDB state of the stores</td></tr>
 *   <tr><td>wirewatch.streams.application.server</td><td>(unset)</td><td>host:port of this instance's feed, advertised
 *   for interactive queries when several instances run</td></tr>
 *   <tr><td>wirewatch.streams.processing.guarantee</td><td>exactly_once_v2</td><td>exactly_once_v2 or
 *   at_least_once (only for measurements: tallies are exact only under exactly_once_v2)</td></tr>
 *   <tr><td>wirewatch.streams.replication.factor</td><td>-1</td><td>replication of internal topics; -1 uses the
 *   broker default</td></tr>
 *   <tr><td>wirewatch.streams.close.timeout</td><td>6s</td><td>how long closing the topologies may take (they
 *   close together); short enough for a container's 10 s stop grace period</td></tr>
 *   <tr><td>wirewatch.streams.tally.emit.interval</td><td>100ms</td><td>how often the tally emits the windows of
 *   the days that changed since: longer sends each window fewer times in a burst, at that much added
 *   latency</td></tr>
 * </table>
 *
 * <p>Each topology runs as its own Kafka Streams application with the id {@code <wirewatch.application.id>-<name>}
 * (wirewatch-normalize, wirewatch-consolidate, wirewatch-tally), so each stage scales and restarts on its own and
 * the single-stage commands share work with {@code run} processes of the same id.
 */
public record StreamsStageConfig(Set<Part> topologies, int threads, int horizonDays, Duration commitInterval,
    Duration evictionInterval, long cacheBytes, Path stateDir, Optional<String> applicationServer,
    String processingGuarantee, int replicationFactor, Duration closeTimeout, Duration tallyEmitInterval) {

  public static final String TOPOLOGIES = "wirewatch.streams.topologies";
  public static final String THREADS = "wirewatch.streams.threads";
  public static final String HORIZON = "wirewatch.streams.horizon";
  public static final String COMMIT_INTERVAL = "wirewatch.streams.commit.interval";
  public static final String EVICTION_INTERVAL = "wirewatch.streams.eviction.interval";
  public static final String CACHE_BYTES = "wirewatch.streams.cache.bytes";
  public static final String STATE_DIR = "wirewatch.streams.state.dir";
  public static final String APPLICATION_SERVER = "wirewatch.streams.application.server";
  public static final String PROCESSING_GUARANTEE = "wirewatch.streams.processing.guarantee";
  public static final String REPLICATION_FACTOR = "wirewatch.streams.replication.factor";
  public static final String CLOSE_TIMEOUT = "wirewatch.streams.close.timeout";
  public static final String TALLY_EMIT_INTERVAL = "wirewatch.streams.tally.emit.interval";

  /** The three topologies. */
  public enum Part {
    NORMALIZE, CONSOLIDATE, TALLY;

    /** Lower-case name: the command, the application id suffix and the stage name. */
    public String id() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** Reads and validates; throws {@link ConfigException} naming every bad key (core keys included). */
  public static StreamsStageConfig from(final Settings settings) {
    final Settings.Reader r = settings.reader();
    final CoreConfig core = CoreConfig.read(r, settings);
    final StreamsStageConfig c = read(r, core);
    r.validate();
    return c;
  }

  /** Reads into a caller's reader, so a command can validate everything in one report. */
  public static StreamsStageConfig read(final Settings.Reader r, final CoreConfig core) {
    final Set<Part> parts = EnumSet.noneOf(Part.class);
    for (final String p : r.list(TOPOLOGIES, List.of("normalize", "consolidate", "tally"))) {
      try {
        parts.add(Part.valueOf(p.toUpperCase(Locale.ROOT)));
      } catch (final IllegalArgumentException e) {
        r.problem(TOPOLOGIES, p, "must list normalize, consolidate and/or tally");
      }
    }
    if (parts.isEmpty()) {
      r.problem(TOPOLOGIES, "", "must name at least one topology");
    }
    final Duration horizon = r.duration(HORIZON, Duration.ofDays(90));
    if (horizon.toDays() < 2) {
      r.problem(HORIZON, horizon.toString(), "must be at least 2 days (clustering looks a day either side)");
    }
    final String guarantee = r.string(PROCESSING_GUARANTEE, "exactly_once_v2").trim().toLowerCase(Locale.ROOT);
    if (!guarantee.equals("exactly_once_v2") && !guarantee.equals("at_least_once")) {
      r.problem(PROCESSING_GUARANTEE, guarantee, "must be exactly_once_v2 or at_least_once");
    }
    final Optional<String> server = r.optional(APPLICATION_SERVER);
    if (server.isPresent() && !server.get().matches("[^:\\s]+:\\d{1,5}")) {
      r.problem(APPLICATION_SERVER, server.get(), "must be host:port");
    }
    final Duration commit = r.duration(COMMIT_INTERVAL, Duration.ofMillis(100));
    if (commit.isNegative() || commit.isZero()) {
      r.problem(COMMIT_INTERVAL, commit.toString(), "must be positive");
    }
    final Duration emit = r.duration(TALLY_EMIT_INTERVAL, org.wirewatch.streams.tally.WindowDeriver.DEFAULT_EMIT_INTERVAL);
    if (emit.isNegative() || emit.isZero()) {
      r.problem(TALLY_EMIT_INTERVAL, emit.toString(), "must be positive");
    }
    return new StreamsStageConfig(parts, r.intValue(THREADS, 1, 1, 64), (int) Math.max(2, horizon.toDays()),
        commit, r.duration(EVICTION_INTERVAL, Duration.ofMinutes(10)), r.longValue(CACHE_BYTES, 10L * 1024 * 1024, 0, Long.MAX_VALUE),
        r.path(STATE_DIR, core.dataDir().resolve("streams")), server, guarantee,
        r.intValue(REPLICATION_FACTOR, -1, -1, 32), r.duration(CLOSE_TIMEOUT, Duration.ofSeconds(6)), emit);
  }

  /** The same settings running only the given topologies. */
  public StreamsStageConfig only(final Set<Part> parts) {
    return new StreamsStageConfig(EnumSet.copyOf(parts), threads, horizonDays, commitInterval, evictionInterval,
        cacheBytes, stateDir,
        applicationServer, processingGuarantee, replicationFactor, closeTimeout, tallyEmitInterval);
  }
}
