package org.wirewatch.extract;

import static org.wirewatch.extract.TokenSpans.tokenAt;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.wirewatch.extract.geo.GeoKind;
import org.wirewatch.extract.geo.GeoMention;
import org.wirewatch.extract.rules.CasualtyFact;
import org.wirewatch.extract.rules.DateMention;
import org.wirewatch.extract.rules.TriggerReader;
import org.wirewatch.extract.text.Token;

/**
 * Stage 3 of the reader: groups the sentences of a {@link ReportFacts} into incident frames. A new frame starts
 * at "Elsewhere"/"In a separate" (or the earlier event of "X came after Y"), at an event date that fits no frame or
 * that counts back ("Days earlier, ..."), at another region or another country with its own toll, or at a second
 * gain of territory; other sentences join the frame of the same paragraph, kind of event or the main one.
 * One instance per report.
 */
final class FrameAssembler {

    private static final String AIR_STRIKE = "AIR_DRONE_STRIKE";

    /** Participles that report speech after the event clause ("..., saying 100 fighters were ready"). */
    private final ReportFacts facts;

    private final LocalDate published;
    /** Frames being assembled, in the order they opened. */
    private final List<Draft> frames = new ArrayList<>();
    /** The draft each sentence joined, by sentence index; null when none. */
    private final Draft[] frameOf;

    FrameAssembler(ReportFacts facts) {
        this.facts = facts;
        this.published = facts.text().published();
        this.frameOf = new Draft[facts.sentences().size()];
    }

    /** The incident frames of the report, and which frame each sentence belongs to. */
    IncidentDrafts assemble() {
        group();
        List<Frame> out = new ArrayList<>(frames.size());
        Frame[] assigned = new Frame[frameOf.length];
        for (int i = 0; i < frames.size(); i++) {
            Draft d = frames.get(i);
            Frame f = new Frame(d.members, d.main, d.date, d.tolerance, d.past, d.code, d.mentionId, i);
            out.add(f);
            for (int k = 0; k < frameOf.length; k++) {
                if (frameOf[k] == d) {
                    assigned[k] = f;
                }
            }
        }
        return new IncidentDrafts(
                Collections.unmodifiableList(out), Collections.unmodifiableList(Arrays.asList(assigned)));
    }

    /** Groups sentences into frames, one per incident. */
    private void group() {
        Draft current = null;
        for (SentenceInfo s : facts.sentences()) {
            frameOf[s.sentence.index()] = null;
            if (s.cumulative) {
                datesUndatedFrame(s, current);
                continue;
            }
            boolean counted = countedNext(s, current);
            boolean eventful = s.eventful() || placeClauseOfEvent(s) || counted || tollToldThereNext(s);
            if (frames.isEmpty()) {
                if (eventful) {
                    current = open(s, true);
                }
                continue;
            }
            Draft target = null;
            if (eventful && (counted || opensNew(s))) {
                target = open(s, false);
                target.counted = counted;
                datesToldAirStrike(s, target);
                // "Four were killed in A, ..., and 12 died in clashes in B": the second toll of one sentence, with no
                // day of its own, is of the day of the first
                boolean secondToll = TollClauses.isSecondClause(s.sentence);
                if ((s.laterEvent || s.also || secondToll || counted)
                        && s.eventDate() == null
                        && current != null
                        && current.dateKnown) {
                    // "Later the same day a convoy was hit": the day of the event told just before; so for "the
                    // gunmen also attacked a post in X", told with no day of its own
                    target.date = current.date;
                    target.tolerance = current.tolerance;
                    target.dateKnown = true;
                    target.past = current.past;
                    target.toldInPassing = !secondToll;
                } else if (secondToll && s.eventDate() == null) {
                    // the first toll's incident has no day yet either: both take the one found for the report, not
                    // one a later sentence gives another event ("after protesters broke in late on Wednesday")
                    target.sharesDay = true;
                }
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
                if (target != null
                        && (target.opener.laterEvent || target.toldInPassing)
                        && target.lastParagraph() != s.sentence.paragraph()) {
                    target = frames.get(0); // a new paragraph after the later aside goes back to the day's first event
                }
            }
            if (target != null && target.members.get(0) != s) {
                target.add(s);
            }
            frameOf[s.sentence.index()] = target;
            if (eventful && target != null) {
                current = target;
            }
        }
        frames.removeIf(f -> !isIncident(f));
        Draft main = frames.isEmpty() ? null : frames.get(0);
        for (Draft f : frames) {
            if (!f.dateKnown) {
                if (f == main) {
                    f.date = statementDay(f, published);
                } else {
                    f.date = main != null && main.dateKnown ? main.date : published;
                }
                f.tolerance = 1;
            }
        }
        for (SentenceInfo s : facts.sentences()) {
            if (frameOf[s.sentence.index()] != null && !frames.contains(frameOf[s.sentence.index()])) {
                frameOf[s.sentence.index()] = main;
            }
        }
        int n = 1;
        for (Draft f : frames) {
            f.mentionId = facts.text().report().getUri() + "#" + n++;
        }
    }

