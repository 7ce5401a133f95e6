package org.wirewatch.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wirewatch.formats.RejectionCode;
import org.wirewatch.formats.ReportParser;

/**
 * Third-party wire files (IPTC, Superdesk, feed-parser test suites, XML attack files) through the drop folder,
 * checked against the expected outcome listed beside them.
 *
 * <p>The files are public projects' own, under their own licences, so they are read where they lie and never
 * copied into this repository: {@code ../shared/formats-conformance/} next to the repository root, or the folder
 * named by the system property {@value #DIR_PROPERTY}. This is the only place a source looks outside the
 * repository; without the folder (a clone elsewhere) the test is skipped with a message naming it.
 *
 * <p>Every file goes through {@link DropFolderSource} exactly as a dropped file does (name, extension, the
 * parser, the producer), over a mock producer: for the run it is copied into a temporary inbox, which is deleted
 * afterwards, since the drop folder moves what it reads. An accepted file must put at least one story on the raw topic
 * and move to {@code processed/}; a rejected one must put nothing there, one rejection on the rejected topic,
 * and move to {@code failed/} with a reason code of the listed class. The rows Wirewatch decides the other way
 * are in {@link #DECIDED_OTHERWISE}, each with its reason (also in the README); those must behave as decided.
 * The table is written to {@code target/formats-conformance.md}.
 */
class FormatsConformanceTest {

    static final String DIR_PROPERTY = "wirewatch.conformance.dir";

    private static final Logger LOG = LoggerFactory.getLogger(FormatsConformanceTest.class);

    /** The reason codes that fit each class of rejection listed in expected.tsv. */
    private static final Map<String, Set<RejectionCode>> CLASSES = Map.ofEntries(
            Map.entry("malformed", EnumSet.of(RejectionCode.MALFORMED, RejectionCode.EMPTY)),
            Map.entry(
                    "encoding",
                    EnumSet.of(RejectionCode.INVALID_ENCODING, RejectionCode.UNKNOWN_ENCODING, RejectionCode.BINARY)),
            Map.entry("entity", EnumSet.of(RejectionCode.FORBIDDEN_XML)),
            Map.entry("not-text", EnumSet.of(RejectionCode.NOT_TEXT)),
            Map.entry("package", EnumSet.of(RejectionCode.NOT_TEXT)),
            Map.entry("not-a-format", EnumSet.of(RejectionCode.UNSUPPORTED_MEDIA_TYPE)),
            Map.entry("no-item", EnumSet.of(RejectionCode.NO_ITEM)),
            Map.entry("no-title", EnumSet.of(RejectionCode.MISSING_FIELD)),
            Map.entry("no-body", EnumSet.of(RejectionCode.MISSING_FIELD)),
            Map.entry(
                    "invalid",
                    EnumSet.of(
                            RejectionCode.MISSING_FIELD,
                            RejectionCode.INVALID_FIELD,
                            RejectionCode.UNSUPPORTED_MEDIA_TYPE)));

    /** How Wirewatch treats a row on purpose differently from expected.tsv, and why (also in the README). */
    record Decision(boolean accept, RejectionCode code, String why) {}

    /** Rows decided against expected.tsv on purpose: the outcome, or for a rejection the reason code, differs. */
    static final Map<String, Decision> DECIDED_OTHERWISE = Map.of(
            "ninjs/superdesk__ninjs4.json",
                    new Decision(
                            true,
                            null,
                            "Superdesk's guid is the story's stable id, so it stands in for the missing uri"),
            "rss-atom/rome__rss_0.91N.xml",
                    new Decision(
                            false,
                            RejectionCode.FORBIDDEN_XML,
                            "every DOCTYPE is refused, so that no DTD is ever read, fetched or expanded"),
            "rss-atom/feedrs__atom_xml_base.xml",
                    new Decision(
                            false,
                            RejectionCode.MISSING_FIELD,
                            "the entry's only content is an image: there is no text to extract from"),
            "rss-atom/feedparser__wellformed__rss__entity_in_doctype.xml",
                    new Decision(
                            false,
                            RejectionCode.FORBIDDEN_XML,
                            "rejected as listed; the reason is the DOCTYPE, refused first"),
            "rss-atom/feedparser__illformed__always_strip_doctype.xml",
                    new Decision(
                            false,
                            RejectionCode.FORBIDDEN_XML,
                            "rejected as listed; the reason is the DOCTYPE, refused first"),
            "rss-atom/feedparser__encoding__bozo_invalid-bytes-with-bom.xml",
                    new Decision(
                            false,
                            RejectionCode.INVALID_ENCODING,
                            "rejected as listed; bytes are decoded before XML is parsed, so the invalid UTF-8 is named first"),
            "newsml-g2/superdesk__scoop.xml",
                    new Decision(
                            false,
                            RejectionCode.INVALID_FIELD,
                            "rejected as listed; the text item's non-ISO versionCreated is named before its missing headline"));

