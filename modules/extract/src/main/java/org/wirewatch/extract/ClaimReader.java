package org.wirewatch.extract;

import static org.wirewatch.extract.TokenSpans.negated;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.wirewatch.extract.geo.GeoKind;
import org.wirewatch.extract.geo.GeoMention;
import org.wirewatch.extract.rules.CasualtyFact;
import org.wirewatch.extract.rules.DateMention;
import org.wirewatch.extract.rules.NumberMention;
import org.wirewatch.extract.text.Lexicon;
import org.wirewatch.extract.text.PhraseMatcher;
import org.wirewatch.extract.text.Token;
import org.wirewatch.schema.Claim;
import org.wirewatch.schema.ClaimKind;
import org.wirewatch.schema.ClaimSource;
import org.wirewatch.schema.EvidenceSpan;
import org.wirewatch.schema.IncidentMention;
import org.wirewatch.schema.SourceType;
import org.wirewatch.schema.SubEventType;
import org.wirewatch.schema.WireReport;

/**
 * Stage 5 of the reader: attributed claims, from the sentences ({@link ReportFacts}), the frames they belong to
 * ({@link IncidentDrafts}) and each incident's actor. Who said it is the {@link ClaimantResolver}'s job; this class
 * decides what kind of claim it is (a figure, a denial, a confirmation, a cumulative total), fills placeholders
 * ("a monitor said") from the sources named next, and merges: one claim per source, kind and incident. One
 * instance per report.
 */
final class ClaimReader {

    /** How many days after an attack a claim of it is still made, so a day that close is the claim's own. */
    private static final int CLAIM_DELAY_DAYS = 3;
    /** The most attacks one claim counts ("the three bombings"); a larger number is a year ("the 2019 attacks"). */
    private static final int MAX_ATTACKS_CLAIMED = 12;

    private final ReportFacts facts;
    private final IncidentDrafts drafts;
    /** The actor's name of each frame, by {@link Frame#ordinal}; null when the incident has none. */
    private final List<String> actorNames;
    /** Each frame's incident is a fight of two sides ({@link SubEventType#ARMED_CLASH}), by {@link Frame#ordinal}. */
    private final List<Boolean> clashes;
    /**
     * The incidents {@link CoordinatedSites} split off each frame ("rockets at the airports of A and B"), by {@link
     * Frame#ordinal}: one act told once, so what a party confirms of the frame it confirms of each of them.
     */
    private final Map<Integer, List<String>> siteIncidents = new HashMap<>();
    /** The place of each frame's incident as written, by {@link Frame#ordinal}; null when it has none. */
    private final List<String> places = new ArrayList<>();

    private final WireReport report;
    private final ClaimantResolver claimants;
    private final org.wirewatch.extract.rules.TotalFrames totals;
    private final org.wirewatch.extract.rules.CasualtyReader casualties;
    private final org.wirewatch.extract.rules.NumberReader numbers;
    private final Map<String, Claim.Builder> claims = new LinkedHashMap<>();

    ClaimReader(Rules rules, ReportFacts facts, IncidentDrafts drafts, List<IncidentMention> incidents) {
        this.facts = facts;
        this.drafts = drafts;
        List<String> names = new ArrayList<>(incidents.size());
        List<Boolean> fights = new ArrayList<>(incidents.size());
        for (IncidentMention m : incidents) {
            names.add(m.getActor() == null ? null : m.getActor().getName());
            fights.add(m.getSubEventType() == SubEventType.ARMED_CLASH);
        }
        this.actorNames = names;
        this.clashes = fights;
        for (int i = 0; i < drafts.frames().size() && i < incidents.size(); i++) {
            places.add(
                    incidents.get(i).getLocation() == null
                            ? null
                            : incidents.get(i).getLocation().getPlace());
        }
        for (int i = drafts.frames().size(); i < incidents.size(); i++) {
            IncidentMention m = incidents.get(i);
            int start = m.getEvidence().get(0).getStart();
            for (Frame f : drafts.frames()) {
                if (f.members.stream().anyMatch(x -> x.sentence.start() == start)) {
                    siteIncidents
                            .computeIfAbsent(f.ordinal, k -> new ArrayList<>())
                            .add(m.getMentionId());
                    break;
                }
            }
        }
        this.report = facts.text().report();
        this.claimants = new ClaimantResolver(rules, facts, drafts);
        this.totals = rules.totals;
        this.casualties = rules.casualties;
        this.numbers = rules.numbers;
    }

    List<Claim> read() {
        List<SentenceInfo> infos = facts.sentences();
        List<Pending> pending = new ArrayList<>();
        for (int i = 0; i < infos.size(); i++) {
            SentenceInfo s = infos.get(i);
            if (s.isHeadline()) {
                continue;
            }
            Pending waiting = unsourced;
            unsourced = null;
            List<Pending> own = readSentence(s);
            if (waiting != null && sourcedNext(waiting, s, own)) {
                pending.add(waiting);
            }
            pending.addAll(own);
            previousSentence = s;
        }
        // an indefinite placeholder ("a monitor said", "a local security source said") is the source named
        // in the next sentences ("the Syrian Observatory for Human Rights", "Ahmed Haruna, a member of ...")
        Map<String, Claimant> replaced = new HashMap<>();
        for (Pending p : pending) {
            Claimant c = p.claimant;
            if (!c.generic() || !WordList.PLACEHOLDER_HEAD.contains(c.head()) || replaced.containsKey(c.key())) {
                continue;
            }
            for (int j = p.sentence + 1; j <= p.sentence + 3; j++) {
                Claimant q = bySentence.get(j);
                if (q != null && givesOtherToll(pending, j, p)) {
                    break; // a rival named next: the placeholder is neither it nor what the rival says after
                }
                if (q != null
                        && (!q.generic() || describedOffice(c, q))
                        && fillsPlaceholder(c, q)
                        && !givesOtherToll(pending, j, p)
                        // "officials said", "local militia leaders said": several people stand for the one named
                        // next only when he gives their toll
                        && (!WordList.SEVERAL_PEOPLE_HEAD.contains(c.head()) || givesSameToll(pending, j, p))) {
                    replaced.put(c.key(), q);
                    break;
                }
            }
        }
        for (Pending p : pending) {
            Claimant r = replaced.get(p.claimant.key());
            if (r != null) {
                p.claimant = r;
            }
        }
        namedInstitutions(pending);
        namedSpokesmen(pending);
        namedBodies(pending);
        pending.removeIf(p -> summedUpDenial(p, pending));
        for (Pending p : pending) {
            add(p, p.kind == ClaimKind.CUMULATIVE || p.frame == null ? null : p.frame.mentionId);
        }
        for (Pending p : pending) {
            if (p.kind == ClaimKind.CONFIRMATION && p.frame != null) {
                for (String site : siteIncidents.getOrDefault(p.frame.ordinal, List.of())) {
                    add(p, site);
                }
            }
        }
        List<Claim> out = new ArrayList<>();
        int n = 1;
        for (Claim.Builder b : claims.values()) {
            b.setClaimId(report.getUri() + "#c" + n);
            n++;
            out.add(b.build());
        }
        return out;
    }

    /**
     * "Kurdish groups strongly denied any connection." in the lead, then "The PKK denied involvement ... Mazloum Abdi,
     * commander of the SDF, wrote that his forces had nothing to do with it": a denial by a description that later
     * sentences spell out as denials of the same incident by named parties sums those up, no denier of its own.
     */
    private static boolean summedUpDenial(Pending p, List<Pending> pending) {
        if (p.kind != ClaimKind.DENIAL || !p.claimant.generic()) {
            return false;
        }
        for (Pending q : pending) {
            if (q.kind == ClaimKind.DENIAL && q.frame == p.frame && !q.claimant.generic() && q.sentence > p.sentence) {
                return true;
            }
        }
        return false;
    }

    /**
     * "health officials said 40 were killed" in a report that names the Health Ministry: a description of a field's
     * officials is the one institution of that field the report names (its name has the field's word and an
     * institution's head). Two institutions of the field named ("the Health Ministry", "the Health Department") leave
     * the description as it is; wordings of one ("the Health Ministry in the capital") are that one.
     */
    private void namedInstitutions(List<Pending> pending) {
        Map<Claimant, List<String>> named = new LinkedHashMap<>();
        for (Claimant c : bySentence.values()) {
            List<String> words = words(c.name());
            if (!c.generic() && words.stream().anyMatch(WordList.INSTITUTION_HEAD::contains)) {
                named.put(c, words); // "the Health Ministry", "the Health Ministry in the capital"
            }
        }
        Map<String, Claimant> resolved = new HashMap<>();
        for (Pending p : pending) {
            Claimant c = p.claimant;
            if (!c.generic() || !WordList.DESCRIBED_HEAD.contains(c.head()) || resolved.containsKey(c.key())) {
                continue;
            }
            List<String> words = words(c.name());
            if (words.size() != 2) {
                continue; // "health officials", not "local health officials in the north"
            }
            String field = words.get(0);
            Claimant shortest = null;
            for (Map.Entry<Claimant, List<String>> n : named.entrySet()) {
                if (n.getValue().contains(field)
                        && (shortest == null
                                || n.getKey().name().length() < shortest.name().length())) {
                    shortest = n.getKey();
                }
            }
            if (shortest == null) {
                continue;
            }
            // every institution of the field named is a wording of the shortest one
            String core = shortest.name().toLowerCase(java.util.Locale.ROOT);
            boolean one = named.entrySet().stream()
                    .filter(n -> n.getValue().contains(field))
                    .allMatch(n ->
                            n.getKey().name().toLowerCase(java.util.Locale.ROOT).contains(core));
            if (one) {
                resolved.put(c.key(), shortest);
            }
        }
        for (Pending p : pending) {
            Claimant r = resolved.get(p.claimant.key());
            if (r != null) {
                p.claimant = r;
            }
        }
    }

    /**
     * "..., an army spokesman said. ..., Major X of the army's press office told state radio", "..., a spokesman for
     * the city's ambulance service said. X told state radio the toll had doubled": the person named in the next
     * sentences without a body of another kind is the unnamed spokesman, speaking for the body named with him; what
     * he says alone is that body's word.
     */
    private void namedSpokesmen(List<Pending> pending) {
        Map<String, Claimant> filled = new HashMap<>();
        Map<String, Claimant> people = new HashMap<>();
        for (Pending p : pending) {
            Claimant c = p.claimant;
            // "..., the military said. ... Brig. Gen. X, who heads Joint Task Force Y, said": a state's forces
            // speaking as a body are the officer of one of their units the report names next
            boolean forces = c.type() == SourceType.BELLIGERENT
                    && !c.generic()
                    && org.wirewatch.extract.lexicon.Sources.speakingBody(c.head());
            if (c.speaker() != null || filled.containsKey(c.key()) || !(unnamedSpokesman(p.info) || forces)) {
                continue;
            }
            for (int j = p.sentence + 1; j <= p.sentence + 2; j++) {
                Claimant q = bySentence.get(j);
                if (q == null || q.key().equals(c.key()) && q.speaker() == null) {
                    continue; // "..., it said": the same body goes on
                }
                if (forces && !unnamedSpokesman(p.info)) {
                    boolean unit = q.speaker() != null
                            && q.type() == SourceType.OTHER
                            && !q.generic()
                            && !q.name().equals(q.speaker())
                            && newlyNamed(q.speaker(), p.info)
                            && countsNothing(j);
                    if (unit) {
                        filled.put(c.key(), new Claimant(c.name(), c.type(), q.speaker(), c.key(), false, c.head()));
                    }
                    break;
                }
                if (q.speaker() != null && !newlyNamed(q.speaker(), p.info)) {
                    break; // "Kebzabo said": a person the report named before, with his own office
                }
                boolean alone = q.speaker() != null && q.name().equals(q.speaker());
                boolean sameKind = q.speaker() != null
                        && !alone
                        && (q.key().equals(c.key())
                                || q.type() == c.type()
                                || words(q.name()).stream().anyMatch(w -> w.startsWith(c.head())));
                if (alone || sameKind) {
                    Claimant named = new Claimant(c.name(), c.type(), q.speaker(), c.key(), false, c.head());
                    filled.put(c.key(), named);
                    if (alone) {
                        people.put(q.key(), named);
                    }
                }
                break; // a source of another kind speaks next: the spokesman stays unnamed
            }
        }
        for (Pending p : pending) {
            Claimant person = people.get(p.claimant.key());
            Claimant body = filled.get(p.claimant.key());
            if (person != null) {
                p.claimant = person;
            } else if (body != null && p.claimant.speaker() == null) {
                p.claimant = body;
            }
        }
    }

