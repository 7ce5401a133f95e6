package org.wirewatch.extract;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.wirewatch.common.Publication;
import org.wirewatch.extract.geo.Dateline;
import org.wirewatch.extract.geo.GeoKind;
import org.wirewatch.extract.geo.GeoMention;
import org.wirewatch.extract.lexicon.ActorMention;
import org.wirewatch.extract.lexicon.SourceMention;
import org.wirewatch.extract.rules.CasualtyFact;
import org.wirewatch.extract.rules.DateMention;
import org.wirewatch.extract.rules.TriggerReader;
import org.wirewatch.extract.text.Lexicon;
import org.wirewatch.extract.text.PhraseMatcher;
import org.wirewatch.extract.text.Sentence;
import org.wirewatch.extract.text.Token;
import org.wirewatch.schema.Actor;
import org.wirewatch.schema.CasualtyFigure;
import org.wirewatch.schema.Claim;
import org.wirewatch.schema.ClaimKind;
import org.wirewatch.schema.EventType;
import org.wirewatch.schema.EvidenceSpan;
import org.wirewatch.schema.ExtractionStatus;
import org.wirewatch.schema.GeoPrecision;
import org.wirewatch.schema.IncidentMention;
import org.wirewatch.schema.Location;
import org.wirewatch.schema.PubStatus;
import org.wirewatch.schema.Recency;
import org.wirewatch.schema.ReportExtraction;
import org.wirewatch.schema.SubEventType;
import org.wirewatch.schema.WireReport;

/**
 * Reads one report: sentences, then what each sentence says, then incidents (sentences grouped by event), then
 * claims. One instance per report; not shared between threads.
 */
final class ReportReader {

    /** Events older than this many days before publication are background (corpus convention 9). */
    static final int RECENT_DAYS = 10;

    private static final Set<String> ARMED_TARGETS = Set.of("soldiers", "soldier", "troops", "army", "police",
            "policemen", "policeman", "guards", "guard", "military", "militia", "militias", "base", "camp", "post",
            "checkpoint", "barracks", "station", "colonel", "officers", "forces", "convoy", "patrol", "peacekeepers",
            "fighting", "clashes", "battle");
    /** Words that make a camp or site a civilian one: an attack there is on civilians, not a clash. */
    private static final Set<String> CIVILIAN_SITE_WORDS = Set.of("displacement", "displaced", "refugee", "refugees",
            "idp", "idps", "evacuees", "homeless");
    private static final Set<String> STATE_AGENTS = Set.of("army", "troops", "soldiers", "regime", "government",
            "security", "military", "police", "forces");
    private static final Set<String> NON_STATE_AGENTS = Set.of("fighters", "militia", "militiamen", "rebels",
            "insurgents", "militants", "jihadists");
    private static final Set<String> SITE_NOUNS = Set.of("town", "city", "village", "district", "camp", "base",
            "area", "station", "site", "market", "hospital", "school");
    private static final Set<String> STRIKE_VERBS = Set.of("launched", "fired", "struck", "bombed", "hit",
            "attacked", "shelled", "carried");
    /** Verbs of an attribution that closes a sentence ("..., the army said"). */
    private static final Set<String> SPEECH_TAIL = Set.of("said", "says", "say", "told", "reported", "stated",
            "added");
    /** Words just before a party that a report blames or suspects ("blamed the PKK", "suspected al-Shabaab"). */
    private static final Set<String> BLAME_CUES = Set.of("blamed", "blaming", "blames", "blame", "suspected",
            "accused", "accusing");
    private static final Set<String> BLAME_VERBS = Set.of("blamed", "blames", "accused", "accuses");
    private static final Set<String> SPEECH_VERBS = Set.of("said", "says", "say", "told", "reported",
            "confirmed", "added", "spokesman", "spokesperson", "sources", "source", "statement");
    private static final Set<String> FUNCTION_WORDS = Set.of("and", "or", "in", "on", "at", "to", "from", "with",
            "for", "of", "is", "was", "has", "have", "had", "said", "says", "the", "a", "an", "as", "but", "after",
            "before", "since", "by", "during", "where", "which", "that", "who", "while", "near", "into", "over");
    /** Words before an unnamed party that are no part of its name: "suspected jihadists", "the rebels". */
    private static final List<String> UNNAMED_LEADS = List.of("the ", "suspected ", "alleged ", "presumed ");
    /** A city this large after "near" or "outside" is a landmark for the reader, not the event's place. */
    private static final long LANDMARK_CITY = 300_000;
    /** Sub-events a shooting at a protest may have been read as before its victims are known to be protesters. */
    private static final Set<String> GROUND_CODES = Set.of("GROUND", "PROTEST", "ARMED_CLASH", "ATTACK");
    private static final Set<String> DISTANCE_UNITS = Set.of("km", "kilometres", "kilometers", "miles", "metres",
            "meters", "mile", "kilometre", "kilometer");

    /** A place, a comma and up to 100 characters without a full stop, then "(Agency)", an optional full stop, a dash. */
    /**
     * "in an ambush in the centre of the country", "elsewhere in the country": the sentence places its event in the
     * report's country but away from the main incident, so it must not take the main incident's region.
     */
    private static final Pattern ELSEWHERE_IN_COUNTRY = Pattern.compile(
            "\\b(?:elsewhere|another part|other parts|(?:the )?(?:far )?(?:north|south|east|west|centre|center|middle"
            + "|interior|north-?east|north-?west|south-?east|south-?west)(?: part)?) (?:in|of) the country\\b",
            Pattern.CASE_INSENSITIVE);

    /** TASS style: "BELGOROD, August 14. /TASS/. Ukrainian troops ...". */
    private static final Pattern SLASHED_DATELINE = Pattern.compile(
            "[\\s\\u00a0]*\\p{Lu}[^.\\n(),/]{0,40},[^\\n()/]{1,40}?/[\\p{L}][\\p{L}0-9 .&\\-]{0,30}/[ \\u00a0]*\\.?"
            + "[ \\u00a0]*(?:(?:--|\u2014|\u2013|-|:)[ \\u00a0]*)?");
    private static final Pattern AGENCY_DATELINE = Pattern.compile(
            "[\\s\\u00a0]*\\p{Lu}[^.\\n(),]{0,40},[^.\\n()]{1,100}?"
            + "\\([\\p{L}][\\p{L}0-9 .&/\\-]{0,30}\\)[ \\u00a0]*\\.?[ \\u00a0]*"
            // the dash may be missing: "Srinagar, Feb 15 (PTI) At least 37 ..."
            + "(?:(?:--|\u2014|\u2013|-|:)[ \\u00a0]*|(?=\\p{Lu}))");

