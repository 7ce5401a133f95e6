package org.wirewatch.streams;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyDescription;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;
import org.apache.kafka.streams.errors.LogAndContinueProcessingExceptionHandler;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wirewatch.common.Stage;
import org.wirewatch.common.Topics;
import org.wirewatch.common.config.CoreConfig;
import org.wirewatch.common.query.TallyQueries;
import org.wirewatch.extract.Extractor;
import org.wirewatch.streams.StreamsStageConfig.Part;
import org.wirewatch.streams.consolidate.ConsolidateTopology;
import org.wirewatch.streams.normalize.NormalizeTopology;
import org.wirewatch.streams.query.StoreTallyQueries;
import org.wirewatch.streams.tally.TallyTopology;

/**
 * The Kafka Streams part of the pipeline: one {@link KafkaStreams} per topology (application id
 * {@code <wirewatch.application.id>-<topology>}), so {@code normalize}, {@code consolidate} and {@code tally} can be
 * deployed and scaled separately and still share work with {@code run} processes.
 *
 * <p>Exactly-once ({@code exactly_once_v2}); undecodable or unprocessable records go to
 * {@code wirewatch.deadletters.v1} with their origin in headers; any other failure reaches the uncaught exception
 * handler, which shuts this client down and calls the fatal-error callback (the commands exit non-zero).
 * {@link #ready()} is true only while every topology is RUNNING.
 */
public final class StreamsStage implements Stage {

  private static final Logger LOG = LoggerFactory.getLogger(StreamsStage.class);

  private final CoreConfig core;
  private final StreamsStageConfig config;
  private final Consumer<Throwable> onFatal;
  private final Map<Part, KafkaStreams> running = java.util.Collections.synchronizedMap(new EnumMap<>(Part.class));
  private final Map<Part, Topology> topologies = new EnumMap<>(Part.class);
  private final AtomicReference<Throwable> failure = new AtomicReference<>();
  private StreamSerdes serdes;
  private volatile boolean closed;

  /**
   * @param core    where Kafka and the registry are (must name the bootstrap servers)
   * @param config  this stage's settings
   * @param onFatal called once, from a Streams thread, when a topology dies of an unexpected error
   */
  public StreamsStage(final CoreConfig core, final StreamsStageConfig config, final Consumer<Throwable> onFatal) {
    if (core.bootstrapServers().isEmpty()) {
      throw new IllegalArgumentException("the Streams stage needs the cluster's bootstrap servers");
    }
    this.core = core;
    this.config = config;
    this.onFatal = onFatal;
  }

  @Override
  public String name() {
    return config.topologies().size() == Part.values().length ? "streams"
        : String.join("+", config.topologies().stream().map(Part::id).toList());
  }

  /** The application id of one topology. */
  public String applicationId(final Part part) {
    return core.applicationId() + "-" + part.id();
  }

  @Override
  public synchronized void start() {
    serdes = StreamSerdes.forRegistry(core.schemaRegistryUrl().toString(), core.kafkaClientProperties());
    final Extractor extractor = config.topologies().contains(Part.NORMALIZE) ? Extractor.create() : null;
    for (final Part part : config.topologies()) {
      final Topology topology = switch (part) {
        case NORMALIZE -> NormalizeTopology.build(serdes, extractor);
        case CONSOLIDATE -> ConsolidateTopology.build(serdes, config.horizonDays(), config.evictionInterval());
        case TALLY -> TallyTopology.build(serdes, config.tallyEmitInterval());
      };
      LOG.info("Topology {} ({}):{}{}", part.id(), applicationId(part), System.lineSeparator(), topology.describe());
      final KafkaStreams streams = new KafkaStreams(topology, properties(part));
      streams.setUncaughtExceptionHandler(e -> {
        LOG.error("Topology {} failed; shutting it down", part.id(), e);
        if (failure.compareAndSet(null, e)) {
          onFatal.accept(e);
        }
        return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
      });
      streams.setStateListener((now, before) -> LOG.info("Topology {}: {} -> {}", part.id(), before, now));
      topologies.put(part, topology);
      running.put(part, streams);
    }
    running.values().forEach(KafkaStreams::start);
  }

