package org.wirewatch.schema.compat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.Incompatibility;
import org.apache.avro.SchemaCompatibility.SchemaPairCompatibility;

/**
 * The build's schema gate: every named type in {@code released/} must still be readable by the
 * current schema of the same full name (BACKWARD compatibility, as the Confluent registry defines it:
 * new reader, old writer). Uses Avro's own {@link SchemaCompatibility}, so the verdict is the one a
 * consumer would meet at run time.
 *
 * <p>Run by the build at {@code process-classes}; exits non-zero with one line per problem, each naming
 * the type and the field.
 */
public final class CompatibilityCheck {

    private CompatibilityCheck() {}

    public static void main(final String[] args) throws IOException {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: CompatibilityCheck RELEASED_DIR CURRENT_DIR");
        }
        final List<String> problems = check(Path.of(args[0]), Path.of(args[1]));
        if (!problems.isEmpty()) {
            final StringBuilder sb =
                    new StringBuilder("Schema change breaks BACKWARD compatibility with the released schemas:");
            problems.forEach(
                    p -> sb.append(System.lineSeparator()).append("  - ").append(p));
            // An exception (not System.exit) so that exec:java fails the Maven build with this message.
            throw new IllegalStateException(sb.toString());
        }
    }

    /** Returns one human-readable line per incompatibility; empty when every released type is still readable. */
    public static List<String> check(final Path releasedDir, final Path currentDir) throws IOException {
        final Map<String, Schema> released = parseAll(releasedDir);
        final Map<String, Schema> current = parseAll(currentDir);
        final List<String> problems = new ArrayList<>();
        for (final Map.Entry<String, Schema> e : released.entrySet()) {
            final Schema now = current.get(e.getKey());
            if (now == null) {
                problems.add(e.getKey() + ": type was removed");
                continue;
            }
            final SchemaPairCompatibility result =
                    SchemaCompatibility.checkReaderWriterCompatibility(now, e.getValue());
            for (final Incompatibility inc : result.getResult().getIncompatibilities()) {
                problems.add(e.getKey() + ": " + describe(inc));
            }
        }
        return problems;
    }

    private static String describe(final Incompatibility inc) {
        return switch (inc.getType()) {
            case READER_FIELD_MISSING_DEFAULT_VALUE ->
                "field '" + inc.getMessage() + "' was added without a default value (at " + inc.getLocation() + ")";
            case MISSING_ENUM_SYMBOLS ->
                "enum symbols " + inc.getMessage() + " were removed (at " + inc.getLocation() + ")";
            default -> inc.getType() + " at " + inc.getLocation() + ": " + inc.getMessage();
        };
    }

    /**
     * Parses every .avsc under {@code dir} into one namespace of named types. Files may reference types of
     * other files, so parsing retries until no file makes progress.
     */
    static Map<String, Schema> parseAll(final Path dir) throws IOException {
        final Map<String, Schema> byName = new TreeMap<>();
        if (!Files.isDirectory(dir)) {
            return byName;
        }
        final Deque<Path> pending = new ArrayDeque<>();
        try (Stream<Path> files = Files.walk(dir)) {
            files.filter(p -> p.toString().endsWith(".avsc")).sorted().forEach(pending::add);
        }
        final Schema.Parser parser = new Schema.Parser();
        int sinceProgress = 0;
        AvroRuntimeException last = null;
        while (!pending.isEmpty()) {
            final Path file = pending.poll();
            try {
                final Schema s = parser.parse(file.toFile());
                byName.put(s.getFullName(), s);
                sinceProgress = 0;
            } catch (final AvroRuntimeException ex) { // undefined name: a type from a file not parsed yet
                last = ex;
                pending.add(file);
                if (++sinceProgress > pending.size()) {
                    throw new IllegalStateException(
                            "Cannot parse " + pending + " under " + dir + ": " + last.getMessage(), last);
                }
            }
        }
        return byName;
    }
}
