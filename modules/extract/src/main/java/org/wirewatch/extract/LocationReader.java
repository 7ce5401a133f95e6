package org.wirewatch.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.wirewatch.extract.geo.Gazetteer;
import org.wirewatch.extract.geo.GeoKind;
import org.wirewatch.extract.geo.GeoMention;
import org.wirewatch.extract.text.Token;
import org.wirewatch.schema.GeoPrecision;
import org.wirewatch.schema.Location;

/**
 * Stage 4b: where an incident happened (country, first-level region, place), from the places of its head
 * sentences first, then of its other eventful sentences; the report's country wins, landmarks give only a region.
 * One instance per report.
 */
final class LocationReader {

    /**
     * "in an ambush in the centre of the country", "elsewhere in the country": the sentence places its event in the
     * report's country but away from the main incident, so it must not take the main incident's region.
     */
    private static final Pattern ELSEWHERE_IN_COUNTRY = Pattern.compile(
            "\\b(?:elsewhere|another part|other parts|(?:the )?(?:far )?(?:north|south|east|west|centre|center|middle"
                    + "|interior|north-?east|north-?west|south-?east|south-?west)(?: part)?) (?:in|of) the country\\b",
            Pattern.CASE_INSENSITIVE);

    /** "another car bomb in the city", "in the same town": the town the report is about. */
    private static final Pattern SAME_SITE =
            Pattern.compile("\\b(?:in|near|outside|on the outskirts of) the (?:same )?(?:city|town|village)\\b");

    /** Right before a place: "near ", "outside ", "near Burkina's ". */
    private static final Pattern NEAR_BEFORE =
            Pattern.compile("\\b(?:[Nn]ear|[Oo]utside) (?:[A-Z][\\w-]*(?: [A-Z][\\w-]*)?['\u2019]s )?$");

    /** Before a city: "outside ", "on the outskirts of ", "in the countryside around " (see city-regions.tsv). */
    private static final Pattern OUTSIDE_BEFORE = Pattern.compile(
            "\\b(?:[Oo]utside|[Nn]ear|on the (?:outskirts|edge) of|countryside (?:around|of|outside)) (?:the city of )?$");

    /** After a city: "'s western edge", "'s outskirts", " countryside". */
    private static final Pattern OUTSIDE_AFTER =
            Pattern.compile("^(?:['\u2019]s (?:[a-z]+ )?(?:edge|outskirts|suburbs|countryside)\\b| countryside\\b)");

    /** City region to the one region around it (geo/city-regions.tsv). */
    private static final java.util.Map<String, String> AROUND_CITY = aroundCity();

    private final Gazetteer gazetteer;
    private final String text;
    private final String mainCountry;
    private final java.util.Set<GeoMention> referencePoints;
    private final IncidentDrafts drafts;
    /**
     * Whether the report has the words the two sentence patterns below need ("the country"; "the city", "the town",
     * "the village", "the same"): most reports have neither, and a pattern is tried at every position of a sentence.
     */
    private final boolean speaksOfTheCountry;

    private final boolean speaksOfTheSite;

    LocationReader(Gazetteer gazetteer, ReportFacts facts, IncidentDrafts drafts) {
        this.gazetteer = gazetteer;
        this.text = facts.text().text();
        this.mainCountry = facts.mainCountry();
        this.referencePoints = facts.referencePoints();
        this.drafts = drafts;
        this.speaksOfTheCountry = text.toLowerCase(java.util.Locale.ROOT).contains("the country");
        this.speaksOfTheSite = text.contains("the city")
                || text.contains("the town")
                || text.contains("the village")
                || text.contains("the same ");
    }

