package org.wirewatch.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.junit.jupiter.api.Test;

class IsoDatesTest {

    @Test
    void shouldReadEveryDateAsLocalDateParseDoes() {
        // given every day of four years around a leap year, and years far from now
        for (LocalDate d = LocalDate.of(2023, 1, 1); d.isBefore(LocalDate.of(2027, 1, 1)); d = d.plusDays(1)) {
            // when / then
            assertThat(IsoDates.parse(d.toString())).isEqualTo(d);
        }
        for (final String text :
                new String[] {"0001-01-01", "0999-12-31", "9999-12-31", "+10000-01-01", "-0001-03-01"}) {
            assertThat(IsoDates.parse(text)).isEqualTo(LocalDate.parse(text));
        }
    }

    @Test
    void shouldRejectWhatLocalDateParseRejects() {
        for (final String text : new String[] {
            "2026-02-29", "2026-13-01", "2026-00-10", "2026-04-31", "2026-4-1x", "20x6-01-01", "2026/01/01", ""
        }) {
            assertThatThrownBy(() -> IsoDates.parse(text)).isInstanceOf(DateTimeParseException.class);
        }
    }
}
