package org.wirewatch.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SeenIdsTest {

    @TempDir
    Path dir;

    @Test
    void shouldRememberIdsAcrossLoads() throws IOException {
        // given
        Path file = dir.resolve("feeds/a.seen");
        SeenIds seen = SeenIds.load(file, 10);

        // when
        seen.add("urn:1");
        seen.add("urn:2");
        seen.add("urn:1");

        // then
        SeenIds reloaded = SeenIds.load(file, 10);
        assertThat(reloaded.contains("urn:1")).isTrue();
        assertThat(reloaded.contains("urn:2")).isTrue();
        assertThat(reloaded.contains("urn:3")).isFalse();
        assertThat(Files.readAllLines(file)).containsExactly("urn:1", "urn:2");
    }

    @Test
    void shouldKeepOnlyTheNewestIdsWhenTheFileOutgrowsItsCapacity() throws IOException {
        // given
        Path file = dir.resolve("b.seen");
        SeenIds seen = SeenIds.load(file, 3);

        // when: more than twice the capacity
        for (int i = 1; i <= 7; i++) {
            seen.add("urn:" + i);
        }

        // then: compacted to the newest three, and a reload agrees
        assertThat(Files.readAllLines(file)).containsExactly("urn:5", "urn:6", "urn:7");
        SeenIds reloaded = SeenIds.load(file, 3);
        assertThat(reloaded.contains("urn:4")).isFalse();
        assertThat(reloaded.contains("urn:7")).isTrue();
    }

    @Test
    void shouldKeepAnIdWithALineBreakAsOneEntry() throws IOException {
        // given
        Path file = dir.resolve("c.seen");
        SeenIds seen = SeenIds.load(file, 10);

        // when
        seen.add("urn:a\nurn:b");

        // then
        assertThat(SeenIds.load(file, 10).contains("urn:a urn:b")).isTrue();
        assertThat(Files.readAllLines(file)).hasSize(1);
    }
}
