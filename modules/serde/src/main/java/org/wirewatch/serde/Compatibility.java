package org.wirewatch.serde;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.Incompatibility;
import org.apache.avro.SchemaCompatibility.SchemaPairCompatibility;

/**
 * Schema Registry compatibility levels, checked with Avro's own {@link SchemaCompatibility}.
 *
 * <p>BACKWARD: consumers using the new schema can read data written with the previous one. FORWARD: consumers
 * using the previous schema can read data written with the new one. FULL: both. The transitive variants check
 * against every earlier version instead of only the latest.
 */
public enum Compatibility {
    NONE,
    BACKWARD,
    BACKWARD_TRANSITIVE,
    FORWARD,
    FORWARD_TRANSITIVE,
    FULL,
    FULL_TRANSITIVE;

    /** Parses a level name as the registry API spells it (case-insensitive). */
    public static Compatibility parse(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException(
                    "Unknown compatibility level '" + name + "'; expected one of " + List.of(values()), e);
        }
    }

    /**
     * The reasons {@code candidate} is incompatible with {@code previous} (oldest first) at this level; empty
     * when it is compatible.
     */
    public List<String> incompatibilities(Schema candidate, List<Schema> previous) {
        if (this == NONE || previous.isEmpty()) {
            return List.of();
        }
        boolean transitive = name().endsWith("_TRANSITIVE");
        List<Schema> against = transitive ? previous : List.of(previous.get(previous.size() - 1));
        boolean backward = this == BACKWARD || this == BACKWARD_TRANSITIVE || this == FULL || this == FULL_TRANSITIVE;
        boolean forward = this == FORWARD || this == FORWARD_TRANSITIVE || this == FULL || this == FULL_TRANSITIVE;
        List<String> problems = new ArrayList<>();
        for (Schema old : against) {
            if (backward) {
                describe(
                        "new schema cannot read data written by an earlier version",
                        SchemaCompatibility.checkReaderWriterCompatibility(candidate, old),
                        problems);
            }
            if (forward) {
                describe(
                        "an earlier version cannot read data written by the new schema",
                        SchemaCompatibility.checkReaderWriterCompatibility(old, candidate),
                        problems);
            }
        }
        return problems;
    }

    private static void describe(String what, SchemaPairCompatibility result, List<String> problems) {
        for (Incompatibility incompatibility : result.getResult().getIncompatibilities()) {
            problems.add(what + ": " + incompatibility.getType() + " at " + incompatibility.getLocation() + ": "
                    + incompatibility.getMessage());
        }
    }
}
