package org.wirewatch.extract;

import static org.wirewatch.extract.PartyRoles.isSpeaker;
import static org.wirewatch.extract.PartyRoles.isVictim;
import static org.wirewatch.extract.TokenSpans.negated;
import static org.wirewatch.extract.TokenSpans.tokenAt;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.wirewatch.extract.geo.GeoKind;
import org.wirewatch.extract.geo.GeoMention;
import org.wirewatch.extract.lexicon.ActorMention;
import org.wirewatch.extract.lexicon.Actors;
import org.wirewatch.extract.rules.DateMention;
import org.wirewatch.extract.rules.TriggerReader;
import org.wirewatch.extract.text.PhraseMatcher;
import org.wirewatch.extract.text.Token;
import org.wirewatch.schema.Actor;
import org.wirewatch.schema.EventType;
import org.wirewatch.schema.IncidentMention;
import org.wirewatch.schema.SubEventType;

/**
 * Stage 4c: who carried out an incident. The party that is the subject of the event in the head sentences (a
 * party closing the sentence with "said" is a source, not the attacker), else the party claiming it, else a party
 * the report blames or suspects, else a generic one, else a state named as the subject of a strike. One instance
 * per report.
 */
final class PerpetratorReader {

    // String.split compiles a pattern of more than one character on every call: this runs for every perpetrator.
    private static final java.util.regex.Pattern SPACES = java.util.regex.Pattern.compile(" +");

    /** Words before an unnamed party that are no part of its name: "suspected jihadists", "the rebels". */
    private static final List<String> UNNAMED_LEADS =
            WordList.UNNAMED_LEAD.inOrder().stream().map(w -> w + " ").toList();

    private final Set<String> agentVerbs;
    private final ReportFacts facts;
    private final String text;
    private final IncidentDrafts drafts;

    PerpetratorReader(Set<String> agentVerbs, ReportFacts facts, IncidentDrafts drafts) {
        this.agentVerbs = agentVerbs;
        this.facts = facts;
        this.text = facts.text().text();
        this.drafts = drafts;
    }

    /** The actor of a frame, or null. */
    Actor actor(Frame f) {
        List<SentenceInfo> heads = f.heads();
        ActorMention generic = null;
        for (SentenceInfo s : f.main ? Frame.leadFirst(heads) : heads) {
            int firstTrigger = s.triggers.isEmpty()
                    ? Integer.MAX_VALUE
                    : s.sentence.tokens().get(s.triggers.get(0).from()).start();
            for (ActorMention a : s.actors) {
                if (isVictim(s, a) || describesAnother(s, a) || hyphenedToAnother(a) || namesASite(s, a)) {
                    continue; // "Eleven Malian soldiers died": the victims, not the attackers
                }
                if (memberOfAnother(s, a) || namesAPlace(s, a)) {
                    continue; // "fighters backed by Washington, among them the YPG, drove IS out": one of the party
                }
                boolean agent = (a.start() < firstTrigger && !spokenFor(s, a) && !groupActsAfter(s, a))
                        || precededByBy(s, a)
                        || subjectOfAgentVerb(s, a)
                        || namesTheAttack(s, a);
                if (!agent || isSpeaker(s, a) || defends(s, a) || saysAnotherActed(s, a)) {
                    continue; // "..., the army and a civil society group said": who tells is not who attacked
                }
                if (unnamed(a)) {
                    generic = generic == null ? a : generic;
                    continue;
                }
                if (assumedState(a)) {
                    Actor denying = deniedInvolvement();
                    if (denying != null) {
                        return denying; // "warplanes bombed a village ... Moscow denies involvement"
                    }
                }
                return actorOf(s, a);
            }
        }
        Actor referred = groupReferredTo(heads);
        if (referred != null) {
            return referred;
        }
        // "a suspected jihadist attack": the report itself says no one has owned the attack, so a claim it tells of
        // other attacks ("both attacks were claimed by X") does not reach this one
        Actor claimed = responsibleActor(f, generic != null && suspected(generic));
        if (claimed != null) {
            return claimed;
        }
        Actor blamed = blamedActor(f);
        if (blamed != null) {
            return blamed;
        }
        Actor later = laterAgent(f, heads);
        if (later != null) {
            return later;
        }
        Actor sides = sidesOfFight(f.members, false);
        if (drafts.frames().size() == 1 && (sides == null || generic(sides))) {
            // the report tells of one fight: the paragraph that names its sides may stand apart from the frame's
            Actor named = sidesOfFight(facts.sentences(), true);
            sides = named != null ? named : sides;
        }
        if (sides != null) {
            return sides;
        }
        Actor denying = deniedInvolvement();
        if (denying != null) {
            return denying;
        }
        if (generic != null) {
            ActorMention local = "UNKNOWN_GUNMEN".equals(generic.kind()) ? localName() : null;
            return Actor.newBuilder()
                    .setName(local != null ? sideName(local) : soleGangFor(generic))
                    .build();
        }
        // "Iran launched missiles at two Iraqi bases": a state named as the subject of a strike
        for (SentenceInfo s : heads) {
            List<Token> tokens = s.sentence.tokens();
            for (GeoMention g : s.allPlaces) {
                if (g.kind() != GeoKind.COUNTRY) {
                    continue;
                }
                int at = tokenAt(tokens, g.end() - 1);
                if (at >= 0
                        && at + 1 < tokens.size()
                        && WordList.STRIKE_VERB.contains(tokens.get(at + 1).lower())) {
                    return Actor.newBuilder().setName(g.name()).build();
                }
            }
        }
        for (SentenceInfo s : heads) {
            Actor states = statesOpeningTheAttack(s);
            if (states != null) {
                return states;
            }
        }
        return null;
    }

    /**
     * "Iran fired about 200 missiles at Israel on Tuesday evening ... In the West Bank, a worker was killed when pieces
     * of a rocket fell": a missile or air strike whose own sentences name no party came from the state another
     * sentence names as firing that day (a country right before a {@link WordList#STRIKE_VERB}). Null for the main
     * incident, for other kinds of event, or when no state is said to have fired.
     */
    Actor stateLaunchingThatDay(Frame f, SubEventType sub) {
        if (f.main
                || !(sub == SubEventType.SHELLING_ARTILLERY_MISSILE_ATTACK || sub == SubEventType.AIR_DRONE_STRIKE)) {
            return null;
        }
        for (SentenceInfo s : facts.sentences()) {
            DateMention d = s.eventDate();
            if (f.members.contains(s) || d == null || !d.date().equals(f.date)) {
                continue;
            }
            List<Token> tokens = s.sentence.tokens();
            for (GeoMention g : s.allPlaces) {
                int at = tokenAt(tokens, g.end() - 1);
                if (g.kind() == GeoKind.COUNTRY
                        && at >= 0
                        && at + 1 < tokens.size()
                        && WordList.STRIKE_VERB.contains(tokens.get(at + 1).lower())) {
                    return Actor.newBuilder().setName(g.name()).build();
                }
            }
        }
        return null;
    }

