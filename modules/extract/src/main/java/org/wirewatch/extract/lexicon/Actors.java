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
 * <p>Immutable and thread-safe; {@link #load()} reads the resources once.
 */
public final class Actors {

    private static volatile Actors instance;

    private record Entry(String canonical, String kind, String country, String role, boolean needsCountry) {
    }

    private final PhraseMatcher matcher;
    private final List<Entry> entries = new ArrayList<>();
    private final CountryWords countries;
    private final Roles roles;

    private Actors() {
        countries = new CountryWords();
        roles = new Roles(countries);
        PhraseMatcher.Builder b = PhraseMatcher.builder();
        for (String[] row : TsvResource.rows(Actors.class, "actors.tsv")) {
            if (row.length < 4) {
                throw new IllegalStateException("actors.tsv: expected 4 columns: " + String.join("\t", row));
            }
            String country = row[3].strip();
            String role = null;
            boolean needsCountry = false;
            if (country.startsWith("role:")) {
                role = country.substring(5);
                needsCountry = role.endsWith("!");
                role = needsCountry ? role.substring(0, role.length() - 1) : role;
                if (!roles.known(role)) {
                    throw new IllegalStateException("actors.tsv: unknown role " + role);
                }
                country = null;
            }
            int e = entries.size();
            entries.add(new Entry(row[1].strip(), row[2].strip(), country == null || country.isEmpty() ? null : country,
                    role, needsCountry));
            for (String alias : row[0].split("\\|")) {
                b.add(alias, e);
            }
        }
        matcher = b.build();
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
        if (matches.isEmpty()) {
            return List.of();
        }
        List<ActorMention> out = new ArrayList<>(matches.size());
        int lastEnd = 0;
        for (PhraseMatcher.Match m : matches) {
            Entry e = entries.get(m.entry());
            int from = m.from();
            String country = e.country();
            String canonical = e.canonical();
            if (e.role() != null) {
                long cw = m.from() > 0 && t.joined(m.from()) ? countries.before(t, m.from()) : -1;
                if (cw >= 0 && t.start((int) (cw >>> 32)) >= lastEnd) {
                    from = (int) (cw >>> 32);
                    country = countries.code((int) cw);
                } else if (e.needsCountry()) {
                    continue;
                } else {
                    country = countryHint;
                }
                canonical = roles.canonical(e.role(), country, e.canonical());
            }
            int start = t.start(from);
            int end = t.end(m.to() - 1);
            out.add(new ActorMention(start, end, t.text().subSequence(start, end).toString(), canonical, e.kind(),
                    country));
            lastEnd = end;
        }
        return Collections.unmodifiableList(out);
    }

    /** Number of entries, for size reports. */
    public int size() {
        return entries.size();
    }
}