    private final Rules rules;
    final WireReport report;
    final String text;
    final LocalDate published;
    final int bodyStart;
    final List<SentenceInfo> infos = new ArrayList<>();
    final Set<GeoMention> referencePoints = new HashSet<>();
    final List<Frame> frames = new ArrayList<>();
    String mainCountry;
    /** The main event's day once the headline or lead has given it; null before. */
    LocalDate anchor;
    String language = "en";

    ReportReader(Rules rules, WireReport report) {
        this.rules = rules;
        this.report = report;
        String headline = report.getHeadline() == null ? "" : report.getHeadline().strip();
        String body = report.getBody() == null ? "" : report.getBody();
        this.text = headline + "\n\n" + body;
        this.published = Publication.dayOf(report);
        Optional<Dateline> dateline = Dateline.parse(body, rules.gazetteer);
        this.bodyStart = headline.length() + 2
                + dateline.map(Dateline::textStart).orElseGet(() -> agencyDateline(body));
    }

    /**
     * Where the story starts after an agency dateline the dateline grammar does not cover ("BUNIA, Democratic
     * Republic of Congo, June 13 (Reuters) - ", "Bogota, May 20 (EFE).- "): a short capitalised opening without
     * a full stop that ends in an agency in parentheses and a dash. 0 when there is none: the reporter's city
     * must never be read as the place of the event.
     */
    static int agencyDateline(String body) {
        String head = body.length() > 160 ? body.substring(0, 160) : body;
        Matcher m = AGENCY_DATELINE.matcher(head);
        if (m.lookingAt()) {
            return m.end();
        }
        Matcher slashed = SLASHED_DATELINE.matcher(head);
        return slashed.lookingAt() ? slashed.end() : 0;
    }

    ReportExtraction read() {
        if (report.getPubStatus() == PubStatus.CANCELED) {
            // a withdrawal takes back what earlier versions said: it states no incident and no claim of its own
            return output(ExtractionStatus.NOT_RELEVANT, List.of(), List.of());
        }
        int headlineEnd = text.indexOf("\n\n");
        List<Sentence> sentences = new ArrayList<>(rules.splitter.split(text, 0, headlineEnd, 0, 0));
        sentences.addAll(rules.splitter.split(text, bodyStart, text.length(), sentences.size(), 1));
        // the language detector reads the first SAMPLE words of the body: collect no more than those
        List<Token> all = new ArrayList<>(2 * LanguageDetector.SAMPLE);
        int words = 0;
        for (Sentence s : sentences) {
            if (s.paragraph() > 0 && words <= LanguageDetector.SAMPLE) {
                for (Token t : s.tokens()) {
                    all.add(t);
                    words += t.isWord() ? 1 : 0;
                }
            }
        }
        language = rules.language.detect(text.substring(Math.min(bodyStart, text.length())), all);
        if (!language.equals("en")) {
            return output(ExtractionStatus.UNSUPPORTED_LANGUAGE, List.of(), List.of());
        }
        // one tokenization of the whole text serves the gazetteer and both lexicons
        org.wirewatch.extract.lexicon.Tokens shared = org.wirewatch.extract.lexicon.Tokens.of(text);
        List<GeoMention> geo = locate(shared);
        List<ActorMention> actors = rules.actors.find(shared, mainCountry);
        List<SourceMention> sources = rules.sources.find(shared, actors, mainCountry);
        for (Sentence s : sentences) {
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
        assemble();
        List<IncidentMention> incidents = new ArrayList<>();
        for (Frame f : frames) {
            IncidentMention m = incident(f);
            f.actorName = m.getActor() == null ? null : m.getActor().getName();
            incidents.add(m);
        }
        if (incidents.isEmpty()) {
            // no event of its own, but a running total is still a claim ("more than 100,000 killed in 12 years,
            // says the governor"): analysts keep it, and no tally ever counts it. Most such reports have none, and
            // read no claims at all.
            boolean anyTotal = infos.stream().anyMatch(s -> s.cumulative && s.hasCasualties());
            List<Claim> totals = !anyTotal ? List.of() : new ClaimReader(rules, this).read().stream()
                    .filter(c -> c.getKind() == ClaimKind.CUMULATIVE).toList();
            return output(ExtractionStatus.NOT_RELEVANT, List.of(), totals);
        }
        List<Claim> claims = new ClaimReader(rules, this).read();
        return output(ExtractionStatus.EXTRACTED, incidents, claims);
    }

    private ReportExtraction output(ExtractionStatus status, List<IncidentMention> incidents, List<Claim> claims) {
        return ReportExtraction.newBuilder()
                .setReportUri(report.getUri())
                .setReportVersion(report.getVersion())
                .setAgency(report.getAgency())
                .setHeadline(report.getHeadline())
                .setPublishedAt(Publication.of(report))
                .setLanguage(language)
                .setStatus(status)
                .setIncidents(incidents)
                .setClaims(claims)
                .build();
    }

    // ---------------------------------------------------------------- places

    private List<GeoMention> locate(org.wirewatch.extract.lexicon.Tokens shared) {
        List<GeoMention> found = rules.gazetteer.find(shared, Set.of());
        List<GeoMention> out = new ArrayList<>(found.size());
        int headlineEnd = text.indexOf("\n\n");
        Map<String, Integer> votes = new HashMap<>();
        for (GeoMention g : found) {
            if (g.start() >= headlineEnd && g.start() < bodyStart) {
                continue; // the dateline names where the reporter is, not where it happened
            }
            if (g.end() < text.length() && text.charAt(g.end()) == '-'
                    && text.startsWith("-based", g.end())) {
                continue; // "Britain-based monitor"
            }
            out.add(g);
            if (g.countryCode() != null && g.start() < bodyStart + 600) {
                int w = g.kind() == GeoKind.DEMONYM ? 1 : g.kind() == GeoKind.COUNTRY ? 2 : 3;
                votes.merge(g.countryCode(), w, Integer::sum);
            }
        }
        mainCountry = votes.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey)
                .orElse(null);
        return withoutForeignHomonyms(out, found);
    }

