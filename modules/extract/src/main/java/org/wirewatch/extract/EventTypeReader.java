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

    /** Sub-events a shooting at a protest may have been read as before its victims are known to be protesters. */
    private static final Set<String> GROUND_CODES = Set.of("GROUND", "PROTEST", "ARMED_CLASH", "ATTACK");

    /** The sub-event type of a frame; a frame with no trigger of its own takes the main incident's. */
    SubEventType subEvent(Frame f, IncidentDrafts drafts) {
        Map<String, Integer> score = new HashMap<>();
        List<SentenceInfo> heads = f.heads();
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
            if (e.getValue() > best
                    || (e.getValue() == best && code != null && e.getKey().compareTo(code) < 0)) {
                best = e.getValue();
                code = e.getKey();
            }
        }
        if (code == null) {
            if (!f.main && !drafts.frames().isEmpty() && drafts.main() != f) {
                return subEvent(drafts.main(), drafts);
            }
            code = "GROUND";
        }
        if (score.containsKey("PROTEST") && GROUND_CODES.contains(code) && stateForceActs(heads)) {
            // "security forces shot dead 45 protesters", "police opened fire on the rally"
            return SubEventType.EXCESSIVE_FORCE_AGAINST_PROTESTERS;
        }
        return switch (code) {
            case "GROUND", "PROTEST" -> armedTargets(heads) ? SubEventType.ARMED_CLASH : SubEventType.ATTACK;
            case "TERRITORY" ->
                stateAgent(heads)
                        ? SubEventType.GOVERNMENT_REGAINS_TERRITORY
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
            if (k != i && WordList.CIVILIAN_SITE.contains(tokens.get(k).lower())) {
                return true;
            }
        }
        return false;
    }

    /** Whether state forces (police, troops, security forces) act in the frame's head sentences, not only speak. */
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