    /** The location of a frame. */
    Location location(Frame f) {
        List<GeoMention> ordered = new ArrayList<>();
        List<SentenceInfo> heads = Frame.leadFirst(f.heads());
        for (SentenceInfo s : heads) {
            ordered.addAll(s.places);
        }
        for (SentenceInfo s : f.members) {
            if (!heads.contains(s) && (s.eventful() || refersToSite(s))) {
                ordered.addAll(s.places);
            }
        }
        // the report's country wins when the incident's sentences name it at all ("backed by Washington")
        String expected = null;
        for (GeoMention g : ordered) {
            if (g.countryCode() != null && g.countryCode().equals(mainCountry)) {
                expected = mainCountry;
            }
        }
        // a later incident whose opening sentence places it in another country by name ("In neighbouring Syria, 14
        // were wounded") is there, whatever its other sentences say of the report's country
        String abroad = f.main ? null : FrameAssembler.eventCountry(f.opener);
        if (abroad != null && !abroad.equals(mainCountry)) {
            expected = abroad;
        }
        if (expected != null) {
            final String c = expected;
            ordered.removeIf(g -> g.countryCode() != null && !g.countryCode().equals(c));
        }
        String admin1 = null;
        GeoMention place = null;
        String country = null;
        GeoMention unplaced = null;
        for (GeoMention g : ordered) {
            if (g.kind() == GeoKind.PLACE && (g.admin1Code() != null || g.outsideGazetteer())) {
                // "a revenue village under Kangpokpi district" in a report that names no country: a name without
                // country or region yields to one the report places ("Aigejang, a border village 30km from Imphal")
                if (g.countryCode() == null && g.admin1Code() == null) {
                    if (unplaced == null) {
                        unplaced = g;
                    }
                } else if (place == null) {
                    place = g;
                }
            }
            if (admin1 == null && g.admin1Code() != null && (g.kind() == GeoKind.ADMIN1 || g.kind() == GeoKind.PLACE)) {
                admin1 = g.admin1Code();
                country = g.countryCode();
            }
        }
        if (place != null && place.division()) {
            // "in Nduga regency, gunmen stormed Paro airstrip": the division is the place only when its sentence
            // names no town inside it
            GeoMention town = townInDivision(f, heads, place);
            if (town != null) {
                place = town;
            }
        }
        if (place != null
                && admin1 != null
                && place.admin1Code() != null
                && !place.admin1Code().equals(admin1)) {
            // keep the first place inside the chosen region
            GeoMention inside = null;
            for (GeoMention g : ordered) {
                if (g.kind() == GeoKind.PLACE && admin1.equals(g.admin1Code())) {
                    inside = g;
                    break;
                }
            }
            place = inside;
        }
        if (country == null) {
            for (GeoMention g : ordered) {
                if (g.countryCode() != null && g.countryCode().equals(mainCountry)) {
                    country = g.countryCode(); // "Iran launched missiles at two Iraqi bases": the report's country
                }
            }
            if (country == null) {
                for (GeoMention g : ordered) {
                    boolean hint = g.kind() == GeoKind.DEMONYM || adjectival(g);
                    if (g.countryCode() != null && (!hint || g.countryCode().equals(mainCountry))) {
                        country = g.countryCode();
                        break;
                    }
                }
            }
            if (country == null && place != null) {
                country = place.countryCode();
            }
            if (country == null && abroad != null && !abroad.equals(mainCountry)) {
                country = abroad; // "a security official in Iraq told AFP": named as a place, not as a party
            }
        }
        if (country == null && admin1 == null && !f.main) {
            // "Last Friday, strikes near Aleppo killed 53": a later incident's own landmark says where it was, before
            // the main incident's region may stand in for a sentence that names no place
            GeoMention landmark = landmark(f, heads, mainCountry);
            if (landmark != null) {
                country = landmark.countryCode();
                admin1 = landmark.admin1Code();
            }
        }
        if (country == null
                && admin1 == null
                && !f.main
                && !drafts.frames().isEmpty()
                && !elsewhereInCountry(f)
                && (!f.opener.laterEvent || namesASite(f))) {
            // "over the area", "in the city's Eastern Bypass area": the region of the report's main incident
            Location main = location(drafts.main());
            country = main.getCountryCode();
            admin1 = main.getAdmin1Code();
        }
        if (country == null) {
            country = mainCountry;
        }
        if (admin1 == null) {
            List<SentenceInfo> near = new ArrayList<>(f.members);
            near.addAll(heads); // "Forty killed near Burkina's Ouahigouya": the headline's reference point
            for (SentenceInfo s : near) {
                for (GeoMention g : referencePoints) {
                    if (g.start() >= s.sentence.start()
                            && g.start() < s.sentence.end()
                            && g.admin1Code() != null
                            && g.countryCode() != null
                            && g.countryCode().equals(country)) {
                        admin1 = g.admin1Code();
                    }
                }
            }
        }
        if (admin1 == null && country != null) {
            // "in an attack ... in western Uganda": the country's region named by the direction, if it has one
            admin1 = compassRegion(f, heads, country);
        }
        if (place != null && place.countryCode() != null && !place.countryCode().equals(country)) {
            place = null;
        }
        // a second-level division is an area already: only a town its own sentence names is closer (above)
        if (place != null && (afterNear(place) || !place.division() && areaAround(place) || regionNamesake(place))) {
            // "killed near Ouahigouya ... came under attack near the village of Aorema": "near X" says the event
            // was not in X, so a smaller place the incident's sentences name in the same region is where it was;
            // so does "the X area" or "the X tribal district" ("in the X area, ... raided Y village"), and a town
            // that shares its region's name, which a report uses for the region ("Air strikes on Idlib village")
            GeoMention closer = closerPlace(f, place, country, admin1);
            if (closer != null) {
                place = closer;
            }
        }
        if (place == null) {
            // the lead gave only a region ("in northern Burkina Faso"): a later sentence of the same incident
            // names the village ("came under attack ... near the village of Aorema")
            place = laterPlace(f, country, admin1);
            if (place == null) {
                place = unplaced;
            }
            if (admin1 == null && place != null && place.admin1Code() != null) {
                admin1 = place.admin1Code(); // "the mayor of Banibangou, in the Tillaberi region": its region too
            }
        }
        if (place == null && !f.main && FrameAssembler.opensOnNext(f.opener)) {
            // "two separate drone attacks hit the area ... The second struck a forest": where the ones counted were
            Frame before = frameBefore(f);
            if (before != null) {
                Location counted = location(before);
                if (counted.getGeoPrecision() == GeoPrecision.PLACE
                        && counted.getCountryCode().equals(country)) {
                    return counted;
                }
            }
        }
        if (place == null && !f.main && !drafts.frames().isEmpty() && sameSite(f)) {
            // "On Saturday, another car bomb in the city killed four": the town of the report's main incident
            Location main = location(drafts.main());
            if (main.getGeoPrecision() == GeoPrecision.PLACE
                    && main.getCountryCode().equals(country)
                    && (admin1 == null || admin1.equals(main.getAdmin1Code()))) {
                return main;
            }
        }
        if (admin1 != null && AROUND_CITY.containsKey(admin1) && outsideCity(f, heads, admin1)) {
            // "the attack on a concert hall on Moscow's western edge ... the venue in Krasnogorsk", "a cell in the
            // countryside around Damascus": the city is its own region, so what lies outside it lies in the region
            // around it, at the town the incident's sentences name there if any
            String around = AROUND_CITY.get(admin1);
            place = townIn(f, heads, around);
            admin1 = around;
        }
        if (admin1 != null && spread(f, heads, country)) {
            // "bombs in A, B and C killed six", "pagers blew up across the country, killing nine": the toll is one
            // over several regions, which belongs to none of them (a later sentence's one victim in A does not
            // make it A's)
            admin1 = null;
            place = null;
        }
        Location.Builder b = Location.newBuilder().setCountryCode(country).setAdmin1Code(admin1);
        if (admin1 != null) {
            b.setAdmin1Name(gazetteer.admin1Name(admin1).orElse(null));
        }
        if (place != null) {
            b.setPlace(written(place))
                    .setLatitude(place.latitude())
                    .setLongitude(place.longitude())
                    .setGeoPrecision(GeoPrecision.PLACE);
        } else if (admin1 != null) {
            // "in Afghanistan's southeastern province of Khost", "on a highway outside Kabul": the finest place the
            // report gives is the region, named as the place at the region's precision (as ACLED does), without a
            // town's coordinates
            b.setPlace(b.getAdmin1Name()).setGeoPrecision(GeoPrecision.ADMIN1);
        } else if (country != null) {
            b.setGeoPrecision(GeoPrecision.COUNTRY);
        }
        return b.build();
    }

