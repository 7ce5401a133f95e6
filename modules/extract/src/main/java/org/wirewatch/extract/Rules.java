package org.wirewatch.extract;

import java.util.List;
import java.util.Set;
import org.wirewatch.extract.geo.Capitals;
import org.wirewatch.extract.geo.Gazetteer;
import org.wirewatch.extract.lexicon.Actors;
import org.wirewatch.extract.lexicon.Sources;
import org.wirewatch.extract.rules.CasualtyReader;
import org.wirewatch.extract.rules.DateResolver;
import org.wirewatch.extract.rules.NumberReader;
import org.wirewatch.extract.rules.TotalFrames;
import org.wirewatch.extract.rules.TriggerReader;
import org.wirewatch.extract.text.Lexicon;
import org.wirewatch.extract.text.PhraseMatcher;
import org.wirewatch.extract.text.SentenceSplitter;
import org.wirewatch.extract.text.Vocabulary;

/** The immutable rule tables, lexicons and gazetteer shared by every extraction. */
final class Rules {

    final SentenceSplitter splitter;
    final NumberReader numbers;
    final CasualtyReader casualties;
    final DateResolver dates;
    final TriggerReader triggers;
    final PhraseMatcher attribution;
    final PhraseMatcher markers;
    final TotalFrames totals;
    /** Verbs whose subject, right before them, is the party that acts (AGENT_VERB entries of markers.tsv). */
    final Set<String> agentVerbs;

    final LanguageDetector language;
    final Gazetteer gazetteer;
    final Capitals capitals;
    final Actors actors;
    final Sources sources;

    /** The rule tables whose words the tokenizer shares instead of allocating (see {@link Vocabulary}). */
    private static final List<String> WORD_TABLES = List.of(
            "abbreviations.tsv",
            "abduction_objects.tsv",
            "attribution.tsv",
            "casualty_nouns.tsv",
            "casualty_terms.tsv",
            "entry_agents.tsv",
            "markers.tsv",
            "non_casualty_nouns.tsv",
            "numbers.tsv",
            "ordinals.tsv",
            "qualifiers.tsv",
            "sentence_starters.tsv",
            "stopwords.tsv",
            "territory_objects.tsv",
            "triggers.tsv");

    Rules() {
        this.numbers = NumberReader.load();
        this.casualties = CasualtyReader.load(numbers);
        this.dates = new DateResolver();
        this.triggers = TriggerReader.load();
        this.attribution = new PhraseMatcher(Lexicon.rules("attribution.tsv"));
        Lexicon markerTable = Lexicon.rules("markers.tsv");
        this.markers = new PhraseMatcher(markerTable);
        this.totals = new TotalFrames(markerTable, numbers);
        this.agentVerbs = markerTable.entries().stream()
                .filter(e -> e.value(0).equals("AGENT_VERB"))
                .map(Lexicon.Entry::key)
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
        this.language = new LanguageDetector(Lexicon.rules("stopwords.tsv"));
        this.gazetteer = Gazetteer.load();
        this.capitals = Capitals.load(gazetteer);
        this.actors = Actors.load();
        this.sources = Sources.load();
        // Tokens outside the vocabulary skip the lookups of these lists, so it must hold every word of them
        List<Set<String>> perToken = new java.util.ArrayList<>(List.of(
                numbers.starters(),
                DateResolver.starters(),
                triggers.firstWords(),
                attribution.firstWords(),
                markers.firstWords(),
                language.words()));
        perToken.addAll(casualties.wordSets());
        Vocabulary vocabulary =
                Vocabulary.of(WORD_TABLES.stream().map(Lexicon::rules).toList(), perToken);
        for (Set<String> words : perToken) {
            if (!vocabulary.coversAll(words)) {
                throw new IllegalStateException("the tokenizer vocabulary misses words of a per-token list");
            }
        }
        this.splitter = new SentenceSplitter(
                Lexicon.rules("abbreviations.tsv").keys(),
                Set.copyOf(Lexicon.rules("sentence_starters.tsv").keys()),
                vocabulary);
    }
}