    /**
     * Drops gazetteer towns in countries the report never brings up: "Salerno" in a story from Iran, "La Paz" out of
     * "Sala da Paz" in one from Mozambique. A country is brought up by its name, its people, one of its regions
     * (the dateline included), or by two different towns of its own; a report that brings up no country at all
     * keeps every town.
     */
    private static List<GeoMention> withoutForeignHomonyms(List<GeoMention> kept, List<GeoMention> all) {
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
        List<GeoMention> out = new ArrayList<>(kept.size());
        for (GeoMention g : kept) {
            boolean foreign = g.kind() == GeoKind.PLACE && !g.outsideGazetteer() && g.countryCode() != null
                    && !attested.contains(g.countryCode());
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
        if ((g.kind() == GeoKind.COUNTRY || g.kind() == GeoKind.DEMONYM) && at >= 2
                && tokens.get(at - 1).is("with") && tokens.get(at - 2).is("border")) {
            return true;
        }
        if ((g.kind() == GeoKind.COUNTRY || g.kind() == GeoKind.DEMONYM)) {
            int last = tokenAt(tokens, g.end() - 1);
            if (last >= 0 && last + 1 < tokens.size() && tokens.get(last + 1).is("border")) {
                for (int k = at - 1; k >= 0 && k >= at - 3; k--) {
                    if (tokens.get(k).is("near") || tokens.get(k).is("close") || tokens.get(k).is("outside")) {
                        return true;
                    }
                }
            }
        }
        // "50 km (30 miles) south of Baghdad", "north of the airport"
        for (int k = at - 1; k >= 0 && k >= at - 8; k--) {
            String w = tokens.get(k).lower();
            if (DISTANCE_UNITS.contains(w)) {
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
        return prev.equals("said") || prev.equals("says") || prev.equals("told");
    }

    /** The first town a member sentence of the frame names inside the chosen country and region, or null. */
    private static GeoMention laterPlace(Frame f, String country, String admin1) {
        for (SentenceInfo s : f.members) {
            for (GeoMention g : s.places) {
                boolean inside = g.kind() == GeoKind.PLACE && country != null && country.equals(g.countryCode())
                        && (admin1 == null || admin1.equals(g.admin1Code()) || g.outsideGazetteer()
                        && g.admin1Code() == null);
                if (inside) {
                    return g;
                }
            }
        }
        return null;
    }

    /** The town a sentence opens with as its scene: "In Namhsan town, ...", "At Kongoussi, ...", or null. */
    private static GeoMention frontedPlace(SentenceInfo s) {
        List<Token> tokens = s.sentence.tokens();
        if (tokens.size() < 4 || !(tokens.get(0).is("in") || tokens.get(0).is("at"))) {
            return null;
        }
        for (GeoMention g : s.places) {
            int at = tokenAt(tokens, g.start());
            if (g.kind() == GeoKind.PLACE && at >= 1 && at <= 4) {
                int end = tokenAt(tokens, g.end() - 1);
                for (int k = end + 1; k >= 0 && k < Math.min(tokens.size(), end + 4); k++) {
                    if (tokens.get(k).is(",")) {
                        return g;
                    }
                }
            }
        }
        return null;
    }

    private static boolean namesPlace(Frame f, String name) {
        for (SentenceInfo s : f.members) {
            for (GeoMention g : s.places) {
                if (name.equals(g.name())) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean followsBlame(Sentence s, GeoMention g) {
        int at = tokenAt(s.tokens(), g.start());
        if (at > 1 && s.tokens().get(at - 1).is("on")) {
            at--; // "in blasts the group blamed on Israel"
        }
        return at > 0 && BLAME_CUES.contains(s.tokens().get(at - 1).lower());
    }

    private static boolean isDirection(String w) {
        return w.startsWith("north") || w.startsWith("south") || w.startsWith("east") || w.startsWith("west");
    }

    static int tokenAt(List<Token> tokens, int offset) {
        for (int i = 0; i < tokens.size(); i++) {
            if (tokens.get(i).end() > offset) {
                return tokens.get(i).start() <= offset + 1 ? i : -1;
            }
        }
        return -1;
    }

    // ---------------------------------------------------------------- sentences

    private SentenceInfo describe(Sentence s, List<GeoMention> geo, List<ActorMention> actors,
                                  List<SourceMention> sources) {
        List<Token> tokens = s.tokens();
        List<ActorMention> myActors = within(actors, s, ActorMention::start);
        List<SourceMention> mySources = within(sources, s, SourceMention::start);
        List<GeoMention> places = new ArrayList<>();
        List<GeoMention> allPlaces = new ArrayList<>();
        for (GeoMention g : geo) {
            if (g.start() < s.start() || g.start() >= s.end()) {
                continue;
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
            places.add(g);
        }
        List<CasualtyFact> facts = rules.totals.withoutRunningTotals(tokens, rules.casualties.read(tokens));
        List<DateMention> dates = rules.dates.find(tokens, published, anchor == null ? published : anchor);
        if (!dates.isEmpty() && s.start() < bodyStart) {
            // "Srinagar, Feb 15 (PTI)": the dateline's date is when the story was filed, not when it happened
            dates = dates.stream().filter(d -> tokens.get(d.from()).start() >= bodyStart).toList();
        }
        Set<Integer> placeStarts = new HashSet<>();
        for (GeoMention g : geo) {
            if (g.start() >= s.start() && g.start() < s.end() && g.kind() != GeoKind.DEMONYM) {
                placeStarts.add(tokenAt(tokens, g.start()));
            }
        }
        List<TriggerReader.Trigger> triggers = rules.triggers.read(tokens, placeStarts::contains);
        boolean newMarker = false;
        boolean superseded = false;
        boolean hasCumulativeCue = false;
        boolean hasPeriodCue = false;
        boolean conflictNoun = false;
        for (PhraseMatcher.Match m : rules.markers.findAll(tokens)) {
            String kind = m.entry().value(0);
            String key = m.entry().key();
            switch (kind) {
                case "NEW" -> {
                    // sentence openers only: "in another" or "a second" further in is an aside ("killed in another
                    // clash last year", "for a second time")
                    boolean adverb = key.equals("elsewhere") || key.equals("separately") || key.startsWith("in ")
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
                    boolean dateWord = m.from() > 1 && (tokens.get(m.from() - 1).is("days")
                            || tokens.get(m.from() - 1).is("day") || tokens.get(m.from() - 1).is("weeks"));
                    boolean thisWeek = m.to() < tokens.size() && tokens.get(m.to()).is("this");
                    if (!dateWord && !thisWeek) {
                        superseded = true;
                    }
                }
                case "CUMULATIVE" -> {
                    if ((key.equals("since") || key.equals("this year") || key.equals("last year"))
                            && afterSuperlative(tokens, m.from())) {
                        // "the highest army toll since the Gaza war began", "the worst violence to hit the capital
                        // this year": a comparison with the past, not a total over it
                        continue;
                    }
                    if (key.equals("this year") || key.equals("this month") || key.equals("last year")) {
                        hasCumulativeCue = true;
                    } else if (key.equals("between") || key.equals("from")) {
                        // "from" only with its other end: "from Tuesday to Thursday", not "the toll from Saturday's
                        // shelling"
                        boolean range = key.equals("between") || closesRange(tokens, m.to());
                        if (range && dates.stream().anyMatch(d -> d.role() == DateMention.Role.PERIOD)) {
                            hasPeriodCue = true;
                        }
                    } else {
                        hasPeriodCue = true;
                    }
                }
                case "CONFLICT" -> conflictNoun = true;
                default -> {
                }
            }
        }
        // plain loops, not streams: this runs for every sentence of every report
        boolean specificDate = false;
        for (DateMention d : dates) {
            specificDate |= (d.role() == DateMention.Role.EVENT
                    || d.role() == DateMention.Role.PAST && d.toleranceDays() < 30) && d.toleranceDays() <= 15;
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
        boolean cumulative = hasPeriodCue || rules.totals.spansLongPeriod(tokens)
                || (hasCumulativeCue && !specificDate && maxWeight < 3)
                || (inYear && !specificDate && maxWeight < 3)
                || (conflictNoun && perfectKill(tokens));
        boolean also = false;
        for (Token t : tokens) {
            also |= t.is("also");
        }
        SentenceInfo info = new SentenceInfo(s, facts, dates, triggers, places, myActors, mySources, newMarker,
                superseded, cumulative, also);
        info.allPlaces = allPlaces;
        info.cues = withClaimedAttacks(rules.attribution.findAll(tokens), triggers);
        return info;
    }

    /**
     * "IS claimed twin bombings", "the IRGC claimed the strikes", "Hamas claims Jaffa attack": a CLAIMED_ATTACK cue
     * is a claim of responsibility when an event word follows within four tokens, and nothing otherwise ("rejected
     * the BLA's claims").
     */
    private static List<PhraseMatcher.Match> withClaimedAttacks(List<PhraseMatcher.Match> cues,
                                                                List<TriggerReader.Trigger> triggers) {
        List<PhraseMatcher.Match> out = new ArrayList<>(cues.size());
        for (PhraseMatcher.Match m : cues) {
            if (!m.entry().value(0).equals("CLAIMED_ATTACK")) {
                out.add(m);
            } else if (triggers.stream().anyMatch(t -> t.from() >= m.to() && t.from() <= m.to() + 4)) {
                Lexicon.Entry e = m.entry();
                out.add(new PhraseMatcher.Match(m.from(), m.to(),
                        new Lexicon.Entry(e.key(), List.of("RESPONSIBILITY"), e.reason(), e.line())));
            }
        }
        return out;
    }

    /** A superlative ("worst", "deadliest", "highest") among the eight tokens before a period word. */
    private static boolean afterSuperlative(List<Token> tokens, int at) {
        for (int k = Math.max(0, at - 8); k < at; k++) {
            String w = tokens.get(k).lower();
            if (w.equals("worst") || w.equals("biggest") || w.length() > 5 && w.endsWith("iest")
                    || w.equals("highest") || w.equals("largest") || w.equals("heaviest")) {
                return true;
            }
        }
        return false;
    }

    private static boolean closesRange(List<Token> tokens, int from) {
        for (int k = from; k < Math.min(tokens.size(), from + 5); k++) {
            if (tokens.get(k).is("to") || tokens.get(k).is("until") || tokens.get(k).is("through")) {
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
                    if (w.equals("killed") || w.equals("died") || w.equals("claimed") || w.equals("cost")
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

    // ---------------------------------------------------------------- incidents

    /** Groups sentences into frames, one per incident. */
    private void assemble() {
        Frame current = null;
        for (SentenceInfo s : infos) {
            s.frame = null;
            if (s.cumulative) {
                datesUndatedFrame(s, current);
                continue;
            }
            boolean eventful = s.eventful();
            if (frames.isEmpty()) {
                if (eventful) {
                    current = open(s, true);
                }
                continue;
            }
            Frame target = null;
            if (eventful && opensNew(s)) {
                target = open(s, false);
            } else if (eventful) {
                target = bestFrame(s, current);
                if (target == null && (s.hasCasualties() || s.eventDate() != null)) {
                    target = open(s, false);
                } else if (target == null) {
                    target = current; // a weapon named in passing ("roadside bombs the militants had laid")
                }
            } else {
                DateMention d = s.eventDate();
                target = d == null ? current : byDate(d, current);
            }
            if (target != null && target.members.get(0) != s) {
                target.add(s);
            }
            s.frame = target;
            if (eventful && target != null) {
                current = target;
            }
        }
        frames.removeIf(f -> !isIncident(f));
        Frame main = frames.isEmpty() ? null : frames.get(0);
        for (Frame f : frames) {
            if (!f.dateKnown) {
                f.date = main != null && main.dateKnown && f != main ? main.date : published;
                f.tolerance = 1;
            }
        }
        for (SentenceInfo s : infos) {
            if (s.frame != null && !frames.contains(s.frame)) {
                s.frame = main;
            }
        }
        int n = 1;
        for (Frame f : frames) {
            f.mentionId = report.getUri() + "#" + n++;
        }
    }

    /**
     * A sentence that compares with a period ("The attack on the village on Tuesday morning was the deadliest
     * since the coup") carries no toll, but the day it gives the event still dates the incident it talks about
     * when nothing before did.
     */
    private static void datesUndatedFrame(SentenceInfo s, Frame current) {
        DateMention d = s.eventDate();
        if (current == null || current.dateKnown || d == null || d.role() != DateMention.Role.EVENT
                || d.toleranceDays() > 1 || s.hasCasualties() || s.sentence.paragraph() > 2) {
            return;
        }
        current.date = d.date();
        current.tolerance = d.toleranceDays();
        current.dateKnown = true;
    }

    private Frame open(SentenceInfo s, boolean main) {
        Frame f = new Frame(s, main);
        frames.add(f);
        s.frame = f;
        return f;
    }

    /** Whether an eventful sentence starts an incident of its own. */
    private boolean opensNew(SentenceInfo s) {
        if (s.newMarker) {
            return true;
        }
        DateMention d = s.eventDate();
        if (d != null) {
            boolean matchesSome = false;
            for (Frame f : frames) {
                if (!f.dateKnown || Math.abs(ChronoUnit.DAYS.between(f.date, d.date()))
                        <= Math.max(f.tolerance, d.toleranceDays())) {
                    matchesSome = true;
                }
            }
            if (!matchesSome) {
                return true;
            }
            if (d.role() == DateMention.Role.PAST) {
                return frames.stream().noneMatch(f -> f.dateKnown && f.date.equals(d.date()));
            }
        }
        // a fronted new scene with its own toll: "In Namhsan town, a bomb exploded ..., injuring two civilians"
        GeoMention scene = frontedPlace(s);
        if (scene != null && s.hasCasualties() && frames.stream().noneMatch(f -> namesPlace(f, scene.name()))) {
            return true;
        }
        // another region, with its own toll or a specific trigger: "In Farah city, gunmen shot dead ..."
        String admin1 = firstAdmin1(s);
        if (admin1 != null && (s.hasCasualties() || s.maxTriggerWeight() >= 2)) {
            boolean explicitRegion = s.places.stream().anyMatch(g -> g.kind() == GeoKind.ADMIN1);
            boolean compatible = false;
            for (Frame f : frames) {
                String fa = f.admin1();
                if (fa == null || fa.equals(admin1)) {
                    compatible = true;
                }
                // an ambiguous place name ("Kohistan") in a sentence about the same kind of event stays with it
                if (!explicitRegion && s.topTrigger() != null && s.topTrigger().equals(f.code)) {
                    compatible = true;
                }
            }
            if (!compatible) {
                return true;
            }
        }
        // "government forces had also secured four villages": a second gain of territory
        if (s.hasTerritory() && s.also) {
            for (Frame f : frames) {
                if (f.hasTerritory()) {
                    return true;
                }
            }
        }
        return false;
    }

    private String firstAdmin1(SentenceInfo s) {
        for (GeoMention g : s.places) {
            if (g.admin1Code() != null && g.kind() != GeoKind.DEMONYM) {
                return g.admin1Code();
            }
        }
        return null;
    }

    private boolean compatible(Frame f, SentenceInfo s) {
        DateMention d = s.eventDate();
        if (d != null && f.dateKnown && Math.abs(ChronoUnit.DAYS.between(f.date, d.date()))
                > Math.max(f.tolerance, d.toleranceDays())) {
            return false;
        }
        String a = firstAdmin1(s);
        String fa = f.admin1();
        boolean explicitRegion = s.places.stream().anyMatch(g -> g.kind() == GeoKind.ADMIN1);
        boolean sameKind = s.topTrigger() != null && s.topTrigger().equals(f.code);
        if (a != null && fa != null && !a.equals(fa) && (explicitRegion || !sameKind)) {
            return false;
        }
        boolean territory = s.hasTerritory();
        if (f.code != null && s.maxTriggerWeight() >= 2 && territory != "TERRITORY".equals(f.code)) {
            return false;
        }
        return true;
    }

    private Frame bestFrame(SentenceInfo s, Frame current) {
        if (current != null && current.lastParagraph() == s.sentence.paragraph() && compatible(current, s)) {
            return current;
        }
        String top = s.topTrigger();
        if (top != null) {
            for (int i = frames.size() - 1; i >= 0; i--) {
                Frame f = frames.get(i);
                if (top.equals(f.code) && compatible(f, s) && (f.dateKnown || s.eventDate() == null)) {
                    return f;
                }
            }
        }
        Frame main = frames.get(0);
        if (compatible(main, s)) {
            return main;
        }
        for (int i = frames.size() - 1; i >= 0; i--) {
            if (compatible(frames.get(i), s)) {
                return frames.get(i);
            }
        }
        return null;
    }

    private Frame byDate(DateMention d, Frame current) {
        for (Frame f : frames) {
            if (f.dateKnown && f.date.equals(d.date())) {
                return f;
            }
        }
        return current;
    }

    /** A frame is an incident when it has a specific trigger, a toll or a change of territory. */
    private boolean isIncident(Frame f) {
        for (SentenceInfo s : f.members) {
            if (s.maxTriggerWeight() >= 2 || s.facts.stream().anyMatch(x -> x.isTotal()
                    || x.kind() == CasualtyFact.Kind.IMPLICIT)) {
                return true;
            }
        }
        return false;
    }

    private IncidentMention incident(Frame f) {
        SubEventType sub = subEvent(f);
        boolean background = f.past || ChronoUnit.DAYS.between(f.date, published) > RECENT_DAYS;
        IncidentMention.Builder b = IncidentMention.newBuilder()
                .setMentionId(f.mentionId)
                .setSubEventType(sub)
                .setEventType(eventType(sub))
                .setEventDate(f.date)
                .setDateToleranceDays(f.tolerance)
                .setRecency(background ? Recency.BACKGROUND : Recency.CURRENT)
                .setLocation(location(f))
                .setActor(actor(f));
        figures(f, b);
        List<EvidenceSpan> evidence = new ArrayList<>();
        for (SentenceInfo s : f.members) {
            if (s == f.opener || !s.facts.isEmpty() || s.eventDate() != null) {
                evidence.add(span(s.sentence));
            }
        }
        b.setEvidence(evidence);
        return b.build();
    }

    EvidenceSpan span(Sentence s) {
        return EvidenceSpan.newBuilder().setStart(s.start()).setEnd(s.end())
                .setText(text.substring(s.start(), s.end())).build();
    }

    /** The sentences that say what kind of event it was: the headline and lead for the main incident. */
    private List<SentenceInfo> heads(Frame f) {
        List<SentenceInfo> heads = new ArrayList<>();
        if (f.main) {
            for (SentenceInfo s : f.members) {
                if (s.sentence.paragraph() <= 1 && s.sentence.index() <= 1) {
                    heads.add(s);
                }
            }
            if (heads.stream().noneMatch(s -> !s.triggers.isEmpty())) {
                for (SentenceInfo s : f.members) {
                    if (s.eventful() && !heads.contains(s)) {
                        heads.add(s);
                        break;
                    }
                }
            }
        } else {
            heads.add(f.opener);
        }
        return heads;
    }

    private SubEventType subEvent(Frame f) {
        Map<String, Integer> score = new HashMap<>();
        List<SentenceInfo> heads = heads(f);
        for (SentenceInfo s : heads) {
            for (TriggerReader.Trigger t : clauseTriggers(s, f)) {
                score.merge(t.code(), t.weight(), Integer::sum);
            }
        }
        if (score.isEmpty()) {
            for (SentenceInfo s : f.members) {
                for (TriggerReader.Trigger t : s.triggers) {
                    score.merge(t.code(), t.weight(), Integer::sum);
                }
            }
        }
        String code = null;
        int best = 0;
        for (Map.Entry<String, Integer> e : score.entrySet()) {
            if (e.getValue() > best || (e.getValue() == best && code != null && e.getKey().compareTo(code) < 0)) {
                best = e.getValue();
                code = e.getKey();
            }
        }
        if (code == null) {
            if (!f.main && !frames.isEmpty() && frames.get(0) != f) {
                return subEvent(frames.get(0));
            }
            code = "GROUND";
        }
        if (score.containsKey("PROTEST") && GROUND_CODES.contains(code) && stateForceActs(heads)) {
            // "security forces shot dead 45 protesters", "police opened fire on the rally"
            return SubEventType.EXCESSIVE_FORCE_AGAINST_PROTESTERS;
        }
        return switch (code) {
            case "GROUND", "PROTEST" -> armedTargets(heads) ? SubEventType.ARMED_CLASH : SubEventType.ATTACK;
            case "TERRITORY" -> stateAgent(heads) ? SubEventType.GOVERNMENT_REGAINS_TERRITORY
                    : SubEventType.NON_STATE_ACTOR_OVERTAKES_TERRITORY;
            default -> SubEventType.valueOf(code);
        };
    }

    /** Triggers of the clause that carries the frame's date when the sentence mentions other events too. */
    private List<TriggerReader.Trigger> clauseTriggers(SentenceInfo s, Frame f) {
        if (f.main || s != f.opener) {
            return s.triggers;
        }
        DateMention d = s.eventDate();
        if (d == null) {
            return s.triggers;
        }
        List<Token> tokens = s.sentence.tokens();
        int from = 0;
        int to = tokens.size();
        for (int i = 0; i < tokens.size(); i++) {
            String w = tokens.get(i).lower();
            boolean boundary = w.equals("that") || w.equals("when") || w.equals("after") || w.equals(";")
                    || w.equals("which") || w.equals(":");
            if (boundary && i >= d.from() && i < d.to()) {
                continue; // "two days after" is the date, not a clause boundary
            }
            if (boundary) {
                if (i <= d.from()) {
                    from = i;
                } else {
                    to = i;
                    break;
                }
            }
        }
        List<TriggerReader.Trigger> out = new ArrayList<>();
        for (TriggerReader.Trigger t : s.triggers) {
            if (t.from() >= from && t.from() < to) {
                out.add(t);
            }
        }
        return out.isEmpty() ? s.triggers : out;
    }

    private boolean armedTargets(List<SentenceInfo> heads) {
        for (SentenceInfo s : heads) {
            List<Token> tokens = s.sentence.tokens();
            int verb = firstEventWord(s);
            for (int i = 0; i < tokens.size(); i++) {
                Token t = tokens.get(i);
                boolean speaking = i + 1 < tokens.size() && SPEECH_VERBS.contains(tokens.get(i + 1).lower());
                if (ARMED_TARGETS.contains(t.lower()) && !speaking && !civilianSite(tokens, i)
                        && !(i < verb && insideActor(s, t))) {
                    return true; // "police said" names the source, not a target
                }
            }
            for (TriggerReader.Trigger t : s.triggers) {
                if (t.code().equals("ARMED_CLASH")) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Token index of the first trigger or casualty figure: what comes before it is the attacker's side. */
    private static int firstEventWord(SentenceInfo s) {
        int first = s.sentence.tokens().size();
        for (TriggerReader.Trigger t : s.triggers) {
            first = Math.min(first, t.from());
        }
        for (CasualtyFact f : s.facts) {
            first = Math.min(first, f.from());
        }
        return first;
    }

    /** Whether a token is part of a named party ("Allied Democratic Forces"): a name, not a target. */
    private static boolean insideActor(SentenceInfo s, Token t) {
        for (ActorMention a : s.actors) {
            if (a.start() <= t.start() && t.end() <= a.end()) {
                return true;
            }
        }
        return false;
    }

    /** "a displacement camp", "the refugee camp", "a camp for displaced people": shelter, not a garrison. */
    private static boolean civilianSite(List<Token> tokens, int i) {
        for (int k = Math.max(0, i - 2); k <= Math.min(tokens.size() - 1, i + 3); k++) {
            if (k != i && CIVILIAN_SITE_WORDS.contains(tokens.get(k).lower())) {
                return true;
            }
        }
        return false;
    }

    /** Whether state forces (police, troops, security forces) act in the frame's head sentences, not only speak. */
    private static boolean stateForceActs(List<SentenceInfo> heads) {
        for (SentenceInfo s : heads) {
            for (ActorMention a : s.actors) {
                if (("STATE_MILITARY".equals(a.kind()) || "POLICE".equals(a.kind())) && !isSpeaker(s, a)
                        && !isVictim(s, a)) {
                    return true;
                }
            }
        }
        return false;
    }

    private boolean stateAgent(List<SentenceInfo> heads) {
        for (SentenceInfo s : heads) {
            List<Token> tokens = s.sentence.tokens();
            for (TriggerReader.Trigger t : s.triggers) {
                if (!t.code().equals("TERRITORY")) {
                    continue;
                }
                for (ActorMention a : s.actors) {
                    if (a.start() < tokens.get(t.from()).start()) {
                        String k = a.kind();
                        if (k.equals("STATE_MILITARY") || k.equals("POLICE") || k.equals("COALITION")) {
                            return true;
                        }
                        if (k.equals("ISLAMIST") || k.equals("REBEL") || k.equals("MILITIA")) {
                            return false;
                        }
                    }
                }
                for (int i = 0; i < t.from(); i++) {
                    String w = tokens.get(i).lower();
                    if (NON_STATE_AGENTS.contains(w)) {
                        return false;
                    }
                    if (STATE_AGENTS.contains(w)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static EventType eventType(SubEventType sub) {
        return switch (sub) {
            case ARMED_CLASH, GOVERNMENT_REGAINS_TERRITORY, NON_STATE_ACTOR_OVERTAKES_TERRITORY -> EventType.BATTLES;
            case CHEMICAL_WEAPON, AIR_DRONE_STRIKE, SUICIDE_BOMB, SHELLING_ARTILLERY_MISSILE_ATTACK,
                 REMOTE_EXPLOSIVE_LANDMINE_IED, GRENADE -> EventType.EXPLOSIONS_REMOTE_VIOLENCE;
            case SEXUAL_VIOLENCE, ATTACK, ABDUCTION_FORCED_DISAPPEARANCE -> EventType.VIOLENCE_AGAINST_CIVILIANS;
            case PEACEFUL_PROTEST, PROTEST_WITH_INTERVENTION, EXCESSIVE_FORCE_AGAINST_PROTESTERS -> EventType.PROTESTS;
            case VIOLENT_DEMONSTRATION, MOB_VIOLENCE -> EventType.RIOTS;
            default -> EventType.STRATEGIC_DEVELOPMENTS;
        };
    }

    private Location location(Frame f) {
        List<GeoMention> ordered = new ArrayList<>();
        List<SentenceInfo> heads = leadFirst(heads(f));
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
        if (expected != null) {
            final String c = expected;
            ordered.removeIf(g -> g.countryCode() != null && !g.countryCode().equals(c));
        }
        String admin1 = null;
        GeoMention place = null;
        String country = null;
        for (GeoMention g : ordered) {
            if (g.kind() == GeoKind.PLACE && (g.admin1Code() != null || g.outsideGazetteer())) {
                if (place == null) {
                    place = g;
                }
            }
            if (admin1 == null && g.admin1Code() != null && (g.kind() == GeoKind.ADMIN1 || g.kind() == GeoKind.PLACE)) {
                admin1 = g.admin1Code();
                country = g.countryCode();
            }
        }
        if (place != null && admin1 != null && place.admin1Code() != null && !place.admin1Code().equals(admin1)) {
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
        }
        if (country == null && admin1 == null && !f.main && !frames.isEmpty() && !elsewhereInCountry(f)) {
            // "over the area", "in the city's Eastern Bypass area": the region of the report's main incident
            Location main = location(frames.get(0));
            country = main.getCountryCode();
            admin1 = main.getAdmin1Code();
        }
        if (country == null) {
            country = mainCountry;
        }
        if (admin1 == null) {
            for (SentenceInfo s : f.members) {
                for (GeoMention g : referencePoints) {
                    if (g.start() >= s.sentence.start() && g.start() < s.sentence.end() && g.admin1Code() != null
                            && g.countryCode() != null && g.countryCode().equals(country)) {
                        admin1 = g.admin1Code();
                    }
                }
            }
        }
        if (place != null && place.countryCode() != null && !place.countryCode().equals(country)) {
            place = null;
        }
        if (place == null) {
            // the lead gave only a region ("in northern Burkina Faso"): a later sentence of the same incident
            // names the village ("came under attack ... near the village of Aorema")
            place = laterPlace(f, country, admin1);
        }
        Location.Builder b = Location.newBuilder().setCountryCode(country).setAdmin1Code(admin1);
        if (admin1 != null) {
            b.setAdmin1Name(rules.gazetteer.admin1Name(admin1).orElse(null));
        }
        if (place != null) {
            b.setPlace(place.name()).setLatitude(place.latitude()).setLongitude(place.longitude())
                    .setGeoPrecision(GeoPrecision.PLACE);
        } else if (admin1 != null) {
            b.setGeoPrecision(GeoPrecision.ADMIN1);
        } else if (country != null) {
            b.setGeoPrecision(GeoPrecision.COUNTRY);
        }
        return b.build();
    }

    private boolean elsewhereInCountry(Frame f) {
        for (SentenceInfo s : f.members) {
            if (ELSEWHERE_IN_COUNTRY.matcher(text).region(s.sentence.start(), s.sentence.end()).find()) {
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
        return !FUNCTION_WORDS.contains(text.substring(j, k));
    }

    /** "The town in Hasaka province fell ...": a sentence that goes on about the incident's site. */
    private static boolean refersToSite(SentenceInfo s) {
        List<Token> tokens = s.sentence.tokens();
        for (int i = 0; i + 1 < tokens.size() && i < 3; i++) {
            if (tokens.get(i).is("the") && SITE_NOUNS.contains(tokens.get(i + 1).lower())) {
                return true;
            }
        }
        return false;
    }

    private Actor actor(Frame f) {
        List<SentenceInfo> heads = heads(f);
        ActorMention generic = null;
        for (SentenceInfo s : f.main ? leadFirst(heads) : heads) {
            int firstTrigger = s.triggers.isEmpty() ? Integer.MAX_VALUE
                    : s.sentence.tokens().get(s.triggers.get(0).from()).start();
            for (ActorMention a : s.actors) {
                if (isVictim(s, a)) {
                    continue; // "Eleven Malian soldiers died": the victims, not the attackers
                }
                boolean agent = a.start() < firstTrigger || precededByBy(s, a) || subjectOfAgentVerb(s, a);
                if (!agent || isSpeaker(s, a)) {
                    continue; // "..., the army and a civil society group said": who tells is not who attacked
                }
                if (a.generic()) {
                    generic = generic == null ? a : generic;
                    continue;
                }
                return actorOf(s, a);
            }
        }
        Actor claimed = ClaimReader.responsibleActor(this, f);
        if (claimed != null) {
            return claimed;
        }
        Actor blamed = blamedActor(f);
        if (blamed != null) {
            return blamed;
        }
        if (generic != null) {
            return Actor.newBuilder().setName(unnamedParty(generic)).build();
        }
        // "Iran launched missiles at two Iraqi bases": a state named as the subject of a strike
        for (SentenceInfo s : heads) {
            List<Token> tokens = s.sentence.tokens();
            for (GeoMention g : s.allPlaces) {
                if (g.kind() != GeoKind.COUNTRY) {
                    continue;
                }
                int at = tokenAt(tokens, g.end() - 1);
                if (at >= 0 && at + 1 < tokens.size() && STRIKE_VERBS.contains(tokens.get(at + 1).lower())) {
                    return Actor.newBuilder().setName(g.name()).build();
                }
            }
        }
        return null;
    }

    /**
     * The party a report blames or suspects when no sentence names the attacker as its subject: "authorities
     * blamed separatist insurgents", "the ministry blamed the PKK for the attack", "targeted by suspected
     * al-Shabaab militants". A named party wins over a generic one; the first of each kind counts.
     */
    private Actor blamedActor(Frame f) {
        ActorMention generic = null;
        String genericCue = null;
        for (SentenceInfo s : f.members) {
            List<Token> tokens = s.sentence.tokens();
            for (ActorMention a : s.actors) {
                int at = tokenAt(tokens, a.start());
                if (at <= 0) {
                    continue;
                }
                int k = at - 1;
                if (tokens.get(k).is("the") && k > 0) {
                    k--;
                }
                String cue = tokens.get(k).lower();
                if (!BLAME_CUES.contains(cue) || isVictim(s, a)) {
                    continue;
                }
                String qualifier = cue.equals("suspected") ? "suspected" : "alleged";
                if (!a.generic()) {
                    return Actor.newBuilder().setName(a.canonicalName()).setQualifier(qualifier).build();
                }
                if (generic == null) {
                    generic = a;
                    genericCue = qualifier;
                }
            }
        }
        return generic == null ? null
                : Actor.newBuilder().setName(unnamedParty(generic)).setQualifier(genericCue).build();
    }

    /**
     * An unnamed militant or rebel party as the report words it ("jihadists", "Islamist insurgents"), not the
     * lexicon's umbrella term: the wording is all an analyst has to go on, and "jihadists" says more than
     * "militants". Other generic parties keep the canonical name, which carries the report's country.
     */
    private static String unnamedParty(ActorMention a) {
        if (a.countryCode() != null || !("MILITANTS".equals(a.kind()) || "REBEL".equals(a.kind()))) {
            return a.canonicalName();
        }
        String name = a.surface().strip();
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        for (String lead : UNNAMED_LEADS) {
            if (lower.startsWith(lead)) {
                name = name.substring(lead.length()).strip();
                lower = lower.substring(lead.length()).strip();
            }
        }
        if (name.isEmpty()) {
            return a.canonicalName();
        }
        // written in lower case but for the religion's name: a capital that opens a sentence is no part of it
        StringBuilder out = new StringBuilder();
        for (String w : lower.split(" +")) {
            out.append(out.length() == 0 ? "" : " ")
                    .append(w.startsWith("islam") ? Character.toUpperCase(w.charAt(0)) + w.substring(1) : w);
        }
        return out.toString();
    }

    /**
     * The actor is the one who tells, not the one who acts: a speech verb closing the sentence follows it in the
     * same clause ("..., the army and a local civil society group said"). "According to the military, warplanes
     * hit ..." is left alone: a party often reports its own strikes.
     */
    private static boolean isSpeaker(SentenceInfo s, ActorMention a) {
        List<Token> tokens = s.sentence.tokens();
        int at = tokenAt(tokens, a.start());
        if (at < 0) {
            return false;
        }
        int end = tokenAt(tokens, a.end() - 1);
        for (int k = end + 1; k >= 0 && k < tokens.size() && k <= end + 8; k++) {
            Token t = tokens.get(k);
            if (t.isPunct() || STRIKE_VERBS.contains(t.lower())) {
                return false;
            }
            if (BLAME_VERBS.contains(t.lower())) {
                return true; // "the army spokesman blamed the M23 rebels": the accuser, not the attacker
            }
            if (SPEECH_TAIL.contains(t.lower())) {
                // the attribution closes the sentence: "... said." or "... said on Friday."
                return k + 1 >= tokens.size() || tokens.get(k + 1).is(".") || tokens.get(k + 1).is("on")
                        || tokens.get(k + 1).is("in") || tokens.get(k + 1).is("late");
            }
        }
        return false;
    }

    private static boolean isVictim(SentenceInfo s, ActorMention a) {
        List<Token> tokens = s.sentence.tokens();
        for (CasualtyFact f : s.facts) {
            int from = tokens.get(f.from()).start();
            int to = tokens.get(Math.min(f.to(), tokens.size()) - 1).end();
            if (a.start() < to && from < a.end()) {
                return true;
            }
        }
        return false;
    }

    private static List<SentenceInfo> leadFirst(List<SentenceInfo> heads) {
        List<SentenceInfo> out = new ArrayList<>();
        for (SentenceInfo s : heads) {
            if (!s.isHeadline()) {
                out.add(s);
            }
        }
        for (SentenceInfo s : heads) {
            if (s.isHeadline()) {
                out.add(s);
            }
        }
        return out;
    }

    /** "... were killed when suspected jihadists attacked an army unit": the party right before a violent verb. */
    private boolean subjectOfAgentVerb(SentenceInfo s, ActorMention a) {
        List<Token> tokens = s.sentence.tokens();
        int last = tokenAt(tokens, a.end() - 1);
        if (last < 0) {
            return false;
        }
        for (int k = last + 1; k < Math.min(tokens.size(), last + 3); k++) {
            String w = tokens.get(k).lower();
            if (rules.agentVerbs.contains(w)) {
                return true;
            }
            if (!(w.equals("had") || w.equals("have") || w.equals("has") || w.endsWith("ly"))) {
                return false;
            }
        }
        return false;
    }

    private boolean precededByBy(SentenceInfo s, ActorMention a) {
        int at = tokenAt(s.sentence.tokens(), a.start());
        if (at <= 0) {
            return false;
        }
        String prev = s.sentence.tokens().get(at - 1).lower();
        String prev2 = at > 1 ? s.sentence.tokens().get(at - 2).lower() : "";
        return prev.equals("by") || prev2.equals("by");
    }

    private Actor actorOf(SentenceInfo s, ActorMention a) {
        String before = text.substring(Math.max(s.sentence.start(), a.start() - 12), a.start()).toLowerCase();
        String qualifier = before.contains("suspected") ? "suspected" : before.contains("alleged") ? "alleged" : null;
        return Actor.newBuilder().setName(a.canonicalName()).setQualifier(qualifier).build();
    }

    /** Killed, injured, civilians, children and abducted figures of a frame. */
    private void figures(Frame f, IncidentMention.Builder b) {
        Map<CasualtyFact.Role, List<Integer>> totals = new HashMap<>();
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
                int previousSentence = lastSentence == s.sentence.index() ? lastSentence
                        : previousSentenceOf.getOrDefault(x.role(), -10);
                if (x.additive() && previous != null && previous.role() == x.role()
                        && s.sentence.index() - previousSentence <= 1 && previous.value() != null) {
                    int sum = previous.value() + x.value();
                    List<Integer> list = totals.computeIfAbsent(x.role(), k -> new ArrayList<>());
                    if (previous.isTotal() && !list.isEmpty() && list.get(list.size() - 1).equals(previous.value())) {
                        list.remove(list.size() - 1); // "36 ... Another seven": the 36 was part of the 43
                    }
                    list.add(sum);
                    last = new CasualtyFact(x.role(), sum, false, CasualtyFact.Kind.TOTAL, null, x.from(), x.to(),
                            false);
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
        b.setKilled(figure(killed, vague.getOrDefault(CasualtyFact.Role.KILLED, false)));
        b.setInjured(figure(totals.get(CasualtyFact.Role.INJURED), vague.getOrDefault(CasualtyFact.Role.INJURED,
                false)));
        List<Integer> abducted = totals.get(CasualtyFact.Role.ABDUCTED);
        b.setAbducted(abducted == null ? null : abducted.get(0));
        b.setChildrenKilled(children);
        b.setCiviliansKilled(civilians);
    }

    private static CasualtyFigure figure(List<Integer> values, boolean vague) {
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
        return CasualtyFigure.newBuilder().setLow(low).setBest(values.get(0)).setHigh(high).setVague(false).build();
    }
}
