package org.wirewatch.streams.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.wirewatch.schema.CasualtyTally;
import org.wirewatch.schema.TallyWindow;

/**
 * The tally half of {@code eval/score.py}, in Java: per region, the sum of the P1D windows against the gold range
 * over the unique new incidents of each story's latest version.
 */
public final class TallyScorer {

    /** What score.py prints for tallies, plus the misses it lists. */
    public record Score(double regionsExact, double absErrorShare, int extraIncidents, List<String> misses) {}

    private static final ObjectMapper JSON = new ObjectMapper();

    private TallyScorer() {}

    public static Score score(final Path goldFolder, final Collection<CasualtyTally> tallies) {
        final Map<String, int[]> pred = new TreeMap<>();
        for (final CasualtyTally t : tallies) {
            if (t.getWindow() != TallyWindow.P1D) {
                continue;
            }
            final int[] p = pred.computeIfAbsent(t.getRegionCode(), k -> new int[2]);
            final Integer best = t.getKilled().getBest() != null
                    ? t.getKilled().getBest()
                    : t.getKilled().getLow() != null
                            ? t.getKilled().getLow()
                            : t.getKilled().getHigh();
            p[0] += best == null ? 0 : best;
            p[1] += t.getIncidents();
        }
        final Map<String, int[]> totals = goldTotals(goldFolder);
        int ok = 0;
        long err = 0;
        int dup = 0;
        final List<String> misses = new ArrayList<>();
        for (final Map.Entry<String, int[]> e : totals.entrySet()) {
            final int[] got = pred.getOrDefault(e.getKey(), new int[2]);
            final int lo = e.getValue()[0];
            final int hi = e.getValue()[1];
            if (lo <= got[0] && got[0] <= hi) {
                ok++;
            } else {
                err += Math.min(Math.abs(got[0] - lo), Math.abs(got[0] - hi));
                misses.add(e.getKey() + ": tally " + got[0] + ", gold " + lo + ".." + hi);
            }
            dup += Math.max(0, got[1] - e.getValue()[2]);
        }
        for (final Map.Entry<String, int[]> e : pred.entrySet()) {
            if (!totals.containsKey(e.getKey()) && e.getValue()[0] > 0) {
                misses.add(e.getKey() + ": tally " + e.getValue()[0] + " for a region with no gold incident");
                err += e.getValue()[0];
            }
        }
        final int goldSum =
                Math.max(1, totals.values().stream().mapToInt(v -> v[1]).sum());
        return new Score(totals.isEmpty() ? 0 : (double) ok / totals.size(), (double) err / goldSum, dup, misses);
    }

    /** Per region: {min, max, incident count} over unique new incidents of the latest version of each story. */
    static Map<String, int[]> goldTotals(final Path folder) {
        final Map<String, JsonNode[]> latest = new HashMap<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (final Path f : files.sorted().toList()) {
                final String name = f.getFileName().toString();
                if (!name.endsWith(".gold.json")) {
                    continue;
                }
                final JsonNode gold = JSON.readTree(f.toFile());
                final JsonNode report = JSON.readTree(
                        folder.resolve(name.replace(".gold.json", ".json")).toFile());
                final String uri = gold.path("uri").asText();
                final int version = Integer.parseInt(gold.path("version").asText());
                final JsonNode[] prev = latest.get(uri);
                if (prev == null
                        || version > Integer.parseInt(prev[0].path("version").asText())) {
                    latest.put(uri, new JsonNode[] {gold, report});
                }
            }
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
        final Map<String, Map<String, Object>> incidents = new LinkedHashMap<>();
        latest.keySet().stream().sorted().forEach(uri -> {
            final JsonNode gold = latest.get(uri)[0];
            final JsonNode report = latest.get(uri)[1];
            if ("canceled".equalsIgnoreCase(report.path("pubstatus").asText("usable"))) {
                return;
            }
            for (final JsonNode inc : gold.path("incidents")) {
                if (!inc.path("new").asBoolean(true)) {
                    continue;
                }
                final String key = inc.path("key").asText();
                final Map<String, Object> prev = incidents.get(key);
                final JsonNode k = inc.path("killed");
                if (prev == null) {
                    final Map<String, Object> m = new HashMap<>();
                    m.put("country", inc.path("country").asText());
                    m.put(
                            "admin1",
                            inc.path("admin1").isNull()
                                    ? null
                                    : inc.path("admin1").asText(null));
                    m.put(
                            "killed",
                            k.isObject()
                                    ? new int[] {
                                        k.path("min").asInt(), k.path("max").asInt()
                                    }
                                    : null);
                    incidents.put(key, m);
                } else if (k.isObject()) {
                    final int[] pk = (int[]) prev.get("killed");
                    prev.put(
                            "killed",
                            pk == null
                                    ? new int[] {
                                        k.path("min").asInt(), k.path("max").asInt()
                                    }
                                    : new int[] {
                                        Math.min(pk[0], k.path("min").asInt()),
                                        Math.max(pk[1], k.path("max").asInt())
                                    });
                }
            }
        });
        final Map<String, int[]> totals = new TreeMap<>();
        for (final Map<String, Object> inc : incidents.values()) {
            final int[] k = inc.get("killed") == null ? new int[2] : (int[]) inc.get("killed");
            for (final Object region : new Object[] {inc.get("country"), inc.get("admin1")}) {
                if (region == null || region.toString().isEmpty()) {
                    continue;
                }
                final int[] t = totals.computeIfAbsent(region.toString(), r -> new int[3]);
                t[0] += k[0];
                t[1] += k[1];
                t[2] += 1;
            }
        }
        return totals;
    }
}