    /**
     * A sentence that compares with a period ("The attack on the village on Tuesday morning was the deadliest
     * since the coup") carries no toll, but the day it gives the event still dates the incident it talks about
     * when nothing before did.
     */
    private static void datesUndatedFrame(SentenceInfo s, Draft current) {
        DateMention d = s.eventDate();
        if (current == null
                || current.dateKnown
                || d == null
                || d.role() != DateMention.Role.EVENT
                || d.toleranceDays() > 1
                || s.hasCasualties()
                || s.sentence.paragraph() > 2) {
            return;
        }
        current.date = d.date();
        current.tolerance = d.toleranceDays();
        current.dateKnown = true;
    }

    private Draft open(SentenceInfo s, boolean main) {
        Draft f = new Draft(s, main, published);
        frames.add(f);
        frameOf[s.sentence.index()] = f;
        return f;
    }

    /**
     * Whether the sentence is a clause split off an eventful one that tells damage in another town: "In A, a bomb hit
     * a market, while in B two bombs levelled a temple" sets two events side by side, and the second is of the same
     * kind as the first even when it names no weapon the triggers know.
     */
    private boolean placeClauseOfEvent(SentenceInfo s) {
        return s.newMarker
                && TollClauses.isPlaceClause(s.sentence)
                && facts.sentences().get(s.sentence.index() - 1).eventful();
    }

