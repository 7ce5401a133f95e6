package org.wirewatch.extract;

import static org.wirewatch.extract.TokenSpans.tokenAt;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.wirewatch.extract.geo.GeoKind;
import org.wirewatch.extract.geo.GeoMention;
import org.wirewatch.extract.lexicon.ActorMention;
import org.wirewatch.extract.lexicon.SourceMention;
import org.wirewatch.extract.lexicon.Tokens;
import org.wirewatch.extract.rules.CasualtyFact;
import org.wirewatch.extract.rules.DateMention;
import org.wirewatch.extract.rules.TriggerReader;
import org.wirewatch.extract.text.Lexicon;
import org.wirewatch.extract.text.PhraseMatcher;
import org.wirewatch.extract.text.Sentence;
import org.wirewatch.extract.text.Token;

/**
 * Stage 2 of the reader: what each sentence says ({@link SentenceInfo}), from the {@link ReportText}. Places,
 * parties and sources are found once over the whole text (one {@link Tokens} tokenization shared by the gazetteer
 * and both lexicons), then each sentence gets its own, its figures, dates, triggers, markers and attribution cues.
 * One instance per report.
 */
final class SentenceReader {

    /** A city this large after "near" or "outside" is a landmark for the reader, not the event's place. */
    private static final long LANDMARK_CITY = 300_000;

    /** "hospital in ", "a hospital at the ": a hospital's town follows. */
    private static final java.util.regex.Pattern HOSPITAL_BEFORE = java.util.regex.Pattern.compile(
            "\\b(?:hospitals?|clinic|infirmary)\\s+(?:in|at)\\s+(?:the\\s+)?$",
            java.util.regex.Pattern.CASE_INSENSITIVE);
    /** " military hospital", " General Hospital", "'s central district hospital": the town names a hospital. */
    private static final java.util.regex.Pattern HOSPITAL_AFTER = java.util.regex.Pattern.compile(
            "(?:['\u2019]s)?\\s+(?:(?:[A-Z][\\w'-]*|(?i:military|general|central|district|teaching|regional"
                    + "|university|medical|college|city|main|state|provincial|referral|government|public))\\s+){0,3}"
                    + "(?i:hospital|clinic|infirmary)\\b");
    /** "-Jammu highway", "-Fino road": the place is the first of the towns a road is named after. */
    private static final java.util.regex.Pattern ROAD_AFTER_FIRST = java.util.regex.Pattern.compile(
            "-\\p{Lu}[\\p{L}']*(?: \\p{Lu}[\\p{L}']*)? (?:highway|road|motorway|expressway)\\b");
    /** " highway", " road": the place after a hyphen is the last of them. */
    private static final java.util.regex.Pattern ROAD_AFTER_LAST =
            java.util.regex.Pattern.compile(" (?:highway|road|motorway|expressway)\\b");
    /** Words of the victims' care before a hospital's town. */
    /**
     * "Residents of this mountain town began burying their dead": the lead speaks of the dateline's town as where it
     * is written from, and so as the event's place.
     */
    private static final java.util.regex.Pattern THIS_TOWN = java.util.regex.Pattern.compile(
            "\\bthis (?:[a-z-]+ ){0,2}(?:town|city|village)\\b", java.util.regex.Pattern.CASE_INSENSITIVE);

    private static final java.util.regex.Pattern CARE = java.util.regex.Pattern.compile(
            "\\b(?:taken|rushed|evacuated|transferred|airlifted|flown|brought|admitted|treated|moved|received"
                    + "|recovering|hospitali[sz]ed|died)\\b",
            java.util.regex.Pattern.CASE_INSENSITIVE);

    private final Rules rules;
    private final ReportText report;
    private final String text;
    /**
     * Whether the report speaks of a hospital at all: most do not, and the care patterns below would otherwise be
     * tried at every position before every place.
     */
    private final boolean speaksOfCare;

    private final LocalDate published;
    private final int bodyStart;
    private final Set<GeoMention> referencePoints = new HashSet<>();
    private String mainCountry;
    /** The main event's day once the headline or lead has given it; null before. */
    private LocalDate anchor;

    SentenceReader(Rules rules, ReportText report) {
        this.rules = rules;
        this.report = report;
        this.text = report.text();
        String lower = text.toLowerCase(java.util.Locale.ROOT);
        this.speaksOfCare = lower.contains("hospital") || lower.contains("clinic") || lower.contains("infirmary");
        this.published = report.published();
        this.bodyStart = report.bodyStart();
    }

    /** Reads every sentence of the report. */
    ReportFacts read() {
        // one tokenization of the whole text serves the gazetteer and both lexicons
        Tokens shared = Tokens.of(text);
        List<GeoMention> geo = locate(shared);
        List<ActorMention> actors = rules.actors.find(shared, mainCountry);
        List<SourceMention> sources = rules.sources.find(shared, actors, mainCountry);
        List<SentenceInfo> infos = new ArrayList<>(report.sentences().size());
        for (Sentence s : report.sentences()) {
            SentenceInfo info = describe(s, geo, actors, sources);
            infos.add(info);
            if (anchor == null && s.paragraph() <= 1) {
                // the lead's event day anchors "a day after", "two days earlier" in later sentences
                for (DateMention d : info.dates) {
                    if (d.role() == DateMention.Role.EVENT && d.toleranceDays() <= 1) {
                        anchor = d.date();
                        break;
                    }
                }
            }
        }
        // the set itself, not a copy: its iteration order is the one the location stage has always seen
        return new ReportFacts(
                report, Collections.unmodifiableList(infos), Collections.unmodifiableSet(referencePoints), mainCountry);
    }

    // ---------------------------------------------------------------- places

