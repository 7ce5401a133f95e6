package org.wirewatch.formats;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.wirewatch.schema.ReportFormat;
import org.wirewatch.schema.WireReport;

/**
 * Outcome of parsing one input: either the reports it carries ({@link Accepted}; a NewsML-G2 newsMessage or a
 * feed document may carry several) or a {@link Rejection} with a reason a person can act on. One input is
 * accepted or rejected as a whole, so it ends up either on the raw topic or on the rejected topic, never both.
 */
public sealed interface ParseResult permits ParseResult.Accepted, ParseResult.Rejection {

    /** Whether the input became reports. */
    default boolean accepted() {
        return this instanceof Accepted;
    }

    /** The reports, or an empty list for a rejection. */
    List<WireReport> reports();

    /** The format that was detected or requested, if one could be told. */
    Optional<ReportFormat> format();

    /**
     * The input was read. {@code reports} is never empty; reports carry {@code source == null} and
     * {@code receivedAt == null}, which the ingest source fills in.
     */
    record Accepted(ReportFormat detectedFormat, List<WireReport> reports) implements ParseResult {
        public Accepted {
            Objects.requireNonNull(detectedFormat, "detectedFormat");
            reports = List.copyOf(reports);
            if (reports.isEmpty()) {
                throw new IllegalArgumentException("an accepted input carries at least one report");
            }
        }

        @Override
        public Optional<ReportFormat> format() {
            return Optional.of(detectedFormat);
        }
    }

    /**
     * The input was refused.
     *
     * @param code   what kind of problem, so transports can map it (HTTP 413 for {@link RejectionCode#TOO_LARGE},
     *               415 for {@link RejectionCode#UNSUPPORTED_MEDIA_TYPE}, 400 otherwise)
     * @param reason one sentence saying what is wrong and, where it helps, where
     * @param detectedFormat the format that was detected or requested, or null if none could be told
     */
    record Rejection(RejectionCode code, String reason, ReportFormat detectedFormat) implements ParseResult {
        public Rejection {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public List<WireReport> reports() {
            return List.of();
        }

        @Override
        public Optional<ReportFormat> format() {
            return Optional.ofNullable(detectedFormat);
        }
    }
}