    /** A note that says how many stories a newsMessage or feed must give ("expect 3 stories"). */
    private static final Pattern STORY_COUNT = Pattern.compile("(?:expect|exactly) (\\d+|one) (?:text )?stor");

    private static final Pattern CODE = Pattern.compile("code=([A-Z_]+)");

    @TempDir
    Path inbox;

    record Row(String path, boolean accept, String reasonClass, String note) {
        boolean judgment() {
            return note.contains("JUDGMENT");
        }
    }

    record Outcome(boolean accepted, int stories, int rejections, RejectionCode code, String reason) {}

    @TestFactory
    Stream<DynamicTest> shouldTreatEveryThirdPartyFileAsListedUnlessDecidedOtherwise() throws IOException {
        // given
        Path folder = folder();
        if (!Files.isDirectory(folder)) {
            String why = "Skipped: the third-party conformance files are not at " + folder
                    + " (a clone outside the project's machines); set -D" + DIR_PROPERTY + " to run this test";
            LOG.warn(why);
            return Stream.of(DynamicTest.dynamicTest("formats conformance", () -> Assumptions.abort(why)));
        }
        List<Row> rows = rows(folder.resolve("expected.tsv"));
        Map<Row, Path> dropped = new LinkedHashMap<>();
        for (Row row : rows) {
            Path target = inbox.resolve(row.path().replace('/', '_'));
            Files.copy(folder.resolve(row.path()), target);
            dropped.put(row, target);
        }

        // when
        Map<Row, Outcome> outcomes = dropAll(dropped);

        // then
        writeTable(rows, outcomes);
        return rows.stream().map(row -> DynamicTest.dynamicTest(row.path(), () -> check(row, outcomes.get(row))));
    }

    private Map<Row, Outcome> dropAll(Map<Row, Path> dropped) throws IOException {
        TestProducers producers = new TestProducers(true);
        DropFolderSourceTest.MutableClock clock = new DropFolderSourceTest.MutableClock();
        Map<Row, Outcome> outcomes = new LinkedHashMap<>();
        try (DropFolderSource source = new DropFolderSource(
                inbox,
                producers.ingestor(ReportParser.DEFAULT_MAX_BYTES),
                Duration.ofHours(1),
                Duration.ofMillis(500),
                ReportParser.DEFAULT_MAX_BYTES,
                clock)) {
            Files.createDirectories(inbox.resolve("processed"));
            Files.createDirectories(inbox.resolve("failed"));
            source.scan();
            clock.advance(Duration.ofSeconds(1));
            source.scan();
            await().atMost(Duration.ofSeconds(60)).until(() -> source.inFlight() == 0);
        }
        var reports = producers.sentReports();
        var rejections = producers.sentRejections();
        for (Map.Entry<Row, Path> e : dropped.entrySet()) {
            Path file = e.getValue();
            String name = file.getFileName().toString();
            int stories = (int) reports.stream()
                    .filter(r -> r.getSource().equals("drop-folder:" + file))
                    .count();
            int rejected = (int) rejections.stream()
                    .filter(r -> r.getSourceId().startsWith(file.toString()))
                    .count();
            boolean accepted = Files.exists(inbox.resolve("processed").resolve(name));
            Path reasonFile = inbox.resolve(accepted ? "processed" : "failed").resolve(name + ".reason");
            RejectionCode code = null;
            String reason = null;
            if (Files.exists(reasonFile)) {
                String text = Files.readString(reasonFile, StandardCharsets.UTF_8);
                reason = text.lines().findFirst().orElse("");
                Matcher m = CODE.matcher(text);
                if (m.find()) {
                    code = RejectionCode.valueOf(m.group(1));
                }
            }
            outcomes.put(e.getKey(), new Outcome(accepted, stories, rejected, code, reason));
        }
        return outcomes;
    }

