package org.wirewatch.formats;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;

/**
 * ISO-8601 timestamps as agencies send them: with an offset or {@code Z}, with or without seconds and fractions,
 * a basic-format offset ({@code +0000}), or none at all (read as UTC, which is what wire systems mean by it).
 */
final class Timestamps {

    private static final DateTimeFormatter FLEXIBLE = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .appendLiteral('T')
            .appendValue(ChronoField.HOUR_OF_DAY, 2)
            .appendLiteral(':')
            .appendValue(ChronoField.MINUTE_OF_HOUR, 2)
            .optionalStart()
            .appendLiteral(':')
            .appendValue(ChronoField.SECOND_OF_MINUTE, 2)
            .optionalStart()
            .appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true)
            .optionalEnd()
            .optionalEnd()
            .optionalStart()
            .appendOffset("+HH:MM", "Z")
            .optionalEnd()
            .optionalStart()
            .appendOffset("+HHMM", "Z")
            .optionalEnd()
            .toFormatter();

    private Timestamps() {}

    /** Parses a timestamp field, with a rejection naming the field when it cannot be read. */
    static Instant parse(String field, String value) throws FormatException {
        String v = value.strip();
        try {
            if (v.length() == 10) {
                return LocalDate.parse(v).atStartOfDay().toInstant(ZoneOffset.UTC);
            }
            var parsed = FLEXIBLE.parseBest(v, OffsetDateTime::from, LocalDateTime::from);
            Instant instant = parsed instanceof OffsetDateTime odt
                    ? odt.toInstant()
                    : ((LocalDateTime) parsed).toInstant(ZoneOffset.UTC);
            if (instant.getEpochSecond() < -62_135_596_800L || instant.getEpochSecond() > 253_402_300_799L) {
                throw new DateTimeException("outside years 1-9999");
            }
            return instant;
        } catch (DateTimeException e) {
            throw new FormatException(
                    RejectionCode.INVALID_FIELD,
                    field + " is not an ISO-8601 timestamp: '" + Excerpts.clip(v, 60) + "'");
        }
    }
}
