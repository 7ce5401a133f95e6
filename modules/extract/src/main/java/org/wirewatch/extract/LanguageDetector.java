package org.wirewatch.extract;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.wirewatch.extract.text.Lexicon;
import org.wirewatch.extract.text.Token;

/**
 * Detects the language of a report from its text, not its declared language: the script for non-Latin
 * text, otherwise which language's function words are most frequent among the first words.
 */
final class LanguageDetector {

    static final int SAMPLE = 150;

    private final List<String> languages = new ArrayList<>();
    /** Function word to the indexes of the languages it belongs to. */
    private final Map<String, int[]> words = new HashMap<>();

    private final int english;

    LanguageDetector(Lexicon stopwords) {
        Map<String, List<Integer>> byWord = new HashMap<>();
        for (Lexicon.Entry e : stopwords.entries()) {
            int index = languages.size();
            languages.add(e.key());
            for (String w : e.value(0).split(" +")) {
                byWord.computeIfAbsent(w, k -> new ArrayList<>()).add(index);
            }
        }
        byWord.forEach(
                (w, l) -> words.put(w, l.stream().mapToInt(Integer::intValue).toArray()));
        english = languages.indexOf("en");
    }

    /** The function words of every profile (a tokenizer vocabulary must hold them). */
    java.util.Set<String> words() {
        return java.util.Collections.unmodifiableSet(words.keySet());
    }

    /** ISO 639-1 code of the text's language. */
    String detect(CharSequence text, List<Token> tokens) {
        String script = script(text);
        if (script != null) {
            return script;
        }
        int[] hits = new int[languages.size()];
        int seen = 0;
        for (Token t : tokens) {
            if (!t.isWord()) {
                continue;
            }
            if (++seen > SAMPLE) {
                break;
            }
            int[] langs = t.mayBeIn() ? words.get(t.lower()) : null;
            if (langs != null) {
                for (int l : langs) {
                    hits[l]++;
                }
            }
        }
        if (seen < 3) {
            return "en"; // a bare headline: nothing contradicts the default
        }
        int best = english;
        for (int l = 0; l < hits.length; l++) {
            if (hits[l] > hits[best]) {
                best = l;
            }
        }
        return languages.get(best);
    }

    /** The language implied by a non-Latin script covering most letters, else null. */
    private static String script(CharSequence text) {
        int letters = 0;
        int[] counts = new int[6];
        int n = Math.min(text.length(), 1000);
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c < 128) {
                if (Character.isLetter(c)) {
                    letters++;
                }
                continue;
            }
            if (!Character.isLetter(c)) {
                continue;
            }
            letters++;
            switch (Character.UnicodeScript.of(c)) {
                case ARABIC -> counts[0]++;
                case CYRILLIC -> counts[1]++;
                case HAN -> counts[2]++;
                case HEBREW -> counts[3]++;
                case DEVANAGARI -> counts[4]++;
                case HIRAGANA, KATAKANA, HANGUL, THAI, GREEK, ETHIOPIC, BENGALI, TAMIL -> counts[5]++;
                default -> {}
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
