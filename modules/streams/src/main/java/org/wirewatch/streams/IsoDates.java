package org.wirewatch.streams;

import java.time.LocalDate;

/**
 * ISO dates read back from store and topic keys, where each record decodes several: {@link LocalDate#parse} goes
 * through a general formatter and costs about as much as the rest of a key's decoding. A date of the
 * {@code YYYY-MM-DD} form is read directly; anything else is left to {@link LocalDate#parse}, so an invalid date
 * fails as it always did.
 */
public final class IsoDates {

    private IsoDates() {}

    public static LocalDate parse(final CharSequence text) {
        if (text.length() == 10 && text.charAt(4) == '-' && text.charAt(7) == '-') {
            final int year = digits(text, 0, 4);
            final int month = digits(text, 5, 7);
            final int day = digits(text, 8, 10);
            if (year >= 0 && month >= 1 && month <= 12 && day >= 1 && day <= lengthOfMonth(year, month)) {
                return LocalDate.of(year, month, day);
            }
        }
        return LocalDate.parse(text);
    }

    private static int lengthOfMonth(final int year, final int month) {
        return java.time.YearMonth.of(year, month).lengthOfMonth();
    }

    /** The number the digits from {@code from} to {@code to} spell, or -1 when one of them is not a digit. */
    private static int digits(final CharSequence text, final int from, final int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            final char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }
}
