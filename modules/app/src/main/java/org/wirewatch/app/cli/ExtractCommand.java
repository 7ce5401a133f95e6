package org.wirewatch.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.wirewatch.common.json.AvroJson;
import org.wirewatch.extract.Extractor;
import org.wirewatch.formats.ParseResult;
import org.wirewatch.formats.ReportParser;
import org.wirewatch.schema.WireReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code wirewatch extract PATH...}: extraction only, no Kafka. Prints one ReportExtraction per report as a plain
 * JSON line on stdout; an input that cannot be read gets one line on stderr naming the file and the reason, and
 * the other inputs still run.
 */
@Command(
        name = "extract",
        description = {
            "Extracts incidents and attributed claims from wire reports, without Kafka: one ReportExtraction"
                    + " JSON line per report on stdout.",
            "PATH is a report file (ninjs 1.x/2.x JSON, NewsML-G2, or plain text with the headline on the first"
                    + " line) or a folder, read recursively for .json, .ninjs, .xml and .txt files (analyst gold files,"
                    + " *.gold.json, are skipped).",
            "Unreadable inputs are reported on stderr as 'PATH: reason'; exit code 1 when there was one."
        })
public final class ExtractCommand implements Callable<Integer> {

    private static final List<String> EXTENSIONS = List.of(".json", ".ninjs", ".xml", ".txt");

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Report files or folders.")
    List<Path> paths;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Extractor extractor = Extractor.create();
        ReportParser parser = new ReportParser();
        int failures = 0;
        for (Path file : inputs(err)) {
            failures += extractFile(file, parser, extractor, out, err) ? 0 : 1;
        }
        out.flush();
        err.flush();
        return failures == 0 && !missing ? 0 : 1;
    }

    private boolean missing;

    /** Files in the order given; folders expanded to their report files in name order. */
    private List<Path> inputs(PrintWriter err) {
        List<Path> files = new ArrayList<>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> walk = Files.walk(p)) {
                    walk.filter(Files::isRegularFile)
                            .filter(ExtractCommand::isReportFile)
                            .sorted()
                            .forEach(files::add);
                } catch (IOException | java.io.UncheckedIOException e) {
                    err.println(p + ": cannot list folder: " + e.getMessage());
                    missing = true;
                }
            } else if (Files.isRegularFile(p)) {
                files.add(p);
            } else {
                err.println(p + ": no such file or folder");
                missing = true;
            }
        }
        return files;
    }

    private static boolean isReportFile(Path p) {
        String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.startsWith(".") || name.endsWith(".gold.json")) {
            return false;
        }
        return EXTENSIONS.stream().anyMatch(name::endsWith);
    }

    private static boolean extractFile(
            Path file, ReportParser parser, Extractor extractor, PrintWriter out, PrintWriter err) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            err.println(file + ": cannot read: " + e.getMessage());
            return false;
        }
        ParseResult result = parser.parse(bytes, file.getFileName().toString());
        if (result instanceof ParseResult.Rejection rejection) {
            err.println(file + ": " + rejection.reason());
            return false;
        }
        for (WireReport report : result.reports()) {
            try {
                out.println(AvroJson.toJson(extractor.extract(report)));
            } catch (RuntimeException e) {
                // a bug in a rule must not stop the other reports; the line says which report hit it
                err.println(file + ": extraction failed for " + report.getUri() + ": " + e);
                return false;
            }
        }
        out.flush();
        return true;
    }
}
