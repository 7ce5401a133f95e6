package org.wirewatch.extract.geo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.wirewatch.extract.lexicon.Actors;
import org.wirewatch.extract.lexicon.Sources;

/**
 * Measures what the gazetteer and the lexicons cost: load time, heap retained after load, and single-thread
 * time of {@code find} over report texts (headline + body of every ninjs file in a folder). A measuring
 * tool run by hand, not a test:
 *
 * <pre>
 * java -Xmx256m -cp target/classes:target/test-classes:$(cat cp.txt) org.wirewatch.extract.geo.GeoFootprint \
 *     src/test/resources/corpus/dev
 * </pre>
 */
public final class GeoFootprint {

    private GeoFootprint() {}

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "src/test/resources/corpus/dev");
        List<String> texts = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.sorted().toList()) {
                String name = p.getFileName().toString();
                if (name.endsWith(".json") && !name.endsWith(".gold.json")) {
                    JsonNode n = json.readTree(p.toFile());
                    texts.add(n.path("headline").asText("") + "\n\n"
                            + n.path("body_text").asText(""));
                }
            }
        }
        long heapBefore = usedHeap();
        long t0 = cpu();
        Gazetteer gazetteer = Gazetteer.load();
        long t1 = cpu();
        Actors actors = Actors.load();
        Sources sources = Sources.load();
        long t2 = cpu();
        long heapAfter = usedHeap();
        System.out.printf(
                "gazetteer: %,d entries, %,d names, loaded in %d ms CPU; lexicons in %d ms CPU%n",
                gazetteer.entryCount(), gazetteer.nameCount(), (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000);
        System.out.printf(
                "heap retained by gazetteer + lexicons: %.1f MiB (max heap %d MiB)%n",
                (heapAfter - heapBefore) / 1048576.0, Runtime.getRuntime().maxMemory() >> 20);

        long chars = texts.stream().mapToLong(String::length).sum();
        System.out.printf("texts: %d, mean %d chars%n", texts.size(), chars / Math.max(1, texts.size()));
        int sink = 0;
        // Warm-up, then timed rounds; the best round is reported (least disturbed by the shared machine).
        // Thread CPU time is used, not wall time, so that other processes on a busy machine do not count.
        for (int i = 0; i < 2_000; i++) {
            for (String t : texts) {
                sink += gazetteer.find(t).size();
            }
        }
        double bestGeo = Double.MAX_VALUE;
        double bestLex = Double.MAX_VALUE;
        for (int round = 0; round < 5; round++) {
            int reps = 400;
            long s = cpu();
            for (int i = 0; i < reps; i++) {
                for (String t : texts) {
                    sink += gazetteer.find(t).size();
                }
            }
            long m = cpu();
            for (int i = 0; i < reps; i++) {
                for (String t : texts) {
                    sink += actors.find(t, "SY").size() + sources.find(t, "SY").size();
                }
            }
            long e = cpu();
            bestGeo = Math.min(bestGeo, (m - s) / 1000.0 / (reps * texts.size()));
            bestLex = Math.min(bestLex, (e - m) / 1000.0 / (reps * texts.size()));
        }
        System.out.printf(
                "Gazetteer.find: %.1f µs per report of CPU (%,.0f reports/s, one thread)%n", bestGeo, 1e6 / bestGeo);
        System.out.printf(
                "Actors.find + Sources.find: %.1f µs per report of CPU (%,.0f reports/s, one thread)%n",
                bestLex, 1e6 / bestLex);
        System.out.println("(checksum " + sink + ")");
    }

    private static long cpu() {
        return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    private static long usedHeap() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