    private List<GeoMention> locate(Tokens shared) {
        List<GeoMention> found = rules.gazetteer.find(shared, Set.of());
        List<GeoMention> out = new ArrayList<>(found.size());
        int headlineEnd = report.headlineEnd();
        Map<String, Integer> votes = new HashMap<>();
        GeoMention thisTown = null;
        String datelineCountry = null;
        for (GeoMention g : found) {
            if (g.start() >= headlineEnd && g.start() < bodyStart) {
                if (datelineCountry == null) {
                    datelineCountry = g.countryCode();
                }
                if (thisTown == null && g.kind() == GeoKind.PLACE) {
                    thisTown = datelineTownInLead(g);
                }
                continue; // the dateline names where the reporter is, not where it happened
            }
            if (g.end() < text.length() && text.charAt(g.end()) == '-' && text.startsWith("-based", g.end())) {
                continue; // "Britain-based monitor"
            }
            if (g.kind() == GeoKind.PLACE && roadEnd(g)) {
                GeoMention road = roadBetween(g, found);
                if (road != null) {
                    out.add(road);
                }
                continue; // "on the Srinagar-Jammu highway in Pulwama district": the road's ends, not the spot
            }
            if (g.kind() == GeoKind.PLACE && whereTheWoundedWereTaken(g)) {
                continue; // "were taken to the Al-Arish military hospital": where the victims went, not the event
            }
            if (rules.capitals.isCapital(g) && WordList.GOVERNMENT_VERB.contains(wordAfter(g.end()))) {
                continue; // "which Tehran blacklists", "until Jakarta recognises": the government, not the city
            }
            if (thisTown != null && thisTown.start() < g.start()) {
                out.add(thisTown);
                thisTown = null;
            }
            out.add(g);
            if (g.countryCode() != null && g.start() < bodyStart + 600) {
                int w = g.kind() == GeoKind.DEMONYM ? 1 : g.kind() == GeoKind.COUNTRY ? 2 : 3;
                votes.merge(g.countryCode(), w, Integer::sum);
            }
        }
        if (thisTown != null) {
            out.add(thisTown);
        }
        mainCountry = votes.entrySet().stream()
                .max(Map.Entry.comparingByValue())
                .map(Map.Entry::getKey)
                .orElse(null);
        if (mainCountry != null
                && datelineCountry != null
                && !datelineCountry.equals(mainCountry)
                && votes.getOrDefault(datelineCountry, 0).equals(votes.get(mainCountry))) {
            // "YEREVAN - ... Armenian soldiers ... Azerbaijani forces ...": a report that names two countries
            // equally is about the one it is filed from
            mainCountry = datelineCountry;
        }
        // "in Somalia's capital", "in the capital": the capital's place, once the report's country is known
        out = withoutDatelineRegion(out, found, headlineEnd);
        return rules.capitals.addTo(text, withoutForeignHomonyms(out, found), mainCountry, headlineEnd, bodyStart);
    }

    /**
     * The place is a hospital's town in a sentence about the victims' care: "taken to the Al-Arish military hospital",
     * "being treated at a hospital in Tegucigalpa", "moved to a city hospital in Belgorod". A hospital that is the
     * target ("a strike near the hospital in Gaza City") has no word of care before it and stays a place.
     */
    private boolean whereTheWoundedWereTaken(GeoMention g) {
        if (!speaksOfCare) {
            return false;
        }
        int from = Math.max(0, g.start() - 200);
        for (int k = g.start() - 1; k >= from; k--) {
            char c = text.charAt(k);
            if (c == '\n' || c == '.' && k + 1 < text.length() && text.charAt(k + 1) == ' ') {
                from = k + 1;
                break;
            }
        }
        boolean hospital = HOSPITAL_BEFORE.matcher(text).region(from, g.start()).find()
                || HOSPITAL_AFTER
                        .matcher(text)
                        .region(g.end(), Math.min(text.length(), g.end() + 60))
                        .lookingAt();
        return hospital && CARE.matcher(text).region(from, g.start()).find();
    }

    /** The place is one end of a road named after the towns it joins: "the Kabul-Jalalabad highway". */
    private boolean roadEnd(GeoMention g) {
        int to = Math.min(text.length(), g.end() + 40);
        return ROAD_AFTER_FIRST.matcher(text).region(g.end(), to).lookingAt()
                || g.start() > 1
                        && text.charAt(g.start() - 1) == '-'
                        && Character.isLetter(text.charAt(g.start() - 2))
                        && ROAD_AFTER_LAST.matcher(text).region(g.end(), to).lookingAt();
    }

    /**
     * "shot dead on the Pattani-Narathiwat road": a road named after two towns of two regions of one country lies in
     * neither, so the road itself is the place (written as the report spells it), in no region. Null unless {@code
     * first} is the first of two such towns joined by a hyphen before the road word (a road between two towns of one
     * region leaves the place to the district or town the sentence names: "the Srinagar-Jammu highway in Pulwama").
     */
    private GeoMention roadBetween(GeoMention first, List<GeoMention> found) {
        if (!ROAD_AFTER_FIRST
                .matcher(text)
                .region(first.end(), Math.min(text.length(), first.end() + 40))
                .lookingAt()) {
            return null;
        }
        for (GeoMention last : found) {
            if (last.start() != first.end() + 1 || last.kind() != GeoKind.PLACE) {
                continue;
            }
            java.util.regex.Matcher m = ROAD_AFTER_LAST.matcher(text).region(last.end(), text.length());
            if (first.countryCode() == null
                    || !first.countryCode().equals(last.countryCode())
                    || first.admin1Code() == null
                    || last.admin1Code() == null
                    || first.admin1Code().equals(last.admin1Code())
                    || !m.lookingAt()) {
                return null;
            }
            String surface = text.substring(first.start(), m.end());
            return new GeoMention(
                    first.start(), m.end(), surface, GeoKind.PLACE, first.countryCode(), null, surface, null, null, 0);
        }
        return null;
    }

