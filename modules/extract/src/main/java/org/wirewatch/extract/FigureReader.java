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
        figures(f, b, List.of());
    }

    /**
     * Killed, injured, civilians, children and abducted figures of a frame; {@code elsewhere} holds the tolls of
     * the report's other incidents, which a first toll of the main incident may add up with its own later parts:
     * each as {best, best and highest together} (an incident whose sentences also give another place's toll, "four
     * killed in Baghdad ... and 12 died in Najaf", adds both).
     */
    static void figures(Frame f, IncidentMention.Builder b, List<int[]> elsewhere) {
        Map<CasualtyFact.Role, List<Integer>> totals = new HashMap<>();
        // per total, whether the text gave it as an approximation ("nearly 70"): an exact figure may refine it
        Map<CasualtyFact.Role, List<Boolean>> approximate = new HashMap<>();
        Map<CasualtyFact.Role, Boolean> vague = new HashMap<>();
        Integer children = null;
        Integer civilians = null;
        boolean implicitKill = false;
        boolean firstIsSum = false;
        // the last figure of each role and its sentence: "Ten soldiers were killed and twelve others wounded.
        // About twenty assailants were also neutralised" adds the twenty to the ten across the injured figure
        Map<CasualtyFact.Role, CasualtyFact> previousOf = new java.util.EnumMap<>(CasualtyFact.Role.class);
        Map<CasualtyFact.Role, Integer> previousSentenceOf = new java.util.EnumMap<>(CasualtyFact.Role.class);
        CasualtyFact last = null;
        int lastSentence = -10;
        // the sentence of each killed total, in the order of totals.get(KILLED)
        List<SentenceInfo> killedFrom = new ArrayList<>();
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
                if (x.isTotal()
                        && (spreadOverEvents(s, x) || rejected(s, x) || earlierFigure(s, x) || partOfSum(s, x))) {
                    continue;
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
                    if (x.role() == CasualtyFact.Role.KILLED) {
                        while (killedFrom.size() >= list.size()) {
                            killedFrom.remove(killedFrom.size() - 1);
                        }
                        killedFrom.add(s);
                    }
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
                    List<Integer> list = totals.computeIfAbsent(x.role(), k -> new ArrayList<>());
                    if (x.role() == CasualtyFact.Role.KILLED
                            && !list.isEmpty()
                            && list.stream().allMatch(list.get(0)::equals)
                            && sumOf(s, x, list.get(0))) {
                        // "23 soldiers killed" in the headline, then "23 soldiers were killed and all six attackers
                        // died": the first toll counted one side, the sum counts every dead of the incident
                        list.add(0, x.value());
                        firstIsSum = true;
                        killedFrom.add(0, s);
                        approximate.get(x.role()).add(0, approximate(s, x));
                        last = x;
                        lastSentence = s.sentence.index();
                        previousOf.put(x.role(), x);
                        previousSentenceOf.put(x.role(), lastSentence);
                        continue;
                    }
                    list.add(x.value());
                    if (x.role() == CasualtyFact.Role.KILLED) {
                        killedFrom.add(s);
                    }
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
        List<Integer> killed = withoutAggregate(
                totals.get(CasualtyFact.Role.KILLED),
                killedFrom,
                f,
                // a toll that sums two parts of one clause is that event's own, whatever the others add up to
                f.main && !firstIsSum ? elsewhere : List.of());
        if (killed == null && implicitKill) {
            killed = List.of(1);
        }
        if (killed == null && saysNoToll(f)) {
            killed = List.of(0); // "The second struck a forest, so there were no casualties"
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

    /**
     * Whether a sentence of the incident says it cost no lives: "no" right before a `NO_TOLL` noun ("there were no
     * casualties", "no deaths were reported"). Read only for an incident with no toll of its own.
     */
    private static boolean saysNoToll(Frame f) {
        for (SentenceInfo s : f.members) {
            List<org.wirewatch.extract.text.Token> tokens = s.sentence.tokens();
            for (int k = 0; k + 1 < tokens.size(); k++) {
                if (tokens.get(k).is("no")
                        && WordList.NO_TOLL.contains(tokens.get(k + 1).lower())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether a total sums the two counts inside its span, one of which is the given earlier toll. */
    private static boolean sumOf(SentenceInfo s, CasualtyFact total, int earlier) {
        int sum = 0;
        int parts = 0;
        boolean hasEarlier = false;
        for (CasualtyFact p : s.facts) {
            if (p != total && inside(p, total)) {
                sum += p.value();
                parts++;
                hasEarlier |= p.value() == earlier;
            }
        }
        return parts == 2 && sum == total.value() && hasEarlier;
    }

    /** "23 soldiers were killed and six attackers died": the 23 is a part of the sum that spans it, not a toll. */
    private static boolean partOfSum(SentenceInfo s, CasualtyFact x) {
        for (CasualtyFact t : s.facts) {
            if (t != x && t.isTotal() && inside(x, t) && t.to() - t.from() > x.to() - x.from()) {
                return true;
            }
        }
        return false;
    }

    /** Whether a figure of the same role lies within the span of another (a part of the sum it spans). */
    private static boolean inside(CasualtyFact part, CasualtyFact total) {
        return part.role() == total.role()
                && part.value() != null
                && part.from() >= total.from()
                && part.to() <= total.to();
    }

    /**
     * "Security forces killed 45 protesters" then "29 in Nassiriya", "four in Baghdad", "12 in Najaf": a first
     * toll that is the sum of two or more later ones, given in sentences that name places (at least two different
     * ones), adds up several places' events. It is no event's toll: the incident keeps its first part. Parts
     * without places ("seven died at the scene, five in hospital") leave the toll alone.
     */
    static List<Integer> withoutAggregate(
            List<Integer> values, List<SentenceInfo> from, Frame f, List<int[]> elsewhere) {
        if (values == null || from.size() != values.size() || values.size() + elsewhere.size() < 3) {
            return values;
        }
        int aggregate = values.get(0);
        if (!elsewhere.isEmpty()) {
            // "31 protesters shot dead", then "In Mandalay, ... killing 18" (an incident of its own), "nine died in
            // Yangon and four in Monywa": the main incident's places and the other incidents add up to the first toll
            int sum = 0;
            boolean placed = true;
            Integer firstPart = null;
            int parts = elsewhere.size();
            for (int k = 1; k < values.size(); k++) {
                if (values.get(k) == aggregate) {
                    continue; // the lead restating the headline's toll
                }
                firstPart = firstPart == null ? values.get(k) : firstPart;
                parts++;
                sum += values.get(k);
                placed &= !from.get(k).places.isEmpty();
            }
            int bests = sum;
            int wides = sum;
            for (int[] v : elsewhere) {
                bests += v[0];
                wides += v[1];
            }
            // two parts at least: one other incident of the same toll is the same dead told twice
            if (placed && parts >= 2 && (bests == aggregate || wides == aggregate)) {
                return firstPart == null ? null : List.of(firstPart);
            }
            // "Renewed clashes kill at least 24": 22 at the first town, then 2 in a second raid (an incident of its
            // own), with rival figures besides: one later figure of the incident and the other incidents add up to it
            int others = 0;
            for (int[] v : elsewhere) {
                others += v[0];
            }
            for (int k = 1; k < values.size(); k++) {
                int v = values.get(k);
                // the part names its place, as the other incidents do ("all five attackers were killed" is no part)
                if (v < aggregate && v + others == aggregate && placedPart(f, from.get(k))) {
                    return List.of(v);
                }
            }
        }
        if (values.size() < 3) {
            return values;
        }
        for (int start = 1; start < values.size(); start++) {
            int sum = 0;
            java.util.Set<String> places = new java.util.HashSet<>();
            boolean placed = true;
            for (int end = start; end < values.size() && sum < aggregate; end++) {
                int v = values.get(end);
                if (v == aggregate && end == start) {
                    break; // a restatement starts no run of parts
                }
                if (v >= aggregate) {
                    break;
                }
                sum += v;
                SentenceInfo s = from.get(end);
                placed &= !s.places.isEmpty();
                s.places.forEach(g -> places.add(g.name()));
                if (sum == aggregate && end > start && placed && places.size() >= 2) {
                    return List.of(values.get(start));
                }
            }
        }
        return values;
    }

    /**
     * A part's sentence names its place, or goes on from the sentence right before it in its paragraph that does:
     * "bandits struck six villages in A ... When a militia confronted them, the gunmen opened fire, killing 15".
     */
    private static boolean placedPart(Frame f, SentenceInfo s) {
        if (!s.places.isEmpty()) {
            return true;
        }
        int at = f.members.indexOf(s);
        if (at <= 0) {
            return false;
        }
        SentenceInfo before = f.members.get(at - 1);
        return !before.places.isEmpty()
                && before.sentence.paragraph() == s.sentence.paragraph()
                && before.sentence.index() == s.sentence.index() - 1;
    }

    /**
     * "a day after nine policemen died in two similar blasts", "30 were killed in separate attacks": a figure whose
     * clause says it happened in several events adds them up and is no one event's toll. "in two days of raids"
     * counts days, not events.
     */
    static boolean spreadOverEvents(SentenceInfo s, CasualtyFact x) {
        List<org.wirewatch.extract.text.Token> tokens = s.sentence.tokens();
        int n = tokens.size();
        for (int k = x.to(); k < Math.min(n - 2, x.to() + 4); k++) {
            if (tokens.get(k).isPunct()) {
                return false;
            }
            if (!tokens.get(k).is("in")) {
                continue;
            }
            int c = k + 1;
            if (tokens.get(c).is("a") || tokens.get(c).is("the")) {
                c++;
            }
            if (c >= n || !countsEvents(tokens.get(c))) {
                return false;
            }
            int from = c + 1;
            if (tokens.get(c).is("series") && from < n && tokens.get(from).is("of")) {
                from++; // "in a series of explosions"
            }
            for (int j = from; j < Math.min(n, from + 3); j++) {
                org.wirewatch.extract.text.Token t = tokens.get(j);
                if (WordList.EVENT_PLURAL.contains(t.lower())) {
                    return true;
                }
                if (!t.isWord() || t.is("of")) {
                    return false;
                }
            }
            return false;
        }
        return false;
    }

    /** A count word of events, or a small number of them: "two", "twin", "separate", "3". */
    private static boolean countsEvents(org.wirewatch.extract.text.Token t) {
        if (t.isNumber()) {
            String digits = t.text().replace(",", "");
            return digits.length() <= 2 && digits.chars().allMatch(Character::isDigit) && Integer.parseInt(digits) >= 2;
        }
        return WordList.EVENT_COUNT.contains(t.lower());
    }

    /**
     * "the police spokesman dismissed as inaccurate media reports that more than one hundred people had been killed":
     * a figure after a denying verb and a word for what others reported is one the speaker rejects, never a credible
     * total of the toll (the claim reader keeps it as that speaker's words).
     */
    static boolean rejected(SentenceInfo s, CasualtyFact x) {
        List<org.wirewatch.extract.text.Token> tokens = s.sentence.tokens();
        for (org.wirewatch.extract.text.PhraseMatcher.Match m : s.cues) {
            if (!m.entry().value(0).equals("DENY_VERB") || m.to() > x.from()) {
                continue;
            }
            for (int k = m.to(); k < x.from(); k++) {
                if (WordList.REJECTED_REPORT.contains(tokens.get(k).lower())) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * "The ministry's first count on Sunday had stood at nine dead", "gave an initial toll of 19": a figure a few
     * words after an earlier count of the toll is one the report has since replaced, never the toll.
     */
    static boolean earlierFigure(SentenceInfo s, CasualtyFact x) {
        List<org.wirewatch.extract.text.Token> tokens = s.sentence.tokens();
        for (int k = x.from() - 2; k >= 0 && k >= x.from() - 8; k--) {
            if (WordList.EARLIER_COUNT.contains(tokens.get(k).lower())
                    && WordList.TOLL_NOUN.contains(tokens.get(k + 1).lower())) {
                for (CasualtyFact other : s.facts) {
                    if (other != x && other.from() > k && other.from() < x.from()) {
                        return false;
                    }
                }
                return true;
            }
        }
        return false;
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
