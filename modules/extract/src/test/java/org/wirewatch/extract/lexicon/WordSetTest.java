package org.wirewatch.extract.lexicon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class WordSetTest {

    @Test
    void shouldAnswerExactlyLikeASortedArrayWhenHashesCollideInTheirLowBits() {
        // given hashes that differ only above bit 40 and a random mix, zero included
        long[] hashes = LongStream.concat(LongStream.range(0, 200).map(i -> i << 41), new Random(7).longs(500))
                .toArray();
        WordSet set = WordSet.of(hashes);

        // then every member is found, and random non-members are not
        assertThat(LongStream.of(hashes).allMatch(set::contains)).isTrue();
        assertThat(set.contains(0)).isTrue();
        new Random(8)
                .longs(10_000)
                .filter(h -> LongStream.of(hashes).noneMatch(x -> x == h))
                .forEach(h -> assertThat(set.contains(h)).isFalse());
        assertThat(set.size()).isEqualTo(700);
    }

    @Test
    void shouldHoldTheWordsOfOneClassWhenBuiltFromATable() {
        List<String[]> rows = List.of(new String[] {"article", "the a an"}, new String[] {"locative", "in near"});
        WordSet articles = WordSet.ofClass(rows, "article", "t.tsv", "\\s+", Tokens::wordHash);
        assertThat(articles.contains(Tokens.wordHash("an"))).isTrue();
        assertThat(articles.contains(Tokens.wordHash("near"))).isFalse();
        assertThatThrownBy(() -> WordSet.ofClass(rows, "missing", "t.tsv", "\\s+", Tokens::wordHash))
                .hasMessageContaining("t.tsv has no words of class missing");
    }
}
