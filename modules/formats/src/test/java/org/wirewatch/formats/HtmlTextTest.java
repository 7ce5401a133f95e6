package org.wirewatch.formats;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlTextTest {

    @Test
    void shouldKeepParagraphBreaksAndDropScripts() {
        // given
        String html = "<div><h2>Title</h2><p>First   paragraph\n  wraps.</p><script>alert(1)</script>"
                + "<ul><li>one</li><li>two</li></ul><p>Line<br/>break &amp; entity</p></div>";

        // when
        String text = HtmlText.toText(html);

        // then
        assertThat(text).isEqualTo("Title\n\nFirst paragraph wraps.\n\none\n\ntwo\n\nLine\nbreak & entity");
    }

    @Test
    void shouldKeepInlineMarkupInsideItsParagraph() {
        assertThat(HtmlText.toText("<p>Peace talks <b>resumed</b> in <a href='x'>Juba</a>.</p>"))
                .isEqualTo("Peace talks resumed in Juba.");
    }
}
