package org.wirewatch.extract.lexicon;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.wirewatch.schema.SourceType;

/**
 * Sources of claims from the lexicon {@code sources.tsv} (monitors, ministries, hospitals, UN agencies and
 * NGOs, media, local officials, witnesses) plus every armed actor of {@link Actors} as a BELLIGERENT
 * (police as LOCAL_OFFICIAL). Where both lexicons match, the longer match wins, and the source lexicon
 * wins ties ("military spokesman" is a source phrase, "military" alone an actor).
 *
 * <p>Immutable and thread-safe; {@link #load()} reads the resources once.
 */
public final class Sources {

    // String.split compiles a pattern of more than one character on every call: this runs for every source mention.
    private static final java.util.regex.Pattern WHITESPACE = java.util.regex.Pattern.compile("\\s+");

    private static volatile Sources instance;

    private record Entry(String canonical, SourceType type, boolean named, String role) {}

    private final PhraseMatcher matcher;
    private final List<Entry> entries = new ArrayList<>();
    private final Actors actors;
    private final Roles roles;
    private final CountryWords countries;

    private Sources() {
        actors = Actors.load();
        countries = new CountryWords();
        roles = new Roles(countries);
        PhraseMatcher.Builder b = PhraseMatcher.builder();
        for (String[] row : TsvResource.rows(Sources.class, "sources.tsv")) {
            if (row.length < 4) {
                throw new IllegalStateException("sources.tsv: expected 4 columns: " + String.join("\t", row));
            }
            String spec = row[3].strip();
            String role = spec.startsWith("role:") ? spec.substring(5) : null;
            if (role != null && !roles.known(role)) {
                throw new IllegalStateException("sources.tsv: unknown role " + role);
            }
            int e = entries.size();
            entries.add(new Entry(row[1].strip(), SourceType.valueOf(row[2].strip()), spec.equals("named"), role));
            for (String alias : row[0].split("\\|")) {
                b.add(alias, e);
            }
        }
        matcher = b.build();
    }

    /** The lexicon from this module's resources, loaded on first use. */
    public static Sources load() {
        Sources s = instance;
        if (s == null) {
            synchronized (Sources.class) {
                s = instance;
                if (s == null) {
                    s = new Sources();
                    instance = s;
                }
            }
        }
        return s;
    }

    /** Sources in text order, without a country for generic roles ("the monitor" stays "monitor"). */
    public List<SourceMention> find(CharSequence text) {
        return find(text, null);
    }

    /**
     * Sources in text order; role-dependent ones ("the monitor", "military spokesman") are named with
     * {@code countryHint} (ISO 3166-1 alpha-2, may be null): "the monitor" in Syria is the Syrian
     * Observatory for Human Rights.
     */
    public List<SourceMention> find(CharSequence text, String countryHint) {
        return find(Tokens.of(text), countryHint);
    }

    /** As {@link #find(CharSequence, String)} on text already tokenised (share one {@link Tokens} per text). */
    public List<SourceMention> find(Tokens t, String countryHint) {
        return find(t, actors.find(t, countryHint), countryHint);
    }

    /**
     * As {@link #find(Tokens, String)} with the armed actors of the same text and hint already found by
     * {@link Actors#find(Tokens, String)}, so that a report runs the actor lexicon once.
     */
    public List<SourceMention> find(Tokens t, List<ActorMention> armed, String countryHint) {
        List<PhraseMatcher.Match> own = matcher.find(t);
        List<SourceMention> out = new ArrayList<>(own.size() + armed.size());
        int ai = 0;
        int lastEnd = 0;
        for (int oi = 0; oi <= own.size(); oi++) {
            PhraseMatcher.Match m = oi < own.size() ? own.get(oi) : null;
            int mStart = m == null ? Integer.MAX_VALUE : t.start(m.from());
            int mEnd = m == null ? Integer.MAX_VALUE : t.end(m.to() - 1);
            // Actor mentions before this source match, or overlapping it but longer.
            while (ai < armed.size() && armed.get(ai).start() < mEnd) {
                ActorMention a = armed.get(ai);
                boolean overlaps = a.end() > mStart;
                // a non-state party whose name the source match starts inside ("Arakan Army" in "Arakan Army
                // spokesman") is who speaks: the match's first word ends that name, it is not the state's army
                boolean startsInside = overlaps
                        && !a.generic()
                        && !"STATE_MILITARY".equals(a.kind())
                        && !"POLICE".equals(a.kind())
                        && a.start() < mStart
                        && a.end() <= mEnd;
                if (a.start() >= lastEnd && (!overlaps || startsInside || a.end() - a.start() > mEnd - mStart)) {
                    out.add(asSource(a));
                    lastEnd = a.end();
                }
                ai++;
            }
            if (m != null && mStart >= lastEnd) {
                Entry e = entries.get(m.entry());
                String canonical =
                        e.role() == null ? e.canonical() : roles.canonical(e.role(), countryHint, e.canonical());
                // "Russian Defence Ministry", "Afghan interior ministry": a state's organ named with its country.
                long cw = !e.named() && qualifiable(e.type()) && m.from() > 0 && t.joined(m.from())
                        ? countries.before(t, m.from())
                        : -1;
                if (cw >= 0 && t.start((int) (cw >>> 32)) >= lastEnd) {
                    String code = countries.code((int) cw);
                    mStart = t.start((int) (cw >>> 32));
                    canonical = e.role() != null
                            ? roles.canonical(e.role(), code, e.canonical())
                            : countries.adjective(code) + " " + e.canonical();
                }
                out.add(new SourceMention(
                        mStart, mEnd, t.text().subSequence(mStart, mEnd).toString(), canonical, e.type()));
                lastEnd = mEnd;
            }
        }
        return Collections.unmodifiableList(out);
    }

