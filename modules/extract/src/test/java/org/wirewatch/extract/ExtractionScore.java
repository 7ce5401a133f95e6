package org.wirewatch.extract;

import com.fasterxml.jackson.databind.JsonNode;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A Java port of the corpus scorer (shared eval/score.py, extraction part): greedy matching of predicted current
 * incidents to gold new incidents by country, date window and field agreement, then field accuracies, claim
 * recall and precision, and leaks of not-incident figures into incident tolls.
 */
final class ExtractionScore {

    private static final Set<String> STOP = Set.of(
            "the",
            "and",
            "for",
            "of",
            "forces",
            "force",
            "group",
            "led",
            "its",
            "unknown",
            "unidentified",
            "gunmen",
            "suspected");

    final Map<String, Double> metrics = new LinkedHashMap<>();
    final List<String> misses = new ArrayList<>();

    /** Scores predictions (plain JSON of ReportExtraction) keyed by stem against the gold of the same stems. */
    /** Extracts every report of a corpus folder with one extractor and scores the result against its gold. */
    static ExtractionScore ofCorpus(List<Corpus.Entry> entries) {
        Extractor extractor = Extractor.create();
        Map<String, JsonNode> gold = new LinkedHashMap<>();
        Map<String, JsonNode> predicted = new LinkedHashMap<>();
        for (Corpus.Entry e : entries) {
            gold.put(e.stem(), e.gold());
            try {
                predicted.put(
                        e.stem(),
                        Corpus.JSON.readTree(org.wirewatch.common.json.AvroJson.toJson(extractor.extract(e.report()))));
            } catch (java.io.IOException ex) {
                throw new IllegalStateException(ex);
            }
        }
        return score(gold, predicted);
    }

    static ExtractionScore score(Map<String, JsonNode> gold, Map<String, JsonNode> predicted) {
        ExtractionScore s = new ExtractionScore();
        s.run(gold, predicted);
        return s;
    }

