package org.wirewatch.app.cli;

import io.javalin.Javalin;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.apache.kafka.streams.KafkaStreams;
import org.wirewatch.app.Pipeline;
import org.wirewatch.app.StageContext;
import org.wirewatch.app.StageFactory;
import org.wirewatch.common.Stage;
import org.wirewatch.common.config.Settings;
import org.wirewatch.common.query.TallyQueries;
import org.wirewatch.embedded.HangingTransactions;
import org.wirewatch.feed.FeedConfig;
import org.wirewatch.feed.FeedStage;
import org.wirewatch.feed.RecordDecoder;
import org.wirewatch.ingest.IngestStage;
import org.wirewatch.schema.CasualtyTally;
import org.wirewatch.schema.TallyWindow;
import org.wirewatch.streams.StreamsStage;
import org.wirewatch.streams.StreamsStageConfig;
import org.wirewatch.streams.StreamsStageConfig.Part;
import org.wirewatch.streams.query.StoreTallyQueries;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code wirewatch feed}: the live feed alone (SSE, REST, dashboard, health, metrics) for scaled deployments; and the
 * factory {@code run} uses to add the feed as its last, HTTP-facing stage.
 *
 * <p>Under {@code run} the feed shares its server with the ingest push endpoint, reports every stage on
 * {@code /health/ready}, and its Prometheus registry joins Micrometer's global registry, so any stage that records
 * into {@code io.micrometer.core.instrument.Metrics.globalRegistry} (Kafka Streams metrics, extraction latency)
 * appears on {@code /metrics}.
 */
@Command(
        name = "feed",
        description = {
            "Runs the live feed alone: SSE on /v1/stream, REST on /v1/*, the dashboard on /, /health and"
                    + " /metrics (port: wirewatch.feed.port, default wirewatch.http.port or 8080).",
            "Without Kafka settings it starts the embedded broker, as 'run' does."
        })
public final class FeedCommand implements Callable<Integer> {

    @Mixin
    ConfigOptions config;

