package org.wirewatch.extract.geo;

import static org.wirewatch.extract.geo.Gazetteer.ADMIN1;
import static org.wirewatch.extract.geo.Gazetteer.ADMIN2;
import static org.wirewatch.extract.geo.Gazetteer.COUNTRY;
import static org.wirewatch.extract.geo.Gazetteer.DEMONYM;
import static org.wirewatch.extract.geo.Gazetteer.NAME;
import static org.wirewatch.extract.geo.Gazetteer.PLACE;
import static org.wirewatch.extract.geo.Gazetteer.WORD;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.wirewatch.extract.lexicon.PhraseIndex;
import org.wirewatch.extract.lexicon.TsvResource;

/**
 * Reads the gazetteer's resources once ({@code gazetteer.tsv.gz}, {@code countries.tsv}, {@code admin1-aliases.tsv},
 * {@code places-extra.tsv}) into growable columns that {@link Gazetteer} then copies into its immutable arrays.
 */
final class GazetteerLoader {
    final PhraseIndex.Builder index = PhraseIndex.builder();
    int count;
    byte[] kinds = new byte[1 << 18];
    int[] countryOf = new int[1 << 18];
    int[] admin1Of = new int[1 << 18];
    float[] lat = new float[1 << 18];
    float[] lon = new float[1 << 18];
    int[] population = new int[1 << 18];
    byte[] flags = new byte[1 << 18];
    String[] names = new String[1 << 18];
    List<String> countryCodes;
    List<String> admin1Codes;
    final Map<String, String> countryNames = new HashMap<>();
    final Map<String, String> admin1Names = new HashMap<>();
    final Map<String, Integer> countryEntry = new HashMap<>();
    final Map<String, Integer> admin1Entry = new HashMap<>();
    final Map<String, Integer> admin1Pop = new HashMap<>();
    /** Spelling keys of towns ({@link Spelling#key}), each packed with its entry; sorted in {@link #spellings()}. */
    long[] spellingKeys = new long[1 << 16];

    int spellingCount;

