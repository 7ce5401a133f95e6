package org.wirewatch.extract;

import static org.wirewatch.extract.TokenSpans.tokenAt;

import java.util.ArrayList;
import java.util.List;
import org.wirewatch.extract.geo.GeoKind;
import org.wirewatch.extract.geo.GeoMention;
import org.wirewatch.extract.text.Token;

/**
 * The other towns an incident's head sentence names in one coordination with the incident's own place: "fired
 * rockets at the airports of Bahir Dar and Gondar" tells one strike on each town (corpus convention 6: one
 * incident per engagement, and strikes on two towns are two). Stateless.
 *
 * <p>Only a sentence without a figure of its own is split: a toll given for "attacks in A and B" is one total over
 * both, and which town it belongs to is not said. "Between A and B" names one stretch of road, not two places.
 */
final class CoordinatedSites {

    private CoordinatedSites() {}

    /** The other towns of a coordination and the sentence that names them. */
    record Sites(SentenceInfo sentence, List<GeoMention> towns) {}

    /** The towns coordinated with {@code place} in one of the frame's head sentences, in text order, or null. */
    static Sites others(Frame f, String place) {
        if (place == null) {
            return null;
        }
        for (SentenceInfo s : f.heads()) {
            if (!s.facts.isEmpty() || s.maxTriggerWeight() < 2) {
                continue;
            }
            List<GeoMention> chain = chainWith(s, place);
            if (chain.size() > 1) {
                List<GeoMention> out = new ArrayList<>(chain);
                out.removeIf(
                        g -> g.name().equals(place) || LocationReader.written(g).equals(place));
                return new Sites(s, List.copyOf(out));
            }
        }
        return null;
    }

    /** The towns joined by "," and "and" with the one named {@code place} ("A, B and C"), or an empty list. */
    private static List<GeoMention> chainWith(SentenceInfo s, String place) {
        List<Token> tokens = s.sentence.tokens();
        List<GeoMention> chain = new ArrayList<>();
        boolean joinedByAnd = false;
        for (GeoMention g : s.places) {
            if (g.kind() != GeoKind.PLACE || g.admin1Code() == null) {
                continue; // a region or country between towns ends no chain: it is no town of one
            }
            GeoMention last = chain.isEmpty() ? null : chain.get(chain.size() - 1);
            String joint = last == null ? null : joint(tokens, last, g);
            if (joint != null && g.countryCode().equals(last.countryCode())) {
                chain.add(g);
                joinedByAnd |= joint.equals("and");
                continue;
            }
            if (joinedByAnd && named(chain, place)) {
                return chain;
            }
            chain = new ArrayList<>();
            joinedByAnd = false;
            if (!afterBetween(tokens, g)) {
                chain.add(g);
            }
        }
        return joinedByAnd && named(chain, place) ? chain : List.of();
    }

    private static boolean named(List<GeoMention> chain, String place) {
        for (GeoMention g : chain) {
            if (g.name().equals(place) || LocationReader.written(g).equals(place)) {
                return true;
            }
        }
        return false;
    }

    /** "and" or "," when only that stands between two places ("A and B", "A, B and C"), else null. */
    private static String joint(List<Token> tokens, GeoMention a, GeoMention b) {
        int end = tokenAt(tokens, a.end() - 1);
        int start = tokenAt(tokens, b.start());
        if (end < 0 || start != end + 2) {
            return null;
        }
        Token t = tokens.get(end + 1);
        return t.is("and") ? "and" : t.is(",") ? "," : null;
    }

    private static boolean afterBetween(List<Token> tokens, GeoMention g) {
        int at = tokenAt(tokens, g.start());
        for (int k = at - 1; k >= 0 && k >= at - 3; k--) {
            if (tokens.get(k).is("between") || tokens.get(k).is("from")) {
                return true;
            }
        }
        return false;
    }
}
