package org.wirewatch.bench.streams;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyDescription;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * The Kafka plumbing of one pipeline topology with none of its computation: the same sub-topologies, state stores
 * and sinks (repartition and output topics), and per record read the same number of writes to each of them as the
 * pipeline made per record in the same run, each carrying a value of the pipeline's mean size for that topic (the
 * first bytes of the record read, zero-padded). What it costs is the floor of a design with these applications,
 * hops, repartitions and changelogs, under the same exactly-once settings.
 *
 * <p>Built with the Processor API from the pipeline topology's {@code describe()}: sub-topology {@code n} reads its
 * source (the previous application's output copy, or the copy of its repartition topic) and, per record, puts
 * {@code ratio} records into each store (its changelog) and forwards {@code ratio} records to each sink. A fractional
 * ratio is kept as a running remainder, so over many records the count matches. Repartition topics are plain topics
 * here, created by the benchmark with the same partition count.
 */
final class ShapePassthroughTopology {

    /** Writes per record read, and the value size, of one store or sink. */
    record Target(String name, double ratio, int bytes) {}

    /** One sub-topology: its source topics, and its stores and sinks with their fan-out. */
    record Stage(List<String> sources, List<Target> stores, List<Target> sinks) {}

    private ShapePassthroughTopology() {}

    static Topology build(final List<Stage> stages) {
        final Topology t = new Topology();
        int n = 0;
        for (final Stage s : stages) {
            final String source = "source-" + n;
            final String processor = "fan-out-" + n;
            t.addSource(
                    source,
                    Serdes.ByteArray().deserializer(),
                    Serdes.ByteArray().deserializer(),
                    s.sources().toArray(String[]::new));
            t.addProcessor(processor, () -> new FanOut(s), source);
            for (final Target store : s.stores()) {
                t.addStateStore(
                        Stores.keyValueStoreBuilder(
                                Stores.persistentKeyValueStore(store.name()), Serdes.ByteArray(), Serdes.ByteArray()),
                        processor);
            }
            for (final Target sink : s.sinks()) {
                t.addSink(
                        "sink-" + sink.name(),
                        sink.name(),
                        Serdes.ByteArray().serializer(),
                        Serdes.ByteArray().serializer(),
                        processor);
            }
            n++;
        }
        return t;
    }

    /** The sources, stores and sinks of each sub-topology of a pipeline topology, in order. */
    static List<Map<String, List<String>>> shape(final Topology pipeline) {
        final List<Map<String, List<String>>> out = new ArrayList<>();
        for (final TopologyDescription.Subtopology s : pipeline.describe().subtopologies().stream()
                .sorted(java.util.Comparator.comparingInt(TopologyDescription.Subtopology::id))
                .toList()) {
            final Map<String, List<String>> m = new LinkedHashMap<>();
            m.put("sources", new ArrayList<>());
            m.put("stores", new ArrayList<>());
            m.put("sinks", new ArrayList<>());
            for (final TopologyDescription.Node node : s.nodes()) {
                if (node instanceof TopologyDescription.Source src && src.topicSet() != null) {
                    m.get("sources").addAll(src.topicSet());
                } else if (node instanceof TopologyDescription.Processor p) {
                    m.get("stores").addAll(p.stores());
                } else if (node instanceof TopologyDescription.Sink sink && sink.topic() != null) {
                    m.get("sinks").add(sink.topic());
                }
            }
            out.add(m);
        }
        return out;
    }

    private static final class FanOut implements Processor<byte[], byte[], byte[], byte[]> {
        private final Stage stage;
        private final double[] storeCarry;
        private final double[] sinkCarry;
        private final List<KeyValueStore<byte[], byte[]>> stores = new ArrayList<>();
        private ProcessorContext<byte[], byte[]> context;
        private long seq;

        FanOut(final Stage stage) {
            this.stage = stage;
            this.storeCarry = new double[stage.stores().size()];
            this.sinkCarry = new double[stage.sinks().size()];
        }

        @Override
        public void init(final ProcessorContext<byte[], byte[]> context) {
            this.context = context;
            stage.stores().forEach(s -> stores.add(context.getStateStore(s.name())));
        }

        @Override
        public void process(final Record<byte[], byte[]> record) {
            final byte[] value = record.value() == null ? new byte[0] : record.value();
            for (int i = 0; i < storeCarry.length; i++) {
                final Target target = stage.stores().get(i);
                storeCarry[i] += target.ratio();
                final byte[] v = Arrays.copyOf(value, target.bytes());
                for (; storeCarry[i] >= 1; storeCarry[i]--) {
                    // A bounded key space, as the pipeline's stores are bounded by the live incidents and days.
                    stores.get(i).put(key(seq++ % 65_536), v);
                }
            }
            for (int i = 0; i < sinkCarry.length; i++) {
                final Target target = stage.sinks().get(i);
                sinkCarry[i] += target.ratio();
                final byte[] v = Arrays.copyOf(value, target.bytes());
                for (; sinkCarry[i] >= 1; sinkCarry[i]--) {
                    context.forward(record.withKey(key(seq++)).withValue(v), "sink-" + target.name());
                }
            }
        }

        private static byte[] key(final long n) {
            return Long.toString(n).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        }
    }
}
