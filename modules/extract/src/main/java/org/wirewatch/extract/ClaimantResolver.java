package org.wirewatch.extract;

import static org.wirewatch.extract.TokenSpans.negated;
import static org.wirewatch.extract.TokenSpans.tokenAt;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.wirewatch.extract.lexicon.ActorMention;
import org.wirewatch.extract.lexicon.SourceMention;
import org.wirewatch.extract.text.PhraseMatcher;
import org.wirewatch.extract.text.Token;
import org.wirewatch.schema.SourceType;

/**
 * Who said it, for the claim stage: the subject of a speech verb, "according to X", "said X, head of Y", the
 * subject of "denied"/"confirmed"; pronouns and definite descriptions ("the monitor", "it") resolved to a source
 * named before. One instance per report: it keeps the sources named so far ({@link #remember(Claimant)}).
 */
final class ClaimantResolver {

    /**
     * Kinds of source a list may join and still give one claim ("two residents and a health worker said" is the
     * residents'); officials listed with residents or with the other side ("police and the militants said")
     * speak for nobody in particular.
     */
    private static final Set<SourceType> LIST_HEADS = java.util.EnumSet.of(SourceType.WITNESS, SourceType.MEDICAL);

    private static final java.util.regex.Pattern TRAILING_PARENTHESIS =
            // the closing parenthesis may be cut off with the punctuation that ends a noun group: "the Tigray
            // People's Liberation Front (TPLF), said" gives "... Front (TPLF"
            java.util.regex.Pattern.compile("\\s*\\([^)]*\\)?\\s*$");
    private static final java.util.regex.Pattern QUOTES = java.util.regex.Pattern.compile("[\u201C\u201D\"]");
    /** Compiled once: String.split with a pattern of more than one character compiles it on every call. */
    private static final java.util.regex.Pattern WHITESPACE = java.util.regex.Pattern.compile("\\s+");

    private final Rules rules;
    private final ReportFacts facts;
    private final IncidentDrafts drafts;
    private final String text;
    private final List<Claimant> history = new ArrayList<>();
    /** Sources a speaker cites ("citing the Health Ministry"): never a claimant, but a later "the ministry". */
    private final List<Claimant> cited = new ArrayList<>();

    private final Map<String, Optional<SourceMention>> resolved = new java.util.HashMap<>();
    private final Map<String, Optional<String>> cleanedRoles = new java.util.HashMap<>();

    ClaimantResolver(Rules rules, ReportFacts facts, IncidentDrafts drafts) {
        this.rules = rules;
        this.facts = facts;
        this.drafts = drafts;
        this.text = facts.text().text();
    }

    /** A sentence's claimant, once read: later pronouns, surnames and descriptions may refer back to it. */
    void remember(Claimant c) {
        history.add(c);
    }

    private static boolean isOffice(SourceType t) {
        return t == SourceType.GOVERNMENT || t == SourceType.LOCAL_OFFICIAL;
    }

    /** "he", "it", "they": a claimant that only refers back. */
    static boolean isPronoun(String name) {
        return WordList.PRONOUN.contains(name.toLowerCase(Locale.ROOT));
    }

    /**
     * "JNIM had claimed responsibility and said it had killed 70 soldiers, according to the SITE Intelligence
     * Group": the armed party that claims the attack before the cue is the claimant; whoever "according to" names
     * only relays its statement.
     */
    private static Claimant claimingParty(SentenceInfo s, List<PhraseMatcher.Match> cues) {
        List<Token> tokens = s.sentence.tokens();
        int according = -1;
        int responsibility = -1;
        for (PhraseMatcher.Match m : cues) {
            String kind = m.entry().value(0);
            if (kind.equals("ACCORDING") && according < 0) {
                according = m.from();
            } else if (kind.equals("RESPONSIBILITY")
                    && responsibility < 0
                    && !m.entry().key().endsWith("by")
                    && !negated(tokens, m.from())) {
                responsibility = m.from();
            }
        }
        if (according < 0 || responsibility < 0 || according < responsibility) {
            return null;
        }
        for (ActorMention a : s.actors) {
            int at = tokenAt(tokens, a.start());
            if (!a.generic() && at >= 0 && at < responsibility) {
                return new Claimant(
                        a.canonicalName(),
                        SourceType.BELLIGERENT,
                        null,
                        norm(a.canonicalName()),
                        false,
                        head(a.canonicalName()));
            }
        }
        return null;
    }

    /**
     * A segment between commas that opens with a lower-case past-tense verb and ends with "but" or "and" right before
     * the speech verb: "called the attack a matter of concern but (said)", the subject's first predicate.
     */
    private static boolean firstOfTwoPredicates(List<Token> tokens, int[] seg) {
        Token first = tokens.get(seg[0]);
        Token last = tokens.get(seg[1] - 1);
        return seg[1] - seg[0] >= 3
                && first.isWord()
                && !first.isCapitalized()
                && first.lower().endsWith("ed")
                && (last.is("but") || last.is("and"));
    }

    /**
     * The charge noun of an apposition that the denying verb at {@code verb} closes (", a charge the group denied"),
     * when a speech verb earlier in the sentence tells what was charged; -1 otherwise. The words between the noun and
     * the verb name the denier.
     */
    static int chargeAnswered(List<Token> tokens, int verb) {
        for (int k = verb - 1; k >= 2; k--) {
            if (tokens.get(k).isPunct()) {
                return -1;
            }
            if (WordList.CHARGE_NOUN.contains(tokens.get(k).lower())
                    && (tokens.get(k - 1).is("a") || tokens.get(k - 1).is("an"))
                    && tokens.get(k - 2).is(",")) {
                for (int j = k - 3; j >= 0; j--) {
                    if (WordList.SPEECH_VERB.contains(tokens.get(j).lower())) {
                        return k;
                    }
                }
                return -1;
            }
        }
        return -1;
    }

