package org.wirewatch.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wirewatch.schema.WireReport;

class DropFolderSourceTest {

    private static final String GOOD = "{\"uri\":\"urn:good\",\"version\":1,\"headline\":\"H\",\"body_text\":\"B\"}";

    @TempDir
    Path inbox;

    private final MutableClock clock = new MutableClock();
    private final TestProducers producers = new TestProducers(true);
    private DropFolderSource source;

    /** A clock the test moves by hand, so "settled" is decided without waiting. */
    static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private DropFolderSource source(int maxBytes) throws IOException {
        source = new DropFolderSource(
                inbox, producers.ingestor(maxBytes), Duration.ofHours(1), Duration.ofMillis(500), maxBytes, clock);
        Files.createDirectories(inbox.resolve("processed"));
        Files.createDirectories(inbox.resolve("failed"));
        return source;
    }

    @AfterEach
    void close() {
        if (source != null) {
            source.close();
        }
    }

    /** Two scans across the settle time: the first sees each file, the second reads the unchanged ones. */
    private void scanTwice(DropFolderSource s) throws IOException {
        s.scan();
        clock.advance(Duration.ofSeconds(1));
        s.scan();
        await().atMost(Duration.ofSeconds(10)).until(() -> s.inFlight() == 0);
    }

    @Test
    void shouldMoveAGoodFileToProcessedAfterPublishingIt() throws IOException {
        // given
        DropFolderSource s = source(1 << 20);
        Files.writeString(inbox.resolve("story.json"), GOOD);

        // when
        scanTwice(s);

        // then
        assertThat(inbox.resolve("processed/story.json")).exists();
        assertThat(inbox.resolve("story.json")).doesNotExist();
        assertThat(producers.sentReports()).extracting(WireReport::getUri).containsExactly("urn:good");
        assertThat(producers.sentReports().get(0).getSource()).isEqualTo("drop-folder:" + inbox.resolve("story.json"));
    }

    @Test
    void shouldMoveABrokenFileToFailedWithItsReasonBesideIt() throws IOException {
        // given
        DropFolderSource s = source(1 << 20);
        Files.writeString(inbox.resolve("broken.xml"), "<newsItem><unclosed></newsItem>");

        // when
        scanTwice(s);

        // then
        assertThat(inbox.resolve("failed/broken.xml")).exists();
        assertThat(Files.readString(inbox.resolve("failed/broken.xml.reason"))).startsWith("malformed XML at line 1");
        assertThat(producers.sentRejections())
                .singleElement()
                .satisfies(r -> assertThat(r.getSourceId())
                        .isEqualTo(inbox.resolve("broken.xml").toString()));
        assertThat(producers.sentReports()).isEmpty();
    }

    @Test
    void shouldNotReadAFileUntilItHasStoppedChanging() throws IOException {
        // given
        DropFolderSource s = source(1 << 20);
        Path growing = inbox.resolve("growing.json");
        Files.writeString(growing, GOOD.substring(0, 20));
        s.scan();
        clock.advance(Duration.ofSeconds(1));

        // when: it grows between the scans
        Files.writeString(growing, GOOD);
        s.scan();

        // then: nothing read yet; only once it stays the same across the settle time
        assertThat(producers.mock.history()).isEmpty();
        scanTwice(s);
        assertThat(producers.sentReports()).hasSize(1);
        assertThat(producers.sentRejections()).isEmpty();
    }

    @Test
    void shouldIgnoreDotfilesAndTemporaryFiles() throws IOException {
        // given
        DropFolderSource s = source(1 << 20);
        Files.writeString(inbox.resolve(".hidden.json"), GOOD);
        Files.writeString(inbox.resolve("upload.json.tmp"), GOOD);
        Files.writeString(inbox.resolve("copy.part"), GOOD);

        // when
        scanTwice(s);

        // then
        assertThat(producers.mock.history()).isEmpty();
        assertThat(inbox.resolve("upload.json.tmp")).exists();
    }

    @Test
    void shouldRejectAnOversizedFileWithoutReadingItAll() throws IOException {
        // given
        DropFolderSource s = source(2048);
        Files.writeString(inbox.resolve("big.txt"), "Headline\n\n" + "x".repeat(10_000));

        // when
        scanTwice(s);

        // then
        assertThat(inbox.resolve("failed/big.txt")).exists();
        assertThat(Files.readString(inbox.resolve("failed/big.txt.reason")))
                .startsWith("file of 10010 bytes exceeds the limit of 2048 bytes");
        assertThat(producers.sentRejections()).singleElement().satisfies(r -> {
            assertThat(r.getSizeBytes()).isEqualTo(10_010);
            assertThat(r.getExcerpt()).hasSizeLessThanOrEqualTo(1024);
        });
    }

    @Test
    void shouldKeepBothFilesWhenTheSameNameArrivesTwice() throws IOException {
        // given
        DropFolderSource s = source(1 << 20);
        Files.writeString(inbox.resolve("story.json"), GOOD);
        scanTwice(s);

        // when
        Files.writeString(inbox.resolve("story.json"), GOOD.replace("urn:good", "urn:good-2"));
        scanTwice(s);

        // then
        assertThat(inbox.resolve("processed/story.json")).exists();
        assertThat(inbox.resolve("processed/story-2.json")).exists();
    }