    /**
     * "A bomb wounded six on Friday, a week after suspected insurgents gunned down two monks": an earlier incident
     * another incident's sentence tells by its day, with the party that acted right after that day. When the earlier
     * incident's own sentences name no party at all and its kind of event suspects no group, that party is its
     * actor. Null for the main incident, or when no such sentence tells of it.
     */
    Actor agentOfItsDay(Frame f) {
        if (f.main) {
            return null;
        }
        for (SentenceInfo s : facts.sentences()) {
            if (f.members.contains(s)) {
                continue;
            }
            List<Token> tokens = s.sentence.tokens();
            for (DateMention d : s.dates) {
                // a day counted back from another ("five days after", "five days earlier") may fall a day apart
                if (d.role() != DateMention.Role.EVENT
                        || Math.abs(ChronoUnit.DAYS.between(f.date, d.date()))
                                > Math.max(1, Math.max(f.tolerance, d.toleranceDays()))) {
                    continue;
                }
                for (ActorMention a : s.actors) {
                    int at = tokenAt(tokens, a.start());
                    if (at >= d.to() && at <= d.to() + 2 && !isVictim(s, a) && subjectOfAgentVerb(s, a)) {
                        return Actor.newBuilder()
                                .setName(sideName(a))
                                .setQualifier(actorOf(s, a).getQualifier())
                                .build();
                    }
                }
            }
        }
        return null;
    }

    /**
     * "23 Russian and Syrian government air strikes killed four civilians", "Israeli army shelling": the states whose
     * adjectives open the attack's own noun phrase carried it out, though no party is its subject. Only
     * {@link WordList#STATE_AGENT} words may stand between the adjectives and the attack word; both states of
     * "X and Y" are named.
     */
    private static Actor statesOpeningTheAttack(SentenceInfo s) {
        List<Token> tokens = s.sentence.tokens();
        for (TriggerReader.Trigger t : s.triggers) {
            int k = t.from() - 1;
            while (k >= 0 && WordList.STATE_AGENT.contains(tokens.get(k).lower())) {
                k--;
            }
            List<String> states = new ArrayList<>();
            while (k >= 0) {
                GeoMention demonym = demonymEndingAt(s, tokens, k);
                if (demonym == null) {
                    break;
                }
                String name = Actors.load().stateForces(demonym.countryCode());
                if (!states.contains(name)) {
                    states.add(0, name);
                }
                k = tokenAt(tokens, demonym.start()) - 1;
                if (k < 1 || !tokens.get(k).is("and")) {
                    break;
                }
                k--;
            }
            if (!states.isEmpty() && !negated(tokens, t.from())) {
                return Actor.newBuilder().setName(String.join(" and ", states)).build();
            }
        }
        return null;
    }

    private static GeoMention demonymEndingAt(SentenceInfo s, List<Token> tokens, int k) {
        for (GeoMention g : s.allPlaces) {
            if (g.kind() == GeoKind.DEMONYM && g.countryCode() != null && tokenAt(tokens, g.end() - 1) == k) {
                return g;
            }
        }
        return null;
    }

    /**
     * A party the report does not name: a generic one, or an umbrella term for organised crime ("drug gang",
     * "gangs", "cartel"), which names no group. A headline's "Drug gang kills 20" must not hide the gang a later
     * sentence names as claiming the shooting. "Bandits" stays a party of its own: it is what the armed groups of
     * north-west Nigeria are called.
     */
    private static boolean unnamed(ActorMention a) {
        return a.generic()
                || ("CRIMINAL".equals(a.kind())
                        && a.countryCode() == null
                        && WordList.UNNAMED_CRIMINAL.contains(a.canonicalName()));
    }

    /**
     * "Lionel Lazarre, deputy spokesman of the Haitian National Police, said ...", "a spokesman for the army told
     * reporters": the party whose spokesman tells of the incident. Standing before the attack does not make it the
     * attacker; only being the subject of a violent verb does.
     */
    private static boolean spokenFor(SentenceInfo s, ActorMention a) {
        List<Token> tokens = s.sentence.tokens();
        int k = tokenAt(tokens, a.start()) - 1;
        // the party's name may begin inside the organisation's: "the Haitian National Police"
        for (int n = 0;
                n < 3 && k > 0 && Character.isUpperCase(tokens.get(k).text().charAt(0));
                n++) {
            k--;
        }
        if (k > 0 && tokens.get(k).is("the")) {
            k--;
        }
        return k > 0
                && (tokens.get(k).is("of") || tokens.get(k).is("for"))
                && WordList.SPOKESMAN.contains(tokens.get(k - 1).lower());
    }

    /**
     * "Armed gangs, locally known as bandits, have abducted hundreds": the name the report says the region gives its
     * armed men, for gunmen it does not otherwise name. Only a party right after "known as" or "called" (a "locally"
     * around it allowed) counts. Null when the report gives none.
     */
    private ActorMention localName() {
        for (SentenceInfo s : facts.sentences()) {
            List<Token> tokens = s.sentence.tokens();
            for (ActorMention a : s.actors) {
                int k = tokenAt(tokens, a.start()) - 1;
                if (k > 0 && tokens.get(k).is("locally")) {
                    k--;
                }
                boolean knownAs = k >= 1
                        && tokens.get(k).is("as")
                        && (tokens.get(k - 1).is("known")
                                || (k >= 2
                                        && tokens.get(k - 1).is("locally")
                                        && tokens.get(k - 2).is("known")));
                if (knownAs && !"UNKNOWN_GUNMEN".equals(a.kind()) && !isVictim(s, a)) {
                    return a;
                }
            }
        }
        return null;
    }

    /**
     * "Fighting between the ELN and FARC dissidents leaves 24 dead", "violence broke out between members of two rival
     * gangs", "a power struggle between gangs": in a fight the report tells as a noun, the sides after "between" are
     * the ones that fought, though neither is the subject of a violent verb. Both sides are the perpetrators of a
     * clash, so both are named ("ELN and FARC dissidents"), or the one the text names when it gives only one.
     */
    private static Actor sidesOfFight(List<SentenceInfo> sentences, boolean namedOnly) {
        Actor unnamed = null;
        for (SentenceInfo s : sentences) {
            List<Token> tokens = s.sentence.tokens();
            for (int b = 1; b < tokens.size(); b++) {
                // "the clashes pitted a militia loyal to the government against the Kasseb militia": the sides
                // stand either side of "against"
                boolean pitted = tokens.get(b).is("pitted") || tokens.get(b).is("pitting");
                if (!pitted && (!tokens.get(b).is("between") || !fightBefore(tokens, b))) {
                    continue;
                }
                String joiner = pitted ? "against" : "and";
                int end = b + 1;
                while (end < tokens.size() && end < b + 18 && !clauseBreak(tokens.get(end))) {
                    end++;
                }
                ActorMention first = null;
                ActorMention second = null;
                for (ActorMention a : s.actors) {
                    int at = tokenAt(tokens, a.start());
                    if (at <= b || at >= end || isVictim(s, a)) {
                        continue;
                    }
                    if (first == null) {
                        first = a;
                    } else if (second == null && joinedBy(tokens, joiner, tokenAt(tokens, first.end() - 1), at)) {
                        second = a;
                    }
                }
                if (first != null) {
                    String name = sideName(first);
                    if (second != null && !sideName(second).equals(name)) {
                        name = name + " and " + sideName(second);
                    }
                    Actor sides = Actor.newBuilder().setName(name).build();
                    if (!first.generic() || (second != null && !second.generic())) {
                        return sides;
                    }
                    // "fighting between two armed groups" in the lead, the groups named further on
                    unnamed = unnamed == null && !namedOnly ? sides : unnamed;
                }
            }
        }
        return unnamed;
    }