    /** The source of the statement in tokens [from, to) of a sentence, or null. */
    Claimant claimant(SentenceInfo s, List<PhraseMatcher.Match> cues, int from, int to) {
        List<Token> tokens = s.sentence.tokens();
        Claimant party = claimingParty(s, cues);
        if (party != null) {
            return party;
        }
        for (PhraseMatcher.Match m : cues) {
            String kind = m.entry().value(0);
            String key = m.entry().key();
            if (kind.equals("ACCORDING")) {
                int end = m.to();
                // "according to BenarNews figures compiled from police reports": the phrase after the participle
                // says where the figures come from, not who gives them
                while (end < to
                        && !tokens.get(end).is(",")
                        && !tokens.get(end).is(".")
                        && !tokens.get(end).is("that")
                        && !tokens.get(end).is(";")
                        && !(end > m.to()
                                && WordList.DESCRIBING_PARTICIPLE.contains(
                                        tokens.get(end).text()))) {
                    end++;
                }
                Claimant keeper = recordKeeper(s, m.to(), to);
                if (keeper != null) {
                    return keeper;
                }
                Claimant c = resolve(s, m.to(), end);
                if (c != null && !(c.generic() && c.type() == SourceType.OTHER)) {
                    return c;
                }
            }
        }
        Claimant initial = initialPerson(s, cues);
        if (initial != null) {
            return initial;
        }
        for (PhraseMatcher.Match m : cues) {
            String kind = m.entry().value(0);
            if (kind.equals("CONFIRM_VERB") && m.to() < to && tokens.get(m.to()).is("by")) {
                // "were confirmed by Mahboob Rahman Talat, who sits on the provincial council"
                int end = m.to() + 1;
                while (end < to && !tokens.get(end).isPunct()) {
                    end++;
                }
                Claimant c = resolve(s, m.to() + 1, end);
                if (c != null) {
                    return c;
                }
            }
            if (kind.equals("DENY_VERB") && chargeAnswered(tokens, m.from()) >= 0) {
                // "..., activists said, a charge the RSF denied": the denier answers what the sentence's teller
                // said; the teller is the one who said it
                continue;
            }
            if (kind.equals("DENY_VERB") || kind.equals("CONFIRM_VERB")) {
                Claimant c = subjectBefore(s, m.from(), from);
                if (c != null) {
                    return c;
                }
            }
        }
        for (PhraseMatcher.Match m : cues) {
            // "..., said Usman Kachalla, head of the state emergency agency." (the verb before its subject)
            // ("..., told Reuters" is not inverted: who is told is the listener, never the source)
            if (m.entry().value(0).equals("SPEECH")
                    && m.from() > 0
                    && m.to() < to
                    && (tokens.get(m.from() - 1).is(",")
                            || tokens.get(m.from() - 1).is("\u201D")
                            || tokens.get(m.from() - 1).is("\"")
                            || tokens.get(m.from() - 1).is("'")
                            || tokens.get(m.from() - 1).is("\u2019"))
                    && (tokens.get(m.to()).isCapitalized()
                            || (describedAfter(tokens.get(m.to()))
                                    && m.entry().key().equals("said")
                                    && m.to() + 1 < to
                                    && tokens.get(m.to() + 1).isWord()))
                    && !WordList.LISTENER_VERB.contains(m.entry().key())) {
                // a straight or single closing quote ends the quotation as a curly one does ("'...,' said the
                // police chief"), and after "said", "the" opens a described speaker as a capital opens a named one
                // (", accused the rebels of ..." names whom it accuses)
                int end = m.to();
                while (end < to && !tokens.get(end).is(",") && !tokens.get(end).is(".")) {
                    end++;
                }
                Claimant c = resolve(s, m.to(), end);
                if (c != null && describedAfter(tokens.get(m.to())) && c.generic() && c.type() == SourceType.OTHER) {
                    // "X, who heads the task force, said the clash broke out at dawn": what was said, not a speaker
                    // described after the verb ("said the police chief")
                    c = null;
                }
                if (c != null && end < to && tokens.get(end).is(",")) {
                    int end2 = end + 1;
                    while (end2 < to
                            && !tokens.get(end2).is(",")
                            && !tokens.get(end2).is(".")) {
                        end2++;
                    }
                    Claimant role = resolve(s, end + 1, end2);
                    if (role != null
                            && c.speaker() != null
                            && c.name().equals(c.speaker())
                            && !(role.speaker() != null && role.name().equals(role.speaker()))) {
                        c = new Claimant(role.name(), role.type(), c.speaker(), role.key(), false, role.head());
                    } else if (role != null
                            && c.speaker() == null
                            && role.speaker() != null
                            && role.name().equals(role.speaker())) {
                        // "said another militia member, X, who ...": the description, then the person it names
                        c = new Claimant(c.name(), c.type(), role.speaker(), c.key(), false, c.head());
                    }
                }
                if (c != null) {
                    return c;
                }
            }
        }
        for (PhraseMatcher.Match m : cues) {
            String kind = m.entry().value(0);
            if (kind.equals("SPEECH")
                    || (kind.equals("TOLL_SPEECH") && tollFollows(tokens, m.to()))
                    || (kind.equals("RECORD_SPEECH") && recordBefore(tokens, m.from()))
                    || (kind.equals("COUNT_SPEECH") && countKeeper(tokens, m.from(), from) >= 0)) {
                if (m.from() > 0
                        && tokens.get(m.from() - 1).is("was")
                        && m.entry().key().equals("quoted")) {
                    continue;
                }
                if (m.from() > from && sourcelessReports(tokens, m.from() - 1, m.to())) {
                    continue; // "Initial reports put the toll at 60": "reports" is a noun here, and nobody's
                }
                // "The agency's first count had stood at 23": the one whose count it is, read as if it spoke
                int verb = kind.equals("COUNT_SPEECH") ? countKeeper(tokens, m.from(), from) : m.from();
                Claimant c = subjectBefore(s, verb, from);
                if (c != null) {
                    return c;
                }
            }
        }
        // "The agency's first count, on Tuesday, had been 41": a copula gives the figure of a count whose keeper is
        // named before "'s", read as if the keeper spoke
        int keeper = copularCountKeeper(s, tokens, from, to);
        if (keeper >= 0) {
            // "His preliminary estimate was that ten people had died": the one "his" refers back to
            String w = tokens.get(keeper).lower();
            Claimant c = w.equals("'s") ? subjectBefore(s, keeper, from) : anaphor(w.equals("its") ? "it" : "he", s);
            if (c != null) {
                return c;
            }
        }
        // the sentence opens with a known source: "Russia's Defence Ministry called the accusations ..."
        boolean denial = cues.stream().anyMatch(m -> m.entry().value(0).equals("DENY"));
        for (SourceMention m : denial ? s.sources : List.<SourceMention>of()) {
            int at = tokenAt(tokens, m.start());
            if (at >= 0 && at <= 1) {
                return fromSource(m, null, m.surface());
            }
        }
        return null;
    }

    /** "Spokesman Zabiullah Mujahid identified the bomber ..., said ...": a named subject opening the sentence. */
    private Claimant initialPerson(SentenceInfo s, List<PhraseMatcher.Match> cues) {
        boolean speech = false;
        for (PhraseMatcher.Match m : cues) {
            speech |= m.entry().value(0).equals("SPEECH");
        }
        if (!speech) {
            return null;
        }
        List<Token> tokens = s.sentence.tokens();
        int i = 0;
        while (i < tokens.size() && WordList.TITLE.contains(tokens.get(i).lower())) {
            i++;
        }
        int nameStart = i;
        while (i < tokens.size() && tokens.get(i).isWord() && tokens.get(i).isCapitalized()) {
            i++;
        }
        if (i - nameStart < 2 || i >= tokens.size()) {
            return null;
        }
        String next = tokens.get(i).lower();
        if (tokens.get(i).isCapitalized() || !(next.endsWith("ed") || WordList.SPEECH_VERB.contains(next))) {
            return null;
        }
        if (WordList.SPEECH_VERB.contains(next)) {
            return null; // the ordinary speech rule reads it, with its apposition
        }
        for (PhraseMatcher.Match m : cues) {
            if (m.entry().value(0).equals("SPEECH")
                    && m.from() > i
                    && m.from() - 5 >= i
                    && tokens.get(m.from() - 1).isWord()) {
                int comma = m.from() - 1;
                while (comma > m.from() - 5 && !tokens.get(comma).is(",")) {
                    comma--;
                }
                Claimant teller = tokens.get(comma).is(",") ? resolve(s, comma + 1, m.from()) : null;
                if (teller != null && teller.type() != SourceType.OTHER) {
                    // "The Allied Democratic Forces carried out the attack on the school, police said": the police
                    // tell it, the group named first acted
                    return null;
                }
            }
        }
        return resolve(s, 0, i);
    }

    /**
     * The one who kept a record, when "according to" names the record and a participle with "by" its keeper:
     * "according to figures compiled by the Red Cross" is the Red Cross's figure, which the record only carries.
     */
    private Claimant recordKeeper(SentenceInfo s, int from, int to) {
        List<Token> tokens = s.sentence.tokens();
        for (int r = from; r < Math.min(from + 4, to - 3) && !tokens.get(r).isPunct(); r++) {
            if (WordList.RECORD_NOUN.contains(tokens.get(r).lower())
                    && WordList.RECORD_PARTICIPLE.contains(tokens.get(r + 1).lower())
                    && tokens.get(r + 2).is("by")) {
                int end = r + 3;
                while (end < to && !tokens.get(end).isPunct()) {
                    end++;
                }
                Claimant c = resolve(s, r + 3, end);
                return c == null || (c.generic() && c.type() == SourceType.OTHER) ? null : c;
            }
        }
        return null;
    }

    /**
     * The possessive "'s" of a count's keeper before "stood at" ("The agency's first count on Monday had stood at"),
     * a TOLL_NOUN or RECORD_NOUN standing between; -1 when the count is nobody's ("The toll stood at 23" is no claim).
     */
    /**
     * The keeper of a count ("'s" after its name, or "his", "her", "its") when a copula right before a figure of the
     * sentence gives the count ("X's first count, on Tuesday, had been 41", "His preliminary estimate was that ten
     * people had died"): the count's noun (reader_words.tsv TOLL_NOUN, or "estimate") within ten tokens before the
     * copula, an apposition's commas allowed, and the keeper within three tokens before the noun; -1 when none.
     */
    private static int copularCountKeeper(SentenceInfo s, List<Token> tokens, int from, int to) {
        for (org.wirewatch.extract.rules.CasualtyFact f : s.facts) {
            int c = f.from();
            if (c <= from || c >= to) {
                continue;
            }
            if (c - 2 > from && tokens.get(c - 1).is("to") && tokens.get(c - 2).is("closer")) {
                c -= 2;
            } else if (c - 1 > from && tokens.get(c - 1).is("that")) {
                c -= 1; // "the estimate was that ten people had died"
            }
            if (c - 1 > from
                    && (tokens.get(c - 1).is("was") || tokens.get(c - 1).is("is"))) {
                c -= 1;
            } else if (c - 2 > from
                    && tokens.get(c - 1).is("been")
                    && (tokens.get(c - 2).is("had") || tokens.get(c - 2).is("has"))) {
                c -= 2;
            } else {
                continue;
            }
            for (int k = c - 1; k >= from && k >= c - 10; k--) {
                Token t = tokens.get(k);
                if (t.isNumber() || (t.isPunct() && !t.is(","))) {
                    break;
                }
                if (WordList.TOLL_NOUN.contains(t.lower()) || t.is("estimate")) {
                    for (int j = k - 1; j >= from && j >= k - 3; j--) {
                        Token o = tokens.get(j);
                        if ((o.is("'s") && j > from) || o.is("his") || o.is("her") || o.is("its")) {
                            return j;
                        }
                    }
                    break;
                }
            }
        }
        return -1;
    }

