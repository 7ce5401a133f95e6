package org.wirewatch.extract.geo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SpellingTest {

    @Test
    void shouldGiveTransliterationsThatDifferInDoubledLettersAndAFinalHOneKey() {
        assertThat(Spelling.key("Jowhaar")).isEqualTo(Spelling.key("Jowhar"));
        assertThat(Spelling.key("Tall Ruumah")).isEqualTo(Spelling.key("Tal-Rumah"));
        assertThat(Spelling.key("Qaryat Šalīm")).isEqualTo(Spelling.key("Qaryat Salim"));
    }

    @Test
    void shouldKeepOtherLettersApart() {
        assertThat(Spelling.key("Jowhar")).isNotEqualTo(Spelling.key("Jawhar"));
        assertThat(Spelling.key("Hamah")).isNotEqualTo(Spelling.key("Homs"));
        assertThat(Spelling.key("Abu")).isZero();
    }

    @Test
    void shouldFindEveryEntryPackedWithAKey() {
        long k = Spelling.key("Karvandi");
        long[] sorted = {Spelling.pack(k, 7), Spelling.pack(k, 9), Spelling.pack(k + 1, 3)};
        java.util.Arrays.sort(sorted);

        assertThat(Spelling.entries(sorted, k)).containsExactlyInAnyOrder(7, 9);
        assertThat(Spelling.entries(sorted, k + 2)).isEmpty();
    }
}
