package org.wirewatch.bench.geo;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
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
import org.wirewatch.bench.extract.ExtractCorpus;
import org.wirewatch.extract.geo.Gazetteer;
import org.wirewatch.extract.lexicon.Actors;
import org.wirewatch.extract.lexicon.Sources;
import org.wirewatch.extract.lexicon.Tokens;
import org.wirewatch.schema.WireReport;

/**
 * Single-thread cost of the gazetteer and the actor/source lexicons over the 25 development-corpus reports
 * (headline + body). One operation is one report: scores are reports per second.
 *
 * <p>Run: {@code ./mvnw -q -o -pl modules/bench package -DskipTests} then
 * {@code java -cp "modules/bench/target/classes:$(cat cp.txt)" org.openjdk.jmh.Main GazetteerBenchmark}, with
 * cp.txt from {@code ./mvnw -q -o -pl modules/bench dependency:build-classpath -Dmdep.outputFile=cp.txt}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xmx256m", "-Xms256m"})
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
public class GazetteerBenchmark {

    private Gazetteer gazetteer;
    private Actors actors;
    private Sources sources;
    private List<String> texts;

    @Setup
    public void setUp() {
        gazetteer = Gazetteer.load();
        actors = Actors.load();
        sources = Sources.load();
        texts = new ArrayList<>();
        for (WireReport w : ExtractCorpus.load()) {
            texts.add(w.getHeadline() + "\n\n" + w.getBody());
        }
    }

    @Benchmark
    @OperationsPerInvocation(25)
    public void gazetteerFind(Blackhole hole) {
        for (String t : texts) {
            hole.consume(gazetteer.find(t, Set.of()));
        }
    }

    @Benchmark
    @OperationsPerInvocation(25)
    public void actorsAndSourcesFind(Blackhole hole) {
        for (String t : texts) {
            Tokens tokens = Tokens.of(t);
            hole.consume(actors.find(tokens, "SY"));
            hole.consume(sources.find(tokens, "SY"));
        }
    }
}
