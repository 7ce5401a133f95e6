package org.wirewatch.sink.export;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * RFC 4180 CSV: CRLF line ends, fields quoted when they hold a comma, a double quote, CR or LF, quotes doubled.
 * That is what spreadsheets (Excel, LibreOffice, Google Sheets) and CSV libraries (pandas, R's read.csv) read
 * without options.
 */
public final class Csv {

    private final Writer out;

    public Csv(final Writer out) {
        this.out = out;
    }

    /** Writes one record; null fields are written empty. */
    public void row(final List<?> fields) throws IOException {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(field(fields.get(i)));
        }
        out.write("\r\n");
    }

    static String field(final Object value) {
        if (value == null) {
            return "";
        }
        final String s = value.toString();
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
