package org.wirewatch.extract.lexicon;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Armed actors from the lexicon {@code actors.tsv}: named groups with their aliases (IS / ISIS / Daesh,
 * Houthis / Ansar Allah, RSF, ...) and generic parties ("government forces", "gunmen", "the coalition")
 * whose canonical name depends on a country: a country word before them ("Nigerian troops", "Sudan's
 * army", "US drone") or the report's main country given to {@link #find(CharSequence, String)}
 * (see {@code roles.tsv}: "regime forces" in Syria are "Syrian regime forces", "the coalition" in Yemen is
 * the "Saudi-led coalition").
 *
 * <p>Patterns ({@code actor-patterns.tsv}) name groups the lexicon does not list, as the text writes them:
 * "the Ti Makak gang", "the Kisiwa militia" (a capitalised name before a gang/militia/cartel head), and
 * "Movement for the Liberation of Azawad (MLA)" (a long name with an armed-group word before an acronym in
 * brackets; a known acronym resolves through the lexicon). A name before a describing word and a group noun
 * ("the Liwa al-Sabr militant group", "the 7G armed group") and the name a group gives itself ("a group calling
 * itself X") are groups too; a name may hold a lower-case particle ("al-", "bin", "de") between capitalised words.
 * A name used as a modifier ("Al-Qaeda-linked")
 * qualifies the actor that follows and is not an actor itself.
 *
 * <p>Immutable and thread-safe; {@link #load()} reads the resources once.
 */
public final class Actors {

    private static volatile Actors instance;

    private record Entry(
            String canonical, String kind, String country, String role, boolean needsCountry, String fallbackCountry) {}

    private final PhraseMatcher matcher;
    private final List<Entry> entries = new ArrayList<>();
    private final CountryWords countries;
    private final Roles roles;
    private final WordSet criminalHeads;
    private final WordSet militiaHeads;
    private final WordSet armedHeads;
    private final WordSet islamistWords;
    private final WordSet rebelWords;
    private final WordSet affiliations;
    private final WordSet nameStops;
    private final WordSet particles;
    private final WordSet groupDescriptors;
    private final WordSet islamistDescriptors;
    private final WordSet groupHeads;
    private final WordSet selfNamingSubjects;
    private final WordSet selfNamingVerbs;

    private Actors() {
        countries = new CountryWords();
        roles = new Roles(countries);
        List<String[]> patterns = TsvResource.rows(Actors.class, "actor-patterns.tsv");
        criminalHeads = words(patterns, "named-head-criminal");
        militiaHeads = words(patterns, "named-head-militia");
        armedHeads = words(patterns, "named-head-armed");
        islamistWords = words(patterns, "armed-word-islamist");
        rebelWords = words(patterns, "armed-word-rebel");
        affiliations = words(patterns, "affiliation");
        nameStops = words(patterns, "name-stop");
        particles = words(patterns, "name-particle");
        groupDescriptors = words(patterns, "group-descriptor");
        islamistDescriptors = words(patterns, "group-descriptor-islamist");
        groupHeads = words(patterns, "group-head");
        selfNamingSubjects = words(patterns, "self-naming-subject");
        selfNamingVerbs = words(patterns, "self-naming-verb");
        PhraseMatcher.Builder b = PhraseMatcher.builder();
        for (String[] row : TsvResource.rows(Actors.class, "actors.tsv")) {
            if (row.length < 4) {
                throw new IllegalStateException("actors.tsv: expected 4 columns: " + String.join("\t", row));
            }
            String country = row[3].strip();
            String role = null;
            boolean needsCountry = false;
            String fallbackCountry = null;
            if (country.startsWith("role:")) {
                role = country.substring(5);
                // "role:shabaab@SO": the group's home country when neither a demonym nor the report names one
                int at = role.indexOf('@');
                if (at > 0) {
                    fallbackCountry = role.substring(at + 1);
                    role = role.substring(0, at);
                }
                needsCountry = role.endsWith("!");
                role = needsCountry ? role.substring(0, role.length() - 1) : role;
                if (!roles.known(role)) {
                    throw new IllegalStateException("actors.tsv: unknown role " + role);
                }
                country = null;
            }
            int e = entries.size();
            entries.add(new Entry(
                    row[1].strip(),
                    row[2].strip(),
                    country == null || country.isEmpty() ? null : country,
                    role,
                    needsCountry,
                    fallbackCountry));
            for (String alias : row[0].split("\\|")) {
                b.add(alias, e);
            }
        }
        matcher = b.build();
    }

    private static WordSet words(List<String[]> rows, String cls) {
        return WordSet.ofClass(rows, cls, "actor-patterns.tsv", "\\s+", Tokens::wordHash);
    }

    private static boolean in(WordSet set, long h) {
        return set.contains(h);
    }

    /** The lexicon from this module's resources, loaded on first use. */
    public static Actors load() {
        Actors a = instance;
        if (a == null) {
            synchronized (Actors.class) {
                a = instance;
                if (a == null) {
                    a = new Actors();
                    instance = a;
                }
            }
        }
        return a;
    }

    /** Actors in text order; generic parties keep generic names unless a country word qualifies them. */
    public List<ActorMention> find(CharSequence text) {
        return find(text, null);
    }

    /**
     * Actors in text order; generic parties without a country word of their own are resolved with
     * {@code countryHint} (ISO 3166-1 alpha-2, may be null), e.g. "regime forces" with "SY".
     */
    public List<ActorMention> find(CharSequence text, String countryHint) {
        return find(Tokens.of(text), countryHint);
    }

    /** As {@link #find(CharSequence, String)} on text already tokenised (share one {@link Tokens} per text). */
    public List<ActorMention> find(Tokens t, String countryHint) {
        List<PhraseMatcher.Match> matches = matcher.find(t);
        List<ActorMention> out = new ArrayList<>(matches.size() + 2);
        int lastEnd = 0;
        for (PhraseMatcher.Match m : matches) {
            if (modifier(t, m.to() - 1)) {
                continue;
            }
            Entry e = entries.get(m.entry());
            int from = m.from();
            String country = e.country();
            String canonical = e.canonical();
            if (e.role() != null) {
                // a weapon ("strike", "drone") names a state only through a demonym: "Israeli strike"
                long cw = m.from() > 0 && t.joined(m.from())
                        ? (e.needsCountry() ? countries.adjectiveBefore(t, m.from()) : countries.before(t, m.from()))
                        : -1;
                if (cw >= 0 && t.start((int) (cw >>> 32)) >= lastEnd) {
                    from = (int) (cw >>> 32);
                    country = countries.code((int) cw);
                } else if (e.needsCountry()) {
                    continue;
                } else {
                    country = countryHint;
                }
                canonical = roles.canonical(e.role(), country, e.canonical());
                if (country == null) {
                    country = e.fallbackCountry();
                }
            }
            int start = t.start(from);
            int end = t.end(m.to() - 1);
            out.add(new ActorMention(
                    start, end, t.text().subSequence(start, end).toString(), canonical, e.kind(), country));
            lastEnd = end;
        }
        List<ActorMention> named = namedByPattern(t, countryHint);
        if (named.isEmpty()) {
            return out.isEmpty() ? List.of() : Collections.unmodifiableList(out);
        }
        return Collections.unmodifiableList(merge(out, named));
    }

    /** "Al-Qaeda-linked": the name ends at a hyphen followed by an affiliation word. */
    private boolean modifier(Tokens t, int last) {
        int next = last + 1;
        return next < t.size() && t.is(next, Tokens.HYPHENATED) && in(affiliations, t.hash(next));
    }

    /**
     * Pattern mentions win over lexicon mentions they contain ("Gran Grif gang" over "gang"); a lexicon
     * mention at least as long wins over a pattern ("Sinaloa Cartel").
     */
    private static List<ActorMention> merge(List<ActorMention> lexicon, List<ActorMention> named) {
        List<ActorMention> all = new ArrayList<>(lexicon.size() + named.size());
        for (ActorMention p : named) {
            boolean covered = false;
            for (ActorMention l : lexicon) {
                boolean overlaps = l.start() < p.end() && p.start() < l.end();
                if (overlaps
                        && !(p.start() <= l.start()
                                && l.end() <= p.end()
                                && p.end() - p.start() > l.end() - l.start())) {
                    covered = true;
                    break;
                }
            }
            if (!covered) {
                all.add(p);
            }
        }
        for (ActorMention l : lexicon) {
            boolean inside = false;
            for (ActorMention p : all) {
                if (p.start() <= l.start() && l.end() <= p.end()) {
                    inside = true;
                    break;
                }
            }
            if (!inside) {
                all.add(l);
            }
        }
        all.sort((a, b) -> Integer.compare(a.start(), b.start()));
        return all;
    }

    private List<ActorMention> namedByPattern(Tokens t, String countryHint) {
        List<ActorMention> out = new ArrayList<>(2);
        int n = t.size();
        for (int i = 1; i < n; i++) {
            long h = t.hash(i);
            boolean criminal = in(criminalHeads, h);
            if ((criminal || in(militiaHeads, h)) && t.joined(i)) {
                int from = nameStart(t, i);
                if (from < i && countries.before(t, i) < 0) {
                    String name = t.surface(from, i);
                    String head = criminal
                            ? (h == GANGS || h == GANG ? "gang" : "cartel")
                            : (h == BRIGADE || h == BRIGADES ? "Brigade" : "militia");
                    int start = t.start(from);
                    int end = t.end(i);
                    out.add(new ActorMention(
                            start,
                            end,
                            t.text().subSequence(start, end).toString(),
                            name + " " + head,
                            criminal ? "CRIMINAL" : "MILITIA",
                            countryHint));
                }
            }
            boolean acronymAfter = i + 1 < n && t.is(i + 1, Tokens.ALL_CAPS) && bracketed(t, i + 1);
            if (in(armedHeads, h)
                    && t.is(i, Tokens.CAPITALIZED)
                    && !t.is(i, Tokens.SENTENCE_START)
                    && t.joined(i)
                    && !acronymAfter) {
                // a name followed by its acronym in brackets is read by the acronym rule below
                int from = nameStart(t, i);
                boolean state = countries.before(t, i) >= 0 && !insurgentName(t, from, i + 1);
                if (from < i && !state) {
                    int start = t.start(from);
                    int end = t.end(i);
                    String name = t.text().subSequence(start, end).toString();
                    out.add(new ActorMention(start, end, name, name, "REBEL", countryHint));
                }
            }
            if (in(groupHeads, h) && i >= 2 && t.joined(i) && in(groupDescriptors, t.hash(i - 1))) {
                ActorMention a = describedGroup(t, i, countryHint);
                if (a != null) {
                    out.add(a);
                }
            }
            if (i >= 3
                    && t.hash(i) == ITSELF
                    && in(selfNamingVerbs, t.hash(i - 1))
                    && in(selfNamingSubjects, t.hash(i - 2))) {
                ActorMention a = selfNamed(t, i + 1, countryHint);
                if (a != null) {
                    out.add(a);
                }
            }
            if (t.is(i, Tokens.ALL_CAPS) && bracketed(t, i)) {
                ActorMention a = acronym(t, i, countryHint);
                if (a != null) {
                    out.add(a);
                }
            }
        }
        return out;
    }

    /**
     * "the Jund al-Haqq militant group", "the 4K armed group": the name before a descriptor and a group noun, when
     * it is not a state's ("the Malian armed group" is no name) and not a group the lexicon lists (which the
     * lexicon names). The mention spans the group noun so the generic "armed group" inside it gives way.
     */
    private ActorMention describedGroup(Tokens t, int head, String countryHint) {
        int descriptor = head - 1;
        if (!t.joined(descriptor) || t.is(descriptor, Tokens.CAPITALIZED)) {
            return null;
        }
        int from = nameStart(t, descriptor);
        if (from >= descriptor || countries.before(t, descriptor) >= 0 || matcher.lookup(t, from, descriptor) >= 0) {
            return null;
        }
        int start = t.start(from);
        int end = t.end(head);
        return new ActorMention(
                start,
                end,
                t.text().subSequence(start, end).toString(),
                t.surface(from, descriptor),
                in(islamistDescriptors, t.hash(descriptor)) ? "ISLAMIST" : "REBEL",
                countryHint);
    }

    /** "a group calling itself Saraya al-Fath": the capitalised name after "itself", particles inside it. */
    private ActorMention selfNamed(Tokens t, int from, String countryHint) {
        int n = t.size();
        if (from >= n || !t.joined(from) || !t.is(from, Tokens.CAPITALIZED) || t.is(from, Tokens.SENTENCE_START)) {
            return null;
        }
        int to = from + 1;
        while (to < n && to - from < 6 && t.joined(to) && !t.is(to, Tokens.SENTENCE_START)) {
            if (t.is(to, Tokens.CAPITALIZED)) {
                to++;
            } else if (in(particles, t.hash(to))
                    && to + 1 < n
                    && t.joined(to + 1)
                    && t.is(to + 1, Tokens.CAPITALIZED)) {
                to += 2;
            } else {
                break;
            }
        }
        int entry = matcher.lookup(t, from, to);
        if (entry >= 0 || countries.before(t, to) >= 0) {
            return null; // a listed group is named by the lexicon
        }
        int start = t.start(from);
        int end = t.end(to - 1);
        String name = t.text().subSequence(start, end).toString();
        return new ActorMention(start, end, name, name, "REBEL", countryHint);
    }

    private static final long ITSELF = Tokens.wordHash("itself");

    private static final WordSet INSURGENT_WORDS = WordSet.of(java.util.stream.Stream.of(
                    "liberation",
                    "front",
                    "movement",
                    "resistance",
                    "revolutionary",
                    "rebels",
                    "salvation",
                    "independence")
            .mapToLong(Tokens::wordHash)
            .toArray());

    /** "Mozambique Liberation Front": a country in an insurgent name does not make it the state's army. */
    private static boolean insurgentName(Tokens t, int from, int to) {
        for (int k = from; k < to; k++) {
            if (in(INSURGENT_WORDS, t.hash(k))) {
                return true;
            }
        }
        return false;
    }

    private static final long GANG = Tokens.wordHash("gang");
    private static final long GANGS = Tokens.wordHash("gangs");
    private static final long BRIGADE = Tokens.wordHash("brigade");
    private static final long BRIGADES = Tokens.wordHash("brigades");

    /**
     * First token of a run of up to four capitalised words ending before {@code head}, or {@code head}. A short
     * number is part of the name when a capitalised word stands on its side ("the 444 Brigade", "the Barrio 18
     * gang"), never on its own before a lower-case head ("12 gang members").
     */
    private int nameStart(Tokens t, int head) {
        int k = head;
        while (k > 0
                && head - k < 5
                && (t.is(k - 1, Tokens.CAPITALIZED)
                        || numberInName(t, k - 1, head)
                        || codeName(t, k - 1)
                        || particleInName(t, k - 1, head))
                && (k == head || t.joined(k))
                && !t.is(k - 1, Tokens.ALL_CAPS)) {
            k--;
            if (t.is(k, Tokens.SENTENCE_START)) {
                break;
            }
        }
        while (k < head && (in(nameStops, t.hash(k)) || in(particles, t.hash(k)) && !t.is(k, Tokens.CAPITALIZED))) {
            k++;
        }
        return k;
    }

    /** "Jund al-Haqq": a particle joined to a capitalised word on each side belongs to the name. */
    private boolean particleInName(Tokens t, int k, int head) {
        return k > 0
                && k + 1 < head
                && in(particles, t.hash(k))
                && !t.is(k, Tokens.CAPITALIZED)
                && !t.is(k, Tokens.SENTENCE_START)
                && t.is(k + 1, Tokens.CAPITALIZED)
                && t.is(k - 1, Tokens.CAPITALIZED)
                && t.joined(k);
    }

    /** "the 3R armed group": a short code of digits and capitals is a name, unlike a bare number. */
    private static boolean codeName(Tokens t, int k) {
        if (!t.is(k, Tokens.DIGIT) || t.end(k) - t.start(k) > 4) {
            return false;
        }
        CharSequence s = t.text();
        for (int c = t.start(k); c < t.end(k); c++) {
            if (Character.isUpperCase(s.charAt(c))) {
                return true;
            }
        }
        return false;
    }

    private static boolean numberInName(Tokens t, int k, int head) {
        if (!t.is(k, Tokens.DIGIT) || t.end(k) - t.start(k) > 3 || t.is(k, Tokens.SENTENCE_START)) {
            return false; // "2019" is a year
        }
        return t.is(head, Tokens.CAPITALIZED) && k == head - 1
                || k > 0 && t.is(k - 1, Tokens.CAPITALIZED) && t.joined(k) && !t.is(k - 1, Tokens.SENTENCE_START);
    }

    /** Token {@code i} is written "(ABC)". */
    private static boolean bracketed(Tokens t, int i) {
        CharSequence s = t.text();
        int a = t.start(i);
        int b = t.end(i);
        return a > 0 && s.charAt(a - 1) == '(' && b < s.length() && s.charAt(b) == ')';
    }

    /**
     * "Long Name Words (ABC)": the lexicon's actor for ABC when it has one, else a group named ABC when the
     * long name has an armed-group word ("Front", "Liberation", "Islam").
     */
    private ActorMention acronym(Tokens t, int i, String countryHint) {
        int nameEnd = i;
        int k = i - 1;
        int words = 0;
        boolean islamist = false;
        boolean armed = false;
        while (k >= 0 && words < 12 && (k == i - 1 || t.joined(k + 1))) {
            boolean cap = t.is(k, Tokens.CAPITALIZED);
            // "of", "the", "for", "and", "al": lower-case joiners inside a name, never digits
            boolean small = t.end(k) - t.start(k) <= 4 && !cap && !t.is(k, Tokens.DIGIT);
            if (!cap && !small) {
                break;
            }
            if (cap && in(nameStops, t.hash(k))) {
                break;
            }
            islamist |= in(islamistWords, t.hash(k));
            armed |= in(rebelWords, t.hash(k));
            words++;
            k--;
        }
        int from = k + 1;
        while (from < nameEnd && !t.is(from, Tokens.CAPITALIZED)) {
            from++;
        }
        if (nameEnd - from < 2) {
            return null;
        }
        int start = t.start(from);
        int end = t.end(i) + 1;
        int entry = matcher.lookup(t, i, i + 1);
        if (entry >= 0) {
            Entry e = entries.get(entry);
            if (e.role() != null) {
                return null;
            }
            return new ActorMention(
                    start, end, t.text().subSequence(start, end).toString(), e.canonical(), e.kind(), e.country());
        }
        if (!islamist && !armed) {
            return null;
        }
        String acr = t.surface(i, i + 1);
        // "Armed Forces of the Philippines (AFP)": a state's forces named with its country
        for (int c = from + 1; c <= nameEnd && !insurgentName(t, from, nameEnd); c++) {
            long cw = countries.before(t, c);
            if (cw >= 0 && (int) (cw >>> 32) >= from && !islamist) {
                String cc = countries.code((int) cw);
                return new ActorMention(
                        start,
                        end,
                        t.text().subSequence(start, end).toString(),
                        roles.canonical("military", cc, acr),
                        "STATE_MILITARY",
                        cc);
            }
        }
        return new ActorMention(
                start,
                end,
                t.text().subSequence(start, end).toString(),
                acr,
                islamist ? "ISLAMIST" : "REBEL",
                countryHint);
    }

    /**
     * The name of a state's forces as the perpetrator of an incident: the canonical name with the state's own name
     * in brackets when the canonical name does not hold it ("Israeli military (Israel)", "US military (United
     * States)", but "Myanmar military"). Analysts name a state's forces either way ("Israel", "Israeli army",
     * "Armed Forces of the Philippines"); the brackets keep both. Other parties keep their canonical name.
     */
    public String perpetratorName(ActorMention a) {
        if (!"STATE_MILITARY".equals(a.kind()) || a.countryCode() == null) {
            return a.canonicalName();
        }
        String state = countries.name(a.countryCode());
        if (state == null
                || (" " + a.canonicalName().toLowerCase(java.util.Locale.ROOT) + " ")
                        .contains(" " + state.toLowerCase(java.util.Locale.ROOT) + " ")) {
            return a.canonicalName();
        }
        return a.canonicalName() + " (" + state + ")";
    }

    /** A state's forces as the perpetrator of an incident, named as {@link #perpetratorName} names them. */
    public String stateForces(String countryCode) {
        return perpetratorName(new ActorMention(
                0, 0, "", roles.canonical("military", countryCode, "military"), "STATE_MILITARY", countryCode));
    }

    /** The canonical name of a generic party's role ({@code roles.tsv}) in a country, or the role itself. */
    public String roleName(String role, String countryCode) {
        return roles.canonical(role, countryCode, role);
    }

    /** Number of entries, for size reports. */
    public int size() {
        return entries.size();
    }
}
