package org.wirewatch.sink.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvTest {

    @Test
    void shouldQuoteAndDoubleQuotesWhenFieldsHoldSeparators() throws Exception {
        // given
        final StringWriter out = new StringWriter();

        // when
        new Csv(out).row(Arrays.asList("plain", "a,b", "say \"no\"", "two\nlines", null, 3));

        // then
        assertThat(out).hasToString("plain,\"a,b\",\"say \"\"no\"\"\",\"two\nlines\",,3\r\n");
    }

    @Test
    void shouldEndEveryRecordWithCrLfWhenWritingSeveralRows() throws Exception {
        // given
        final StringWriter out = new StringWriter();
        final Csv csv = new Csv(out);

        // when
        csv.row(List.of("a"));
        csv.row(List.of("b"));

        // then
        assertThat(out).hasToString("a\r\nb\r\n");
    }
}
