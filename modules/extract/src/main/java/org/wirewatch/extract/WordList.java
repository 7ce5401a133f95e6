package org.wirewatch.extract;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.wirewatch.extract.text.Lexicon;

/**
 * The word lists of the reader's stages, each with one home: a section of {@code rules/reader_words.tsv}, which
 * says what the list is for and why each word is in it. A list is matched against one lower-cased token. Loaded
 * once, when the class is first used; immutable afterwards.
 *
 * <p>To add a word, add a line to its list's section of the table with a reason; to add a list, add a constant here
 * and a section there (loading fails on a list name the table uses and no constant has, and on an empty list).
 */
enum WordList {
    /** Speech verbs that close a sentence after a party: the party tells, it does not act. */
    SPEECH_TAIL,
    /** Words right after a target noun that make the noun a source ("police said"). */
    SOURCE_AFTER,
    /** Verbs whose subject is a claim's source. */
    SPEECH_VERB,
    /** Verbs after which a place name is a person's name ("said Ali Hassan"). */
    NAME_AFTER_SPEECH,
    /** Speech verbs whose object is the listener ("told AFP"). */
    LISTENER_VERB,
    /** Participles that open what was said ("..., saying gunmen had attacked"). */
    SPEECH_PARTICIPLE,
    /** Targets that make a fight an armed clash. */
    ARMED_TARGET,
    /** Words that make a camp or site a civilian one. */
    CIVILIAN_SITE,
    /** Projectiles that an aircraft before them in the sentence launched ("jets fired missiles"). */
    PROJECTILE,
    /** Units of weight that make a bomb given one ("a 500-pound bomb") an aircraft's bomb. */
    BOMB_WEIGHT_UNIT,
    /** Shooting triggers after which a state force before them is the one firing ("troops open fire"). */
    FIRING,
    /** Words that make a sentence weigh possibilities, not state how an attack was done ("whether"). */
    HEDGE,
    /** Words that give a figure as an approximation ("nearly 70"), so that an exact figure close to it refines it. */
    APPROXIMATION,
    /** Conjunctions that open a clause of another event at the same time ("..., as missiles rained down"). */
    CONCURRENT,
    /** The state as the one who gains territory. */
    STATE_AGENT,
    /** A non-state actor as the one who gains territory. */
    NON_STATE_AGENT,
    /** Verbs after a party that make it the attacker. */
    STRIKE_VERB,
    /** Words before a party that the report blames or suspects. */
    BLAME_CUE,
    /** Verbs after a party that make it the accuser. */
    BLAME_VERB,
    /** Site nouns of a sentence that goes on about the incident's site. */
    SITE_NOUN,
    /** Words after a country name that leave it a place. */
    FUNCTION_WORD,
    /** Words before an unnamed party that are no part of its name, in the order they are stripped. */
    UNNAMED_LEAD,
    /** Words that make a claim of responsibility cover several attacks. */
    SEVERAL,
    /** Attack nouns opening an appositive that names its claimant next ("an attack the group said it carried out"). */
    CLAIMED_ATTACK,
    /** Units that make the place after them a landmark. */
    DISTANCE_UNIT,
    /** Words that make a place the area around a town or a district, not the town ("the X area"). */
    AREA_WORD,
    /** Nouns after a town named like its region that make the name stand for the region ("X village"). */
    REGION_SITE,
    /** Verbs of a party telling its own attack. */
    OWN_STRIKE_VERB,
    /** Words after "was"/"were" telling what an act was for ("the strikes were meant to"). */
    PURPOSE_WORD,
    /** Harm verbs after a subject opened by "no" that deny harm to a group ("no soldier had been harmed"). */
    DENIED_HARM,
    /** Nouns before "of" and a party that make those who claim an attack members of that party. */
    MEMBER_NOUN,
    /** Words after a perfect auxiliary that make what is said an old quarrel ("has long accused"). */
    LONG_STANDING,
    /** Words next to a claim of responsibility that make it a group's record of earlier claims. */
    PAST_CLAIMS,
    /** Last words of the name of a state's armed forces ("Malian military", "Somali army"). */
    FORCES_HEAD,
    /** Words of a source's name that make it the office speaking for a state's forces (a defence ministry). */
    FORCES_OFFICE,
    /** The other words a bare name of such an office may hold ("the Ministry of National Defence"). */
    OFFICE_NAME_WORD,
    /** Heads of an indefinite source that a later sentence names. */
    PLACEHOLDER_HEAD,
    /** Placeholder heads of several people, filled only by a person named next who gives their toll. */
    SEVERAL_PEOPLE_HEAD,
    /** Nouns heading a description after a name ("X, a coalition of ...") that make the name a body's, not a person's. */
    BODY_NOUN,
    /** Words after a comma opening a clause that may give a second source's figure. */
    RIVAL_CLAUSE_OPENER,
    /** Words before "from" opening a clause with the toll a figure revises. */
    REVISION_WORD,
    /** Verbs right after a speech verb that make it the verb of a relative clause giving a toll ("which officials said killed five"). */
    EMBEDDED_TOLL_VERB,
    /** Participles that, opening a phrase set off by commas before a speech verb, describe a document, not who speaks. */
    REPORT_PARTICIPLE,
    /** Days, months and parts of a day that may follow a fronted "On" or "In" before the subject of a speech verb. */
    DAY_WORD,
    /** Sources named without an article that may open the subject after a fronted day or sentence adverb. */
    SOURCE_START,
    /** Heads after "its" or "their" that make the noun group the statement of the source named before. */
    OWN_DOCUMENT,
    /** Speech verbs that, right before "of", are passive participles: the one they follow is spoken of. */
    PASSIVE_BEFORE_OF,
    /** Words that make a smaller figure of a source a toll of its own, not a part of the toll it gave before. */
    TOLL_WORD,
    /** Adverbs opening a sentence, never a name. */
    SENTENCE_ADVERB,
    /** Pronouns that refer back to a source. */
    PRONOUN,
    /** Words trimmed from the front of a source's noun group. */
    DETERMINER,
    /** Titles before a personal name. */
    TITLE,
    /** Participles opening a description after a name. */
    DESCRIBING_PARTICIPLE,
    /** Prepositions that open no subject. */
    PREPOSITION,
    /** Words that make a noun group a clause. */
    AUXILIARY,
    /** Heads that make a source an institution. */
    INSTITUTION,
    /** Roles that name no body of their own. */
    ROLE_ONLY,
    /** Words trimmed from the end of a source's noun group. */
    LATE,
    /** Lower-case words inside an organisation's name. */
    ORG_JOINER,
    /** Words that say where a source got its words. */
    CITING,
    /** Verbs that put their subject after another event the sentence goes on to tell. */
    SEQUEL_VERB,
    /** Death verbs right after a count that make a clause after ", and" a toll of its own ({@link TollClauses}). */
    TOLL_CLAUSE_VERB,
    /** Words that make a toll clause add to a tally told before ("five more", "another three"). */
    TOLL_ADDITIVE,
    /** Conjunctions that, after a comma and before "in" and a name, open a clause set in another place. */
    PLACE_CLAUSE_OPENER,
    /** Verbs that tell damage done, so a clause set in another place tells an event of its own. */
    DAMAGE_VERB,
    /** Nouns between a group's name and its violent verb ("an al-Shabaab suicide bomber attacked"). */
    ATTACKER_NOUN,
    /** Words before "by" and a party that make it the one that laid a blast's mines or bombs. */
    MINE_LAYING,
    /** Verbs of a party denying a part in an attack. */
    DENIAL_VERB,
    /** Nouns after a denial verb that make it a denial of a part in the attack. */
    DENIED_PART,
    /** Heads of a description of a field's officials ("health officials") that may stand for its institution. */
    DESCRIBED_HEAD,
    /** Nouns of an institution's name that a description of its field's officials stands for ("Health Ministry"). */
    INSTITUTION_HEAD,
    /** Verbs that deny what others said when a REJECTED_ACCOUNT noun follows ("rejected the rebels' claims"). */
    REJECTION_VERB,
    /** Nouns of what others said, after a REJECTION_VERB: the sentence is its subject's denial. */
    REJECTED_ACCOUNT,
    /** Words between a named party and "behind" that make it the suspected author ("X was behind the attack"). */
    BEHIND_LINK,
    /** Words right after "behind" that make it authorship of an event ("behind the attack", "behind it"). */
    BEHIND_OBJECT,
    /** Nouns after "behind the" that make it a place ("behind the lines"). */
    BEHIND_NOT_EVENT,
    /** Words after the attackers that tie them to a party named further on ("belonged to", "whom locals call"). */
    MEMBERSHIP_LINK,
    /** Membership words that give the name the attackers go by ("whom locals call X"), not a suspicion. */
    LOCAL_NAME,
    /** Sites of a force that make the force's name before them the place hit ("a police station"). */
    FORCE_SITE,
    /** Verbs before a party said to be behind an attack that make it the suspected author, not a claimant. */
    SUSPICION_VERB,
    /** Verbs after a party that make it the defender of an attack, not its author. */
    DEFENCE_VERB,
    /** Verbs that with "back" or "off" right after stop an attack ("beat back", "fought off"). */
    DEFENCE_PHRASAL,
    /** Titles before "of" and a party that make the title's holder that party's leader. */
    LEADER_TITLE,
    /** Nouns after "his", "her" or "their" that are a leader's own men. */
    LEADER_MEN,
    /** Canonical names of criminal parties that name no group, so a named one in the report wins over them. */
    UNNAMED_CRIMINAL,
    /** Nouns before "of" or "for" and a party that make the party the one telling, not acting. */
    SPOKESMAN,
    /** Words after "in" that count several events ("in two similar blasts"), so the figure before adds them up. */
    EVENT_COUNT,
    /** Plural event nouns after such a count. */
    EVENT_PLURAL,
    /** Words after a sentence's opening "The" that name the next of several events counted before ("The second"). */
    COUNTED_NEXT,
    /** Nouns after "no" that say an incident cost no lives ("there were no casualties"): its toll is zero. */
    NO_TOLL,
    /** Nouns between a denying verb and a figure that make the figure one the speaker rejects. */
    REJECTED_REPORT,
    /** Determiners right before an event word that refer back to an event already told ("the raid"). */
    BACK_REFERENCE,
    /** Adjectives before a toll noun that make the count an earlier one ("the first count", "an initial toll"). */
    EARLIER_COUNT,
    /** Plural heads that two single words joined by "and" both modify ("police and medical sources"). */
    SHARED_SOURCE_HEAD,
    /** Words of a noun group naming reports, not who made them ("Initial reports"). */
    SOURCELESS_REPORT,
    /** Adjectives before a conflict noun that make it the outbreak told, not a long conflict ("fresh fighting"). */
    FRESH_OUTBREAK,
    /** Verbs after a count of the dead that count a step after death, not the dead ("23 bodies were identified"). */
    AFTER_DEATH_STEP,
    /** Verbs before a side's count of its own dead ("had lost 25 members"). */
    LOSS_VERB,
    /** Nouns of a charge a speaker answers, after "a" before the speaker ("a charge Kigali denies"). */
    CHARGE_NOUN,
    /** Nouns for a count of the dead. */
    TOLL_NOUN,
    /** Nouns of a record that, right before "show", make the noun group a claim's source ("Official records show"). */
    RECORD_NOUN,
    /** Participles between a record noun and "by" that name the record's keeper ("figures compiled by"). */
    RECORD_PARTICIPLE,
    /** Nouns of a fight right before "between" and the two sides that fought. */
    CLASH_NOUN,
    /** Words right after a party that open a description of it before its violent verb ("bandits bent on ..."). */
    AGENT_DESCRIPTION,
    /** Kinds of armed actor that are a state's or states' forces, never "the group". */
    STATE_KIND,
    /** Sub-event types whose unattributed incident is suspected of the report's one named armed group. */
    GROUP_SUSPECT_EVENT,
    /** Kinds of lexicon actor that are a named armed group a report may suspect. */
    NAMED_GROUP_KIND,
    /** Aircraft words that, after "only" and a party, make the party the one able to strike from the air. */
    AIR_POWER,
    /** Nouns of an offensive before "by" and the party that led it. */
    OFFENSIVE_NOUN,
    /** Verbs after a party in an "as X calls" clause, where the party names a place and does not act. */
    NAMING_VERB,
    /** Group nouns that, opening an incident's sentence, refer back to the report's first named group. */
    GROUP_ANAPHOR,
    /** Conjunctions after "the" and a group noun opening a clause whose pronoun is the group ("after it beheaded"). */
    CLAUSE_CONJUNCTION,
    /** Pronouns after such a conjunction that stand for the group noun before it. */
    SUBJECT_PRONOUN,
    /** Verbs after a capital that make it its government, not a place ("which Tehran blacklists"). */
    GOVERNMENT_VERB,
    /** Ground-assault triggers that, right after a state force, make its operation a fight ("a police raid"). */
    RAID,
    /** Perfect auxiliaries between a party and its verb ("forces had raided"). */
    PERFECT_AUXILIARY,
    /** Words that put a fight among prisoners, so a clash is mob violence ("clashes between inmates"). */
    PRISON,
    /** Words that tell something exploded without saying what was fired, dropped, planted or worn. */
    UNSPECIFIED_BLAST,
    /** Weapons launched from afar whose naming in a later sentence says what an unspecified blast was. */
    LAUNCHED_WEAPON,
    /** Words right before a weapon that make it the one brought down, not the one that struck ("shot down a drone"). */
    DOWNING,
    /** Settlement nouns before "'s" and a place: the place is a part of one already told ("the city's X"). */
    PART_OF_TOLD,
    /** Participles right before "in" and a country that make the country a party's home, not the event's. */
    HOME_PARTICIPLE,
    /** Verbs of striking right after aircraft or air strikes: the sentence tells a strike as an act of its own. */
    AIR_STRIKE_VERB,
    /** Determiners right before an aircraft that make it the one of a strike already told ("the jets struck"). */
    TOLD_DETERMINER,
    /** Words that may stand between two places of one list of sites ("A, and the southern towns of B"). */
    SITE_LIST_LINK,
    /** Words right before a country that spread the sentence's event over it ("across Lebanon"). */
    SPREAD_OVER,
    /** Nouns that make a sentence without a figure tell where an incident's deaths were ("the deaths occurred in"). */
    DEATHS_NOUN,
    /** Words right before "from" and a place that make the place someone's home town, not the event's place. */
    ORIGIN_FROM,
    /**
     * Prepositions right before a town that put the sentence's event there ("a strike on X", "near X"): a town abroad
     * so placed is the scene, not a homonym, when the report names no town of its own countries.
     */
    SCENE_PREPOSITION,
    /** Words right before "of" and a place that make the place someone's home town ("a native of X"). */
    ORIGIN_OF;

