package org.wirewatch.extract;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.wirewatch.extract.text.Lexicon;
import org.wirewatch.extract.text.Token;

/**
 * Detects the language of a report from its text, not its declared language: the script for non-Latin
 * text, otherwise the share of each language's function words among the first few hundred words.
 */
final class LanguageDetector {

    private static final int SAMPLE = 300;

    private final Map<String, Set<String>> profiles = new HashMap<>();

    LanguageDetector(Lexicon stopwords) {
        for (Lexicon.Entry e : stopwords.entries()) {
            profiles.put(e.key(), Set.of(e.value(0).split(" +")));
        }
    }

    /** ISO 639-1 code of the text's language, "und" when there is too little text to tell. */
    String detect(CharSequence text, List<Token> tokens) {
        String script = script(text);
        if (script != null) {
            return script;
        }
        Map<String, Integer> hits = new HashMap<>();
        int words = 0;
        for (Token t : tokens) {
            if (!t.isWord()) {
                continue;
            }
            if (++words > SAMPLE) {
                break;
            }
            for (Map.Entry<String, Set<String>> p : profiles.entrySet()) {
                if (p.getValue().contains(t.lower())) {
                    hits.merge(p.getKey(), 1, Integer::sum);
                }
            }
        }
        if (words < 3) {
            return "en"; // a bare headline: nothing contradicts the default
        }
        String best = "en";
        int bestHits = hits.getOrDefault("en", 0);
        for (Map.Entry<String, Integer> h : hits.entrySet()) {
            if (h.getValue() > bestHits) {
                best = h.getKey();
                bestHits = h.getValue();
            }
        }
        return best;
    }

    /** The language implied by a non-Latin script covering most letters, else null. */
    private static String script(CharSequence text) {
        int letters = 0;
        int[] counts = new int[6];
        int n = Math.min(text.length(), 2000);
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (!Character.isLetter(c)) {
                continue;
            }
            letters++;
            Character.UnicodeScript s = Character.UnicodeScript.of(c);
            switch (s) {
                case ARABIC -> counts[0]++;
                case CYRILLIC -> counts[1]++;
                case HAN -> counts[2]++;
                case HEBREW -> counts[3]++;
                case DEVANAGARI -> counts[4]++;
                case HIRAGANA, KATAKANA, HANGUL, THAI, GREEK, ETHIOPIC, BENGALI, TAMIL -> counts[5]++;
                default -> {
                }
            }
        }
        if (letters == 0) {
            return null;
        }
        String[] codes = {"ar", "ru", "zh", "he", "hi", "xx"};
        for (int k = 0; k < counts.length; k++) {
            if (counts[k] * 2 > letters) {
                return codes[k];
            }
        }
        return null;
    }
}