    /**
     * "..., a police spokesman told VOA. ... Somali police spokesman X said": a body named by its bare head word
     * ("police", "army") is the one body of that kind and head the report names in full, when it names one; two
     * ("Kenyan police", "Somali police") leave the bare word as it is.
     */
    private void namedBodies(List<Pending> pending) {
        Map<String, Claimant> named = new HashMap<>();
        java.util.Set<String> several = new java.util.HashSet<>();
        for (Claimant c : bySentence.values()) {
            if (c.generic() || c.name().indexOf(' ') < 0) {
                continue;
            }
            String slot = c.type() + "|" + c.head();
            Claimant seen = named.putIfAbsent(slot, c);
            if (seen != null && !seen.key().equals(c.key())) {
                several.add(slot);
            }
        }
        for (Pending p : pending) {
            Claimant c = p.claimant;
            String slot = c.type() + "|" + c.head();
            if (c.generic()
                    && c.speaker() == null
                    && c.name().indexOf(' ') < 0
                    && named.containsKey(slot)
                    && !several.contains(slot)) {
                Claimant body = named.get(slot);
                p.claimant = new Claimant(body.name(), body.type(), null, body.key(), false, body.head());
            }
        }
    }

    /** The sentence of index {@code j} tells no casualties. */
    private boolean countsNothing(int j) {
        return j < facts.sentences().size() && facts.sentences().get(j).facts.isEmpty();
    }

    /** A full name ("Tomas Verel", not a bare surname) whose surname the report has not used before the sentence. */
    private boolean newlyNamed(String person, SentenceInfo before) {
        int space = person.lastIndexOf(' ');
        if (space < 0) {
            return false;
        }
        String surname = person.substring(space + 1);
        return !facts.text()
                .text()
                .substring(0, before.sentence.tokens().get(0).start())
                .contains(surname);
    }

    /** "an army spokesman said", "a spokesman for the ministry said": a spokesman the sentence does not name. */
    private static boolean unnamedSpokesman(SentenceInfo s) {
        List<Token> tokens = s.sentence.tokens();
        for (int i = 0; i < tokens.size(); i++) {
            if (!WordList.SPOKESMAN.contains(tokens.get(i).lower())) {
                continue;
            }
            boolean indefinite = false;
            for (int k = Math.max(0, i - 3); k < i; k++) {
                indefinite |= tokens.get(k).is("a") || tokens.get(k).is("an");
            }
            boolean named = i + 1 < tokens.size() && tokens.get(i + 1).isCapitalized();
            if (indefinite && !named) {
                return true;
            }
        }
        return false;
    }

    private static List<String> words(String name) {
        return List.of(name.toLowerCase(java.util.Locale.ROOT).split(" "));
    }

    /** Every total of the sentence comes after token {@code at}. */
    private static boolean figuresAfter(SentenceInfo s, int at) {
        boolean own = false;
        for (CasualtyFact f : s.facts) {
            if (f.kind() == CasualtyFact.Kind.TOTAL && f.from() < at) {
                return false;
            }
            own |= f.kind() == CasualtyFact.Kind.TOTAL && !describesTheEvent(s.sentence.tokens(), f.from());
        }
        return at >= 0 && own;
    }

    /**
     * "IS claimed twin bombings that killed 84 people", "claimed the attack, which killed 12", "..., killing 5": a
     * figure in a clause describing the event is the narrative's, not the claimant's own count.
     */
    private static boolean describesTheEvent(List<Token> tokens, int from) {
        for (int k = Math.max(0, from - 3); k <= Math.min(tokens.size() - 1, from); k++) {
            Token t = tokens.get(k);
            boolean reported = t.is("that")
                    && k > 0
                    && (WordList.SPEECH_VERB.contains(tokens.get(k - 1).lower())
                            || tokens.get(k - 1).is("saying")
                            || tokens.get(k - 1).is("adding"));
            if ((t.is("that") && !reported) || t.is("which") || t.is("killing") || t.is("leaving")) {
                return true; // "saying that 12 soldiers had been killed" stays the claimant's own count
            }
        }
        return false;
    }

    /**
     * "..., authorities said. The state prosecutor's office said ...": an office of government described in
     * several words, without a proper name, still names the authorities more closely than they were named.
     */
    private static boolean describedOffice(Claimant placeholder, Claimant named) {
        return placeholder.head().equals("authorities")
                && (named.type() == SourceType.GOVERNMENT || named.type() == SourceType.LOCAL_OFFICIAL)
                && named.name().split(" ").length >= 3;
    }

    /**
     * "Authorities had first reported 18 dead. X later put the toll at 20": a source named next with a toll of
     * its own that differs is a rival, not the one the placeholder stood for ("two more died" is no rival toll).
     */
    private static boolean givesOtherToll(List<Pending> pending, int sentence, Pending placeholder) {
        for (Pending q : pending) {
            if (q.sentence == sentence
                    && q.kind == ClaimKind.FIGURE
                    && q.whole
                    && q.killed != null
                    && placeholder.killed != null
                    && !q.killed.equals(placeholder.killed)) {
                return true;
            }
        }
        return false;
    }