    private static int countKeeper(List<Token> tokens, int verb, int from) {
        boolean count = false;
        for (int k = verb - 1; k >= Math.max(from, verb - 8) && !tokens.get(k).isPunct(); k--) {
            if (WordList.TOLL_NOUN.contains(tokens.get(k).lower())
                    || WordList.RECORD_NOUN.contains(tokens.get(k).lower())) {
                count = true;
            } else if (count && tokens.get(k).is("'s") && k > from) {
                return k;
            }
        }
        return -1;
    }

    /** A record noun right before "show": "Official records show 40 dead" names who kept them, "Footage showed" no one. */
    private static boolean recordBefore(List<Token> tokens, int at) {
        return at > 0 && WordList.RECORD_NOUN.contains(tokens.get(at - 1).lower());
    }

    private static boolean tollFollows(List<Token> tokens, int at) {
        for (int k = at; k < Math.min(tokens.size(), at + 5); k++) {
            String w = tokens.get(k).lower();
            if (w.equals("toll")
                    || w.equals("number")
                    || w.equals("figure")
                    || w.equals("losses")
                    || w.equals("casualties")
                    || w.equals("tally")
                    || w.equals("count")
                    || w.equals("estimate")) {
                return true;
            }
        }
        return false;
    }

    /** The noun group before a verb, across a relative clause or an apposition set off by commas. */
    Claimant subjectBefore(SentenceInfo s, int verb, int from) {
        List<Token> tokens = s.sentence.tokens();
        List<int[]> segments = new ArrayList<>();
        int end = verb;
        int k = verb - 1;
        while (k >= from && segments.size() < 5) {
            Token t = tokens.get(k);
            if (end < verb && relativeThat(tokens, k, from)) {
                // "a village near the park that draws visitors, confirmed": the relative clause, closed by a comma
                // before the verb, names nobody; the noun group it hangs on goes on before it ("an attack that
                // media said killed 17" has the clause's own subject, the speaker)
                end = k;
                k--;
                continue;
            }
            int opening = (t.is("\u201D") || t.is("\"")) ? quotedWords(tokens, k, from) : -1;
            if (opening > 0) {
                k = opening - 1; // the quoted words belong to the clause around them
                continue;
            }
            boolean hard = t.is("that")
                    || t.is(";")
                    || t.is(":")
                    || ((t.is("\u201D") || t.is("\"")) && !aroundAlias(tokens, k))
                    || (WordList.SPEECH_VERB.contains(t.lower()) && k < verb - 1);
            if (t.is(",") || hard) {
                segments.add(new int[] {k + 1, end});
                end = k;
                if (hard) {
                    break;
                }
            }
            k--;
        }
        if (k < from) {
            segments.add(new int[] {from, end});
        }
        int primary = -1;
        String relativeOrg = null;
        boolean predicateBefore = false;
        for (int i = 0; i < segments.size(); i++) {
            int[] seg = trim(tokens, segments.get(i));
            if (seg[0] >= seg[1]) {
                continue;
            }
            if (startsRelative(tokens, seg[0])) {
                if (startsHeads(tokens, seg[0])) {
                    relativeOrg = i + "";
                }
                continue;
            }
            if (WordList.CITING.contains(tokens.get(seg[0]).lower()) && i + 1 < segments.size()) {
                // "The state news agency IRNA, citing a Guard statement, said": IRNA speaks; the one it cites may
                // be what a later "the ministry" means
                Claimant cited = seg[0] + 1 < seg[1] ? resolve(s, seg[0] + 1, seg[1]) : null;
                if (cited != null && !cited.generic()) {
                    this.cited.add(cited);
                }
                continue;
            }
            if (seg[0] + 1 < seg[1]
                    && WordList.DESCRIBING_PARTICIPLE.contains(
                            tokens.get(seg[0]).lower())
                    && (tokens.get(seg[0] + 1).is("by")
                            || tokens.get(seg[0] + 1).is("in"))
                    && i + 1 < segments.size()) {
                continue; // "The Emergency hospital in Kabul, run by an Italian aid group, said"
            }
            if (WordList.REPORT_PARTICIPLE.contains(tokens.get(seg[0]).lower()) && i + 1 < segments.size()) {
                continue; // "Its first statement, issued overnight, said", "A UN report, seen by AFP, said"
            }
            if (isParticiple(tokens.get(seg[0])) && i + 1 < segments.size()) {
                continue; // "President X, flying back from the summit in Kazan, said": a description of X
            }
            if (seg[1] - seg[0] > 2
                    && (tokens.get(seg[0]).is("a") || tokens.get(seg[0]).is("an"))
                    && WordList.CHARGE_NOUN.contains(tokens.get(seg[0] + 1).lower())) {
                // "..., a charge Kigali denies": the charge is what is denied, the words after it name who denies
                segments.set(i, new int[] {seg[0] + 2, seg[1]});
                primary = i;
                break;
            }
            if (distanceAway(tokens, seg) && i + 1 < segments.size()) {
                continue; // "A medical source at the hospital in X, 80 kilometres away, told AFP": where, not who
            }
            if (onlyAuxiliary(tokens, seg) && i + 1 < segments.size()) {
                continue; // "X, a doctor, had said": the auxiliary after the apposition's comma names nobody
            }
            if (frontedTime(tokens, seg)) {
                continue; // "Earlier in the day, X had said": when it was said, not who said it
            }
            if (i + 1 < segments.size() && firstOfTwoPredicates(tokens, seg)) {
                // "The Foreign Office, in a statement, called the attack a grave concern but said": the segment is
                // the first of the subject's two verbs, the subject is before the commas
                predicateBefore = true;
                continue;
            }
            if (predicateBefore
                    && WordList.PREPOSITION.contains(tokens.get(seg[0]).lower())) {
                continue; // ", in a statement," between the subject and its first verb
            }
            int fronted = afterFrontedDay(tokens, seg);
            if (fronted > 0) {
                segments.set(i, new int[] {fronted, segments.get(i)[1]}); // "On Monday the Interior Ministry said"
            } else if (WordList.PREPOSITION.contains(tokens.get(seg[0]).lower())) {
                if (seg[1] - seg[0] <= 4) {
                    continue; // "The coalition, for its part, acknowledged"
                }
                int pronoun = pronounAfterFrontedPhrase(tokens, seg);
                if (pronoun < 0) {
                    return null;
                }
                // "At an earlier news conference he had reported": the phrase says where, the pronoun speaks
                segments.set(i, new int[] {pronoun, seg[1]});
            }
            primary = i;
            break;
        }
        if (primary < 0) {
            return null;
        }
        int[] coordinated = coordinatedSubject(tokens, segments.get(primary), verb);
        if (coordinated == null
                && verb >= 2
                && tokens.get(verb - 1).is("and")
                && tokens.get(verb - 2).is(",")) {
            // "Local media named the victim as X, 42, a farmer from Y, and said ...": the phrases set off by commas
            // before ", and said" describe the first verb's object; the subject of that verb says it
            for (int i = primary + 1; i < segments.size() && coordinated == null; i++) {
                int[] seg = trim(tokens, segments.get(i));
                if (seg[0] < seg[1] && tokens.get(seg[0]).isCapitalized()) {
                    coordinated = coordinatedSubject(tokens, new int[] {seg[0], verb}, verb);
                }
            }
        }
        if (coordinated != null) {
            // "Putin declared Sunday a day of mourning and said ...": the subject of the first verb speaks
            Claimant c = resolve(s, coordinated[0], coordinated[1]);
            if (c != null) {
                return c;
            }
        }
        Claimant named = namedBeforeDescription(s, segments, primary);
        if (named != null) {
            return named;
        }
        Claimant c = resolve(s, segments.get(primary)[0], segments.get(primary)[1]);
        if (c == null) {
            return null;
        }
        if (relativeOrg != null) {
            // "Pavlo Kyrylenko, who heads the Donetsk regional military-civilian administration, said"
            int[] rel = trim(tokens, segments.get(Integer.parseInt(relativeOrg)));
            Claimant org = resolve(s, rel[0] + 2, rel[1]);
            if (org != null) {
                return new Claimant(
                        org.name(),
                        org.type(),
                        c.speaker() != null ? c.speaker() : c.name(),
                        org.key(),
                        false,
                        org.head());
            }
        }
        // "Farid Rahid, spokesman for the public health ministry, said" or
        // "a spokesman for Ukraine's SBU security service, Artem Dekhtyarenko, said"
        boolean complete = c.speaker() != null && !c.name().equals(c.speaker());
        if (!complete && primary + 1 < segments.size()) {
            int[] second = trim(tokens, segments.get(primary + 1));
            if (second[0] < second[1]
                    && second[1] - second[0] <= 12
                    && !WordList.PREPOSITION.contains(tokens.get(second[0]).lower())
                    && !frontedTime(tokens, second)) {
                Claimant other = resolve(s, second[0], second[1]);
                if (other != null) {
                    boolean cPerson = c.speaker() != null && c.name().equals(c.speaker());
                    boolean otherPerson =
                            other.speaker() != null && other.name().equals(other.speaker());
                    if (cPerson && !otherPerson && !startsClauseVerb(tokens, second)) {
                        return new Claimant(other.name(), other.type(), c.speaker(), other.key(), false, other.head());
                    }
                    if (otherPerson && !cPerson && c.speaker() == null) {
                        return new Claimant(c.name(), c.type(), other.speaker(), c.key(), false, c.head());
                    }
                }
            }
        }
        return c;
    }

