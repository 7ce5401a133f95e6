package org.wirewatch.formats;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.wirewatch.schema.ReportFormat;
import org.wirewatch.schema.WireReport;

/**
 * Outcome of parsing one input: either the reports it carries ({@link Accepted}; a NewsML-G2 newsMessage or a
 * feed document may carry several) or a {@link Rejection} with a reason a person can act on. An input that
 * carries several items is judged item by item: the usable ones are accepted, and each unusable one is listed
 * with its own reason ({@link RejectedItem}) so that it reaches the rejected topic on its own; an input is
 * rejected as a whole only when no item of it is usable. Every item ends up on exactly one of the two topics.
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
     * {@code receivedAt == null}, which the ingest source fills in. {@code rejectedItems} are the input's items
     * (feed entries, newsMessage items) that could not become reports, each with its reason.
     */
    record Accepted(ReportFormat detectedFormat, List<WireReport> reports, List<RejectedItem> rejectedItems)
            implements ParseResult {
        public Accepted {
            Objects.requireNonNull(detectedFormat, "detectedFormat");
            reports = List.copyOf(reports);
            rejectedItems = List.copyOf(rejectedItems);
            if (reports.isEmpty()) {
                throw new IllegalArgumentException("an accepted input carries at least one report");
            }
        }

        /** An input all of whose items were read. */
        public Accepted(ReportFormat detectedFormat, List<WireReport> reports) {
            this(detectedFormat, reports, List.of());
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

    /**
     * One item of an otherwise accepted input that could not become a report.
     *
     * @param id        the item's own id (guid, entry id), or its position when it has none
     * @param excerpt   its title and text, bounded, for the rejection record
     * @param rejection why
     */
    record RejectedItem(String id, String excerpt, Rejection rejection) {
        public RejectedItem {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(excerpt, "excerpt");
            Objects.requireNonNull(rejection, "rejection");
        }
    }
}
