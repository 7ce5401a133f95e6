package org.wirewatch.extract.lexicon;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TokensTest {

    @Test
    void shouldHashSpellingVariantsAlikeWhenOnlyCaseDiacriticsHyphensOrApostrophesDiffer() {
        assertThat(Tokens.phraseHash("Deir ez-Zor")).isEqualTo(Tokens.phraseHash("deir ez zor"));
        assertThat(Tokens.phraseHash("Ḩimş")).isEqualTo(Tokens.phraseHash("Hims"));
        assertThat(Tokens.phraseHash("Ma'arrat al-Nu'man")).isEqualTo(Tokens.phraseHash("Maarrat al Numan"));
        assertThat(Tokens.phraseHash("Dar’a")).isEqualTo(Tokens.phraseHash("Dara"));
        assertThat(Tokens.phraseHash("Deir Ezzor")).isNotEqualTo(Tokens.phraseHash("Deir ez-Zor"));
    }

    @Test
    void shouldDropPossessiveWhenWordEndsInApostropheS() {
        Tokens t = Tokens.of("Syria's army and Sudan’s RSF");

        assertThat(t.size()).isEqualTo(5);
        assertThat(t.surface(0, 1)).isEqualTo("Syria");
        assertThat(t.joined(1)).isTrue();
        assertThat(t.surface(3, 4)).isEqualTo("Sudan");
    }

    @Test
    void shouldMarkCapitalsSentenceStartsAndJoinsWhenScanning() {
        Tokens t = Tokens.of("Police said. The U.S. drone hit al-Shadadi, officials said");

        assertThat(t.is(0, Tokens.CAPITALIZED)).isTrue();
        assertThat(t.is(0, Tokens.SENTENCE_START)).isTrue();
        assertThat(t.is(2, Tokens.SENTENCE_START)).isTrue();
        assertThat(t.surface(3, 5)).isEqualTo("U.S");
        assertThat(t.joined(4)).isTrue();
        assertThat(t.joined(5)).as("'drone' after 'U.S.'").isTrue();
        assertThat(t.is(5, Tokens.SENTENCE_START)).isFalse();
        assertThat(t.is(8, Tokens.HYPHENATED)).as("Shadadi after al-").isTrue();
        assertThat(t.joined(9)).as("comma breaks a name").isFalse();
        assertThat(t.is(3, Tokens.ALL_CAPS)).isFalse();
        assertThat(Tokens.of("RSF").is(0, Tokens.ALL_CAPS)).isTrue();
    }
}