    /**
     * The opening quote mark of a closing one {@code k} around a few words quoted inside a clause ("X, who called it an attack with a \"smell
     * of terror\", had put the toll at six"): the opening mark follows a word of a relative clause set off by a
     * comma, or the name of a title after "the", so the words are a phrase quoted inside the subject, not a
     * quotation whose speaker comes after it; -1 for any other quote mark.
     */
    private static int quotedWords(List<Token> tokens, int k, int from) {
        for (int j = k - 1; j > from && j >= k - 6; j--) {
            Token t = tokens.get(j);
            if (t.is("\u201C") || t.is("\"")) {
                if (j == k - 1 || !tokens.get(j - 1).isWord()) {
                    return -1;
                }
                if (tokens.get(j - 1).is("the") && tokens.get(j + 1).isCapitalized()) {
                    return j; // "Correspondents for the \"Political Process Bulletin\", published by X, speak of": a
                    // title
                }
                int clause = j - 1;
                while (clause > from && !tokens.get(clause - 1).is(",")) {
                    clause--;
                }
                return clause > from && startsRelative(tokens, clause) ? j : -1;
            }
            if (t.isPunct()) {
                return -1;
            }
        }
        return -1;
    }

    /**
     * A quote mark next to a parenthesis: a name and its translation ("\"Vigia Civica\" (\"Civic Watch\"), a network of
     * ..., said"), not the end of a quotation before its speaker.
     */
    private static boolean aroundAlias(List<Token> tokens, int k) {
        return (k + 1 < tokens.size()
                        && (tokens.get(k + 1).is("(") || tokens.get(k + 1).is(")")))
                || (k > 0 && tokens.get(k - 1).is("("));
    }

    /** A lower-case word in "-ing" opening a phrase: "flying back from ...", "citing a statement". */
    private static boolean isParticiple(Token t) {
        String w = t.lower();
        return t.isWord() && !t.isCapitalized() && w.length() > 4 && w.endsWith("ing");
    }

    /**
     * "Police described the dead as suspects and said", "Edet confirmed the attack to AFP and said": when the
     * speech verb is the second of two coordinated verbs, the tokens before the first verb (a past tense in
     * "-ed" or a speech verb), or null when the segment has no such shape.
     */
    private static int[] coordinatedSubject(List<Token> tokens, int[] segment, int verb) {
        if (verb < 1 || !tokens.get(verb - 1).is("and")) {
            return null;
        }
        int from = segment[0];
        while (from < verb && (tokens.get(from).isPunct() || tokens.get(from).is("and"))) {
            from++;
        }
        for (int k = from + 1; k < verb - 1; k++) {
            Token t = tokens.get(k);
            String w = t.lower();
            if (t.isWord() && !t.isCapitalized() && (w.endsWith("ed") || WordList.SPEECH_VERB.contains(w))) {
                return new int[] {from, k};
            }
        }
        return null;
    }

    private static int[] trim(List<Token> tokens, int[] seg) {
        int a = seg[0];
        int b = seg[1];
        while (a < b
                && (tokens.get(a).isPunct()
                        || tokens.get(a).is("and")
                        || tokens.get(a).is("but"))) {
            a++;
        }
        while (b > a && tokens.get(b - 1).isPunct()) {
            b--;
        }
        return new int[] {a, b};
    }

    private static boolean startsClauseVerb(List<Token> tokens, int[] seg) {
        for (int i = seg[0]; i < seg[1]; i++) {
            String w = tokens.get(i).lower();
            if (w.endsWith("ed") && !tokens.get(i).isCapitalized() && i > seg[0] + 1) {
                return true;
            }
        }
        return false;
    }

    /**
     * "The Azawad Liberation Front (FLA), a coalition of mainly Tuareg separatist groups, said", "The city
     * hospital, one of the last still working, told AFP": when the phrase next to the verb only describes ("a", "an"
     * or "one of" and a common noun) and the phrase before it names a body that speaks for itself (no person),
     * the named one speaks. (A person followed by a role, "Ali Hassan, a resident, said", keeps its role as the
     * source; that is handled by the caller.)
     */
    private Claimant namedBeforeDescription(SentenceInfo s, List<int[]> segments, int primary) {
        List<Token> tokens = s.sentence.tokens();
        int[] description = trim(tokens, segments.get(primary));
        if (primary + 1 >= segments.size() || description[1] - description[0] < 2) {
            return null;
        }
        String first = tokens.get(description[0]).lower();
        boolean describes = (first.equals("a")
                        || first.equals("an")
                        || (first.equals("one")
                                && tokens.get(description[0] + 1).is("of")))
                && !tokens.get(description[0] + 1).isCapitalized();
        if (!describes) {
            return null;
        }
        int[] name = trim(tokens, segments.get(primary + 1));
        Claimant body = bodyDescribed(s, segments, primary, name);
        if (body != null) {
            return body;
        }
        int quoted = name[0];
        while (quoted < name[1] && tokens.get(quoted).isPunct()) {
            quoted++; // a name in quotes: "\"Vigia Civica\" (\"Civic Watch\"), a network of ..."
        }
        if (quoted < name[1] && properName(tokens, quoted, name[1]) && describesABody(tokens, description)) {
            // "Vigia Civica, a network of election monitors, puts the toll at 11": a name a coalition, network or
            // group goes by is no person's, whatever its capitals look like, and the body speaks in its own name
            Claimant named = resolve(s, name[0], name[1]);
            String own = cleanRoleCached(text.substring(
                    tokens.get(quoted).start(), tokens.get(name[1] - 1).end()));
            if ((named == null || named.speaker() != null) && own != null) {
                Claimant described = resolve(s, description[0], description[1]);
                SourceType type = described == null ? SourceType.OTHER : described.type();
                return new Claimant(own, type, null, norm(own), false, head(own));
            }
        }
        if (name[0] >= name[1]
                || !tokens.get(name[0]).isCapitalized()
                || WordList.PREPOSITION.contains(tokens.get(name[0]).lower())) {
            return null; // "..., killing nine civilians, a provincial spokesman said": no name before the description
        }
        Claimant c = resolve(s, name[0], name[1]);
        if (c != null && c.generic() && c.speaker() == null && c.type() != SourceType.OTHER) {
            // "A resident of the village, a hamlet on the edge of the park, confirmed": the description is of the
            // place, and the known kind of source before it speaks
            Claimant described = resolve(s, description[0], description[1]);
            if (described == null || described.type() == SourceType.OTHER) {
                return c;
            }
        }
        // Only a body speaking for itself: a person ("Major Ali Hassan, a police officer, said") keeps the caller's
        // role-and-speaker reading.
        return c == null || c.speaker() != null || c.generic() ? null : c;
    }

