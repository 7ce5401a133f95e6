package org.wirewatch.streams.normalize;

import java.util.Set;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.util.function.Function;
import org.wirewatch.schema.PubStatus;
import org.wirewatch.schema.ReportExtraction;
import org.wirewatch.schema.WireReport;

/**
 * Latest version per story wins ({@code docs/architecture.md#semantics-1}). Keeps the highest version seen per story
 * uri in {@link #STORE}; a report with a higher version is extracted and forwarded, a canceled one becomes a tombstone,
 * and a lower or equal version (a late or repeated delivery) is a no-op. The store is updated only after the extraction
 * succeeded, so a report that fails goes to the dead letters without hiding a later retry.
 */
public final class NormalizeProcessor implements Processor<String, WireReport, String, ReportExtraction> {

  /** Highest version seen per story uri. */
  public static final String STORE = "story-versions";

  private static final Logger LOG = LoggerFactory.getLogger(NormalizeProcessor.class);

  private final Function<WireReport, ReportExtraction> extractor;
  private ProcessorContext<String, ReportExtraction> context;
  private KeyValueStore<String, Integer> versions;

  NormalizeProcessor(final Function<WireReport, ReportExtraction> extractor) {
    this.extractor = extractor;
  }

  /** The supplier, carrying its store so the topology wires it. */
  public static ProcessorSupplier<String, WireReport, String, ReportExtraction> supplier(
      final Function<WireReport, ReportExtraction> extractor) {
    return new ProcessorSupplier<>() {
      @Override
      public Processor<String, WireReport, String, ReportExtraction> get() {
        return new NormalizeProcessor(extractor);
      }

      @Override
      public Set<StoreBuilder<?>> stores() {
        return Set.of(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STORE), Serdes.String(),
            Serdes.Integer()));
      }
    };
  }

  @Override
  public void init(final ProcessorContext<String, ReportExtraction> context) {
    this.context = context;
    this.versions = context.getStateStore(STORE);
  }

  @Override
  public void process(final Record<String, WireReport> record) {
    final WireReport report = record.value();
    if (report == null) {
      throw new IllegalArgumentException("raw report without a value (key " + record.key() + ")");
    }
    // The uri in the value is the story id; the key is only its partitioning copy.
    final String uri = report.getUri();
    final Integer seen = versions.get(uri);
    if (seen != null && report.getVersion() <= seen) {
      LOG.debug("Ignoring {} version {}: version {} already seen", uri, report.getVersion(), seen);
      return;
    }
    final ReportExtraction extraction = report.getPubStatus() == PubStatus.CANCELED ? null
        : extractor.apply(report);
    versions.put(uri, report.getVersion());
    context.forward(record.withKey(uri).withValue(extraction));
  }
}
