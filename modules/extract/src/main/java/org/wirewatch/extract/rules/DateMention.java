package org.wirewatch.extract.rules;

import java.time.LocalDate;

/**
 * A date expression resolved against the publication date.
 *
 * @param from first token
 * @param to one past the last token
 * @param date the resolved day
 * @param toleranceDays how far off the day may be (1 for "overnight", 3 for "last week", 15 for a month)
 * @param role what the date is for in its sentence
 */
public record DateMention(int from, int to, LocalDate date, int toleranceDays, Role role) {

    /** What a date means in its sentence. */
    public enum Role {
        /** When something happened. */
        EVENT,
        /** When someone spoke ("said on Wednesday"): not an event date. */
        REPORTING,
        /** Start or span of a period ("since Sunday", "between October 5 and 8"): a running total, not an event. */
        PERIOD,
        /** An old event ("last month", "last year"): background. */
        PAST,
        /**
         * An earlier event recalled in a relative clause ("the town, whose capture in March set off a crisis"): the
         * day of neither the sentence's own event nor a period.
         */
        RECALLED
    }
}
