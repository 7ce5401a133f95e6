package org.wirewatch.extract.geo;

import java.util.Arrays;
import java.util.List;
import org.wirewatch.extract.lexicon.Tokens;
import org.wirewatch.extract.lexicon.TsvResource;

/**
 * Word classes the gazetteer's context rules use, kept as data in {@code cue-words.tsv}
 * (one class per line: name, then its words).
 */
final class CueWords {

    private final long[] articles;
    private final long[] adminTypes;
    private final long[] placeTypes;
    private final long[] locatives;
    private final long[] geoModifiers;
    private final long[] nameStops;
    private final long[] stopPlaces;
    private final long[] regionPrepositions;
    private final long[] givenNames;
    private final long[] stopPhrases;
    private final long of = Tokens.wordHash("of");
    private final long the = Tokens.wordHash("the");
    private final long a = Tokens.wordHash("a");
    private final long an = Tokens.wordHash("an");

    CueWords() {
        List<String[]> rows = loadRows();
        articles = words(rows, "article");
        adminTypes = words(rows, "admin-type");
        placeTypes = words(rows, "place-type");
        locatives = words(rows, "locative");
        geoModifiers = words(rows, "geo-modifier");
        nameStops = words(rows, "name-stop");
        stopPlaces = words(rows, "stop-place");
        regionPrepositions = words(rows, "region-preposition");
        givenNames = words(rows, "given-name");
        stopPhrases = rows.stream().filter(r -> r[0].equals("stop-phrase"))
                .flatMap(r -> Arrays.stream(r[1].split("\\|")))
                .filter(w -> !w.isBlank())
                .mapToLong(Tokens::phraseHash).distinct().sorted().toArray();
    }

    private static List<String[]> loadRows() {
        return TsvResource.rows(CueWords.class, "cue-words.tsv");
    }

    private static long[] words(List<String[]> rows, String cls) {
        long[] out = rows.stream().filter(r -> r[0].equals(cls))
                .flatMap(r -> Arrays.stream(r[1].split("\\s+")))
                .filter(w -> !w.isBlank())
                .mapToLong(Tokens::wordHash).distinct().sorted().toArray();
        if (out.length == 0) {
            throw new IllegalStateException("cue-words.tsv has no words of class " + cls);
        }
        return out;
    }

    private static boolean in(long[] set, long h) {
        return Arrays.binarySearch(set, h) >= 0;
    }

    boolean isArticle(long h) {
        return in(articles, h);
    }

    boolean isAdminType(long h) {
        return in(adminTypes, h);
    }

    boolean isPlaceType(long h) {
        return in(placeTypes, h);
    }

    boolean isLocative(long h) {
        return in(locatives, h);
    }

    boolean isGeoModifier(long h) {
        return in(geoModifiers, h);
    }

    boolean isNameStop(long h) {
        return in(nameStops, h) || in(geoModifiers, h);
    }

    boolean isStopPlace(long h) {
        return in(stopPlaces, h);
    }

    boolean isRegionPreposition(long h) {
        return in(regionPrepositions, h);
    }

    /** Common given names ("Hassan", "Omar"): places of that name need the same care as personal names. */
    boolean isGivenName(long h) {
        return in(givenNames, h);
    }

    /** Multi-word names that are institutions or landmarks, not the places GeoNames has ("White House"). */
    boolean isStopPhrase(long phraseHash) {
        return in(stopPhrases, phraseHash);
    }

    boolean isOf(long h) {
        return h == of;
    }

    boolean isThe(long h) {
        return h == the;
    }

    boolean isA(long h) {
        return h == a || h == an;
    }
}
