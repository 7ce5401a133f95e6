package org.wirewatch.extract.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.wirewatch.extract.text.Tokenizer;

class NumberReaderTest {

    private final NumberReader reader = NumberReader.load();

    private NumberMention first(String text) {
        List<NumberMention> all = reader.read(Tokenizer.tokenize(text, 0, text.length()));
        assertThat(all).isNotEmpty();
        return all.get(0);
    }

    @Test
    void shouldReadDigitsWithThousandsSeparatorsWhenGiven() {
        assertThat(first("over 1,100 civilian deaths").value()).isEqualTo(1100);
        assertThat(first("some 43,000 displaced people").value()).isEqualTo(43000);
    }

    @Test
    void shouldReadNumberWordsWhenSpelledOut() {
        assertThat(first("seventeen civilians").value()).isEqualTo(17);
        assertThat(first("forty-three people").value()).isEqualTo(43);
        assertThat(first("Twenty-six soldiers").value()).isEqualTo(26);
        assertThat(first("two hundred and fifty people").value()).isEqualTo(250);
        assertThat(first("Eleven Malian soldiers").value()).isEqualTo(11);
    }

    @Test
    void shouldApplyAScaleWordWhenOneFollows() {
        assertThat(first("1.8 million residents").value()).isEqualTo(1_800_000);
        assertThat(first("two million people").value()).isEqualTo(2_000_000);
    }

    @Test
    void shouldKeepTheStatedNumberWhenQualified() {
        NumberMention m = first("at least 47 villagers");
        assertThat(m.value()).isEqualTo(47);
        assertThat(m.qualifier()).isEqualTo("min");
        assertThat(first("up to 31 civilians").qualifier()).isEqualTo("max");
        assertThat(first("nearly 60 people").qualifier()).isEqualTo("about");
        assertThat(first("no fewer than 10 bodies").value()).isEqualTo(10);
        assertThat(first("10,000 or more").qualifier()).isEqualTo("min");
    }

    @Test
    void shouldMarkVagueCountsWithAConservativeFigureWhenNoNumberIsGiven() {
        NumberMention m = first("dozens of militants");
        assertThat(m.vague()).isTrue();
        assertThat(m.value()).isEqualTo(12);
        assertThat(first("scores of villagers").vague()).isTrue();
        assertThat(first("hundreds of people").value()).isEqualTo(100);
    }

    @Test
    void shouldReadADozenAsTwelveWhenCounted() {
        NumberMention m = first("a dozen of the assailants");
        assertThat(m.value()).isEqualTo(12);
        assertThat(m.vague()).isFalse();
    }

    @Test
    void shouldIgnoreClockTimesWhenReadingCounts() {
        assertThat(reader.read(Tokenizer.tokenize("at 7:00 am", 0, 10))).isEmpty();
    }
}
