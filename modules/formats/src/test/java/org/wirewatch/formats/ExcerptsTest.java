package org.wirewatch.formats;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ExcerptsTest {

    @Test
    void shouldBoundTheExcerptToOneKibibyteOfUtf8() {
        // given: multi-byte characters, so a naive cut would overrun or split one
        byte[] input = "é".repeat(2000).getBytes(StandardCharsets.UTF_8);

        // when
        String excerpt = Excerpts.of(input);

        // then
        assertThat(excerpt.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(1024);
        assertThat(excerpt).isEqualTo("é".repeat(512));
    }

    @Test
    void shouldReplaceInvalidBytesAndControlCharacters() {
        // when
        String excerpt = Excerpts.of(new byte[] {'a', (byte) 0xFF, 0x00, '\n', 'b'});

        // then
        assertThat(excerpt).isEqualTo("a\uFFFD\uFFFD\nb");
    }

    @Test
    void shouldStayWithinTheBoundWhenReplacementsAreWiderThanWhatTheyReplace() {
        // given: NUL bytes are one byte each, their U+FFFD replacement three
        byte[] input = new byte[2048];

        // when
        String excerpt = Excerpts.of(input);

        // then
        assertThat(excerpt.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(1024);
        assertThat(excerpt).isEqualTo("\uFFFD".repeat(341));
    }

    @Test
    void shouldStayWithinTheBoundForRandomBytes() {
        // given
        java.util.Random random = new java.util.Random(7);
        for (int round = 0; round < 200; round++) {
            byte[] input = new byte[3000];
            random.nextBytes(input);

            // when
            String excerpt = Excerpts.of(input);

            // then
            assertThat(excerpt.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(1024);
        }
    }
}