    private static boolean qualifiable(SourceType type) {
        return type == SourceType.GOVERNMENT || type == SourceType.BELLIGERENT || type == SourceType.MEDIA;
    }

    private SourceMention asSource(ActorMention a) {
        SourceType type = "POLICE".equals(a.kind()) ? SourceType.LOCAL_OFFICIAL : SourceType.BELLIGERENT;
        return new SourceMention(a.start(), a.end(), a.surface(), speakingName(a), type);
    }

    /** The bodies that speak for a state's forces, by the word a report uses for them. */
    private static final java.util.Set<String> SPEAKING_BODIES =
            java.util.Set.of("army", "military", "police", "navy", "gendarmerie");

    /**
     * "..., the army said": a state's forces speaking are named by the report's own word for them ("Burkinabe
     * army"), not by the lexicon's name for them as a party ("Burkinabe military"). Who spoke is what the reader
     * checks against the story; the party stays as the lexicon names it.
     */
    private String speakingName(ActorMention a) {
        String[] words = WHITESPACE.split(a.surface().strip());
        String head = words[words.length - 1].toLowerCase(java.util.Locale.ROOT);
        String name = a.canonicalName();
        if (a.countryCode() == null
                || !SPEAKING_BODIES.contains(head)
                || (" " + name.toLowerCase(java.util.Locale.ROOT) + " ").contains(" " + head + " ")) {
            return name;
        }
        return countries.adjective(a.countryCode()) + " " + head;
    }

    /**
     * The source named by an attribution phrase ("a spokesman for the US-led coalition", "Observatory chief
     * Rami Abdel Rahman", "a senior police officer"): the most specific source mentioned in it, named
     * entries before generic ones, longer before shorter.
     */
    public Optional<SourceMention> resolve(String phrase) {
        return resolve(phrase, null);
    }

    /** As {@link #resolve(String)}, with a country for role-dependent names. */
    public Optional<SourceMention> resolve(String phrase, String countryHint) {
        if (phrase == null || phrase.isBlank()) {
            return Optional.empty();
        }
        SourceMention best = null;
        int bestScore = Integer.MIN_VALUE;
        List<SourceMention> found = find(phrase, countryHint);
        for (int i = 0; i < found.size(); i++) {
            SourceMention m = found.get(i);
            int score = (specific(m) ? 1000 : 0) + (m.end() - m.start());
            // "two residents and a health worker": a list is attributed to the party named first
            if (i + 1 < found.size()
                    && phrase.substring(m.end(), found.get(i + 1).start()).contains(" and ")
                    && specific(m) == specific(found.get(i + 1))) {
                score += 500;
            }
            if (score > bestScore) {
                bestScore = score;
                best = m;
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * The generic sources of one type a phrase describes ("official news agency X": "state media"), named entries
     * aside: what kind of source it is, whatever its own name.
     */
    public java.util.Set<String> describedKinds(String phrase, SourceType type, String countryHint) {
        java.util.Set<String> kinds = new java.util.HashSet<>();
        if (phrase == null || phrase.isBlank()) {
            return kinds;
        }
        for (SourceMention m : find(phrase, countryHint)) {
            if (m.type() == type && !specific(m)) {
                kinds.add(m.canonicalName());
            }
        }
        return kinds;
    }

    private boolean specific(SourceMention m) {
        for (Entry e : entries) {
            if (e.named() && e.canonical().equals(m.canonicalName())) {
                return true;
            }
        }
        // Named armed groups are specific; "gunmen", "government forces" without a country are not.
        return m.type() == SourceType.BELLIGERENT
                && !m.canonicalName().equals("gunmen")
                && !m.canonicalName().equals("militants")
                && !m.canonicalName().equals("government forces")
                && !m.canonicalName().equals("rebels")
                && !m.canonicalName().equals("militia")
                && !m.canonicalName().equals("coalition");
    }

    /** "army", "police": a word for a state's forces when they speak. */
    public static boolean speakingBody(String head) {
        return SPEAKING_BODIES.contains(head);
    }

    /** "Venezuelan", "Syrian": the adjective a canonical name gives a country, by its ISO code. */
    public String adjective(String countryCode) {
        return countries.adjective(countryCode);
    }

    /** Number of entries of the source lexicon (armed actors not counted), for size reports. */
    public int size() {
        return entries.size();
    }
}
