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
    private final List<String> codes = new ArrayList<>();
    private final Map<String, String> adjectives = new HashMap<>();

    CountryWords() {
        PhraseMatcher.Builder b = PhraseMatcher.builder();
        for (String[] row : TsvResource.rows(CountryWords.class, RESOURCE)) {
            String code = row[0];
            int e = codes.size();
            codes.add(code);
            b.add(row[1], e);
            for (int col = 2; col <= 3 && col < row.length; col++) {
                for (String alias : row[col].split("\\|")) {
                    if (!alias.isBlank()) {
                        b.add(alias, e);
                    }
                }
            }
            String[] demonyms = row.length > 3 ? row[3].split("\\|") : new String[0];
            adjectives.put(code, demonyms.length > 0 && !demonyms[0].isBlank() ? demonyms[0] : row[1]);
        }
        adjectives.put("US", "US");
        adjectives.put("GB", "British");
        matcher = b.build();
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

    String code(int entry) {
        return codes.get(entry);
    }

    /** "Syrian", "Nigerian", "US": the adjective used in canonical names. */
    String adjective(String code) {
        return adjectives.getOrDefault(code, code);
    }
}
