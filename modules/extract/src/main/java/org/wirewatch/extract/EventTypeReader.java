package org.wirewatch.extract;

import static org.wirewatch.extract.PartyRoles.isSpeaker;
import static org.wirewatch.extract.PartyRoles.isVictim;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.wirewatch.extract.lexicon.ActorMention;
import org.wirewatch.extract.rules.CasualtyFact;
import org.wirewatch.extract.rules.DateMention;
import org.wirewatch.extract.rules.TriggerReader;
import org.wirewatch.extract.text.Token;
import org.wirewatch.schema.EventType;
import org.wirewatch.schema.SubEventType;

/**
 * Stage 4a: the ACLED event and sub-event type of an incident frame, from the triggers of its head sentences, who
 * acts in them and what they target. Stateless.
 */
final class EventTypeReader {

    /** Kinds of party that are armed groups outside the state's forces. */
    private static final Set<String> NON_STATE_KINDS =
            Set.of("ISLAMIST", "REBEL", "MILITIA", "CRIMINAL", "UNKNOWN_GUNMEN", "MILITANTS", "PMC");

    private static final String AIR = SubEventType.AIR_DRONE_STRIKE.name();

    private static final String CLASH = SubEventType.ARMED_CLASH.name();

    /**
     * Sub-events a shooting at a protest may have been read as before its victims are known to be protesters; a crowd
     * that burnt a building ("kill 45 protesters after consulate torched") is still a crowd the forces fired on.
     */
    private static final Set<String> GROUND_CODES =
            Set.of("GROUND", "PROTEST", "ARMED_CLASH", "ATTACK", SubEventType.VIOLENT_DEMONSTRATION.name());

    /** The sub-event type of a frame; a frame with no trigger of its own takes the main incident's. */
    SubEventType subEvent(Frame f, IncidentDrafts drafts) {
        return subEvent(f, drafts, true);
    }

