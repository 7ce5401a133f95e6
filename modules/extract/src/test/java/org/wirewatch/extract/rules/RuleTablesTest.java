package org.wirewatch.extract.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.wirewatch.extract.text.Lexicon;

/** Rule tables are data with a reason for every entry (house style rule 13). */
class RuleTablesTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "abbreviations.tsv",
                "sentence_starters.tsv",
                "numbers.tsv",
                "qualifiers.tsv",
                "casualty_terms.tsv",
                "casualty_nouns.tsv",
                "non_casualty_nouns.tsv",
                "triggers.tsv",
                "territory_objects.tsv",
                "abduction_objects.tsv",
                "attribution.tsv",
                "markers.tsv",
                "stopwords.tsv",
                "reader_words.tsv"
            })
    void shouldGiveAReasonForEveryEntryWhenLoadingARuleTable(String file) {
        List<Lexicon.Entry> entries = Lexicon.rules(file).entries();

        assertThat(entries).isNotEmpty();
        assertThat(entries)
                .allSatisfy(e ->
                        assertThat(e.reason()).as("%s line %d", file, e.line()).isNotBlank());
    }
}