    private void run(Map<String, JsonNode> gold, Map<String, JsonNode> predicted) {
        int tp = 0;
        int fp = 0;
        int fn = 0;
        int leaks = 0;
        Map<String, int[]> fields = new TreeMap<>();
        Map<String, int[]> claimsByKind = new LinkedHashMap<>();
        int claimsPred = 0;
        int claimsMatched = 0;
        for (Map.Entry<String, JsonNode> ge : gold.entrySet()) {
            String stem = ge.getKey();
            JsonNode g = ge.getValue();
            JsonNode p = predicted.get(stem);
            List<JsonNode> cur = new ArrayList<>();
            if (p != null) {
                for (JsonNode inc : p.path("incidents")) {
                    if (!"BACKGROUND".equalsIgnoreCase(inc.path("recency").asText("CURRENT"))) {
                        cur.add(inc);
                    }
                }
            }
            List<JsonNode> gnew = new ArrayList<>();
            for (JsonNode inc : g.path("incidents")) {
                if (inc.path("new").asBoolean(true)) {
                    gnew.add(inc);
                }
            }
            List<int[]> pairs = match(cur, gnew);
            Set<Integer> mp = new HashSet<>();
            Set<Integer> mg = new HashSet<>();
            for (int[] pr : pairs) {
                mp.add(pr[0]);
                mg.add(pr[1]);
            }
            tp += pairs.size();
            fp += cur.size() - mp.size();
            fn += gnew.size() - mg.size();
            for (int j = 0; j < gnew.size(); j++) {
                if (!mg.contains(j)) {
                    misses.add(stem + ": missed " + gnew.get(j).path("key").asText());
                }
            }
            for (int i = 0; i < cur.size(); i++) {
                if (!mp.contains(i)) {
                    misses.add(stem + ": spurious "
                            + cur.get(i).path("location").path("countryCode").asText() + " "
                            + cur.get(i).path("eventDate").asText() + " killed="
                            + fig(cur.get(i).get("killed"), "best"));
                }
            }
            for (int[] pr : pairs) {
                JsonNode pi = cur.get(pr[0]);
                JsonNode gi = gnew.get(pr[1]);
                JsonNode loc = pi.path("location");
                String key = gi.path("key").asText();
                check(
                        fields,
                        stem,
                        key,
                        "event_type",
                        norm(pi.path("eventType").asText())
                                .equals(norm(gi.path("event_type").asText())));
                check(
                        fields,
                        stem,
                        key,
                        "sub_event_type",
                        norm(pi.path("subEventType").asText())
                                .equals(norm(gi.path("sub_event_type").asText())));
                long dd = Math.abs(ChronoUnit.DAYS.between(date(pi.path("eventDate")), date(gi.path("date"))));
                check(
                        fields,
                        stem,
                        key,
                        "date",
                        dd <= gi.path("date_tolerance_days").asInt(0));
                if (!gi.path("admin1").isNull() && !gi.path("admin1").isMissingNode()) {
                    check(
                            fields,
                            stem,
                            key,
                            "admin1",
                            norm(loc.path("admin1Code").asText(""))
                                    .equals(norm(gi.path("admin1").asText())));
                }
                if (gi.path("place").size() > 0) {
                    check(fields, stem, key, "place", placeOk(loc.path("place").asText(""), gi.path("place")));
                }
                Boolean actor = actorOk(
                        pi.path("actor").path("name").asText(""),
                        gi.path("actor").asText(""));
                if (actor != null) {
                    check(fields, stem, key, "actor", actor);
                }
                check(fields, stem, key, "killed", inRange(fig(pi.get("killed"), "best"), gi.get("killed")));
                check(fields, stem, key, "injured", inRange(fig(pi.get("injured"), "best"), gi.get("injured")));
                if (gi.hasNonNull("children_killed")) {
                    check(
                            fields,
                            stem,
                            key,
                            "children_killed",
                            eq(
                                    fig(pi.get("childrenKilled"), "best"),
                                    gi.get("children_killed").asInt()));
                }
                if (gi.hasNonNull("civilians_killed")) {
                    check(
                            fields,
                            stem,
                            key,
                            "civilians_killed",
                            eq(
                                    fig(pi.get("civiliansKilled"), "best"),
                                    gi.get("civilians_killed").asInt()));
                }
            }
            Set<Integer> bad = new HashSet<>();
            for (JsonNode b : g.path("not_incident_figures")) {
                bad.add(b.asInt());
            }
            for (JsonNode gi : g.path("incidents")) {
                JsonNode k = gi.get("killed");
                if (k != null && !k.isNull()) {
                    bad.removeIf(
                            b -> k.get("min").asInt() <= b && b <= k.get("max").asInt());
                }
            }
            for (JsonNode pi : cur) {
                Set<Integer> vals = new HashSet<>();
                for (String w : new String[] {"low", "best", "high"}) {
                    Integer v = fig(pi.get("killed"), w);
                    if (v != null) {
                        vals.add(v);
                    }
                }
                vals.retainAll(bad);
                if (!vals.isEmpty()) {
                    leaks++;
                    misses.add(stem + ": leaked figure " + vals + " as an incident toll");
                }
            }
            // claims
            List<JsonNode> pclaims = new ArrayList<>();
            if (p != null) {
                p.path("claims").forEach(pclaims::add);
            }
            Set<Integer> used = new HashSet<>();
            Map<String, String> mentionToGold = new HashMap<>();
            for (int[] pr : pairs) {
                String mid = cur.get(pr[0]).path("mentionId").asText(null);
                if (mid != null) {
                    mentionToGold.put(mid, gnew.get(pr[1]).path("key").asText());
                }
            }
            for (JsonNode gc : g.path("claims")) {
                String kind = gc.path("kind").asText().toLowerCase(Locale.ROOT);
                int[] c = claimsByKind.computeIfAbsent(kind, x -> new int[2]);
                c[0]++;
                boolean found = false;
                for (int k = 0; k < pclaims.size(); k++) {
                    JsonNode pc = pclaims.get(k);
                    if (used.contains(k)
                            || !pc.path("kind")
                                    .asText()
                                    .toLowerCase(Locale.ROOT)
                                    .equals(kind)) {
                        continue;
                    }
                    String name = pc.path("source").path("name").asText("");
                    String speaker = pc.path("speaker").asText("");
                    boolean src = false;
                    for (JsonNode a : gc.path("source")) {
                        if (sameSource(a.asText(), name) || (!speaker.isEmpty() && sameSource(a.asText(), speaker))) {
                            src = true;
                        }
                    }
                    if (!src) {
                        continue;
                    }
                    if ((kind.equals("figure") || kind.equals("cumulative"))
                            && gc.hasNonNull("killed")
                            && !eq(
                                    fig(pc.get("killed"), "best"),
                                    gc.get("killed").asInt())) {
                        continue;
                    }
                    String linked = mentionToGold.get(pc.path("mentionId").asText(null));
                    if (gc.hasNonNull("incident")
                            && linked != null
                            && !linked.equals(gc.get("incident").asText())) {
                        continue;
                    }
                    used.add(k);
                    found = true;
                    break;
                }
                if (found) {
                    c[1]++;
                } else {
                    misses.add(stem + ": missed claim " + kind + " by "
                            + gc.path("source").get(0).asText());
                }
            }
            for (int k = 0; k < pclaims.size(); k++) {
                if (!used.contains(k)) {
                    misses.add(stem + ": extra claim "
                            + pclaims.get(k).path("kind").asText() + " by "
                            + pclaims.get(k).path("source").path("name").asText() + " killed="
                            + pclaims.get(k).path("killed").asText());
                }
            }
            claimsPred += pclaims.size();
            claimsMatched += used.size();
        }
        double pr = tp + fp == 0 ? 0 : (double) tp / (tp + fp);
        double rc = tp + fn == 0 ? 0 : (double) tp / (tp + fn);
        metrics.put("incident_precision", pr);
        metrics.put("incident_recall", rc);
        metrics.put("incident_f1", pr + rc == 0 ? 0 : 2 * pr * rc / (pr + rc));
        for (Map.Entry<String, int[]> f : fields.entrySet()) {
            metrics.put(f.getKey() + "_accuracy", (double) f.getValue()[1] / f.getValue()[0]);
        }
        int goldClaims = 0;
        int foundClaims = 0;
        for (Map.Entry<String, int[]> c : claimsByKind.entrySet()) {
            metrics.put("claims_" + c.getKey() + "_recall", (double) c.getValue()[1] / c.getValue()[0]);
            goldClaims += c.getValue()[0];
            foundClaims += c.getValue()[1];
        }
        metrics.put("claims_recall", goldClaims == 0 ? 0 : (double) foundClaims / goldClaims);
        metrics.put("claims_precision", claimsPred == 0 ? 0 : (double) claimsMatched / claimsPred);
        metrics.put("leaks", (double) leaks);
        metrics.put("tp", (double) tp);
        metrics.put("fp", (double) fp);
        metrics.put("fn", (double) fn);
    }

