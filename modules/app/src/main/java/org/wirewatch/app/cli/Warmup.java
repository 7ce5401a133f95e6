package org.wirewatch.app.cli;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wirewatch.app.Pipeline;
import org.wirewatch.common.TopicSpec;
import org.wirewatch.common.Topics;
import org.wirewatch.common.json.AvroJson;
import org.wirewatch.extract.Extractor;
import org.wirewatch.feed.FeedStage;
import org.wirewatch.formats.ParseResult;
import org.wirewatch.formats.ReportParser;
import org.wirewatch.schema.Incident;
import org.wirewatch.schema.ReportExtraction;
import org.wirewatch.schema.WireReport;
import org.wirewatch.serde.AvroSerdes;
import org.wirewatch.serde.SchemaRegistryClient;
import org.wirewatch.serde.SchemaRegistryClients;
import org.wirewatch.streams.StreamSerdes;
import org.wirewatch.streams.StreamsStage;
import org.wirewatch.streams.StreamsStageConfig.Part;
import org.wirewatch.streams.consolidate.ConsolidateTopology;
import org.wirewatch.streams.normalize.NormalizeTopology;
import org.wirewatch.streams.tally.TallyTopology;

/**
 * Pays the one-time costs of a report's first trip through the pipeline while {@code run} starts, so that the first
 * report pushed after "Wirewatch is running" reaches {@code /v1/stream} as fast as the later ones. Measured on a
 * fresh data directory, that first trip took 1.1-1.8 s against 0.3-0.4 s for the next ones: every stage registers
 * its topic's schema on its first record (each a write to {@code _schemas} read back by the registry), and the
 * parsers, the extractor, the Avro encoders and the HTTP server run their first records interpreted and load their
 * classes on the way.
 *
 * <p>So, before {@code run} reports itself running: the bundled sample reports are parsed, extracted, encoded,
 * decoded and rendered as JSON for a short while, and put through in-memory copies of the normalize, consolidate
 * and tally topologies ({@link TopologyTestDriver}, under the running applications' ids) against an in-memory registry. That
 * runs their processors once and shows every subject they write, the internal repartition and changelog topics'
 * included; those subjects and the catalogue topics' are then registered in the embedded registry with the same
 * schemas, which is exactly what each serializer would register on its first record (skipped for an external
 * registry, whose registration policy is its operators'). Nothing touches Kafka. Everything here is best effort: a
 * failure is logged and start-up goes on.
 */
final class Warmup {

    private static final Logger LOG = LoggerFactory.getLogger(Warmup.class);
    /** Long enough for the parsers and the extractor to be compiled, short next to the rest of start-up. */
    private static final Duration BUDGET = Duration.ofMillis(600);
    /** The consolidation horizon does not change which subjects are written; any valid value builds the topology. */
    private static final int DEFAULT_HORIZON_DAYS = 90;

    private Warmup() {}

