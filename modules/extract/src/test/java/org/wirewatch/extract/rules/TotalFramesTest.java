package org.wirewatch.extract.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.wirewatch.extract.text.Lexicon;
import org.wirewatch.extract.text.Token;
import org.wirewatch.extract.text.Tokenizer;

class TotalFramesTest {

    private final NumberReader numbers = NumberReader.load();
    private final CasualtyReader casualties = CasualtyReader.load(numbers);
    private final TotalFrames totals = new TotalFrames(Lexicon.rules("markers.tsv"), numbers);

    private List<Integer> tolls(String sentence) {
        List<Token> tokens = Tokenizer.tokenize(sentence, 0, sentence.length());
        return totals.withoutRunningTotals(tokens, casualties.read(tokens)).stream()
                .filter(CasualtyFact::isTotal)
                .map(CasualtyFact::value)
                .toList();
    }

    private boolean period(String sentence) {
        return totals.spansLongPeriod(Tokenizer.tokenize(sentence, 0, sentence.length()));
    }

    @Test
    void shouldDropTheTotalAFreshTollIsRaisedToAndKeepALoneUpdatedToll() {
        assertThat(tolls("Seventeen die in clashes in Juliaca as protest toll climbs to 46"))
                .containsExactly(17);
        assertThat(tolls("Eleven people were killed on Monday, raising the death toll from the protests to 39"))
                .containsExactly(11);
        assertThat(tolls("The death toll from the attack rose to 133 on Saturday"))
                .containsExactly(133);
    }

    @Test
    void shouldTellATotalOverWeeksMonthsOrYearsFromOneOverDays() {
        assertThat(period("More than 100,000 people have been killed in 12 years of insurgency"))
                .isTrue();
        assertThat(period("Over 30,000 have been killed in a decade of war")).isTrue();
        assertThat(period("The six-week war killed more than 6,000 people")).isTrue();
        assertThat(period("At least 55 people were killed in two days of fighting"))
                .isFalse();
        assertThat(period("A 14-year-old girl was among the dead")).isFalse();
    }
}