    private static void check(Row row, Outcome outcome) {
        Decision decided = DECIDED_OTHERWISE.get(row.path());
        boolean expectAccept = decided == null ? row.accept() : decided.accept();
        if (expectAccept) {
            assertThat(outcome.accepted())
                    .as("accepted, but was rejected: %s (%s)", outcome.reason(), outcome.code())
                    .isTrue();
            assertThat(outcome.stories()).as("stories on the raw topic").isPositive();
            Matcher count = STORY_COUNT.matcher(row.note());
            if (decided == null && count.find()) {
                assertThat(outcome.stories())
                        .as("stories on the raw topic, as the note says")
                        .isEqualTo(count.group(1).equals("one") ? 1 : Integer.parseInt(count.group(1)));
            }
        } else {
            assertThat(outcome.accepted())
                    .as("rejected, but was accepted with %d stories", outcome.stories())
                    .isFalse();
            assertThat(outcome.stories()).as("stories on the raw topic").isZero();
            assertThat(outcome.rejections())
                    .as("rejections on the rejected topic")
                    .isEqualTo(1);
            Set<RejectionCode> codes = decided == null ? CLASSES.get(row.reasonClass()) : EnumSet.of(decided.code());
            assertThat(outcome.code())
                    .as("reason code for class '%s': %s", row.reasonClass(), outcome.reason())
                    .isIn(codes);
        }
    }

    /** 0: the outcome differs from the listing; 1: the outcome is as listed; 2: and so is the reason class. */
    private static int asListed(Row row, Outcome outcome) {
        if (row.accept()) {
            return outcome.accepted() && outcome.stories() > 0 ? 2 : 0;
        }
        if (outcome.accepted()) {
            return 0;
        }
        return CLASSES.get(row.reasonClass()).contains(outcome.code()) ? 2 : 1;
    }

    private static void writeTable(List<Row> rows, Map<Row, Outcome> outcomes) throws IOException {
        int[][] counts = new int[2][3];
        List<String> otherwise = new ArrayList<>();
        for (Row row : rows) {
            Outcome outcome = outcomes.get(row);
            int listed = asListed(row, outcome);
            int[] count = counts[row.accept() ? 0 : 1];
            count[0]++;
            count[1] += listed > 0 ? 1 : 0;
            count[2] += listed == 2 ? 1 : 0;
            if (listed < 2) {
                Decision decided = DECIDED_OTHERWISE.get(row.path());
                otherwise.add("| `" + row.path() + "` | " + (row.accept() ? "accept" : "reject " + row.reasonClass())
                        + (row.judgment() ? " (JUDGMENT)" : "") + " | "
                        + (outcome.accepted()
                                        ? "accept (" + outcome.stories() + " stories)"
                                        : "reject " + outcome.code() + ": " + outcome.reason())
                                .replace("|", "\\|")
                        + " | " + (decided == null ? "not decided: a failure" : decided.why()) + " |");
            }
        }
        StringBuilder table = new StringBuilder()
                .append("| listed | files | outcome as listed | outcome and reason class as listed |\n")
                .append("|---|---|---|---|\n");
        for (int i = 0; i < 2; i++) {
            table.append("| ")
                    .append(i == 0 ? "accept" : "reject")
                    .append(" | ")
                    .append(counts[i][0])
                    .append(" | ")
                    .append(counts[i][1])
                    .append(" | ")
                    .append(counts[i][2])
                    .append(" |\n");
        }
        table.append("| total | ")
                .append(rows.size())
                .append(" | ")
                .append(counts[0][1] + counts[1][1])
                .append(" | ")
                .append(counts[0][2] + counts[1][2])
                .append(" |\n\n")
                .append("| file | listed | Wirewatch | why |\n|---|---|---|---|\n");
        otherwise.forEach(line -> table.append(line).append('\n'));
        Path out = Paths.get("target", "formats-conformance.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, table, StandardCharsets.UTF_8);
        LOG.info("Formats conformance ({}):\n{}", out.toAbsolutePath(), table);
    }

    /** {@code ../shared/formats-conformance} beside the repository root, or the folder the property names. */
    static Path folder() {
        String configured = System.getProperty(DIR_PROPERTY);
        if (configured != null && !configured.isBlank()) {
            return Paths.get(configured).toAbsolutePath().normalize();
        }
        Path dir = Paths.get("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("mvnw"))) {
            dir = dir.getParent();
        }
        Path root = dir == null ? Paths.get("").toAbsolutePath() : dir;
        return root.resolve("../shared/formats-conformance").normalize();
    }

    private static List<Row> rows(Path tsv) throws IOException {
        List<Row> rows = new ArrayList<>();
        List<String> lines = Files.readAllLines(tsv, StandardCharsets.UTF_8);
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            String[] cells = line.split("\t", 3);
            boolean accept = cells[1].strip().equals("accept");
            String note = cells.length > 2 ? cells[2] : "";
            String reasonClass = accept ? null : note.split(":", 2)[0].strip().toLowerCase(Locale.ROOT);
            rows.add(new Row(cells[0].strip(), accept, reasonClass, note));
        }
        return rows;
    }
}