    /**
     * Warms up, then waits until every stage is ready (Streams RUNNING, the feed caught up), at most {@code limit}.
     *
     * @param ownRegistry whether the pipeline runs the embedded registry (then the catalogue schemas are registered)
     * @return whether the pipeline is ready
     */
    static boolean warmUpAndAwaitReady(final Pipeline pipeline, final boolean ownRegistry, final Duration limit)
            throws InterruptedException {
        final long start = System.nanoTime();
        final String registryUrl = pipeline.core().schemaRegistryUrl().toString();
        if (ownRegistry) {
            registerCatalogueSchemas(registryUrl);
        }
        exercise(BUDGET);
        pipeline.stages().stream()
                .filter(StreamsStage.class::isInstance)
                .map(StreamsStage.class::cast)
                .findFirst()
                .ifPresent(streams -> runTopologies(
                        streams.streams().keySet(),
                        streams::applicationId,
                        pipeline.core().dataDir(),
                        ownRegistry ? registryUrl : null));
        pipeline.stages().stream()
                .filter(FeedStage.class::isInstance)
                .map(FeedStage.class::cast)
                .findFirst()
                .ifPresent(Warmup::touchHttp);
        final long deadline = start + limit.toNanos();
        while (!pipeline.ready() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        LOG.info(
                "Warmed up and {} in {} ms",
                pipeline.ready() ? "ready" : "NOT ready",
                Duration.ofNanos(System.nanoTime() - start).toMillis());
        return pipeline.ready();
    }

    /** Registers {@code <topic>-value} for each catalogue topic with an Avro value type (TopicNameStrategy). */
    static void registerCatalogueSchemas(final String registryUrl) {
        final long start = System.nanoTime();
        int n = 0;
        try (SchemaRegistryClient registry = SchemaRegistryClients.forUrl(registryUrl, java.util.Map.of())) {
            for (final TopicSpec spec : Topics.catalogue()) {
                if (spec.valueType() != null && SpecificRecord.class.isAssignableFrom(spec.valueType())) {
                    registry.register(spec.name() + "-value", SpecificData.get().getSchema(spec.valueType()));
                    n++;
                }
            }
            LOG.debug(
                    "Registered {} catalogue schemas in {} ms",
                    n,
                    Duration.ofNanos(System.nanoTime() - start).toMillis());
        } catch (final RuntimeException e) {
            LOG.warn(
                    "Could not register the catalogue schemas ahead (each stage registers its own on its first record):"
                            + " {}",
                    e.toString());
        }
    }

    /** Parses, extracts, encodes, decodes and renders the bundled samples until {@code budget} is spent. */
    static int exercise(final Duration budget) {
        final long deadline = System.nanoTime() + budget.toNanos();
        final List<byte[]> samples = new ArrayList<>();
        final List<String> names = new ArrayList<>();
        final LocalDate today = LocalDate.now(ZoneOffset.UTC);
        for (final String name : DemoCommand.sampleNames()) {
            names.add(name);
            samples.add(DemoCommand.render(DemoCommand.read(name), today, Clock.systemUTC())
                    .getBytes(StandardCharsets.UTF_8));
        }
        final ReportParser parser = new ReportParser();
        final Extractor extractor = Extractor.create();
        final String registry = "mock://wirewatch-warmup";
        final Serializer<WireReport> reportOut =
                AvroSerdes.value(WireReport.class, registry).serializer();
        final Deserializer<WireReport> reportIn =
                AvroSerdes.value(WireReport.class, registry).deserializer();
        final Serializer<ReportExtraction> extractionOut =
                AvroSerdes.value(ReportExtraction.class, registry).serializer();
        final Deserializer<ReportExtraction> extractionIn =
                AvroSerdes.value(ReportExtraction.class, registry).deserializer();
        int reports = 0;
        try {
            do {
                for (int i = 0; i < samples.size(); i++) {
                    final ParseResult parsed = parser.parse(samples.get(i), names.get(i), Optional.empty());
                    for (final WireReport parsedReport : parsed.reports()) {
                        final WireReport r = WireReport.newBuilder(parsedReport)
                                .setSource("warmup")
                                .setReceivedAt(java.time.Instant.now())
                                .build();
                        final WireReport back =
                                reportIn.deserialize("warmup-reports", reportOut.serialize("warmup-reports", r));
                        final ReportExtraction x = extractor.extract(back);
                        AvroJson.toJson(extractionIn.deserialize(
                                "warmup-extractions", extractionOut.serialize("warmup-extractions", x)));
                        reports++;
                    }
                }
            } while (System.nanoTime() < deadline);
            LOG.info(
                    "Warm-up: {} sample reports parsed, extracted and encoded in {} ms",
                    reports,
                    budget.toMillis()
                            + Duration.ofNanos(System.nanoTime() - deadline).toMillis());
        } catch (final RuntimeException e) {
            LOG.warn("Warm-up stopped early (start-up goes on): {}", e.toString());
        } finally {
            reportOut.close();
            reportIn.close();
            extractionOut.close();
            extractionIn.close();
        }
        return reports;
    }

    /**
     * Puts the samples through in-memory copies of the normalize, consolidate and tally topologies, then registers
     * every subject the applications of {@code parts} wrote in {@code registryUrl} (when not null).
     *
     * @param applicationId the application id of each topology, as the Streams stage names it
     * @return the number of subjects registered
     */
    static int runTopologies(
            final Set<Part> parts,
            final Function<Part, String> applicationId,
            final Path dataDir,
            final String registryUrl) {
        if (!parts.contains(Part.NORMALIZE) && !parts.contains(Part.CONSOLIDATE)) {
            return 0;
        }
        final long start = System.nanoTime();
        final String mock =
                "mock://wirewatch-warmup-topologies-" + ProcessHandle.current().pid();
        final StreamSerdes serdes = StreamSerdes.forRegistry(mock, Map.of());
        Path stateDir = null;
        try {
            stateDir = Files.createTempDirectory(Files.createDirectories(dataDir), "warmup-");
            final LocalDate today = LocalDate.now(ZoneOffset.UTC);
            final ReportParser parser = new ReportParser();
            final List<WireReport> reports = new ArrayList<>();
            for (final String name : DemoCommand.sampleNames()) {
                final byte[] bytes = DemoCommand.render(DemoCommand.read(name), today, Clock.systemUTC())
                        .getBytes(StandardCharsets.UTF_8);
                for (final WireReport r :
                        parser.parse(bytes, name, Optional.empty()).reports()) {
                    reports.add(WireReport.newBuilder(r)
                            .setSource("warmup")
                            .setReceivedAt(Instant.now())
                            .build());
                }
            }
            final List<KeyValue<String, ReportExtraction>> extractions = new ArrayList<>();
            final List<KeyValue<String, Incident>> incidents = new ArrayList<>();
            try (TopologyTestDriver normalize = new TopologyTestDriver(
                    NormalizeTopology.build(serdes, Extractor.create()),
                    driverProperties(applicationId.apply(Part.NORMALIZE), stateDir.resolve("normalize")))) {
                final TestInputTopic<String, WireReport> in = normalize.createInputTopic(
                        Topics.RAW_REPORTS,
                        serdes.key().serializer(),
                        serdes.report().serializer());
                final TestOutputTopic<String, ReportExtraction> out = normalize.createOutputTopic(
                        Topics.EXTRACTIONS,
                        serdes.key().deserializer(),
                        serdes.extraction().deserializer());
                reports.forEach(r -> in.pipeInput(r.getUri(), r));
                extractions.addAll(out.readKeyValuesToList());
            }
            try (TopologyTestDriver consolidate = new TopologyTestDriver(
                    ConsolidateTopology.build(serdes, DEFAULT_HORIZON_DAYS),
                    driverProperties(applicationId.apply(Part.CONSOLIDATE), stateDir.resolve("consolidate")))) {
                final TestInputTopic<String, ReportExtraction> in = consolidate.createInputTopic(
                        Topics.EXTRACTIONS,
                        serdes.key().serializer(),
                        serdes.extraction().serializer());
                final TestOutputTopic<String, Incident> out = consolidate.createOutputTopic(
                        Topics.INCIDENTS,
                        serdes.key().deserializer(),
                        serdes.incident().deserializer());
                extractions.forEach(kv -> in.pipeInput(kv.key, kv.value));
                incidents.addAll(out.readKeyValuesToList());
            }
            // The feed renders every incident it streams as JSON.
            incidents.stream().filter(kv -> kv.value != null).forEach(kv -> AvroJson.toJson(kv.value));
            if (parts.contains(Part.TALLY)) {
                try (TopologyTestDriver tally = new TopologyTestDriver(
                        TallyTopology.build(serdes),
                        driverProperties(applicationId.apply(Part.TALLY), stateDir.resolve("tally")))) {
                    final TestInputTopic<String, Incident> in = tally.createInputTopic(
                            Topics.INCIDENTS,
                            serdes.key().serializer(),
                            serdes.incident().serializer());
                    incidents.forEach(kv -> in.pipeInput(kv.key, kv.value));
                }
            }
            int registered = 0;
            if (registryUrl != null) {
                try (SchemaRegistryClient from = SchemaRegistryClients.forUrl(mock, Map.of());
                        SchemaRegistryClient to = SchemaRegistryClients.forUrl(registryUrl, Map.of())) {
                    for (final String subject : from.subjects()) {
                        if (parts.stream().anyMatch(part -> subject.startsWith(applicationId.apply(part) + "-"))) {
                            to.register(subject, from.latest(subject).schema());
                            registered++;
                        }
                    }
                }
            }
            LOG.info(
                    "Warm-up: {} sample reports through the topologies in memory, {} internal subjects"
                            + " registered, in {} ms",
                    reports.size(),
                    registered,
                    Duration.ofNanos(System.nanoTime() - start).toMillis());
            return registered;
        } catch (final Exception | LinkageError e) {
            LOG.warn("Warm-up of the topologies stopped early (start-up goes on): {}", e.toString());
            return 0;
        } finally {
            serdes.report().close();
            serdes.extraction().close();
            serdes.incident().close();
            serdes.claim().close();
            serdes.tally().close();
            if (stateDir != null) {
                deleteQuietly(stateDir);
            }
        }
    }

    private static Properties driverProperties(final String applicationId, final Path stateDir) {
        final Properties p = new Properties();
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "warmup.invalid:9092");
        p.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toAbsolutePath().toString());
        return p;
    }

    private static void deleteQuietly(final Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (final IOException e) {
            LOG.debug("Could not delete {}: {}", dir, e.toString());
        }
    }

    /** A few requests to the feed's own server, so the first real client does not pay for its first request. */
    private static void touchHttp(final FeedStage feed) {
        final HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        for (final String path : List.of("/health/ready", "/v1/incidents?limit=1", "/v1/alerts?limit=1")) {
            try {
                http.send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + feed.port() + path))
                                .timeout(Duration.ofSeconds(5))
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
            } catch (final Exception e) {
                LOG.debug("Warm-up request {} failed: {}", path, e.toString());
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }
}
