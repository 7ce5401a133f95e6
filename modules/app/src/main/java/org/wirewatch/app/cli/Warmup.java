package org.wirewatch.app.cli;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
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
import org.wirewatch.schema.ReportExtraction;
import org.wirewatch.schema.WireReport;
import org.wirewatch.serde.AvroSerdes;
import org.wirewatch.serde.SchemaRegistryClient;
import org.wirewatch.serde.SchemaRegistryClients;

/**
 * Pays the one-time costs of a report's first trip through the pipeline while {@code run} starts, so that the first
 * report pushed after "Wirewatch is running" reaches {@code /v1/stream} as fast as the later ones. Measured on a
 * fresh data directory, that first trip took 1.1-1.8 s against 0.3-0.4 s for the next ones: every stage registers
 * its topic's schema on its first record (each a write to {@code _schemas} read back by the registry), and the
 * parsers, the extractor, the Avro encoders and the HTTP server run their first records interpreted and load their
 * classes on the way.
 *
 * <p>So, before {@code run} reports itself running: the value schemas of the catalogue topics are registered in the
 * embedded registry (exactly what each stage's serializer would register on its first record; skipped for an
 * external registry, whose registration policy is its operators'), and the bundled sample reports are parsed,
 * extracted, encoded and decoded through an in-memory registry and rendered as JSON for a short while, in this
 * process and with no effect on any topic. Everything here is best effort: a failure is logged and start-up goes on.
 */
final class Warmup {

  private static final Logger LOG = LoggerFactory.getLogger(Warmup.class);
  /** Long enough for the parsers and the extractor to be compiled, short next to the rest of start-up. */
  private static final Duration BUDGET = Duration.ofMillis(1500);

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
    if (ownRegistry) {
      registerCatalogueSchemas(pipeline.core().schemaRegistryUrl().toString());
    }
    exercise(BUDGET);
    pipeline.stages().stream().filter(FeedStage.class::isInstance).map(FeedStage.class::cast).findFirst()
        .ifPresent(Warmup::touchHttp);
    final long deadline = start + limit.toNanos();
    while (!pipeline.ready() && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    LOG.info("Warmed up and {} in {} ms", pipeline.ready() ? "ready" : "NOT ready",
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
      LOG.debug("Registered {} catalogue schemas in {} ms", n, Duration.ofNanos(System.nanoTime() - start).toMillis());
    } catch (final RuntimeException e) {
      LOG.warn("Could not register the catalogue schemas ahead (each stage registers its own on its first record):"
          + " {}", e.toString());
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
    final Serializer<WireReport> reportOut = AvroSerdes.value(WireReport.class, registry).serializer();
    final Deserializer<WireReport> reportIn = AvroSerdes.value(WireReport.class, registry).deserializer();
    final Serializer<ReportExtraction> extractionOut = AvroSerdes.value(ReportExtraction.class, registry).serializer();
    final Deserializer<ReportExtraction> extractionIn =
        AvroSerdes.value(ReportExtraction.class, registry).deserializer();
    int reports = 0;
    try {
      do {
        for (int i = 0; i < samples.size(); i++) {
          final ParseResult parsed = parser.parse(samples.get(i), names.get(i), Optional.empty());
          for (final WireReport parsedReport : parsed.reports()) {
            final WireReport r = WireReport.newBuilder(parsedReport).setSource("warmup")
                .setReceivedAt(java.time.Instant.now()).build();
            final WireReport back = reportIn.deserialize("warmup-reports", reportOut.serialize("warmup-reports", r));
            final ReportExtraction x = extractor.extract(back);
            AvroJson.toJson(extractionIn.deserialize("warmup-extractions",
                extractionOut.serialize("warmup-extractions", x)));
            reports++;
          }
        }
      } while (System.nanoTime() < deadline);
      LOG.info("Warm-up: {} sample reports parsed, extracted and encoded in {} ms", reports,
          budget.toMillis() + Duration.ofNanos(System.nanoTime() - deadline).toMillis());
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

  /** A few requests to the feed's own server, so the first real client does not pay for its first request. */
  private static void touchHttp(final FeedStage feed) {
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    for (final String path : List.of("/health/ready", "/v1/incidents?limit=1", "/v1/alerts?limit=1")) {
      try {
        http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + feed.port() + path))
            .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.discarding());
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
