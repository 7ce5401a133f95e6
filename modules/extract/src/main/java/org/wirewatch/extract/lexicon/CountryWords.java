package org.wirewatch.extract.lexicon;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Country names and demonyms that qualify a generic party ("Nigerian troops", "Sudan's army",
 * "U.S. drone"), from the gazetteer's hand-kept {@code countries.tsv}.
 */
final class CountryWords {

    private static final String RESOURCE = "/org/wirewatch/extract/geo/countries.tsv";

    private final PhraseMatcher matcher;
    /** Demonyms and all-capital short forms ("Israeli", "US"): the words that qualify a weapon. */
    private final PhraseMatcher adjectiveMatcher;

    private final List<String> codes = new ArrayList<>();
    private final Map<String, String> adjectives = new HashMap<>();
    private final Map<String, String> names = new HashMap<>();

    CountryWords() {
        PhraseMatcher.Builder b = PhraseMatcher.builder();
        PhraseMatcher.Builder adj = PhraseMatcher.builder();
        for (String[] row : TsvResource.rows(CountryWords.class, RESOURCE)) {
            String code = row[0];
            int e = codes.size();
            codes.add(code);
            b.add(row[1], e);
            for (int col = 2; col <= 3 && col < row.length; col++) {
                for (String alias : row[col].split("\\|")) {
                    if (!alias.isBlank()) {
                        b.add(alias, e);
                        String letters = alias.replace(".", "");
                        if (col == 3 || letters.length() <= 4 && letters.equals(letters.toUpperCase())) {
                            adj.add(alias, e);
                        }
                    }
                }
            }
            String[] demonyms = row.length > 3 ? row[3].split("\\|") : new String[0];
            names.put(code, row[1]);
            adjectives.put(code, demonyms.length > 0 && !demonyms[0].isBlank() ? demonyms[0] : row[1]);
        }
        adjectives.put("US", "US");
        adjectives.put("GB", "British");
        matcher = b.build();
        adjectiveMatcher = adj.build();
    }

    /** The country code of a country word ending just before token {@code end}, and its first token. */
    long before(Tokens t, int end) {
        for (int len = Math.min(4, end); len >= 1; len--) {
            int from = end - len;
            boolean joined = true;
            for (int k = from + 1; k <= end && joined; k++) {
                joined = k >= t.size() || t.joined(k);
            }
            if (!joined) {
                continue;
            }
            int e = matcher.lookup(t, from, end);
            if (e >= 0) {
                return ((long) from << 32) | e;
            }
        }
        return -1;
    }

    /**
     * As {@link #before}, but only a demonym, an all-capital short form or a possessive country name
     * ("Israeli strike", "US drone", "Russia's missiles"): "a Lebanon strike" names where, not who.
     */
    long adjectiveBefore(Tokens t, int end) {
        long cw = before(t, end);
        if (cw < 0) {
            return -1;
        }
        int from = (int) (cw >>> 32);
        if (adjectiveMatcher.lookup(t, from, end) >= 0) {
            return cw;
        }
        int after = t.end(end - 1);
        CharSequence s = t.text();
        boolean possessive = after + 1 < s.length()
                && (s.charAt(after) == '\'' || s.charAt(after) == '\u2019')
                && (s.charAt(after + 1) == 's' || s.charAt(after + 1) == 'S');
        return possessive ? cw : -1;
    }

    String code(int entry) {
        return codes.get(entry);
    }

    /** "Syria", "United States": the country's display name, or null for an unknown code. */
    String name(String code) {
        return names.get(code);
    }

    /** "Syrian", "Nigerian", "US": the adjective used in canonical names. */
    String adjective(String code) {
        return adjectives.getOrDefault(code, code);
    }
}