    static final String TABLE = "reader_words.tsv";

    private final Set<String> words;
    private final List<String> ordered;

    WordList() {
        List<String> list = Table.LISTS.getOrDefault(name(), List.of());
        if (list.isEmpty()) {
            throw new IllegalStateException("rules/" + TABLE + " has no word of the list " + name());
        }
        this.ordered = List.copyOf(list);
        // a HashSet, not Set.of: lookups are per token and mostly miss, which the hash alone settles. Not wrapped
        // unmodifiable: the field is private and only read, and the wrapper is one more call per token
        this.words = new HashSet<>(list);
    }

    static {
        for (String name : Table.LISTS.keySet()) {
            boolean known = false;
            for (WordList l : values()) {
                known |= l.name().equals(name);
            }
            if (!known) {
                throw new IllegalStateException("rules/" + TABLE + " names a list the reader does not have: " + name);
            }
        }
    }

    /** Whether the (lower-cased) word is in the list. */
    boolean contains(String lowerWord) {
        return words.contains(lowerWord);
    }

    /** The words in the table's order. */
    List<String> inOrder() {
        return ordered;
    }

    /** Reads the table once, before the constants are built (they cannot read static fields of their own enum). */
    private static final class Table {
        static final Map<String, List<String>> LISTS = load();

        private static Map<String, List<String>> load() {
            Map<String, List<String>> lists = new java.util.LinkedHashMap<>();
            for (Lexicon.Entry e : Lexicon.rules(TABLE).entries()) {
                if (e.values().isEmpty()) {
                    throw new IllegalStateException(
                            "rules/" + TABLE + " line " + e.line() + ": \"" + e.key() + "\" is in no list");
                }
                for (String list : e.values()) {
                    List<String> words = lists.computeIfAbsent(list, k -> new ArrayList<>());
                    if (words.contains(e.key())) {
                        throw new IllegalStateException(
                                "rules/" + TABLE + " line " + e.line() + ": \"" + e.key() + "\" is twice in " + list);
                    }
                    words.add(e.key());
                }
            }
            return lists;
        }
    }
}
