package org.wirewatch.extract.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.wirewatch.extract.text.Lexicon;
import org.wirewatch.extract.text.PhraseMatcher;
import org.wirewatch.extract.text.Token;

/**
 * Reads the casualty figures of one sentence: which counts are people killed, injured or abducted, which are
 * totals and which only break a total down, and which counts are no casualties at all (ages, years, rockets,
 * vehicles, prisoners, distances).
 */
public final class CasualtyReader {

    /**
     * A word set for per-token lookups: a HashSet rules most misses out on the hash alone (Set.of probes). Kept
     * unwrapped (private and never changed), so that a lookup is one call; {@link #wordSets()} hands out views.
     */
    private static Set<String> words(String... words) {
        return new java.util.HashSet<>(java.util.Arrays.asList(words));
    }

    private static final Set<String> AUX = words(
            "were",
            "was",
            "had",
            "have",
            "has",
            "been",
            "being",
            "are",
            "is",
            "reportedly",
            "also",
            "all",
            "later",
            "subsequently",
            "allegedly",
            "either",
            "apparently",
            "'",
            "\"",
            "\u2018",
            "\u2019",
            "confirmed",
            // "24 people have now been officially reported killed", "were initially reported killed": reported as
            // what happened to the counted
            "reported",
            "officially",
            "initially",
            "now",
            "feared",
            "believed",
            "thought",
            "to",
            "be",
            "already",
            // degree adverbs between the auxiliary and the verb: "16 others were seriously injured"
            "seriously",
            "critically",
            "badly",
            "severely",
            "slightly",
            "lightly",
            "gravely",
            "mortally",
            "fatally",
            "moderately");
    private static final Set<String> NP_STOP = words(
            "were",
            "was",
            "had",
            "have",
            "has",
            "been",
            "are",
            "is",
            "be",
            "and",
            "or",
            "but",
            "in",
            "on",
            "at",
            "when",
            "after",
            "as",
            "from",
            "by",
            "with",
            "who",
            "whom",
            "which",
            "that",
            "while",
            "to",
            "during",
            "near",
            "since",
            "including",
            "among",
            "for",
            "into",
            "across",
            "inside",
            "before",
            "than",
            "under",
            "over",
            "last",
            "this",
            "said",
            "says",
            "say",
            "reported",
            "told",
            "according",
            "the",
            "a",
            "an",
            "their",
            "his",
            "her",
            "its",
            "will",
            "would",
            "could",
            "may",
            "might",
            "not",
            "did",
            "do",
            "does",
            "then",
            "so",
            "if",
            "because",
            "what",
            "where",
            "there",
            "here",
            "it",
            "they",
            "he",
            "she",
            "we",
            "you",
            "i",
            "died",
            "dead",
            "killed",
            "wounded",
            "injured",
            "hurt");
    private static final Set<String> BREAKDOWN_BEFORE =
            words("including", "included", "includes", "include", "among", "whom", "mostly", "mainly", "incl");
    /** Words that open a clause of its own: a verb after them is not the verb of a count before them. */
    private static final Set<String> CLAUSE_OPENERS = words(
            "where", "when", "who", "whom", "which", "that", "while", "after", "before", "as", "because", "without",
            "they", "he", "she", "it", "we", "saying", "said");

    private static final Set<String> ADDITIVE_BEFORE = words("another", "further", "additional");
    private static final Set<String> ADDITIVE_AFTER = words("more", "further", "other", "others", "additional");
    private static final Set<String> TOLL_WORDS = words("toll", "losses", "number", "figure", "tally", "casualties");
    private static final Set<String> TOLL_LINKS = words("at", "to", "of");
    private static final Set<String> NOT_A_COUNT_BEFORE = words(
            "route",
            "no",
            "no.",
            "number",
            "article",
            "resolution",
            "$",
            "us$",
            "flight",
            "platform",
            "highway",
            "road",
            "page",
            "aged",
            "age",
            "ages",
            "of",
            "paragraph",
            "chapter",
            "phase",
            "district",
            "sector",
            "zone",
            "brigade",
            "division",
            "battalion",
            "unit",
            "camp",
            "block",
            "gate",
            "km",
            "kilometre",
            "mile");
    private static final Set<String> NOT_A_COUNT_AFTER = words(
            "%",
            "gmt",
            "a.m.",
            "p.m.",
            "am",
            "pm",
            "o'clock",
            "-year-old",
            "year-old",
            "years-old",
            "th",
            "st",
            "nd",
            "rd",
            "bc",
            "ad");
    private static final Set<String> MONTHS = words(
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
            "jan",
            "feb",
            "mar",
            "apr",
            "jun",
            "jul",
            "aug",
            "sep",
            "sept",
            "oct",
            "nov",
            "dec");
    private static final Set<String> SINGLE_VICTIM_DET = words("the", "a", "an", "one", "his", "her", "their", "its");
    /** Looked up for every token of every sentence: a HashSet rules misses out on the hash alone. */
    private static final Set<String> KILL_VERBS_SINGLE = words(
            "killed", "killing", "shot", "gunned", "assassinated", "murdered", "beheaded", "executed", "kills", "kill");

    /** Verbs of a wound that may have one victim with no count: "wounding the driver", "his bodyguard was hurt". */
    private static final Set<String> WOUND_VERBS_SINGLE = words("wounding", "injuring", "wounded", "injured", "hurt");
    /** Adverbs between "was" and a wound verb that still leave the victim alive and wounded once. */
    private static final Set<String> WOUND_DEGREE = words(
            "seriously", "critically", "badly", "severely", "slightly", "lightly", "gravely", "also", "reportedly");

    /** Larger numbers are no head count of people hurt (and would overflow a figure). */
    private static final long MAX_COUNT = 10_000_000;

    private final NumberReader numbers;
    private final PhraseMatcher terms;
    private final Lexicon termLexicon;
    private final Lexicon nouns;
    private final Lexicon nonCasualty;
    private final Lexicon ordinals;

    public CasualtyReader(NumberReader numbers, Lexicon terms, Lexicon nouns, Lexicon nonCasualty, Lexicon ordinals) {
        this.numbers = numbers;
        this.termLexicon = terms;
        this.terms = new PhraseMatcher(terms);
        this.nouns = nouns;
        this.nonCasualty = nonCasualty;
        this.ordinals = ordinals;
    }

    public static CasualtyReader load(NumberReader numbers) {
        return new CasualtyReader(
                numbers,
                Lexicon.rules("casualty_terms.tsv"),
                Lexicon.rules("casualty_nouns.tsv"),
                Lexicon.rules("non_casualty_nouns.tsv"),
                Lexicon.rules("ordinals.tsv"));
    }

    /** The noun group after a count. */
    private record NounGroup(int end, String head, boolean ofThem, String ofNoun, boolean more, boolean other) {}

