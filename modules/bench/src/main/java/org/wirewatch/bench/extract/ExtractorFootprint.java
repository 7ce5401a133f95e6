package org.wirewatch.bench.extract;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.List;
import org.wirewatch.extract.Extractor;
import org.wirewatch.schema.WireReport;

/**
 * Measures the heap the extractor keeps with its lexicons and gazetteer loaded: heap in use after a full GC
 * before and after {@link Extractor#create()} and a pass over the corpus. Run it with {@code -Xmx256m} to show
 * the extractor works within the 256 MiB budget:
 * {@code java -Xmx256m -cp "modules/bench/target/classes:$(cat cp.txt)" org.wirewatch.bench.extract.ExtractorFootprint}.
 */
public final class ExtractorFootprint {

    private ExtractorFootprint() {}

    public static void main(String[] args) {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        List<WireReport> reports = ExtractCorpus.load();
        long before = settledHeap(memory);
        long start = System.nanoTime();
        Extractor extractor = Extractor.create();
        long loadMillis = (System.nanoTime() - start) / 1_000_000;
        int incidents = 0;
        for (int round = 0; round < 200; round++) {
            for (WireReport r : reports) {
                incidents += extractor.extract(r).getIncidents().size();
            }
        }
        // CPU time of this thread, so that a busy machine does not count other processes' time
        java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpu = threads.getCurrentThreadCpuTime();
        long wall = System.nanoTime();
        int rounds = 400;
        for (int round = 0; round < rounds; round++) {
            for (WireReport r : reports) {
                incidents += extractor.extract(r).getIncidents().size();
            }
        }
        double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpu) / 1e9;
        double wallSeconds = (System.nanoTime() - wall) / 1e9;
        System.out.printf(
                "throughput after warm-up: %.0f reports per CPU-second (%.0f per wall-second), %.0f us CPU"
                        + " per report%n",
                rounds * reports.size() / cpuSeconds,
                rounds * reports.size() / wallSeconds,
                cpuSeconds * 1e6 / (rounds * reports.size()));
        long after = settledHeap(memory);
        long max = Runtime.getRuntime().maxMemory();
        System.out.printf(
                "extractor retained heap: %.1f MiB (heap in use %.1f MiB of max %.1f MiB), "
                        + "load %d ms, %d incident mentions over %d extractions%n",
                (after - before) / 1048576.0,
                after / 1048576.0,
                max / 1048576.0,
                loadMillis,
                incidents,
                600 * reports.size());
        // keep the extractor reachable until after the measurement
        System.out.println(extractor.getClass().getSimpleName() + " ok");
    }

    private static long settledHeap(MemoryMXBean memory) {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
        }
        return used;
    }
}