    /**
     * The town follows a preposition that puts an event there ("a strike on X", "near X"), or "of" after a site noun
     * ("in the southern city of X").
     */
    private boolean scenePlaced(GeoMention g) {
        String before = wordBefore(g.start());
        if (before.equals("of")) {
            return WordList.SITE_NOUN.contains(wordBefore(g.start() - 3));
        }
        return WordList.SCENE_PREPOSITION.contains(before);
    }

    /** The lower-cased word right before {@code at} (one space between), or "". */
    private String wordBefore(int at) {
        if (at < 2 || text.charAt(at - 1) != ' ') {
            return "";
        }
        int k = at - 1;
        while (k > 0 && Character.isLetter(text.charAt(k - 1))) {
            k--;
        }
        return text.substring(k, at - 1).toLowerCase(java.util.Locale.ROOT);
    }

    /** The lower-cased word right after {@code at} (one space between), or "". */
    private String wordAfter(int at) {
        if (at + 1 >= text.length() || text.charAt(at) != ' ') {
            return "";
        }
        int k = at + 1;
        while (k < text.length() && Character.isLetter(text.charAt(k))) {
            k++;
        }
        return text.substring(at + 1, k).toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * The dateline's town placed at "this town" in the lead's first sentence ("this mountain town", "this northern
     * city"), or null when the lead does not speak of it so.
     */
    private GeoMention datelineTownInLead(GeoMention dateline) {
        int end = text.indexOf(". ", bodyStart);
        if (!text.substring(bodyStart, end < 0 ? text.length() : end)
                .toLowerCase(java.util.Locale.ROOT)
                .contains("this ")) {
            return null; // a literal test first: the pattern would be tried at every position of the lead
        }
        java.util.regex.Matcher m = THIS_TOWN.matcher(text).region(bodyStart, end < 0 ? text.length() : end);
        if (!m.find()) {
            return null;
        }
        return dateline.at(m.start(), m.end(), dateline.name());
    }

    /**
     * A village the gazetteer lacks and no cue placed in a region took the one region the text's towns have; when
     * that region is only the dateline's ("OUAGADOUGOU (AFP) - ... sent to Tindila, in Loroum province"), it is where
     * the reporter is, and the village is left without a region.
     */
    private List<GeoMention> withoutDatelineRegion(List<GeoMention> kept, List<GeoMention> all, int headlineEnd) {
        Set<String> dateline = new HashSet<>();
        Set<String> named = new HashSet<>();
        for (GeoMention g : all) {
            if (g.admin1Code() == null || g.outsideGazetteer()) {
                continue;
            }
            boolean atDateline = g.start() >= headlineEnd && g.start() < bodyStart;
            (atDateline ? dateline : named).add(g.admin1Code());
        }
        dateline.removeAll(named);
        if (dateline.isEmpty()) {
            return kept;
        }
        List<GeoMention> out = new ArrayList<>(kept.size());
        for (GeoMention g : kept) {
            out.add(
                    g.outsideGazetteer() && dateline.contains(g.admin1Code())
                            ? new GeoMention(
                                    g.start(),
                                    g.end(),
                                    g.surface(),
                                    g.kind(),
                                    g.countryCode(),
                                    null,
                                    g.name(),
                                    null,
                                    null,
                                    0)
                            : g);
        }
        return out;
    }

    /**
     * Drops gazetteer towns in countries the report never brings up: "Salerno" in a story from Iran, "La Paz" out of
     * "Sala da Paz" in one from Mozambique. A country is brought up by its name, its people, one of its regions
     * (the dateline included), or by two different towns of its own; a report that brings up no country at all
     * keeps every town.
     */
    private List<GeoMention> withoutForeignHomonyms(List<GeoMention> kept, List<GeoMention> all) {
        Set<String> attested = new HashSet<>();
        Map<String, Set<String>> towns = new HashMap<>();
        for (GeoMention g : all) {
            if (g.countryCode() == null) {
                continue;
            }
            if (g.kind() == GeoKind.PLACE) {
                towns.computeIfAbsent(g.countryCode(), k -> new HashSet<>()).add(g.name());
            } else {
                attested.add(g.countryCode());
            }
        }
        // two towns attest their country only when no other country has more of them: homonyms abroad come in
        // pairs too ("Swat" and "Oakville" are both American towns), but never outnumber the story's own
        int most = towns.values().stream().mapToInt(Set::size).max().orElse(0);
        towns.forEach((country, names) -> {
            if (names.size() >= 2 && names.size() == most) {
                attested.add(country);
            }
        });
        if (attested.isEmpty()) {
            return kept;
        }
        // a report that names no town of the countries it brings up tells of a town abroad: "An Israeli strike on a
        // house in Gaza City", "a Turkish drone strike near Qamishli" (the countries named are the attacker's)
        boolean homeTown = false;
        for (GeoMention g : kept) {
            homeTown |= g.kind() == GeoKind.PLACE && g.countryCode() != null && attested.contains(g.countryCode());
        }
        List<GeoMention> out = new ArrayList<>(kept.size());
        for (GeoMention g : kept) {
            boolean foreign = g.kind() == GeoKind.PLACE
                    && !g.outsideGazetteer()
                    && g.countryCode() != null
                    && !attested.contains(g.countryCode())
                    && (homeTown || !scenePlaced(g));
            if (!foreign) {
                out.add(g);
            }
        }
        return out;
    }

    private boolean isReferencePoint(Sentence s, GeoMention g) {
        List<Token> tokens = s.tokens();
        int at = tokenAt(tokens, g.start());
        if (at < 0) {
            return false;
        }
        // "a school near Congo border", "close to the Somali border", "near the border with Congo": a neighbour
        // named as a landmark
        if ((g.kind() == GeoKind.COUNTRY || g.kind() == GeoKind.DEMONYM)
                && at >= 2
                && tokens.get(at - 1).is("with")
                && tokens.get(at - 2).is("border")) {
            return true;
        }
        if ((g.kind() == GeoKind.COUNTRY || g.kind() == GeoKind.DEMONYM)) {
            int last = tokenAt(tokens, g.end() - 1);
            if (last >= 0 && last + 1 < tokens.size() && tokens.get(last + 1).is("border")) {
                for (int k = at - 1; k >= 0 && k >= at - 3; k--) {
                    if (tokens.get(k).is("near")
                            || tokens.get(k).is("close")
                            || tokens.get(k).is("outside")) {
                        return true;
                    }
                }
            }
        }
        // "50 km (30 miles) south of Baghdad", "north of the airport"
        for (int k = at - 1; k >= 0 && k >= at - 8; k--) {
            String w = tokens.get(k).lower();
            if (WordList.DISTANCE_UNIT.contains(w)) {
                return true;
            }
            if (w.equals("of") && k > 0 && isDirection(tokens.get(k - 1).lower())) {
                return true;
            }
            if (k == at - 1 && (w.equals("near") || w.equals("outside")) && g.population() >= LANDMARK_CITY) {
                // "a raid near Mogadishu" is not in Mogadishu, but "near Aorema" is as close as the report gets:
                // analysts code the small place named, never a city used as a landmark
                return true;
            }
            if (tokens.get(k).is(".") || tokens.get(k).is(";")) {
                break;
            }
        }
        return false;
    }

    private static boolean followsSpeechVerb(Sentence s, GeoMention g) {
        int at = tokenAt(s.tokens(), g.start());
        if (at <= 0) {
            return false;
        }
        String prev = s.tokens().get(at - 1).lower();
        return WordList.NAME_AFTER_SPEECH.contains(prev);
    }

    private static boolean followsBlame(Sentence s, GeoMention g) {
        int at = tokenAt(s.tokens(), g.start());
        if (at > 1 && s.tokens().get(at - 1).is("on")) {
            at--; // "in blasts the group blamed on Israel"
        }
        return at > 0 && WordList.BLAME_CUE.contains(s.tokens().get(at - 1).lower());
    }

    /** Whether the place follows "originally from", "fighters from", "a native of": a person's home, not a site. */
    private static boolean followsOrigin(Sentence s, GeoMention g) {
        int at = tokenAt(s.tokens(), g.start());
        if (at < 2) {
            return false;
        }
        List<Token> t = s.tokens();
        String cue = t.get(at - 2).lower();
        return t.get(at - 1).is("from") && WordList.ORIGIN_FROM.contains(cue)
                || t.get(at - 1).is("of") && WordList.ORIGIN_OF.contains(cue);
    }

    private static boolean isDirection(String w) {
        return w.startsWith("north") || w.startsWith("south") || w.startsWith("east") || w.startsWith("west");
    }

    // ---------------------------------------------------------------- sentences

    /**
     * Whether the sentence is the second toll clause of a sentence TollClauses split, and names a town the first
     * clause does not.
     */
    private boolean secondTollAt(Sentence s, List<GeoMention> places) {
        if (!TollClauses.isSecondClause(s)) {
            return false;
        }
        Sentence first = report.sentences().get(s.index() - 1);
        if (first.paragraph() != s.paragraph() || first.end() > s.start()) {
            return false;
        }
        String before = text.substring(first.start(), first.end());
        for (GeoMention g : places) {
            if (g.kind() == GeoKind.PLACE && !before.contains(text.substring(g.start(), g.end()))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a clause tells something done of its own: a trigger, however weak, or a verb of damage ("two bombs
     * levelled a monastery"). "while in B officials condemned the attack" tells none.
     */
    private static boolean toldDamage(List<Token> tokens, List<TriggerReader.Trigger> triggers) {
        if (!triggers.isEmpty()) {
            return true;
        }
        for (Token t : tokens) {
            if (WordList.DAMAGE_VERB.contains(t.lower())) {
                return true;
            }
        }
        return false;
    }

    private SentenceInfo describe(
            Sentence s, List<GeoMention> geo, List<ActorMention> actors, List<SourceMention> sources) {
        List<Token> tokens = s.tokens();
        List<ActorMention> myActors = within(actors, s, ActorMention::start);
        List<SourceMention> mySources = within(sources, s, SourceMention::start);
        List<GeoMention> places = new ArrayList<>();
        List<GeoMention> allPlaces = new ArrayList<>();
        int compared = comparedClause(tokens);
        for (GeoMention g : geo) {
            if (g.start() < s.start() || g.start() >= s.end()) {
                continue;
            }
            if (compared >= 0 && tokenAt(tokens, g.start()) > compared) {
                continue; // "the deadliest attack since Washington launched its campaign": the past compared with
            }
            allPlaces.add(g);
            boolean inParty = false;
            for (ActorMention a : myActors) {
                inParty |= a.start() <= g.start() && g.end() <= a.end();
            }
            for (SourceMention a : mySources) {
                inParty |= a.start() <= g.start() && g.end() <= a.end();
            }
            if (inParty && (g.kind() == GeoKind.COUNTRY || g.kind() == GeoKind.DEMONYM)) {
                continue;
            }
            if (isReferencePoint(s, g)) {
                referencePoints.add(g);
                continue;
            }
            if (g.kind() == GeoKind.PLACE && followsSpeechVerb(s, g)) {
                continue; // "said Ali Hassan, a doctor": a person, not a place
            }
            if ((g.kind() == GeoKind.COUNTRY || g.kind() == GeoKind.DEMONYM) && followsBlame(s, g)) {
                continue; // "Hezbollah blames Israel": the accused, not where it happened
            }
            if (g.kind() == GeoKind.PLACE && followsOrigin(s, g)) {
                continue; // "a driver originally from X": the victim's home town, not where it happened
            }
            places.add(g);
        }
        List<CasualtyFact> facts = rules.totals.withoutRunningTotals(tokens, rules.casualties.read(tokens));
        List<DateMention> dates = rules.dates.find(tokens, published, anchor == null ? published : anchor);
        if (!dates.isEmpty() && s.start() < bodyStart) {
            // "Srinagar, Feb 15 (PTI)": the dateline's date is when the story was filed, not when it happened
            dates = dates.stream()
                    .filter(d -> tokens.get(d.from()).start() >= bodyStart)
                    .toList();
        }
        Set<Integer> placeStarts = new HashSet<>();
        for (GeoMention g : geo) {
            if (g.start() >= s.start() && g.start() < s.end() && g.kind() != GeoKind.DEMONYM) {
                placeStarts.add(tokenAt(tokens, g.start()));
            }
        }
        List<TriggerReader.Trigger> triggers = rules.triggers.read(tokens, placeStarts::contains);
        boolean newMarker = false;
        int sequel = sequelClause(tokens);
        if (sequel >= 0) {
            // "Friday's bombing came a day after militants killed six": the day before the verb names the event the
            // report is about; the sentence tells another, earlier one, with its own figures
            int verb = sequel;
            dates = dates.stream().filter(d -> d.to() > verb).toList();
            newMarker = otherEventAfter(tokens, facts, triggers, sequel);
        } else {
            facts = withoutAsideTolls(tokens, dates, facts, triggers);
            dates = eventAfterAside(tokens, dates, facts, triggers);
        }
        dates = withoutComparedPast(tokens, dates);
        // "..., and nine died in clashes in Kandahar" split off a toll told for another place (TollClauses): that
        // clause is an engagement of its own; so is "..., while in B two rockets struck a school", which needs no
        // toll, only an event of its own
        newMarker |= (!facts.isEmpty() || (TollClauses.isPlaceClause(s) && toldDamage(tokens, triggers)))
                && secondTollAt(s, places);
        boolean superseded = false;
        boolean hasCumulativeCue = false;
        boolean hasPeriodCue = false;
        boolean sinceRecent = false;
        boolean conflictNoun = false;
        boolean series = false;
        boolean laterEvent = false;
        int sinceEvent = -1;
        for (PhraseMatcher.Match m : rules.markers.findAll(tokens)) {
            String kind = m.entry().value(0);
            String key = m.entry().key();
            switch (kind) {
                case "NEW" -> {
                    // sentence openers only: "in another" or "a second" further in is an aside ("killed in another
                    // clash last year", "for a second time")
                    boolean adverb = key.equals("elsewhere")
                            || key.equals("separately")
                            || key.startsWith("in ")
                            || key.startsWith("a ");
                    // an ordinal counts events only: "A second raid", not "A second victim ... died in hospital"
                    boolean ordinal = key.endsWith("second") || key.endsWith("third");
                    boolean eventFollows = false;
                    for (TriggerReader.Trigger t : triggers) {
                        eventFollows |= t.from() >= m.to() && t.from() <= m.to() + 1;
                    }
                    if ((!adverb || m.from() == 0) && (!ordinal || eventFollows)) {
                        newMarker = true;
                    }
                }
                case "SUPERSEDED" -> {
                    boolean dateWord = m.from() > 1
                            && (tokens.get(m.from() - 1).is("days")
                                    || tokens.get(m.from() - 1).is("day")
                                    || tokens.get(m.from() - 1).is("weeks"));
                    boolean thisWeek =
                            m.to() < tokens.size() && tokens.get(m.to()).is("this");
                    if (!dateWord && !thisWeek) {
                        superseded = true;
                    }
                }
                case "CUMULATIVE" -> {
                    if (key.equals("since") && earlierEventSince(tokens, m.to(), facts, dates)) {
                        // "Friday's blast was the first attack in the region since two monks were shot dead at their
                        // monastery seven days earlier": the clause tells an earlier event, with its own dead and day
                        sinceEvent = m.to();
                        newMarker = true;
                        continue;
                    }
                    if (key.equals("since") && sinceRecentDay(m.to(), dates)) {
                        // "At least 24 people have been killed since Saturday in fighting between ...": fighting
                        // still going on, told a day or two later, whose toll is the event's own, not a total over
                        // a period of several events
                        sinceRecent = true;
                        continue;
                    }
                    if ((key.equals("since") || key.equals("this year") || key.equals("last year"))
                            && afterSuperlative(tokens, m.from())) {
                        // "the highest army toll since the Gaza war began", "the worst violence to hit the capital
                        // this year": a comparison with the past, not a total over it
                        continue;
                    }
                    if (key.equals("since") && facts.isEmpty() && eventToldBefore(tokens, triggers, dates, m.from())) {
                        // "Forces entered the city on Friday, hours after Moscow said it had pulled out of the only
                        // capital it had captured since the invasion began": with no toll to add up, a period in a
                        // later clause leaves the event told with its day before it an event
                        continue;
                    }
                    if (key.equals("this year") || key.equals("this month") || key.equals("last year")) {
                        hasCumulativeCue = true;
                    } else if (key.equals("between") || key.equals("from")) {
                        // "from" only with its other end: "from Tuesday to Thursday", not "the toll from Saturday's
                        // shelling"
                        // "on the night between Monday and Tuesday" is one night, no period to add up
                        boolean oneNight =
                                m.from() > 0 && tokens.get(m.from() - 1).is("night");
                        boolean range = !oneNight && (key.equals("between") || closesRange(tokens, m.to()));
                        // the period's day follows the word: "between October 5 and 8", not "fighting between two
                        // groups ... since Saturday"
                        int after = m.to();
                        if (range
                                && dates.stream()
                                        .anyMatch(d -> d.role() == DateMention.Role.PERIOD
                                                && d.from() >= after
                                                && d.from() <= after + 1)) {
                            hasPeriodCue = true;
                        }
                    } else {
                        hasPeriodCue = true;
                    }
                }
                // "Fresh fighting has killed 24": the outbreak just told, whose toll is no running total
                case "CONFLICT" -> conflictNoun |= !freshOutbreak(tokens, m.from());
                // "a wave of killings", "two days of air strikes", never "two days of fighting": the events are
                // plural, so the figure after them adds up several ("two days of U.S. attacks": past a modifier)
                case "SERIES" -> {
                    for (int k = m.to(); k < Math.min(tokens.size(), m.to() + 4); k++) {
                        series |= pluralNoun(tokens.get(k));
                    }
                }
                case "LATER", "EARLIER_SAME_DAY" -> {
                    // opening the sentence, or its reported speech: "observers reported that earlier in the day, ..."
                    boolean opens = m.from() == 0 || tokens.get(m.from() - 1).is("that");
                    if (opens && eventOfItsOwn(tokens, facts, triggers, m.to())) {
                        laterEvent = true;
                    } else if (kind.equals("EARLIER_SAME_DAY")) {
                        superseded = true;
                    }
                }
                default -> {}
            }
        }
        if (sinceEvent >= 0) {
            int from = sinceEvent;
            dates = dates.stream().filter(d -> d.from() >= from).toList();
        }
        // plain loops, not streams: this runs for every sentence of every report
        boolean specificDate = false;
        boolean dayGiven = false;
        for (DateMention d : dates) {
            dayGiven |= d.toleranceDays() < 7;
            specificDate |=
                    (d.role() == DateMention.Role.EVENT || d.role() == DateMention.Role.PAST && d.toleranceDays() < 30)
                            && d.toleranceDays() <= 15;
        }
        int maxWeight = 0;
        for (TriggerReader.Trigger t : triggers) {
            maxWeight = Math.max(maxWeight, t.weight());
        }
        boolean inYear = false;
        for (int i = 1; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.isNumber() && t.text().length() == 4 && tokens.get(i - 1).is("in")) {
                inYear = true;
            }
        }
        boolean cumulative = hasPeriodCue
                || rules.totals.spansLongPeriod(tokens)
                || (hasCumulativeCue && !specificDate && maxWeight < 3)
                // "In March, a wave of killings ...": dated by a month, no one event's day; undated, a series of
                // strikes may be
                // the night's raid ("a series of strikes on the group's positions killed five")
                || (series && !dates.isEmpty() && !dayGiven)
                // "which had lost 25 members in army-initiated encounters last week": a side's losses over a string
                // of engagements in a span of days
                || (!facts.isEmpty() && lossesOverEngagements(tokens, facts, dates))
                || (inYear && !specificDate && maxWeight < 3)
                || (conflictNoun && !sinceRecent && perfectKill(tokens))
                // "brought to 18 the number of mayors slain during his term": a tally of many events
                || (!facts.isEmpty() && !rules.totals.numbersBroughtTo(tokens).isEmpty())
                // "Its commander has said its forces have killed 1,500 fighters", told after the lead with no day,
                // place or event word: a party's running total, not a toll of the incident told
                || (s.paragraph() > 1 && dates.isEmpty() && places.isEmpty() && maxWeight < 2 && haveKilled(tokens));
        boolean also = false;
        for (Token t : tokens) {
            also |= t.is("also");
        }
        return new SentenceInfo(
                s,
                facts,
                dates,
                triggers,
                places,
                myActors,
                mySources,
                newMarker,
                superseded,
                cumulative,
                also,
                laterEvent,
                allPlaces,
                withClaimedAttacks(rules.attribution.findAll(tokens), triggers, tokens));
    }

    /** A {@code FRESH_OUTBREAK} word at most three words before the conflict noun ("fresh tribal fighting"). */
    private static boolean freshOutbreak(List<Token> tokens, int noun) {
        for (int k = noun - 1; k >= Math.max(0, noun - 3); k--) {
            if (WordList.FRESH_OUTBREAK.contains(tokens.get(k).lower())) {
                return true;
            }
        }
        return false;
    }

    /**
     * A side's count of its dead ({@code LOSS_VERB} before it) followed by "in" and a plural event noun, in a sentence
     * dated by a span of days ("last week"), not by one day.
     */
    private static boolean lossesOverEngagements(
            List<Token> tokens, List<CasualtyFact> facts, List<DateMention> dates) {
        boolean span = false;
        for (DateMention d : dates) {
            if (d.toleranceDays() < 3) {
                return false;
            }
            span = true;
        }
        if (!span) {
            return false;
        }
        for (CasualtyFact f : facts) {
            if (f.role() != CasualtyFact.Role.KILLED
                    || !f.isTotal()
                    || f.from() == 0
                    || !WordList.LOSS_VERB.contains(tokens.get(f.from() - 1).lower())
                    || f.to() >= tokens.size()
                    || !tokens.get(f.to()).is("in")) {
                continue;
            }
            for (int k = f.to() + 1; k < Math.min(tokens.size(), f.to() + 4); k++) {
                if (pluralNoun(tokens.get(k))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A lower-case plural noun ("killings", "strikes"), not "fighting" or "unrest". */
    private static boolean pluralNoun(Token t) {
        String w = t.text();
        return Token.looksPlural(w) && w.equals(t.lower());
    }

    /**
     * After "Later the same day" or "Hours later" (ending at token {@code from}): whether the sentence tells an event
     * of its own, an event word right after the opener ("Hours later, another explosion ...") or a fresh toll before
     * any speech verb after it ("... a convoy was hit, killing five officers", "a man was shot dead"); not more dead of the same event
     * ("Hours later, prosecutors said two more officers had died").
     */
    private static boolean eventOfItsOwn(
            List<Token> tokens, List<CasualtyFact> facts, List<TriggerReader.Trigger> triggers, int from) {
        int opener = from;
        while (opener < tokens.size() && tokens.get(opener).isPunct()) {
            opener++;
        }
        for (TriggerReader.Trigger t : triggers) {
            if (t.weight() >= 2 && t.from() >= from && t.from() <= opener + 2) {
                return true;
            }
        }
        int speech = tokens.size();
        for (int k = from; k < tokens.size(); k++) {
            if (WordList.SPEECH_VERB.contains(tokens.get(k).lower())) {
                speech = k;
                break;
            }
        }
        for (CasualtyFact f : facts) {
            boolean fresh = f.isTotal() && !f.additive() || f.kind() == CasualtyFact.Kind.IMPLICIT;
            if (fresh && f.from() >= from && f.from() < speech) {
                return true;
            }
        }
        return false;
    }

    /**
     * "IS claimed twin bombings", "the IRGC claimed the strikes", "Hamas claims Jaffa attack": a CLAIMED_ATTACK cue
     * is a claim of responsibility when an event word follows within four tokens, and nothing otherwise ("rejected
     * the BLA's claims").
     */
    private static List<PhraseMatcher.Match> withClaimedAttacks(
            List<PhraseMatcher.Match> cues, List<TriggerReader.Trigger> triggers, List<Token> tokens) {
        List<PhraseMatcher.Match> out = new ArrayList<>(cues.size());
        for (PhraseMatcher.Match m : cues) {
            if (m.entry().value(0).equals("SPEECH")
                    && m.to() < tokens.size()
                    && tokens.get(m.to()).is("of")
                    && WordList.PASSIVE_BEFORE_OF.contains(m.entry().key())) {
                continue; // "the man accused of smuggling the bomber" is told of, he does not speak
            }
            if (!m.entry().value(0).equals("CLAIMED_ATTACK")) {
                out.add(m);
            } else if (triggers.stream().anyMatch(t -> t.from() >= m.to() && t.from() <= m.to() + 4)
                    && (m.entry().key().startsWith("claim") || reportedBefore(cues, m.from()))) {
                Lexicon.Entry e = m.entry();
                out.add(new PhraseMatcher.Match(
                        m.from(), m.to(), new Lexicon.Entry(e.key(), List.of("RESPONSIBILITY"), e.reason(), e.line())));
            }
        }
        return out;
    }

    /**
     * "X said one of its members carried out the bombing" claims it; "the military carried out 300 air strikes,
     * according to the UN" only tells of it: a cue that is no word of claiming counts only in reported speech.
     */
    private static boolean reportedBefore(List<PhraseMatcher.Match> cues, int at) {
        for (PhraseMatcher.Match c : cues) {
            if (c.to() <= at && c.entry().value(0).equals("SPEECH")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a specific trigger and the day of its event both come before token {@code at}, with a comma closing
     * their clause before it.
     */
    private static boolean eventToldBefore(
            List<Token> tokens, List<TriggerReader.Trigger> triggers, List<DateMention> dates, int at) {
        int end = -1;
        for (TriggerReader.Trigger t : triggers) {
            if (t.weight() >= 3 && t.to() <= at) {
                end = t.to();
                break;
            }
        }
        if (end < 0) {
            return false;
        }
        int day = -1;
        for (DateMention d : dates) {
            if (d.role() == DateMention.Role.EVENT && d.from() >= end && d.to() <= at && d.toleranceDays() <= 1) {
                day = d.to();
                break;
            }
        }
        if (day < 0) {
            return false;
        }
        for (int k = day; k < at; k++) {
            if (tokens.get(k).is(",")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the clause after "since" (from token {@code from}) tells an event of its own: a death toll, then a day
     * of the event ("since two monks were shot dead ... seven days earlier"), not a period's start ("since 2015",
     * "since the war began").
     */
    /** A day no more than three days before publication right after "since" ("since Saturday"). */
    private boolean sinceRecentDay(int from, List<DateMention> dates) {
        for (DateMention d : dates) {
            if (d.from() == from
                    && d.date() != null
                    && d.toleranceDays() <= 1
                    && !d.date().isBefore(published.minusDays(3))) {
                return true;
            }
        }
        return false;
    }

    private static boolean earlierEventSince(
            List<Token> tokens, int from, List<CasualtyFact> facts, List<DateMention> dates) {
        for (DateMention d : dates) {
            if (d.from() <= from
                    || d.role() != DateMention.Role.EVENT && d.role() != DateMention.Role.PAST
                    || d.toleranceDays() > 7) {
                continue;
            }
            // the dead are told between "since" and the day: "since the offensive began on Wednesday to 311" is a
            // running total over a period that began that day
            for (CasualtyFact f : facts) {
                if (f.from() >= from
                        && f.from() < d.from()
                        && f.role() == CasualtyFact.Role.KILLED
                        && (f.isTotal() && f.value() != null || f.kind() == CasualtyFact.Kind.IMPLICIT)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * "the deadliest attack since Washington launched its campaign against the group last month": a day in the
     * clause a superlative compares with is the start of the period compared, never the event's day.
     */
    private static List<DateMention> withoutComparedPast(List<Token> tokens, List<DateMention> dates) {
        int compared = dates.isEmpty() ? -1 : comparedClause(tokens);
        if (compared < 0) {
            return dates;
        }
        List<DateMention> out = new ArrayList<>(dates.size());
        for (DateMention d : dates) {
            if (d.from() <= compared) {
                out.add(d);
            }
        }
        return out;
    }

    /**
     * The "since" of a clause a superlative compares with ("the deadliest attack since ..."), or -1: what follows it
     * (to the end of the sentence) tells the past compared with, not the event.
     */
    private static int comparedClause(List<Token> tokens) {
        for (int k = 1; k < tokens.size(); k++) {
            if (tokens.get(k).is("since") && afterSuperlative(tokens, k)) {
                return k;
            }
        }
        return -1;
    }

    /** A superlative ("worst", "deadliest", "highest") among the eight tokens before a period word. */
    /**
     * The sequel verb of "X came [a day, two days, days, hours] after|before Y", or -1: what follows "after" is
     * another event than X.
     */
    private static int sequelClause(List<Token> tokens) {
        for (int i = 1; i < tokens.size(); i++) {
            if (!WordList.SEQUEL_VERB.contains(tokens.get(i).lower())) {
                continue;
            }
            for (int j = i + 1; j < tokens.size() && j <= i + 5; j++) {
                Token t = tokens.get(j);
                if (t.isPunct()) {
                    break;
                }
                if (t.is("after") || t.is("before")) {
                    return i;
                }
            }
        }
        return -1;
    }

    /**
     * "Residents began burying their dead on Thursday, a day after gunmen stormed the town hall, killing 20": when
     * everything violent in a sentence follows an appended "a day after", that relative day is the event's, and the
     * day before it dates only the aside.
     */
    private static List<DateMention> eventAfterAside(
            List<Token> tokens,
            List<DateMention> dates,
            List<CasualtyFact> facts,
            List<TriggerReader.Trigger> triggers) {
        if (dates.size() < 2) {
            return dates;
        }
        for (int k = 1; k < dates.size(); k++) {
            DateMention d = dates.get(k);
            if (!appendedAfter(tokens, d)) {
                continue;
            }
            boolean violenceBefore = false;
            for (CasualtyFact f : facts) {
                violenceBefore |= f.from() < d.from();
            }
            for (TriggerReader.Trigger t : triggers) {
                violenceBefore |= t.from() < d.from() && t.weight() >= 2;
            }
            if (violenceBefore) {
                return dates;
            }
            List<DateMention> out = new ArrayList<>(dates.size());
            out.add(d);
            for (DateMention other : dates) {
                if (other != d) {
                    out.add(other);
                }
            }
            return out;
        }
        return dates;
    }

    /** An event day in an appended ", a week after ..." clause: the day of an earlier event the sentence recalls. */
    private static boolean appendedAfter(List<Token> tokens, DateMention d) {
        return d.from() > 0
                && tokens.get(d.from() - 1).is(",")
                && tokens.get(d.to() - 1).is("after")
                && d.role() == DateMention.Role.EVENT;
    }

    /**
     * "A bomb wounded six policemen on Friday, a week after gunmen shot dead two monks": the toll in an appended "a
     * week after" clause, once the sentence has told its own event before it, is the earlier event's (told again
     * where the report comes back to it), never a figure of the event the sentence is about.
     */
    private static List<CasualtyFact> withoutAsideTolls(
            List<Token> tokens,
            List<DateMention> dates,
            List<CasualtyFact> facts,
            List<TriggerReader.Trigger> triggers) {
        for (DateMention d : dates) {
            if (!appendedAfter(tokens, d)) {
                continue;
            }
            boolean eventBefore = false;
            boolean tollAfter = false;
            for (CasualtyFact f : facts) {
                eventBefore |= f.to() <= d.from();
                tollAfter |= f.from() >= d.to();
            }
            for (TriggerReader.Trigger t : triggers) {
                eventBefore |= t.to() <= d.from() && t.weight() >= 2;
            }
            if (!eventBefore || !tollAfter) {
                return facts;
            }
            List<CasualtyFact> out = new ArrayList<>(facts.size());
            for (CasualtyFact f : facts) {
                if (f.from() < d.from()) {
                    out.add(f);
                }
            }
            return out;
        }
        return facts;
    }

    /** Whether the clause after a sequel verb tells a violent event of its own: a toll, or a specific trigger. */
    private static boolean otherEventAfter(
            List<Token> tokens, List<CasualtyFact> facts, List<TriggerReader.Trigger> triggers, int verb) {
        for (CasualtyFact f : facts) {
            if (f.from() > verb && f.kind() != CasualtyFact.Kind.BREAKDOWN) {
                return true;
            }
        }
        for (TriggerReader.Trigger t : triggers) {
            if (t.from() > verb && t.weight() >= 3) {
                return true;
            }
        }
        return false;
    }

    private static boolean afterSuperlative(List<Token> tokens, int at) {
        for (int k = Math.max(0, at - 8); k < at; k++) {
            String w = tokens.get(k).lower();
            if (w.equals("worst")
                    || w.equals("biggest")
                    || w.length() > 5 && w.endsWith("iest")
                    || w.equals("highest")
                    || w.equals("largest")
                    || w.equals("heaviest")) {
                return true;
            }
        }
        return false;
    }

    private static boolean closesRange(List<Token> tokens, int from) {
        for (int k = from; k < Math.min(tokens.size(), from + 5); k++) {
            if (tokens.get(k).is("to")
                    || tokens.get(k).is("until")
                    || tokens.get(k).is("through")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the sentence has "has killed" or "have killed" as a finite verb; "claimed to have killed more than 100"
     * claims a toll of the event told.
     */
    private static boolean haveKilled(List<Token> tokens) {
        for (int i = 0; i + 1 < tokens.size(); i++) {
            if ((tokens.get(i).is("has") || tokens.get(i).is("have"))
                    && tokens.get(i + 1).is("killed")
                    && (i == 0 || !tokens.get(i - 1).is("to"))) {
                return true;
            }
        }
        return false;
    }

    private static boolean perfectKill(List<Token> tokens) {
        for (int i = 0; i < tokens.size(); i++) {
            if (tokens.get(i).is("has") || tokens.get(i).is("have")) {
                for (int k = i + 1; k < Math.min(tokens.size(), i + 13); k++) {
                    String w = tokens.get(k).lower();
                    if (w.equals("killed")
                            || w.equals("died")
                            || w.equals("claimed")
                            || w.equals("cost")
                            || w.equals("left")) {
                        return true;
                    }
                    if (tokens.get(k).is(".") || tokens.get(k).is(";")) {
                        break;
                    }
                }
            }
        }
        return false;
    }

    private static <T> List<T> within(List<T> all, Sentence s, java.util.function.ToIntFunction<T> start) {
        List<T> out = new ArrayList<>(2);
        for (T t : all) {
            int at = start.applyAsInt(t);
            if (at >= s.start() && at < s.end()) {
                out.add(t);
            }
        }
        return out;
    }
}