    /**
     * Tokens that only name: capitalised words, quotes and parentheses, and the short lower-case particles inside
     * names ("Centre for Public Integrity", "Sala da Paz"); "At least 12 people were killed" is no name.
     */
    private static boolean properName(List<Token> tokens, int from, int to) {
        if (to - from > 10 || !tokens.get(from).isCapitalized()) {
            return false;
        }
        for (int k = from + 1; k < to; k++) {
            Token t = tokens.get(k);
            if (!(t.isPunct() || t.isCapitalized() || (t.isWord() && t.lower().length() <= 3))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether a description ("a coalition of election observation bodies", "a Paris-based rights group") is headed by
     * a noun of a body: the word before its first preposition, or its last word when it has none.
     */
    private static boolean describesABody(List<Token> tokens, int[] description) {
        int end = description[1];
        for (int k = description[0] + 1; k < description[1]; k++) {
            if (WordList.PREPOSITION.contains(tokens.get(k).lower())) {
                end = k;
                break;
            }
        }
        return end - 1 > description[0]
                && WordList.BODY_NOUN.contains(tokens.get(end - 1).lower());
    }

    /**
     * "X, a spokesman for the Kestrel Front, a splinter of the Northern Brigades, said" or "X, who described himself as
     * a spokesman for the Front, a splinter of ..., said": the description is of the body named last before it (after
     * "for"), not of the speaker, and that body is the source, with the person before it speaking for it. Null when
     * the phrase before the description names no body after "for".
     */
    private Claimant bodyDescribed(SentenceInfo s, List<int[]> segments, int primary, int[] role) {
        List<Token> tokens = s.sentence.tokens();
        if (role[1] - role[0] < 3 || tokens.get(role[0]).isCapitalized()) {
            return null; // a name of its own before the description: the caller's reading
        }
        int forAt = -1;
        for (int k = role[1] - 2; k > role[0]; k--) {
            if (tokens.get(k).is("for")) {
                forAt = k;
                break;
            }
        }
        if (forAt < 0 || !hasProperName(s, forAt + 1, role[1])) {
            return null;
        }
        Claimant org = resolve(s, forAt + 1, role[1]);
        if (org == null
                || org.generic()
                || (org.speaker() != null && !org.speaker().equals(org.name()))) {
            // a bare name ("a spokesman for Kestrelmir") resolves like a person's, its own speaker: after "for" it is
            // the body spoken for; a role with another speaker in it is not a body
            return null;
        }
        String speaker = null;
        if (primary + 2 < segments.size()) {
            int[] person = trim(tokens, segments.get(primary + 2));
            Claimant p = person[0] < person[1] ? resolve(s, person[0], person[1]) : null;
            if (p != null && p.speaker() != null) {
                speaker = p.speaker();
            }
        }
        return new Claimant(org.name(), org.type(), speaker, org.key(), false, org.head());
    }

    /**
     * "On Monday the Interior Ministry", "In July the army": a day or month fronted without a comma before the subject;
     * the token where the subject starts, or -1.
     */
    private static int afterFrontedDay(List<Token> tokens, int[] seg) {
        int at = seg[0];
        if (at + 1 < seg[1] && WordList.SENTENCE_ADVERB.contains(tokens.get(at).lower())) {
            at++; // "Earlier on Monday the Ombudsman's Office had confirmed"
            if (!(tokens.get(at).is("on") || tokens.get(at).is("in"))
                    && (tokens.get(at).is("the")
                            || WordList.SOURCE_START.contains(tokens.get(at).lower()))) {
                return at; // "Earlier police had given a toll", "Later the army said"
            }
        }
        if (seg[1] - at < 4 || !(tokens.get(at).is("on") || tokens.get(at).is("in"))) {
            return -1;
        }
        for (int k = at + 1; k < Math.min(seg[1], at + 4); k++) {
            if (tokens.get(k).is("the")) {
                return k > at + 1 && k < seg[1] - 1 ? k : -1;
            }
            if (k > at + 1 && WordList.SOURCE_START.contains(tokens.get(k).lower())) {
                return k; // "On Thursday police had given a toll": a bare plural source after the day
            }
            if (!WordList.DAY_WORD.contains(tokens.get(k).lower())) {
                return -1;
            }
        }
        return -1;
    }

    /**
     * A "that" opening a relative clause on the noun before it ("a village that draws visitors"), not the
     * complement of a speech verb ("said that") nor a clause after a comma.
     */
    private static boolean relativeThat(List<Token> tokens, int k, int from) {
        if (!tokens.get(k).is("that") || k - 1 < from || k + 1 >= tokens.size()) {
            return false;
        }
        Token before = tokens.get(k - 1);
        Token after = tokens.get(k + 1);
        return before.isWord()
                && !WordList.SPEECH_VERB.contains(before.lower())
                && !before.lower().endsWith("ed") // "confirmed that", "denied that": a verb, no noun
                && after.isWord()
                && !after.isCapitalized()
                && !WordList.DETERMINER.contains(after.lower())
                && !WordList.PRONOUN.contains(after.lower());
    }

    /**
     * The pronoun that ends a segment opening with a preposition, followed by nothing but auxiliaries and adverbs
     * ("At an earlier news conference he had", "In a televised address she"), or -1.
     */
    private static int pronounAfterFrontedPhrase(List<Token> tokens, int[] seg) {
        for (int k = seg[1] - 1; k > seg[0] + 1; k--) {
            String w = tokens.get(k).lower();
            if (w.equals("he") || w.equals("she") || w.equals("they")) {
                return k;
            }
            if (!WordList.LATE.contains(w)) {
                return -1;
            }
        }
        return -1;
    }

    /** "Initial reports", "unconfirmed reports", "preliminary estimates": reports with no one making them. */
    private static boolean sourcelessReports(List<Token> tokens, int from, int to) {
        if (!tokens.get(to - 1).lower().endsWith("s")) {
            return false;
        }
        for (int k = from; k < to; k++) {
            if (!WordList.SOURCELESS_REPORT.contains(tokens.get(k).lower())) {
                return false;
            }
        }
        return true;
    }

    /** "had", "had earlier", "has also": a segment of auxiliaries and adverbs only, no noun group. */
    /** "80 kilometres away", "some 50 km to the north": a distance set off by commas. */
    private static boolean distanceAway(List<Token> tokens, int[] seg) {
        int k = seg[0];
        if (k + 2 < seg[1] && WordList.APPROXIMATION.contains(tokens.get(k).lower())) {
            k++;
        }
        return k + 1 < seg[1]
                && tokens.get(k).isNumber()
                && WordList.DISTANCE_UNIT.contains(tokens.get(k + 1).lower());
    }

    private static boolean onlyAuxiliary(List<Token> tokens, int[] seg) {
        for (int k = seg[0]; k < seg[1]; k++) {
            String w = tokens.get(k).lower();
            if (!WordList.LATE.contains(w) && !WordList.DETERMINER.contains(w)) {
                return false;
            }
        }
        return true;
    }

    /**
     * "Earlier in the day", "Later on Monday", "Earlier that day": a segment set off by a comma that opens with a
     * sentence adverb and goes on only with lower-case words and days, a time phrase naming nobody.
     */
    private static boolean frontedTime(List<Token> tokens, int[] seg) {
        if (seg[0] >= seg[1]
                || !WordList.SENTENCE_ADVERB.contains(tokens.get(seg[0]).lower())) {
            return false;
        }
        if (seg[0] + 1 < seg[1]
                && (tokens.get(seg[0] + 1).is("the")
                        || WordList.SOURCE_START.contains(tokens.get(seg[0] + 1).lower()))) {
            return false; // "Earlier police had given a toll": the subject follows the adverb with no comma
        }
        for (int k = seg[0] + 1; k < seg[1]; k++) {
            Token t = tokens.get(k);
            if (t.isCapitalized() && !WordList.DAY_WORD.contains(t.lower())) {
                return false;
            }
        }
        return true;
    }

    private static boolean startsRelative(List<Token> tokens, int at) {
        String w = tokens.get(at).lower();
        return w.equals("who") || w.equals("which") || w.equals("whose") || w.equals("where");
    }

    private static boolean startsHeads(List<Token> tokens, int at) {
        return at + 1 < tokens.size()
                && tokens.get(at).is("who")
                && (tokens.get(at + 1).is("heads")
                        || tokens.get(at + 1).is("leads")
                        || tokens.get(at + 1).is("runs")
                        || tokens.get(at + 1).is("sits"));
    }

    /** The kinds of outlet a source's name describes ("official news agency X": "state media"), by the lexicon. */
    java.util.Set<String> outletKinds(String name) {
        return rules.sources.describedKinds(name, SourceType.MEDIA, facts.mainCountry());
    }

    /**
     * The words of a noun group that make it long, articles aside: "Brigadier General X Y Z of the information team at
     * the Office of the Commander-in-Chief" is one officer and his office, as long as a clause in words but not in
     * names.
     */
    private static int nameWords(List<Token> tokens, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            Token t = tokens.get(i);
            if (!(t.is("the") || t.is("a") || t.is("an"))) {
                n++;
            }
        }
        return n;
    }

    /** Resolves the noun group tokens[from, to) to a source. */
    /**
     * A determiner that opens a speaker described after "said": "said the police chief", "said a local official",
     * "said another militia member, X".
     */
    private static boolean describedAfter(Token t) {
        return t.is("the") || t.is("a") || t.is("an") || t.is("another");
    }

    Claimant resolve(SentenceInfo s, int from, int to) {
        List<Token> tokens = s.sentence.tokens();
        // trim quotes, determiners at the front and time phrases at the end
        while (from < to
                && (tokens.get(from).isPunct()
                        || WordList.DETERMINER.contains(tokens.get(from).lower()))) {
            from++;
        }
        while (to > from
                && (tokens.get(to - 1).isPunct()
                        || WordList.LATE.contains(tokens.get(to - 1).lower()))) {
            to--;
        }
        for (int i = from + 1; i < to; i++) {
            String w = tokens.get(i).lower();
            if (w.equals("involved")
                    || w.equals("who")
                    || w.equals("which")
                    || w.equals("speaking")
                    || w.equals("whose")
                    || w.equals("that")) {
                // "An official of the Borno state government involved in airlifting the wounded", "a leader of the
                // militia that assists the military": the relative clause names someone else
                to = i;
                break;
            }
        }
        while (to > from
                && (tokens.get(to - 1).isPunct()
                        || WordList.LATE.contains(tokens.get(to - 1).lower()))) {
            to--;
        }
        if (from >= to || nameWords(tokens, from, to) > 14 || sourcelessReports(tokens, from, to)) {
            return null;
        }
        for (int i = from; i < to; i++) {
            if (WordList.AUXILIARY.contains(tokens.get(i).lower())) {
                return null; // a clause, not a name
            }
        }
        for (int i = from; i < to; i++) {
            Token t = tokens.get(i);
            if (t.isNumber() || rules.casualties == null) {
                return null;
            }
            String w = t.lower();
            if (w.equals("killed")
                    || w.equals("dead")
                    || w.equals("died")
                    || w.equals("wounded")
                    || w.equals("attack")
                    || w.equals("strike")
                    || w.equals("strikes")) {
                if (!(i > from && tokens.get(i - 1).is("the"))) {
                    return null;
                }
            }
        }
        // a list of sources ("two residents and a health worker said", "police and the militants said"): the
        // claim is the first one's when it is a known kind of source, else nobody's in particular
        for (int i = from; i < to; i++) {
            boolean list = tokens.get(i).is("and")
                    && i > from
                    && i + 1 < to
                    && ((!tokens.get(i + 1).isCapitalized()
                                    && !tokens.get(i - 1).isCapitalized())
                            || tokens.get(i + 1).is("the")
                            || tokens.get(i + 1).is("local")
                            || tokens.get(i + 1).is("aid"));
            if (list
                    && i - from == 1
                    && to - i == 3
                    && (from == 0 || !tokens.get(from).isCapitalized())
                    && !tokens.get(from).lower().endsWith("s")
                    && WordList.SHARED_SOURCE_HEAD.contains(tokens.get(to - 1).lower())) {
                // "police and medical sources": one head both words modify, so the pair speaks as one source (a
                // plural noun first is a source of its own: "locals and military sources" are two)
                Claimant rest = resolve(s, i + 1, to);
                String name = text.substring(
                        tokens.get(from).start(), tokens.get(to - 1).end());
                return new Claimant(
                        name, rest == null ? SourceType.OTHER : rest.type(), null, norm(name), true, head(name));
            }
            if (list) {
                Claimant first = i - from <= 4 ? resolve(s, from, i) : null;
                Claimant rest = first == null ? null : resolve(s, i + 1, to);
                boolean sameKind = first != null
                        && LIST_HEADS.contains(first.type())
                        && (rest == null || LIST_HEADS.contains(rest.type()) || rest.type() == SourceType.OTHER);
                // "members of the group and a rescue worker said": people of no known kind whom a witness or medic
                // backs tell the toll, filed under them as the report names them first
                boolean backed = first != null
                        && rest != null
                        && first.type() == SourceType.OTHER
                        && first.generic()
                        && LIST_HEADS.contains(rest.type());
                // "the Prosecutor General's Office and the Interior Ministry said in a joint statement": two
                // named bodies speak together, and the claim is filed under the first
                boolean jointNamed = first != null
                        && rest != null
                        && !first.generic()
                        && !rest.generic()
                        && tokens.get(i + 1 < to && tokens.get(i + 1).is("the") ? i + 2 : i + 1)
                                .isCapitalized()
                        && tokens.get(from).isCapitalized();
                // "the police and the provincial government had reported": two offices of the same state give
                // one figure together, filed under the first (two sides, "police and the militants", are nobody's)
                boolean jointOffice = first != null && rest != null && isOffice(first.type()) && isOffice(rest.type());
                return sameKind || backed || jointNamed || jointOffice ? first : null;
            }
        }
        int start = tokens.get(from).start();
        int end = tokens.get(to - 1).end();
        String phrase = text.substring(start, end);
        String lower = phrase.toLowerCase(Locale.ROOT);
        if (to - from == 1 && WordList.PRONOUN.contains(lower)) {
            return anaphor(lower, s);
        }
        if (lower.equals("nobody") || lower.equals("no one") || lower.startsWith("according")) {
            return null;
        }
        if (from > 0
                && (tokens.get(from - 1).is("its") || tokens.get(from - 1).is("their"))
                && WordList.OWN_DOCUMENT.contains(tokens.get(to - 1).lower())) {
            // "Its first statement said", "their latest count put": the statement of the source named before
            return anaphor("it", s);
        }
        String person = personName(tokens, from, to, s);
        Optional<SourceMention> known =
                resolved.computeIfAbsent(phrase, k -> rules.sources.resolve(k, facts.mainCountry()));
        if (tokens.get(from).is("the") || from > 0 && tokens.get(from - 1).is("the")) {
            Claimant c = definite(tokens, from, to, s);
            if (c != null && !namesAnother(known, c)) {
                return c;
            }
        }
        if (known.isPresent()) {
            SourceMention m = known.get();
            String surface = orgPart(tokens, from, to, person);
            Claimant c = fromSource(m, person, surface);
            String name = demonymForm(s, roleLast(c.name()));
            if (!name.equals(c.name())) {
                c = new Claimant(name, c.type(), c.speaker(), c.key(), c.generic(), c.head());
            }
            if (!c.generic()
                    && person == null
                    && !hasProperName(s, from, to)
                    && !m.canonicalName().chars().anyMatch(Character::isUpperCase)) {
                // "Local pro-democracy activists", "a Sudanese medical group": capitals of a sentence start or
                // a nationality make no name
                c = new Claimant(c.name(), c.type(), null, c.key(), true, c.head());
            }
            return c;
        }
        if (person != null) {
            // a bare surname refers to someone named before: "Hussein said ..."
            for (int i = history.size() - 1; i >= 0; i--) {
                Claimant h = history.get(i);
                if (h.speaker() != null
                        && h.speaker().endsWith(person)
                        && !h.speaker().equals(person)) {
                    return h;
                }
            }
            String org = orgPart(tokens, from, to, person);
            if (org != null && WordList.ROLE_ONLY.contains(org.toLowerCase(Locale.ROOT))) {
                // "spokesman Sean Ryan told AFP": the spokesman of the source named just before
                for (int i = history.size() - 1; i >= 0; i--) {
                    Claimant h = history.get(i);
                    if (!h.generic() && h.type() != SourceType.OTHER) {
                        return new Claimant(h.name(), h.type(), person, h.key(), false, h.head());
                    }
                }
            }
            if (org != null && !org.equals(person)) {
                return new Claimant(org, SourceType.OTHER, person, norm(org), false, head(org));
            }
            for (Claimant h : history) {
                if (person.equals(h.speaker())) {
                    return h;
                }
            }
            return new Claimant(person, SourceType.OTHER, person, norm(person), false, head(person));
        }
        String name = orgPart(tokens, from, to, null);
        if (name == null) {
            return null;
        }
        return new Claimant(name, SourceType.OTHER, null, norm(name), !hasProperName(s, from, to), head(name));
    }

    /** Whether the noun group has a capitalised word that is neither the sentence's first word nor a nationality. */
    /**
     * "the UN refugee agency said" after "the UN peacekeeping mission said": a description whose own capitalised words
     * name a source the lexicon knows is that source, not the last one with the same head noun.
     */
    private static boolean namesAnother(Optional<SourceMention> known, Claimant c) {
        if (known.isEmpty()) {
            return false;
        }
        SourceMention m = known.get();
        return m.surface().chars().anyMatch(Character::isUpperCase)
                && m.canonicalName().chars().anyMatch(Character::isUpperCase)
                && !norm(m.canonicalName()).equals(c.key());
    }

    private static boolean hasProperName(SentenceInfo s, int from, int to) {
        List<Token> tokens = s.sentence.tokens();
        for (int i = Math.max(from, 1); i < to; i++) {
            Token t = tokens.get(i);
            if (!t.isWord() || !t.isCapitalized()) {
                continue;
            }
            boolean nationality = s.allPlaces.stream()
                    .anyMatch(g -> g.start() <= t.start()
                            && t.end() <= g.end()
                            && (g.kind() == org.wirewatch.extract.geo.GeoKind.DEMONYM
                                    || g.kind() == org.wirewatch.extract.geo.GeoKind.COUNTRY));
            if (!nationality) {
                return true;
            }
        }
        return false;
    }

    /**
     * "Venezuela's armed forces" is named "Venezuelan armed forces": a state's forces or one of its offices keep one
     * form of their name whether the report puts the country before them as a possessive or as an adjective (a
     * company the state owns, "Ukraine's state railway company", is named as the report has it).
     */
    private String demonymForm(SentenceInfo s, String surface) {
        String last = head(surface);
        if (!WordList.INSTITUTION.contains(last)
                && !org.wirewatch.extract.lexicon.Sources.speakingBody(last)
                && !last.equals("forces")) {
            return surface;
        }
        int apostrophe = surface.indexOf('\'');
        if (apostrophe < 0) {
            apostrophe = surface.indexOf('\u2019');
        }
        if (apostrophe <= 0 || !surface.startsWith("s ", apostrophe + 1)) {
            return surface;
        }
        String possessor = surface.substring(0, apostrophe);
        for (org.wirewatch.extract.geo.GeoMention g : s.allPlaces) {
            if (g.kind() == org.wirewatch.extract.geo.GeoKind.COUNTRY
                    && g.countryCode() != null
                    && g.surface().equals(possessor)) {
                return rules.sources.adjective(g.countryCode()) + surface.substring(apostrophe + 2);
            }
        }
        return surface;
    }

    /**
     * "an official of the Borno State Government" is named "Borno State Government official": a role of a named body
     * is filed under the body with the role after it, the form analysts give such sources ("Kano hospital director").
     */
    private static String roleLast(String name) {
        int of = name.indexOf(" of ");
        if (of < 0 || !WordList.ROLE_ONLY.contains(name.substring(0, of).toLowerCase(Locale.ROOT))) {
            return name;
        }
        String body = name.substring(of + 4);
        if (body.startsWith("the ")) {
            body = body.substring(4);
        }
        if (body.isEmpty()
                || !Character.isUpperCase(body.charAt(0))
                || body.contains(" of ")
                || body.contains(" in ")
                || body.contains(" for ")
                || body.contains(" at ")) {
            return name;
        }
        return body + " " + name.substring(0, of);
    }

    private Claimant fromSource(SourceMention m, String person, String surface) {
        boolean named = m.canonicalName().chars().anyMatch(Character::isUpperCase);
        String surfaceHead = surface == null ? "" : head(surface);
        if (named
                && WordList.INSTITUTION.contains(surfaceHead)
                && !norm(m.canonicalName()).contains(surfaceHead)) {
            // "Russia's Defence Ministry" is the ministry, not the forces the actor lexicon names
            named = false;
        }
        if (named) {
            // The key stays canonical, so two wordings of one source are still one source; the name is the
            // report's own when its words say more than the lexicon entry ("Lebanese army source" and "Burkina Faso
            // army" are narrower than "Lebanese military" and "Burkinabe military").
            String name = saysMore(surface, m) || namesOneOfSeveral(surface, m) ? surface : m.canonicalName();
            return new Claimant(name, m.type(), person, norm(m.canonicalName()), false, head(m.canonicalName()));
        }
        String name = surface == null || surface.isBlank() ? m.canonicalName() : surface;
        boolean generic = person == null && (surface == null || surface.chars().noneMatch(Character::isUpperCase));
        return new Claimant(name, m.type(), person, norm(name), generic, head(name));
    }

    /**
     * Whether the report's phrase for a source holds the lexicon's match and a word its canonical name lacks
     * (roles such as "spokesman" aside: "Taliban spokesman" is the Taliban). A phrase without the match is a
     * description beside it ("al Shabaab's spokesman for military operations"), never a better name.
     */
    private static boolean saysMore(String surface, SourceMention m) {
        boolean holdsMatch = surface != null && (" " + norm(surface) + " ").contains(" " + norm(m.surface()) + " ");
        if (!holdsMatch || m.type() == SourceType.MONITOR && m.surface().chars().noneMatch(Character::isUpperCase)) {
            // "a war monitor" that the report's country resolves to a named monitor (roles.tsv) is a description
            // of that monitor, never a narrower name for it
            return false;
        }
        String[] words = norm(surface).split(" ");
        if (words.length < 2) {
            return false; // "the army": the canonical name says whose
        }
        String known = " " + norm(m.canonicalName()) + " ";
        for (String w : words) {
            boolean role = WordList.ROLE_ONLY.contains(w) || w.equals("statement");
            if (w.length() > 1 && !known.contains(" " + w + " ") && !role) {
                return true;
            }
        }
        return false;
    }

    /**
     * "the CRPF said" where the lexicon files the CRPF, the BSF and the Assam Rifles under "Indian security forces":
     * a collective name for several bodies is wider than the one body that spoke, so the report's name of it stays.
     */
    private static boolean namesOneOfSeveral(String surface, SourceMention m) {
        String canonical = norm(m.canonicalName());
        return surface != null
                && canonical.endsWith(" forces")
                && m.surface().chars().anyMatch(Character::isUpperCase)
                && norm(surface).equals(norm(m.surface()))
                && !canonical.contains(norm(m.surface()));
    }

    /** "the monitor", "the ministry", "the Peshawar official", "the paramilitary group": an earlier source. */
    private Claimant definite(List<Token> tokens, int from, int to, SentenceInfo s) {
        String head = tokens.get(to - 1).lower();
        if (to - from > 3 || tokens.get(to - 1).isCapitalized()) {
            return null; // "the outlawed Tehreek-i-Taliban Pakistan" is a name, not a description
        }
        for (int i = history.size() - 1; i >= 0; i--) {
            Claimant h = history.get(i);
            if ((" " + norm(h.name()) + " ").contains(" " + head + " ")) {
                return h;
            }
        }
        for (int i = cited.size() - 1; i >= 0; i--) {
            Claimant h = cited.get(i);
            if ((" " + norm(h.name()) + " ").contains(" " + head + " ")) {
                return h;
            }
        }
        for (int k = from; k < to - 1; k++) {
            if (tokens.get(k).lower().endsWith("-based")) {
                // "the Britain-based group", "the New York-based watchdog": where it sits describes a monitor or an
                // aid or rights body named before, never the armed group of the incident
                for (int i = history.size() - 1; i >= 0; i--) {
                    Claimant h = history.get(i);
                    if (!h.generic() && (h.type() == SourceType.MONITOR || h.type() == SourceType.UN_NGO)) {
                        return h;
                    }
                }
                return null;
            }
        }
        if (head.equals("group")
                || head.equals("militants")
                || head.equals("paramilitaries")
                || head.equals("rebels")
                || head.equals("insurgents")
                || head.equals("movement")
                || head.equals("militia")
                || head.equals("jihadists")) {
            Frame f = drafts.frameOf(s);
            if (f != null) {
                for (SentenceInfo m : f.members) {
                    for (ActorMention a : m.actors) {
                        if (!a.generic()) {
                            return new Claimant(
                                    a.canonicalName(),
                                    SourceType.BELLIGERENT,
                                    null,
                                    norm(a.canonicalName()),
                                    false,
                                    head(a.canonicalName()));
                        }
                    }
                }
            }
        }
        if (head.equals("monitor") || head.equals("observatory")) {
            for (int i = history.size() - 1; i >= 0; i--) {
                if (history.get(i).type() == SourceType.MONITOR) {
                    return history.get(i);
                }
            }
        }
        if (head.equals("spokesman")
                || head.equals("official")
                || head.equals("resident")
                || head.equals("agency")
                || head.equals("statement")
                || head.equals("ministry")) {
            for (int i = history.size() - 1; i >= 0; i--) {
                Claimant h = history.get(i);
                if (h.speaker() != null
                        || head.equals("agency")
                        || head.equals("statement")
                        || head.equals("ministry")) {
                    if (!h.generic()) {
                        return h;
                    }
                }
            }
        }
        return null;
    }

    private Claimant anaphor(String pronoun, SentenceInfo s) {
        for (int i = history.size() - 1; i >= 0; i--) {
            Claimant h = history.get(i);
            boolean personal = pronoun.equals("he") || pronoun.equals("she");
            if (personal && h.speaker() == null && h.generic() && pluralHead(h.head())) {
                continue; // "Other witnesses said ... , he said": several people are never "he"
            }
            if (!personal || h.speaker() != null || h.type() != SourceType.OTHER) {
                return h;
            }
        }
        return null;
    }

    /** "witnesses", "officials", "sources": a head naming several people ("police" is named by its institution). */
    private static boolean pluralHead(String head) {
        return head != null && Token.looksPlural(head);
    }

    /** A personal name in the noun group: two or more capitalised words that name no place or organisation. */
    private String personName(List<Token> tokens, int from, int to, SentenceInfo s) {
        int best = -1;
        int bestLen = 0;
        int i = from;
        while (i < to) {
            int j = i;
            while (j < to
                    && tokens.get(j).isWord()
                    && tokens.get(j).isCapitalized()
                    && !WordList.TITLE.contains(tokens.get(j).lower())
                    && !tokens.get(j).text().endsWith(".")
                    && !isSentenceAdverb(tokens, j)) {
                j++;
            }
            if (j > i) {
                if (j - i > bestLen
                        && !namesPartyOrPlace(
                                s, tokens.get(i).start(), tokens.get(j - 1).end())) {
                    best = i;
                    bestLen = j - i;
                }
                i = j;
            } else {
                i++;
            }
        }
        if (best < 0) {
            return null;
        }
        if (bestLen == 1) {
            // a lone capitalised word is a surname only when it ends the group and nothing but titles comes
            // before it ("Mora said", "Mr Shehu said", "Colonel Badjeck said")
            if (best + 1 != to || !onlyTitles(tokens, from, best)) {
                return null;
            }
        }
        if (best > 0 && tokens.get(best - 1).is("the")) {
            return null;
        }
        if (best > from && WordList.ORG_JOINER.contains(tokens.get(best - 1).lower())) {
            return null; // "Kenya National Commission on Human Rights": the end of a body's name, not a person
        }
        return text.substring(
                tokens.get(best).start(), tokens.get(best + bestLen - 1).end());
    }

    private static boolean onlyTitles(List<Token> tokens, int from, int to) {
        for (int k = from; k < to; k++) {
            if (!WordList.TITLE.contains(tokens.get(k).lower())) {
                return false;
            }
        }
        return true;
    }

    /** "Elsewhere," or "Separately," opening a sentence: an adverb, not a name. */
    private static boolean isSentenceAdverb(List<Token> tokens, int i) {
        String w = tokens.get(i).lower();
        return i == 0
                && (WordList.SENTENCE_ADVERB.contains(w) || w.endsWith("ly"))
                && i + 1 < tokens.size()
                && tokens.get(i + 1).is(",");
    }

    private boolean namesPartyOrPlace(SentenceInfo s, int start, int end) {
        for (SourceMention m : s.sources) {
            if (m.start() < end && start < m.end()) {
                return true;
            }
        }
        for (ActorMention m : s.actors) {
            if (m.start() < end && start < m.end()) {
                return true;
            }
        }
        for (org.wirewatch.extract.geo.GeoMention g : s.places) {
            if (g.start() < end && start < g.end()) {
                return true;
            }
        }
        String w = text.substring(start, end).toLowerCase(Locale.ROOT);
        return w.contains("ministry")
                || w.contains("committee")
                || w.contains("network")
                || w.contains("council")
                || w.contains("hospital")
                || w.contains("forces")
                || w.contains("agency")
                || w.contains("office")
                || w.contains("service")
                || w.contains("organization")
                || w.contains("organisation")
                || w.contains("army")
                || w.contains("police")
                || w.contains("nations")
                || w.contains("resistance")
                || w.contains("doctors")
                || w.contains("railway");
    }

    /**
     * The organisation in a role phrase: "spokesman for the public health ministry" gives "public health ministry",
     * "Interior ministry spokesman Zemarai Bashary" gives "Interior ministry", "a senior police officer" stays.
     */
    private String orgPart(List<Token> tokens, int from, int to, String person) {
        int f = from;
        int t = to;
        if (person != null) {
            String all =
                    text.substring(tokens.get(from).start(), tokens.get(to - 1).end());
            int at = all.indexOf(person);
            String rest = at < 0 ? all : (all.substring(0, at) + " " + all.substring(at + person.length())).strip();
            rest = trimCommas(withoutLeadingRank(rest));
            if (rest.isEmpty()) {
                return person;
            }
            return cleanRoleCached(rest);
        }
        return cleanRoleCached(
                text.substring(tokens.get(f).start(), tokens.get(t - 1).end()));
    }

    /**
     * "Major   of the army's press office" left when the name is cut out of "Major X of the army's press office": the
     * rank before the name and the preposition after it tie the person to the body, they are no part of its name.
     */
    private static String withoutLeadingRank(String rest) {
        String[] words = WHITESPACE.split(rest.strip());
        int k = 0;
        while (k < words.length && WordList.TITLE.contains(words[k].toLowerCase(Locale.ROOT))) {
            k++;
        }
        if (k > 0 && k < words.length && (words[k].equals("of") || words[k].equals("at") || words[k].equals("from"))) {
            k++;
            if (k < words.length && words[k].equals("the")) {
                k++;
            }
            return String.join(" ", java.util.Arrays.asList(words).subList(k, words.length));
        }
        if (k == 0 && words.length > 1 && (words[0].equals("of") || words[0].equals("at"))) {
            int from = words[1].equals("the") ? 2 : 1;
            return String.join(" ", java.util.Arrays.asList(words).subList(from, words.length));
        }
        return rest;
    }

    /** {@code s} without leading and trailing commas and ASCII white space (the regex class \\s). */
    private static String trimCommas(String s) {
        int from = 0;
        int to = s.length();
        while (from < to && isCommaOrSpace(s.charAt(from))) {
            from++;
        }
        while (to > from && isCommaOrSpace(s.charAt(to - 1))) {
            to--;
        }
        return s.substring(from, to);
    }

    private static boolean isCommaOrSpace(char c) {
        return c == ',' || c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    /** {@link #cleanRole(String)} once per phrase of the report: subjects are resolved again for every cue. */
    private String cleanRoleCached(String phrase) {
        return cleanedRoles
                .computeIfAbsent(phrase, k -> Optional.ofNullable(cleanRole(k)))
                .orElse(null);
    }

    private static String cleanRole(String phrase) {
        String p = phrase.strip();
        String lower = p.toLowerCase(Locale.ROOT);
        String[] roles = {
            "spokesman for the ",
            "spokeswoman for the ",
            "spokesperson for the ",
            "spokesman for ",
            "a spokesman for the ",
            "director-general of the ",
            "director of the ",
            "member of the ",
            "a member of the ",
            "head of the ",
            "chief of the ",
            "commander of the ",
            "chairman of the ",
            "leader of the ",
            "statement from ",
            "a statement from ",
            "the office of the ",
            "office of the ",
            "spokesman of the "
        };
        for (String r : roles) {
            int at = lower.indexOf(r);
            if (at >= 0) {
                p = p.substring(at + r.length());
                lower = p.toLowerCase(Locale.ROOT);
                break;
            }
        }
        String[] suffixes = {" spokesman", " spokeswoman", " spokesperson", " chief", " statement"};
        for (String s : suffixes) {
            String rest = lower.length() > s.length() ? lower.substring(0, lower.length() - s.length()) : "";
            boolean loneAdjective = !rest.contains(" ")
                    && (rest.endsWith("al") || rest.endsWith("an") || rest.endsWith("ese") || rest.endsWith("ary"));
            if (lower.endsWith(s) && lower.length() > s.length() && !loneAdjective) {
                p = p.substring(0, p.length() - s.length());
                lower = p.toLowerCase(Locale.ROOT);
            }
        }
        for (String det : new String[] {"a ", "an ", "the "}) {
            if (lower.startsWith(det)) {
                p = p.substring(det.length());
                lower = p.toLowerCase(Locale.ROOT);
            }
        }
        // the expressions only run when their characters occur: most phrases have neither
        if (p.indexOf('(') >= 0) {
            p = TRAILING_PARENTHESIS.matcher(p).replaceAll("");
        }
        if (p.indexOf('"') >= 0 || p.indexOf('\u201C') >= 0 || p.indexOf('\u201D') >= 0) {
            p = QUOTES.matcher(p).replaceAll("");
        }
        p = p.strip();
        return p.isEmpty() ? null : p;
    }

    /** Lower case, every run of other characters than a-z and 0-9 one space, trimmed (no regex: called often). */
    static String norm(String name) {
        StringBuilder b = new StringBuilder(name.length());
        boolean gap = false;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            char l = c < 128 ? (char) (c >= 'A' && c <= 'Z' ? c + 32 : c) : Character.toLowerCase(c);
            if ((l >= 'a' && l <= 'z') || (l >= '0' && l <= '9')) {
                if (gap && b.length() > 0) {
                    b.append(' ');
                }
                b.append(l);
                gap = false;
            } else {
                gap = true;
            }
        }
        return b.toString();
    }

    private static String head(String name) {
        String n = norm(name);
        int sp = n.lastIndexOf(' ');
        return sp < 0 ? n : n.substring(sp + 1);
    }
}