    /** A fight noun up to eight words before "between", the clause unbroken: "violence broke out late in the day between". */
    private static boolean fightBefore(List<Token> tokens, int between) {
        for (int k = between - 1; k >= 0 && k >= between - 8 && !clauseBreak(tokens.get(k)); k--) {
            if (WordList.CLASH_NOUN.contains(tokens.get(k).lower())) {
                return true;
            }
        }
        return false;
    }

    /** "Iran-backed", "Kremlin-aligned": a name joined by a hyphen to a describing participle, before a party. */
    private static boolean backedBy(Token t) {
        String w = t.lower();
        int hyphen = w.lastIndexOf('-');
        return hyphen > 0 && t.isCapitalized() && WordList.DESCRIBING_PARTICIPLE.contains(w.substring(hyphen + 1));
    }

    private static boolean quote(Token t) {
        String w = t.text();
        return w.equals("'") || w.equals("\"") || w.equals("\u2018") || w.equals("\u201c");
    }

    private static boolean clauseBreak(Token t) {
        return t.is(",") || t.is(";") || t.is(".") || t.is(":");
    }

    /**
     * "X and Y", "X and the rival Y", "pitted X against Y": the joining word between the first side's last token and
     * the second's first.
     */
    private static boolean joinedBy(List<Token> tokens, String joiner, int firstLast, int secondFirst) {
        for (int k = firstLast + 1; k >= 1 && k < secondFirst; k++) {
            if (tokens.get(k).is(joiner)) {
                return true;
            }
        }
        return false;
    }

    /** Whether an actor name is one a generic party takes: "armed groups", "gangs". */
    private boolean generic(Actor a) {
        for (SentenceInfo s : facts.sentences()) {
            for (ActorMention m : s.actors) {
                if (sideName(m).equals(a.getName())) {
                    return m.generic() || unnamed(m);
                }
            }
        }
        return false;
    }

    private static String sideName(ActorMention a) {
        return a.generic() ? unnamedParty(a) : Actors.load().perpetratorName(a);
    }

    /**
     * "the Syrian Democratic Forces said Turkish warplanes and drones had hit bakeries": a party right before a speech
     * verb whose reported clause has another party acting tells of the attack; it did not carry it out. ("The army
     * said it had killed 20 militants" names no other party and stays the army's.)
     */
    private boolean saysAnotherActed(SentenceInfo s, ActorMention a) {
        List<Token> tokens = s.sentence.tokens();
        int verb = tokenAt(tokens, a.end() - 1) + 1;
        if (verb <= 0
                || verb >= tokens.size()
                || !WordList.SPEECH_VERB.contains(tokens.get(verb).lower())) {
            return false;
        }
        for (ActorMention other : s.actors) {
            if (other.start() > tokens.get(verb).start()
                    && !isVictim(s, other)
                    && !other.canonicalName().equals(a.canonicalName())
                    && actsSoon(tokens, tokenAt(tokens, other.end() - 1) + 1)) {
                return true;
            }
        }
        return false;
    }

    /** A violent verb within six words, "and drones had" between allowed, before any punctuation. */
    private boolean actsSoon(List<Token> tokens, int from) {
        for (int k = Math.max(0, from); k < Math.min(tokens.size(), from + 6); k++) {
            Token t = tokens.get(k);
            if (agentVerbs.contains(t.lower()) || WordList.STRIKE_VERB.contains(t.lower())) {
                return !negated(tokens, k);
            }
            if (t.isPunct()) {
                return false;
            }
        }
        return false;
    }

    /**
     * A named party that acts in a later sentence of the incident when the heads name none: "Paramilitaries killed
     * 25 villagers ... The Rapid Support Forces stormed the village on Saturday". Wire copy often leads with a
     * description and names the group in the second paragraph. Only the subject right before a violent verb
     * counts, not denied ("did not attack"), not a speaker and not a victim.
     */
    private Actor laterAgent(Frame f, List<SentenceInfo> heads) {
        for (SentenceInfo s : f.members) {
            for (ActorMention a : s.actors) {
                if (a.generic() || isVictim(s, a)) {
                    continue;
                }
                if (leadsForcesThatActed(s, a)) {
                    return actorOf(s, a); // "X, head of the Y Front, said his forces had fired"
                }
                if (heads.contains(s) || isSpeaker(s, a) || !(subjectOfAgentVerb(s, a) || offensiveBy(s, a))) {
                    continue;
                }
                List<Token> tokens = s.sentence.tokens();
                int first = tokenAt(tokens, a.start());
                int last = tokenAt(tokens, a.end() - 1);
                if (negated(tokens, Math.max(0, first)) || negated(tokens, last + 1)) {
                    continue; // "denied that the RSF stormed the village", "the RSF never attacked"
                }
                return actorOf(s, a);
            }
        }
        return null;
    }

    /**
     * "The town fell three days into a fresh push against the jihadists there by the SDF": the party in the by-phrase
     * of an offensive noun ({@link WordList#OFFENSIVE_NOUN}) a few words before, in one clause, led the offensive.
     */
    private boolean offensiveBy(SentenceInfo s, ActorMention a) {
        List<Token> tokens = s.sentence.tokens();
        int by = tokenAt(tokens, a.start()) - 1;
        if (by > 0 && tokens.get(by).is("the")) {
            by--;
        }
        if (by <= 0 || !tokens.get(by).is("by") || describesAnother(s, a)) {
            return false;
        }
        for (int k = by - 1; k >= 0 && k >= by - 6 && !clauseBreak(tokens.get(k)); k--) {
            if (WordList.OFFENSIVE_NOUN.contains(tokens.get(k).lower())) {
                return true;
            }
        }
        return false;
    }