    /**
     * @param ownBombing whether a suicide bombing the frame tells may make its assault a suicide bomb; not when the
     *                   frame is the main incident whose type another frame without a trigger takes ("separately,
     *                   troops killed 17 militants in an operation" after an assault opened with a suicide bombing is
     *                   a fight, not the bombing)
     */
    private SubEventType subEvent(Frame f, IncidentDrafts drafts, boolean ownBombing) {
        if (!f.main && !f.opener.hasCasualties() && FrameAssembler.toldAirStrike(f.opener) >= 0) {
            // "..., adding that air strikes had hit positions of the group on Friday": the strike told as an act is
            // what opened this incident, whatever else the sentence's speaker tells of
            return SubEventType.AIR_DRONE_STRIKE;
        }
        Map<String, Integer> score = new HashMap<>();
        List<SentenceInfo> heads = f.heads();
        boolean bodyClash = false;
        for (SentenceInfo s : heads) {
            for (TriggerReader.Trigger t : clauseTriggers(s, f)) {
                if (s.sentence.paragraph() > 0 && t.code().equals(CLASH)) {
                    bodyClash = true;
                }
            }
        }
        for (SentenceInfo s : heads) {
            for (TriggerReader.Trigger t : clauseTriggers(s, f)) {
                if (s.sentence.paragraph() == 0 && t.code().equals(CLASH) && !bodyClash && heads.size() > 1) {
                    // "clashes kill 17" over "gunmen attacked the village and killed 17": the lead tells what
                    // happened, the headline's word for it is loose
                    continue;
                }
                score.merge(launchedFromAir(s, t) ? AIR : t.code(), t.weight(), Integer::sum);
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
            if (e.getValue() > best
                    || (e.getValue() == best && code != null && e.getKey().compareTo(code) < 0)) {
                best = e.getValue();
                code = e.getKey();
            }
        }
        if (code == null) {
            if (!f.main && !drafts.frames().isEmpty() && drafts.main() != f) {
                return subEvent(drafts.main(), drafts, false);
            }
            code = "GROUND";
        }
        if (score.containsKey("PROTEST") && GROUND_CODES.contains(code) && stateForceActs(heads)) {
            // "security forces shot dead 45 protesters", "police opened fire on the rally"
            return SubEventType.EXCESSIVE_FORCE_AGAINST_PROTESTERS;
        }
        if (code.equals("PROTEST") && !nonStateForceActs(heads)) {
            // "ten people died as the protests turned chaotic": deaths at a protest with no violent act and no
            // armed group named in the lead are, in ACLED's practice, the forces policing it
            return SubEventType.EXCESSIVE_FORCE_AGAINST_PROTESTERS;
        }
        if (code.equals(SubEventType.REMOTE_EXPLOSIVE_LANDMINE_IED.name()) && saysSuicide(f.members)) {
            // "twin bombings killed 84" in the lead, "two of its members activated their explosive vests" later:
            // the later sentence says how the bomb was carried
            return SubEventType.SUICIDE_BOMB;
        }
        if (code.equals(SubEventType.REMOTE_EXPLOSIVE_LANDMINE_IED.name())
                && !f.main
                && !drafts.frames().isEmpty()
                && drafts.main() != f
                && onlyBareBombs(heads)
                && subEvent(drafts.main(), drafts) == SubEventType.AIR_DRONE_STRIKE) {
            // "aircraft dropped bombs on four towns" in the lead, "in X, one bomb hit a farm" later: a bare bomb in
            // a report of an air raid is one of the raid's bombs; a planted one is named ("roadside bomb")
            return SubEventType.AIR_DRONE_STRIKE;
        }
        if (code.equals("GROUND") || code.equals(SubEventType.REMOTE_EXPLOSIVE_LANDMINE_IED.name())) {
            SubEventType weapon = blastNamedLater(f, heads, code);
            if (weapon != null) {
                // "explosions tore through the airport" in the lead, "the rebels had fired four missiles at the
                // airport" later: the later sentence says what exploded
                return weapon;
            }
        }
        if (code.equals(SubEventType.ARMED_CLASH.name()) && protestersClash(heads)) {
            // "the bloodiest clashes were in X, where three died as protesters battled ruling-party activists": a
            // crowd of protesters fighting, with no state force firing, is a violent demonstration (ACLED), not a
            // battle between armed organisations
            return SubEventType.VIOLENT_DEMONSTRATION;
        }
        if (code.equals(SubEventType.ARMED_CLASH.name()) && insidePrison(heads)) {
            // "clashes between rival inmates left 40 dead": ACLED codes a fight among prisoners as a riot (mob
            // violence), not a battle between armed organisations
            return SubEventType.MOB_VIOLENCE;
        }
        SubEventType read = switch (code) {
            case "GROUND", "PROTEST" ->
                armedTargets(bodyClash ? heads : bodyOf(heads)) ? SubEventType.ARMED_CLASH : SubEventType.ATTACK;
            case "TERRITORY" ->
                stateAgent(heads)
                        ? SubEventType.GOVERNMENT_REGAINS_TERRITORY
                        : SubEventType.NON_STATE_ACTOR_OVERTAKES_TERRITORY;
            default -> SubEventType.valueOf(code);
        };
        if (read == SubEventType.ARMED_CLASH && ownBombing && saysSuicide(f.members)) {
            // "militants stormed the base" in the lead, "rammed an explosives-laden vehicle into the gate and followed
            // it with a suicide bombing" later: ACLED codes an assault that a suicide bombing opens as the bombing
            return SubEventType.SUICIDE_BOMB;
        }
        return read;
    }

    /**
     * The head sentences without the headline when the body has some: a headline's "clashes" sums the violence up,
     * while the lead tells whom the gunmen hit.
     */
    private static List<SentenceInfo> bodyOf(List<SentenceInfo> heads) {
        List<SentenceInfo> body = new ArrayList<>();
        for (SentenceInfo s : heads) {
            if (s.sentence.paragraph() > 0) {
                body.add(s);
            }
        }
        return body.isEmpty() ? heads : body;
    }

    /** Triggers of the clause that carries the frame's date when the sentence mentions other events too. */
    private List<TriggerReader.Trigger> clauseTriggers(SentenceInfo s, Frame f) {
        if (f.main || s != f.opener) {
            return beforeAnotherEvent(s);
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
            boolean boundary = w.equals("that")
                    || w.equals("when")
                    || w.equals("after")
                    || w.equals(";")
                    || w.equals("which")
                    || w.equals(":");
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

    /**
     * Whether a missile, rocket or bomb was launched from the air: an aircraft before it in the same stretch of
     * the sentence ("F-16 jets fired four missiles at the depot"), or "dropped" right after it ("a bomb dropped on
     * the village"). A list ("drones and missiles") keeps the two apart.
     */
    private static boolean launchedFromAir(SentenceInfo s, TriggerReader.Trigger t) {
        List<Token> tokens = s.sentence.tokens();
        if (t.code().equals(AIR)
                || !WordList.PROJECTILE.contains(tokens.get(t.from()).lower())) {
            return false;
        }
        for (int k = t.to(); k < Math.min(tokens.size(), t.to() + 3); k++) {
            if (tokens.get(k).is("dropped")) {
                return true;
            }
        }
        if (weighed(tokens, t.from())) {
            return true;
        }
        for (TriggerReader.Trigger a : s.triggers) {
            if (a.code().equals(AIR) && a.weight() >= 2 && a.to() <= t.from() && !listed(tokens, a.to(), t.from())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether every explosive device the head sentences name is a bare "bomb" or "bombs", with no word of how it
     * was planted or carried ("roadside bomb", "car bomb", "explosive device", "blast").
     */
    private static boolean onlyBareBombs(List<SentenceInfo> heads) {
        boolean any = false;
        for (SentenceInfo s : heads) {
            for (TriggerReader.Trigger t : s.triggers) {
                if (!t.code().equals(SubEventType.REMOTE_EXPLOSIVE_LANDMINE_IED.name())) {
                    continue;
                }
                String w = s.sentence.tokens().get(t.from()).lower();
                if (t.to() - t.from() != 1 || !(w.equals("bomb") || w.equals("bombs"))) {
                    return false;
                }
                any = true;
            }
        }
        return any;
    }

    /**
     * Whether the bomb at token i is given a weight right before it: "two 250-pound bombs", "a 500kg bomb", "a 250 kg
     * bomb", "a one-tonne bomb". Only aircraft bombs are classed by weight; a planted device is told by where it was
     * hidden.
     */
    private static boolean weighed(List<Token> tokens, int i) {
        if (i == 0 || !tokens.get(i).lower().startsWith("bomb")) {
            return false;
        }
        Token before = tokens.get(i - 1);
        if (WordList.BOMB_WEIGHT_UNIT.contains(before.lower())) {
            return i >= 2 && tokens.get(i - 2).isNumber(); // "a 250 kg bomb"
        }
        String w = before.lower();
        int hyphen = w.lastIndexOf('-');
        if (hyphen > 0) {
            return WordList.BOMB_WEIGHT_UNIT.contains(w.substring(hyphen + 1)); // "500-pound", "one-tonne"
        }
        int k = 0;
        while (k < w.length() && (Character.isDigit(w.charAt(k)) || w.charAt(k) == ',')) {
            k++;
        }
        return k > 0 && WordList.BOMB_WEIGHT_UNIT.contains(w.substring(k)); // "500kg", "500lb"
    }

    /** Whether tokens [from, to) hold a list or clause break ("and", a comma, a semicolon). */
    private static boolean listed(List<Token> tokens, int from, int to) {
        for (int k = from; k < to; k++) {
            String w = tokens.get(k).lower();
            if (w.equals("and") || w.equals("or") || w.equals(",") || w.equals(";")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a sentence of the frame says the bomber carried the bomb ("blew himself up", "explosive vests"), not
     * as one possibility among others ("whether a suicide bomber or a planted device") nor as one that was stopped.
     */
    private static boolean saysSuicide(List<SentenceInfo> members) {
        for (SentenceInfo s : members) {
            if (s.sentence.tokens().stream().anyMatch(t -> WordList.HEDGE.contains(t.lower()))) {
                continue;
            }
            for (TriggerReader.Trigger t : s.triggers) {
                if (t.code().equals(SubEventType.SUICIDE_BOMB.name()) && !stopped(s.sentence.tokens(), t.from())) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Whether a verb of defence comes just before the trigger at {@code from} ("guards foiled a suicide bombing"): a
     * bombing that was stopped says nothing of how the attack that did happen was carried out.
     */
    private static boolean stopped(List<Token> tokens, int from) {
        for (int i = Math.max(0, from - 3); i < from; i++) {
            if (WordList.DEFENCE_VERB.contains(tokens.get(i).lower())) {
                return true;
            }
        }
        return false;
    }

    /**
     * The weapon a later sentence of the frame names for an explosion its head sentences leave unspecified ("a blast
     * hit the port" ... "two missiles struck the quay"), or null. The head sentences must tell of a blast and name no
     * device of their own ("car bomb", "landmine"); the first missile, rocket or drone of a later sentence that states
     * it (no "whether") and is not the one brought down ("shot down a drone") decides.
     */
    private static SubEventType blastNamedLater(Frame f, List<SentenceInfo> heads, String code) {
        boolean blast = false;
        for (SentenceInfo s : heads) {
            for (Token t : s.sentence.tokens()) {
                blast |= WordList.UNSPECIFIED_BLAST.contains(t.lower());
            }
            for (TriggerReader.Trigger t : s.triggers) {
                if (t.code().equals(code)
                        && !code.equals("GROUND")
                        && (t.to() - t.from() != 1
                                || !WordList.UNSPECIFIED_BLAST.contains(
                                        s.sentence.tokens().get(t.from()).lower()))) {
                    return null; // the head sentences name the device themselves
                }
            }
        }
        if (!blast) {
            return null;
        }
        for (SentenceInfo s : f.members) {
            if (heads.contains(s) || s.sentence.tokens().stream().anyMatch(t -> WordList.HEDGE.contains(t.lower()))) {
                continue;
            }
            List<Token> tokens = s.sentence.tokens();
            TriggerReader.Trigger first = null;
            for (TriggerReader.Trigger t : s.triggers) {
                boolean launched =
                        t.code().equals(AIR) || t.code().equals(SubEventType.SHELLING_ARTILLERY_MISSILE_ATTACK.name());
                if (launched
                        && WordList.LAUNCHED_WEAPON.contains(
                                tokens.get(t.from()).lower())
                        && !downed(tokens, t.from())
                        && (first == null || t.from() < first.from())) {
                    first = t;
                }
            }
            if (first != null) {
                return SubEventType.valueOf(launchedFromAir(s, first) ? AIR : first.code());
            }
        }
        return null;
    }

    /** Whether the weapon at token i is the one brought down: "shot down a drone", "intercepted three rockets". */
    private static boolean downed(List<Token> tokens, int i) {
        for (int k = i - 1; k >= Math.max(0, i - 4); k--) {
            Token t = tokens.get(k);
            if (WordList.DOWNING.contains(t.lower())) {
                return true;
            }
            if (!(t.isNumber() || t.is("a") || t.is("an") || t.is("the") || !t.isCapitalized() && t.isWord())) {
                return false;
            }
        }
        return false;
    }

    /**
     * The triggers before a clause that tells of another event at the same time: "an attack that killed seven as
     * missiles rained down", "killed five people, as the air force pressed on with strikes". The cut is at the
     * first "as", "while" or "before" that follows both a trigger and a casualty figure, so "seven killed as
     * rockets hit the town" (no trigger before "as") keeps its rockets.
     */
    private static List<TriggerReader.Trigger> beforeAnotherEvent(SentenceInfo s) {
        List<Token> tokens = s.sentence.tokens();
        for (int i = 1; i + 1 < tokens.size(); i++) {
            if (!WordList.CONCURRENT.contains(tokens.get(i).lower())
                    || tokens.get(i - 1).is("as")
                    || tokens.get(i - 1).is("such")
                    || tokens.get(i - 1).is("well")
                    || tokens.get(i + 1).is("well")
                    || tokens.get(i + 1).isNumber()) {
                continue;
            }
            int cut = i;
            boolean figure = s.facts.stream().anyMatch(x -> x.to() <= cut);
            List<TriggerReader.Trigger> before = new ArrayList<>();
            for (TriggerReader.Trigger t : s.triggers) {
                if (t.to() <= cut) {
                    before.add(t);
                }
            }
            if (figure && !before.isEmpty()) {
                return before;
            }
        }
        return s.triggers;
    }

    private boolean armedTargets(List<SentenceInfo> heads) {
        for (SentenceInfo s : heads) {
            List<Token> tokens = s.sentence.tokens();
            int verb = firstEventWord(s);
            for (int i = 0; i < tokens.size(); i++) {
                Token t = tokens.get(i);
                boolean speaking = i + 1 < tokens.size()
                        && WordList.SOURCE_AFTER.contains(tokens.get(i + 1).lower());
                if (WordList.ARMED_TARGET.contains(t.lower())
                        && !speaking
                        && !civilianSite(tokens, i)
                        && (stateRaid(s, tokens, i)
                                || (!(i < verb && insideActor(s, t)) && !namesTheAttacker(s, tokens, i)))
                        && eventInStretch(s, i)) {
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

    /**
     * Whether the armed word right before a trigger names the attacker: "a militia attack", "troops open fire on
     * the crowd". A state force's raid or assault ("a police raid on the favela") stays a fight with the armed men
     * it went after, as ACLED codes such operations.
     */
    private static boolean namesTheAttacker(SentenceInfo s, List<Token> tokens, int i) {
        for (TriggerReader.Trigger t : s.triggers) {
            if (t.from() == i + 1) {
                return !WordList.STATE_AGENT.contains(tokens.get(i).lower())
                        || WordList.FIRING.contains(tokens.get(t.from()).lower());
            }
        }
        return false;
    }

    /**
     * Whether token i is a state force that raids or storms right after it ("a police raid on the favela", "security
     * forces had raided a cell"): ACLED codes such an operation as a fight with the armed men it went after, even
     * though the force is also the named party of the sentence. Shooting ("police opened fire") is not a raid.
     */
    private static boolean stateRaid(SentenceInfo s, List<Token> tokens, int i) {
        if (!WordList.STATE_AGENT.contains(tokens.get(i).lower())) {
            return false;
        }
        int next = i + 1;
        if (next < tokens.size()
                && WordList.PERFECT_AUXILIARY.contains(tokens.get(next).lower())) {
            next++; // "forces had raided"
        }
        for (TriggerReader.Trigger t : s.triggers) {
            if (t.from() == next
                    && t.code().equals("GROUND")
                    && WordList.RAID.contains(tokens.get(t.from()).lower())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the stretch of the sentence around token i (between commas, semicolons or colons) holds a trigger or
     * a casualty figure: "..., and that security forces were struggling to recover the bodies" tells what the
     * forces did afterwards, not whom the attack hit.
     */
    private static boolean eventInStretch(SentenceInfo s, int i) {
        List<Token> tokens = s.sentence.tokens();
        int from = i;
        while (from > 0 && !stretchEnd(tokens.get(from - 1))) {
            from--;
        }
        int to = i;
        while (to < tokens.size() && !stretchEnd(tokens.get(to))) {
            to++;
        }
        for (TriggerReader.Trigger t : s.triggers) {
            if (t.from() < to && t.to() > from) {
                return true;
            }
        }
        for (CasualtyFact c : s.facts) {
            if (c.from() < to && c.to() > from) {
                return true;
            }
        }
        return false;
    }

    private static boolean stretchEnd(Token t) {
        return t.is(",") || t.is(";") || t.is(":");
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
            if (k != i && WordList.CIVILIAN_SITE.contains(tokens.get(k).lower())) {
                return true;
            }
        }
        return false;
    }

    /** Whether the frame's head sentences place the fight among prisoners or inside a prison. */
    private static boolean insidePrison(List<SentenceInfo> heads) {
        for (SentenceInfo s : heads) {
            for (Token t : s.sentence.tokens()) {
                if (WordList.PRISON.contains(t.lower())) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether state forces (police, troops, security forces) act in the frame's head sentences, not only speak. */
    /**
     * Whether a head sentence tells a clash, the protesters in it fight ("protesters battled ruling-party
     * activists") and no state force acts: a fight of a crowd, not of armed groups.
     */
    private static boolean protestersClash(List<SentenceInfo> heads) {
        for (SentenceInfo s : heads) {
            boolean clash = false;
            boolean protest = false;
            for (TriggerReader.Trigger t : s.triggers) {
                clash |= t.code().equals(SubEventType.ARMED_CLASH.name()) && t.weight() >= 3;
                // the protesters themselves fighting: "protesters battled", "demonstrators fought", not "a protest"
                protest |= t.code().equals("PROTEST") && fightsNext(s.sentence.tokens(), t.to());
            }
            if (clash && protest && !stateForceActs(List.of(s))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the protesters at the end of a trigger are the subject of a fighting verb: right after them
     * ("protesters battled"), or after the side they fought alongside or against ("protesters and party activists
     * fought"), within a few words.
     */
    private static boolean fightsNext(List<Token> tokens, int i) {
        if (i < tokens.size() && fightingVerb(tokens.get(i))) {
            return true;
        }
        if (i >= tokens.size() || !tokens.get(i).is("and")) {
            return false;
        }
        for (int k = i + 1; k < Math.min(tokens.size(), i + 6); k++) {
            Token t = tokens.get(k);
            if (!t.isWord()) {
                return false;
            }
            if (fightingVerb(t)) {
                return true;
            }
        }
        return false;
    }

    /** A past-tense verb right after the protesters: they are the ones who fought. */
    private static boolean fightingVerb(Token t) {
        String w = t.lower();
        return t.isWord() && !t.isCapitalized() && (w.endsWith("ed") || w.equals("fought"));
    }

    private static boolean stateForceActs(List<SentenceInfo> heads) {
        for (SentenceInfo s : heads) {
            for (ActorMention a : s.actors) {
                if (("STATE_MILITARY".equals(a.kind()) || "POLICE".equals(a.kind()))
                        && !isSpeaker(s, a)
                        && !isVictim(s, a)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether an armed group (insurgents, rebels, a militia) acts in the frame's head sentences. */
    private static boolean nonStateForceActs(List<SentenceInfo> heads) {
        for (SentenceInfo s : heads) {
            for (ActorMention a : s.actors) {
                String k = a.kind();
                if (NON_STATE_KINDS.contains(k) && !isSpeaker(s, a) && !isVictim(s, a)) {
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
                    if (WordList.NON_STATE_AGENT.contains(w)) {
                        return false;
                    }
                    if (WordList.STATE_AGENT.contains(w)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** The event type a sub-event type belongs to. */
    static EventType eventType(SubEventType sub) {
        return switch (sub) {
            case ARMED_CLASH, GOVERNMENT_REGAINS_TERRITORY, NON_STATE_ACTOR_OVERTAKES_TERRITORY -> EventType.BATTLES;
            case CHEMICAL_WEAPON,
                    AIR_DRONE_STRIKE,
                    SUICIDE_BOMB,
                    SHELLING_ARTILLERY_MISSILE_ATTACK,
                    REMOTE_EXPLOSIVE_LANDMINE_IED,
                    GRENADE -> EventType.EXPLOSIONS_REMOTE_VIOLENCE;
            case SEXUAL_VIOLENCE, ATTACK, ABDUCTION_FORCED_DISAPPEARANCE -> EventType.VIOLENCE_AGAINST_CIVILIANS;
            case PEACEFUL_PROTEST, PROTEST_WITH_INTERVENTION, EXCESSIVE_FORCE_AGAINST_PROTESTERS -> EventType.PROTESTS;
            case VIOLENT_DEMONSTRATION, MOB_VIOLENCE -> EventType.RIOTS;
            default -> EventType.STRATEGIC_DEVELOPMENTS;
        };
    }
}
