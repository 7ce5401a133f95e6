package org.wirewatch.bench.extract;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.wirewatch.extract.Extractor;
import org.wirewatch.schema.WireReport;

/**
 * Single-thread extraction throughput over the 25 development-corpus reports (target: at least 5,000 reports/s per
 * core after warm-up). One operation is one report: the score is reports per second.
 *
 * <p>Run: {@code ./mvnw -q -o -pl modules/bench package -DskipTests} then
 * {@code java -cp "modules/bench/target/classes:$(cat cp.txt)" org.openjdk.jmh.Main ExtractorBenchmark}, with
 * cp.txt from {@code ./mvnw -q -o -pl modules/bench dependency:build-classpath -Dmdep.outputFile=cp.txt}.
 * The forked JVM runs with a 256 MiB heap, the memory budget of the extractor with its lexicons and gazetteer.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
// The forked JVM trusts the project's Avro classes as every launcher does (the extractor copies records with Avro's
// builders, which check the class against that list).
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xmx256m", "-Xms256m", "-Dorg.apache.avro.SERIALIZABLE_PACKAGES=org.wirewatch"})
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
public class ExtractorBenchmark {

    private Extractor extractor;
    private List<WireReport> reports;

    @Setup
    public void setUp() {
        extractor = Extractor.create();
        reports = ExtractCorpus.load();
        if (reports.size() != ExtractCorpus.STEMS.length) {
            throw new IllegalStateException(
                    "expected " + ExtractCorpus.STEMS.length + " reports, got " + reports.size());
        }
    }

    @Benchmark
    @OperationsPerInvocation(25)
    public void extractCorpus(Blackhole hole) {
        for (WireReport r : reports) {
            hole.consume(extractor.extract(r));
        }
    }
}