    private void check(Map<String, int[]> fields, String stem, String key, String name, boolean ok) {
        int[] c = fields.computeIfAbsent(name, x -> new int[2]);
        c[0]++;
        if (ok) {
            c[1]++;
        } else {
            misses.add(stem + ": " + key + " wrong " + name);
        }
    }

    private static List<int[]> match(List<JsonNode> preds, List<JsonNode> golds) {
        List<double[]> pairs = new ArrayList<>();
        for (int i = 0; i < preds.size(); i++) {
            for (int j = 0; j < golds.size(); j++) {
                Double s = candidate(preds.get(i), golds.get(j));
                if (s != null) {
                    pairs.add(new double[] {s, i, j});
                }
            }
        }
        // python sorts (score, i, j) tuples in reverse
        pairs.sort((a, b) -> {
            for (int k = 0; k < 3; k++) {
                int c = Double.compare(b[k], a[k]);
                if (c != 0) {
                    return c;
                }
            }
            return 0;
        });
        Set<Integer> up = new HashSet<>();
        Set<Integer> ug = new HashSet<>();
        List<int[]> out = new ArrayList<>();
        for (double[] p : pairs) {
            int i = (int) p[1];
            int j = (int) p[2];
            if (up.contains(i) || ug.contains(j)) {
                continue;
            }
            up.add(i);
            ug.add(j);
            out.add(new int[] {i, j});
        }
        return out;
    }

