package org.wirewatch.bench.geo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
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
import org.wirewatch.extract.geo.Gazetteer;
import org.wirewatch.extract.lexicon.Actors;
import org.wirewatch.extract.lexicon.Sources;
import org.wirewatch.extract.lexicon.Tokens;
import org.wirewatch.formats.ParseResult;
import org.wirewatch.formats.ReportParser;
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
@Fork(value = 1, jvmArgsAppend = {"-Xmx256m", "-Xms256m"})
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
public class GazetteerBenchmark {

    private static final String[] STEMS = {
        "000_sy_abuhusn_afp", "001_pk_quetta_blast_thenews", "002_pk_quetta_blast_ndtv",
        "003_af_laghman_bombing_dpa_v1", "004_af_laghman_bombing_dpa_v2", "005_ng_rann_airstrike",
        "006_sy_zardana_airstrikes_reuters", "007_ua_kramatorsk_station_reuters", "008_af_kohistan_farah_dpa",
        "009_so_hilowle_gaab_anadolu", "010_ml_gourma_rharous_afp", "011_ye_aljawf_airstrikes",
        "012_ye_mawza_airstrike", "013_ng_njaba_attack_xinhua", "014_iq_jurf_al_sakhar_retaken",
        "015_iq_balad_rockets_reuters", "016_sd_el_fasher_shelling_2024", "017_sd_el_fasher_shelter_2025",
        "018_so_afgoi_raid_reuters", "019_ml_bamba_camp_attack_afp", "020_pk_datta_khel_drone_nyt",
        "021_ua_donetsk_shelling_efe", "022_ye_prisoner_swap_reuters", "023_sd_juba_peace_deal_reuters",
        "024_sy_shadadi_captured_reuters"};

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
        ReportParser parser = new ReportParser();
        for (String stem : STEMS) {
            // The corpus is bundled once, next to the extractor benchmark.
            String name = "/org/wirewatch/bench/extract/corpus/" + stem + ".json";
            try (InputStream in = GazetteerBenchmark.class.getResourceAsStream(name)) {
                if (in == null) {
                    throw new IllegalStateException("missing corpus resource " + name);
                }
                ParseResult r = parser.parse(in.readAllBytes(), stem + ".json");
                if (!r.accepted()) {
                    throw new IllegalStateException(stem + ": " + ((ParseResult.Rejection) r).reason());
                }
                for (WireReport w : r.reports()) {
                    texts.add(w.getHeadline() + "\n\n" + w.getBody());
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (texts.size() != STEMS.length) {
            throw new IllegalStateException("expected " + STEMS.length + " texts, got " + texts.size());
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
