package org.wirewatch.extract.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SentenceSplitterTest {

    private final SentenceSplitter splitter = new SentenceSplitter(
            Lexicon.rules("abbreviations.tsv").keys(),
            Set.copyOf(Lexicon.rules("sentence_starters.tsv").keys()));

    private List<String> split(String text) {
        return splitter.split(text, 0, text.length(), 0, 1).stream()
                .map(s -> s.text(text))
                .toList();
    }

    @Test
    void shouldKeepMilitaryRanksInsideTheSentenceWhenAbbreviated() {
        // given
        String text = "Col. Ahmed Ali and Maj. Gen. John Smith said 12 soldiers died. Police confirmed it.";

        // when
        List<String> sentences = split(text);

        // then
        assertThat(sentences)
                .containsExactly(
                        "Col. Ahmed Ali and Maj. Gen. John Smith said 12 soldiers died.", "Police confirmed it.");
    }

    @Test
    void shouldNotSplitAfterAnInitialismWhenTheSentenceGoesOn() {
        List<String> sentences =
                split("Rockets hit a base hosting U.S. troops on Sunday. No U.S. casualties were" + " reported.");

        assertThat(sentences).hasSize(2);
        assertThat(sentences.get(0)).endsWith("on Sunday.");
    }

    @Test
    void shouldSplitAfterAnInitialismWhenANewSentenceStarts() {
        List<String> sentences = split("The strike was carried out by the U.S. The Pentagon declined to comment.");

        assertThat(sentences)
                .containsExactly("The strike was carried out by the U.S.", "The Pentagon declined to comment.");
    }

    @Test
    void shouldKeepAQuoteOfSeveralSentencesWithItsAttributionWhenSplitting() {
        List<String> sentences =
                split("\u201CWe hit them hard. They fled,\u201D the commander told AFP. The toll" + " rose.");

        assertThat(sentences)
                .containsExactly("\u201CWe hit them hard. They fled,\u201D the commander told AFP.", "The toll rose.");
    }

    @Test
    void shouldEndASentenceAtAParagraphBreakWhenThereIsNoFullStop() {
        List<String> sentences = split("Four dead in Quetta blast\n\nQUETTA: A bomb went off.");

        assertThat(sentences).containsExactly("Four dead in Quetta blast", "QUETTA: A bomb went off.");
    }

    @Test
    void shouldKeepDatelineMonthAbbreviationsWhenSplitting() {
        assertThat(split("KABUL, Sept. 2 (dpa) - A suicide bomber struck. Ten died."))
                .hasSize(2);
    }
}