    private static Double candidate(JsonNode p, JsonNode g) {
        JsonNode loc = p.path("location");
        if (!norm(loc.path("countryCode").asText(""))
                .equals(norm(g.path("country").asText("")))) {
            return null;
        }
        LocalDate pd = date(p.path("eventDate"));
        LocalDate gd = date(g.path("date"));
        int tol = g.path("date_tolerance_days").asInt(0) + 1;
        if (pd == null || Math.abs(ChronoUnit.DAYS.between(gd, pd)) > tol) {
            return null;
        }
        double s = 1;
        if (g.hasNonNull("admin1")
                && norm(loc.path("admin1Code").asText(""))
                        .equals(norm(g.get("admin1").asText()))) {
            s += 2;
        }
        if (norm(p.path("subEventType").asText(""))
                .equals(norm(g.path("sub_event_type").asText("")))) {
            s += 1;
        }
        if (g.hasNonNull("killed") && inRange(fig(p.get("killed"), "best"), g.get("killed"))) {
            s += 2;
        }
        if (g.path("place").size() > 0 && placeOk(loc.path("place").asText(""), g.get("place"))) {
            s += 1;
        }
        return s;
    }

    static LocalDate date(JsonNode n) {
        if (n == null || n.isNull() || n.isMissingNode()) {
            return null;
        }
        String s = n.asText();
        return LocalDate.parse(s.length() > 10 ? s.substring(0, 10) : s);
    }

    static Integer fig(JsonNode v, String which) {
        if (v == null || v.isNull() || v.isMissingNode()) {
            return null;
        }
        if (v.isNumber()) {
            return v.asInt();
        }
        JsonNode x = v.get(which);
        if ((x == null || x.isNull()) && which.equals("best")) {
            for (String k : new String[] {"low", "high"}) {
                if (v.hasNonNull(k)) {
                    return v.get(k).asInt();
                }
            }
            return null;
        }
        return x == null || x.isNull() ? null : x.asInt();
    }

    private static boolean eq(Integer a, int b) {
        return a != null && a == b;
    }

    private static boolean inRange(Integer value, JsonNode range) {
        if (range == null || range.isNull()) {
            return value == null;
        }
        return value != null
                && range.get("min").asInt() <= value
                && value <= range.get("max").asInt();
    }

    static String norm(String s) {
        if (s == null) {
            return "";
        }
        String d = Normalizer.normalize(s, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        return d.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "");
    }

    private static String tokens(String s) {
        String d =
                Normalizer.normalize(s == null ? "" : s, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        return String.join(" ", d.toLowerCase(Locale.ROOT).split("[^a-z0-9]+")).strip();
    }

    static boolean sameSource(String alias, String name) {
        String a = tokens(alias);
        String n = tokens(name);
        return !a.isEmpty()
                && !n.isEmpty()
                && ((" " + n + " ").contains(" " + a + " ") || (" " + a + " ").contains(" " + n + " "));
    }

    private static boolean placeOk(String pred, JsonNode gold) {
        String p = norm(pred);
        if (p.isEmpty()) {
            return false;
        }
        for (JsonNode g : gold) {
            String gn = norm(g.asText());
            if (p.equals(gn) || (p.length() > 3 && (gn.contains(p) || p.contains(gn)))) {
                return true;
            }
        }
        return false;
    }

    private static Set<String> words(String s) {
        Set<String> out = new HashSet<>();
        String d = Normalizer.normalize(s == null ? "" : s, Normalizer.Form.NFKD);
        for (String w : d.toLowerCase(Locale.ROOT).split("[^a-z0-9]+")) {
            if (w.length() >= 2 && !STOP.contains(w)) {
                out.add(w);
            }
        }
        return out;
    }

    private static Boolean actorOk(String pred, String gold) {
        if (gold == null || gold.isEmpty() || gold.equals("null")) {
            return null;
        }
        Set<String> gw = words(gold);
        if (gw.isEmpty()) {
            return null;
        }
        Set<String> pw = words(pred);
        pw.retainAll(gw);
        return !pw.isEmpty();
    }
}