    /** Whether an eventful sentence starts an incident of its own. */
    private boolean opensNew(SentenceInfo s) {
        if (s.newMarker || s.laterEvent) {
            return true;
        }
        DateMention d = s.eventDate();
        if (d != null) {
            boolean matchesSome = false;
            Draft main = frames.get(0);
            for (Draft f : frames) {
                // an undated side incident told in an earlier paragraph happened on the main one's day (as it is
                // dated at the end): a later paragraph's day far from that one ("In July, it claimed an attack in
                // which 12 soldiers were killed") is another event, not the day the side incident lacked
                boolean undated = !f.dateKnown
                        && (f.main || !main.dateKnown || f.opener.sentence.paragraph() == s.sentence.paragraph());
                LocalDate day = f.dateKnown ? f.date : undated ? null : main.date;
                int tolerance = f.dateKnown ? f.tolerance : main.tolerance;
                if (undated
                        || Math.abs(ChronoUnit.DAYS.between(day, d.date())) <= Math.max(tolerance, d.toleranceDays())) {
                    matchesSome = true;
                }
            }
            if (!matchesSome) {
                return true;
            }
            if (d.role() == DateMention.Role.PAST) {
                return frames.stream().noneMatch(f -> f.dateKnown && f.date.equals(d.date()));
            }
            // "Days earlier, a car bomb killed 18 ...", "Two days before, ...": a sentence that opens by counting
            // back from the events told so far, with a toll of its own, tells another one
            if (d.from() == 0 && s.hasCasualties() && countsBack(s.sentence.tokens(), d)) {
                return true;
            }
        }
        // "shells hit a camp for displaced people, three kilometres from A, wounding 12": a toll at a site the sentence
        // places only by its distance from the town of an incident told before is another site's
        GeoMention away = s.hasCasualties() ? distanceLandmark(s) : null;
        if (away != null
                && frames.stream().anyMatch(f -> namesPlace(f, away.name()))
                && s.places.stream().noneMatch(g -> frames.stream().anyMatch(f -> namesPlace(f, g.name())))) {
            return true;
        }
        // a fronted new scene with its own toll: "In Namhsan town, a bomb exploded ..., injuring two civilians"
        GeoMention scene = frontedPlace(s);
        boolean toll = s.hasCasualties() || tollToldThereNext(s);
        if (scene != null && toll && frames.stream().noneMatch(f -> namesPlace(f, scene.name()))) {
            return true;
        }
        // a fronted town with its own toll, named before only in a toll over several towns: "Six were killed in A, B
        // and C ... In A, two people died when ...": the lead's total adds up the towns, each told after it is an
        // incident of its own
        if (scene != null && toll && frames.stream().noneMatch(f -> namesAsScene(f, scene.name()))) {
            return true;
        }
        // a fronted new scene with an event of its own but no toll: "In Karbala, demonstrators stormed the governor's
        // office on Tuesday", "In the village of Kodaki, a drone struck a house". A usual trigger needs a day of the
        // scene's own, and a specific one must be told, not reported as talk ("In Falluja, the militants used
        // loudspeakers, saying 100 suicide bombers were getting ready")
        if (scene != null
                && ((s.eventDate() != null && s.maxTriggerWeight() >= 2) || toldStrongEvent(s))
                && frames.stream().noneMatch(f -> namesPlace(f, scene.name()))) {
            return true;
        }
        // "The military said its aircraft had struck five targets in the north": an air strike told as an act of its
        // own, in a report whose incidents so far are of other kinds (a protest fired on, a raid), is another incident.
        // With a toll it is the cause the sentence gives for deaths ("60 had died when regime aircraft hit the
        // faculty"), maybe another account of an incident told; a toll of its own opens one by its place or day
        // (the rules above and below)
        int told = toldAirStrike(s);
        if (told >= 0
                && !s.hasCasualties()
                && !namesToldAircraft(s.sentence.tokens(), told)
                && frames.stream().noneMatch(f -> AIR_STRIKE.equals(f.code))) {
            return true;
        }
        // another country, with its own toll or a specific trigger: "In neighbouring Syria, 14 people were wounded",
        // "it had also fired missiles at targets in Syria"
        String country = eventCountry(s);
        if (country != null) {
            boolean known = false;
            for (Draft f : frames) {
                String fc = f.country();
                known |= fc == null || fc.equals(country);
            }
            if (!known) {
                return true;
            }
        }
        // another region, with its own toll or a specific trigger: "In Farah city, gunmen shot dead ..."
        String admin1 = firstAdmin1(s);
        if (admin1 != null
                && (s.hasCasualties() || s.maxTriggerWeight() >= 2 && !refersBack(s))
                && ofMainCountry(s, admin1)) {
            boolean explicitRegion = s.places.stream().anyMatch(g -> g.kind() == GeoKind.ADMIN1);
            boolean compatible = false;
            for (Draft f : frames) {
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
        // "the gunmen also attacked a military post in Mbua and killed a soldier": another act ("also"), with a toll
        // and
        // a place of its own that no incident names, is another incident even where the gazetteer lacks the place
        if (s.also && s.hasCasualties() && s.maxTriggerWeight() >= 2) {
            String unlisted = unlistedScene(s);
            if (unlisted != null && frames.stream().noneMatch(f -> namesWord(f, unlisted))) {
                return true;
            }
        }
        // "government forces had also secured four villages": a second gain of territory
        if (s.hasTerritory() && s.also) {
            for (Draft f : frames) {
                if (f.hasTerritory()) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Whether a specific trigger of violence comes before any speech verb: the sentence tells the event, not what was
     * said. A word of territory ("captured police vehicles") is no event there: gains have their own rule.
     */
    private static boolean toldStrongEvent(SentenceInfo s) {
        List<Token> tokens = s.sentence.tokens();
        int speech = tokens.size();
        for (int k = 0; k < tokens.size(); k++) {
            String w = tokens.get(k).lower();
            if (WordList.SPEECH_VERB.contains(w) || WordList.SPEECH_PARTICIPLE.contains(w)) {
                speech = k;
                break;
            }
        }
        for (TriggerReader.Trigger t : s.triggers) {
            if (t.weight() >= 3 && t.from() < speech && !"TERRITORY".equals(t.code())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Where an aircraft or an air strike is the subject of a verb of striking ("warplanes struck", "its aircraft had
     * also hit", "air strikes had hit"): the start of that trigger, else -1. "Killed in air strikes" tells no strike
     * of its own: there the strikes are what a toll is put on.
     */
    static int toldAirStrike(SentenceInfo s) {
        List<Token> tokens = s.sentence.tokens();
        for (TriggerReader.Trigger t : s.triggers) {
            if (!AIR_STRIKE.equals(t.code()) || t.weight() < 2) {
                continue;
            }
            int k = t.to();
            while (k < tokens.size()
                    && (WordList.PERFECT_AUXILIARY.contains(tokens.get(k).lower())
                            || tokens.get(k).is("also"))) {
                k++;
            }
            if (k < tokens.size()
                    && WordList.AIR_STRIKE_VERB.contains(tokens.get(k).lower())) {
                return t.from();
            }
        }
        return -1;
    }

    /**
     * "The jets struck again": a definite article or demonstrative before the aircraft refers back to a strike told
     * before. A possessive names whose aircraft they were ("its aircraft had struck"), no earlier event.
     */
    private static boolean namesToldAircraft(List<Token> tokens, int trigger) {
        return trigger >= 1
                && WordList.TOLD_DETERMINER.contains(tokens.get(trigger - 1).lower());
    }

    /**
     * "Fighting went on on Saturday night, a resident said, adding that air strikes had hit the group's positions on
     * Friday": an incident opened by a strike told as an act takes the day told after it, not the day of what the
     * sentence said before.
     */
    private static void datesToldAirStrike(SentenceInfo s, Draft target) {
        int told = s.hasCasualties() ? -1 : toldAirStrike(s);
        if (told < 0) {
            return;
        }
        for (DateMention d : s.dates) {
            if (d.from() > told && d.role() == DateMention.Role.EVENT) {
                target.date = d.date();
                target.tolerance = d.toleranceDays();
                target.dateKnown = true;
                return;
            }
        }
    }

    /**
     * The day of an incident whose sentences give none: the day its first source to name a day spoke, when that is
     * before publication ("a resistance group said Saturday" in a report of Monday: what it told happened by
     * Saturday), else the day of publication.
     */
    private static LocalDate statementDay(Draft f, LocalDate published) {
        // the opener may be the headline: the lead's source is the first one the frame's headline and lead name
        for (SentenceInfo s : f.members) {
            if (s.sentence.paragraph() > 1) {
                break;
            }
            for (DateMention d : s.dates) {
                if (d.role() == DateMention.Role.REPORTING
                        && d.toleranceDays() == 0
                        && d.date().isBefore(published)
                        && ChronoUnit.DAYS.between(d.date(), published) <= 7) {
                    return d.date();
                }
            }
            if (!s.dates.isEmpty()) {
                return published;
            }
        }
        return published;
    }

    /** Whether a date expression counts back from another day: "days earlier", "a week before", "days ago". */
    private static boolean countsBack(List<Token> tokens, DateMention d) {
        Token last = tokens.get(d.to() - 1);
        return last.is("earlier") || last.is("before") || last.is("ago");
    }

    /**
     * The country a sentence places its event in by name: "In neighbouring Syria, 14 were wounded", "fired missiles
     * at targets in Syria", "an official in Iraq said strikes killed five"; null when none. A country as a party
     * ("Iran hit ...") or an adjective places nothing, nor does one in the attribution after the event ("said before
     * leaving for a summit in Kenya"), nor one around a mere mention of violence: only a toll or a specific attack
     * places an event.
     */
    static String eventCountry(SentenceInfo s) {
        List<Token> tokens = s.sentence.tokens();
        int strongTrigger = -1;
        int lastEvent = -1;
        for (TriggerReader.Trigger t : s.triggers) {
            if (t.weight() >= 3) {
                strongTrigger = strongTrigger < 0 ? t.from() : strongTrigger;
                lastEvent = Math.max(lastEvent, t.to());
            }
        }
        boolean toll = s.hasCasualties();
        if (!toll && strongTrigger < 0) {
            return null;
        }
        for (CasualtyFact f : s.facts) {
            lastEvent = Math.max(lastEvent, f.to());
        }
        for (GeoMention g : s.places) {
            if (g.kind() != GeoKind.COUNTRY || g.countryCode() == null) {
                continue;
            }
            int at = tokenAt(tokens, g.start());
            int in = at >= 1 && tokens.get(at - 1).is("in")
                    ? at - 1
                    : at >= 2 && tokens.get(at - 2).is("in") && isLowerWord(tokens.get(at - 1)) ? at - 2 : -1;
            // "an affiliate based in Mali claimed it had killed 70": the party's home, not the event's country
            boolean home = in >= 1
                    && WordList.HOME_PARTICIPLE.contains(tokens.get(in - 1).lower());
            if (in < 0 || home || inAttribution(tokens, lastEvent, at)) {
                continue;
            }
            if (toll || in == 0 || at > strongTrigger) {
                return g.countryCode();
            }
        }
        return null;
    }

    /** Whether a speech verb stands between the end of the event told and a place after it. */
    private static boolean inAttribution(List<Token> tokens, int lastEvent, int at) {
        for (int k = Math.max(0, lastEvent); k < at; k++) {
            if (WordList.SPEECH_VERB.contains(tokens.get(k).lower())) {
                return true;
            }
        }
        return false;
    }

    private static boolean isLowerWord(Token t) {
        String w = t.text();
        return !w.isEmpty() && Character.isLowerCase(w.charAt(0));
    }

    /**
     * The region of the first place the sentence names as where something happened. "An official at the U.N. office
     * in Aden said gunmen stopped the team in Abyan": a place before the first speech verb, with nothing of the
     * event before that verb, is where the speaker sits.
     */
    private String firstAdmin1(SentenceInfo s) {
        List<Token> tokens = s.sentence.tokens();
        int speech = speakerEnd(s);
        for (GeoMention g : s.places) {
            int at = tokenAt(tokens, g.start());
            // "a block in the city's Industrialnyi district": a part of the town already told, whatever region
            boolean partOfTold = at >= 2
                    && tokens.get(at - 1).is("'s")
                    && WordList.PART_OF_TOLD.contains(tokens.get(at - 2).lower());
            if (g.admin1Code() != null && g.kind() != GeoKind.DEMONYM && !partOfTold && (speech < 0 || at > speech)) {
                return g.admin1Code();
            }
        }
        return null;
    }

    /**
     * The first speech verb of a sentence when neither a trigger nor a figure comes before it ("An official in Aden
     * said ..."), else -1: what stands before it is the speaker.
     */
    private static int speakerEnd(SentenceInfo s) {
        List<Token> tokens = s.sentence.tokens();
        int speech = -1;
        for (int k = 0; k < tokens.size(); k++) {
            if (WordList.SPEECH_VERB.contains(tokens.get(k).lower())) {
                speech = k;
                break;
            }
        }
        if (speech < 0) {
            return -1;
        }
        for (TriggerReader.Trigger t : s.triggers) {
            if (t.weight() >= 2 && t.from() < speech) {
                return -1;
            }
        }
        for (CasualtyFact f : s.facts) {
            if (f.from() < speech) {
                return -1;
            }
        }
        return speech;
    }

    /**
     * "The grenade rolled under a bus bound for Uttarakhand", "told reporters in Geneva the raid fitted a trend":
     * every specific event word of the sentence is a definite reference to one told before, so a region it names
     * is no new scene.
     */
    private static boolean refersBack(SentenceInfo s) {
        List<Token> tokens = s.sentence.tokens();
        boolean any = false;
        for (TriggerReader.Trigger t : s.triggers) {
            if (t.weight() < 2) {
                continue;
            }
            any = true;
            int before = t.from() - 1;
            if (before < 0
                    || !WordList.BACK_REFERENCE.contains(tokens.get(before).lower())) {
                return false;
            }
        }
        return any;
    }

    /**
     * Whether a region belongs to the country of the report's main incident (or that country is unknown): a region
     * of another country ("Kurdistan" in the name of a party, "Geneva" where a spokesman spoke) is no new scene by
     * itself; an event abroad is placed by "in <country>" (see {@link #eventCountry}).
     */
    private boolean ofMainCountry(SentenceInfo s, String admin1) {
        String main = frames.get(0).country();
        if (main == null) {
            return true;
        }
        for (GeoMention g : s.places) {
            if (admin1.equals(g.admin1Code())) {
                return main.equals(g.countryCode());
            }
        }
        return true;
    }

    private boolean compatible(Draft f, SentenceInfo s) {
        DateMention d = s.eventDate();
        if (d != null
                && f.dateKnown
                && Math.abs(ChronoUnit.DAYS.between(f.date, d.date())) > Math.max(f.tolerance, d.toleranceDays())) {
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
        // "23 air strikes had killed four civilians" with no day, then "four were killed when the rebels shelled a
        // residence on Friday": a toll with a day and an act of another kind of its own is another event, not the
        // day the first one lacked
        if (d != null
                && !f.main
                && !f.dateKnown
                && f.code != null
                && s.hasCasualties()
                && s.maxTriggerWeight() >= 3
                && !f.code.equals(s.topTrigger())) {
            return false;
        }
        return true;
    }

    private Draft bestFrame(SentenceInfo s, Draft current) {
        if (current != null && current.lastParagraph() == s.sentence.paragraph() && compatible(current, s)) {
            return current;
        }
        String top = s.topTrigger();
        if (top != null) {
            for (int i = frames.size() - 1; i >= 0; i--) {
                Draft f = frames.get(i);
                if (f.opener.laterEvent && f.lastParagraph() != s.sentence.paragraph()) {
                    // "Hours later, another explosion ...": a later paragraph on who fired goes on about the day's
                    // events, whose first incident it joins, not the aside told in passing
                    continue;
                }
                if (top.equals(f.code) && compatible(f, s) && (f.dateKnown || s.eventDate() == null)) {
                    return f;
                }
            }
        }
        Draft main = frames.get(0);
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

    private Draft byDate(DateMention d, Draft current) {
        for (Draft f : frames) {
            if (f.dateKnown && f.date.equals(d.date())) {
                return f;
            }
        }
        return current;
    }

    /** A frame is an incident when it has a specific trigger, a toll or a change of territory. */
    private boolean isIncident(Draft f) {
        if (f.counted) {
            return true;
        }
        for (SentenceInfo s : f.members) {
            if (s.maxTriggerWeight() >= 2
                    || placeClauseOfEvent(s)
                    || s.facts.stream().anyMatch(x -> x.isTotal() || x.kind() == CasualtyFact.Kind.IMPLICIT)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The sentence's event day, unless the day stands before a "whose" clause that holds every trigger of the
     * sentence: "About 200 people marched on Monday to demand the release of a nurse whose abduction ..." dates the
     * march, not the abduction; a day inside the clause dates the event.
     */
    private static DateMention dayOfItsEvent(SentenceInfo s) {
        DateMention d = s.eventDate();
        if (d == null || s.triggers.isEmpty()) {
            return d;
        }
        List<Token> tokens = s.sentence.tokens();
        int whose = -1;
        for (int k = d.to(); k < s.triggers.get(0).from(); k++) {
            if (tokens.get(k).is("whose")) {
                whose = k;
                break;
            }
        }
        if (whose < 0) {
            return d;
        }
        for (DateMention e : s.dates) {
            if (e.from() > whose && (e.role() == DateMention.Role.EVENT || e.role() == DateMention.Role.PAST)) {
                return e;
            }
        }
        return null;
    }

    /**
     * "For B he could not give final figures ... So far, he said, seven soldiers had died there": a sentence that
     * fronts a town and tells no toll, whose toll the next sentence of its paragraph gives "there", naming no place
     * of its own. The town and the toll are one scene.
     */
    private boolean tollToldThereNext(SentenceInfo s) {
        int next = s.sentence.index() + 1;
        if (s.hasCasualties() || next >= facts.sentences().size()) {
            return false;
        }
        SentenceInfo n = facts.sentences().get(next);
        if (n.sentence.paragraph() != s.sentence.paragraph()
                || !n.hasCasualties()
                || n.cumulative
                || !n.allPlaces.isEmpty()
                || frontedPlace(s) == null) {
            return false;
        }
        List<Token> tokens = n.sentence.tokens();
        for (int k = 1; k < tokens.size(); k++) {
            // "died there", not "there were": the adverb after the verb, not the existential subject
            if (tokens.get(k).is("there") && !tokens.get(k - 1).isPunct()) {
                return true;
            }
        }
        return false;
    }

    /**
     * The town a sentence opens with as its scene: "In Namhsan town, ...", "At Kongoussi, ...", "In the southern city
     * of Nassiriya, ...", "For B he ...", or null.
     */
    private static GeoMention frontedPlace(SentenceInfo s) {
        List<Token> tokens = s.sentence.tokens();
        if (tokens.size() < 4
                || !(tokens.get(0).is("in")
                        || tokens.get(0).is("at")
                        || tokens.get(0).is("for"))) {
            return null;
        }
        for (GeoMention g : s.places) {
            int at = tokenAt(tokens, g.start());
            // "In Namhsan town,", "In the village of Kodaki,", "In the southern city of Nassiriya,"
            boolean described = at >= 5 && at <= 6 && tokens.get(at - 1).is("of");
            if (g.kind() == GeoKind.PLACE && at >= 1 && (at <= 4 || described)) {
                if (at == 1 && tokens.get(0).is("for")) {
                    return g; // "For B he could give no figures": no comma sets the town off
                }
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

    /**
     * The capitalised word after "in" or "at" following "also" and a verb of violence ("also attacked a post in Mbua"),
     * when no place the sentence names covers it; else null.
     */
    static String unlistedScene(SentenceInfo s) {
        List<Token> tokens = s.sentence.tokens();
        int also = -1;
        for (int k = 0; k < tokens.size(); k++) {
            if (tokens.get(k).is("also")) {
                also = k;
                break;
            }
        }
        int trigger = -1;
        for (TriggerReader.Trigger t : s.triggers) {
            if (t.from() > also && t.from() <= also + 2) {
                trigger = t.to();
                break;
            }
        }
        if (also < 0 || trigger < 0) {
            return null;
        }
        for (int k = trigger; k + 1 < tokens.size() && k < trigger + 8; k++) {
            Token t = tokens.get(k);
            if (t.isPunct()) {
                return null;
            }
            Token name = tokens.get(k + 1);
            if ((t.is("in") || t.is("at")) && name.isCapitalized() && name.isWord()) {
                for (GeoMention g : s.allPlaces) {
                    if (g.start() <= name.start() && name.start() < g.end()) {
                        return null;
                    }
                }
                return name.text();
            }
        }
        return null;
    }

    /** Whether a sentence of the frame has the word. */
    private static boolean namesWord(Draft f, String word) {
        for (SentenceInfo s : f.members) {
            for (Token t : s.sentence.tokens()) {
                if (t.text().equals(word)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The town a sentence names only as a landmark some distance away ("three kilometres from A"), or null. */
    private GeoMention distanceLandmark(SentenceInfo s) {
        List<Token> tokens = s.sentence.tokens();
        for (GeoMention g : facts.referencePoints()) {
            if (g.kind() != GeoKind.PLACE || g.start() < s.sentence.start() || g.start() >= s.sentence.end()) {
                continue;
            }
            int at = tokenAt(tokens, g.start());
            for (int k = at - 1; k >= 0 && k >= at - 3; k--) {
                if (WordList.DISTANCE_UNIT.contains(tokens.get(k).lower())) {
                    return g;
                }
            }
        }
        return null;
    }

    private static boolean namesPlace(Draft f, String name) {
        for (SentenceInfo s : f.members) {
            for (GeoMention g : s.places) {
                if (name.equals(g.name())) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Whether a sentence of the frame with a toll or an event of its own names the town apart from other towns: a
     * total told over three towns or more ("A, B and C") is no scene of A's, nor is a passing mention in a sentence telling no event.
     */
    private static boolean namesAsScene(Draft f, String name) {
        for (SentenceInfo s : f.members) {
            if (!s.hasCasualties() && s.maxTriggerWeight() < 2) {
                continue;
            }
            boolean named = false;
            Set<String> others = new HashSet<>();
            for (GeoMention g : s.places) {
                if (name.equals(g.name())) {
                    named = true;
                } else if (g.kind() == GeoKind.PLACE) {
                    others.add(g.name());
                }
            }
            if (named && others.size() < 2) {
                return true;
            }
        }
        return false;
    }

    /**
     * "Two separate drone attacks hit the area ... The second struck a forest": a sentence opening on the next of
     * several events the current incident's sentences counted (`EVENT_COUNT` before an `EVENT_PLURAL` noun), with its
     * verb of violence right after, tells another of them. "The second bomber detonated his vest" names a person of
     * the same attack, not an event.
     */
    private static boolean countedNext(SentenceInfo s, Draft current) {
        if (current == null || !opensOnNext(s)) {
            return false;
        }
        for (SentenceInfo m : current.members) {
            List<Token> mt = m.sentence.tokens();
            for (int k = 0; k < mt.size(); k++) {
                if (!WordList.EVENT_COUNT.contains(mt.get(k).lower())) {
                    continue;
                }
                for (int j = k + 1; j < mt.size() && j <= k + 3; j++) {
                    if (WordList.EVENT_PLURAL.contains(mt.get(j).lower())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** Whether the sentence opens on "The second" (`COUNTED_NEXT`) and a verb of violence or damage right after it. */
    static boolean opensOnNext(SentenceInfo s) {
        List<Token> tokens = s.sentence.tokens();
        if (tokens.size() < 3
                || !tokens.get(0).is("the")
                || !WordList.COUNTED_NEXT.contains(tokens.get(1).lower())) {
            return false;
        }
        if (WordList.DAMAGE_VERB.contains(tokens.get(2).lower())) {
            return true;
        }
        for (TriggerReader.Trigger t : s.triggers) {
            if (t.from() == 2) {
                return true;
            }
        }
        return false;
    }

    /** One incident being assembled from the sentences that describe it. */
    private static final class Draft {

        final List<SentenceInfo> members = new ArrayList<>();
        final SentenceInfo opener;
        final boolean main;
        /** The report's day, against which a day told in passing is old. */
        final LocalDate published;

        LocalDate date;
        int tolerance;
        boolean dateKnown;
        boolean past;
        /**
         * Opened by an event told in passing on the day of the one before it ("Later that day ...", "the gunmen also
         * attacked a post in X"): a later paragraph without an event goes back to the main incident.
         */
        boolean toldInPassing;

        /** The second toll of a sentence whose first had no day: dated with the report's main incident. */
        boolean sharesDay;
        /** Opened by the next of several events counted before ("The second struck a forest"): an incident of its own. */
        boolean counted;

        /** Sub-event code read so far (from triggers), for compatibility checks. */
        String code;

        String mentionId;

        Draft(SentenceInfo opener, boolean main, LocalDate published) {
            this.opener = opener;
            this.published = published;
            this.main = main;
            add(opener);
        }

        void add(SentenceInfo s) {
            members.add(s);
            if (!dateKnown) {
                DateMention d = dayOfItsEvent(s);
                // a later sentence's date in the past ("the 1998 attack on a college nearby") recalls another event;
                // it never dates an incident whose own sentences gave no day
                boolean background = d != null && s != opener && d.role() == DateMention.Role.PAST;
                // a sentence of a later paragraph that tells no event of its own and a day weeks before the report
                // ("X was placed under house arrest on March 26") goes on about the background: its day is not the
                // one the incident was not given
                boolean aside = d != null
                        && s != opener
                        && !s.eventful()
                        && s.sentence.paragraph() != opener.sentence.paragraph()
                        && ChronoUnit.DAYS.between(d.date(), published) > IncidentReader.RECENT_DAYS;
                if (d != null && !background && !aside && !(sharesDay && s != opener)) {
                    date = d.date();
                    tolerance = d.toleranceDays();
                    dateKnown = true;
                    past = d.role() == DateMention.Role.PAST;
                }
            } else if (tolerance > 1 && !past) {
                DateMention d = dayOfItsEvent(s);
                if (d != null
                        && d.role() == DateMention.Role.EVENT
                        && d.toleranceDays() == 0
                        && Math.abs(ChronoUnit.DAYS.between(date, d.date())) <= tolerance) {
                    // "killed in an attack last week" in the lead, "a briefing on the April 17 attack" later: the
                    // exact day a later sentence of the same incident gives, within the vague one, is its day
                    date = d.date();
                    tolerance = 0;
                }
            }
            if (code == null && s.eventful()) {
                code = s.topTrigger();
            }
        }

        int lastParagraph() {
            return members.get(members.size() - 1).sentence.paragraph();
        }

        /** The first-level region named in the frame, from its own sentences (no reference points). */
        String admin1() {
            for (SentenceInfo s : members) {
                for (GeoMention g : s.places) {
                    if (g.admin1Code() != null && (g.kind() == GeoKind.ADMIN1 || g.kind() == GeoKind.PLACE)) {
                        return g.admin1Code();
                    }
                }
            }
            return null;
        }

        /**
         * The country of the first town or region an eventful sentence of the frame names ("Iran's Damascus
         * consulate" is in Syria), else of its first country named.
         */
        String country() {
            for (SentenceInfo s : members) {
                if (!s.eventful()) {
                    continue;
                }
                for (GeoMention g : s.places) {
                    if (g.admin1Code() != null && (g.kind() == GeoKind.PLACE || g.kind() == GeoKind.ADMIN1)) {
                        return g.countryCode();
                    }
                }
            }
            for (SentenceInfo s : members) {
                for (GeoMention g : s.places) {
                    if (g.countryCode() != null && g.kind() != GeoKind.DEMONYM) {
                        return g.countryCode();
                    }
                }
            }
            return null;
        }

        boolean hasTerritory() {
            return members.stream().anyMatch(SentenceInfo::hasTerritory);
        }
    }
}
