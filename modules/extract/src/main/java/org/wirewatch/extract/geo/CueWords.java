package org.wirewatch.extract.geo;

import java.util.List;
import org.wirewatch.extract.lexicon.Tokens;
import org.wirewatch.extract.lexicon.TsvResource;
import org.wirewatch.extract.lexicon.WordSet;

/**
 * Word classes the gazetteer's context rules use, kept as data in {@code cue-words.tsv}
 * (one class per line: name, then its words).
 */
final class CueWords {

    private final WordSet articles;
    private final WordSet adminTypes;
    private final WordSet placeTypes;
    private final WordSet locatives;
    private final WordSet geoModifiers;
    private final WordSet nameStops;
    private final WordSet stopPlaces;
    private final WordSet regionPrepositions;
    private final WordSet givenNames;
    private final WordSet stopPhrases;
    private final WordSet placeLeads;
    private final WordSet routes;
    private final WordSet dwellers;
    private final WordSet siteModifiers;
    private final WordSet seats;
    private final WordSet facilities;
    private final WordSet divisionTypes;
    private final WordSet frontedLocatives;
    private final long of = Tokens.wordHash("of");
    private final long the = Tokens.wordHash("the");
    private final long a = Tokens.wordHash("a");
    private final long an = Tokens.wordHash("an");
    private final long between = Tokens.wordHash("between");

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
        placeLeads = words(rows, "place-lead");
        routes = words(rows, "route");
        dwellers = words(rows, "dweller");
        siteModifiers = words(rows, "site-modifier");
        seats = words(rows, "seat");
        facilities = words(rows, "facility");
        divisionTypes = words(rows, "division-type");
        frontedLocatives = words(rows, "fronted-locative");
        stopPhrases = WordSet.ofClass(rows, "stop-phrase", "cue-words.tsv", "\\|", Tokens::phraseHash);
    }

    private static List<String[]> loadRows() {
        return TsvResource.rows(CueWords.class, "cue-words.tsv");
    }

    private static WordSet words(List<String[]> rows, String cls) {
        return WordSet.ofClass(rows, cls, "cue-words.tsv", "\\s+", Tokens::wordHash);
    }

    private static boolean in(WordSet set, long h) {
        return set.contains(h);
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

    /** A preposition that, opening a sentence, makes the name after it the scene told ("For X, ..."). */
    boolean isFrontedLocative(long h) {
        return in(frontedLocatives, h);
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

    boolean isPlaceLead(long h) {
        return in(placeLeads, h);
    }

    /** "a resident of X", "villagers of X": people named by where they live, X a place. */
    boolean isSiteModifier(long h) {
        return in(siteModifiers, h);
    }

    boolean isDweller(long h) {
        return in(dwellers, h);
    }

    /** "capital": the seat of a region, named in an apposition ("the provincial capital, X"). */
    boolean isSeat(long h) {
        return in(seats, h);
    }

    /** The last word of a facility's name ("Institute", "Hospital"): the name is no town. */
    boolean isFacility(long h) {
        return in(facilities, h);
    }

    /** A second-level division's level word after its name ("district", "regency", "local government area"). */
    boolean isDivisionType(long h) {
        return in(divisionTypes, h);
    }

    boolean isRoute(long h) {
        return in(routes, h);
    }

    boolean isBetween(long h) {
        return h == between;
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
