package org.wirewatch.common;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.wirewatch.schema.WireReport;

/**
 * When a report was published, the one definition every module uses (docs/architecture.md, "When a report was
 * published"). A report carries up to three times: {@code firstCreated} (the story's first version went out),
 * {@code versionCreated} (this version went out) and {@code receivedAt} (Wirewatch read it). Formats leave either
 * creation time out, so each question below takes the time it asks about and falls back to the other creation time,
 * then to the reception.
 *
 * <ul>
 *   <li>{@link #of}: when the story was published. Relative dates in the text ("Saturday") are resolved against its
 *   day, it is the extraction's {@code publishedAt}, and consolidation's horizon counts in it. Every version of a
 *   story has the same one as long as the agency sends {@code firstCreated}, so an update reads "Saturday" as the
 *   first version did.</li>
 *   <li>{@link #ofVersion}: when this version was published, the order a live feed delivers versions in; a backfill
 *   sends reports in this order.</li>
 * </ul>
 */
public final class Publication {

    private Publication() {}

    /** When the story was published: {@code firstCreated}, else {@code versionCreated}, else {@code receivedAt}. */
    public static Instant of(final WireReport report) {
        return first(report.getFirstCreated(), report.getVersionCreated(), report.getReceivedAt());
    }

    /** The UTC day of {@link #of}; the epoch day when the report carries no time at all. */
    public static LocalDate dayOf(final WireReport report) {
        final Instant t = of(report);
        return t == null ? LocalDate.EPOCH : LocalDate.ofInstant(t, ZoneOffset.UTC);
    }

    /**
     * When this version was published: {@code versionCreated}, else {@code firstCreated}, else {@code receivedAt};
     * the epoch when the report carries no time at all, so such reports sort first.
     */
    public static Instant ofVersion(final WireReport report) {
        final Instant t = first(report.getVersionCreated(), report.getFirstCreated(), report.getReceivedAt());
        return t == null ? Instant.EPOCH : t;
    }

    private static Instant first(final Instant a, final Instant b, final Instant c) {
        return a != null ? a : b != null ? b : c;
    }
}
