package org.wirewatch.streams;

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
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyDescription;
import org.wirewatch.common.Stage;
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
 * <p>Each runs through {@link StreamsApplication} with the properties of {@link StreamsStageConfig#properties}, as
 * the alerts topology does: exactly-once ({@code exactly_once_v2}); undecodable or unprocessable records go to
 * {@code wirewatch.deadletters.v1} with their origin in headers; any other failure reaches the uncaught exception
 * handler, which shuts this client down and calls the fatal-error callback (the commands exit non-zero).
 * {@link #ready()} is true only while every topology is RUNNING.
 */
public final class StreamsStage implements Stage {

    private final CoreConfig core;
    private final StreamsStageConfig config;
    private final Consumer<Throwable> onFatal;
    private final java.util.function.Supplier<
                    java.util.function.Function<org.wirewatch.schema.WireReport, org.wirewatch.schema.ReportExtraction>>
            extractor;
    private final Map<Part, StreamsApplication> running = Collections.synchronizedMap(new EnumMap<>(Part.class));
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
        this(core, config, onFatal, () -> {
            final Extractor extractor = Extractor.create();
            org.slf4j.LoggerFactory.getLogger(StreamsStage.class)
                    .info("Normalize extracts with extractor version {}", extractor.version());
            return extractor::extract;
        });
    }

    /**
     * As above, with the extraction normalize runs given: tests run it with other rule resources
     * ({@code ReprocessIT}), which is how a deployment meets a new build's rules.
     */
    public StreamsStage(
            final CoreConfig core,
            final StreamsStageConfig config,
            final Consumer<Throwable> onFatal,
            final java.util.function.Supplier<
                            java.util.function.Function<
                                    org.wirewatch.schema.WireReport, org.wirewatch.schema.ReportExtraction>>
                    extractor) {
        this.extractor = extractor;
        if (core.bootstrapServers().isEmpty()) {
            throw new IllegalArgumentException("the Streams stage needs the cluster's bootstrap servers");
        }
        this.core = core;
        this.config = config;
        this.onFatal = onFatal;
    }

    @Override
    public String name() {
        return config.topologies().size() == Part.values().length
                ? "streams"
                : String.join("+", config.topologies().stream().map(Part::id).toList());
    }

    /** The application id of one topology. */
    public String applicationId(final Part part) {
        return core.applicationId() + "-" + part.id();
    }

    @Override
    public synchronized void start() {
        serdes = StreamSerdes.forRegistry(core.schemaRegistryUrl().toString(), core.kafkaClientProperties());
        final java.util.function.Function<org.wirewatch.schema.WireReport, org.wirewatch.schema.ReportExtraction>
                extract = config.topologies().contains(Part.NORMALIZE) ? extractor.get() : null;
        for (final Part part : config.topologies()) {
            final Topology topology = switch (part) {
                case NORMALIZE -> NormalizeTopology.build(serdes, extract);
                case CONSOLIDATE -> ConsolidateTopology.build(serdes, config.horizonDays(), config.evictionInterval());
                case TALLY -> TallyTopology.build(serdes, config.tallyEmitInterval());
            };
            topologies.put(part, topology);
            running.put(part, new StreamsApplication(part.id(), topology, properties(part), e -> {
                if (failure.compareAndSet(null, e)) {
                    onFatal.accept(e);
                }
            }));
        }
        running.values().forEach(StreamsApplication::start);
    }

    Properties properties(final Part part) {
        return config.properties(core, applicationId(part));
    }

    @Override
    public boolean ready() {
        return !closed
                && failure.get() == null
                && !running.isEmpty()
                && running.values().stream().allMatch(StreamsApplication::ready);
    }

    /** The error that stopped a topology, if one did. */
    public Optional<Throwable> failure() {
        return Optional.ofNullable(failure.get());
    }

    /** The running Kafka Streams clients, by topology. */
    public Map<Part, KafkaStreams> streams() {
        final Map<Part, KafkaStreams> clients = new EnumMap<>(Part.class);
        synchronized (running) {
            running.forEach((part, application) -> clients.put(part, application.client()));
        }
        return Collections.unmodifiableMap(clients);
    }

    /**
     * Every topic each running application reads, with internal (repartition) topics under their full names: what
     * must be fully consumed before the pipeline has caught up.
     */
    public Map<String, Set<String>> sourceTopicsByGroup() {
        return sourceTopicsByGroup(core.applicationId(), config.topologies());
    }

    /** The source topics of each application that {@code parts} under {@code applicationIdPrefix} would run. */
    public static Map<String, Set<String>> sourceTopicsByGroup(
            final String applicationIdPrefix, final Set<Part> parts) {
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
                final StreamsApplication tally = running.get(Part.TALLY);
                if (tally == null) {
                    throw new IllegalStateException("the tally topology is not started");
                }
                return new StoreTallyQueries(tally.client(), server);
            }

            @Override
            public Optional<org.wirewatch.schema.CasualtyTally> tally(
                    final String regionCode,
                    final org.wirewatch.schema.TallyWindow window,
                    final java.time.LocalDate windowEnd) {
                return live().tally(regionCode, window, windowEnd);
            }

            @Override
            public List<org.wirewatch.schema.CasualtyTally> tallies(
                    final String regionCode,
                    final org.wirewatch.schema.TallyWindow window,
                    final java.time.LocalDate from,
                    final java.time.LocalDate to) {
                return live().tallies(regionCode, window, from, to);
            }

            @Override
            public List<String> regions() {
                return live().regions();
            }
        });
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        final List<StreamsApplication> reversed = new ArrayList<>(running.values());
        Collections.reverse(reversed);
        // Every application starts closing at once and is then waited for, so their shutdowns overlap and the stage
        // stops within one close timeout rather than one per topology (a container's stop grace period is 10 s).
        StreamsApplication.closeAll(reversed, config.closeTimeout());
        if (serdes != null) {
            serdes.report().close();
            serdes.extraction().close();
            serdes.incident().close();
            serdes.claim().close();
            serdes.tally().close();
        }
    }
}
