package org.wirewatch.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.wirewatch.extract.text.Lexicon;

/** The reader's word lists come from one table, each list from its own section, each speech word from one line. */
class WordListTest {

    @Test
    void shouldLoadEveryListFromTheTableWhenFirstUsed() {
        // when
        WordList[] lists = WordList.values();

        // then
        assertThat(lists).allSatisfy(l -> assertThat(l.inOrder()).as(l.name()).isNotEmpty());
        assertThat(WordList.SPEECH_TAIL.contains("said")).isTrue();
        assertThat(WordList.LISTENER_VERB.contains("told")).isTrue();
        assertThat(WordList.LISTENER_VERB.contains("said")).isFalse();
        assertThat(WordList.TITLE.contains("col.")).isTrue();
    }

    @Test
    void shouldKeepTheTableOrderWhenAListIsStrippedInOrder() {
        // "the suspected jihadists": "the" goes first, then "suspected"
        assertThat(WordList.UNNAMED_LEAD.inOrder()).containsExactly("the", "suspected", "alleged", "presumed");
    }

    @Test
    void shouldListEverySpeechWordOnceWhenReadingTheTable() {
        // given
        Set<String> speechLists =
                Set.of("SPEECH_TAIL", "SOURCE_AFTER", "SPEECH_VERB", "NAME_AFTER_SPEECH", "LISTENER_VERB");
        List<Lexicon.Entry> entries = Lexicon.rules(WordList.TABLE).entries();

        // when
        Set<String> seen = new HashSet<>();
        List<String> twice = entries.stream()
                .filter(e -> e.values().stream().anyMatch(speechLists::contains))
                .map(Lexicon.Entry::key)
                .filter(k -> !seen.add(k))
                .toList();

        // then
        assertThat(seen).contains("said", "says", "told");
        assertThat(twice).as("speech words on more than one line").isEmpty();
    }
}