    /** The first landmark with a region in the report's country that the frame's head sentences name, or null. */
    private GeoMention landmark(Frame f, List<SentenceInfo> heads, String country) {
        if (country == null) {
            return null;
        }
        GeoMention first = null;
        for (SentenceInfo s : heads) {
            for (GeoMention g : referencePoints) {
                if (g.start() >= s.sentence.start()
                        && g.start() < s.sentence.end()
                        && g.admin1Code() != null
                        && country.equals(g.countryCode())
                        && (first == null || g.start() < first.start())) {
                    first = g;
                }
            }
            if (first != null) {
                return first;
            }
        }
        return null;
    }

    private static java.util.Map<String, String> aroundCity() {
        java.util.Map<String, String> m = new java.util.HashMap<>();
        for (String[] row :
                org.wirewatch.extract.lexicon.TsvResource.rows(LocationReader.class, "geo/city-regions.tsv")) {
            if (row.length < 2 || m.put(row[0].trim(), row[1].trim()) != null) {
                throw new IllegalStateException("geo/city-regions.tsv: bad or repeated row " + String.join("\t", row));
            }
        }
        return java.util.Map.copyOf(m);
    }

    /** A head or eventful sentence of the frame names the city of region {@code cityRegion} as outside it. */
    private boolean outsideCity(Frame f, List<SentenceInfo> heads, String cityRegion) {
        for (SentenceInfo s : headsThenMembers(f, heads)) {
            for (GeoMention g : s.allPlaces) {
                if ((g.kind() == GeoKind.PLACE || g.kind() == GeoKind.ADMIN1) && cityRegion.equals(g.admin1Code())) {
                    String before = text.substring(Math.max(0, g.start() - 40), g.start());
                    String after = text.substring(g.end(), Math.min(text.length(), g.end() + 30));
                    if (OUTSIDE_BEFORE.matcher(before).find()
                            || OUTSIDE_AFTER.matcher(after).find()) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** The frame's head sentences, then its members (a head that is also a member comes twice; the callers stop at
     * the first hit). */
    private static List<SentenceInfo> headsThenMembers(Frame f, List<SentenceInfo> heads) {
        List<SentenceInfo> sentences = new ArrayList<>(heads);
        sentences.addAll(f.members);
        return sentences;
    }

    /** The first town the frame's sentences name in {@code admin1}, or null. */
    private static GeoMention townIn(Frame f, List<SentenceInfo> heads, String admin1) {
        for (SentenceInfo s : headsThenMembers(f, heads)) {
            for (GeoMention g : s.places) {
                if (g.kind() == GeoKind.PLACE && admin1.equals(g.admin1Code())) {
                    return g;
                }
            }
        }
        return null;
    }

    /**
     * The frame's toll is told over several regions: a head sentence with a figure lists sites of two regions or more
     * or spreads its event over the country, or a sentence on where the deaths were lists such sites.
     */
    private boolean spread(Frame f, List<SentenceInfo> heads, String country) {
        for (SentenceInfo s : heads) {
            if ((!s.facts.isEmpty() || tellsDeaths(s)) && (listsRegions(s, country) || overCountry(s, country))) {
                return true;
            }
        }
        for (SentenceInfo s : f.members) {
            if (!heads.contains(s) && tellsDeaths(s) && listsRegions(s, country)) {
                return true;
            }
        }
        return false;
    }

    private static boolean tellsDeaths(SentenceInfo s) {
        for (Token t : s.sentence.tokens()) {
            if (WordList.DEATHS_NOUN.contains(t.lower())) {
                return true;
            }
        }
        return false;
    }

    /** "in A, B and C", "in the capital, A, and the southern cities of B and C", naming two regions of the country. */
    private static boolean listsRegions(SentenceInfo s, String country) {
        List<Token> tokens = s.sentence.tokens();
        GeoMention last = null;
        java.util.Set<String> regions = new java.util.HashSet<>();
        boolean joinedByAnd = false;
        for (GeoMention g : s.places) {
            if (g.admin1Code() == null
                    || !g.admin1Code().startsWith(country + "-")
                    || (g.kind() != GeoKind.PLACE && g.kind() != GeoKind.ADMIN1)) {
                continue;
            }
            String link = last == null ? null : listLink(tokens, last, g);
            if (link == null) {
                if (joinedByAnd && regions.size() > 1) {
                    return true;
                }
                regions.clear();
                joinedByAnd = false;
            } else {
                joinedByAnd |= link.equals("and");
            }
            regions.add(g.admin1Code());
            last = g;
        }
        return joinedByAnd && regions.size() > 1;
    }

    /** "and" or "," when only those and list words stand between two places, "and" if it is among them, else null. */
    private static String listLink(List<Token> tokens, GeoMention a, GeoMention b) {
        int end = TokenSpans.tokenAt(tokens, a.end() - 1);
        int start = TokenSpans.tokenAt(tokens, b.start());
        if (end < 0 || start <= end + 1 || start > end + 7) {
            return null;
        }
        String link = null;
        for (int k = end + 1; k < start; k++) {
            Token t = tokens.get(k);
            if (t.is("and")) {
                link = "and";
            } else if (t.is(",")) {
                link = link == null ? "," : link;
            } else if (!WordList.SITE_LIST_LINK.contains(t.lower())) {
                return null;
            }
        }
        return link;
    }

    /** "across Lebanon", "throughout the country": the sentence spreads its event over the country. */
    private static boolean overCountry(SentenceInfo s, String country) {
        List<Token> tokens = s.sentence.tokens();
        for (GeoMention g : s.allPlaces) {
            int at = TokenSpans.tokenAt(tokens, g.start());
            if (g.kind() == GeoKind.COUNTRY
                    && country.equals(g.countryCode())
                    && at > 0
                    && WordList.SPREAD_OVER.contains(tokens.get(at - 1).lower())) {
                return true;
            }
        }
        for (int k = 0; k + 2 < tokens.size(); k++) {
            if (WordList.SPREAD_OVER.contains(tokens.get(k).lower())
                    && tokens.get(k + 1).is("the")
                    && tokens.get(k + 2).is("country")) {
                return true;
            }
        }
        return false;
    }

    /** The location of an incident at a town its frame's head names beside the frame's own place. */
    Location at(GeoMention place) {
        return Location.newBuilder()
                .setCountryCode(place.countryCode())
                .setAdmin1Code(place.admin1Code())
                .setAdmin1Name(gazetteer.admin1Name(place.admin1Code()).orElse(null))
                .setPlace(written(place))
                .setLatitude(place.latitude())
                .setLongitude(place.longitude())
                .setGeoPrecision(GeoPrecision.PLACE)
                .build();
    }

    /**
     * "Hours later, another explosion was reported near the palace": a sentence that places its event, by a name or
     * by "there" / "the city", after a locative word. "Later the same day a convoy escorting a governor was hit" tells
     * only when: another incident of that day, somewhere the report does not say, so it takes no region from the
     * report's main incident.
     */
    private static boolean namesASite(Frame f) {
        for (SentenceInfo s : f.members) {
            List<org.wirewatch.extract.text.Token> tokens = s.sentence.tokens();
            for (int i = 0; i + 1 < tokens.size(); i++) {
                org.wirewatch.extract.text.Token t = tokens.get(i);
                if (t.is("there")) {
                    return true;
                }
                if (!(t.is("in") || t.is("at") || t.is("near") || t.is("outside"))) {
                    continue;
                }
                org.wirewatch.extract.text.Token next = tokens.get(i + 1);
                if (next.is("the") && i + 2 < tokens.size()) {
                    next = tokens.get(i + 2);
                }
                if (next.isCapitalized() && next.isWord() || WordList.SITE_NOUN.contains(next.lower())) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The place as the report writes it ("Kalbajar", "Rask"), which a reader of the report recognises, rather than the
     * gazetteer's main name for it ("Kerbakhiar", "Rasak"); a headline's or dateline's capitals ("KABUL") and a
     * possessive take the gazetteer's name.
     */
    static String written(GeoMention g) {
        String s = g.surface();
        if (s == null
                || s.isEmpty()
                || s.equals(s.toUpperCase(java.util.Locale.ROOT))
                || s.contains("'")
                || s.contains("\u2019")
                || !Character.isUpperCase(s.charAt(0))) {
            return g.name();
        }
        return s;
    }

    /** The incident of the nearest sentence before the frame's opener that belongs to another one, or null. */
    private Frame frameBefore(Frame f) {
        for (int i = f.opener.sentence.index() - 1; i >= 0; i--) {
            Frame g = drafts.bySentence().get(i);
            if (g != null && g != f) {
                return g;
            }
        }
        return null;
    }

    private boolean sameSite(Frame f) {
        if (!speaksOfTheSite) {
            return false;
        }
        for (SentenceInfo s : f.members) {
            if (SAME_SITE
                    .matcher(text)
                    .region(s.sentence.start(), s.sentence.end())
                    .find()) {
                return true;
            }
        }
        return false;
    }

    private boolean elsewhereInCountry(Frame f) {
        if (!speaksOfTheCountry) {
            return false;
        }
        for (SentenceInfo s : f.members) {
            if (ELSEWHERE_IN_COUNTRY
                    .matcher(text)
                    .region(s.sentence.start(), s.sentence.end())
                    .find()) {
                return true;
            }
        }
        return false;
    }

    /** "a Saudi jet", "Iran launched missiles": a country word before a noun or verb is a hint, not the place. */
    private boolean adjectival(GeoMention g) {
        if (g.kind() != GeoKind.COUNTRY || g.end() + 1 >= text.length() || text.charAt(g.end()) != ' ') {
            return false;
        }
        int j = g.end() + 1;
        int k = j;
        while (k < text.length() && Character.isLetter(text.charAt(k))) {
            k++;
        }
        if (k == j || !Character.isLowerCase(text.charAt(j))) {
            return false;
        }
        return !WordList.FUNCTION_WORD.contains(text.substring(j, k));
    }

    /**
     * "The town in Hasaka province fell ...", "The killings took place in the municipalities of ...": a sentence that
     * goes on about the incident's site.
     */
    private static boolean refersToSite(SentenceInfo s) {
        List<Token> tokens = s.sentence.tokens();
        for (int i = 0; i + 1 < tokens.size() && i < 3; i++) {
            if (tokens.get(i).is("the")
                    && WordList.SITE_NOUN.contains(tokens.get(i + 1).lower())) {
                return true;
            }
        }
        if (tokens.isEmpty() || !(tokens.get(0).is("the") || tokens.get(0).is("it"))) {
            return false;
        }
        for (int i = 1; i + 1 < tokens.size() && i < 5; i++) {
            boolean tookPlace = tokens.get(i).is("took") && tokens.get(i + 1).is("place");
            if ((tookPlace || tokens.get(i).is("occurred") || tokens.get(i).is("happened"))
                    && (tokens.get(i + (tookPlace ? 2 : 1)).is("in")
                            || tokens.get(i + (tookPlace ? 2 : 1)).is("at"))) {
                return true;
            }
        }
        return false;
    }

    /** The place follows "near" or "outside", perhaps with its country: "near Burkina's Ouahigouya". */
    private boolean afterNear(GeoMention g) {
        return NEAR_BEFORE
                .matcher(text.substring(Math.max(0, g.start() - 40), g.start()))
                .find();
    }

    /** A town with its region's name used for the region before a site noun: "Idlib village", "Kaduna school". */
    private boolean regionNamesake(GeoMention g) {
        return g.admin1Code() != null
                && WordList.REGION_SITE.contains(wordAfter(g))
                && gazetteer
                        .admin1Name(g.admin1Code())
                        .map(LocationReader::folded)
                        .filter(r -> r.equals(folded(g.surface())) || r.equals(folded(g.name())))
                        .isPresent();
    }

    /** Lower case without diacritics or punctuation: "Ḩamāh" and "Hamah" are one name. */
    private static String folded(String name) {
        String d = java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFD);
        StringBuilder b = new StringBuilder(d.length());
        for (int i = 0; i < d.length(); i++) {
            char c = d.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                b.append(Character.toLowerCase(c));
            }
        }
        return b.toString();
    }

    /** The word right after a mention, separated by one space, or "". */
    private String wordAfter(GeoMention g) {
        int j = g.end();
        if (j >= text.length() || text.charAt(j) != ' ') {
            return "";
        }
        int k = j + 1;
        while (k < text.length() && Character.isLetter(text.charAt(k))) {
            k++;
        }
        return text.substring(j + 1, k);
    }

    /** The region a compass word before the country names in the incident's sentences ("in western Uganda"). */
    private String compassRegion(Frame f, List<SentenceInfo> heads, String country) {
        for (SentenceInfo s : headsThenMembers(f, heads)) {
            for (GeoMention g : s.places) {
                if (g.kind() == GeoKind.COUNTRY && country.equals(g.countryCode())) {
                    String region =
                            gazetteer.compassRegion(country, wordBefore(g)).orElse(null);
                    if (region != null) {
                        return region;
                    }
                }
            }
        }
        return null;
    }

    /** The word right before a mention, separated by one space, or "". */
    private String wordBefore(GeoMention g) {
        int j = g.start() - 1;
        if (j <= 0 || text.charAt(j) != ' ') {
            return "";
        }
        int k = j;
        while (k > 0 && (Character.isLetter(text.charAt(k - 1)) || text.charAt(k - 1) == '-')) {
            k--;
        }
        return text.substring(k, j);
    }

    /** The place's name ends with an area word, or one follows it: "the Damboa area", "the X tribal district". */
    private boolean areaAround(GeoMention g) {
        String surface = g.surface();
        int last = surface.lastIndexOf(' ');
        if (last > 0 && WordList.AREA_WORD.contains(surface.substring(last + 1).toLowerCase(java.util.Locale.ROOT))) {
            return true;
        }
        return WordList.AREA_WORD.contains(wordAfter(g));
    }

    /** A place other than {@code near}, smaller or unknown to the gazetteer, in the same country and region. */
    private static GeoMention closerPlace(Frame f, GeoMention near, String country, String admin1) {
        for (SentenceInfo s : f.members) {
            for (GeoMention g : s.places) {
                boolean closer = g.kind() == GeoKind.PLACE
                        && !g.name().equals(near.name())
                        && country != null
                        && country.equals(g.countryCode())
                        && (g.outsideGazetteer() && g.admin1Code() == null
                                || admin1 != null
                                        && admin1.equals(g.admin1Code())
                                        && (g.population() < near.population() || g.division()));
                if (closer) {
                    return g;
                }
            }
        }
        return null;
    }

    /** A town, not a division, that the sentence naming {@code division} places in the division's region, or null. */
    private static GeoMention townInDivision(Frame f, List<SentenceInfo> heads, GeoMention division) {
        for (SentenceInfo s : headsThenMembers(f, heads)) {
            if (division.start() < s.sentence.start() || division.start() >= s.sentence.end()) {
                continue;
            }
            for (GeoMention g : s.places) {
                if (g.kind() == GeoKind.PLACE
                        && !g.division()
                        && division.countryCode().equals(g.countryCode())
                        && (division.admin1Code().equals(g.admin1Code())
                                || g.outsideGazetteer() && g.admin1Code() == null)) {
                    return g;
                }
            }
        }
        return null;
    }

    /** The first town a member sentence of the frame names inside the chosen country and region, or null. */
    private static GeoMention laterPlace(Frame f, String country, String admin1) {
        for (SentenceInfo s : f.members) {
            for (GeoMention g : s.places) {
                boolean inside = g.kind() == GeoKind.PLACE
                        && country != null
                        && country.equals(g.countryCode())
                        && (admin1 == null
                                || admin1.equals(g.admin1Code())
                                || g.outsideGazetteer() && g.admin1Code() == null);
                if (inside) {
                    return g;
                }
            }
        }
        return null;
    }
}
