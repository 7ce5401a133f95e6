package org.wirewatch.extract.geo;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.wirewatch.extract.lexicon.TsvResource;

/**
 * A capital named only by its role: "in Somalia's capital", "the Ugandan capital", "in the capital" (the report's
 * country). Wire copy names the capital once and then, or only, calls it "the capital"; without this the incident
 * has a country and no place. Data: {@code capitals.tsv}, each row resolved through the gazetteer when loaded.
 */
public final class Capitals {

    private static final String CAPITAL = "capital";
    /** The capital is named right after ("the capital Khartoum", "the capital, Mogadishu") or is a region's. */
    private static final Pattern NAMED_AFTER = Pattern.compile("^(?:['\u2019]s\\b|,? +(?:[A-Z]|of\\b|city\\b))");
    /**
     * "south of the capital", "40 km from the capital", "outside the capital": the event is elsewhere. Also "a
     * regional capital", "the state capital": not the country's.
     */
    private static final Pattern ELSEWHERE_BEFORE = Pattern.compile(
            "(?:\\b(?:of|from|outside|to|toward|towards)\\s+(?:the\\s+)?(?:[A-Z][\\w'\u2019-]*\\s+)?"
                    + "|\\b(?:regional|provincial|state|district|county|former|economic|commercial|administrative)\\s+)$");

    private static final Pattern THE_BEFORE = Pattern.compile("\\b[Tt]he\\s+$");
    /** What may stand between a country or demonym and the capital after it ("'s " or spaces); compiled once. */
    private static final Pattern COUNTRY_GAP = Pattern.compile("(?:['\u2019]s)?\\s+");

    private final Map<String, GeoMention> byCountry;

    private Capitals(Map<String, GeoMention> byCountry) {
        this.byCountry = Map.copyOf(byCountry);
    }

    /** Reads {@code capitals.tsv}; a row the gazetteer cannot place in its country fails the load. */
    public static Capitals load(Gazetteer gazetteer) {
        Map<String, GeoMention> byCountry = new HashMap<>();
        for (String[] row : TsvResource.rows(Capitals.class, "capitals.tsv")) {
            String country = row[0].strip();
            String name = row[1].strip();
            GeoMention m = gazetteer
                    .lookup(name, country)
                    .filter(g -> g.kind() == GeoKind.PLACE && country.equals(g.countryCode()))
                    .orElseThrow(() -> new IllegalStateException(
                            "geo/capitals.tsv: " + name + " is no place of " + country + " in the gazetteer"));
            if (byCountry.put(country, m) != null) {
                throw new IllegalStateException("geo/capitals.tsv: " + country + " is listed twice");
            }
        }
        return new Capitals(byCountry);
    }

    /**
     * The mentions with a place added for each "capital" that stands for a country's capital, in text order. The
     * country is the one named right before ("Somalia's capital", "the Ugandan capital") or, after a bare "the",
     * {@code reportCountry}. Text between {@code skipFrom} and {@code skipTo} (a dateline) is left alone.
     */
    public List<GeoMention> addTo(
            CharSequence text, List<GeoMention> mentions, String reportCountry, int skipFrom, int skipTo) {
        List<GeoMention> added = new ArrayList<>();
        String all = text.toString();
        // a literal search for the word, not a regex: a word-boundary regex tests every position of the report
        for (int start = all.indexOf(CAPITAL); start >= 0; start = all.indexOf(CAPITAL, start + 1)) {
            int end = start + CAPITAL.length();
            if (start >= skipFrom && start < skipTo || isWordChar(all, start - 1) || isWordChar(all, end)) {
                continue;
            }
            CharSequence after = text.subSequence(end, Math.min(text.length(), end + 8));
            String before = text.subSequence(Math.max(0, start - 60), start).toString();
            if (NAMED_AFTER.matcher(after).find()) {
                continue;
            }
            String country = countryRightBefore(text, mentions, start);
            if (country == null && THE_BEFORE.matcher(before).find()) {
                country = reportCountry;
            }
            int from = country == null ? start : countryStart(mentions, start);
            if (country == null
                    || ELSEWHERE_BEFORE
                            .matcher(text.subSequence(Math.max(0, from - 60), from))
                            .find()) {
                continue;
            }
            GeoMention capital = byCountry.get(country);
            if (capital != null) {
                added.add(capital.at(start, end, CAPITAL));
            }
        }
        if (added.isEmpty()) {
            return mentions;
        }
        List<GeoMention> out = new ArrayList<>(mentions);
        out.addAll(added);
        out.sort(Comparator.comparingInt(GeoMention::start));
        return out;
    }

    /** A letter, digit or underscore at {@code at}: what a regex word boundary sees as part of a word. */
    private static boolean isWordChar(String s, int at) {
        if (at < 0 || at >= s.length()) {
            return false;
        }
        char c = s.charAt(at);
        return c == '_' || Character.isLetterOrDigit(c);
    }

    /** Whether {@code g} is the capital of its country as this table has it. */
    public boolean isCapital(GeoMention g) {
        GeoMention c = g.countryCode() == null ? null : byCountry.get(g.countryCode());
        return c != null && g.kind() == GeoKind.PLACE && c.name().equals(g.name());
    }

    /** The country of a country name or demonym ending right before {@code at}: "Somalia's ", "Ugandan ". */
    private static String countryRightBefore(CharSequence text, List<GeoMention> mentions, int at) {
        for (GeoMention g : mentions) {
            if ((g.kind() == GeoKind.COUNTRY || g.kind() == GeoKind.DEMONYM)
                    && g.end() <= at
                    && at - g.end() <= 3
                    && COUNTRY_GAP.matcher(text.subSequence(g.end(), at)).matches()) {
                return g.countryCode();
            }
        }
        return null;
    }

    /** Where the country before {@code at} starts, so "south of Somalia's capital" is seen whole. */
    private static int countryStart(List<GeoMention> mentions, int at) {
        for (GeoMention g : mentions) {
            if ((g.kind() == GeoKind.COUNTRY || g.kind() == GeoKind.DEMONYM) && g.end() <= at && at - g.end() <= 3) {
                return g.start();
            }
        }
        return at;
    }
}