    /**
     * "Debretsion Gebremichael, head of the Tigray People's Liberation Front, said his forces had fired": the party
     * named by a leader's title, whose own men ("his forces", "their fighters") carried out a violent verb in the
     * same sentence. Not when the men did not act ("his forces had nothing to do with the bombing", "his fighters
     * could not reach that part of the city").
     */
    private boolean leadsForcesThatActed(SentenceInfo s, ActorMention a) {
        List<Token> tokens = s.sentence.tokens();
        int at = tokenAt(tokens, a.start());
        int k = at - 1;
        if (k > 0 && tokens.get(k).is("the")) {
            k--;
        }
        if (k < 1
                || !tokens.get(k).is("of")
                || !WordList.LEADER_TITLE.contains(tokens.get(k - 1).lower())) {
            return false;
        }
        for (int p = tokenAt(tokens, a.end() - 1) + 1; p > 0 && p + 2 < tokens.size(); p++) {
            String w = tokens.get(p).lower();
            if (!(w.equals("his") || w.equals("her") || w.equals("their"))
                    || !WordList.LEADER_MEN.contains(tokens.get(p + 1).lower())) {
                continue;
            }
            for (int v = p + 2; v < Math.min(tokens.size(), p + 5); v++) {
                String verb = tokens.get(v).lower();
                if (agentVerbs.contains(verb) || WordList.STRIKE_VERB.contains(verb)) {
                    return !negated(tokens, v);
                }
                if (!(verb.equals("had") || verb.equals("have") || verb.equals("has") || verb.endsWith("ly"))) {
                    break;
                }
            }
        }
        return false;
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
                if (quote(tokens.get(k)) && k > 0) {
                    k--; // "a police officer blamed 'terrorists'"
                }
                if (backedBy(tokens.get(k)) && k > 0) {
                    k--; // "blamed the Iran-backed Houthi rebels"
                }
                if (tokens.get(k).is("the") && k > 0) {
                    k--;
                }
                String cue = tokens.get(k).lower();
                if (!WordList.BLAME_CUE.contains(cue) || isVictim(s, a)) {
                    continue;
                }
                String qualifier = cue.equals("suspected") ? "suspected" : "alleged";
                if (!a.generic() && !unnamed(a)) {
                    return Actor.newBuilder()
                            .setName(Actors.load().perpetratorName(a))
                            .setQualifier(qualifier)
                            .build();
                }
                if (generic == null) {
                    generic = a;
                    genericCue = qualifier;
                }
            }
        }
        Actor suspected = suspectedAuthor(f);
        if (suspected != null) {
            return suspected; // "suspected militants fired ... police believe Boko Haram was behind it"
        }
        return generic == null
                ? null
                : Actor.newBuilder()
                        .setName(soleGangFor(generic))
                        .setQualifier(genericCue)
                        .build();
    }

    /**
     * "police believe Boko Haram fighters were behind it", "investigators thought the attackers belonged to a cell
     * of the CJNG", "the attackers, whom residents call the ADF": a named party the report gives as the suspected
     * author, not as the subject of a violent verb. Wire copy names a suspect this way when no one has claimed the
     * attack; the lead then has only "gunmen" or "suspected militants". Not a party said not to be behind it. A
     * report of one incident may say so in any sentence; otherwise only the incident's own sentences count.
     */
    private Actor suspectedAuthor(Frame f) {
        Actor own = suspectedAuthor(f.members);
        return own != null || drafts.frames().size() > 1 ? own : suspectedAuthor(facts.sentences());
    }

    private static Actor suspectedAuthor(List<SentenceInfo> sentences) {
        for (SentenceInfo s : sentences) {
            List<Token> tokens = s.sentence.tokens();
            for (ActorMention a : s.actors) {
                if (a.generic() || unnamed(a) || isVictim(s, a)) {
                    continue;
                }
                int first = tokenAt(tokens, a.start());
                int last = tokenAt(tokens, a.end() - 1);
                if (first < 0 || last < 0 || negated(tokens, first)) {
                    continue; // "denied that the ADF was behind it"
                }
                String link = behindAfter(tokens, last) ? "behind" : attackersTiedTo(tokens, first);
                if (link != null) {
                    return Actor.newBuilder()
                            .setName(Actors.load().perpetratorName(a))
                            .setQualifier(WordList.LOCAL_NAME.contains(link) ? null : "suspected")
                            .build();
                }
            }
        }
        return null;
    }

    /** "X was behind the attack", "X fighters were likely behind it": "behind" and an event after the party. */
    private static boolean behindAfter(List<Token> tokens, int last) {
        int k = last + 1;
        if (k < tokens.size() && WordList.ATTACKER_NOUN.contains(tokens.get(k).lower())) {
            k++; // "Boko Haram fighters were behind it"
        }
        for (int n = 0;
                n < 4
                        && k < tokens.size()
                        && WordList.BEHIND_LINK.contains(tokens.get(k).lower());
                n++) {
            k++;
        }
        if (k + 1 >= tokens.size() || !tokens.get(k).is("behind") || negated(tokens, k)) {
            return false; // "the group was not behind the shooting"
        }
        return WordList.BEHIND_OBJECT.contains(tokens.get(k + 1).lower())
                && !(k + 2 < tokens.size()
                        && WordList.BEHIND_NOT_EVENT.contains(tokens.get(k + 2).lower()));
    }

    /**
     * "the attackers belonged to a local cell of X", "the attackers, whom residents call X": within ten words
     * before the party, a membership word, and the attackers before it, in one clause. The membership word, or
     * null.
     */
    private static String attackersTiedTo(List<Token> tokens, int first) {
        String link = null;
        for (int k = first - 1; k >= 0 && k >= first - 10; k--) {
            Token t = tokens.get(k);
            if (t.is(".") || t.is(";") || t.is(":")) {
                return null;
            }
            String w = t.lower();
            if (link == null && WordList.MEMBERSHIP_LINK.contains(w)) {
                link = w;
            } else if (link != null && WordList.ATTACKER_NOUN.contains(w)) {
                return link;
            }
        }
        return null;
    }

    /**
     * "28 suspected gangsters killed ... Jimmy Cherizier, who leads the Viv Ansanm gang coalition, had announced the
     * offensive": an unnamed criminal party ("gangs", "cartel") is the one criminal group the report names, when it
     * names exactly one; otherwise the party as the report words it.
     */
    private String soleGangFor(ActorMention unnamedParty) {
        if (!unnamed(unnamedParty) || unnamedParty.generic()) {
            return unnamedParty(unnamedParty);
        }
        String sole = null;
        for (SentenceInfo s : facts.sentences()) {
            for (ActorMention a : s.actors) {
                if (!"CRIMINAL".equals(a.kind()) || unnamed(a) || isVictim(s, a)) {
                    continue;
                }
                if (sole != null && !sole.equals(a.canonicalName())) {
                    return unnamedParty(unnamedParty); // two gangs named: which one acted is not said
                }
                sole = a.canonicalName();
            }
        }
        return sole != null ? sole : unnamedParty(unnamedParty);
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
        if (lower.endsWith("ist") && lower.indexOf(' ') < 0) {
            // "a jihadist attack": the adjective names its authors, who are several
            lower = lower + "s";
        }
        // written in lower case but for the religion's name: a capital that opens a sentence is no part of it
        StringBuilder out = new StringBuilder();
        for (String w : SPACES.split(lower)) {
            out.append(out.length() == 0 ? "" : " ")
                    .append(w.startsWith("islam") ? Character.toUpperCase(w.charAt(0)) + w.substring(1) : w);
        }
        return out.toString();
    }

    /** "... were killed when suspected jihadists attacked an army unit": the party right before a violent verb. */
    private boolean subjectOfAgentVerb(SentenceInfo s, ActorMention a) {
        List<Token> tokens = s.sentence.tokens();
        int last = tokenAt(tokens, a.end() - 1);
        if (last < 0) {
            return false;
        }
        int nouns = 0;
        for (int k = last + 1; k < Math.min(tokens.size(), last + 3 + nouns); k++) {
            String w = tokens.get(k).lower();
            if (agentVerbs.contains(w)) {
                return true;
            }
            if (k == last + 1 && WordList.AGENT_DESCRIPTION.contains(w)) {
                return describedThenActs(tokens, k + 1);
            }
            if (nouns < 2 && WordList.ATTACKER_NOUN.contains(w)) {
                nouns++; // "an al-Shabaab suicide bomber attacked": the group names who acts
                continue;
            }
            if (!(w.equals("had") || w.equals("have") || w.equals("has") || w.endsWith("ly"))) {
                return false;
            }
        }
        return false;
    }

    /**
     * "bandits bent on rustling cattle struck six villages", "gunmen, riding motorcycles, attacked": a violent verb
     * within a few words after a description of the party, before the sentence or its clause ends.
     */
    private boolean describedThenActs(List<Token> tokens, int from) {
        for (int k = from; k < Math.min(tokens.size(), from + 7); k++) {
            Token t = tokens.get(k);
            String w = t.lower();
            if (agentVerbs.contains(w) || WordList.STRIKE_VERB.contains(w)) {
                return !negated(tokens, k);
            }
            if (t.is(".") || t.is(";") || t.is(":") || w.equals("and") || w.equals("who") || w.equals("that")) {
                return false;
            }
        }
        return false;
    }

    /**
     * "security forces foiled a car bomb attack", "residents took up arms alongside police to beat back a gang
     * assault", "police and residents repel gang attack": the party that stopped or answered the attack, not its
     * author. The defence verb may stand a few words after the party (a partner, a purpose clause) as long as it
     * comes before the attack itself and no violent verb of the party's own stands between.
     */
    private boolean defends(SentenceInfo s, ActorMention a) {
        List<Token> tokens = s.sentence.tokens();
        int last = tokenAt(tokens, a.end() - 1);
        if (last < 0) {
            return false;
        }
        java.util.BitSet attack = new java.util.BitSet();
        for (TriggerReader.Trigger t : s.triggers) {
            attack.set(t.from());
        }
        for (int k = last + 1; k < Math.min(tokens.size(), last + 13); k++) {
            Token t = tokens.get(k);
            String w = t.lower();
            if (WordList.DEFENCE_VERB.contains(w)) {
                return true;
            }
            if (k + 1 < tokens.size()
                    && WordList.DEFENCE_PHRASAL.contains(w)
                    && (tokens.get(k + 1).is("back") || tokens.get(k + 1).is("off"))) {
                return true; // "beat back", "fought off"
            }
            if (t.isPunct() || attack.get(k) || agentVerbs.contains(w) || WordList.STRIKE_VERB.contains(w)) {
                // the attack itself comes first, or "militants stormed the post before troops repelled them"
                return false;
            }
        }
        return false;
    }

    /**
     * "On Wednesday, twin car bombings by the group in the town of Mahas left 35 dead": "the group" as the agent of an
     * attack refers back to the armed group the report named first. A state's forces are never "the group".
     */
    private Actor groupReferredTo(List<SentenceInfo> heads) {
        for (SentenceInfo s : heads) {
            List<Token> tokens = s.sentence.tokens();
            if (actingGroupNoun(s) > 0) {
                // "ordered the army to destroy the group after it beheaded a hostage": "it" is the group
                ActorMention first = firstNamedGroup();
                if (first != null) {
                    return Actor.newBuilder().setName(first.canonicalName()).build();
                }
            }
            if (opensWithGroupNoun(s)) {
                // "Hayat Tahrir al-Sham and allied factions have seized most of Aleppo ... The jihadist-led alliance
                // 'took control of most of the city'": the subject names no group of its own
                ActorMention first = firstNamedGroup();
                if (first != null) {
                    return Actor.newBuilder().setName(first.canonicalName()).build();
                }
            }
            for (int k = 2; k < tokens.size(); k++) {
                if (tokens.get(k).is("group")
                        && tokens.get(k - 1).is("the")
                        && tokens.get(k - 2).is("by")) {
                    ActorMention first = firstNamedGroup();
                    return first == null
                            ? null
                            : Actor.newBuilder().setName(first.canonicalName()).build();
                }
            }
        }
        return null;
    }

    /**
     * "ordered the military to destroy the group after it beheaded a hostage": the party stands before the first
     * violent verb, but the group noun nearer to it is the subject of the clause that tells the act.
     */
    private static boolean groupActsAfter(SentenceInfo s, ActorMention a) {
        int group = actingGroupNoun(s);
        return group > 0 && a.end() <= s.sentence.tokens().get(group - 1).start();
    }

    /**
     * "the group after it beheaded", "the faction when they had stormed": "the" and a {@link WordList#GROUP_ANAPHOR}
     * noun right before a {@link WordList#CLAUSE_CONJUNCTION} and a {@link WordList#SUBJECT_PRONOUN} that stands
     * right before the sentence's first trigger (an auxiliary between allowed). The pronoun's nearest antecedent is
     * the group noun, the subject of the act. The group noun's token, or -1.
     */
    private static int actingGroupNoun(SentenceInfo s) {
        if (s.triggers.isEmpty()) {
            return -1;
        }
        List<Token> tokens = s.sentence.tokens();
        int trigger = s.triggers.get(0).from();
        for (int p = trigger - 1; p >= 3 && p >= trigger - 2; p--) {
            if (WordList.SUBJECT_PRONOUN.contains(tokens.get(p).lower())) {
                boolean opened = WordList.CLAUSE_CONJUNCTION.contains(
                                tokens.get(p - 1).lower())
                        && WordList.GROUP_ANAPHOR.contains(tokens.get(p - 2).lower())
                        && tokens.get(p - 3).is("the");
                return opened ? p - 2 : -1;
            }
            if (!WordList.PERFECT_AUXILIARY.contains(tokens.get(p).lower())) {
                return -1;
            }
        }
        return -1;
    }

    /**
     * "The alliance seized ...", "The jihadist-led alliance 'took control'": the sentence opens with "the", at most
     * three lower-case describing words and a group noun ({@link WordList#GROUP_ANAPHOR}), before its first trigger.
     */
    private static boolean opensWithGroupNoun(SentenceInfo s) {
        List<Token> tokens = s.sentence.tokens();
        if (tokens.size() < 3 || !tokens.get(0).is("the") || s.triggers.isEmpty()) {
            return false;
        }
        int firstTrigger = s.triggers.get(0).from();
        for (int k = 1; k < Math.min(5, firstTrigger); k++) {
            Token t = tokens.get(k);
            if (WordList.GROUP_ANAPHOR.contains(t.lower())) {
                return true;
            }
            if (t.isCapitalized() || (t.isPunct() && !t.is("-"))) {
                return false; // "The Kasseb militia", "The group's": a name of its own, or no subject
            }
        }
        return false;
    }

    private ActorMention firstNamedGroup() {
        for (SentenceInfo s : facts.sentences()) {
            for (ActorMention a : s.actors) {
                if (!a.generic()
                        && !unnamed(a)
                        && !WordList.STATE_KIND.contains(a.kind().toLowerCase(java.util.Locale.ROOT))) {
                    return a;
                }
            }
        }
        return null;
    }

    /**
     * "foiled an al Shabaab suicide attack", "after a major Taliban ambush", "a gang assault": a party written right
     * before the attack word, as its modifier, is its author, wherever the attack stands in the sentence.
     */
    private static boolean namesTheAttack(SentenceInfo s, ActorMention a) {
        List<Token> tokens = s.sentence.tokens();
        int next = tokenAt(tokens, a.end() - 1) + 1;
        if (next <= 0) {
            return false;
        }
        // "an al-Shabaab suicide attack": the attack word may open with, or follow, an attacker noun
        int after = next < tokens.size()
                        && WordList.ATTACKER_NOUN.contains(tokens.get(next).lower())
                ? next + 1
                : next;
        for (TriggerReader.Trigger t : s.triggers) {
            if (t.from() == next || t.from() == after) {
                return true;
            }
        }
        return false;
    }

    /**
     * "Syrian fighters backed by Washington, among them the Kurdish YPG militia, drove Islamic State out": a party in
     * an apposition opened by "among them" or "including" is one member of the party that acted, which the report
     * names elsewhere (the alliance that "had overrun many more villages"); it is not the actor.
     */
    private static boolean memberOfAnother(SentenceInfo s, ActorMention a) {
        List<Token> tokens = s.sentence.tokens();
        int k = tokenAt(tokens, a.start()) - 1;
        while (k > 0
                && (tokens.get(k).is("the")
                        || tokens.get(k).isCapitalized() && !tokens.get(k).is("Among"))) {
            k--; // "among them the Kurdish YPG militia": the words of the party's own name
        }
        if (k >= 1 && tokens.get(k).is("including")) {
            return tokens.get(k - 1).is(",");
        }
        return k >= 2
                && (tokens.get(k).is("them") || tokens.get(k).is("whom"))
                && tokens.get(k - 1).is("among")
                && tokens.get(k - 2).is(",");
    }

    /**
     * "In Mongkut, as the TNLA calls Mogok, one bomb hit a farm": a party in an "as X calls" clause gives a place its
     * name; it is no actor of the sentence's event ({@link WordList#NAMING_VERB}).
     */
    private static boolean namesAPlace(SentenceInfo s, ActorMention a) {
        List<Token> tokens = s.sentence.tokens();
        int k = tokenAt(tokens, a.start()) - 1;
        if (k > 0 && tokens.get(k).is("the")) {
            k--;
        }
        int next = tokenAt(tokens, a.end() - 1) + 1;
        return k >= 0
                && (tokens.get(k).is("as") || tokens.get(k).is("what"))
                && next > 0
                && next < tokens.size()
                && WordList.NAMING_VERB.contains(tokens.get(next).lower());
    }

    /**
     * "towns held by the TNLA were bombed", "a militia backed by the army attacked": a party in a by-phrase after a
     * describing participle tells what a place or a group is, not who acted.
     */
    private static boolean describesAnother(SentenceInfo s, ActorMention a) {
        List<Token> tokens = s.sentence.tokens();
        int at = tokenAt(tokens, a.start());
        for (int by = at - 1; by >= 1 && by >= at - 2; by--) {
            if (tokens.get(by).is("by")) {
                return WordList.DESCRIBING_PARTICIPLE.contains(
                        tokens.get(by - 1).lower());
            }
        }
        return false;
    }

    /**
     * "an attack on a police station", "the army base came under fire": a force's name before a site of its own
     * names the place that was hit, not a party that acted.
     */
    private static boolean namesASite(SentenceInfo s, ActorMention a) {
        List<Token> tokens = s.sentence.tokens();
        int next = tokenAt(tokens, a.end() - 1) + 1;
        return next > 0
                && next < tokens.size()
                && WordList.FORCE_SITE.contains(tokens.get(next).lower());
    }

    /**
     * "the jihadist-led alliance", "Iran-backed militias": a party joined by a hyphen to a describing participle
     * qualifies the party after it; it is not the one acting.
     */
    private boolean hyphenedToAnother(ActorMention a) {
        int at = a.end();
        if (at >= text.length() || text.charAt(at) != '-') {
            return false;
        }
        int end = at + 1;
        while (end < text.length() && Character.isLetter(text.charAt(end))) {
            end++;
        }
        return WordList.DESCRIBING_PARTICIPLE.contains(
                text.substring(at + 1, end).toLowerCase(java.util.Locale.ROOT));
    }

    private boolean precededByBy(SentenceInfo s, ActorMention a) {
        int at = tokenAt(s.sentence.tokens(), a.start());
        if (at <= 0) {
            return false;
        }
        String prev = s.sentence.tokens().get(at - 1).lower();
        String prev2 = at > 1 ? s.sentence.tokens().get(at - 2).lower() : "";
        return (prev.equals("by") || prev2.equals("by")) && !describesAnother(s, a);
    }

    private Actor actorOf(SentenceInfo s, ActorMention a) {
        String before = text.substring(Math.max(s.sentence.start(), a.start() - 12), a.start())
                .toLowerCase();
        String qualifier = before.contains("suspected") ? "suspected" : before.contains("alleged") ? "alleged" : null;
        return Actor.newBuilder()
                .setName(Actors.load().perpetratorName(a))
                .setQualifier(qualifier)
                .build();
    }

    // ---------------------------------------------------------------- responsibility

    /** The named party that claimed or confirmed carrying out the frame's attack, when the report says so. */
    private Actor responsibleActor(Frame f, boolean ownOnly) {
        Actor own = responsibleActor(f.members, false);
        // "X claimed responsibility for Thursday's attack as well as for the two earlier ones": a claim that
        // covers several attacks names the author of each, wherever it stands
        return own != null || ownOnly || drafts.frames().size() < 2 ? own : responsibleActor(facts.sentences(), true);
    }

    /**
     * "said Western governments were responsible for backing Indonesia's security forces": a party after the cue's
     * "for" and a gerund is what the gerund acts on, not the author of the attack.
     */
    private static boolean objectOfGerundAfter(List<Token> tokens, PhraseMatcher.Match m, ActorMention a) {
        int gerund = m.to() + 1;
        return gerund < tokens.size()
                && tokens.get(m.to()).is("for")
                && tokens.get(gerund).lower().endsWith("ing")
                && tokenAt(tokens, a.start()) > gerund;
    }

    /** "suspected jihadists", "a suspected jihadist attack": the report gives the party as suspected. */
    private boolean suspected(ActorMention a) {
        String before = text.substring(Math.max(0, a.start() - 10), a.start()).toLowerCase(java.util.Locale.ROOT);
        return a.surface().toLowerCase(java.util.Locale.ROOT).startsWith("suspected") || before.endsWith("suspected ");
    }

    private static Actor responsibleActor(List<SentenceInfo> sentences, boolean coveringSeveral) {
        for (SentenceInfo s : sentences) {
            List<Token> tokens = s.sentence.tokens();
            if (coveringSeveral && tokens.stream().noneMatch(t -> WordList.SEVERAL.contains(t.lower()))) {
                continue;
            }
            for (PhraseMatcher.Match m : s.cues) {
                if (!m.entry().value(0).equals("RESPONSIBILITY") || negated(tokens, m.from())) {
                    continue;
                }
                ActorMention subject = copulaSubject(s, m);
                if (subject != null) {
                    if (negated(tokens, tokenAt(tokens, subject.start()))) {
                        continue; // "denied that X fighters were behind the shooting"
                    }
                    return Actor.newBuilder()
                            .setName(Actors.load().perpetratorName(subject))
                            .setQualifier(suspicionBefore(tokens, subject) ? "suspected" : null)
                            .build();
                }
                ActorMention best = null;
                for (ActorMention a : s.actors) {
                    if (!a.generic() && !namesASite(s, a) && !objectOfGerundAfter(tokens, m, a)) {
                        best = best == null ? a : best;
                        int at = tokenAt(tokens, a.start());
                        if (m.entry().key().endsWith("by") && at >= m.to()) {
                            best = a;
                            break;
                        }
                    }
                }
                if (best != null) {
                    return Actor.newBuilder()
                            .setName(Actors.load().perpetratorName(best))
                            .build();
                }
            }
        }
        return null;
    }

    /**
     * "A police spokesman said officers believed Boko Haram fighters were behind it": with "was behind" or "were
     * responsible" the author is the party right before the cue, not the first party of the sentence (the police who
     * tell of it). A belief or suspicion word before it makes it the suspected author, not one claiming the attack.
     */
    private static ActorMention copulaSubject(SentenceInfo s, PhraseMatcher.Match m) {
        String key = m.entry().key();
        if (!(key.startsWith("was ") || key.startsWith("were "))) {
            return null;
        }
        List<Token> tokens = s.sentence.tokens();
        for (ActorMention a : s.actors) {
            int last = tokenAt(tokens, a.end() - 1);
            if (a.generic() || last < 0 || last >= m.from() || last < m.from() - 3 || isVictim(s, a)) {
                continue;
            }
            boolean adjoins = true;
            for (int k = last + 1; k < m.from(); k++) {
                String w = tokens.get(k).lower();
                adjoins &= WordList.ATTACKER_NOUN.contains(w) || WordList.BEHIND_LINK.contains(w);
            }
            if (adjoins) {
                return a;
            }
        }
        return null;
    }

    private static boolean suspicionBefore(List<Token> tokens, ActorMention a) {
        for (int k = tokenAt(tokens, a.start()) - 1; k >= 0; k--) {
            if (WordList.SUSPICION_VERB.contains(tokens.get(k).lower())) {
                return true;
            }
        }
        return false;
    }

    /**
     * "warplanes bombed the village": a state's forces the text names by no state, whose state the reader took from
     * the report's country.
     */
    private static boolean assumedState(ActorMention a) {
        // a capital that opens the sentence ("Warplanes bombed") names no state
        return "STATE_MILITARY".equals(a.kind()) && a.surface().chars().skip(1).noneMatch(Character::isUpperCase);
    }

    /**
     * "Russia's Defence Ministry denied any involvement by its aircraft", "the group denied responsibility": a party
     * (a state by its name, or a named group) the report mentions only as denying a part in the attack. A report
     * does not print a denial no one asked for: the party is the one accused, and the qualifier says so. Null when
     * no such denial is made.
     */
    private Actor deniedInvolvement() {
        for (SentenceInfo s : facts.sentences()) {
            List<Token> tokens = s.sentence.tokens();
            for (int k = 1; k < tokens.size(); k++) {
                if (!WordList.DENIAL_VERB.contains(tokens.get(k).lower()) || !deniesAPart(tokens, k)) {
                    continue;
                }
                int from = Math.max(0, k - 5);
                for (ActorMention a : s.actors) {
                    int last = tokenAt(tokens, a.end() - 1);
                    if (last >= from && last < k && !a.generic() && !unnamed(a) && !isVictim(s, a)) {
                        return Actor.newBuilder()
                                .setName(Actors.load().perpetratorName(a))
                                .setQualifier("alleged")
                                .build();
                    }
                }
                for (GeoMention g : s.allPlaces) {
                    int last = tokenAt(tokens, g.end() - 1);
                    if (g.kind() == GeoKind.COUNTRY && last >= from && last < k && g.countryCode() != null) {
                        return Actor.newBuilder()
                                .setName(Actors.load().stateForces(g.countryCode()))
                                .setQualifier("alleged")
                                .build();
                    }
                }
            }
        }
        return null;
    }

    /** "denied any involvement", "denies responsibility for": what is denied is a part in the attack. */
    private static boolean deniesAPart(List<Token> tokens, int verb) {
        for (int k = verb + 1; k < Math.min(tokens.size(), verb + 4); k++) {
            if (WordList.DENIED_PART.contains(tokens.get(k).lower())) {
                return true;
            }
        }
        return false;
    }

    /**
     * "the mining of Azerbaijani land by Armenian armed forces", "mines planted by the rebels": for a mine or bomb
     * blast that names no attacker, the party the report says laid the mines, anywhere in the report. The report
     * tells it as a charge, so the qualifier is "alleged".
     */
    Actor mineLayer() {
        for (SentenceInfo s : facts.sentences()) {
            List<Token> tokens = s.sentence.tokens();
            for (ActorMention a : s.actors) {
                int at = tokenAt(tokens, a.start());
                if (at < 2 || !tokens.get(at - 1).is("by") || isVictim(s, a) || a.generic()) {
                    continue;
                }
                for (int k = at - 2; k >= 0 && k >= at - 6 && !tokens.get(k).isPunct(); k--) {
                    if (WordList.MINE_LAYING.contains(tokens.get(k).lower())) {
                        return Actor.newBuilder()
                                .setName(Actors.load().perpetratorName(a))
                                .setQualifier("alleged")
                                .build();
                    }
                }
            }
        }
        return null;
    }

    /**
     * The party an incident no sentence attributes is laid to from what the report says of the parties: the one
     * able to strike from the air for an air or drone strike ({@link #soleAirPower}), the one named armed group for
     * the kinds of incident armed groups carry out ({@link #soleGroupSuspected}). Null when the report says neither.
     */
    Actor unattributed(SubEventType sub) {
        return sub == SubEventType.AIR_DRONE_STRIKE ? soleAirPower() : soleGroupSuspected(sub);
    }

    /**
     * "The federal army is the only force in the conflict known to fly armed drones", "only the army has warplanes":
     * the party the report says alone has aircraft, as the alleged author of an air strike no sentence attributes
     * (a report says so to point at it). The party stands right before "the only" (a verb between) or right after
     * "only", and an aircraft word ({@link WordList#AIR_POWER}) closes the clause.
     */
    private Actor soleAirPower() {
        for (SentenceInfo s : facts.sentences()) {
            List<Token> tokens = s.sentence.tokens();
            for (int k = 0; k < tokens.size(); k++) {
                if (!tokens.get(k).is("only") || !aircraftInClause(tokens, k + 1)) {
                    continue;
                }
                for (ActorMention a : s.actors) {
                    int first = tokenAt(tokens, a.start());
                    int last = tokenAt(tokens, a.end() - 1);
                    boolean before = last >= 0 && last < k && k - last <= 4;
                    boolean after = first == k + 1
                            || (first == k + 2 && tokens.get(k + 1).is("the"));
                    if ((before || after) && !isVictim(s, a) && !negated(tokens, Math.max(0, first))) {
                        return Actor.newBuilder()
                                .setName(
                                        a.generic()
                                                ? unnamedParty(a)
                                                : Actors.load().perpetratorName(a))
                                .setQualifier("alleged")
                                .build();
                    }
                }
            }
        }
        return null;
    }

    /** An aircraft word within twelve words, before the clause ends. */
    private static boolean aircraftInClause(List<Token> tokens, int from) {
        for (int j = from; j < Math.min(tokens.size(), from + 12); j++) {
            Token t = tokens.get(j);
            if (t.is(".") || t.is(";") || t.is(":")) {
                return false;
            }
            if (WordList.AIR_POWER.contains(t.lower())) {
                return true;
            }
        }
        return false;
    }

    /**
     * "A roadside bomb wounded two officers ... Al-Shabaab militants appeared to be trying to come back with such
     * explosives": for an incident of a kind armed groups carry out ({@link WordList#GROUP_SUSPECT_EVENT}) that no
     * sentence attributes, the one armed group other than a state's that the report names, as suspected. A report
     * that names two such groups, names its group as a victim or says it did not act gives no suspect. Null
     * otherwise.
     */
    private Actor soleGroupSuspected(SubEventType sub) {
        if (sub == null || !WordList.GROUP_SUSPECT_EVENT.contains(sub.name().toLowerCase(java.util.Locale.ROOT))) {
            return null;
        }
        ActorMention sole = null;
        for (SentenceInfo s : facts.sentences()) {
            for (ActorMention a : s.actors) {
                if (a.generic()
                        || unnamed(a)
                        || namesAPlace(s, a)
                        || !WordList.NAMED_GROUP_KIND.contains(a.kind().toLowerCase(java.util.Locale.ROOT))) {
                    continue;
                }
                if (isVictim(s, a) || negated(s.sentence.tokens(), tokenAt(s.sentence.tokens(), a.start()))) {
                    // "strikes on the X group", "denied that X stormed the village": the report clears the group
                    return null;
                }
                if (sole != null && !sole.canonicalName().equals(a.canonicalName())) {
                    return null;
                }
                sole = a;
            }
        }
        return sole == null
                ? null
                : Actor.newBuilder()
                        .setName(Actors.load().perpetratorName(sole))
                        .setQualifier("suspected")
                        .build();
    }

    /**
     * The party that the kind of event names when the report names none: "police fired on the crowd, killing ten"
     * with no force named is the country's police (excessive force against protesters is the state's); a protest or
     * a violent demonstration is the protesters'. Null for other kinds.
     */
    static Actor bySubEvent(SubEventType sub, String countryCode) {
        String name = switch (sub) {
            case EXCESSIVE_FORCE_AGAINST_PROTESTERS -> Actors.load().roleName("police", countryCode);
            case PEACEFUL_PROTEST, PROTEST_WITH_INTERVENTION, VIOLENT_DEMONSTRATION -> "protesters";
            default -> null;
        };
        return name == null ? null : Actor.newBuilder().setName(name).build();
    }

    /**
     * A later incident of the same kind, in the same country (or, for air strikes, in any), that names no attacker
     * is presumed to be the work of the party of the report's first incident of that kind: "It was the second Russian
     * missile strike in a week. On April 4, a missile attack on Kryvyi Rih killed 20": a report about one party's
     * campaign lists its other attacks without naming it again. An earlier incident of another kind (the attack that
     * the strikes answer) does not count. The qualifier says that the report did not name it for this incident.
     */
    static IncidentMention presumed(IncidentMention m, List<IncidentMention> earlier) {
        if (m.getActor() != null
                || earlier.isEmpty()
                || m.getEventType() == EventType.PROTESTS
                || m.getEventType() == EventType.RIOTS) {
            return m;
        }
        // the first earlier incident of the same kind in the same country: "the PKK attacked the plant ... Turkish
        // warplanes struck targets in Syria ... in Iraq, a series of strikes on a PKK affiliate killed five" lays
        // the last strikes to the warplanes, not to the attack that opened the report
        Actor a = null;
        for (IncidentMention e : earlier) {
            boolean sameCountry = java.util.Objects.equals(
                    e.getLocation().getCountryCode(), m.getLocation().getCountryCode());
            // air strikes cross borders: a campaign's strikes in a neighbouring country are the same air force's
            boolean bothFromTheAir = e.getSubEventType() == SubEventType.AIR_DRONE_STRIKE
                    && m.getSubEventType() == SubEventType.AIR_DRONE_STRIKE;
            if (e.getEventType() == m.getEventType() && (sameCountry || bothFromTheAir)) {
                a = e.getActor();
                break;
            }
        }
        if (a == null) {
            return m;
        }
        return IncidentMention.newBuilder(m)
                .setActor(Actor.newBuilder()
                        .setName(a.getName())
                        .setQualifier("presumed")
                        .build())
                .build();
    }
}
