package org.wirewatch.bench.extract;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.wirewatch.extract.Extractor;
import org.wirewatch.schema.ReportExtraction;
import org.wirewatch.schema.WireReport;
import org.wirewatch.serde.AvroSerializer;

/**
 * Time to Avro-encode one extraction of the development corpus (the record that crosses most of the pipeline's
 * topics and stores), with the writer model every Wirewatch serializer uses ({@code custom}: the generated classes'
 * own encoders for their nested records) against Avro's default reflective writer ({@code reflective}). Both write
 * the same bytes ({@code AvroSerdeTest}). The score is microseconds per extraction.
 *
 * <p>Run as {@link ExtractorBenchmark}, with {@code ExtractionEncodingBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Threads(1)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xmx256m", "-Xms256m", "-Dorg.apache.avro.SERIALIZABLE_PACKAGES=org.wirewatch"})
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
public class ExtractionEncodingBenchmark {

    @Param({"reflective", "custom"})
    public String writer;

    private final List<ReportExtraction> extractions = new ArrayList<>();
    private SpecificDatumWriter<ReportExtraction> datumWriter;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 16);
    private BinaryEncoder encoder;

    @Setup
    public void setUp() {
        final Extractor extractor = Extractor.create();
        for (final WireReport r : ExtractCorpus.load()) {
            extractions.add(extractor.extract(r));
        }
        if (extractions.size() != ExtractCorpus.STEMS.length) {
            throw new IllegalStateException(
                    "expected " + ExtractCorpus.STEMS.length + " reports, got " + extractions.size());
        }
        final SpecificData model = "custom".equals(writer)
                ? AvroSerializer.writingModel(ReportExtraction.class)
                : SpecificData.getForClass(ReportExtraction.class);
        datumWriter = new SpecificDatumWriter<>(ReportExtraction.getClassSchema(), model);
    }

    @Benchmark
    @OperationsPerInvocation(25) // ExtractCorpus.STEMS, checked in setUp
    public int encodeCorpus() throws IOException {
        int bytes = 0;
        for (final ReportExtraction e : extractions) {
            out.reset();
            encoder = EncoderFactory.get().binaryEncoder(out, encoder);
            datumWriter.write(e, encoder);
            encoder.flush();
            bytes += out.size();
        }
        return bytes;
    }
}