    /**
     * "..., officials said. A police superintendent, X, said the wounded were taken to three hospitals": officials
     * are several people, and one of them named next stands for them only when he gives their toll ("X said 18
     * civilians and four officials had died", 22 as in the lead).
     */
    private static boolean givesSameToll(List<Pending> pending, int sentence, Pending placeholder) {
        for (Pending q : pending) {
            if (q.sentence == sentence
                    && q.kind == ClaimKind.FIGURE
                    && q.killed != null
                    && q.killed.equals(placeholder.killed)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a source named later is the one an indefinite placeholder stood for. An anonymous source ("a
     * security source told AFP") is never a party speaking in its own name nor a news outlet, and an unnamed official is a person
     * of a government, not an institution that speaks next ("Police confirmed ...").
     */
    private static boolean fillsPlaceholder(Claimant placeholder, Claimant named) {
        String head = placeholder.head();
        if (named.type() == SourceType.BELLIGERENT
                && named.speaker() == null
                && !head.equals("group")
                && !head.equals("source")) {
            // "..., Russia's top state investigative agency said. The X branch of Islamic State claimed the attack":
            // an agency, monitor, office or body is never an armed party speaking as a body next (a person named
            // as the speaker may still be the official it stood for)
            return false;
        }
        if (placeholder.type() == SourceType.MEDICAL && named.type() != SourceType.MEDICAL && named.speaker() == null) {
            // "regional health authorities said 38 were hurt. The ombudsman's office also reported ...": a
            // description of the medical field stands for a medical body, not an office of another kind named next
            return false;
        }
        if (head.equals("witness") || head.equals("resident")) {
            // "a resident who helped collect bodies said 53 ... Military spokesman X said": a witness is a person of
            // no office, never the official or party that speaks next
            return named.speaker() != null && (named.type() == SourceType.WITNESS || named.type() == SourceType.OTHER);
        }
        if (head.startsWith("leader")) {
            // "militia leaders said ... said X, head of the militia": a person, never a body named next
            return named.speaker() != null;
        }
        if (head.startsWith("official")) {
            return named.speaker() != null
                    && (named.type() == SourceType.GOVERNMENT || named.type() == SourceType.LOCAL_OFFICIAL);
        }
        if (head.equals("source")) {
            // nor the outlet it talked to ("told AFP ... according to an AFP tally"), nor a monitor, think tank or
            // aid body named for another figure ("A security source put the toll at 23. ... according to the
            // International Crisis Group")
            return named.type() != SourceType.MEDIA
                    && named.type() != SourceType.UN_NGO
                    && named.type() != SourceType.MONITOR
                    && (named.type() != SourceType.BELLIGERENT || named.speaker() != null);
        }
        return true;
    }

    /** A claim read from a sentence, before placeholders are resolved and duplicates merged. */
    private static final class Pending {
        Claimant claimant;
        final ClaimKind kind;
        final Integer killed;
        final Integer injured;
        final boolean superseded;
        final Frame frame;
        final SentenceInfo info;
        final int sentence;
        /** The killed figure stands on its own: not "another five", not a part the next sentence adds to. */
        boolean whole;

        Pending(
                Claimant claimant,
                ClaimKind kind,
                Integer killed,
                Integer injured,
                boolean superseded,
                Frame frame,
                SentenceInfo info) {
            this.claimant = claimant;
            this.kind = kind;
            this.killed = killed;
            this.injured = injured;
            this.superseded = superseded;
            this.frame = frame;
            this.info = info;
            this.sentence = info.sentence.index();
        }
    }

    private final List<Pending> figures = new ArrayList<>();
    /** The totals of the sentence just read when it named no source, waiting for one in the next sentence. */
    private Pending unsourced;

    /** "admitted to hospital", "bodies admitted to the morgue": taken in, not an admission ("admitted to firing"). */
    /** "to AFP", "to the BBC" right after a verb: the one told, an agency or outlet named with a capital. */
    private static boolean toListener(List<Token> tokens, int after) {
        int k = after + 1;
        if (k < tokens.size() && tokens.get(k).is("the")) {
            k++;
        }
        return after < tokens.size()
                && tokens.get(after).is("to")
                && k < tokens.size()
                && tokens.get(k).isCapitalized();
    }

    /**
     * "Police said they suspected X was behind it, which the group's affiliate Y denied": the denier of a relative
     * clause after a comma is the one named between "which" and the denying verb, not the sentence's teller; so is
     * the one named in ", a charge X denied" after the teller's words. Null when no such clause names a source.
     */
    private Claimant relativeDenier(SentenceInfo s, List<PhraseMatcher.Match> cues) {
        List<Token> tokens = s.sentence.tokens();
        for (PhraseMatcher.Match m : cues) {
            if (!m.entry().value(0).equals("DENY_VERB")) {
                continue;
            }
            int charge = ClaimantResolver.chargeAnswered(tokens, m.from());
            if (charge >= 0 && charge + 1 < m.from()) {
                // "..., activists said, a charge the RSF denied": the words after the charge name who denies
                Claimant c = claimants.resolve(s, charge + 1, m.from());
                return c == null || ClaimantResolver.isPronoun(c.name()) ? null : c;
            }
            for (int k = m.from() - 1; k > 0 && !tokens.get(k).isPunct(); k--) {
                if (tokens.get(k).is("which") && tokens.get(k - 1).is(",") && k + 1 < m.from()) {
                    Claimant c = claimants.resolve(s, k + 1, m.from());
                    return c == null || ClaimantResolver.isPronoun(c.name()) ? null : c;
                }
            }
        }
        return null;
    }

    /** A perfect auxiliary and a LONG_STANDING word: "has long accused", "have long denied". */
    private static boolean longStanding(List<Token> tokens) {
        for (int k = 0; k + 1 < tokens.size(); k++) {
            if (WordList.PERFECT_AUXILIARY.contains(tokens.get(k).lower())
                    && WordList.LONG_STANDING.contains(tokens.get(k + 1).lower())) {
                return true;
            }
        }
        return false;
    }

    /** A REJECTED_ACCOUNT noun of someone's ("the group's claim", "the rebels' account") within four words. */
    private static boolean othersAccount(List<Token> tokens, int after) {
        for (int k = after + 1;
                k <= after + 4
                        && k < tokens.size()
                        && (!tokens.get(k).isPunct() || tokens.get(k).is("'"));
                k++) {
            if (WordList.REJECTED_ACCOUNT.contains(tokens.get(k).lower())
                    && (tokens.get(k - 1).is("'s") || tokens.get(k - 1).is("'"))) {
                return true;
            }
        }
        return false;
    }

    private static boolean admittedTo(List<Token> tokens, int after) {
        return after + 1 < tokens.size()
                && tokens.get(after).is("to")
                && !tokens.get(after + 1).lower().endsWith("ing");
    }

    private static boolean addsToAFigure(SentenceInfo s) {
        for (CasualtyFact f : s.facts) {
            if (f.additive()) {
                return true;
            }
        }
        return false;
    }

    /**
     * "Gunmen killed nine people in a village late on Tuesday. The victims were shot at close range, a police officer
     * said.", "Eleven people died in the fire. The toll was given by the regional governor.": a toll told with no source
     * takes the source of the next sentence when that sentence goes on about the same incident and gives no total of
     * its own. A sentence that denies, confirms or claims the attack is a party's statement about something else.
     */
    private boolean sourcedNext(Pending waiting, SentenceInfo next, List<Pending> own) {
        Claimant c = bySentence.get(next.sentence.index());
        if (waiting.sentence != next.sentence.index() - 1
                || c == null
                || c.type() == SourceType.WITNESS
                || (c.generic() && c.type() == SourceType.OTHER)
                || next.cumulative
                || !next.facts.isEmpty()
                || drafts.frameOf(next) != waiting.frame) {
            // a witness tells what he saw, not whose toll it is, and a bare description ("a trader") names no
            // source of tolls; a sentence with casualties of its own ("no one
            // aboard was hurt, but officials said") speaks of those
            return false;
        }
        for (Pending p : own) {
            if (p.kind != ClaimKind.FIGURE) {
                return false;
            }
        }
        for (PhraseMatcher.Match m : next.cues) {
            String kind = m.entry().value(0);
            if (kind.equals("RESPONSIBILITY") || kind.equals("DENY") || kind.equals("DENY_VERB")) {
                return false;
            }
        }
        waiting.claimant = c;
        figures.add(waiting);
        return true;
    }

    private final Map<Integer, Claimant> bySentence = new HashMap<>();
    private SentenceInfo previousSentence;

    private boolean chained(SentenceInfo s, CasualtyFact f) {
        for (CasualtyFact x : s.facts) {
            if (x.from() < f.from() && x.role() == f.role()) {
                return true;
            }
        }
        for (CasualtyFact x : s.facts) {
            if (x.from() < f.from() && x.role() != f.role() && !x.additive() && x.kind() == CasualtyFact.Kind.TOTAL) {
                // "killed five people and wounded six others": others than the dead just counted, not more wounded
                // on top of a figure the sentence before gave
                return false;
            }
        }
        return previousSentence != null && previousSentence.facts.stream().anyMatch(x -> x.role() == f.role());
    }

    /**
     * A death toll that stands on its own, so that a second one from the same source is a claim of its own: not
     * "another five" or "five more" (added to a figure before), not "seven of them" (a part of one), and not a
     * figure the next sentence adds to ("killed 36 family members ... Another seven victims had not yet been
     * identified").
     */
    private boolean wholeFigure(SentenceInfo s, CasualtyFact f) {
        if (f.additive()) {
            return false;
        }
        List<Token> tokens = s.sentence.tokens();
        if (f.to() + 1 < tokens.size()
                && tokens.get(f.to()).is("of")
                && tokens.get(f.to() + 1).is("them")) {
            return false;
        }
        List<SentenceInfo> all = facts.sentences();
        int next = s.sentence.index() + 1;
        if (next < all.size()) {
            for (CasualtyFact x : all.get(next).facts) {
                if (x.additive() && x.role() == CasualtyFact.Role.KILLED) {
                    return false;
                }
            }
        }
        return true;
    }

    private Pending lastFigure(Frame frame) {
        for (int i = figures.size() - 1; i >= 0; i--) {
            if (figures.get(i).frame == frame) {
                return figures.get(i);
            }
        }
        return null;
    }

    /**
     * The frame's last figure by another teller whose name shares a word of {@code c}'s ("militia member" and "head
     * of a militia"), else its last figure.
     */
    private Pending sameKindFigure(Frame frame, Claimant c) {
        if (c != null && c.name() != null) {
            java.util.Set<String> words = singularWords(c.name());
            words.removeIf(w -> w.length() <= 3); // "of", "the", "an" name no kind
            for (int i = figures.size() - 1; i >= 0; i--) {
                Pending p = figures.get(i);
                if (p.frame == frame
                        && p.claimant != null
                        && p.claimant != c
                        && !java.util.Collections.disjoint(words, singularWords(p.claimant.name()))) {
                    return p;
                }
            }
        }
        return lastFigure(frame);
    }

    /** The first whole death toll the frame's sentences before {@code s} tell, or null. */
    private static Integer toldToll(Frame frame, SentenceInfo s) {
        if (frame == null) {
            return null;
        }
        SentenceInfo first = null;
        Integer toll = null;
        for (SentenceInfo m : frame.members) {
            if (m.sentence.index() >= s.sentence.index()
                    || first != null && m.sentence.index() >= first.sentence.index()) {
                continue;
            }
            for (CasualtyFact f : m.facts) {
                if (f.role() == CasualtyFact.Role.KILLED
                        && f.kind() == CasualtyFact.Kind.TOTAL
                        && !f.vague()
                        && f.value() != null) {
                    first = m;
                    toll = f.value();
                    break;
                }
            }
        }
        return toll;
    }

    /**
     * The count of "an initial toll of three", "an earlier count of 19" after the sentence's death toll, when it is
     * another number: the teller's figure before the one the sentence gives. Null when there is none.
     */
    private Integer earlierTollRevised(List<Token> tokens, CasualtyFact toll) {
        for (int k = toll.to(); k + 3 < tokens.size(); k++) {
            if (k > 0
                    && tokens.get(k - 1).is(",")
                    && WordList.RIVAL_CLAUSE_OPENER.contains(tokens.get(k).lower())) {
                return null; // ", while X gave an initial toll of 19": a rival's figure, not the teller's own
            }
            if (WordList.TOLL_WORD.contains(tokens.get(k).lower())
                    && !tokens.get(k).is("toll")
                    && WordList.TOLL_NOUN.contains(tokens.get(k + 1).lower())
                    && tokens.get(k + 2).is("of")) {
                NumberMention n = numbers.readAt(tokens, k + 3);
                if (n != null && !n.vague() && n.value() != toll.value()) {
                    return (int) n.value();
                }
            }
        }
        return null;
    }

    /**
     * "who gave the same casualty figures", "put the toll at the same number": the sentence's teller repeats a toll
     * without stating it ("not the same figures" repeats nothing).
     */
    private static boolean repeatsAToll(List<Token> tokens) {
        for (int i = 1; i < tokens.size(); i++) {
            if (!tokens.get(i).is("same") || tokens.get(i - 1).is("not")) {
                continue;
            }
            for (int k = i + 1; k < Math.min(tokens.size(), i + 4); k++) {
                String w = tokens.get(k).lower();
                if (WordList.TOLL_NOUN.contains(w)
                        || w.endsWith("s") && WordList.TOLL_NOUN.contains(w.substring(0, w.length() - 1))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean confirmsToll(List<Token> tokens) {
        for (int i = 0; i < tokens.size(); i++) {
            if (tokens.get(i).is("not") || tokens.get(i).is("without")) {
                return false;
            }
        }
        for (int i = 0; i < tokens.size(); i++) {
            if (tokens.get(i).lower().startsWith("confirm")) {
                for (int k = Math.max(0, i - 5); k < Math.min(tokens.size(), i + 4); k++) {
                    if (tokens.get(k).is("toll")) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private List<Pending> readSentence(SentenceInfo s) {
        List<Pending> out = new ArrayList<>();
        List<Token> tokens = s.sentence.tokens();
        List<PhraseMatcher.Match> cues = withRejection(s.cues, tokens);
        // the teller the sentence's own cues name comes first: in "the ministry said it rejected the claims" the
        // one who said it, not the pronoun before the rejection
        Claimant sentenceClaimant = claimants.claimant(s, s.cues, 0, tokens.size());
        if (sentenceClaimant == null && cues != s.cues) {
            sentenceClaimant = claimants.claimant(s, cues, 0, tokens.size());
        }
        if (sentenceClaimant != null) {
            claimants.remember(sentenceClaimant);
            bySentence.put(s.sentence.index(), sentenceClaimant);
        }
        if (sentenceClaimant != null
                && previousSentence != null
                && TollClauses.isSecondClause(s.sentence)
                && !bySentence.containsKey(previousSentence.sentence.index())
                && !previousSentence.cumulative
                && drafts.frameOf(previousSentence) != null
                && saidAfterToll(s)) {
            // "Four people were killed in A, where police fired on the crowd, and 12 died in B, the sources said":
            // the teller at the end of a two-toll sentence read as two gave the first clause's toll too
            Pending p = figureFrom(
                    sentenceClaimant,
                    previousSentence,
                    drafts.frameOf(previousSentence),
                    0,
                    previousSentence.sentence.tokens().size());
            if (p != null) {
                out.add(p);
                figures.add(p);
            }
        }
        if (s.cumulative && (sentenceClaimant == null || countsAnything(s))) {
            if (sentenceClaimant == null) {
                return out;
            }
            List<Integer> tallies = totals.numbersBroughtTo(tokens);
            if (!tallies.isEmpty()) {
                // "brought to 18 the number of mayors slain ..., and the number of lawmakers killed to eight": each
                // tally its own running total
                for (Integer n : tallies) {
                    out.add(new Pending(sentenceClaimant, ClaimKind.CUMULATIVE, n, null, false, null, s));
                }
                return out;
            }
            // pair each killed figure with the injured figure after it: "651 dead and 867 wounded, and ... 591"; the
            // totals of a rival's clause are the rival's ("WHO says 8,000 have been killed since ..., while other
            // UN figures put the number at 10,000")
            int split = secondSourceClause(s, cues, sentenceClaimant);
            Claimant teller = sentenceClaimant;
            Integer killed = null;
            Integer injured = null;
            boolean any = false;
            boolean vagueKilled = false;
            for (CasualtyFact f : s.facts) {
                if (f.kind() == CasualtyFact.Kind.BREAKDOWN || restated(tokens, f)) {
                    continue;
                }
                if (split >= 0 && f.from() >= split && teller == sentenceClaimant) {
                    if (any) {
                        out.add(new Pending(teller, ClaimKind.CUMULATIVE, killed, injured, false, null, s));
                    }
                    teller = clauseSource;
                    killed = null;
                    injured = null;
                    any = false;
                }
                if (f.vague()) {
                    vagueKilled |= f.role() == CasualtyFact.Role.KILLED;
                    continue;
                }
                if (f.role() == CasualtyFact.Role.KILLED) {
                    if (any && killed != null) {
                        out.add(new Pending(teller, ClaimKind.CUMULATIVE, killed, injured, false, null, s));
                        injured = null;
                    }
                    killed = f.value();
                    any = true;
                } else if (f.role() == CasualtyFact.Role.INJURED && injured == null) {
                    injured = f.value();
                    any = true;
                }
            }
            if (any) {
                out.add(new Pending(teller, ClaimKind.CUMULATIVE, killed, injured, false, null, s));
            } else if (vagueKilled && overAPeriod(s)) {
                // "The Observatory has reported dozens of civilians killed since the offensive began"; with no period
                // ("Dozens of civilians have been killed in drone strikes on towns, residents say") the lead sums up
                // the incidents the report goes on to tell, no running total of anyone's
                out.add(new Pending(sentenceClaimant, ClaimKind.CUMULATIVE, null, null, false, null, s));
            }
            return out;
        }
        if (s.cumulative && sentenceClaimant != null && casualties.countsKilledOrWounded(tokens)) {
            // "More than 120 have been killed or wounded by mines since the ceasefire, according to official data":
            // a running total of casualties that gives no death toll
            out.add(new Pending(sentenceClaimant, ClaimKind.CUMULATIVE, null, null, false, null, s));
            return out;
        }
        Frame frame = drafts.frameOf(s);
        if (frame == null && s.cumulative && !drafts.frames().isEmpty() && denies(cues)) {
            // a denial whose "since midnight" kept the sentence out of every incident: it answers the report's
            // main incident
            frame = drafts.frames().get(0);
        }
        if (frame == null) {
            return out;
        }
        // clauses with their own speaker: "WHO says more than 8,000 ..., while other UN figures put ...", "...,
        // down from an initial toll of 103 given by state media": the figures after the boundary are the second
        // source's claim, not the first's
        Claimant figureClaimant = sentenceClaimant;
        int split = embeddedSourceClause(s, cues, sentenceClaimant);
        if (split < 0) {
            split = secondSourceClause(s, cues, sentenceClaimant);
        }
        if (split >= 0) {
            Pending p = figureFrom(clauseSource, s, frame, split, tokens.size());
            if (p != null) {
                out.add(p);
                figures.add(p);
            }
        }
        int end = split >= 0 ? split : tokens.size();
        Integer killed = null;
        Integer injured = null;
        CasualtyFact killedFact = null;
        for (CasualtyFact f : s.facts) {
            if (f.kind() != CasualtyFact.Kind.TOTAL || f.vague() || f.from() >= end || restated(tokens, f)) {
                continue;
            }
            if (f.additive() && chained(s, f)) {
                continue; // "Another five people died": part of a figure given just before
            }
            if (f.role() == CasualtyFact.Role.KILLED && stepAfterDeath(tokens, f)) {
                continue; // "23 bodies had been identified": a count of the identified, not the teller's toll
            }
            if (f.role() == CasualtyFact.Role.KILLED && killed == null) {
                killed = f.value();
                killedFact = f;
            } else if (f.role() == CasualtyFact.Role.INJURED && injured == null) {
                injured = f.value();
            }
        }
        Integer first = killedFact == null ? null : countBeforeApposition(tokens, killedFact);
        if (first != null) {
            // "12 soldiers, an officer among them, and at least 13 militants had died": the teller's first count
            killed = first;
        }
        if (killed == null && sentenceClaimant != null) {
            // "A fifth member of the guard has died of wounds, state media said": the teller's count of the dead
            killed = casualties.ordinalDeath(tokens);
        }
        Integer brought = killedFact == null ? null : totals.broughtToll(tokens, killedFact.to(), end);
        if (brought != null && brought > killed) {
            // "Eighteen died on the spot and two more later in hospital, bringing the toll to 20, he said": the
            // teller's toll is the one the sentence arrives at
            killed = brought;
        }
        Claimant rival = killedFact == null ? null : claimBeforeDismissal(s, cues, killedFact, sentenceClaimant);
        if (rival != null) {
            figureClaimant = rival;
        }
        if (figureClaimant == null
                && split < 0
                && (killed != null || injured != null)
                && frame.main
                && !frame.past
                && cues.isEmpty()
                && !addsToAFigure(s)
                && (previousSentence == null || !bySentence.containsKey(previousSentence.sentence.index()))) {
            // "Nine people died in the blast." with nobody named and no word of saying, claiming or denying: the
            // next sentence may name who gave the toll ("Another 12 were wounded" goes on with a toll given before,
            // and a toll just after an attributed sentence goes on with that sentence's source)
            unsourced = new Pending(null, ClaimKind.FIGURE, killed, injured, s.superseded, frame, s);
            unsourced.whole = killedFact != null && wholeFigure(s, killedFact);
        }
        boolean figure = figureClaimant != null
                && (killed != null || injured != null)
                && !narratedAfterResponsibility(s, cues, figureClaimant, end)
                && !dismissedFigure(s, cues, killedFact, end)
                && !relaysReports(s, cues, killedFact);
        if (figure) {
            Pending p = new Pending(figureClaimant, ClaimKind.FIGURE, killed, injured, s.superseded, frame, s);
            p.whole = killedFact != null && wholeFigure(s, killedFact);
            out.add(p);
            figures.add(p);
            CasualtyFact other = killedFact == null ? null : otherSidesToll(s, killedFact, end);
            if (other != null) {
                Pending q = new Pending(figureClaimant, ClaimKind.FIGURE, other.value(), null, s.superseded, frame, s);
                q.whole = true;
                out.add(q);
                figures.add(q);
            }
            Integer earlier = killedFact == null ? null : earlierTollRevised(tokens, killedFact);
            if (earlier != null) {
                // "..., according to a police report, which revised an initial toll of three": the same teller's
                // earlier figure, superseded by the one the sentence gives
                out.add(new Pending(figureClaimant, ClaimKind.FIGURE, earlier, null, true, frame, s));
            }
        }
        boolean deny = false;
        boolean denyVerb = false;
        boolean confirmVerb = false;
        boolean responsibility = false;
        boolean admission = false;
        boolean record = false;
        int responsibilityAt = -1;
        for (PhraseMatcher.Match m : cues) {
            switch (m.entry().value(0)) {
                case "DENY" -> deny = true;
                case "DENY_VERB" -> denyVerb = true;
                // "could not be confirmed by independent observers" confirms nothing
                // "acknowledged the group's claim": another's words, what its teller did not do; "confirmed to AFP
                // that the rebels had taken the town": told to the agency, as with "told AFP"
                case "CONFIRM_VERB" ->
                    confirmVerb |=
                            !negated(tokens, m.from()) && !othersAccount(tokens, m.to()) && !toListener(tokens, m.to());
                case "RESPONSIBILITY" -> {
                    responsibility = !negated(tokens, m.from());
                    responsibilityAt = m.from();
                    record = responsibility && pastClaims(tokens, m);
                }
                // "bodies admitted to the morgue", "were admitted to hospital": taken in, no admission of a mistake
                case "ADMISSION" -> admission |= !admittedTo(tokens, m.to());
                default -> {}
            }
        }
        // "no government soldier had been harmed": a party denying harm to a group, with no phrase of the cue table
        deny |= !s.hasCasualties() && deniedHarm(tokens);
        Claimant responsible = responsibility ? responsibleClaimant(s, cues, sentenceClaimant) : null;
        if (responsible != null
                && (responsible.type() == SourceType.BELLIGERENT
                        || isActorOf(responsible, frame)
                        || forcesVoice(responsible, frame) != null // "the defence ministry said it carried out"
                        || responsible.type() == SourceType.OTHER && !responsible.generic())) {
            if (!record) {
                out.add(new Pending(
                        responsible,
                        ClaimKind.CONFIRMATION,
                        null,
                        null,
                        false,
                        claimedIncident(s, frame, responsibilityAt),
                        s));
            }
            if (!record && coversSeveral(tokens)) {
                // "claimed both attacks", "claimed Thursday's attack as well as the two earlier ones": each incident
                // of the report that party carried out is confirmed
                int confirmed = 1;
                for (Frame other : drafts.frames()) {
                    if (other != frame && namesActorOf(responsible, other)) {
                        out.add(new Pending(responsible, ClaimKind.CONFIRMATION, null, null, false, other, s));
                        confirmed++;
                    }
                }
                Integer claimed = attacksCounted(tokens);
                if (claimed != null && claimed > confirmed) {
                    // "Both attacks were claimed by X" when the report's incidents tell the two as one: what no
                    // incident stands for is confirmed all the same, with no incident of its own
                    out.add(new Pending(responsible, ClaimKind.CONFIRMATION, null, null, false, null, s));
                }
            }
            if (sentenceClaimant == null) {
                // "X claimed both attacks in a statement. It said its fighters had killed 100 soldiers": X speaks next
                claimants.remember(responsible);
            }
            responsibility = false;
            if (!figure
                    && (killed != null || injured != null)
                    && figuresAfter(s, responsibilityAt)
                    && !narratedAfterResponsibility(s, cues, null, end)) {
                // "X claimed responsibility for the attack, saying 12 soldiers had been killed": its own figure
                // ("an ambush killed six peacekeepers, an attack X also claimed" is the narrative's figure)
                Pending p = new Pending(responsible, ClaimKind.FIGURE, killed, injured, s.superseded, frame, s);
                out.add(p);
                figures.add(p);
            }
        }
        if (sentenceClaimant == null) {
            return out;
        }
        SourceType type = sentenceClaimant.type();
        boolean party = type != SourceType.WITNESS && type != SourceType.MEDIA && type != SourceType.MONITOR;
        if ((denyVerb || (deny && party)) && longStanding(tokens)) {
            // "X has long accused Y of sheltering rebels, a charge Y denies": an old quarrel, no answer to what the
            // report tells
            return out;
        }
        if (denyVerb || (deny && party)) {
            Claimant denier = denyVerb ? relativeDenier(s, cues) : null;
            out.add(new Pending(
                    denier != null ? denier : sentenceClaimant, ClaimKind.DENIAL, null, null, false, frame, s));
            if (confirmVerb && !denyVerb) {
                out.add(new Pending(sentenceClaimant, ClaimKind.CONFIRMATION, null, null, false, frame, s));
            }
            return out;
        }
        if (responsibility) {
            // a claim of responsibility reported by someone who is not the party: nothing to record
            return out;
        } else if (admission && party) {
            out.add(new Pending(sentenceClaimant, ClaimKind.CONFIRMATION, null, null, false, frame, s));
        } else if (confirmVerb && !figure && confirmsToll(tokens) && lastFigure(frame) != null) {
            // "the casualty toll was confirmed by X": X gives the same figure
            Pending last = lastFigure(frame);
            out.add(new Pending(sentenceClaimant, ClaimKind.FIGURE, last.killed, last.injured, false, frame, s));
        } else if (!figure && repeatsAToll(tokens) && lastFigure(frame) != null) {
            // "said X, who gave the same casualty figures": a second teller of the figure the report gave before,
            // the one a teller of the same kind gave when there is one ("another militia member")
            Pending last = sameKindFigure(frame, sentenceClaimant);
            out.add(new Pending(sentenceClaimant, ClaimKind.FIGURE, last.killed, last.injured, false, frame, s));
        } else if (confirmVerb && !figure && party && confirmsToll(tokens) && toldToll(frame, s) != null) {
            // "Twenty-five people were killed ... Police confirmed the toll": the toll the report told before, with
            // no teller of its own, is the one who confirms it
            out.add(new Pending(sentenceClaimant, ClaimKind.FIGURE, toldToll(frame, s), null, false, frame, s));
        } else if (confirmVerb && !figure && party) {
            // a witness, a medium or a monitor confirming the attack is a teller of it, no party confirming it
            out.add(new Pending(sentenceClaimant, ClaimKind.CONFIRMATION, null, null, false, frame, s));
        } else if (type == SourceType.BELLIGERENT
                && isActorOf(sentenceClaimant, frame)
                // the state's forces giving the toll of their own operation ("the military said troops killed 17
                // militants") give a figure: the operation is theirs to tell, not another's report to confirm
                && !(figure && stateForces(frame))
                && (figure || s.maxTriggerWeight() >= 2 || ownStrike(tokens))) {
            // a party reporting its own attack confirms it: "the insurgents had killed at least 15 policemen"
            out.add(new Pending(sentenceClaimant, ClaimKind.CONFIRMATION, null, null, false, frame, s));
        } else if (!figure) {
            // the state's forces or their ministry telling their own operation: "the army spokesman said jets had
            // destroyed the vehicles", "the defence ministry said it had carried out strikes"; a ministry speaks of
            // strikes of either side ("said the city had been shelled from across the border"), so only its own
            // wording tells its own; forces telling their losses ("two officers died, it said") give a toll
            ForcesVoice voice = forcesVoice(sentenceClaimant, frame);
            // the forces themselves saying what the strikes were for ("the strikes were meant to cut off its fuel")
            // own them; a ministry may say so of the other side's attack, so only the forces' own voice counts
            if (voice != null
                    && (ownStrike(tokens)
                            || voice == ForcesVoice.FORCES && statedPurpose(tokens)
                            || voice == ForcesVoice.FORCES && s.maxTriggerWeight() >= 2 && !s.hasCasualties())) {
                out.add(new Pending(sentenceClaimant, ClaimKind.CONFIRMATION, null, null, false, frame, s));
            }
        }
        return out;
    }

    /**
     * "IS claimed responsibility for an attack on Tuesday after three suicide bombers killed three people", "the group
     * said it was behind Sunday's bombing, in which four people were killed": the totals after the sentence's own
     * claim of responsibility tell the attack it claims, so they are not the claimant's count. Only a speech word
     * between the claim and the total ("claimed responsibility and said it had killed 70 soldiers"), or a second
     * "and that" of the same speech, makes it one.
     * With no {@code figureClaimant}, whoever claimed the attack.
     */
    private boolean narratedAfterResponsibility(
            SentenceInfo s, List<PhraseMatcher.Match> cues, Claimant figureClaimant, int end) {
        List<Token> tokens = s.sentence.tokens();
        int claim = -1;
        for (PhraseMatcher.Match m : cues) {
            if (m.entry().value(0).equals("RESPONSIBILITY") && !negated(tokens, m.from())) {
                claim = m.to();
                break;
            }
        }
        if (claim < 0) {
            return false;
        }
        if (figureClaimant != null) {
            Claimant responsible = responsibleClaimant(s, cues, figureClaimant);
            if (responsible == null || !responsible.key().equals(figureClaimant.key())) {
                return false; // "..., a witness said, in an attack claimed by al-Shabaab": the witness's own count
            }
        }
        int first = Integer.MAX_VALUE;
        for (CasualtyFact f : s.facts) {
            if (f.kind() == CasualtyFact.Kind.TOTAL && !f.vague() && f.from() < end) {
                first = Math.min(first, f.from());
            }
        }
        if (first < claim) {
            return false; // "Militants killed 12 soldiers, IS said in claiming the attack"
        }
        for (PhraseMatcher.Match m : cues) {
            String kind = m.entry().value(0);
            if (speech(kind) && m.from() >= claim && m.from() < first) {
                return false;
            }
        }
        for (int k = claim; k < first && k < tokens.size(); k++) {
            if (tokens.get(k).is("saying")
                    || tokens.get(k).is("adding")
                    || (tokens.get(k).is("that") && tokens.get(k - 1).is("and"))) {
                return false; // "said the group was responsible for the raid and that its fighters had killed 12"
            }
        }
        return true;
    }

    /**
     * "The police dismissed as unfounded media reports that more than 200 people had been killed", "the army
     * rejected claims that 40 soldiers died": a toll after the sentence's own denial is the one it denies, never its
     * own figure.
     */
    private static boolean dismissedFigure(
            SentenceInfo s, List<PhraseMatcher.Match> cues, CasualtyFact killedFact, int end) {
        int first = Integer.MAX_VALUE;
        for (CasualtyFact f : s.facts) {
            if (f.kind() == CasualtyFact.Kind.TOTAL && !f.vague() && f.from() < end) {
                first = Math.min(first, f.from());
            }
        }
        for (PhraseMatcher.Match m : cues) {
            if (m.entry().value(0).equals("DENY_VERB") && m.to() <= first && !negated(s.sentence.tokens(), m.from())) {
                return true;
            }
        }
        return false;
    }

    /**
     * A sentence read as a running total counts someone: "..., saying the forces had advanced on six fronts since
     * midnight" has the "since" of one but no figure, and its denial or confirmation is read as any other sentence's.
     */
    private static boolean countsAnything(SentenceInfo s) {
        for (CasualtyFact f : s.facts) {
            if (f.kind() != CasualtyFact.Kind.BREAKDOWN) {
                return true;
            }
        }
        return false;
    }

    private static boolean denies(List<PhraseMatcher.Match> cues) {
        return cues.stream().anyMatch(m -> m.entry().value(0).equals("DENY_VERB"));
    }

    /**
     * A claim of responsibility that recalls a group's record ("has claimed several raids in recent months", "has
     * previously claimed attacks on ..."): it claims no attack the report tells.
     */
    private static boolean pastClaims(List<Token> tokens, PhraseMatcher.Match m) {
        return m.to() < tokens.size()
                        && WordList.PAST_CLAIMS.contains(tokens.get(m.to()).lower())
                || m.from() > 0
                        && WordList.PAST_CLAIMS.contains(
                                tokens.get(m.from() - 1).lower());
    }

    private static boolean quote(Token t) {
        return t.is("\"") || t.is("\u201c") || t.is("\u201d") || t.is("'");
    }

    /** The cue a rejection of what others said stands for: its subject denies, as with "denied". */
    private static final Lexicon.Entry REJECTION =
            new Lexicon.Entry("rejected", List.of("DENY_VERB"), "a REJECTION_VERB before a REJECTED_ACCOUNT", 0);

    /**
     * The sentence's cues, with a denial cue added for "rejected the rebels' claims", "strongly rejected any
     * insinuation", "rejected Kabul's version of events": the verb alone is no denial ("rejected calls for talks"),
     * the account it rejects a few words on makes it one. A phrase table cannot say it, as any words (a possessive, an
     * adverb) may stand between the two.
     */
    private static List<PhraseMatcher.Match> withRejection(List<PhraseMatcher.Match> cues, List<Token> tokens) {
        for (int k = 0; k < tokens.size(); k++) {
            if (!WordList.REJECTION_VERB.contains(tokens.get(k).lower()) || negated(tokens, k)) {
                continue;
            }
            int last = k + 5;
            for (int j = k + 1; j <= last && j < tokens.size(); j++) {
                if (quote(tokens.get(j))) {
                    last++; // "rejected what it called \"false allegations\"": the quote marks are no words
                    continue;
                }
                if (tokens.get(j).isPunct()) {
                    break;
                }
                if (WordList.REJECTED_ACCOUNT.contains(tokens.get(j).lower())) {
                    List<PhraseMatcher.Match> out = new ArrayList<>(cues);
                    // "rejected the BLA's claims": the rejected account, no claim of responsibility by the subject
                    int account = j;
                    out.removeIf(m ->
                            m.entry().value(0).equals("RESPONSIBILITY") && m.from() <= account && account < m.to());
                    out.add(new PhraseMatcher.Match(k, k + 1, REJECTION));
                    out.sort(java.util.Comparator.comparingInt(PhraseMatcher.Match::from));
                    return out;
                }
            }
        }
        return cues;
    }

    /**
     * "The rebels had claimed that nine soldiers died, but the army dismissed the claim": the toll before a denial
     * that comes after it is the claim the denial answers, and its source is the subject of the speech verb before
     * the toll, not the one who denies. Null when no other source speaks before the toll.
     */
    private Claimant claimBeforeDismissal(
            SentenceInfo s, List<PhraseMatcher.Match> cues, CasualtyFact killedFact, Claimant sentenceClaimant) {
        if (sentenceClaimant == null) {
            return null;
        }
        PhraseMatcher.Match speech = null;
        boolean deniedAfter = false;
        for (PhraseMatcher.Match m : cues) {
            String kind = m.entry().value(0);
            if (speech(kind) && m.to() <= killedFact.from()) {
                speech = m;
            } else if (kind.equals("DENY_VERB") && m.from() >= killedFact.to()) {
                deniedAfter = true;
            }
        }
        if (speech == null || !deniedAfter) {
            return null;
        }
        Claimant c = claimants.subjectBefore(s, speech.from(), 0);
        return c == null || c.key().equals(sentenceClaimant.key()) ? null : c;
    }

    /**
     * "Most of the 17 died near the airport", "police described the other 24 dead as suspects": a toll the report
     * gave before, now split or described, is nobody's new count.
     */
    private static boolean restated(List<Token> tokens, CasualtyFact f) {
        int at = f.from();
        if (at < 2) {
            return false;
        }
        return tokens.get(at - 2).is("of") && tokens.get(at - 1).is("the")
                || tokens.get(at - 2).is("the") && tokens.get(at - 1).is("other");
    }

    /** The source of the clause {@link #secondSourceClause} found last. */
    private Claimant clauseSource;

    /**
     * The token where a clause with a source of its own begins, or -1: ", while the Red Cross reported 17 dead",
     * ", down from an earlier toll of 19 given by state television". The clause must name a source other than the
     * sentence's and give a total of its own.
     */
    private int secondSourceClause(SentenceInfo s, List<PhraseMatcher.Match> cues, Claimant sentenceClaimant) {
        if (sentenceClaimant == null) {
            return -1;
        }
        List<Token> tokens = s.sentence.tokens();
        for (int b = 1; b + 2 < tokens.size(); b++) {
            if (!tokens.get(b - 1).is(",")) {
                continue;
            }
            Token t = tokens.get(b);
            boolean revision = revisionFrom(tokens, b);
            boolean boundary = WordList.RIVAL_CLAUSE_OPENER.contains(t.lower()) || revision;
            if (!boundary || !hasTotalAfter(s, b)) {
                continue;
            }
            if (t.is("and") && !opensNounGroup(tokens.get(b + 1)) && !knownSubjectSpeaks(s, cues, b + 1)) {
                continue; // ", and put the toll at 11, according to ...": the same speaker goes on
            }
            // the opener itself is no part of the source's name
            Claimant second = clauseClaimant(s, cues, b + 1);
            if (revision && spokenIn(cues, b) && (second == null || ClaimantResolver.isPronoun(second.head()))) {
                second = sentenceClaimant; // "... the eight deaths it first reported"
            }
            if (second != null
                    && (!second.key().equals(sentenceClaimant.key()) || revision)
                    && !(second.generic() && second.type() == SourceType.OTHER)) {
                clauseSource = second;
                return b;
            }
        }
        return -1;
    }

    /**
     * A second death toll the same teller gives in a clause of its own after its first: "two gendarmes were killed,
     * while 12 rebels were neutralised", "put the toll at 40 ... and said at least 50 assailants had been
     * neutralised". The losses of the other side are a figure of their own, not a part of the first; a count joined
     * by a bare "and" in the same clause ("12 soldiers and 13 militants died") stays with it, and so does a count the
     * clause does not open with (", although troops recovered only ten bodies").
     */
    private static CasualtyFact otherSidesToll(SentenceInfo s, CasualtyFact first, int end) {
        List<Token> tokens = s.sentence.tokens();
        for (CasualtyFact f : s.facts) {
            if (f.role() != CasualtyFact.Role.KILLED
                    || f.kind() != CasualtyFact.Kind.TOTAL
                    || f.vague()
                    || f.additive()
                    || f.from() <= first.to()
                    || f.from() >= end
                    || f.value().equals(first.value())
                    || restated(tokens, f)) {
                continue;
            }
            for (int k = first.to(); k < f.from(); k++) {
                Token t = tokens.get(k);
                boolean rival = k > 0
                        && tokens.get(k - 1).is(",")
                        && WordList.RIVAL_CLAUSE_OPENER.contains(t.lower())
                        && !t.is("and");
                // the count opens the clause: "troops recovered only ten bodies" after ", although" counts bodies
                boolean opens = f.from() == k + 1
                        || f.from() == k + 2 && tokens.get(k + 1).is("that");
                // "and said": the same teller goes on ("the morgue, which said two had died" is another's)
                boolean goesOn = k > 0 && tokens.get(k - 1).is("and") && WordList.SPEECH_VERB.contains(t.lower());
                if ((rival || goesOn) && opens) {
                    return f;
                }
            }
            return null;
        }
        return null;
    }

    /**
     * "According to the spokesman, reports circulating online said nine soldiers had been killed": the teller only
     * relays what reports nobody made said, so the toll is nobody's claim. The speech verb's clause opens with a
     * noun group of {@code SOURCELESS_REPORT} ("reports", "initial reports", "rumours") after a comma or at the
     * sentence's start.
     */
    private static boolean relaysReports(SentenceInfo s, List<PhraseMatcher.Match> cues, CasualtyFact killed) {
        if (killed == null) {
            return false;
        }
        List<Token> tokens = s.sentence.tokens();
        for (PhraseMatcher.Match m : cues) {
            if (!m.entry().value(0).equals("SPEECH") || m.to() > killed.from()) {
                continue;
            }
            int b = m.from() - 1;
            while (b >= 0 && !tokens.get(b).isPunct()) {
                b--;
            }
            int k = b + 1;
            while (k < m.from()
                    && WordList.SOURCELESS_REPORT.contains(tokens.get(k).lower())) {
                k++;
            }
            if (k > b + 1 && tokens.get(k - 1).lower().endsWith("s")) {
                return true;
            }
        }
        return false;
    }

    /** The count's verb, past its auxiliaries, is an {@code AFTER_DEATH_STEP} ("bodies had been identified"). */
    private static boolean stepAfterDeath(List<Token> tokens, CasualtyFact f) {
        for (int k = f.to(); k < Math.min(tokens.size(), f.to() + 4); k++) {
            String w = tokens.get(k).lower();
            if (WordList.AFTER_DEATH_STEP.contains(w)) {
                return true;
            }
            if (!WordList.AUXILIARY.contains(w) && !WordList.PERFECT_AUXILIARY.contains(w)) {
                return false;
            }
        }
        return false;
    }

    /**
     * The count of a first group set before the toll by an apposition: "said seven soldiers, including an officer,
     * and 13 attackers had been killed" gives 7, which the casualty reading loses to the apposition. The toll must
     * follow ", and"; the count opens the coordination, its noun is plural and right after it comes the apposition's
     * comma.
     */
    private Integer countBeforeApposition(List<Token> tokens, CasualtyFact toll) {
        int and = toll.from() - 1;
        if (and < 2 || !tokens.get(and).is("and") || !tokens.get(and - 1).is(",")) {
            return null;
        }
        int comma = -1;
        for (int k = and - 2; k >= Math.max(0, and - 8); k--) {
            if (tokens.get(k).is(",")) {
                comma = k;
                break;
            }
            if (tokens.get(k).isPunct()) {
                return null;
            }
        }
        if (comma < 2) {
            return null;
        }
        // "12 soldiers ,", "seven FC soldiers ,": a count, at most one word, a plural noun
        for (int n = comma - 2; n >= Math.max(0, comma - 3); n--) {
            NumberMention m = numbers.readAt(tokens, n);
            String noun = tokens.get(comma - 1).lower();
            if (m != null
                    && !m.vague()
                    && m.to() <= comma - 1
                    && noun.endsWith("s")
                    && noun.equals(tokens.get(comma - 1).text())) {
                return (int) m.value();
            }
        }
        return null;
    }

    /**
     * ", and regional health authorities said 38 were hurt": a source the lexicon knows stands between "and" and the
     * clause's speech verb, so the clause has a subject of its own (", and put the toll at 11" has none).
     */
    private boolean knownSubjectSpeaks(SentenceInfo s, List<PhraseMatcher.Match> cues, int at) {
        for (PhraseMatcher.Match m : cues) {
            if (m.from() < at || !speech(m.entry().value(0))) {
                continue;
            }
            if (m.from() == at || m.from() - at > 5) {
                return false;
            }
            Claimant c = claimants.resolve(s, at, m.from());
            return c != null && c.type() != SourceType.OTHER && !ClaimantResolver.isPronoun(c.head());
        }
        return false;
    }

    /** "the", "a" or a capitalised word: a new subject, not a verb continuing the same one's speech. */
    private static boolean opensNounGroup(Token t) {
        return t.is("the")
                || t.is("a")
                || t.is("an")
                || Character.isUpperCase(t.text().charAt(0));
    }

    /**
     * The speech verb of a relative clause that attributes the event's toll to a source of its own, or -1: "an
     * assault on the plant, which local officials said killed four workers", "in chaos that medics said left 30
     * dead", "..., an attack the ministry said killed two children". The totals after the verb are that source's,
     * not the sentence's.
     */
    private int embeddedSourceClause(SentenceInfo s, List<PhraseMatcher.Match> cues, Claimant sentenceClaimant) {
        List<Token> tokens = s.sentence.tokens();
        for (PhraseMatcher.Match m : cues) {
            if (!m.entry().value(0).equals("SPEECH")
                    || m.to() >= tokens.size()
                    || !WordList.EMBEDDED_TOLL_VERB.contains(tokens.get(m.to()).lower())
                    || !hasTotalAfter(s, m.to())) {
                continue;
            }
            int b = m.from() - 1;
            while (b >= 0
                    && m.from() - b <= 8
                    && !tokens.get(b).isPunct()
                    && !tokens.get(b).is("which")
                    && !tokens.get(b).is("that")) {
                b--;
            }
            int from = b + 1;
            if (b >= 0
                    && tokens.get(b).is(",")
                    && b + 3 < m.from()
                    && (tokens.get(b + 1).is("a") || tokens.get(b + 1).is("an"))) {
                // the same clause without its relative pronoun, after an appositive noun: ", an attack Islamabad said
                // killed two children"
                from = b + 3;
            } else if (b < 0 || !(tokens.get(b).is("which") || tokens.get(b).is("that"))) {
                continue;
            }
            Claimant c = claimants.resolve(s, from, m.from());
            if (c != null
                    && !ClaimantResolver.isPronoun(c.head())
                    && (sentenceClaimant == null || !c.key().equals(sentenceClaimant.key()))) {
                clauseSource = c;
                return m.from();
            }
        }
        return -1;
    }

    /**
     * ", down from an initial toll of 103", ", a sharp rise from the eight deaths it first reported": the clause
     * gives the toll it revises, a figure of its own even when the same source gave it.
     */
    private static boolean revisionFrom(List<Token> tokens, int at) {
        for (int k = at; k < Math.min(tokens.size(), at + 4); k++) {
            if (tokens.get(k).is("from")) {
                return k > at
                        && WordList.REVISION_WORD.contains(tokens.get(k - 1).lower());
            }
            if (tokens.get(k).isPunct()) {
                return false;
            }
        }
        return false;
    }

    /** The source of the clause from token {@code at} to the end of the sentence, or null. */
    private Claimant clauseClaimant(SentenceInfo s, List<PhraseMatcher.Match> cues, int at) {
        List<Token> tokens = s.sentence.tokens();
        List<PhraseMatcher.Match> own = cuesFrom(cues, at);
        for (PhraseMatcher.Match m : own) {
            String kind = m.entry().value(0);
            if (speech(kind) && m.to() < tokens.size() && tokens.get(m.to()).is("by")) {
                // "a toll of 103 given by state media", "two wounded, as reported by the rescue service"
                int end = m.to() + 1;
                while (end < tokens.size() && !tokens.get(end).isPunct()) {
                    end++;
                }
                Claimant c = claimants.resolve(s, m.to() + 1, end);
                if (c != null) {
                    return c;
                }
            }
        }
        return claimants.claimant(s, own, at, tokens.size());
    }

    /** Cues of a verb whose subject is a claim's source (attribution.tsv SPEECH, TOLL_SPEECH, RECORD_SPEECH, COUNT_SPEECH). */
    private static boolean speech(String kind) {
        return kind.equals("SPEECH")
                || kind.equals("TOLL_SPEECH")
                || kind.equals("RECORD_SPEECH")
                || kind.equals("COUNT_SPEECH");
    }

    private static boolean spokenIn(List<PhraseMatcher.Match> cues, int at) {
        for (PhraseMatcher.Match m : cues) {
            String kind = m.entry().value(0);
            if (m.from() >= at && speech(kind)) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasTotalAfter(SentenceInfo s, int at) {
        for (CasualtyFact f : s.facts) {
            if (f.kind() == CasualtyFact.Kind.TOTAL && !f.vague() && f.from() >= at) {
                return true;
            }
        }
        return false;
    }

    private static List<PhraseMatcher.Match> cuesFrom(List<PhraseMatcher.Match> cues, int at) {
        List<PhraseMatcher.Match> out = new ArrayList<>();
        for (PhraseMatcher.Match m : cues) {
            if (m.from() >= at) {
                out.add(m);
            }
        }
        return out;
    }

    /** The sentence names a period: "since ...", a span of days or a long period ("this year"). */
    private boolean overAPeriod(SentenceInfo s) {
        for (DateMention d : s.dates) {
            if (d.role() == DateMention.Role.PERIOD) {
                return true;
            }
        }
        for (Token t : s.sentence.tokens()) {
            if (t.is("since")) {
                return true;
            }
        }
        return totals.spansLongPeriod(s.sentence.tokens());
    }

    /** The sentence's speech word comes after all its tolls: "..., and 12 died in B, the sources said". */
    private static boolean saidAfterToll(SentenceInfo s) {
        int lastToll = -1;
        for (CasualtyFact f : s.facts) {
            lastToll = Math.max(lastToll, f.to());
        }
        if (lastToll < 0) {
            return false;
        }
        for (PhraseMatcher.Match m : s.cues) {
            if (speech(m.entry().value(0)) && m.from() < lastToll) {
                return false;
            }
        }
        return true;
    }

    /** The figure claim of the totals in tokens [from, to) of a sentence, or null when there is none. */
    private Pending figureFrom(Claimant c, SentenceInfo s, Frame frame, int from, int to) {
        Integer killed = null;
        Integer injured = null;
        CasualtyFact killedFact = null;
        for (CasualtyFact f : s.facts) {
            if (f.kind() != CasualtyFact.Kind.TOTAL || f.vague() || f.from() < from || f.from() >= to) {
                continue;
            }
            if (f.role() == CasualtyFact.Role.KILLED && killed == null) {
                killed = f.value();
                killedFact = f;
            } else if (f.role() == CasualtyFact.Role.INJURED && injured == null) {
                injured = f.value();
            }
        }
        if (c == null || (killed == null && injured == null)) {
            return null;
        }
        Pending p = new Pending(c, ClaimKind.FIGURE, killed, injured, s.superseded, frame, s);
        p.whole = killedFact != null && wholeFigure(s, killedFact);
        return p;
    }

    /**
     * "its aircraft had struck", "their forces targeted", "his forces had fired", "said it had carried out strikes",
     * "our forces have taken over the town": a party, or its leader speaking of his own men, telling its own attack
     * or gain.
     */
    private static boolean ownStrike(List<Token> tokens) {
        for (int i = 0; i < tokens.size(); i++) {
            boolean leader = (tokens.get(i).is("his") || tokens.get(i).is("her"))
                    && i + 1 < tokens.size()
                    && WordList.LEADER_MEN.contains(tokens.get(i + 1).lower());
            if (tokens.get(i).is("it")
                    || tokens.get(i).is("they")
                    || tokens.get(i).is("we")) {
                // "said it had carried out strikes", "said they struck the depot"
                int k = i + 1;
                if (k < tokens.size()
                        && WordList.PERFECT_AUXILIARY.contains(tokens.get(k).lower())) {
                    k++;
                }
                if (k < tokens.size()
                        && WordList.OWN_STRIKE_VERB.contains(tokens.get(k).lower())) {
                    return true;
                }
                continue;
            }
            if (!(leader
                    || tokens.get(i).is("its")
                    || tokens.get(i).is("their")
                    || tokens.get(i).is("our"))) {
                continue;
            }
            int last = i + 5;
            for (int k = i + 2; k <= last && k < tokens.size(); k++) {
                if (WordList.OWN_STRIKE_VERB.contains(tokens.get(k).lower())) {
                    return true;
                }
                if (WordList.PERFECT_AUXILIARY.contains(tokens.get(k).lower())) {
                    last++; // "our armed and security forces have taken over": the auxiliary adds no distance
                }
                if (tokens.get(k).isPunct()) {
                    break;
                }
            }
        }
        return false;
    }

    /**
     * "no government soldier or official had been harmed", "no guards were wounded": a harm verb whose subject opens
     * with "no" and a noun; "no one was killed" counts nobody and is no denial.
     */
    private static boolean deniedHarm(List<Token> tokens) {
        for (int k = 2; k < tokens.size(); k++) {
            if (!WordList.DENIED_HARM.contains(tokens.get(k).lower())
                    || !(tokens.get(k - 1).is("been")
                            || tokens.get(k - 1).is("was")
                            || tokens.get(k - 1).is("were"))) {
                continue;
            }
            for (int j = k - 2; j >= 0 && j >= k - 7; j--) {
                if (tokens.get(j).isPunct() || tokens.get(j).is("that")) {
                    break;
                }
                if (tokens.get(j).is("no")) {
                    return j + 1 < k - 1 && !tokens.get(j + 1).is("one");
                }
            }
        }
        return false;
    }

    /** "the strikes were meant to", "the raid was aimed at": what an act the sentence names by "the ..." was for. */
    private static boolean statedPurpose(List<Token> tokens) {
        for (int k = 2; k < tokens.size(); k++) {
            if (!WordList.PURPOSE_WORD.contains(tokens.get(k).lower())
                    || !(tokens.get(k - 1).is("was") || tokens.get(k - 1).is("were"))) {
                continue;
            }
            for (int j = k - 2; j >= 0 && j >= k - 5; j--) {
                if (tokens.get(j).isPunct()) {
                    break;
                }
                if (tokens.get(j).is("the")) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Who claims responsibility: the speaker of "said it was behind", not the outlet reporting it. */
    private Claimant responsibleClaimant(SentenceInfo s, List<PhraseMatcher.Match> cues, Claimant fallback) {
        List<Token> tokens = s.sentence.tokens();
        for (PhraseMatcher.Match r : cues) {
            if (!r.entry().value(0).equals("RESPONSIBILITY") || negated(tokens, r.from())) {
                continue; // "Nobody has claimed the killing"
            }
            if (r.entry().key().endsWith("by")) {
                // "an attack claimed by X", "a claim by the Houthi rebels that ..."
                // "a suicide bombing claimed by the group outside a bank in X killed 21": the claimant ends where the
                // scene of the attack begins
                int end = r.to();
                while (end < tokens.size()
                        && !tokens.get(end).isPunct()
                        && !tokens.get(end).is("that")
                        && (end == r.to()
                                || !WordList.SCENE_PREPOSITION.contains(
                                        tokens.get(end).lower()))) {
                    end++;
                }
                Claimant c = claimants.resolve(s, r.to(), end);
                return c != null ? c : fallback;
            }
            Claimant member = memberOf(s, r.from());
            if (member != null) {
                return member; // "a video showed members of X claiming the attack": X, not the video
            }
            PhraseMatcher.Match speech = null;
            for (PhraseMatcher.Match m : cues) {
                if (m.entry().value(0).equals("SPEECH") && m.to() <= r.from()) {
                    speech = m;
                }
            }
            if (speech != null) {
                Claimant c = claimants.subjectBefore(s, speech.from(), 0);
                if (c != null) {
                    return c;
                }
            } else if (!claimWording(r.entry().key()) && spokenIn(cues, r.to())) {
                // "The ADF carried out the attack late Friday, police said in a statement", "X, one of many militias
                // in the east, was responsible for the killings, the mission said": the teller says what the group
                // did, the group claims nothing ("X claimed the attack, police said" is still X's claim)
                return null;
            } else if (r.from() > 0) {
                Claimant c = claimants.subjectBefore(s, r.from(), 0);
                if (c == null) {
                    c = afterAttackNoun(s, r.from());
                }
                if (c == null && tokens.get(r.from() - 1).is(",")) {
                    // "X, the regional branch of the Y group, claimed responsibility": the subject before the
                    // apposition's commas
                    int open = r.from() - 2;
                    while (open > 0 && !tokens.get(open).is(",")) {
                        open--;
                    }
                    c = open > 0 ? claimants.subjectBefore(s, open, 0) : null;
                }
                if (c != null && !ClaimantResolver.isPronoun(c.name())) {
                    return c;
                }
            }
            break;
        }
        return fallback;
    }

    /**
     * "..., an attack the group also said it carried out": an appositive that names the attack, then who claims it.
     * The noun group before the claim opens with the attack's lower-case words; the claimant is the name after them.
     */
    private Claimant afterAttackNoun(SentenceInfo s, int cue) {
        List<Token> tokens = s.sentence.tokens();
        int start = cue - 1;
        while (start >= 0 && !tokens.get(start).isPunct()) {
            start--;
        }
        if (start < 0 || !tokens.get(start).is(",")) {
            return null;
        }
        int from = start + 1;
        boolean attackNoun = false;
        while (from < cue && !Character.isUpperCase(tokens.get(from).text().charAt(0))) {
            attackNoun |= WordList.CLAIMED_ATTACK.contains(tokens.get(from).lower());
            from++;
        }
        return attackNoun && from < cue ? claimants.resolve(s, from, cue) : null;
    }

    /**
     * "men who identified themselves as members of the X gang claimed responsibility", "a video showed members of X
     * claiming the attack": the party the claimants belong to, named after a MEMBER_NOUN and "of" in the clause
     * before the claim. Null when the clause names no member of a party.
     */
    private Claimant memberOf(SentenceInfo s, int cue) {
        List<Token> tokens = s.sentence.tokens();
        for (int k = cue - 2; k >= 0 && !tokens.get(k).isPunct(); k--) {
            if (WordList.MEMBER_NOUN.contains(tokens.get(k).lower())
                    && tokens.get(k + 1).is("of")) {
                Claimant c = claimants.resolve(s, k + 2, cue);
                return c != null && c.type() == SourceType.BELLIGERENT ? c : null;
            }
        }
        return null;
    }

    /** A RESPONSIBILITY cue that words a claim ("claimed", "took responsibility"), not a teller's "was behind". */
    private static boolean claimWording(String cue) {
        return cue.contains("claim") || cue.startsWith("took");
    }

    /**
     * The incident a claim of responsibility is for: the sentence's frame, unless the claim names the town of another
     * incident of the report ("claimed the Samarra bombing" after a lead on Baquba), or a day of its own days before
     * the frame's ("said it was behind the killing of ten climbers in June", in a report on a bombing
     * in September); then the incident of that day, or none when the report tells no incident that day (a past
     * attack the report recalls only as claimed).
     */
    private Frame claimedIncident(SentenceInfo s, Frame frame, int claimAt) {
        int from = claimAt >= 0 && claimAt < s.sentence.tokens().size()
                ? s.sentence.tokens().get(claimAt).start()
                : Integer.MAX_VALUE;
        for (GeoMention g : s.places) {
            // "IS claimed responsibility for the Samarra bombing": the town names the incident claimed
            if (g.start() < from || g.kind() != GeoKind.PLACE) {
                continue;
            }
            if (placeOf(frame, g)) {
                break;
            }
            for (Frame other : drafts.frames()) {
                if (placeOf(other, g)) {
                    return other;
                }
            }
        }
        for (DateMention d : s.dates) {
            if (d.from() < claimAt || d.role() != DateMention.Role.EVENT && d.role() != DateMention.Role.PAST) {
                continue;
            }
            if (sameDay(frame, d)) {
                return frame;
            }
            if (frame.date == null
                    || d.date().isAfter(frame.date.minusDays(frame.tolerance + d.toleranceDays() + CLAIM_DELAY_DAYS))) {
                // "claimed the attack on Thursday" after Wednesday's bombing: the day the claim was made
                continue;
            }
            for (Frame other : drafts.frames()) {
                if (sameDay(other, d)) {
                    return other;
                }
            }
            return null;
        }
        return frame;
    }

    private boolean placeOf(Frame f, GeoMention g) {
        String place = f.ordinal < places.size() ? places.get(f.ordinal) : null;
        return place != null && (place.equals(g.name()) || place.equals(LocationReader.written(g)));
    }

    private static boolean sameDay(Frame f, DateMention d) {
        return f.date != null && Math.abs(ChronoUnit.DAYS.between(f.date, d.date())) <= f.tolerance + d.toleranceDays();
    }

    /**
     * How many attacks a claim of several counts: "both attacks" two, "the three bombings" three; null when it gives
     * no number ("claimed the attacks").
     */
    private Integer attacksCounted(List<Token> tokens) {
        for (int k = 0; k < tokens.size(); k++) {
            Token t = tokens.get(k);
            // "both attacks", "claimed both": not "killed both drivers"
            if (t.is("both")
                    && (k + 1 < tokens.size() && plural(tokens.get(k + 1))
                            || k > 0 && tokens.get(k - 1).is("claimed"))) {
                return 2;
            }
            if (k > 0 && plural(t)) {
                NumberMention n = numbers.readAt(tokens, k - 1);
                // a count of attacks in one claim is small: "the 2019 attacks" names a year
                if (n != null && !n.vague() && n.to() == k && n.value() <= MAX_ATTACKS_CLAIMED) {
                    return (int) n.value();
                }
            }
        }
        return null;
    }

    /** A plural event noun of {@link WordList#SEVERAL}: "attacks", "bombings". */
    private static boolean plural(Token t) {
        return WordList.SEVERAL.contains(t.lower()) && Token.looksPlural(t.lower());
    }

    private static boolean coversSeveral(List<Token> tokens) {
        for (Token t : tokens) {
            if (WordList.SEVERAL.contains(t.lower())) {
                return true;
            }
        }
        return false;
    }

    /** The claimant's name holds the incident's actor or the other way round ("Islamic State Sahel Province"). */
    private boolean namesActorOf(Claimant c, Frame frame) {
        String actorName = actorNames.get(frame.ordinal);
        if (actorName == null) {
            return false;
        }
        String a = " " + actorName.toLowerCase(java.util.Locale.ROOT) + " ";
        String n = " " + c.name().toLowerCase(java.util.Locale.ROOT) + " ";
        return a.contains(n) || n.contains(a);
    }

    /**
     * The source speaks for the state's forces that are the frame's actor: their own name in another wording ("Mali's
     * army", "the U.S. military" for "Malian military (Mali)", "US military (United States)"), an army spokesman of
     * that state, or the defence ministry, bare or with the forces' demonym. The forces' canonical name opens with
     * their demonym; a ministry that names another state ("Russia's defence ministry") speaks for that one. Null
     * when the source speaks for no state's forces that carried out the frame's incident.
     */
    private ForcesVoice forcesVoice(Claimant c, Frame frame) {
        if (!stateForces(frame) || clashes.get(frame.ordinal)) {
            // no state's armed forces: a group, the police; in a clash both sides fought: the forces telling it tell
            // their losses, no attack of theirs
            return null;
        }
        String actorName = actorNames.get(frame.ordinal);
        String forces = ClaimantResolver.norm(actorName.substring(0, actorName.indexOf(" (")));
        int space = forces.indexOf(' ');
        String[] words = ClaimantResolver.norm(c.name()).split(" ");
        boolean office = false;
        boolean bare = true;
        for (String w : words) {
            office |= WordList.FORCES_OFFICE.contains(w);
            bare &= WordList.FORCES_OFFICE.contains(w) || WordList.OFFICE_NAME_WORD.contains(w);
        }
        boolean sameState = space > 0 && c.key().startsWith(forces.substring(0, space + 1));
        if (office && (bare || sameState)) {
            return ForcesVoice.OFFICE;
        }
        return forces.equals(c.key())
                        || sameState && c.type() == SourceType.BELLIGERENT && WordList.FORCES_HEAD.contains(c.head())
                ? ForcesVoice.FORCES
                : null;
    }

    /** How a source speaks for the state's forces that carried out an incident. */
    private enum ForcesVoice {
        /** The forces themselves, by any wording of their name, or their spokesman. */
        FORCES,
        /** The ministry that speaks for them. */
        OFFICE
    }

    /**
     * The frame's actor is a state's armed forces named with their state in brackets ("Pakistani military
     * (Pakistan)"), not a group whose name ends like theirs ("White Army", "Baloch Liberation Army (BLA)").
     */
    private boolean stateForces(Frame frame) {
        String actorName = actorNames.get(frame.ordinal);
        int bracket = actorName == null ? -1 : actorName.indexOf(" (");
        if (bracket < 0 || !actorName.endsWith(")")) {
            return false;
        }
        String state = actorName.substring(bracket + 2, actorName.length() - 1);
        String forces = ClaimantResolver.norm(actorName.substring(0, bracket));
        return !state.equals(state.toUpperCase(java.util.Locale.ROOT))
                && WordList.FORCES_HEAD.contains(forces.substring(forces.lastIndexOf(' ') + 1));
    }

    private boolean isActorOf(Claimant c, Frame frame) {
        String actorName = actorNames.get(frame.ordinal);
        // "Israeli military (Israel)": a state's forces carry the state's name after their own as perpetrator
        // "the Tigray People's Liberation Front (TPLF)": the report spells out the short name the actor goes by
        return actorName != null
                && (c.name().equalsIgnoreCase(actorName)
                        || actorName.regionMatches(
                                true, 0, c.name() + " (", 0, c.name().length() + 2)
                        || facts.text().text().contains(c.name() + " (" + actorName + ")"));
    }

    /**
     * "At least 10 people died across the country, the commission said. Three died in one town, one in another, it
     * said": a smaller toll the same source gives for the same incident in a later sentence, not as an earlier
     * figure, is a part of its toll, not a toll of its own.
     */
    private static boolean partOf(Pending p, Claim.Builder first) {
        return !p.superseded
                && !first.getSuperseded()
                && p.killed < first.getKilled()
                && !first.getEvidence().isEmpty()
                && p.info.sentence.start() > first.getEvidence().get(0).getStart()
                && !namesAToll(p.info.sentence.tokens());
    }

    /** "Officials had given a toll of 78", "the committee first reported 20": a toll of its own, not a part. */
    private static boolean namesAToll(List<Token> tokens) {
        for (Token t : tokens) {
            if (WordList.TOLL_WORD.contains(t.lower())) {
                return true;
            }
        }
        return false;
    }

    /**
     * "officials said 81 died ... Official sources said 145 were wounded": a wounded count alone that the body which
     * gave the incident's death toll adds, under a longer or shorter form of its name ("the Health Ministry" and
     * "the Health Ministry in the territory"), completes that figure rather than making a claim of its own; so does
     * the same death toll told again under such a name ("a police spokesman said five died ... Somali police
     * spokesman X said five were killed and six wounded").
     */
    private Claim.Builder sameBodysFigure(Pending p, String mention) {
        if (p.kind != ClaimKind.FIGURE || p.superseded || mention == null) {
            return null;
        }
        boolean woundedOnly = p.killed == null && p.injured != null;
        if (!woundedOnly && p.killed == null) {
            return null;
        }
        for (Claim.Builder b : claims.values()) {
            if (b.getKind() == ClaimKind.FIGURE
                    && mention.equals(b.getMentionId())
                    && !b.getSuperseded()
                    && b.getKilled() != null
                    && (woundedOnly ? b.getInjured() == null : b.getKilled().equals(p.killed))
                    && (b.getSpeaker() == null
                            || p.claimant.speaker() == null
                            || b.getSpeaker().equals(p.claimant.speaker()))
                    && (oneNameHoldsTheOther(b.getSource().getName(), p.claimant.name())
                            || sameOutlet(b.getSource(), p.claimant))) {
                return b;
            }
        }
        return null;
    }

    /**
     * "an attack state media say killed 25 ... The official news agency X put the toll at 25 dead and 63 wounded": two
     * names that both describe one kind of outlet (the lexicon's generic media source in both) telling the same toll
     * are one voice.
     */
    private boolean sameOutlet(ClaimSource a, Claimant b) {
        if (a.getType() != SourceType.MEDIA || b.type() != SourceType.MEDIA) {
            return false;
        }
        java.util.Set<String> kinds = claimants.outletKinds(a.getName());
        return !kinds.isEmpty() && claimants.outletKinds(b.name()).stream().anyMatch(kinds::contains);
    }

    /**
     * Every word of one name is a word of the other, plurals as singulars ("officials", "official sources"), or one
     * name holds the other's initials ("UN human rights office", "United Nations").
     */
    private static boolean oneNameHoldsTheOther(String a, String b) {
        java.util.Set<String> x = singularWords(a);
        java.util.Set<String> y = singularWords(b);
        return !x.isEmpty()
                && !y.isEmpty()
                && (x.containsAll(y) || y.containsAll(x) || x.contains(initials(b)) || y.contains(initials(a)));
    }

    /** The initials of a name of two words or more ("United Nations": "un"), or "" for a shorter name. */
    private static String initials(String name) {
        String[] words = ClaimantResolver.norm(name).split(" ");
        if (words.length < 2) {
            return "";
        }
        StringBuilder b = new StringBuilder(words.length);
        for (String w : words) {
            if (!w.isEmpty()) {
                b.append(w.charAt(0));
            }
        }
        return b.toString();
    }

    private static java.util.Set<String> singularWords(String name) {
        java.util.Set<String> out = new java.util.HashSet<>();
        for (String w : ClaimantResolver.norm(name).split(" ")) {
            if (w.isEmpty()) {
                continue;
            }
            out.add(Token.looksPlural(w) ? w.substring(0, w.length() - 1) : w);
        }
        return out;
    }

    private void add(Pending p, String mention) {
        String key = mention + "|" + p.kind + "|" + p.claimant.key()
                + (p.kind == ClaimKind.CUMULATIVE ? "|" + p.killed + "|" + p.injured : "")
                + (p.superseded ? "|earlier" : "");
        Claim.Builder b = claims.get(key);
        if (b != null
                && p.kind == ClaimKind.FIGURE
                && p.whole
                && p.killed != null
                && b.getKilled() != null
                && !b.getKilled().equals(p.killed)
                && !partOf(p, b)) {
            // another death toll from the same source ("put the toll at 40 ... About 20 assailants were
            // neutralised, it said"): a figure of its own, not a detail of the first
            key = key + "|" + p.killed;
            b = claims.get(key);
        }
        EvidenceSpan span = facts.text().span(p.info.sentence);
        Claim.Builder sameBody = b == null ? sameBodysFigure(p, mention) : null;
        if (sameBody != null) {
            if (sameBody.getInjured() == null && p.injured != null) {
                sameBody.setInjured(p.injured);
            }
            if (sameBody.getSpeaker() == null && p.claimant.speaker() != null) {
                sameBody.setSpeaker(p.claimant.speaker());
            }
            List<EvidenceSpan> ev = new ArrayList<>(sameBody.getEvidence());
            ev.add(span);
            sameBody.setEvidence(ev);
            return;
        }
        if (b == null) {
            b = Claim.newBuilder()
                    .setClaimId("")
                    .setMentionId(mention)
                    .setReportUri(report.getUri())
                    .setReportVersion(report.getVersion())
                    .setAgency(report.getAgency())
                    .setSource(ClaimSource.newBuilder()
                            .setName(p.claimant.name())
                            .setType(p.claimant.type())
                            .build())
                    .setSpeaker(p.claimant.speaker())
                    .setKind(p.kind)
                    .setKilled(p.killed)
                    .setInjured(p.injured)
                    .setSuperseded(p.superseded)
                    .setEvidence(new ArrayList<>(List.of(span)));
            claims.put(key, b);
            return;
        }
        if (b.getKilled() == null && p.killed != null) {
            b.setKilled(p.killed);
        }
        if (b.getInjured() == null && p.injured != null) {
            b.setInjured(p.injured);
        }
        if (b.getSpeaker() == null && p.claimant.speaker() != null) {
            b.setSpeaker(p.claimant.speaker());
        }
        if (ClaimantResolver.norm(p.claimant.name()).equals(p.claimant.key())
                && !ClaimantResolver.norm(b.getSource().getName()).equals(p.claimant.key())) {
            // "the United Nations peacekeeping mission said ... MONUSCO said": one body, filed under its own name
            b.setSource(ClaimSource.newBuilder(b.getSource())
                    .setName(p.claimant.name())
                    .build());
        }
        if (!b.getEvidence().contains(span)) {
            List<EvidenceSpan> ev = new ArrayList<>(b.getEvidence());
            ev.add(span);
            b.setEvidence(ev);
        }
    }
}