    // A feed alone answers /v1/tallies from the tallies topic. With the tally topology in the same process, it
    // answers from the Streams stores, and several such processes route each question to the owner of the region.
    @Option(
            names = "--with-tally",
            description = {
                "Also run the tally topology in this process, so /v1/tallies is"
                        + " answered from its stores (interactive queries); with several instances set"
                        + " wirewatch.streams.application.server to this feed's host:port."
            })
    boolean withTally;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        final List<StageFactory> stages = new ArrayList<>();
        if (withTally) {
            stages.add(
                    StreamsCommands.stage(java.util.EnumSet.of(org.wirewatch.streams.StreamsStageConfig.Part.TALLY)));
        }
        Pipeline.runUntilStopped(
                config.settings(),
                withFeed(stages),
                spec.commandLine().getOut(),
                pipeline -> "Wirewatch feed on http://localhost:"
                        + find(pipeline.stages(), FeedStage.class).port() + "/ (SSE /v1/stream). Ctrl-C stops it.");
        return 0;
    }

    /**
     * The given factories plus the feed, last. The feed is built after the others so that it can mount their routes
     * (the ingest push endpoint) and watch their readiness.
     */
    public static List<StageFactory> withFeed(final List<StageFactory> factories) {
        final List<Stage> built = Collections.synchronizedList(new ArrayList<>());
        final List<StageFactory> out = new ArrayList<>();
        for (final StageFactory f : factories) {
            out.add(context -> {
                final Stage s = f.create(context);
                built.add(s);
                return s;
            });
        }
        out.add(context -> feed(context, built));
        return out;
    }

    /** Builds the feed stage: own config validated, Avro through the run's registry, peers for health. */
    static FeedStage feed(final StageContext context, final List<Stage> peers) {
        final Settings settings = context.settings();
        final FeedConfig feedConfig = FeedConfig.from(settings);
        final Map<String, Object> kafka = new HashMap<>(context.core().kafkaClientProperties());
        kafka.put("bootstrap.servers", context.bootstrapServers());
        final Map<String, Object> serde = new HashMap<>(context.core().kafkaClientProperties());
        final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        // The composite global registry forwards every meter, including ones registered before this, to Prometheus.
        Metrics.addRegistry(registry);
        final FeedStage.Builder b = FeedStage.builder()
                .config(feedConfig)
                .kafka(kafka)
                .decoder(RecordDecoder.avro(context.schemaRegistryUrl(), serde))
                .meterRegistry(registry)
                .stages(() -> List.copyOf(peers));
        context.hangingTransactions().ifPresent(report -> {
            b.healthDetail("hangingTransactions", () -> hangingTransactionsDetail(report));
            b.onStart(r -> FunctionCounter.builder(
                            "wirewatch.hanging.transactions.aborted",
                            report,
                            t -> t.aborted().size())
                    .description("Hanging transactions the start-up check aborted on Wirewatch's topics")
                    .register(r));
            b.onStart(r -> FunctionCounter.builder(
                            "wirewatch.hanging.transactions.committed",
                            report,
                            t -> t.committed().size())
                    .description("Transactions the start-up check committed on partitions whose commit markers never"
                            + " arrived")
                    .register(r));
        });
        for (final Stage s : List.copyOf(peers)) {
            if (s instanceof IngestStage ingest) {
                final Consumer<Javalin> routes = ingest.routes();
                b.routes(routes);
            }
            if (s instanceof StreamsStage streams) {
                if (streams.tallyQueries().isPresent()) {
                    final TallyStores stores = new TallyStores(
                            streams,
                            settings.get(StreamsStageConfig.APPLICATION_SERVER)
                                    .map(String::trim)
                                    .orElse(null));
                    b.tallyQueries(stores.routed()).peerTallyQueries(stores.local());
                    b.onStart(r -> FunctionCounter.builder(
                                    "wirewatch.tally.queries.forwarded", stores, TallyStores::forwarded)
                            .description("Tally questions this instance forwarded to the instance owning the region")
                            .register(r));
                }
                // The Streams clients exist once their stage has started, which is before the feed (the last stage).
                b.onStart(r -> streams.streams()
                        .forEach((part, ks) -> new KafkaStreamsMetrics(
                                        ks,
                                        List.of(Tag.of("topology", part.name().toLowerCase(java.util.Locale.ROOT))))
                                .bindTo(r)));
            }
        }
        return b.build();
    }

    /** What {@code /health/ready} shows of the start-up check: counts, and each transaction it closed. */
    static Map<String, Object> hangingTransactionsDetail(final HangingTransactions.Report report) {
        final Map<String, Object> detail = new java.util.LinkedHashMap<>();
        detail.put("partitionsChecked", report.partitionsChecked());
        detail.put("openAtStart", report.openTransactions());
        detail.put("aborted", report.aborted().size());
        detail.put("committed", report.committed().size());
        detail.put("tookMs", report.took().toMillis());
        detail.put("abortedTransactions", closed(report.aborted()));
        detail.put("committedTransactions", closed(report.committed()));
        return detail;
    }

    private static List<Map<String, Object>> closed(final List<HangingTransactions.Closed> transactions) {
        return transactions.stream()
                .map(a -> Map.<String, Object>of(
                        "partition", a.partition().toString(),
                        "producerId", a.producerId(),
                        "producerEpoch", a.producerEpoch(),
                        "startOffset", a.startOffset(),
                        "transactionalId", a.transactionalId().orElse(""),
                        "coordinator", a.coordinatorView()))
                .toList();
    }

    /**
     * The tally stores of a Streams stage, looked up per query: the stage starts its tally client only after the feed
     * is built, and while it is not running the feed's REST answers from the tallies topic instead (it says so). One
     * {@link StoreTallyQueries} per running client, so its forwarding count covers the client's whole life.
     */
    static final class TallyStores {

        private final StreamsStage stage;
        private final String applicationServer;
        private volatile Bound bound;

        private record Bound(KafkaStreams client, StoreTallyQueries queries) {}

        TallyStores(final StreamsStage stage, final String applicationServer) {
            this.stage = stage;
            this.applicationServer = applicationServer;
        }

        StoreTallyQueries stores() {
            final KafkaStreams client = stage.streams().get(Part.TALLY);
            if (client == null) {
                throw new IllegalStateException("tally topology not running");
            }
            final Bound b = bound;
            if (b != null && b.client() == client) {
                return b.queries();
            }
            final Bound fresh = new Bound(client, new StoreTallyQueries(client, applicationServer));
            bound = fresh;
            return fresh.queries();
        }

        double forwarded() {
            final Bound b = bound;
            return b == null ? 0 : b.queries().forwarded();
        }

        /** Any region, routed to the instance owning it. */
        TallyQueries routed() {
            return new Delegating(() -> stores());
        }

        /** This instance's own partitions only: the answers to questions other instances forward. */
        TallyQueries local() {
            return new Delegating(() -> stores().local());
        }
    }

    private record Delegating(Supplier<TallyQueries> target) implements TallyQueries {

        @Override
        public Optional<CasualtyTally> tally(final String regionCode, final TallyWindow window, final LocalDate end) {
            return target.get().tally(regionCode, window, end);
        }

        @Override
        public List<CasualtyTally> tallies(
                final String regionCode, final TallyWindow window, final LocalDate from, final LocalDate to) {
            return target.get().tallies(regionCode, window, from, to);
        }

        @Override
        public List<String> regions() {
            return target.get().regions();
        }
    }

    static <T> T find(final List<Stage> stages, final Class<T> type) {
        return stages.stream()
                .filter(type::isInstance)
                .map(type::cast)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no " + type.getSimpleName() + " running"));
    }
}