    /**
     * Whether the sentence counts people "killed or wounded" together ("More than 120 have been killed or wounded by
     * mines"): a count of casualties, which {@link #read} leaves out as neither a death toll nor a count of the
     * wounded.
     */
    public boolean countsKilledOrWounded(List<Token> tokens) {
        for (int i = 1; i + 1 < tokens.size(); i++) {
            if (!tokens.get(i).is("or")) {
                continue;
            }
            PhraseMatcher.Match before = terms.matchAt(tokens, i - 1);
            PhraseMatcher.Match after = terms.matchAt(tokens, i + 1);
            if (before == null
                    || after == null
                    || before.to() != i
                    || before.entry().value(0).equals(after.entry().value(0))) {
                continue;
            }
            for (int k = i - 2; k >= Math.max(0, i - 10); k--) {
                if (tokens.get(k).isNumber() || numbers.readAt(tokens, k) != null) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Every casualty figure in the sentence, in text order. */
    public List<CasualtyFact> read(List<Token> tokens) {
        // Scare quotes ('59 "terrorists" had been "neutralised"', a military communique's words kept at a distance)
        // leave the count and its verb as they are: read without them, then point back into the sentence.
        boolean quoted = false;
        for (Token t : tokens) {
            quoted |= isQuote(t);
        }
        if (!quoted) {
            return readPlain(tokens); // nearly every sentence: no copy
        }
        int[] kept = new int[tokens.size()];
        List<Token> plain = new ArrayList<>(tokens.size());
        for (int i = 0; i < tokens.size(); i++) {
            if (!isQuote(tokens.get(i))) {
                kept[plain.size()] = i;
                plain.add(tokens.get(i));
            }
        }
        List<CasualtyFact> out = new ArrayList<>();
        for (CasualtyFact f : readPlain(plain)) {
            out.add(new CasualtyFact(
                    f.role(),
                    f.value(),
                    f.vague(),
                    f.kind(),
                    f.group(),
                    kept[f.from()],
                    kept[f.to() - 1] + 1,
                    f.additive()));
        }
        return out;
    }

    /** A present participle after the counted noun ("two men working ...", "people living ..."), not a term. */
    private boolean participleInside(List<Token> tokens, int from, int to) {
        for (int k = from + 1; k < to && k < tokens.size(); k++) {
            if (isLowerWord(tokens.get(k))
                    && tokens.get(k).lower().endsWith("ing")
                    && terms.matchAt(tokens, k) == null) {
                return true;
            }
        }
        return false;
    }

    private static boolean isLowerWord(Token t) {
        String w = t.text();
        return !w.isEmpty() && Character.isLowerCase(w.charAt(0)) && w.chars().allMatch(Character::isLetter);
    }

    private static boolean isQuote(Token t) {
        String w = t.text();
        return w.length() == 1 && "\"\u201c\u201d".indexOf(w.charAt(0)) >= 0;
    }

    private List<CasualtyFact> readPlain(List<Token> tokens) {
        List<NumberMention> all = numbers.read(tokens);
        if (all.isEmpty() && !mayNameASingleVictim(tokens)) {
            return List.of();
        }
        List<PhraseMatcher.Match> termMatches = terms.findAll(tokens);
        List<CasualtyFact> out = new ArrayList<>();
        boolean[] consumed = new boolean[all.size()];
        boolean previousWasAge = false;
        for (int n = 0; n < all.size(); n++) {
            NumberMention m = all.get(n);
            if (consumed[n]) {
                continue;
            }
            if (notACount(tokens, m) || (previousWasAge && linkedToPrevious(tokens, all, n))) {
                previousWasAge = isAge(tokens, m) || (previousWasAge && linkedToPrevious(tokens, all, n));
                continue;
            }
            previousWasAge = false;
            NounGroup np = nounGroup(tokens, m.to());
            if (np.head() != null && nonCasualty.contains(np.head()) && !capturedDead(tokens, np)) {
                continue;
            }
            if (m.to() < tokens.size()
                    && nonCasualty.contains(tokens.get(m.to()).lower())
                    && (np.head() == null || !nonCasualty.contains(np.head()))) {
                continue; // "Seven days earlier, two farmers were shot dead": a duration, not a first count of a list
            }
            // a list of counted groups: "27 men, 11 women and six children", "three gunmen and the driver"
            List<NumberMention> items = new ArrayList<>();
            List<NounGroup> groups = new ArrayList<>();
            items.add(m);
            groups.add(np);
            int end = np.end();
            int k = n + 1;
            // "A further 21 people, five children and seven women among them, were wounded" is no list
            boolean appositive = skipAppositive(tokens, end) != end;
            while (end < tokens.size() && !appositive) {
                int j = end;
                if (tokens.get(j).is(",")) {
                    j++;
                }
                if (j < tokens.size() && tokens.get(j).is("and")) {
                    j++;
                }
                if (j == end) {
                    break;
                }
                if (k < all.size() && all.get(k).from() == j) {
                    NounGroup g = nounGroup(tokens, all.get(k).to());
                    if (g.ofThem()
                            // "killed nine fighters, two commanders among them": the second count is part of the
                            // first, no item of a list
                            || g.end() + 1 < tokens.size()
                                    && tokens.get(g.end()).is("among")
                                    && tokens.get(g.end() + 1).is("them")
                            || (g.head() != null && nonCasualty.contains(g.head()))
                            || all.get(k).value() > MAX_COUNT
                            || otherOutcome(
                                    tokens,
                                    items.get(items.size() - 1).to(),
                                    all.get(k).to())
                            || tokens.get(end).is(",")
                                    && verbBefore(tokens, m.from())
                                    && (ownVerbAfter(tokens, skipAppositive(tokens, g.end()))
                                            || speaksAfter(tokens, g.end()))) {
                        break;
                    }
                    items.add(all.get(k));
                    groups.add(g);
                    consumed[k] = true;
                    end = g.end();
                    k++;
                    continue;
                }
                if (j + 1 < tokens.size()
                        && SINGLE_VICTIM_DET.contains(tokens.get(j).lower())
                        && nouns.contains(tokens.get(j + 1).lower())
                        && isSingular(tokens.get(j + 1).lower())
                        && tokens.get(j - 1).is("and")) {
                    NumberMention one = new NumberMention(j, j, j + 2, 1, false, null);
                    items.add(one);
                    groups.add(new NounGroup(j + 2, tokens.get(j + 1).lower(), false, null, false, false));
                    end = j + 2;
                    break;
                }
                break;
            }
            int after = skipAppositive(tokens, end);
            Verdict v = role(tokens, m, np, after, termMatches);
            if (v == null) {
                continue;
            }
            boolean breakdown = v.breakdown()
                    || (np.ofThem() && !v.fromBefore())
                    || np.ofNoun() != null && isCasualtyNoun(np.ofNoun())
                    || breakdownBefore(tokens, m.from());
            boolean additive = additive(tokens, m, np);
            if (items.size() == 1) {
                int value = (int) m.value();
                // "the deputy chief and 21 other people were killed": the named victim plus 21; also after an
                // apposition ("The ambassador, John Doe, and three other officials") and with a headline's comma for
                // "and" ("Ambassador, three other officials killed")
                if (np.other() && namedVictimBefore(tokens, m.from()) && countsBefore(all, n) == 0) {
                    value += 1;
                    additive = false;
                }
                // "the commander and four members of his family were killed": the named victim and his own people,
                // so the toll is five and no breakdown of the four
                boolean companions = !np.other()
                        && companionsOfNamed(tokens, m.to(), np.end())
                        && namedVictimBefore(tokens, m.from())
                        && countsBefore(all, n) == 0;
                if (companions) {
                    value += 1;
                    additive = false;
                    breakdown = false;
                }
                out.add(new CasualtyFact(
                        v.role(),
                        m.vague() ? null : value,
                        m.vague(),
                        breakdown ? CasualtyFact.Kind.BREAKDOWN : CasualtyFact.Kind.TOTAL,
                        companions
                                ? null
                                : group(np) != null || !breakdown ? group(np) : predicateGroup(tokens, np.end()),
                        m.from(),
                        np.end(),
                        additive));
            } else {
                int sum = 0;
                boolean vague = false;
                String common = group(groups.get(0));
                for (int i = 0; i < items.size(); i++) {
                    NumberMention it = items.get(i);
                    vague |= it.vague();
                    sum += (int) it.value();
                    String g = group(groups.get(i));
                    if (common != null && !common.equals(g)) {
                        common = null;
                    }
                    out.add(new CasualtyFact(
                            v.role(),
                            it.vague() ? null : (int) it.value(),
                            it.vague(),
                            CasualtyFact.Kind.BREAKDOWN,
                            g,
                            it.from(),
                            groups.get(i).end(),
                            false));
                }
                if (!breakdown && !vague) {
                    out.add(new CasualtyFact(
                            v.role(), sum, false, CasualtyFact.Kind.TOTAL, common, m.from(), end, additive));
                }
            }
        }
        readAppositiveBreakdowns(tokens, all, out, termMatches);
        readSingleVictims(tokens, all, out);
        readPassiveSingleVictims(tokens, all, out);
        readSingleWounded(tokens, all, out);
        readDiedAmongWounded(tokens, out);
        readSingleChild(tokens, termMatches, out);
        withOrdinalNext(tokens, out);
        out.sort((a, b) -> Integer.compare(a.from(), b.from()));
        return sumCoordinatedTolls(tokens, out);
    }

    /**
     * "A fifth member of the guard has died of wounds", "A third victim of the blast died overnight": a sentence
     * opening on "a" and an ordinal whose own verb is a death tells how many have died so far, the ordinal; null for
     * any other sentence ("A fifth of the dead were children" is a fraction; "A second raid killed four" counts the
     * raids, its verb taking a count after it). A teller's figure, not the incident's toll: the dead counted may be
     * one group's among more ("a fifth member of the guard").
     */
    public Integer ordinalDeath(List<Token> tokens) {
        if (!opensOnOrdinal(tokens) || tokens.get(2).is("of")) {
            return null;
        }
        for (int j = 2;
                j < tokens.size() && !tokens.get(j).is(",") && !tokens.get(j).is(";");
                j++) {
            PhraseMatcher.Match t = terms.matchAt(tokens, j);
            if (t != null) {
                return t.entry().value(0).equals("KILLED") && t.entry().value(1).equals("after")
                        ? Integer.valueOf(ordinals.value(tokens.get(1).lower()))
                        : null;
            }
        }
        return null;
    }

    /** The sentence opens on "A" or "An" and an ordinal: "A fifth member ...". */
    private boolean opensOnOrdinal(List<Token> tokens) {
        return tokens.size() >= 4
                && (tokens.get(0).is("a") || tokens.get(0).is("an"))
                && ordinals.value(tokens.get(1).lower()) != null;
    }

    /**
     * "Three were killed instantly and a fourth later died of his wounds": the ordinal one above a death toll, after
     * "and a" in the toll's clause, with a death term within three words, raises the toll by one.
     */
    private void withOrdinalNext(List<Token> tokens, List<CasualtyFact> out) {
        for (int n = 0; n < out.size(); n++) {
            CasualtyFact f = out.get(n);
            if (f.role() != CasualtyFact.Role.KILLED || f.kind() != CasualtyFact.Kind.TOTAL || f.value() == null) {
                continue;
            }
            // "and" within the toll's clause: "Two were killed on the spot and a third ..."
            for (int k = f.to();
                    k + 2 < tokens.size() && k <= f.to() + 6 && !tokens.get(k).isPunct();
                    k++) {
                if (!tokens.get(k).is("and")
                        || !(tokens.get(k + 1).is("a") || tokens.get(k + 1).is("an"))) {
                    continue;
                }
                String ordinal = ordinals.value(tokens.get(k + 2).lower());
                if (ordinal == null || Integer.parseInt(ordinal) != f.value() + 1) {
                    break;
                }
                for (int j = k + 3; j < Math.min(tokens.size(), k + 6); j++) {
                    PhraseMatcher.Match t = terms.matchAt(tokens, j);
                    if (t != null && t.entry().value(0).equals("KILLED")) {
                        out.set(
                                n,
                                new CasualtyFact(
                                        f.role(),
                                        f.value() + 1,
                                        false,
                                        f.kind(),
                                        f.group(),
                                        f.from(),
                                        j + 1,
                                        f.additive()));
                        break;
                    }
                }
                break;
            }
        }
    }

    /**
     * "Sixty-eight prisoners have now been confirmed dead", "118 inmates died": captives (a count never a toll on
     * its own, "1,081 prisoners were freed") whose own verb is a death.
     */
    private boolean capturedDead(List<Token> tokens, NounGroup np) {
        if (!nonCasualty.value(np.head()).equals("captive")) {
            return false;
        }
        int j = np.end();
        while (j < tokens.size() && AUX.contains(tokens.get(j).lower())) {
            j++;
        }
        PhraseMatcher.Match t = j < tokens.size() ? terms.matchAt(tokens, j) : null;
        return t != null
                && t.entry().value(0).equals("KILLED")
                && !t.entry().value(1).equals("before");
    }

    /**
     * "23 bodies and 41 wounded people": two numbers whose own words name different outcomes in the casualty terms
     * (dead, wounded) are two counts, not one list to add up.
     */
    private boolean otherOutcome(List<Token> tokens, int afterFirst, int afterSecond) {
        String a = outcomeAt(tokens, afterFirst);
        String b = outcomeAt(tokens, afterSecond);
        return a != null && b != null && !a.equals(b);
    }

    /**
     * "killed two people, and 23 fans were hospitalised": after a count its verb came before, a second count past a
     * comma with a verb of its own after it ("were hospitalised") is the subject of its own clause, not the next
     * item of a list the first verb counts ("18 civilians and four officials had died" shares the verb after).
     */
    private boolean ownVerbAfter(List<Token> tokens, int at) {
        int j = at;
        boolean aux = false;
        while (j < tokens.size() && AUX.contains(tokens.get(j).lower())) {
            aux = true;
            j++;
        }
        PhraseMatcher.Match t = j < tokens.size() && (aux || j == at) ? terms.matchAt(tokens, j) : null;
        return t != null
                && !t.entry().value(1).equals("before")
                && !t.entry().value(1).equals("noun");
    }

    /**
     * Whether a speech verb follows within a short coordinated noun phrase ("..., two witnesses and a health worker
     * told Reuters"): the counted group after the comma is the report's source, not one more group of victims.
     */
    private static boolean speaksAfter(List<Token> tokens, int at) {
        for (int j = at; j < tokens.size() && j <= at + 5; j++) {
            Token t = tokens.get(j);
            if (SPEECH_AFTER.contains(t.lower())) {
                return true;
            }
            if (t.isPunct()) {
                return false;
            }
        }
        return false;
    }

    /** Whether a casualty verb that counts what follows it ("killed", "killing") stands just before a count. */
    private boolean verbBefore(List<Token> tokens, int at) {
        for (int len = 1; len <= 3 && at - len >= 0; len++) {
            PhraseMatcher.Match t = terms.matchAt(tokens, at - len);
            if (t != null
                    && t.to() == at
                    && !t.entry().value(1).equals("after")
                    && !t.entry().value(1).equals("noun")) {
                return true;
            }
        }
        return false;
    }

    /**
     * The role of a casualty term standing right after a count ("bodies", "wounded"), also past an "of" ("dozens of
     * wounded"), or null.
     */
    private String outcomeAt(List<Token> tokens, int at) {
        if (at + 1 < tokens.size() && tokens.get(at).is("of")) {
            at++;
        }
        PhraseMatcher.Match t = at < tokens.size() ? terms.matchAt(tokens, at) : null;
        return t == null || t.entry().value(1).equals("before")
                ? null
                : t.entry().value(0);
    }

    private record Verdict(CasualtyFact.Role role, boolean breakdown, boolean fromBefore) {}

    private Verdict role(
            List<Token> tokens, NumberMention m, NounGroup np, int after, List<PhraseMatcher.Match> termMatches) {
        // after the noun group: "43 people were killed", "27 men ... were among the dead"
        int j = after;
        if (j < tokens.size()
                && tokens.get(j).is("and")
                && j > 0
                && tokens.get(j - 1).is(",")) {
            j = tokens.size(); // a new coordinated clause: no role after the count
        }
        // a participle phrase after the noun: "two men working in their fields at Lindala village, in Muidumbe
        // district, were attacked and beheaded": the verb of the count comes after it
        if (j == after && participleInside(tokens, m.to(), after)) {
            for (int k = j; k < tokens.size() && k <= j + 16; k++) {
                Token t = tokens.get(k);
                if (t.is(".") || t.is(";") || t.isNumber() || CLAUSE_OPENERS.contains(t.lower())) {
                    break; // "... without saying where they were killed": another clause's verb
                }
                if (t.is("were") || t.is("was")) {
                    j = k;
                    break;
                }
            }
        }
        while (j < tokens.size() && AUX.contains(tokens.get(j).lower())) {
            j++;
        }
        // a coordinated participle first: "were shot and killed", "were attacked and beheaded"
        if (j + 2 < tokens.size()
                && tokens.get(j + 1).is("and")
                && terms.matchAt(tokens, j) == null
                && isLowerWord(tokens.get(j))
                && terms.matchAt(tokens, j + 2) != null) {
            j += 2;
        }
        if (j < tokens.size()) {
            if (tokens.get(j).is("among")
                    && j + 2 < tokens.size()
                    && tokens.get(j + 1).is("the")) {
                CasualtyFact.Role r = nounRole(tokens.get(j + 2).lower());
                if (r != null) {
                    return new Verdict(r, true, false);
                }
            }
            if (tokens.get(j).is("among")
                    && j + 1 < tokens.size()
                    && tokens.get(j + 1).is("them")) {
                CasualtyFact.Role r = firstRoleBefore(tokens, m.from(), termMatches);
                if (r != null) {
                    return new Verdict(r, true, false);
                }
            }
            PhraseMatcher.Match t = terms.matchAt(tokens, j);
            if (t != null
                    && !t.entry().value(1).equals("before")
                    && !t.entry().value(1).equals("noun")) {
                CasualtyFact.Role r = CasualtyFact.Role.valueOf(t.entry().value(0));
                // "killed or wounded" counts casualties, not deaths
                if (t.to() + 1 < tokens.size() && tokens.get(t.to()).is("or")) {
                    PhraseMatcher.Match alt = terms.matchAt(tokens, t.to() + 1);
                    if (alt != null && !alt.entry().value(0).equals(t.entry().value(0))) {
                        return null;
                    }
                }
                return new Verdict(r, false, false);
            }
        }
        // the counted noun itself: "10 bodies", "seven deaths"
        if (np.head() != null) {
            Lexicon.Entry e = termLexicon.get(np.head());
            if (e != null && e.value(1).equals("noun")) {
                return new Verdict(CasualtyFact.Role.valueOf(e.value(0)), false, false);
            }
        }
        // before the count: "killing 11", "wounded 38 others"
        int b = m.from();
        for (int len = 1; len <= 4 && b - len >= 0; len++) {
            PhraseMatcher.Match t = terms.matchAt(tokens, b - len);
            if (t != null
                    && t.to() == b
                    && (t.entry().value(1).equals("before")
                            || t.entry().value(1).equals("both"))
                    && !t.entry().key().equals("left")) {
                return new Verdict(CasualtyFact.Role.valueOf(t.entry().value(0)), false, true);
            }
        }
        if (copularToll(tokens, b)) {
            return new Verdict(CasualtyFact.Role.KILLED, false, true);
        }
        // a toll: "death toll rose to 22", "put the toll at 11", "put the army's losses at 31"
        if (b > 0 && TOLL_LINKS.contains(tokens.get(b - 1).lower())) {
            if (b > 2 && tokens.get(b - 1).is("at") && tokens.get(b - 3).is("the")) {
                // "put the number of dead at 11 and the wounded at 18": the outcome named just before the count
                CasualtyFact.Role r = nounRole(tokens.get(b - 2).lower());
                if (r != null) {
                    return new Verdict(r, false, true);
                }
            }
            // a long subject may stand between: "The death toll from a Russian ballistic missile strike on the centre
            // of the northeastern city of Sumy rose to 34"
            for (int i = b - 2; i >= 0 && i >= b - 24; i--) {
                Token t = tokens.get(i);
                if (t.isNumber() || t.is(".") || t.is(";")) {
                    break;
                }
                if ((t.is("number") || t.is("figure") || t.is("tally"))
                        && i + 2 < b
                        && tokens.get(i + 1).is("of")
                        && nounRole(tokens.get(i + 2).lower()) != null) {
                    // "put the number of wounded at eight": the outcome counted, whatever else the sentence names
                    return new Verdict(nounRole(tokens.get(i + 2).lower()), false, true);
                }
                if (TOLL_WORDS.contains(t.lower())) {
                    if (t.is("casualties")) {
                        return null; // casualties mix the dead and the wounded
                    }
                    if ((t.is("number") || t.is("figure") || t.is("tally")) && !hasKilledTerm(termMatches)) {
                        return null;
                    }
                    return new Verdict(CasualtyFact.Role.KILLED, false, true);
                }
            }
        }
        // "including 17 children" after a figure: the role of the figure it breaks down
        if (breakdownBefore(tokens, m.from())) {
            CasualtyFact.Role r = firstRoleBefore(tokens, m.from(), termMatches);
            if (r == null && tollBefore(tokens, m.from())) {
                r = CasualtyFact.Role.KILLED; // "the death toll had risen to 18, including nine children"
            }
            if (r != null) {
                return new Verdict(r, true, false);
            }
        }
        return null;
    }

    /** Counts of the dead that a copula gives a figure: "the count had been 41", "the figure was closer to 70". */
    private static final Set<String> COPULAR_TOLLS = words("toll", "count", "tally", "figure");

    /**
     * Whether the count at {@code b} is what a toll is said to be: "The agency's first count, on Tuesday, had been
     * 41", "the figure was closer to 70". The copula stands right before the count (or before "closer to"), so "the
     * figure was not 70" is no toll; the toll's noun comes within eight words before it, without "of" after it ("the
     * figure of the displaced") and not as a "casualty toll" (the dead and the wounded).
     */
    private static boolean copularToll(List<Token> tokens, int b) {
        int c = b;
        if (c >= 2 && tokens.get(c - 1).is("to") && tokens.get(c - 2).is("closer")) {
            c -= 2;
        }
        if (c >= 1 && (tokens.get(c - 1).is("was") || tokens.get(c - 1).is("is"))) {
            c -= 1;
        } else if (c >= 2
                && tokens.get(c - 1).is("been")
                && (tokens.get(c - 2).is("had") || tokens.get(c - 2).is("has"))) {
            c -= 2;
        } else {
            return false;
        }
        for (int i = c - 1; i >= 0 && i >= c - 8; i--) {
            Token t = tokens.get(i);
            if (t.isNumber() || t.is(".") || t.is(";")) {
                return false;
            }
            if (COPULAR_TOLLS.contains(t.lower())) {
                return !(i + 1 < tokens.size() && tokens.get(i + 1).is("of"))
                        && !(i > 0 && tokens.get(i - 1).is("casualty"));
            }
        }
        return false;
    }

    /** A "toll" (not a "casualty toll") comes earlier in the sentence. */
    private static boolean tollBefore(List<Token> tokens, int before) {
        for (int i = 0; i < before; i++) {
            if (tokens.get(i).is("toll") && !(i > 0 && tokens.get(i - 1).is("casualty"))) {
                return true;
            }
        }
        return false;
    }

    private boolean hasKilledTerm(List<PhraseMatcher.Match> termMatches) {
        for (PhraseMatcher.Match t : termMatches) {
            if (t.entry().value(0).equals("KILLED") && !t.entry().key().equals("left")) {
                return true;
            }
        }
        return false;
    }

    private CasualtyFact.Role nounRole(String w) {
        switch (w) {
            case "dead", "killed", "victims", "fatalities", "deceased", "bodies" -> {
                return CasualtyFact.Role.KILLED;
            }
            case "wounded", "injured", "hurt" -> {
                return CasualtyFact.Role.INJURED;
            }
            case "abducted", "kidnapped", "hostages" -> {
                return CasualtyFact.Role.ABDUCTED;
            }
            default -> {
                return null;
            }
        }
    }

    private boolean isCasualtyNoun(String w) {
        return nounRole(w) != null;
    }

    /** The role of the nearest casualty word before token i, or after it when there is none before. */
    private CasualtyFact.Role firstRoleBefore(List<Token> tokens, int i, List<PhraseMatcher.Match> termMatches) {
        CasualtyFact.Role found = null;
        for (PhraseMatcher.Match t : termMatches) {
            if (t.entry().key().equals("left")) {
                continue;
            }
            if (t.from() < i) {
                found = CasualtyFact.Role.valueOf(t.entry().value(0));
            } else if (found == null) {
                return CasualtyFact.Role.valueOf(t.entry().value(0));
            }
        }
        if (found == null) {
            for (int k = 0; k < tokens.size(); k++) {
                CasualtyFact.Role r = tokens.get(k).is("the") && k + 1 < tokens.size()
                        ? nounRole(tokens.get(k + 1).lower())
                        : null;
                if (r != null) {
                    return r;
                }
            }
        }
        return found;
    }

    private static boolean breakdownBefore(List<Token> tokens, int from) {
        if (from == 0) {
            return false;
        }
        String prev = tokens.get(from - 1).lower();
        if (BREAKDOWN_BEFORE.contains(prev)) {
            return true;
        }
        return from >= 2
                && tokens.get(from - 2).is("among")
                && (prev.equals("them") || prev.equals("whom") || prev.equals("those"));
    }

    /** Whether a single victim named by a word stands right before "and", ", and" or "," at {@code from}. */
    private static boolean namedVictimBefore(List<Token> tokens, int from) {
        int k = from - 1;
        if (k < 1) {
            return false;
        }
        if (tokens.get(k).is("and")) {
            k--;
            if (tokens.get(k).is(",")) {
                k--;
            }
        } else if (tokens.get(k).is(",")) {
            k--;
        } else {
            return false;
        }
        return k >= 0 && tokens.get(k).isWord();
    }

    /**
     * Nouns of a named victim's own people after "his" or "her" in a counted group ("four members of his family", "two
     * of her children", "three of his bodyguards"): they died with the one named before "and", who is not among them.
     */
    private static final Set<String> COMPANIONS = words(
            "family",
            "relatives",
            "children",
            "sons",
            "daughters",
            "brothers",
            "sisters",
            "wives",
            "grandchildren",
            "bodyguards",
            "guards",
            "escorts",
            "aides");

    /** Whether "his" or "her" and a {@link #COMPANIONS} noun stand in the counted group between {@code from} and
     * {@code to}. */
    private static boolean companionsOfNamed(List<Token> tokens, int from, int to) {
        for (int j = from; j + 1 < to && j + 1 < tokens.size(); j++) {
            if ((tokens.get(j).is("his") || tokens.get(j).is("her"))
                    && COMPANIONS.contains(tokens.get(j + 1).lower())) {
                return true;
            }
        }
        return false;
    }

    private static boolean additive(List<Token> tokens, NumberMention m, NounGroup np) {
        int b = m.from();
        if (b > 0 && ADDITIVE_BEFORE.contains(tokens.get(b - 1).lower())) {
            return true;
        }
        if (b > 1
                && tokens.get(b - 1).is("a")
                && tokens.get(b - 2).isWord()
                && ADDITIVE_BEFORE.contains(tokens.get(b - 2).lower())) {
            return true;
        }
        if (m.to() < tokens.size() && ADDITIVE_AFTER.contains(tokens.get(m.to()).lower())) {
            return true;
        }
        for (int j = np.end(); j < Math.min(tokens.size(), np.end() + 3); j++) {
            if (tokens.get(j).is("also")) {
                return true;
            }
        }
        return false;
    }

    private static int countsBefore(List<NumberMention> all, int n) {
        return n;
    }

    private String group(NounGroup np) {
        if (np.head() == null) {
            return null;
        }
        String g = nouns.value(np.head());
        return g == null || g.equals("-") ? null : g;
    }

    private static boolean isSingular(String w) {
        return !w.endsWith("s") || w.endsWith("ss");
    }

    private NounGroup nounGroup(List<Token> tokens, int from) {
        int j = from;
        String head = null;
        boolean ofThem = false;
        String ofNoun = null;
        boolean more = false;
        boolean other = false;
        int words = 0;
        while (j < tokens.size() && words < 6) {
            Token t = tokens.get(j);
            if (t.is("of") && j + 1 < tokens.size()) {
                String next = tokens.get(j + 1).lower();
                if (next.equals("them") || next.equals("whom") || next.equals("those")) {
                    ofThem = true;
                    j += 2;
                    continue;
                }
                if ((next.equals("the")
                                || next.equals("his")
                                || next.equals("her")
                                || next.equals("their")
                                || next.equals("its"))
                        && j + 2 < tokens.size()
                        && tokens.get(j + 2).isWord()) {
                    // "six of the dead", "eight of his colleagues", "a dozen of the assailants"
                    ofNoun = tokens.get(j + 2).lower();
                    j += 2;
                    continue;
                }
                if (head == null && tokens.get(j + 1).isWord()) {
                    j++; // "dozens of civilians"
                    continue;
                }
                break;
            }
            if (head != null && (t.is("and") || t.is("or")) && coordinatedNoun(tokens, j + 1)) {
                // "53 soldiers and civilian auxiliaries were killed": one count over two nouns
                j++;
                continue;
            }
            if (t.isPunct() || t.isNumber() || NP_STOP.contains(t.lower())) {
                break;
            }
            PhraseMatcher.Match term = terms.matchAt(tokens, j);
            if (term != null
                    && !term.entry().value(1).equals("noun")
                    && !term.entry().value(1).equals("before")) {
                break;
            }
            if (term != null && term.entry().value(1).equals("before")) {
                break;
            }
            if (t.is("more") || t.is("further")) {
                more = true;
            }
            if (t.is("other") || t.is("others")) {
                other = true;
            }
            head = t.lower();
            words++;
            j++;
        }
        if (ofNoun != null && head != null && head.equals(ofNoun)) {
            // keep the counted noun: "of the assailants" names who was counted
            head = ofNoun;
        }
        return new NounGroup(j, head, ofThem, ofNoun, more, other);
    }

    /**
     * Whether the words after "and" continue the counted group: a plain noun group (no count, article, outcome word
     * or verb of its own) that the casualty nouns head within three words ("civilian auxiliaries", "policemen").
     */
    private boolean coordinatedNoun(List<Token> tokens, int at) {
        for (int k = at; k < Math.min(tokens.size(), at + 3); k++) {
            Token t = tokens.get(k);
            if (t.isPunct() || t.isNumber() || NP_STOP.contains(t.lower()) || numbers.readAt(tokens, k) != null) {
                return false;
            }
            PhraseMatcher.Match term = terms.matchAt(tokens, k);
            if (term != null && !term.entry().value(1).equals("noun")) {
                return false;
            }
            if (nouns.get(t.lower()) != null) {
                return true;
            }
        }
        return false;
    }

    /** Skips ", four of them children," or ", mostly civilians," or ", including women and children,". */
    private int skipAppositive(List<Token> tokens, int at) {
        if (at < tokens.size() && isDash(tokens.get(at))) {
            return skipDashedAppositive(tokens, at);
        }
        if (at >= tokens.size() || !tokens.get(at).is(",")) {
            return at;
        }
        int close = -1;
        boolean marker = false;
        for (int j = at + 1; j < tokens.size() && j <= at + 14; j++) {
            Token t = tokens.get(j);
            if (t.is("of")
                    && j + 1 < tokens.size()
                    && (tokens.get(j + 1).is("them") || tokens.get(j + 1).is("whom"))) {
                marker = true;
            }
            if (t.is("among") || t.is("including") || t.is("mostly") || t.is("mainly") || t.is("most") || t.is("all")) {
                marker = true;
            }
            if (t.is(",") && j > at + 1) {
                if (j + 1 < tokens.size()
                        && (AUX.contains(tokens.get(j + 1).lower())
                                || terms.matchAt(tokens, j + 1) != null
                                || tokens.get(j + 1).is("and"))) {
                    close = j;
                    break;
                }
            }
            if (t.is(".") || t.is(";")) {
                break;
            }
        }
        if (close < 0 || !marker) {
            return at;
        }
        // ", two of them policemen, and wounded 38 others": what follows "and" is a new clause
        return close + 1;
    }

    /**
     * "nine people - four children, three women and two men - were killed": a breakdown between dashes, followed by
     * the verb of the count before it. At the closing dash itself (the last item of the breakdown), the verb after it.
     */
    private int skipDashedAppositive(List<Token> tokens, int at) {
        if (at + 1 < tokens.size() && verbStartsAt(tokens, at + 1)) {
            return at + 1;
        }
        for (int j = at + 2; j < tokens.size() && j <= at + 14; j++) {
            Token t = tokens.get(j);
            if (isDash(t)) {
                return j + 1 < tokens.size() && verbStartsAt(tokens, j + 1) ? j + 1 : at;
            }
            if (t.is(".") || t.is(";")) {
                break;
            }
        }
        return at;
    }

    private boolean verbStartsAt(List<Token> tokens, int j) {
        return AUX.contains(tokens.get(j).lower()) || terms.matchAt(tokens, j) != null;
    }

    private static boolean isDash(Token t) {
        return t.is("-") || t.is("\u2013") || t.is("\u2014") || t.is("--");
    }

    /**
     * "Eleven of the dead were children", "six of those killed were civilians", "six of the dead were under 18": the
     * group of a breakdown named by the noun (or the age) after its verb.
     */
    private String predicateGroup(List<Token> tokens, int at) {
        int j = at;
        while (j < tokens.size()
                && j < at + 3
                && !tokens.get(j).is("were")
                && !tokens.get(j).is("are")) {
            if (tokens.get(j).isPunct()) {
                return null;
            }
            j++;
        }
        if (j + 1 >= tokens.size()
                || !(tokens.get(j).is("were") || tokens.get(j).is("are"))) {
            return null;
        }
        // "Six of the dead were under 18": minors
        if (j + 2 < tokens.size()
                && tokens.get(j + 1).is("under")
                && tokens.get(j + 2).isNumber()) {
            String n = tokens.get(j + 2).text();
            return n.chars().allMatch(Character::isDigit) && n.length() <= 2 && Integer.parseInt(n) <= 18
                    ? "children"
                    : null;
        }
        String g = nouns.value(tokens.get(j + 1).lower());
        return g == null || g.equals("-") ? null : g;
    }

    /** "At least 39 people, four of them children, were killed": the appositive count breaks the total down. */
    private void readAppositiveBreakdowns(
            List<Token> tokens,
            List<NumberMention> all,
            List<CasualtyFact> out,
            List<PhraseMatcher.Match> termMatches) {
        for (NumberMention m : all) {
            if (covered(out, m)) {
                continue;
            }
            NounGroup np = nounGroup(tokens, m.to());
            boolean marker = np.ofThem()
                    || breakdownBefore(tokens, m.from())
                    || (np.end() + 1 < tokens.size()
                            && tokens.get(np.end()).is("among")
                            && tokens.get(np.end() + 1).is("them"));
            if (!marker || notACount(tokens, m)) {
                continue;
            }
            if (np.head() != null && nonCasualty.contains(np.head())) {
                continue;
            }
            CasualtyFact.Role r = firstRoleBefore(tokens, m.from(), termMatches);
            if (r == null) {
                continue;
            }
            out.add(new CasualtyFact(
                    r,
                    m.vague() ? null : (int) m.value(),
                    m.vague(),
                    CasualtyFact.Kind.BREAKDOWN,
                    group(np),
                    m.from(),
                    np.end(),
                    false));
        }
    }

    /**
     * "23 soldiers were killed and all six attackers were killed", "four militants were killed and two soldiers
     * died": two death counts of different groups, each with its own verb, joined by "and" in one clause, are parts
     * of one toll: their sum is a total spanning both, and the second count a breakdown of it. Counts told by different sources, set
     * against each other ("while", "but") or of the same noun ("12 people ... and 20 people") stay apart.
     */
    private List<CasualtyFact> sumCoordinatedTolls(List<Token> tokens, List<CasualtyFact> out) {
        CasualtyFact a = null;
        CasualtyFact b = null;
        for (CasualtyFact f : out) {
            if (f.role() != CasualtyFact.Role.KILLED || !f.isTotal()) {
                continue;
            }
            if (a == null) {
                a = f;
            } else if (b == null) {
                b = f;
            } else {
                return out; // three tolls: a list of places or sources, not two parts
            }
        }
        if (b == null
                || a.value() == null
                || b.value() == null
                || a.vague()
                || b.vague()
                || a.additive()
                || b.additive()
                || a.to() > b.from()) {
            return out;
        }
        boolean and = false;
        for (int k = a.to(); k < b.from(); k++) {
            Token t = tokens.get(k);
            if (t.is("and")) {
                and = true;
            } else if (t.isNumber() || t.is(";") || t.is(":") || CONTRASTED.contains(t.lower())) {
                return out;
            }
        }
        String headA = tokens.get(a.to() - 1).lower();
        String headB = tokens.get(b.to() - 1).lower();
        if (!and || !nouns.contains(headA) || !nouns.contains(headB) || headA.equals(headB)) {
            return out;
        }
        // the first count stays a total of its own right before the sum (what a source said first: "23 soldiers"),
        // the incident's toll reads the sum that spans it
        List<CasualtyFact> summed = new ArrayList<>(out.size() + 1);
        for (CasualtyFact f : out) {
            if (f == b) {
                summed.add(new CasualtyFact(
                        f.role(), f.value(), false, CasualtyFact.Kind.BREAKDOWN, f.group(), f.from(), f.to(), false));
                continue;
            }
            summed.add(f);
            if (f == a) {
                summed.add(new CasualtyFact(
                        f.role(),
                        a.value() + b.value(),
                        false,
                        CasualtyFact.Kind.TOTAL,
                        null,
                        a.from(),
                        b.to(),
                        false));
            }
        }
        return summed;
    }

    /** Speech verbs right after a noun group: the noun is who tells, not who was hit. */
    private static final Set<String> SPEECH_AFTER = words("said", "says", "told", "added", "reported", "confirmed");

    /** Words between two counts that set them against each other or give them to different tellers. */
    private static final Set<String> CONTRASTED =
            words("while", "whereas", "but", "although", "though", "said", "says", "according", "put", "than", "or");

    /** The words of the per-token sets and tables of this reader (a tokenizer vocabulary must hold them). */
    public List<java.util.Set<String>> wordSets() {
        return List.of(
                java.util.Collections.unmodifiableSet(KILL_VERBS_SINGLE),
                java.util.Collections.unmodifiableSet(WOUND_VERBS_SINGLE),
                java.util.Collections.unmodifiableSet(WOUND_DEGREE),
                terms.firstWords());
    }

    private static boolean mayNameASingleVictim(List<Token> tokens) {
        for (Token t : tokens) {
            if (t.mayBeIn() && (KILL_VERBS_SINGLE.contains(t.lower()) || WOUND_VERBS_SINGLE.contains(t.lower()))) {
                return true;
            }
        }
        return false;
    }

    /**
     * "killing six people, including a 14-year-old girl": one child among the victims of the figure before. A child
     * is a child noun ("girl", "boy", "child") or anyone younger than 18.
     */
    private void readSingleChild(List<Token> tokens, List<PhraseMatcher.Match> termMatches, List<CasualtyFact> out) {
        for (int i = 1; i + 2 < tokens.size(); i++) {
            if (!(tokens.get(i).is("a") || tokens.get(i).is("an"))
                    || !tokens.get(i - 1).is("including")) {
                continue;
            }
            int j = i + 1;
            int age = age(tokens.get(j).lower());
            if (age >= 0) {
                j++;
            }
            if (j >= tokens.size()) {
                continue;
            }
            String noun = tokens.get(j).lower();
            boolean child =
                    CHILD_NOUNS.contains(noun) && (age < 0 || age < 18) || age >= 0 && age < 18 && nouns.contains(noun);
            if (!child) {
                continue;
            }
            CasualtyFact.Role r = firstRoleBefore(tokens, i - 1, termMatches);
            if (r != null) {
                out.add(new CasualtyFact(r, 1, false, CasualtyFact.Kind.BREAKDOWN, "children", i, j + 1, false));
            }
        }
    }

    private static final Set<String> CHILD_NOUNS =
            words("girl", "boy", "child", "baby", "infant", "toddler", "schoolgirl", "schoolboy");

    /** N of a word "N-year-old", or -1. */
    private static int age(String w) {
        int dash = w.indexOf('-');
        if (dash <= 0 || !w.startsWith("-year-old", dash)) {
            return -1;
        }
        for (int k = 0; k < dash; k++) {
            if (!Character.isDigit(w.charAt(k))) {
                return -1;
            }
        }
        return dash > 3 ? -1 : Integer.parseInt(w.substring(0, dash));
    }

    /** "killing the deputy head of the intelligence service", "gunmen shot dead Abdul Jalal": one victim. */
    private void readSingleVictims(List<Token> tokens, List<NumberMention> all, List<CasualtyFact> out) {
        for (int i = 0; i + 1 < tokens.size(); i++) {
            String w = tokens.get(i).lower();
            if (!tokens.get(i).mayBeIn() || !KILL_VERBS_SINGLE.contains(w)) {
                continue;
            }
            int j = i + 1;
            if ((w.equals("shot") && tokens.get(j).is("dead"))
                    || (w.equals("gunned") && tokens.get(j).is("down"))) {
                j++;
            } else if (w.equals("shot") || w.equals("gunned")) {
                continue;
            }
            if (j >= tokens.size()) {
                continue;
            }
            Token t = tokens.get(j);
            int crews = crewsOfVehicles(tokens, j, all);
            if (crews > 0) {
                out.add(new CasualtyFact(
                        CasualtyFact.Role.KILLED, crews, false, CasualtyFact.Kind.TOTAL, null, j, j + 5, false));
                continue;
            }
            boolean single = false;
            if (t.isCapitalized() && t.isWord() && !t.is("I")) {
                single = j + 1 < tokens.size()
                        && tokens.get(j + 1).isCapitalized()
                        && tokens.get(j + 1).isWord();
            } else if ((t.is("the") || t.is("a") || t.is("an")) && j + 1 < tokens.size()) {
                NounGroup np = nounGroup(tokens, j + 1);
                single = np.head() != null && isRoleNoun(np.head());
            }
            if (!single) {
                continue;
            }
            final int at = j;
            if (all.stream().anyMatch(m -> m.from() >= at && m.from() <= at + 2)) {
                continue;
            }
            int[] listed = singleVictimList(tokens, j);
            if (listed[0] >= 2 && all.stream().noneMatch(m -> m.from() > at && m.from() < listed[1])) {
                // "killed the army's commander in Swat, a regimental commander and a soldier": three victims
                out.add(new CasualtyFact(
                        CasualtyFact.Role.KILLED,
                        listed[0],
                        false,
                        CasualtyFact.Kind.TOTAL,
                        null,
                        j,
                        listed[1],
                        false));
                continue;
            }
            out.add(new CasualtyFact(
                    CasualtyFact.Role.KILLED, 1, false, CasualtyFact.Kind.IMPLICIT, null, i, j + 1, false));
        }
    }

    /**
     * "wounding 12 civilians, five of whom later died": the only dead of a sentence that counts none before its
     * wounded are those of the wounded who died since, the incident's toll rather than a part of one (after a count
     * of dead, "18 were injured, two of whom later died" adds to it, which the sentence's own new toll then says).
     */
    private static void readDiedAmongWounded(List<Token> tokens, List<CasualtyFact> out) {
        CasualtyFact wounded = null;
        for (CasualtyFact x : out) {
            if (x.role() == CasualtyFact.Role.KILLED && x.isTotal()) {
                return;
            }
            if (x.role() == CasualtyFact.Role.INJURED && x.isTotal() && x.value() != null && wounded == null) {
                wounded = x;
            }
        }
        if (wounded == null) {
            return;
        }
        for (int k = 0; k < out.size(); k++) {
            CasualtyFact x = out.get(k);
            int of = x.from() + 1;
            if (x.role() == CasualtyFact.Role.KILLED
                    && x.kind() == CasualtyFact.Kind.BREAKDOWN
                    && x.group() == null
                    && x.value() != null
                    && x.value() < wounded.value()
                    && x.from() >= wounded.to()
                    && x.from() <= wounded.to() + 2
                    && of + 1 < tokens.size()
                    && tokens.get(of).is("of")
                    && tokens.get(of + 1).is("whom")) {
                // the dead are of the wounded's group: "12 civilians, five of whom" are five civilians
                out.set(
                        k,
                        new CasualtyFact(
                                x.role(),
                                x.value(),
                                false,
                                CasualtyFact.Kind.TOTAL,
                                wounded.group(),
                                x.from(),
                                x.to(),
                                false));
                return;
            }
        }
    }

    /** Who a vehicle carries one of: "the drivers of two vehicles" are two people. */
    private static final Set<String> VEHICLE_CREW = words("drivers", "pilots");

    /**
     * "killing the drivers of two vehicles loaded with explosives": as many dead as vehicles, one driver (pilot) to
     * each; 0 when the words from {@code at} are not "the drivers of" an exact count of vehicles.
     */
    private int crewsOfVehicles(List<Token> tokens, int at, List<NumberMention> all) {
        if (at + 4 >= tokens.size()
                || !tokens.get(at).is("the")
                || !VEHICLE_CREW.contains(tokens.get(at + 1).lower())
                || !tokens.get(at + 2).is("of")) {
            return 0;
        }
        for (NumberMention m : all) {
            if (m.from() == at + 3
                    && !m.vague()
                    && m.qualifier() == null
                    && m.to() < tokens.size()
                    && nonCasualty.contains(tokens.get(m.to()).lower())
                    && m.value() > 0
                    && m.value() < 100) {
                return (int) m.value();
            }
        }
        return 0;
    }

    /**
     * The singular victims listed from a token on ("the district's police chief in X, his deputy and a guard"): their
     * number and the end of the list. Each item is a determiner and a noun group headed by a role noun; a place after
     * "in" or "of" may follow an item.
     */
    private int[] singleVictimList(List<Token> tokens, int from) {
        int count = 0;
        int j = from;
        int end = from;
        boolean sawAnd = false;
        while (j + 1 < tokens.size()
                && SINGLE_VICTIM_DET.contains(tokens.get(j).lower())
                && !tokens.get(j).is("one")) {
            NounGroup np = nounGroup(tokens, j + 1);
            if (np.head() == null || !isRoleNoun(np.head()) || np.other() || np.more()) {
                break;
            }
            if (count > 0
                    && np.end() < tokens.size()
                    && SPEECH_AFTER.contains(tokens.get(np.end()).lower())) {
                break; // "killed the police chief, the local governor said": the teller, no victim
            }
            count++;
            j = np.end();
            end = j;
            if (j + 1 < tokens.size()
                    && (tokens.get(j).is("in") || tokens.get(j).is("of"))) {
                int k = j + 1;
                while (k < tokens.size()
                        && k < j + 4
                        && tokens.get(k).isCapitalized()
                        && tokens.get(k).isWord()) {
                    k++;
                }
                j = k > j + 1 ? k : j;
            }
            boolean comma = j < tokens.size() && tokens.get(j).is(",");
            if (comma) {
                j++;
            }
            boolean and = j < tokens.size() && tokens.get(j).is("and");
            if (and) {
                j++;
            }
            if (!comma && !and || sawAnd) {
                break;
            }
            sawAnd = and;
        }
        // a list ends with "and" before its last item: "A, B and C"; "the chief, the governor" is an apposition,
        // and "the mayor, his driver and three others" a count the reader takes as such
        boolean countFollows = j < tokens.size() && (tokens.get(j).isNumber() || numbers.readAt(tokens, j) != null);
        return sawAnd && !countFollows ? new int[] {count, end} : new int[] {1, end};
    }

    /**
     * "state lawmaker Gabriela Marin was shot dead", "a Palestinian worker was killed", "he was gunned down": one
     * named or singular victim of a passive kill verb, with no count of its own.
     */
    private void readPassiveSingleVictims(List<Token> tokens, List<NumberMention> all, List<CasualtyFact> out) {
        for (int i = 1; i + 1 < tokens.size(); i++) {
            if (!tokens.get(i).is("was")) {
                continue;
            }
            int j = i + 1;
            String w = tokens.get(j).lower();
            boolean kill =
                    KILL_VERBS_SINGLE.contains(w) && !w.equals("kill") && !w.equals("kills") && !w.equals("killing");
            if (w.equals("shot") || w.equals("gunned")) {
                kill = j + 1 < tokens.size()
                        && (tokens.get(j + 1).is("dead") || tokens.get(j + 1).is("down"));
                j++;
            }
            if (!kill) {
                continue;
            }
            int subject = i - 1;
            if (!namesOneVictim(tokens, subject)) {
                // "Musa Bello, 30, a trader at the market, was killed": the name before the appositions
                subject = namedBeforeAppositions(tokens, subject);
            }
            boolean single = subject >= 0;
            // a count standing between the name and the verb is the victim's age ("Musa Bello, 30, was killed")
            final int from = subject >= 0 ? subject + 1 : i;
            final int verbEnd = j;
            boolean counted = all.stream().anyMatch(m -> m.from() < from && m.from() >= from - 6)
                    || out.stream().anyMatch(f -> f.to() > from - 6 && f.from() <= verbEnd);
            if (single && !counted) {
                out.add(new CasualtyFact(
                        CasualtyFact.Role.KILLED, 1, false, CasualtyFact.Kind.IMPLICIT, null, i, j + 1, false));
            }
        }
    }

    /**
     * "injuring the driver", "wounding a flight attendant", "her bodyguard was wounded", "he was seriously hurt": one
     * wounded victim named by a singular role or a name, with no count of its own, is an injured figure of one
     * (as "one wounded" would be). "was mortally wounded" is a death, and a count near the verb is read as such.
     */
    private void readSingleWounded(List<Token> tokens, List<NumberMention> all, List<CasualtyFact> out) {
        for (int i = 0; i + 1 < tokens.size(); i++) {
            Token v = tokens.get(i);
            if (!v.mayBeIn() || !WOUND_VERBS_SINGLE.contains(v.lower())) {
                continue;
            }
            int from = -1;
            int to = -1;
            // active: "wounding the driver"
            Token next = tokens.get(i + 1);
            if (!v.is("hurt")
                    && (next.is("the") || next.is("a") || next.is("an") || next.is("his") || next.is("her"))
                    && i + 2 < tokens.size()) {
                NounGroup np = nounGroup(tokens, i + 2);
                if (np.head() != null && isRoleNoun(np.head()) && !np.ofThem()) {
                    from = i;
                    to = np.end();
                }
            }
            // passive: "her bodyguard was wounded", "he was badly hurt"
            int w = i - 1;
            while (w > 0 && WOUND_DEGREE.contains(tokens.get(w).lower())) {
                w--;
            }
            if (from < 0 && w >= 1 && tokens.get(w).is("was") && (v.is("wounded") || v.is("injured") || v.is("hurt"))) {
                boolean single = namesOneVictim(tokens, w - 1);
                if (single) {
                    from = w - 1;
                    to = i + 1;
                }
            }
            if (from < 0) {
                continue;
            }
            final int a = from;
            final int b = to;
            boolean counted = all.stream().anyMatch(m -> m.from() >= a - 6 && m.from() < b + 2)
                    || out.stream()
                            .anyMatch(f -> f.role() == CasualtyFact.Role.INJURED && f.to() > a - 6 && f.from() < b);
            if (!counted) {
                out.add(new CasualtyFact(
                        CasualtyFact.Role.INJURED, 1, false, CasualtyFact.Kind.TOTAL, null, from, to, false));
            }
        }
    }

    /**
     * Whether the subject ending at {@code k} is one person: a pronoun, a full name (two capitalised words), or a
     * role ("the driver"), so that a verb without a count still counts one victim.
     */
    private boolean namesOneVictim(List<Token> tokens, int k) {
        Token subject = tokens.get(k);
        return subject.is("he")
                || subject.is("she")
                || subject.isWord()
                        && subject.isCapitalized()
                        && k >= 1
                        && tokens.get(k - 1).isCapitalized()
                        && tokens.get(k - 1).isWord()
                || isRoleNoun(subject.lower());
    }

    /**
     * The last token of a full name (two capitalised words) that one to three comma-set appositions separate from a
     * verb ("Musa Bello, 30, a trader at the market, was killed": the name's last word), or -1. {@code comma} is the
     * comma right before the verb; an apposition holding a verb of its own or "who" is a clause, not an apposition.
     */
    private static int namedBeforeAppositions(List<Token> tokens, int comma) {
        if (comma < 3 || !tokens.get(comma).is(",")) {
            return -1;
        }
        int end = comma;
        for (int segment = 0; segment < 3; segment++) {
            int c = end - 1;
            while (c > 0 && end - c <= 20 && !tokens.get(c).is(",")) {
                if (APPOSITION_BREAK.contains(tokens.get(c).lower())) {
                    return -1;
                }
                c--;
            }
            if (c <= 1 || !tokens.get(c).is(",") || c == end - 1) {
                return -1;
            }
            Token last = tokens.get(c - 1);
            Token first = tokens.get(c - 2);
            if (last.isWord()
                    && last.isCapitalized()
                    && first.isWord()
                    && first.isCapitalized()
                    && (c - 3 < 0
                            || tokens.get(c - 3).is(",")
                            || !tokens.get(c - 3).isCapitalized())) {
                return c - 1;
            }
            end = c;
        }
        return -1;
    }

    /** Words that make a comma-set stretch a clause of its own, so no apposition of the name before it. */
    private static final Set<String> APPOSITION_BREAK =
            Set.of("was", "were", "is", "are", "had", "has", "have", "who", "which", "said", "says", "when", "after");

    private boolean isRoleNoun(String head) {
        return Set.of(
                        "head",
                        "chief",
                        "director",
                        "commander",
                        "official",
                        "governor",
                        "mayor",
                        "leader",
                        "officer",
                        "colonel",
                        "general",
                        "spokesman",
                        "deputy",
                        "lawmaker",
                        "judge",
                        "journalist",
                        "policeman",
                        "soldier",
                        "man",
                        "woman",
                        "boy",
                        "girl",
                        "child",
                        "cleric",
                        "imam",
                        "minister",
                        "worker",
                        "labourer",
                        "laborer",
                        "farmer",
                        "student",
                        "teacher",
                        "driver",
                        "civilian",
                        "resident",
                        "villager",
                        "activist",
                        "priest",
                        "ambassador",
                        "candidate",
                        "councillor",
                        "councilor",
                        "chairman",
                        "businessman",
                        "doctor",
                        "nurse",
                        "guard",
                        "bodyguard",
                        "passenger",
                        "pilot",
                        "attendant",
                        "protester",
                        "demonstrator",
                        "vigilante")
                .contains(head);
    }

    private static boolean covered(List<CasualtyFact> out, NumberMention m) {
        for (CasualtyFact f : out) {
            if (m.from() >= f.from() && m.from() < f.to()) {
                return true;
            }
        }
        return false;
    }

    private static boolean linkedToPrevious(List<Token> tokens, List<NumberMention> all, int n) {
        if (n == 0) {
            return false;
        }
        int gapFrom = all.get(n - 1).to();
        int gapTo = all.get(n).from();
        if (gapTo - gapFrom > 2) {
            return false;
        }
        for (int j = gapFrom; j < gapTo; j++) {
            if (!tokens.get(j).is("and")
                    && !tokens.get(j).is(",")
                    && !tokens.get(j).is("or")) {
                return false;
            }
        }
        return true;
    }

    private static boolean isAge(List<Token> tokens, NumberMention m) {
        int b = m.from();
        if (b > 0 && (tokens.get(b - 1).is("aged") || tokens.get(b - 1).is("ages"))) {
            return true;
        }
        if (b > 1 && tokens.get(b - 1).is("of") && tokens.get(b - 2).is("age")) {
            return true;
        }
        int a = m.to();
        if (a < tokens.size() && tokens.get(a).lower().startsWith("-year")) {
            return true;
        }
        return a + 1 < tokens.size()
                && (tokens.get(a).is("years") || tokens.get(a).is("year"))
                && (tokens.get(a + 1).is("old") || tokens.get(a + 1).lower().startsWith("-old"));
    }

    /** Ages, years, dates, clock times, route numbers: counts of nobody. */
    private boolean notACount(List<Token> tokens, NumberMention m) {
        if (isAge(tokens, m) || m.value() > MAX_COUNT) {
            return true;
        }
        int b = m.numeralFrom();
        Token first = tokens.get(b);
        if (first.isNumber()
                && m.qualifier() == null
                && first.text().length() == 4
                && first.text().indexOf(',') < 0) {
            long v = m.value();
            if (v >= 1900 && v <= 2100) {
                return true;
            }
        }
        if (m.from() > 0) {
            String prev = tokens.get(m.from() - 1).lower();
            if (MONTHS.contains(prev) || (NOT_A_COUNT_BEFORE.contains(prev) && !prev.equals("of"))) {
                return true;
            }
            if (prev.equals("of")
                    && m.from() > 1
                    && MONTHS.contains(tokens.get(m.from() - 2).lower())) {
                return true;
            }
        }
        if (m.to() < tokens.size()) {
            String next = tokens.get(m.to()).lower();
            if (MONTHS.contains(next) || NOT_A_COUNT_AFTER.contains(next)) {
                return true;
            }
            // "at nine local time" is an hour; "nine local policemen" are counted people
            if (next.equals("local")
                    && m.to() + 1 < tokens.size()
                    && tokens.get(m.to() + 1).is("time")) {
                return true;
            }
        }
        // "October 5 and 8": a second day of a date range
        if (m.from() > 1
                && tokens.get(m.from() - 1).is("and")
                && tokens.get(m.from() - 2).isNumber()
                && m.from() > 2
                && MONTHS.contains(tokens.get(m.from() - 3).lower())) {
            return true;
        }
        return false;
    }
}
