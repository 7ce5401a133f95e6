package org.wirewatch.streams.replay;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.wirewatch.formats.ParseResult;
import org.wirewatch.formats.ReportParser;
import org.wirewatch.schema.WireReport;

/** The report files of a corpus folder, parsed as the ingest does (gold files and the README skipped). */
public final class Corpus {

    /** The development corpus, kept once in the extract module's test resources. */
    public static final Path DEV = Path.of("../extract/src/test/resources/corpus/dev");
    /** The training corpus (120 reports by other hands), kept once in the extract module's test resources. */
    public static final Path TRAIN = Path.of("../extract/src/test/resources/corpus/train");

    private Corpus() {}

    public static List<WireReport> reports(final Path folder) {
        final ReportParser parser = new ReportParser();
        final List<WireReport> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (final Path f : files.sorted().toList()) {
                final String name = f.getFileName().toString();
                if (name.endsWith(".gold.json") || name.endsWith(".md") || !Files.isRegularFile(f)) {
                    continue;
                }
                final ParseResult r = parser.parse(Files.readAllBytes(f), name);
                if (!r.accepted()) {
                    throw new IllegalStateException(f + " rejected: " + r);
                }
                out.addAll(r.reports());
            }
        } catch (final IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