    GazetteerLoader loadAll() {
        List<String[]> c = new ArrayList<>();
        List<String[]> a = new ArrayList<>();
        List<String[]> p = new ArrayList<>();
        List<String[]> divisions = new ArrayList<>();
        try (BufferedReader r = reader("gazetteer.tsv.gz", true)) {
            String line;
            while ((line = r.readLine()) != null) {
                String[] f = line.split("\t", -1);
                switch (f[0]) {
                    case "C" -> c.add(f);
                    case "A" -> a.add(f);
                    case "P" -> p.add(f);
                    case "D" -> divisions.add(f);
                    default -> throw new IllegalStateException("bad gazetteer line: " + line);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String[]> countryRows = table("countries.tsv");
        List<String[]> adminRows = table("admin1-aliases.tsv");
        List<String[]> extraRows = table("places-extra.tsv");

        Set<String> cc = new java.util.TreeSet<>();
        c.forEach(f -> cc.add(f[1]));
        countryRows.forEach(f -> cc.add(f[0]));
        countryCodes = new ArrayList<>(cc);
        Set<String> ac = new java.util.TreeSet<>();
        a.forEach(f -> ac.add(f[1]));
        admin1Codes = new ArrayList<>(ac);

        Map<String, String[]> handCountry = new HashMap<>();
        countryRows.forEach(f -> handCountry.put(f[0], f));
        // a short form the hand table gives one country is that country's alone: iso-codes calls the Republic
        // of the Congo "Congo", but the press means the DRC by it
        Map<String, String> handAlias = new HashMap<>();
        countryRows.forEach(f -> split(col(f, 2)).forEach(n -> handAlias.put(n.toLowerCase(Locale.ROOT), f[0])));
        for (String code : countryCodes) {
            String[] hand = handCountry.get(code);
            String[] gen = c.stream().filter(f -> f[1].equals(code)).findFirst().orElse(null);
            String display = hand != null ? hand[1] : gen[2];
            int e = add(COUNTRY, code, null, display, Float.NaN, Float.NaN, 0, (byte) 0);
            countryEntry.put(code, e);
            countryNames.put(code, display);
            name(display, e);
            if (gen != null) {
                java.util.stream.Stream.concat(java.util.stream.Stream.of(gen[2]), split(gen[3]).stream())
                        .filter(n -> handAlias
                                .getOrDefault(n.toLowerCase(Locale.ROOT), code)
                                .equals(code))
                        .forEach(n -> name(n, e));
            }
            if (hand != null) {
                split(col(hand, 2)).forEach(n -> name(n, e));
                int d = -1;
                for (String dem : split(col(hand, 3))) {
                    if (d < 0) {
                        d = add(DEMONYM, code, null, display, Float.NaN, Float.NaN, 0, (byte) 0);
                    }
                    name(dem, d);
                }
            }
        }
        for (String[] f : a) {
            String code = f[1];
            byte fl = flagsOf(f[3]);
            int e = add(ADMIN1, code.substring(0, 2), code, f[2], Float.NaN, Float.NaN, Integer.parseInt(f[4]), fl);
            admin1Entry.put(code, e);
            admin1Names.put(code, f[2]);
            name(f[2], e);
            split(f[5]).forEach(n -> name(n, e));
        }
        for (String[] f : adminRows) {
            Integer e = admin1Entry.get(f[0]);
            if (e == null) {
                throw new IllegalStateException("admin1-aliases.tsv: unknown region " + f[0]);
            }
            // A hand alias is how the press writes the name: it is not an English word.
            flags[e] = 0;
            split(col(f, 1)).forEach(n -> name(n, e));
        }
        for (String[] f : p) {
            int e = add(
                    PLACE,
                    f[2],
                    f[3].isEmpty() ? null : f[3],
                    f[1],
                    Float.parseFloat(f[4]),
                    Float.parseFloat(f[5]),
                    Integer.parseInt(f[6]),
                    flagsOf(f[7]));
            name(f[1], e);
            List<String> aliases = split(f[8]);
            aliases.forEach(n -> name(n, e));
            if (population[e] >= Spelling.MIN_POPULATION) {
                spelling(f[1], e);
                aliases.forEach(n -> spelling(n, e));
            }
        }
        // D <name> <country> <region> <population> <flags> <aliases>: a second-level division, matched only in the
        // countries a text is about (Gazetteer#resolve)
        for (String[] f : divisions) {
            int e = add(ADMIN2, f[2], f[3], f[1], Float.NaN, Float.NaN, Integer.parseInt(f[4]), flagsOf(f[5]));
            name(f[1], e);
            split(col(f, 6)).forEach(n -> name(n, e));
        }
        for (String[] f : extraRows) {
            int e = add(
                    PLACE,
                    f[1],
                    f[2].isEmpty() ? null : f[2],
                    f[0],
                    Float.parseFloat(f[3]),
                    Float.parseFloat(f[4]),
                    Integer.parseInt(f[5]),
                    Gazetteer.HAND);
            name(f[0], e);
            split(col(f, 6)).forEach(n -> name(n, e));
        }
        return this;
    }

    private static String col(String[] f, int i) {
        return i < f.length ? f[i] : "";
    }

    private static byte flagsOf(String s) {
        byte b = 0;
        if (s.indexOf('W') >= 0) {
            b |= WORD;
        }
        if (s.indexOf('N') >= 0) {
            b |= NAME;
        }
        return b;
    }

    private static List<String> split(String s) {
        if (s == null || s.isBlank()) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (String x : s.split("\\|")) {
            if (!x.isBlank()) {
                out.add(x.strip());
            }
        }
        return out;
    }

    private void name(String name, int entry) {
        String n = name.strip();
        if (n.regionMatches(true, 0, "the ", 0, 4)) {
            n = n.substring(4);
        }
        boolean capsOnly = n.length() <= 5
                && n.replace(".", "").length() <= 4
                && n.equals(n.toUpperCase())
                && n.chars().anyMatch(Character::isLetter);
        index.add(n, entry << 1 | (capsOnly ? 1 : 0));
    }

    private void spelling(String name, int entry) {
        long k = Spelling.key(name);
        if (k == 0) {
            return;
        }
        if (spellingCount == spellingKeys.length) {
            spellingKeys = Arrays.copyOf(spellingKeys, spellingCount * 2);
        }
        spellingKeys[spellingCount++] = Spelling.pack(k, entry);
    }

    /** The packed spelling keys, sorted and without repeats. */
    long[] spellings() {
        long[] out = Arrays.copyOf(spellingKeys, spellingCount);
        Arrays.sort(out);
        return Arrays.stream(out).distinct().toArray();
    }

    private int add(byte kind, String country, String admin1, String name, float la, float lo, int pop, byte fl) {
        if (count == kinds.length) {
            int cap = count * 2;
            kinds = Arrays.copyOf(kinds, cap);
            countryOf = Arrays.copyOf(countryOf, cap);
            admin1Of = Arrays.copyOf(admin1Of, cap);
            lat = Arrays.copyOf(lat, cap);
            lon = Arrays.copyOf(lon, cap);
            population = Arrays.copyOf(population, cap);
            flags = Arrays.copyOf(flags, cap);
            names = Arrays.copyOf(names, cap);
        }
        int e = count++;
        kinds[e] = kind;
        countryOf[e] = Collections.binarySearch(countryCodes, country);
        admin1Of[e] = admin1 == null ? -1 : Collections.binarySearch(admin1Codes, admin1);
        if (admin1Of[e] < 0) {
            admin1Of[e] = -1;
        }
        lat[e] = la;
        lon[e] = lo;
        population[e] = pop;
        flags[e] = fl;
        names[e] = name;
        return e;
    }

    private static BufferedReader reader(String resource, boolean gzip) throws IOException {
        InputStream in = Gazetteer.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("missing resource " + resource);
        }
        if (gzip) {
            in = new GZIPInputStream(in, 1 << 16);
        }
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
    }

    static List<String[]> table(String resource) {
        return TsvResource.rows(Gazetteer.class, resource);
    }
}
