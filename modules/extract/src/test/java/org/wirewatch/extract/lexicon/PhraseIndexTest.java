package org.wirewatch.extract.lexicon;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PhraseIndexTest {

    private static List<Integer> values(PhraseIndex index, String phrase) {
        List<Integer> out = new ArrayList<>();
        for (int c = index.lookup(Tokens.phraseHash(phrase)); c >= 0; c = index.nextValue(c)) {
            out.add(index.value(c));
        }
        return out;
    }

    @Test
    void shouldReturnEveryValueOnceInInsertionOrderWhenPhraseHasSeveral() {
        PhraseIndex.Builder b = PhraseIndex.builder();
        b.add("Tripoli", 1);
        b.add("Deir ez-Zor", 2);
        b.add("tripoli", 3);
        b.add("TRIPOLI", 1);
        PhraseIndex index = b.build();

        assertThat(values(index, "Tripoli")).containsExactly(1, 3);
        assertThat(values(index, "Deir ez Zor")).containsExactly(2);
        assertThat(values(index, "Benghazi")).isEmpty();
    }

    @Test
    void shouldKnowLongestPhrasePerFirstWordWhenPhrasesShareIt() {
        PhraseIndex.Builder b = PhraseIndex.builder();
        b.add("North", 1);
        b.add("North Darfur", 2);
        b.add("North Waziristan tribal district", 3);
        PhraseIndex index = b.build();

        assertThat(index.maxLength(Tokens.wordHash("north"))).isEqualTo(4);
        assertThat(index.maxLength(Tokens.wordHash("darfur"))).isZero();
    }

    @Test
    void shouldHoldManyPhrasesWithoutLosingAny() {
        PhraseIndex.Builder b = PhraseIndex.builder();
        for (int i = 0; i < 50_000; i++) {
            b.add("place number " + i, i);
        }
        PhraseIndex index = b.build();

        for (int i = 0; i < 50_000; i += 997) {
            assertThat(values(index, "Place Number " + i)).containsExactly(i);
        }
        assertThat(index.size()).isEqualTo(50_000);
    }
}
