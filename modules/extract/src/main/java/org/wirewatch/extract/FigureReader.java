package org.wirewatch.extract;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.wirewatch.extract.rules.CasualtyFact;
import org.wirewatch.schema.CasualtyFigure;
import org.wirewatch.schema.IncidentMention;

/**
 * Stage 4d: the casualty figures of an incident. The toll is the first total of the incident (headline or lead),
 * or an exact total close to it when the first was an approximation, with low/high over every credible total;
 * running totals and superseded figures never count; "another seven" adds to the figure before it. Stateless.
 */
final class FigureReader {

    private FigureReader() {}

    /** Killed, injured, civilians, children and abducted figures of a frame. */
    static void figures(Frame f, IncidentMention.Builder b) {
        Map<CasualtyFact.Role, List<Integer>> totals = new HashMap<>();
        // per total, whether the text gave it as an approximation ("nearly 70"): an exact figure may refine it
        Map<CasualtyFact.Role, List<Boolean>> approximate = new HashMap<>();
        Map<CasualtyFact.Role, Boolean> vague = new HashMap<>();
        Integer children = null;
        Integer civilians = null;
        boolean implicitKill = false;
        // the last figure of each role and its sentence: "Ten soldiers were killed and twelve others wounded.
        // About twenty assailants were also neutralised" adds the twenty to the ten across the injured figure
        Map<CasualtyFact.Role, CasualtyFact> previousOf = new java.util.EnumMap<>(CasualtyFact.Role.class);
        Map<CasualtyFact.Role, Integer> previousSentenceOf = new java.util.EnumMap<>(CasualtyFact.Role.class);
        CasualtyFact last = null;
        int lastSentence = -10;
        java.util.EnumSet<CasualtyFact.Role> current = java.util.EnumSet.noneOf(CasualtyFact.Role.class);
        for (SentenceInfo s : f.members) {
            if (!s.superseded && !s.cumulative) {
                s.facts.stream().filter(CasualtyFact::isTotal).forEach(x -> current.add(x.role()));
            }
        }
        for (SentenceInfo s : f.members) {
            if (s.cumulative) {
                continue;
            }
            for (CasualtyFact x : s.facts) {
                if (s.superseded && current.contains(x.role())) {
                    continue; // "had earlier put the toll at 10": a later figure replaces it
                }
                if (x.kind() == CasualtyFact.Kind.IMPLICIT) {
                    implicitKill = true;
                    continue;
                }
                if (x.vague()) {
                    if (x.isTotal()) {
                        vague.put(x.role(), true);
                    }
                    continue;
                }
                if (x.role() == CasualtyFact.Role.KILLED && x.group() != null) {
                    if (x.group().equals("children")) {
                        children = children == null ? x.value() : Math.max(children, x.value());
                    } else if (x.group().equals("civilians")) {
                        civilians = civilians == null ? x.value() : Math.max(civilians, x.value());
                    }
                }
                boolean chained = false;
                // within a sentence only the figure just before counts ("killed five ... and wounded 38 others"
                // are others than the dead); a new sentence adds to the last figure of its role
                CasualtyFact previous = lastSentence == s.sentence.index() ? last : previousOf.get(x.role());
                int previousSentence = lastSentence == s.sentence.index()
                        ? lastSentence
                        : previousSentenceOf.getOrDefault(x.role(), -10);
                if (x.additive()
                        && previous != null
                        && previous.role() == x.role()
                        && s.sentence.index() - previousSentence <= 1
                        && previous.value() != null) {
                    int sum = previous.value() + x.value();
                    List<Integer> list = totals.computeIfAbsent(x.role(), k -> new ArrayList<>());
                    if (previous.isTotal()
                            && !list.isEmpty()
                            && list.get(list.size() - 1).equals(previous.value())) {
                        list.remove(list.size() - 1); // "36 ... Another seven": the 36 was part of the 43
                        approximate.get(x.role()).remove(list.size());
                    }
                    list.add(sum);
                    approximate
                            .computeIfAbsent(x.role(), k -> new ArrayList<>())
                            .add(false);
                    last = new CasualtyFact(
                            x.role(), sum, false, CasualtyFact.Kind.TOTAL, null, x.from(), x.to(), false);
                    lastSentence = s.sentence.index();
                    previousOf.put(x.role(), last);
                    previousSentenceOf.put(x.role(), lastSentence);
                    chained = true;
                }
                if (chained) {
                    continue;
                }
                if (x.isTotal()) {
                    totals.computeIfAbsent(x.role(), k -> new ArrayList<>()).add(x.value());
                    approximate
                            .computeIfAbsent(x.role(), k -> new ArrayList<>())
                            .add(approximate(s, x));
                }
                if (x.isTotal() || x.group() == null) {
                    last = x;
                    lastSentence = s.sentence.index();
                    previousOf.put(x.role(), x);
                    previousSentenceOf.put(x.role(), lastSentence);
                }
            }
        }
        List<Integer> killed = totals.get(CasualtyFact.Role.KILLED);
        if (killed == null && implicitKill) {
            killed = List.of(1);
        }
        b.setKilled(figure(
                killed,
                approximate.get(CasualtyFact.Role.KILLED),
                vague.getOrDefault(CasualtyFact.Role.KILLED, false)));
        b.setInjured(figure(
                totals.get(CasualtyFact.Role.INJURED),
                approximate.get(CasualtyFact.Role.INJURED),
                vague.getOrDefault(CasualtyFact.Role.INJURED, false)));
        List<Integer> abducted = totals.get(CasualtyFact.Role.ABDUCTED);
        b.setAbducted(abducted == null ? null : abducted.get(0));
        b.setChildrenKilled(children);
        b.setCiviliansKilled(civilians);
    }

    /** Whether a figure is given as an approximation: "nearly 70", "about 40", "an estimated 300". */
    private static boolean approximate(SentenceInfo s, CasualtyFact x) {
        List<org.wirewatch.extract.text.Token> tokens = s.sentence.tokens();
        for (int k = x.from(); k < Math.min(x.to(), x.from() + 2); k++) {
            if (WordList.APPROXIMATION.contains(tokens.get(k).lower())) {
                return true;
            }
        }
        return false;
    }

    /**
     * The best figure is the first; when the first was an approximation ("nearly 70 killed" in the headline) and a
     * later one is exact and close to it ("69 people were killed" in the lead), the exact one: the headline
     * rounded it.
     */
    private static int best(List<Integer> values, List<Boolean> approximate) {
        int first = values.get(0);
        if (approximate == null || approximate.size() != values.size() || !approximate.get(0)) {
            return first;
        }
        for (int j = 1; j < values.size(); j++) {
            int v = values.get(j);
            if (!approximate.get(j) && Math.abs(v - first) <= Math.max(2, first / 10)) {
                return v;
            }
        }
        return first;
    }

    private static CasualtyFigure figure(List<Integer> values, List<Boolean> approximate, boolean vague) {
        if (values == null || values.isEmpty()) {
            // a vague count alone ("dozens") keeps no number: the analyst convention of the corpus
            return vague ? CasualtyFigure.newBuilder().setVague(true).build() : null;
        }
        int low = Integer.MAX_VALUE;
        int high = Integer.MIN_VALUE;
        for (int v : values) {
            low = Math.min(low, v);
            high = Math.max(high, v);
        }
        return CasualtyFigure.newBuilder()
                .setLow(low)
                .setBest(best(values, approximate))
                .setHigh(high)
                .setVague(false)
                .build();
    }
}