    @Test
    void shouldLeaveTheFileInTheInboxWhenDeliveryFails() throws IOException {
        // given
        TestProducers failing = new TestProducers(false);
        source = new DropFolderSource(
                inbox, failing.ingestor(1 << 20), Duration.ofHours(1), Duration.ofMillis(500), 1 << 20, clock);
        Files.createDirectories(inbox.resolve("processed"));
        Files.createDirectories(inbox.resolve("failed"));
        Files.writeString(inbox.resolve("story.json"), GOOD);
        source.scan();
        clock.advance(Duration.ofSeconds(1));
        source.scan();

        // when
        failing.mock.errorNext(new org.apache.kafka.common.errors.TimeoutException("down"));
        await().atMost(Duration.ofSeconds(10)).until(() -> source.inFlight() == 0);

        // then
        assertThat(inbox.resolve("story.json")).exists();
        assertThat(inbox.resolve("processed/story.json")).doesNotExist();
        assertThat(inbox.resolve("failed/story.json")).doesNotExist();
    }

    @Test
    void shouldPublishTheGoodEntriesAndRejectOnlyTheEntryWithoutBodyWhenAFeedIsDropped() throws IOException {
        // given: a feed whose second entry has no body
        DropFolderSource s = source(1 << 20);
        Files.writeString(inbox.resolve("feed.rss"), """
                <rss version="2.0"><channel><title>Wire</title>
                <item><guid>urn:a</guid><title>A</title><description>Body of a.</description></item>
                <item><guid>urn:b</guid><title>B</title></item>
                <item><guid>urn:c</guid><title>C</title><description>Body of c.</description></item>
                </channel></rss>
                """);

        // when
        scanTwice(s);

        // then
        assertThat(producers.sentReports()).extracting(WireReport::getUri).containsExactly("urn:a", "urn:c");
        assertThat(producers.sentRejections()).singleElement().satisfies(r -> {
            assertThat(r.getSourceId()).isEqualTo(inbox.resolve("feed.rss") + "#urn:b");
            assertThat(r.getReason()).isEqualTo("entry 2: no body text");
        });
        assertThat(inbox.resolve("processed/feed.rss")).exists();
        assertThat(Files.readString(inbox.resolve("processed/feed.rss.reason")))
                .contains("#urn:b: entry 2: no body text")
                .contains("code=MISSING_FIELD");
    }

    @Test
    void shouldRecreateProcessedAndFailedWhenTheyAreDeletedWhileAFileIsInFlight() throws IOException {
        // given: two files read, their delivery not yet acknowledged
        TestProducers slow = new TestProducers(false);
        source = new DropFolderSource(
                inbox, slow.ingestor(1 << 20), Duration.ofHours(1), Duration.ofMillis(500), 1 << 20, clock);
        source.scan();
        Files.writeString(inbox.resolve("story.json"), GOOD);
        Files.writeString(inbox.resolve("broken.json"), "{");
        source.scan();
        clock.advance(Duration.ofSeconds(1));
        source.scan();
        assertThat(source.inFlight()).isEqualTo(2);

        // when: both folders vanish, then the broker acknowledges
        Files.delete(inbox.resolve("processed"));
        Files.delete(inbox.resolve("failed"));
        while (slow.mock.completeNext()) {
            // acknowledge everything sent
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> source.inFlight() == 0);

        // then: moved, not "delivered but not moved"
        assertThat(inbox.resolve("processed/story.json")).exists();
        assertThat(inbox.resolve("failed/broken.json")).exists();
        assertThat(inbox.resolve("story.json")).doesNotExist();
    }

    @Test
    void shouldRecreateTheInboxAndCarryOnWhenItIsDeletedWhileRunning() throws IOException {
        // given: a running source with its watch and a short rescan
        Path root = inbox.resolve("drop");
        source = new DropFolderSource(
                root,
                producers.ingestor(1 << 20),
                Duration.ofMillis(100),
                Duration.ofMillis(50),
                1 << 20,
                Clock.systemUTC());
        Files.createDirectories(root);
        source.start();
        Files.writeString(root.resolve("first.json"), GOOD);
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(root.resolve("processed/first.json")));

        // when: the whole inbox is removed, then a file is dropped into the recreated one
        deleteTree(root);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> Files.isDirectory(root.resolve("processed")) && Files.isDirectory(root.resolve("failed")));
        Files.writeString(root.resolve("second.json"), GOOD.replace("urn:good", "urn:second"));

        // then
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(root.resolve("processed/second.json")));
        assertThat(root.resolve("second.json")).doesNotExist();
        assertThat(producers.sentReports()).extracting(WireReport::getUri).containsExactly("urn:good", "urn:second");
    }

    private static void deleteTree(Path root) throws IOException {
        try (var paths = Files.walk(root)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