  Properties properties(final Part part) {
    final Properties p = new Properties();
    p.putAll(core.kafkaClientProperties());
    p.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId(part));
    p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, core.bootstrapServers().orElseThrow());
    p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, config.processingGuarantee());
    p.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, config.threads());
    p.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, config.commitInterval().toMillis());
    p.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, config.cacheBytes());
    p.put(StreamsConfig.STATE_DIR_CONFIG, config.stateDir().toAbsolutePath().toString());
    p.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, config.replicationFactor());
    p.put(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, Topics.DEAD_LETTERS);
    p.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, LogAndContinueProcessingExceptionHandler.class);
    p.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true);
    p.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, LogAndContinueExceptionHandler.class);
    config.applicationServer().ifPresent(s -> p.put(StreamsConfig.APPLICATION_SERVER_CONFIG, s));
    // Rebalances on restart should be quick on a single-broker development cluster, too.
    p.put(StreamsConfig.consumerPrefix(ConsumerConfig.MAX_POLL_RECORDS_CONFIG), 1000);
    p.put(StreamsConfig.producerPrefix(ProducerConfig.LINGER_MS_CONFIG), 5);
    p.put(StreamsConfig.producerPrefix(ProducerConfig.BATCH_SIZE_CONFIG), 262_144);
    // Under transactions v2 the first sends of a transaction often meet the previous one's markers still being
    // written (CONCURRENT_TRANSACTIONS) and are retried: retry soon rather than after the default 100 ms.
    p.put(StreamsConfig.producerPrefix(ProducerConfig.RETRY_BACKOFF_MS_CONFIG), 10);
    return p;
  }

  @Override
  public boolean ready() {
    return !closed && failure.get() == null && !running.isEmpty()
        && running.values().stream().allMatch(s -> s.state() == KafkaStreams.State.RUNNING);
  }

  /** The error that stopped a topology, if one did. */
  public Optional<Throwable> failure() {
    return Optional.ofNullable(failure.get());
  }

  /** The running Kafka Streams clients, by topology. */
  public Map<Part, KafkaStreams> streams() {
    return Collections.unmodifiableMap(running);
  }

  /**
   * Every topic each running application reads, with internal (repartition) topics under their full names: what
   * must be fully consumed before the pipeline has caught up.
   */
  public Map<String, Set<String>> sourceTopicsByGroup() {
    return sourceTopicsByGroup(core.applicationId(), config.topologies());
  }

  /** The source topics of each application that {@code parts} under {@code applicationIdPrefix} would run. */
  public static Map<String, Set<String>> sourceTopicsByGroup(final String applicationIdPrefix,
      final Set<Part> parts) {
    // Topic names do not depend on the serdes or the extractor, so placeholders build the same topologies.
    final StreamSerdes placeholder = StreamSerdes.forRegistry("mock://topic-names", Map.of());
    final Map<String, Set<String>> out = new java.util.LinkedHashMap<>();
    for (final Part part : parts) {
      final Topology topology = switch (part) {
        case NORMALIZE -> NormalizeTopology.build(placeholder, r -> null);
        case CONSOLIDATE -> ConsolidateTopology.build(placeholder, 90);
        case TALLY -> TallyTopology.build(placeholder);
      };
      final String applicationId = applicationIdPrefix + "-" + part.id();
      final Set<String> topics = new TreeSet<>();
      for (final TopologyDescription.Subtopology s : topology.describe().subtopologies()) {
        for (final TopologyDescription.Node n : s.nodes()) {
          if (n instanceof TopologyDescription.Source source && source.topicSet() != null) {
            for (final String t : source.topicSet()) {
              topics.add(t.startsWith("wirewatch.") ? t : applicationId + "-" + t);
            }
          }
        }
      }
      out.put(applicationId, topics);
    }
    return out;
  }

  /**
   * Interactive queries over the tally stores, when this process runs the tally topology; usable before
   * {@link #start()} (the feed is built before the stages start): until the topology runs, every call throws
   * {@link IllegalStateException}, which callers treat like a rebalance.
   */
  public Optional<TallyQueries> tallyQueries() {
    if (!config.topologies().contains(Part.TALLY)) {
      return Optional.empty();
    }
    final String server = config.applicationServer().orElse(null);
    return Optional.of(new TallyQueries() {
      private TallyQueries live() {
        final KafkaStreams tally = running.get(Part.TALLY);
        if (tally == null) {
          throw new IllegalStateException("the tally topology is not started");
        }
        return new StoreTallyQueries(tally, server);
      }

      @Override
      public Optional<org.wirewatch.schema.CasualtyTally> tally(final String regionCode,
          final org.wirewatch.schema.TallyWindow window, final java.time.LocalDate windowEnd) {
        return live().tally(regionCode, window, windowEnd);
      }

      @Override
      public List<org.wirewatch.schema.CasualtyTally> tallies(final String regionCode,
          final org.wirewatch.schema.TallyWindow window, final java.time.LocalDate from,
          final java.time.LocalDate to) {
        return live().tallies(regionCode, window, from, to);
      }

      @Override
      public List<String> regions() {
        return live().regions();
      }
    });
  }

  private static CloseOptions closeOptions(final Duration timeout) {
    return CloseOptions.timeout(timeout).withGroupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP);
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    final List<KafkaStreams> reversed = new ArrayList<>(running.values());
    Collections.reverse(reversed);
    // Every client starts closing at once and then is waited for, so their shutdowns (a last commit, producer and
    // consumer close) overlap and the stage stops within one close timeout rather than one per topology. Leaving
    // the group lets a restarted or remaining instance take the tasks over at once, not after a session timeout.
    for (final KafkaStreams s : reversed) {
      try {
        s.close(closeOptions(Duration.ZERO));
      } catch (final RuntimeException e) {
        LOG.warn("A topology failed to begin closing", e);
      }
    }
    final long deadline = System.nanoTime() + config.closeTimeout().toNanos();
    for (final KafkaStreams s : reversed) {
      try {
        if (!s.close(closeOptions(Duration.ofNanos(Math.max(0, deadline - System.nanoTime()))))) {
          LOG.warn("A topology did not close within {}", config.closeTimeout());
        }
      } catch (final RuntimeException e) {
        LOG.warn("A topology failed while closing", e);
      }
    }
    if (serdes != null) {
      serdes.report().close();
      serdes.extraction().close();
      serdes.incident().close();
      serdes.claim().close();
      serdes.tally().close();
    }
  }
}
